"""A story's undated follow-up sentences at other places are events of the story's
day (ACLED: one event per location per day); the same words told in the perfect or
at a place already coded are not. Sentences written for these tests."""

from datetime import date

from warwire.pipeline import Pipeline
from warwire.types import Analysis, Document, Event, Source

REF = date(2025, 3, 5)  # a Wednesday
MONDAY = date(2025, 3, 3)


def _events(pipeline: Pipeline, text: str) -> list[Event]:
    doc = Document("t", "t", text, published=REF, source=Source(publisher="Wire Desk"))
    (analysis,) = pipeline.run([Analysis(doc)])
    return list(analysis.events)


LEDE = (
    "Thousands of people marched through Lagos on Monday to protest against a sharp "
    "rise in fuel prices, chanting slogans against the government.\n\n"
)


def test_follow_up_at_new_places_inherits_the_story_day(pipeline: Pipeline) -> None:
    text = LEDE + "Demonstrations later spread to Port Harcourt and Enugu.\n\n"
    events = _events(pipeline, text)
    by_place = {e.place.name: e for e in events if e.place}
    assert {"Lagos", "Port Harcourt", "Enugu"} <= set(by_place)
    for name in ("Port Harcourt", "Enugu"):
        assert by_place[name].sub_event_type == "Peaceful protest"
        assert by_place[name].when.start == MONDAY


def test_follow_up_in_the_perfect_is_no_new_event(pipeline: Pipeline) -> None:
    text = LEDE + "Traffic has been diverted away from Enugu because of the demonstrations.\n\n"
    places = {e.place.name for e in _events(pipeline, text) if e.place}
    assert "Enugu" not in places


def test_follow_up_needs_a_dated_event_of_its_kind(pipeline: Pipeline) -> None:
    text = (
        "Gunmen killed four villagers in Mubi on Monday, police said.\n\n"
        "Demonstrations later spread to Port Harcourt and Enugu.\n\n"
    )
    places = {e.place.name for e in _events(pipeline, text) if e.place}
    assert not {"Port Harcourt", "Enugu"} & places
