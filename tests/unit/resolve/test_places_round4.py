"""Round-4 geoparsing rules: continent demonyms, bare ocean names, size and big cities."""

from __future__ import annotations

import pytest

from warwire.resolve.gazetteer import MemoryGazetteer
from warwire.resolve.places import toponyms_for
from warwire.testing import parsed_sentence
from warwire.types import Place, Sentence

US = "United States"
PLACES = [
    (Place("Europe", 48.7, 9.1, None, None, None, 1, "CONT", 741_000_000), []),
    (Place("Africa", 7.2, 21.1, None, None, None, 2, "CONT", 1_000_000_000), []),
    (Place("Atlantic Ocean", 10.0, -25.0, None, None, None, 3, "OCN", 0), ["Atlantic"]),
    (Place("Atlantic", 41.4, -95.0, US, "US", "Iowa", 4, "PPL", 6_800), []),
    (Place("Portland", 45.52, -122.68, US, "US", "Oregon", 5, "PPL", 650_000), []),
    (Place("Portland", 27.88, -97.32, US, "US", "Texas", 6, "PPL", 16_000), []),
    (Place("Houston", 29.76, -95.36, US, "US", "Texas", 7, "PPL", 2_300_000), []),
    (Place("Corpus Christi", 27.8, -97.4, US, "US", "Texas", 8, "PPL", 320_000), []),
    (Place("New York City", 40.71, -74.01, US, "US", "New York", 9, "PPL", 8_800_000),
     ["New York"]),
    (Place("New York", 43.0, -75.5, US, "US", "New York", 10, "ADM1", 19_000_000), []),
    (Place("Brooklyn", 40.65, -73.95, US, "US", "New York", 11, "PPL", 2_700_000), []),
    (Place("Queens", 40.68, -73.84, US, "US", "New York", 12, "PPL", 2_300_000), []),
    (Place("Bronx", 40.85, -73.87, US, "US", "New York", 13, "PPL", 1_400_000), []),
    (Place("Paris", 36.3, -88.33, US, "US", "Tennessee", 14, "PPL", 10_000), []),
    (Place("Swainsboro", 32.6, -82.33, US, "US", "Georgia", 15, "PPL", 7_000), ["Paris"]),
    (Place("Georgia", 32.75, -83.5, US, "US", "Georgia", 16, "ADM1", 10_000_000), []),
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
        t.text: (t.place.admin1 or t.place.name if t.place else None)
        for t in toponyms_for(text, parsed(text, entities), gaz, "d")
    }


@pytest.mark.parametrize(
    ("text", "entities", "expected"),
    [
        ("Ministers met their European counterparts.", [("European", "NORP")],
         {"European": "Europe"}),
        ("Several African leaders attended.", [("African", "NORP")], {"African": "Africa"}),
        ("The storm formed over the Atlantic on Monday.", [("Atlantic", "LOC")],
         {"Atlantic": "Atlantic Ocean"}),
    ],
)  # fmt: skip
def test_continents_and_oceans(
    text: str, entities: list[tuple[str, str]], expected: dict[str, str], gaz: MemoryGazetteer
) -> None:
    assert found(text, entities, gaz) == expected


def test_demonyms_can_be_left_out(gaz: MemoryGazetteer) -> None:
    text = "Ministers met their European counterparts."
    sentences = parsed(text, [("European", "NORP")])
    assert toponyms_for(text, sentences, gaz, "d", include_demonyms=False) == []


def test_big_city_beats_small_namesake_near_a_foreign_place(gaz: MemoryGazetteer) -> None:
    text = "Fans in Europe watched Portland win on Sunday."
    got = found(text, [("Europe", "LOC"), ("Portland", "GPE")], gaz)
    assert got["Portland"] == "Oregon"


def test_small_namesake_kept_in_its_state_story(gaz: MemoryGazetteer) -> None:
    text = "Houston, Corpus Christi and Portland got rain."
    ents = [("Houston", "GPE"), ("Corpus Christi", "GPE"), ("Portland", "GPE")]
    assert found(text, ents, gaz)["Portland"] == "Texas"


def test_new_york_city_in_a_new_york_story(gaz: MemoryGazetteer) -> None:
    text = "Police in Brooklyn, Queens and the Bronx said New York was calm."
    ents = [("Brooklyn", "GPE"), ("Queens", "GPE"), ("Bronx", "GPE"), ("New York", "GPE")]
    got = {t.text: t.place for t in toponyms_for(text, parsed(text, ents), gaz, "d")}
    place = got["New York"]
    assert place is not None and place.feature == "PPL"


def test_alternate_name_loses_to_a_place_so_called(gaz: MemoryGazetteer) -> None:
    text = "Georgia farmers sold cattle in Paris last week."
    got = found(text, [("Georgia", "GPE"), ("Paris", "GPE")], gaz)
    assert got["Paris"] == "Tennessee"


def test_compass_adjective_tagged_norp_is_no_place() -> None:
    gaz = MemoryGazetteer(
        [(Place("Western Province", 6.9, 80.1, "Sri Lanka", "LK", "Western", 20, "ADM1",
                2_000_000), ["Western"])]
    )  # fmt: skip
    text = "Tunis rarely asks its Western partners for help."
    assert found(text, [("Western", "NORP")], gaz) == {}
