"""The story's country of a headline: its places outrank its sides' demonyms, and a
monitor's own country outranks demonyms alone."""

from datetime import date

from warwire.config import Settings
from warwire.pipeline import Pipeline
from warwire.registry import default_stages
from warwire.types import Analysis, Document, Event, Source


def _events(text: str, publisher: str) -> list[Event]:
    doc = Document("t", "t", text, published=date(2024, 7, 1), source=Source(publisher=publisher))
    (analysis,) = Pipeline(default_stages(Settings())).run([Analysis(doc)])
    return list(analysis.events)


def _countries(text: str, publisher: str = "Desk") -> set[str | None]:
    return {e.place.country_code if e.place else None for e in _events(text, publisher)}


def test_a_place_named_as_a_location_outranks_the_attackers_demonym() -> None:
    assert _countries("Turkish jets kill 3 militants in northern Syria") == {"SY"}


def test_a_monitors_country_outranks_demonyms_alone() -> None:
    text = "Russian warplanes kill 3 and wound others in a village"
    assert _countries(text, "Syrian Observatory for Human Rights") == {"SY"}
    assert _countries(text) == {"RU"}


MONITOR = "Syrian Observatory for Human Rights"


def test_a_country_across_the_border_is_not_where_it_happened() -> None:
    text = "A car bomb kills four at a crossing on the border with Turkey"
    assert _countries(text, MONITOR) == {"SY"}


def test_a_sides_allegiance_is_not_where_it_happened() -> None:
    assert _countries("Kurdish fighters kill 5 members of the pro-Turkey factions", MONITOR) == {
        "SY"
    }
    assert _countries("Turkey-loyal factions lose 3 fighters in an ambush", MONITOR) == {"SY"}


def test_a_country_named_for_its_army_is_a_side() -> None:
    text = "Clashes between Chad army and CAR rebels kill 11"
    assert _countries(text) == {"CF"}
