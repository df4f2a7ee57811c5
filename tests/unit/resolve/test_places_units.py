"""Named units: "X district" at its namesake town, "X County", state titles, trims."""

from __future__ import annotations

from warwire.resolve.gazetteer import MemoryGazetteer
from warwire.resolve.places import resolve
from warwire.resolve.places_candidate import Candidate
from warwire.resolve.places_units import trimmed_forms
from warwire.types import Place

# invented places
DIST = Place("Korvani District", 10.10, 20.10, "Ruritania", "RU", "Upland", None, "ADM2", 90_000)
TOWN = Place("Korvani", 10.00, 20.00, "Ruritania", "RU", "Upland", None, "PPL", 40_000)
FAR = Place("Korvani", 50.00, -3.00, "Elsewhere", "EL", "Coast", None, "PPL", 60_000)
STATE = Place("Veloria", 30.0, 40.0, "Ruritania", "RU", "Veloria", None, "ADM1", 3_000_000)
CITY = Place("Veloria", 30.5, 40.5, "Ruritania", "RU", "Veloria", None, "PPL", 800_000)
COUNTY = Place("Dunmore County", 45.0, -80.0, "Ruritania", "RU", "Veloria", None, "ADM2", 20_000)
DUN = Place("Dunmore", 20.0, 10.0, "Elsewhere", "EL", "Coast", None, "PPL", 9_000)
WEST = Place("West Arden", 5.0, 5.0, "Ruritania", "RU", "West Arden", None, "ADM1", 1_000_000)
ARDEN = Place("Arden", 9.0, 9.0, "Ruritania", "RU", "Arden", None, "ADM1", 2_000_000)
GAZ = MemoryGazetteer([(DIST, ["Korvani"]), TOWN, FAR, STATE, CITY, COUNTY, DUN, WEST, ARDEN])


def _place(text: str, name: str) -> Place | None:
    start = text.index(name)
    found = resolve(text, [Candidate(start, start + len(name), name, "GPE")], GAZ)
    return found[0].place if found else None


def test_a_district_is_coded_at_its_namesake_town_as_part_of_a_region() -> None:
    place = _place("Gunmen attacked a post in Korvani district on Monday.", "Korvani")
    assert place is not None
    assert (place.feature, place.latitude, place.geo_precision) == ("PPL", 10.0, 2)


def test_a_bare_name_that_is_a_district_and_its_town_is_the_town() -> None:
    place = _place("Gunmen attacked a market in Korvani on Monday.", "Korvani")
    assert place is not None
    assert (place.feature, place.geo_precision) == ("PPL", 1)


def test_a_name_followed_by_county_is_the_county_not_a_town_elsewhere() -> None:
    place = _place("Deputies in Dunmore County searched the woods.", "Dunmore")
    assert place is not None and place.feature == "ADM2"


def test_a_state_office_after_the_name_means_the_state() -> None:
    place = _place("Former Veloria Gov. Ann Smith spoke on Friday.", "Veloria")
    assert place is not None and place.feature == "ADM1"
    city = _place("Protesters marched through Veloria on Friday.", "Veloria")
    assert city is not None and city.feature == "PPL"


def test_trims_drop_a_trailing_word_before_a_leading_one() -> None:
    assert trimmed_forms("West Arden State")[0] == "West Arden"
    assert trimmed_forms("Northern Province") == []
    place = _place("Later West Arden State Police said the truck fled.", "West Arden State")
    assert place is not None and place.name == "West Arden"
