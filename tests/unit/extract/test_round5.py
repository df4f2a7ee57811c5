"""Round 5: liveblog stamps, first-person claims, weapon owners, drills, plans and history."""

from datetime import date

import pytest

from warwire.config import Settings
from warwire.pipeline import Pipeline
from warwire.registry import default_stages
from warwire.resolve.dates import resolve_dates
from warwire.types import Analysis, Document, Event, Source

REF = date(2024, 7, 1)  # a Monday


def _events(text: str, published: date = REF) -> list[Event]:
    doc = Document("t", "t", text, published=published, source=Source(publisher="Desk"))
    (analysis,) = Pipeline(default_stages(Settings())).run([Analysis(doc)])
    return list(analysis.events)


@pytest.mark.parametrize(
    ("text", "start", "precision"),
    [
        ("Elections are due next Sunday.", "2024-07-07", 1),
        ("Talks resume next week.", "2024-07-08", 2),
        ("Forty years ago, troops razed the town.", "1984-07-01", 3),
        ("Two decades ago, the war began.", "2004-07-01", 3),
    ],
)
def test_future_and_long_ago_windows(text: str, start: str, precision: int) -> None:
    (when,) = resolve_dates(text, 0, "d", REF)
    assert (str(when.start), when.time_precision) == (start, precision)


@pytest.mark.slow
def test_stamped_entry_keeps_weapon_owner_as_actor1() -> None:
    (event,) = _events("07:50 Russian missiles struck a factory in Kremenchuk on 29 June.")
    assert event.actor1 is not None and "Russia" in event.actor1.name
    assert event.when.start == date(2024, 6, 29)


@pytest.mark.slow
def test_first_person_claim_names_the_speakers_forces() -> None:
    text = (
        '"Our gunners destroyed an enemy ammunition depot near Toretsk on 27 June," '
        "the Ukrainian army said."
    )
    (event,) = _events(text)
    assert event.sub_event_type == "Shelling/artillery/missile attack"
    assert event.actor1 is not None and "Ukraine" in event.actor1.name


@pytest.mark.slow
def test_first_person_without_speaker_is_not_an_actor_named_our() -> None:
    events = _events("Our gunners destroyed an enemy depot near Toretsk on 27 June.")
    assert all(e.actor1 is None or not e.actor1.name.lower().startswith("our") for e in events)


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "Warships fired cruise missiles at targets at sea during naval drills on Friday.",
        "Supporters will rally in Harare next Saturday, the party said on Monday.",
        "Fifty years ago, soldiers shot dead 13 marchers in the city of Derry.",
    ],
)
def test_drills_plans_and_history_are_not_events(text: str) -> None:
    assert _events(text) == []


@pytest.mark.slow
def test_drill_words_do_not_hide_a_real_attack() -> None:
    events = _events("Gunmen attacked troops during a training exercise near Mopti on 26 June.")
    assert events
