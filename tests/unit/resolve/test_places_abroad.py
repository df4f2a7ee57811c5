"""Namesakes abroad need strong evidence; brands and streets are no places."""

from __future__ import annotations

from warwire.resolve.gazetteer import MemoryGazetteer
from warwire.resolve.places import toponyms_for
from warwire.resolve.places_words import brand_word, street_name
from warwire.types import Mention, Place, Sentence, Span, Token

PLACES: list[tuple[Place, list[str]]] = [
    (Place("Karvana", 10.0, 20.0, "Qumar", "QA", "North", 1, "PPL", 20_000), []),
    (Place("Tesso", 10.2, 20.1, "Qumar", "QA", "North", 2, "PPL", 15_000), []),
    (Place("Dunmere", 45.0, -70.0, "Elsewhere", "EE", "Coast", 3, "PPL", 9_000), []),
    (Place("Elsewhere", 44.0, -71.0, "Elsewhere", "EE", None, 4, "PCLI", 9_000_000), []),
]  # fmt: skip


def _resolved(text: str, names: list[str]) -> list[str | None]:
    token = Token(0, text[:1], 0, 1, text[:1], "X", "X", "dep", 0)
    mentions, at = [], 0
    for surface in names:
        start = text.index(surface, at)
        at = start + len(surface)
        mentions.append(Mention(Span("d", start, at), "GPE", surface))
    sentences = [Sentence(Span("d", 0, len(text)), (token,), tuple(mentions))]
    found = toponyms_for(text, sentences, MemoryGazetteer(PLACES), "d")
    return [t.place.country_code if t.place else None for t in found]


def test_small_namesake_abroad_is_not_believed() -> None:
    text = "Fighting hit Karvana and Tesso. A mine was found near Dunmere."
    assert _resolved(text, ["Karvana", "Tesso", "Dunmere"]) == ["QA", "QA", None]


def test_namesake_abroad_is_believed_when_its_country_is_named() -> None:
    text = "Fighting hit Karvana and Tesso. A mine was found near Dunmere, Elsewhere."
    got = _resolved(text, ["Karvana", "Tesso", "Dunmere", "Elsewhere"])
    assert got[2] == "EE"


def test_brands_and_streets() -> None:
    assert brand_word("Toyota") and brand_word("reuters")
    assert not brand_word("Karvana")
    text = "Crowds gathered on Dunmere Street."
    assert street_name(text, text.index("Dunmere") + len("Dunmere"))
