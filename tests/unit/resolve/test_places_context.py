"""Containment ("Paris, Tenn."), the local region, and country-first resolution."""

from __future__ import annotations

import pytest

from warwire.resolve.gazetteer import MemoryGazetteer, normalise
from warwire.resolve.places import resolve
from warwire.resolve.places_candidate import Candidate
from warwire.resolve.places_context import STATE_ABBREVIATIONS, local_region
from warwire.types import Place

TN = Place("Tennessee", 35.75, -86.25, "United States", "US", "Tennessee", None, "ADM1", 6_800_000)
TX = Place("Texas", 31.25, -99.25, "United States", "US", "Texas", None, "ADM1", 28_000_000)
GA_US = Place("Georgia", 32.75, -83.5, "United States", "US", "Georgia", None, "ADM1", 10_000_000)
GA = Place("Georgia", 42.0, 43.5, "Georgia", "GE", None, 614540, "PCLI", 3_700_000)
PARIS_FR = Place("Paris", 48.85, 2.35, "France", "FR", "Ile-de-France", 1, "PPLC", 2_100_000)
PARIS_TN = Place("Paris", 36.3, -88.33, "United States", "US", "Tennessee", 2, "PPL", 10_000)
PARIS_TX = Place("Paris", 33.66, -95.56, "United States", "US", "Texas", 3, "PPL", 25_000)
PS = Place("Palestine", 31.9, 35.2, "Palestine", "PS", None, 6254930, "PCLI", 4_500_000)
PAL_TX = Place("Palestine", 31.76, -95.63, "United States", "US", "Texas", 4, "PPL", 18_000)
TYLER = Place("Tyler", 32.35, -95.3, "United States", "US", "Texas", 5, "PPL", 100_000)
ELK_TX = Place("Elkhart", 31.63, -95.58, "United States", "US", "Texas", 6, "PPL", 1_300)
ELK_IN = Place("Elkhart", 41.68, -85.98, "United States", "US", "Indiana", 7, "PPL", 52_000)
GRAPE = Place("Grapeland", 31.49, -95.48, "United States", "US", "Texas", 8, "PPL", 1_500)
MX = Place("Mexico", 23.0, -102.0, "Mexico", "MX", None, 3996063, "PCLI", 126_000_000)
MX_CITY = Place("Mexico City", 19.43, -99.13, "Mexico", "MX", "Mexico City", 9, "PPLC", 12_000_000)
SAHEL_BF = Place("Sahel", 14.0, -0.5, "Burkina Faso", "BF", "Sahel", None, "ADM1", 1_000_000)
SAHEL = Place("Sahel", 15.0, 0.0, None, None, None, None, "RGN", 0)
MALI = Place("Mali", 17.0, -4.0, "Mali", "ML", None, 2453866, "PCLI", 20_000_000)

GAZ = MemoryGazetteer(
    [TN, TX, GA_US, GA, PARIS_FR, PARIS_TN, PARIS_TX, PS, PAL_TX, TYLER, ELK_TX, ELK_IN, GRAPE,
     (MX, []), (MX_CITY, ["Mexico"]), SAHEL_BF, SAHEL, MALI]
)  # fmt: skip


def _cands(text: str, *names: str) -> list[Candidate]:
    out, at = [], 0
    for name in names:
        start = text.index(name, at)
        out.append(Candidate(start, start + len(name), name, "GPE"))
        at = start + len(name)
    return out


def _resolved(text: str, *names: str) -> list[Place | None]:
    return [t.place for t in resolve(text, _cands(text, *names), GAZ)]


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        ("He moved to Paris, Tenn. last year.", ("Paris",), "Tennessee"),
        ("He moved to Paris, TX last year.", ("Paris",), "Texas"),
        ("He moved to Paris, Tennessee, last year.", ("Paris", "Tennessee"), "Tennessee"),
        ("He moved to Paris last year.", ("Paris",), "Ile-de-France"),
    ],
)
def test_town_comma_container(text: str, names: tuple[str, ...], expected: str) -> None:
    assert _resolved(text, *names)[0].admin1 == expected  # type: ignore[union-attr]


def test_local_region_settles_a_town_named_like_a_country() -> None:
    text = (
        "Tyler police said the Elkhart man was held in Palestine. Grapeland and Tyler "
        "deputies helped, and Elkhart schools closed. Palestine officials met in Tyler "
        "and Paris."
    )
    names = ("Tyler", "Elkhart", "Palestine", "Grapeland", "Tyler", "Elkhart", "Palestine",
             "Tyler", "Paris")  # fmt: skip
    places = _resolved(text, *names)
    assert {p.admin1 for p in places if p} == {"Texas"}


def test_country_name_beats_a_capital_listing_it_as_alternate() -> None:
    text = "Officials in Mexico City said Mexico would respond."
    places = _resolved(text, "Mexico City", "Mexico")
    assert places[1] is not None and places[1].feature == "PCLI"


def test_georgia_is_the_country_without_a_us_story() -> None:
    (place,) = _resolved("Troops crossed into Georgia overnight.", "Georgia")
    assert place is not None and place.country_code == "GE"


def test_sahel_is_the_macro_region_in_a_mali_story() -> None:
    text = "Mali said fighting spread across the Sahel from Mali."
    places = _resolved(text, "Mali", "Sahel", "Mali")
    assert places[1] is not None and places[1].feature == "RGN"


def test_local_region_needs_a_clear_lead() -> None:
    keys = [normalise("Paris")]
    assert local_region(keys, [[PARIS_TN, PARIS_TX]], [False]) is None


@pytest.mark.parametrize(("abbr", "state"), [("Tenn", "Tennessee"), ("Pa", "Pennsylvania"),
                                             ("La", "Louisiana"), ("TX", "Texas")])  # fmt: skip
def test_state_abbreviations(abbr: str, state: str) -> None:
    assert STATE_ABBREVIATIONS[normalise(abbr)] == state
