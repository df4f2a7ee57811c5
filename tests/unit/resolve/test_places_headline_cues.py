"""Headline place cues: place words beside a name, "the capital", and bylines."""

from __future__ import annotations

import pytest

from warwire.resolve.gazetteer import MemoryGazetteer
from warwire.resolve.places import toponyms_for
from warwire.resolve.places_words import byline_spans, capital_mentions, cued_place
from warwire.testing import parsed_sentence
from warwire.types import Place

PLACES: list[tuple[Place, list[str]]] = [
    (Place("Ruritania", 10.0, 20.0, "Ruritania", "RU", None, 1, "PCLI", 9_000_000), []),
    (Place("Zenda", 10.2, 20.9, "Ruritania", "RU", "Hills", 3, "PPL", 0), []),
    (Place("Zenda", 45.0, -90.0, "United States", "US", "Ohio", 4, "PPL", 3_000), []),
    (Place("Oberwald", 10.4, 20.1, "Ruritania", "RU", "Hills", 5, "PPL", 0), []),
    (Place("Nova Oberwald", 10.5, 20.2, "Ruritania", "RU", "Hills", 9, "PPL", 0), []),
    (Place("France", 46.0, 2.0, "France", "FR", None, 6, "PCLI", 67_000_000), []),
    (Place("Paris", 48.85, 2.35, "France", "FR", "Ile", 7, "PPLC", 2_100_000), []),
    (Place("Paris", 33.66, -95.55, "United States", "US", "TX", 8, "PPL", 25_000), []),
]  # fmt: skip


@pytest.fixture()
def gaz() -> MemoryGazetteer:
    return MemoryGazetteer(PLACES)


def found(text: str, entities: list[str], gaz: MemoryGazetteer) -> list[tuple[str, str | None]]:
    sentences = [parsed_sentence(text, [(surface, "GPE") for surface in entities])]
    return [
        (t.place.name if t.place else t.text, t.place.country_code if t.place else None)
        for t in toponyms_for(text, sentences, gaz, "d")
    ]


def test_a_place_word_after_a_name_places_a_village_of_the_storys_country(
    gaz: MemoryGazetteer,
) -> None:
    cued = found("Shelling hits Zenda countryside as Ruritania troops advance", ["Ruritania"], gaz)
    assert ("Zenda", "RU") in cued
    bare = found("Shelling hits Zenda as Ruritania troops advance", ["Ruritania"], gaz)
    assert ("Zenda", "RU") not in bare


def test_a_cued_name_known_in_one_country_places_a_headline_of_no_country(
    gaz: MemoryGazetteer,
) -> None:
    cued = found("Warplanes pound the town of Nova Oberwald overnight", [], gaz)
    assert ("Nova Oberwald", "RU") in cued
    assert not found("Warplanes pound Nova Oberwald overnight", [], gaz)
    # one word: named as a settlement it is that country's hamlet; a mere area word is not enough
    assert ("Oberwald", "RU") in found("Warplanes pound the town of Oberwald overnight", [], gaz)
    assert not found("Warplanes pound Oberwald countryside overnight", [], gaz)
    assert not found("Warplanes pound the town of Zenda overnight", [], gaz)  # two countries


def test_a_settlement_named_beside_a_demonym_is_placed_where_its_namesakes_are(
    gaz: MemoryGazetteer,
) -> None:
    """ "French troops took the village of X": the demonym is the attacker's; a hamlet
    whose namesakes all lie in one country is that country's, even tagged as a person."""
    text = "French troops captured the village of Oberwald"
    sentences = [parsed_sentence(text, [("French", "NORP"), ("Oberwald", "PERSON")])]
    got = [
        (t.place.name, t.place.country_code)
        for t in toponyms_for(text, sentences, gaz, "d")
        if t.place is not None
    ]
    assert ("Oberwald", "RU") in got


def test_the_capital_is_the_storys_countrys_capital(gaz: MemoryGazetteer) -> None:
    got = found("Police clash with protesters in the capital as France braces", ["France"], gaz)
    assert ("Paris", "FR") in got
    assert ("Paris", "FR") not in found("Police clash with protesters in the capital", [], gaz)


def test_a_named_capital_is_no_bare_capital() -> None:
    assert capital_mentions("riots in the capital Strelsau") == []
    text = "riots on the outskirts of the capital."
    at = text.index("the capital")
    assert capital_mentions(text) == [(at, at + len("the capital"))]


def test_place_words_beside_a_name() -> None:
    text = "fighting in the eastern countryside of Zenda and Oberwald city"
    zenda, ober = text.index("Zenda"), text.index("Oberwald")
    assert cued_place(text, zenda, zenda + 5)
    assert cued_place(text, ober, ober + 8)
    plain = "Zenda said Oberwald lied"
    assert not cued_place(plain, 0, 5)
    assert not cued_place(plain, 11, 19)


def test_a_byline_name_is_never_a_place(gaz: MemoryGazetteer) -> None:
    text = "Troops enter Ruritania\nBy Anna Zenda\nRuritania troops entered Zenda town."
    spans = byline_spans(text)
    assert [text[a:b] for a, b in spans] == ["Anna Zenda"]
    got = found(text, ["Ruritania", "Zenda", "Ruritania", "Zenda"], gaz)
    assert got.count(("Zenda", "RU")) == 1


def test_a_byline_stops_before_the_dateline() -> None:
    text = "By Jane O'Neil and Sam J. Roe. STRELSAU (Reuters) - Troops moved."
    assert [text[a:b] for a, b in byline_spans(text)] == ["Jane O'Neil and Sam J. Roe"]


def test_a_sentence_opening_with_by_is_no_byline() -> None:
    assert byline_spans("By Monday Strelsau troops had left.") == []
