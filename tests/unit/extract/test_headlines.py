"""Headline-only inputs: a one-line report is a document and is extracted, in
headline grammar (present tense, bare verbs, nominal casualty lines, a place
before a colon), in the country its words or its source tell. Headlines
written for these tests."""

from datetime import date

import pytest

from warwire.config import Settings
from warwire.extract.document import filed_from
from warwire.extract.headlines import headline_like
from warwire.extract.triggers import find_triggers
from warwire.nlp import parse_text
from warwire.pipeline import Pipeline
from warwire.registry import default_stages
from warwire.types import Analysis, Document, Event, Source

REF = date(2023, 3, 14)


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(default_stages(Settings()))


def _country(event: Event) -> str | None:
    return event.place.country if event.place else None


def _events(pipeline: Pipeline, line: str, publisher: str = "Wire Desk") -> list[Event]:
    # cleaning makes a lone line the document's title and its text
    doc = Document("h", "h", line, title=line, published=REF, source=Source(publisher=publisher))
    (analysis,) = pipeline.run([Analysis(doc)])
    return list(analysis.events)


@pytest.mark.parametrize(
    ("line", "sub_event_type"),
    [
        ("Warplanes strike market in Mandera", "Air/drone strike"),
        ("Helicopters drop barrels on villages near Mandera", "Air/drone strike"),
        ("Casualties in shelling on Garissa", "Shelling/artillery/missile attack"),
        ("Army controls the town of Garissa", "Government regains territory"),
        ("Rebels advance on Garissa", "Armed clash"),
    ],
)
def test_headline_verbs_and_nouns_report_events(
    pipeline: Pipeline, line: str, sub_event_type: str
) -> None:
    events = _events(pipeline, line)
    assert [e.sub_event_type for e in events] == [sub_event_type]
    assert _country(events[0]) == "Kenya"


@pytest.mark.parametrize(
    "line",
    [
        "Human losses among militia fighters near Garissa",
        "Martyrs in Garissa after night of bombardment",
        "Six dead as gunmen storm hotel in Garissa",
        "Garissa: four killed in attack on bus",
    ],
)
def test_nominal_and_colon_headlines_are_events_where_they_say(
    pipeline: Pipeline, line: str
) -> None:
    events = _events(pipeline, line)
    assert events
    assert _country(events[0]) == "Kenya"


@pytest.mark.parametrize(
    ("line", "country"),
    [
        ("Pak troops kill four militants in overnight raid", "Pakistan"),
        ("Philippine army kills three rebels", "Philippines"),
        ("Afghan police repel attack on checkpoint", "Afghanistan"),
    ],
)
def test_nationality_words_and_short_forms_tell_the_country(
    pipeline: Pipeline, line: str, country: str
) -> None:
    events = _events(pipeline, line)
    assert events
    assert _country(events[0]) == country


def test_a_source_named_for_its_people_tells_the_country_when_nothing_else_does(
    pipeline: Pipeline,
) -> None:
    line = "Gunmen kill four in ambush on convoy"
    (event,) = _events(pipeline, line, publisher="The Kenyan Evening Courier")
    assert _country(event) == "Kenya"
    # a country's name in an aggregator's name says nothing of where a story happened
    (event,) = _events(pipeline, line, publisher="Kenya Reposts Daily")
    assert _country(event) is None
    # the story's own words win over its source
    (event,) = _events(pipeline, "Pak troops kill four in ambush", "The Kenyan Evening Courier")
    assert _country(event) == "Pakistan"


def test_bare_headline_verbs_are_no_triggers_in_a_story_body() -> None:
    text = "Forces target the market town.\n\nForces target the market town"
    body, headline = parse_text("d", text)
    assert not find_triggers(body, text)
    assert [h.sub_event_type for h in find_triggers(headline, text)] == ["Armed clash"]


def test_headline_like_and_a_headline_place_before_its_colon() -> None:
    assert headline_like("Gunmen kill three in raid")
    assert not headline_like("Gunmen killed three people in a raid on Monday.")
    text = "Garissa: four killed in attack on bus"
    assert not filed_from(text, 0, 7)
    body = "Garissa: Four people were killed on Monday when gunmen attacked a bus."
    assert filed_from(body, 0, 7)


