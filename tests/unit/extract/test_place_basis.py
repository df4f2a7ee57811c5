"""The event's place records how it was chosen (Place.place_basis) and codes an area
around a town at geo_precision 2. Sentences written for these tests."""

from datetime import date

import pytest

from warwire.config import Settings
from warwire.extract.place_basis import (
    ADMIN1,
    COUNTRY,
    DISTRICT,
    NAMED_FEATURE,
    NAMED_TOWN,
    NEAR_TOWN,
    STORY_COUNTRY,
    basis_of,
    country_point,
)
from warwire.extract.wheres import _around
from warwire.pipeline import Pipeline
from warwire.registry import default_stages
from warwire.types import Analysis, Document, Event, Place, Source, Span


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(default_stages(Settings()))


def _events(pipeline: Pipeline, text: str, publisher: str = "Wire Desk") -> list[Event]:
    doc = Document("t", "t", text, published=date(2023, 3, 14), source=Source(publisher=publisher))
    (analysis,) = pipeline.run([Analysis(doc)])
    return list(analysis.events)


def _place(feature: str, precision: int = 1) -> Place:
    return Place("X", 1.0, 2.0, "Y", "YY", feature=feature, geo_precision=precision)


def test_basis_follows_the_place_chain() -> None:
    assert basis_of(_place("PPL")) == NAMED_TOWN
    assert basis_of(_place("PPLA", 2)) == NEAR_TOWN
    assert basis_of(_place("ADM2", 2)) == DISTRICT
    assert basis_of(_place("ADM1", 3)) == ADMIN1
    assert basis_of(_place("PCLI", 3)) == COUNTRY
    assert basis_of(_place("MT")) == NAMED_FEATURE
    point = country_point("KE")
    assert point is not None and point.place_basis == STORY_COUNTRY and point.geo_precision == 3


@pytest.mark.parametrize(
    ("text", "around"),
    [
        ("shelling on the eastern countryside of Saraqib", True),
        ("clashes in Saraqib countryside", True),
        ("fighting on the outskirts of the town of Saraqib", True),
        ("a raid near Saraqib", True),
        ("a raid in Saraqib", False),
        ("a raid in Saraqib on Monday", False),
    ],
)
def test_an_area_around_a_town(text: str, around: bool) -> None:
    start = text.index("Saraqib")
    assert _around(text, Span("t", start, start + len("Saraqib"))) is around


def test_a_named_town_and_the_country_fallback_carry_their_basis(pipeline: Pipeline) -> None:
    (event,) = _events(pipeline, "Gunmen killed four traders in Mandera, Kenya, on Monday.")
    assert event.place is not None and event.place.name == "Mandera"
    assert event.place.place_basis == NAMED_TOWN and event.place.geo_precision == 1
    (event,) = _events(pipeline, "Kenyan police shot dead three protesters on Monday.")
    assert event.place is not None and event.place.country_code == "KE"
    assert event.place.place_basis in {STORY_COUNTRY, "story place"}


def test_a_transliterated_town_is_found_in_the_story_country(pipeline: Pipeline) -> None:
    events = _events(pipeline, "Warplanes struck targets in Menbej and near Aleppo on Monday.")
    names = {e.place.name for e in events if e.place is not None}
    assert "Manbij" in names


def test_a_place_struck_is_the_events_place_not_an_actor(pipeline: Pipeline) -> None:
    """ "shelling on the eastern X": the phrase's head word is the place (whatever the
    tagger calls it), so the place is where it happened, not the side shelled."""
    events = _events(pipeline, "Shelling on the eastern Ghouta killed five civilians on Monday.")
    assert events and events[0].place is not None
    assert events[0].place.name == "Eastern Ghouta" and events[0].place.country_code == "SY"
