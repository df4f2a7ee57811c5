"""Toponym detection, disambiguation and geo_precision on a fake gazetteer."""

from __future__ import annotations

import re

import pytest

from warwire.geodesy import distance_km
from warwire.resolve.gazetteer import MemoryGazetteer
from warwire.resolve.places import ToponymStage, detect, toponyms_for
from warwire.testing import parsed_sentence
from warwire.types import Analysis, Document, Place, Sentence, Span

PLACES = [
    (Place("Tripoli", 32.887, 13.187, "Libya", "LY", "Tripoli", 11, "PPLC", 1_300_000), []),
    (Place("Tripoli", 34.436, 35.849, "Lebanon", "LB", "North", 12, "PPL", 230_000), []),
    (Place("Tarhuna", 32.435, 13.633, "Libya", "LY", "Al Marqab", 13, "PPL", 52_000),
     ["Tarhunah", "Tarhouna"]),
    (Place("Bani Walid", 31.746, 13.984, "Libya", "LY", "Misratah", 14, "PPL", 45_000), []),
    (Place("Abu Salim", 32.855, 13.18, "Libya", "LY", "Tripoli", None, "PPLX", 0), []),
    (Place("Libya", 25.0, 17.0, "Libya", "LY", None, 15, "PCLI", 6_700_000), []),
    (Place("Lebanon", 33.8, 35.8, "Lebanon", "LB", None, 16, "PCLI", 6_800_000), []),
    (Place("Beirut", 33.89, 35.50, "Lebanon", "LB", "Beirut", 17, "PPLC", 1_900_000), []),
    (Place("Libyan", 40.0, -80.0, "United States", "US", "Ohio", 18, "PPL", 900), []),
    (Place("Haftar", 36.0, 50.0, "Iran", "IR", None, 19, "PPL", 300), []),
]  # fmt: skip


@pytest.fixture()
def gaz() -> MemoryGazetteer:
    return MemoryGazetteer(PLACES)


def sentences_for(text: str, entities: list[tuple[str, str]]) -> list[Sentence]:
    return [parsed_sentence(text, entities)]


def resolved(text: str, entities: list[tuple[str, str]], gaz: MemoryGazetteer) -> dict[str, Place]:
    found = toponyms_for(text, sentences_for(text, entities), gaz, "d")
    return {t.text: t.place for t in found if t.place}


def test_tripoli_follows_the_story_country(gaz: MemoryGazetteer) -> None:
    libya = "Fighting in Libya reached Tripoli and Tarhuna."
    got = resolved(libya, [("Libya", "GPE"), ("Tripoli", "GPE"), ("Tarhuna", "GPE")], gaz)
    assert got["Tripoli"].country_code == "LY"
    lebanon = "Protests in Lebanon spread from Beirut to Tripoli."
    got = resolved(lebanon, [("Lebanon", "GPE"), ("Beirut", "GPE"), ("Tripoli", "GPE")], gaz)
    assert got["Tripoli"].country_code == "LB"


def test_nearby_places_pull_an_ambiguous_name(gaz: MemoryGazetteer) -> None:
    text = "Shells fell on Beirut before the convoy left Tripoli."
    got = resolved(text, [("Beirut", "GPE"), ("Tripoli", "GPE")], gaz)
    assert got["Tripoli"].country_code == "LB"


def test_demonym_is_the_country_never_a_town(gaz: MemoryGazetteer) -> None:
    text = "Libyan officials met in Tripoli."
    got = resolved(text, [("Libyan", "NORP"), ("Tripoli", "GPE")], gaz)
    assert got["Libyan"].feature == "PCLI" and got["Libyan"].country_code == "LY"
    assert got["Libyan"].geo_precision == 3


@pytest.mark.parametrize(
    ("text", "name", "precision"),
    [
        ("Clashes erupted north of Tarhuna on Sunday.", "Tarhuna", 2),
        ("Drones crashed near Bani Walid yesterday.", "Bani Walid", 2),
        ("Forces entered Tarhuna on Sunday.", "Tarhuna", 1),
        ("Shelling hit Abu Salim again.", "Abu Salim", 2),
        ("Fighting spread across Libya this week.", "Libya", 3),
        ("Officials in Tarhuna province met.", "Tarhuna", 3),
        ("Clashes on the outskirts of Tripoli went on.", "Tripoli", 2),
    ],
)
def test_geo_precision(gaz: MemoryGazetteer, text: str, name: str, precision: int) -> None:
    got = resolved(text, [(name, "GPE")], gaz)
    assert got[name].geo_precision == precision


