"""A headline's country: its places outrank the demonyms of its sides; a capital named
by its country; wire short forms of country names."""

from __future__ import annotations

import pytest

from warwire.resolve.countries import short_form, short_form_spans
from warwire.resolve.gazetteer import MemoryGazetteer
from warwire.resolve.places import toponyms_for
from warwire.resolve.places_capital import country_capitals
from warwire.resolve.places_home import ADJECTIVE, LOCATED, story_weight
from warwire.resolve.places_words import speaking
from warwire.testing import parsed_sentence
from warwire.types import Place, Span, Toponym

PLACES: list[tuple[Place, list[str]]] = [
    (Place("Turkey", 39.0, 35.0, "Turkey", "TR", None, 1, "PCLI", 80_000_000), []),
    (Place("Syria", 35.0, 38.0, "Syria", "SY", None, 2, "PCLI", 20_000_000), []),
    (Place("Qarnavel", 36.1, 37.2, "Syria", "SY", "North", 3, "PPL", 40_000), []),
    (Place("Tell Vosk", 36.3, 37.0, "Syria", "SY", "North", 4, "PPL", 900), []),
    (Place("Mogadishu", 2.04, 45.34, "Somalia", "SO", "Banaadir", 5, "PPLC", 2_500_000), []),
    (Place("Somalia", 6.0, 48.0, "Somalia", "SO", None, 6, "PCLI", 10_000_000), []),
    (Place("Democratic Republic of the Congo", -2.5, 23.5, "Democratic Republic of the Congo",
           "CD", None, 7, "PCLI", 84_000_000), []),
    (Place("Republic of the Congo", -1.0, 15.0, "Republic of the Congo", "CG", None, 8, "PCLI",
           5_000_000), ["Congo"]),
]  # fmt: skip


@pytest.fixture()
def gaz() -> MemoryGazetteer:
    return MemoryGazetteer(PLACES)


def found(text: str, entities: list[tuple[str, str]], gaz: MemoryGazetteer) -> list[tuple]:
    sentences = [parsed_sentence(text, entities)]
    return [
        (t.text, t.place.name if t.place else None, t.place.country_code if t.place else None)
        for t in toponyms_for(text, sentences, gaz, "d")
    ]


def test_an_attackers_demonym_does_not_hide_a_headlines_town(gaz: MemoryGazetteer) -> None:
    got = found("Turkish jets pound Qarnavel countryside overnight", [("Turkish", "NORP")], gaz)
    assert ("Qarnavel", "Qarnavel", "SY") in got


def test_a_small_one_word_name_abroad_stays_unread(gaz: MemoryGazetteer) -> None:
    got = found("Turkish jets pound the village of Vosk overnight", [("Turkish", "NORP")], gaz)
    assert all(name != "Vosk" for name, _, _ in got)


def test_a_capital_named_by_its_country(gaz: MemoryGazetteer) -> None:
    text = "Gunmen storm a hotel in Somalia's capital"
    assert country_capitals(text) == [(text.index("capital"), len(text), "SO")]
    assert ("capital", "Mogadishu", "SO") in found(text, [("Somalia", "GPE")], gaz)
    assert country_capitals("the Somali capital") == [(11, 18, "SO")]
    assert not country_capitals("Police clash in the capital")
    assert not country_capitals("Venture Capital firms")


def test_congo_alone_is_the_drc_in_wire_style(gaz: MemoryGazetteer) -> None:
    assert short_form("Congo") == "CD"
    assert short_form("Republic of Congo") == "CG"
    assert short_form("congo") is None
    got = found("Rebels kill 12 villagers in eastern Congo", [("Congo", "GPE")], gaz)
    assert ("Congo", "Democratic Republic of the Congo", "CD") in got


def test_a_country_written_as_a_location_outweighs_a_demonym() -> None:
    text = "Turkish jets kill 3 militants in northern Syria"
    syria = Place("Syria", 35.0, 38.0, "Syria", "SY", None, 2, "PCLI", 20_000_000)
    turkey = Place("Turkey", 39.0, 35.0, "Turkey", "TR", None, 1, "PCLI", 80_000_000)
    at = text.index("Syria")
    assert story_weight(text, Toponym(Span("d", at, at + 5), "Syria", syria)) == LOCATED
    assert story_weight(text, Toponym(Span("d", 0, 7), "Turkish", turkey)) == ADJECTIVE
    plain = "Syria says talks will resume"
    assert story_weight(plain, Toponym(Span("d", 0, 5), "Syria", syria)) == 1.0


def test_a_city_speaking_is_its_government_not_the_storys_place() -> None:
    assert speaking("Beirut said the shelling went on", len("Beirut"))
    assert speaking("Moscow has denied the report", len("Moscow"))
    assert not speaking("Beirut suburbs were hit", len("Beirut"))


def test_short_forms_are_found_in_running_text(gaz: MemoryGazetteer) -> None:
    text = "Clashes erupt in C. Africa as DR Congo talks stall"
    assert [code for _, _, code in short_form_spans(text)] == ["CF", "CD"]
    assert not short_form_spans("CAR BOMB KILLS FIVE")


def test_central_africa_is_the_republic_in_wire_style() -> None:
    assert short_form("Central Africa") == "CF"
    assert [code for *_, code in short_form_spans("Nine dead in Central Africa clashes")] == ["CF"]
    assert short_form_spans("aid reaches central Africa") == []


def test_a_compass_word_is_no_region_abroad() -> None:
    ghana = (Place("Western", 5.5, -2.5, "Ghana", "GH", "Western", 9, "ADM1", 2_000_000), [])
    gazetteer = MemoryGazetteer([*PLACES, ghana])
    text = "Shelling hits Qarnavel and the Western front of Tell Vosk"
    got = found(text, [("Qarnavel", "GPE"), ("Western", "LOC"), ("Tell Vosk", "GPE")], gazetteer)
    assert all(code != "GH" for *_, code in got)
