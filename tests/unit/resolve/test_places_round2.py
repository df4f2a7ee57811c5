"""Round-2 geoparsing rules: embedded places, alternate-name strays, point files."""

from __future__ import annotations

import pytest

from warwire.resolve.gazetteer import MemoryGazetteer
from warwire.resolve.gazetteer_build import _compass_variants
from warwire.resolve.gazetteer_points import country_points, region_points
from warwire.resolve.places import toponyms_for
from warwire.testing import parsed_sentence
from warwire.types import Place, Sentence

PLACES = [
    (Place("Mali", 17.0, -4.0, "Mali", "ML", None, 1, "PCLI", 20_000_000), []),
    (Place("Mopti", 14.49, -4.19, "Mali", "ML", "Mopti", 2, "PPL", 120_000), []),
    (Place("Douentza", 15.0, -2.95, "Mali", "ML", "Mopti", 3, "PPL", 25_000), []),
    (Place("Bonn", 50.73, 7.1, "Germany", "DE", "NRW", 4, "PPL", 330_000), ["Boni"]),
    (Place("Dublin", 40.1, -83.11, "United States", "US", "Ohio", 5, "PPL", 60_000), []),
    (Place("Ohio", 40.25, -83.0, "United States", "US", "Ohio", None, "ADM1", 11_000_000),
     ["Ohio State"]),
    (Place("Rapid City", 44.08, -103.23, "United States", "US", "SD", 6, "PPL", 75_000),
     ["Rapid"]),
    (Place("Canada", 60.1, -113.6, "Canada", "CA", None, 7, "PCLI", 37_000_000), []),
    (Place("Greece", 39.0, 22.0, "Greece", "GR", None, 8, "PCLI", 10_000_000), []),
    (Place("Italy", 42.8, 12.8, "Italy", "IT", None, 9, "PCLI", 60_000_000), []),
]  # fmt: skip


@pytest.fixture()
def gaz() -> MemoryGazetteer:
    return MemoryGazetteer(PLACES)


def parsed(text: str, entities: list[tuple[str, str]]) -> list[Sentence]:
    return [parsed_sentence(text, entities)]


def found(
    text: str, entities: list[tuple[str, str]], gaz: MemoryGazetteer
) -> dict[str, str | None]:
    return {
        t.text: (t.place.name if t.place else None)
        for t in toponyms_for(text, parsed(text, entities), gaz, "d")
    }


@pytest.mark.parametrize(
    ("text", "entity", "label", "expected"),
    [
        ("Grants went to the Dublin Arts Council this spring.", "Dublin Arts Council", "ORG",
         {"Dublin": "Dublin"}),
        ("A report by the Conference Board of Canada was published.",
         "Conference Board of Canada", "ORG", {"Canada": "Canada"}),
        ("Ferries run between Greece Italy and beyond.", "Greece Italy", "GPE",
         {"Greece": "Greece", "Italy": "Italy"}),
        ("The Rapid Response Team arrived in time.", "Rapid Response Team", "ORG", {}),
        ("Jack Dublin spoke to reporters yesterday.", "Jack Dublin", "PERSON", {}),
    ],
)  # fmt: skip
def test_places_inside_longer_names(
    text: str, entity: str, label: str, expected: dict[str, str], gaz: MemoryGazetteer
) -> None:
    assert found(text, [(entity, label)], gaz) == expected


def test_alternate_name_far_from_a_clear_focus_gives_no_place(gaz: MemoryGazetteer) -> None:
    text = "In Mali, gunmen struck near Boni, between Douentza and Mopti."
    got = found(text, [("Mali", "GPE"), ("Boni", "GPE"), ("Douentza", "GPE"), ("Mopti", "GPE")],
                gaz)  # fmt: skip
    assert got["Boni"] is None
    assert got["Mopti"] == "Mopti"


def test_alternate_name_without_focus_still_resolves(gaz: MemoryGazetteer) -> None:
    assert found("They flew to Boni.", [("Boni", "GPE")], gaz) == {"Boni": "Bonn"}


def test_dotted_state_abbreviation_is_a_candidate() -> None:
    gaz = MemoryGazetteer(
        [(Place("Ohio", 40.25, -83.0, "United States", "US", "Ohio", None, "ADM1", 1), ["O.H."])]
    )
    assert found("He lives in Dublin, O.H. with his family.", [], gaz) == {"O.H": "Ohio"}


def test_point_files_use_geonames_convention() -> None:
    us = country_points()["US"]
    assert us == pytest.approx((39.76, -98.5))
    assert len(country_points()) > 100
    regions = region_points()
    assert "Calif." in regions[("US", "California")].alternates
    assert all(-90 <= r.latitude <= 90 and -180 <= r.longitude <= 180 for r in regions.values())


@pytest.mark.parametrize(
    ("name", "variants"),
    [("Northern Darfur", ("North Darfur",)), ("Western Cape", ("West Cape",)), ("Ohio", ())],
)
def test_compass_variants(name: str, variants: tuple[str, ...]) -> None:
    assert _compass_variants(name) == variants
