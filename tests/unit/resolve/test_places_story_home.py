"""A headline's home when its outlet does not tell it: its own places, where a hamlet's
namesake abroad weighs less than a region. Places and sentences written for these tests."""

from __future__ import annotations

import pytest

from warwire.resolve.gazetteer import MemoryGazetteer
from warwire.resolve.places import toponyms_for
from warwire.testing import parsed_sentence
from warwire.types import Place

PLACES: list[tuple[Place, list[str]]] = [
    (Place("Ruritania", 10.0, 20.0, "Ruritania", "RU", None, 1, "PCLI", 9_000_000), []),
    (Place("Strelsau", 10.1, 20.1, "Ruritania", "RU", "Hills", 2, "PPLC", 800_000), []),
    (Place("Zenda Valley", 10.3, 20.3, "Ruritania", "RU", "Hills", 3, "RGN", 0), []),
    (Place("Ostrava", 10.4, 20.4, "Ruritania", "RU", "Hills", 4, "PPL", 0), []),
    (Place("Ostrova", 50.0, 5.0, "Elbonia", "EB", "Plain", 5, "PPL", 700), []),
]  # fmt: skip


@pytest.fixture()
def gaz() -> MemoryGazetteer:
    return MemoryGazetteer(PLACES)


def resolved(text: str, entities: list[str], gaz: MemoryGazetteer) -> dict[str, str | None]:
    sentences = [parsed_sentence(text, [(surface, "GPE") for surface in entities])]
    return {
        t.text: t.place.country_code if t.place else None
        for t in toponyms_for(text, sentences, gaz, "d")
    }


def test_a_headline_hamlet_abroad_gives_way_to_the_region_it_lies_in(
    gaz: MemoryGazetteer,
) -> None:
    got = resolved("Airstrike hits Ostrova in the Zenda Valley", ["Ostrova", "Zenda Valley"], gaz)
    assert got.get("Ostrova") == "RU" and got.get("Zenda Valley") == "RU"
