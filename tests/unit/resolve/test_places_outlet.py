"""The outlet's country as the story's home; a home place spelled another way; a
lower-case Arabic article opening a name; country-point places add no confidence."""

from __future__ import annotations

import pytest

from warwire.extract.fields import _place_weight
from warwire.resolve.gazetteer import MemoryGazetteer
from warwire.resolve.places import toponyms_for
from warwire.resolve.places_detect import detect
from warwire.resolve.places_home import outlet_country
from warwire.testing import parsed_sentence
from warwire.types import Document, Place, Source

PLACES: list[tuple[Place, list[str]]] = [
    (Place("Somalia", 6.0, 48.0, "Somalia", "SO", None, 1, "PCLI", 10_000_000), []),
    (Place("Kenya", 0.5, 38.0, "Kenya", "KE", None, 2, "PCLI", 50_000_000), []),
    (Place("Garbaweyn", 3.1, 45.6, "Somalia", "SO", "Hiiraan", 3, "PPL", 8_000), []),
    (Place("Garbaweyn", 40.1, -3.2, "Spain", "ES", "Castile", 4, "PPL", 30_000), []),
    (Place("Hobyaar", 4.2, 46.1, "Somalia", "SO", "Galguduud", 6, "PPL", 20_000), []),
    (Place("Ceelbur", 4.7, 46.6, "Somalia", "SO", "Galguduud", 7, "PPL", 15_000), []),
    (Place("Nairobi", -1.28, 36.82, "Kenya", "KE", "Nairobi", 5, "PPLC", 4_000_000), []),
]  # fmt: skip


@pytest.fixture()
def gaz() -> MemoryGazetteer:
    return MemoryGazetteer(PLACES)


def _doc(publisher: str | None) -> Document:
    return Document("d", "d", "text", source=Source(publisher=publisher))


def _found(text: str, entities: list[tuple[str, str]], gaz: MemoryGazetteer, hint: str | None):
    sentences = [parsed_sentence(text, entities)]
    return [
        (t.text, t.place.country_code if t.place else None)
        for t in toponyms_for(text, sentences, gaz, "d", hint=hint)
    ]


def test_an_outlet_named_for_a_people_tells_its_country() -> None:
    assert outlet_country(_doc("The Somali Monitor")) == "SO"
    assert outlet_country(_doc("Daily Ledger")) is None
    assert outlet_country(_doc(None)) is None


def test_the_outlets_country_settles_a_namesake(gaz: MemoryGazetteer) -> None:
    text = "Mortar fire hits Garbaweyn market, three killed"
    assert ("Garbaweyn", "SO") in _found(text, [("Garbaweyn", "GPE")], gaz, "SO")


def test_a_city_abroad_outranks_the_outlets_country(gaz: MemoryGazetteer) -> None:
    text = "Talks on the truce open in Nairobi"
    assert ("Nairobi", "KE") in _found(text, [("Nairobi", "GPE")], gaz, "SO")


def test_a_home_place_spelled_another_way(gaz: MemoryGazetteer) -> None:
    text = "Troops took Hobyaar and Ceelbur on Saturday after a week of fighting. " * 4
    text += "On Sunday, clashes near Garbawein left two dead, residents said."
    got = _found(text, [("Hobyaar", "GPE"), ("Ceelbur", "GPE"), ("Garbawein", "GPE")], gaz, None)
    assert ("Garbawein", "SO") in got


def test_a_lower_case_arabic_article_opens_a_name() -> None:
    text = "Shelling struck al-Garbaweyn on Monday."
    names = [c.text for c in detect(text, [parsed_sentence(text, [])], MemoryGazetteer(PLACES))]
    assert "al-Garbaweyn" in names


def test_a_country_point_adds_no_confidence() -> None:
    country = Place("Somalia", 6.0, 48.0, "Somalia", "SO", None, 1, "PCLI", 1, geo_precision=3)
    town = Place("Garbaweyn", 3.1, 45.6, "Somalia", "SO", "Hiiraan", 3, "PPL", 1, geo_precision=1)
    assert _place_weight(country) == 0.0
    assert _place_weight(None) == 0.0
    assert _place_weight(town) > 0.0


NAMESAKES: list[tuple[Place, list[str]]] = [
    *PLACES,
    (Place("Al-Varnab", 18.0, 33.0, "Sudan", "SD", "River", 8, "PPL", 300_000), []),
    (Place("Al Varnaab", 2.5, 45.0, "Somalia", "SO", "Shabeellaha", 9, "PPL", 6_000), []),
    (Place("Kismayo", -0.36, 42.55, "Somalia", "SO", "Jubbada", 10, "PPL", 200_000), []),
]  # fmt: skip


def test_a_city_abroad_is_the_home_namesake_the_outlets_country_holds() -> None:
    """A town of some size abroad is no place that needs no introduction when the
    outlet's country holds a place so spelled: a monitor's headline names its own."""
    text = "Mortar shells hit Al-Varnab and displace families"
    got = _found(text, [("Al-Varnab", "ORG")], MemoryGazetteer(NAMESAKES), "SO")
    assert got == [("Al-Varnab", "SO")]


def test_a_city_abroad_with_no_home_namesake_stands() -> None:
    abroad = [p for p in NAMESAKES if p[0].country_code != "SO" or p[0].name == "Kismayo"]
    text = "Rockets hit Kismayo as talks open in Al-Varnab"
    got = _found(text, [("Kismayo", "GPE"), ("Al-Varnab", "GPE")], MemoryGazetteer(abroad), "SO")
    assert got == [("Kismayo", "SO"), ("Al-Varnab", "SD")]


def test_a_country_point_never_outranks_a_placed_event() -> None:
    """However sure its sides and day, an event told only at its country's point stays
    below the least confident event placed in a region or a town."""
    from warwire.extract.fields import placed_share

    country = Place("Somalia", 6.0, 48.0, "Somalia", "SO", None, 1, "PCLI", 1, geo_precision=3)
    region = Place("Hiiraan", 4.0, 45.5, "Somalia", "SO", "Hiiraan", 2, "ADM1", 1, geo_precision=3)
    surest_country = min(0.35 + 0.15 + 0.1 + 0.1 + 0.1, 0.95) * placed_share(country)
    least_placed = (0.35 + _place_weight(region)) * placed_share(region)
    assert surest_country < least_placed
    assert placed_share(None) == placed_share(country) < 1.0