def test_person_mistake_is_rescued_but_not_a_real_person(gaz: MemoryGazetteer) -> None:
    text = "Haftar's forces withdrew to Bani Walid."
    got = resolved(text, [("Haftar", "PERSON"), ("Bani Walid", "PERSON")], gaz)
    assert "Bani Walid" in got and "Haftar" not in got


def test_acronyms_are_not_places(gaz: MemoryGazetteer) -> None:
    gaz.add(Place("Gna", 10.0, 10.0, None, "IN", None, 20, "PPL", 200_000))
    assert resolved("The GNA said so.", [("GNA", "ORG")], gaz) == {}


def test_unparsed_sentences_are_scanned_for_capitalised_names(gaz: MemoryGazetteer) -> None:
    text = "Yesterday the convoy reached Tarhouna and then Tripoli."
    found = detect(text, [Sentence(Span("d", 0, len(text)))], gaz)
    assert [c.text for c in found] == ["Tarhouna", "Tripoli"]
    assert all(text[c.start : c.end] == c.text for c in found)


def test_unknown_gpe_is_kept_unresolved_and_spans_index_the_text(gaz: MemoryGazetteer) -> None:
    text = "Troops moved from Tripoli to Zzyzxville."
    found = toponyms_for(text, sentences_for(text, [("Tripoli", "GPE"), ("Zzyzxville", "GPE")]),
                         gaz, "d")  # fmt: skip
    assert [(t.text, t.place is None) for t in found] == [("Tripoli", False), ("Zzyzxville", True)]
    for t in found:
        assert t.span.text_in(text) == t.text


def test_stage_fills_toponyms(gaz: MemoryGazetteer) -> None:
    text = "Forces entered Tarhuna."
    doc = Document("d", "x", text)
    analysis = Analysis(doc, sentences=tuple(sentences_for(text, [("Tarhuna", "GPE")])))
    stage = ToponymStage(gaz)
    assert stage.needs == frozenset({"sentences"}) and stage.adds == frozenset({"toponyms"})
    (out,) = stage([analysis])
    assert [t.place.name for t in out.toponyms if t.place] == ["Tarhuna"]
    assert analysis.toponyms == ()


def test_distance() -> None:
    a = Place("a", 32.887, 13.187)
    b = Place("b", 32.435, 13.633)
    assert 60 < distance_km(a, b) < 70
    assert distance_km(a, a) == 0


@pytest.mark.slow
def test_real_index_on_a_libya_story() -> None:
    from warwire.resolve.places import geoparse

    text = (
        "GNA forces besieged the town of Tarhuna on Sunday, while Russian contractors withdrew "
        "to Bani Walid. Earlier, fighting was reported in Abu Salim and Salah Aldeen in southern "
        "Tripoli. Two drones crashed near Qaryat, and GNA units captured Asabiah and Mazdah."
    )
    found = {t.text: t.place for t in geoparse(text, "story")}
    expect = {
        "Tarhuna": (32.43, 13.63),
        "Bani Walid": (31.76, 13.99),
        "Abu Salim": (32.85, 13.18),
        "Salah Aldeen": (32.83, 13.21),
        "Tripoli": (32.89, 13.19),
        "Qaryat": (30.38, 13.59),
        "Asabiah": (32.03, 12.87),
        "Mazdah": (31.45, 12.98),
    }
    for name, (lat, lon) in expect.items():
        place = found.get(name)
        assert place is not None, name
        assert distance_km(place, Place("gold", lat, lon)) < 25, name
        assert place.country_code == "LY"
    assert "GNA" not in found
    qaryat, tarhuna = found["Qaryat"], found["Tarhuna"]
    assert qaryat is not None and tarhuna is not None
    assert qaryat.geo_precision == 2
    assert re.fullmatch(r"\d+", str(tarhuna.geonameid))