@pytest.mark.parametrize(
    ("line", "civilians"),
    [
        ("Rebels kill seven villagers in C. Africa", "Civilians (Central African Republic)"),
        (
            "Militia kills five villagers in east DR Congo",
            "Civilians (Democratic Republic of Congo)",  # ACLED's name, not the gazetteer's
        ),
    ],
)
def test_short_country_names_tell_the_story_country(
    pipeline: Pipeline, line: str, civilians: str
) -> None:
    (event,) = _events(pipeline, line)
    assert event.actor2 is not None and event.actor2.name == civilians


@pytest.mark.parametrize(
    ("line", "sub_event_type"),
    [
        # the tagger reads "IS" as a verb and "advances" as a noun
        ("IS advances over rebels near Garissa", "Armed clash"),
        ("Insurgents carry out executions of villagers near Garissa", "Attack"),
        # a long one-line alert told in the present, with a closing stop
        (
            "Two days after the truce collapsed, militants attack an army base outside Garissa "
            "and kill four soldiers in fighting that lasts until the evening.",
            "Armed clash",
        ),
    ],
)
def test_headline_grammar_the_tagger_misreads_still_reports_events(
    pipeline: Pipeline, line: str, sub_event_type: str
) -> None:
    events = _events(pipeline, line)
    assert sub_event_type in [e.sub_event_type for e in events]
    assert _country(events[0]) == "Kenya"


def test_a_headline_noun_after_a_possessive_is_no_verb() -> None:
    text = "Army halts its advance near Garissa"
    (line,) = parse_text("d", text)
    assert not find_triggers(line, text)


def test_a_one_line_blast_report_is_an_event_unless_it_names_an_accident(
    pipeline: Pipeline,
) -> None:
    blast = _events(pipeline, "Explosion kills three near a checkpoint in Garissa")
    assert [e.sub_event_type for e in blast] == ["Remote explosive/landmine/IED"]
    assert _events(pipeline, "Gas cylinder explosion kills three at a restaurant in Garissa") == []


@pytest.mark.parametrize(
    "line",
    ["Jihadists kill 4 herders", "Rebels attack the district airport", "Gunmen attack army post"],
)
def test_a_short_present_tense_headline_passes_the_mention_gate(
    pipeline: Pipeline, line: str
) -> None:
    # short, undated, in the present and placeless: in an article such a line is
    # a caption or a teaser; as the whole document it is the report
    assert len(_events(pipeline, line)) == 1


@pytest.mark.parametrize(
    "line",
    [
        "Bandits often ambush lorries near Garissa",
        "Rebels threaten to attack Garissa airport",
        "Over 300 killed in Garissa since January",
    ],
)
def test_habits_threats_and_running_totals_in_one_line_are_no_events(
    pipeline: Pipeline, line: str
) -> None:
    assert _events(pipeline, line) == []


@pytest.mark.parametrize(
    ("line", "sub_event_type"),
    [
        ("Rebels achieve new advancement near Garissa", "Armed clash"),
        (
            "Militants expand their control in the hills of Garissa",
            "Non-state actor overtakes territory",
        ),
    ],
)
def test_headline_phrases_for_advances_and_gains_report_events(
    pipeline: Pipeline, line: str, sub_event_type: str
) -> None:
    assert [e.sub_event_type for e in _events(pipeline, line)] == [sub_event_type]


def test_advancement_words_are_no_triggers_in_a_story_body() -> None:
    text = "The company made new advancements in irrigation last year, its chief said."
    (sentence,) = parse_text("d", text)
    assert not find_triggers(sentence, text)


@pytest.mark.parametrize(
    ("line", "actor1"),
    [
        ("Somalia's al Shabaab storms army base near Jowhar", "Al Shabaab"),
        (
            "Nigeria's ISWAP fighters ambush convoy in Borno",
            "Islamic State West Africa Province (ISWAP)",
        ),
    ],
)
def test_a_country_possessive_is_where_not_who(pipeline: Pipeline, line: str, actor1: str) -> None:
    (event,) = _events(pipeline, line)
    assert event.actor1 is not None and event.actor1.name == actor1


def test_a_country_named_before_the_town_vouches_for_its_spelling(pipeline: Pipeline) -> None:
    # Jizan, spelt "Jazan": an alternate spelling abroad is believed when the text names
    # its country right before it, whatever the story's own country
    (event,) = _events(pipeline, "Yemen's Houthis fire missiles at Saudi city of Jazan")
    assert event.place is not None and event.place.country_code == "SA"
