"""A city's neighbourhoods: "X neighbourhood in Y" lies in the city Y.

The city list holds no neighbourhoods, so a neighbourhood's name finds at
best a namesake town (a village of the same name two hundred kilometres off,
or a city abroad) by spelling. ACLED codes an event in a neighbourhood at its
city, precision 1, so a neighbourhood is placed at the city the text puts it
in ("X neighbourhood in Y", "... of the capital Y", "..., Y"). With no city
named, a namesake is kept only beside another town of the sentence; else the
one town the sentence names is the city (precision 2), and a namesake in
another country than the story's is no place at all.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from functools import cache

from warwire.geodesy import distance_km
from warwire.knowledge import data_mapping
from warwire.types import Place, Toponym

LINKS = frozenset({",", "in", "of", "the"})
NEAR_KM = 30.0
_REACH = 60  # characters after a name where its part-of-a-city word and city may stand
_SENTENCE_ENDS = (". ", "! ", "? ", "\n")


@cache
def _lists() -> tuple[frozenset[str], frozenset[str]]:
    """The part-of-a-city words, and the words that may stand before the city's name."""
    data = data_mapping("place_lists.yaml")
    return frozenset(data["city_part_words"]), frozenset(data["city_words"]) | LINKS


def _words(text: str, start: int) -> list[tuple[int, str]]:
    """(offset, word) of the words after ``start`` within reach, commas standing alone."""
    out, pos = [], start
    for raw in text[start : start + _REACH].replace(",", " , ").split():
        at = text.find(raw, pos)
        out.append((at, raw))
        pos = at + len(raw)
    return out


def city_part(text: str, end: int) -> bool:
    """The name ending at ``end`` is a neighbourhood's ("X neighbourhood", "X Y quarter")."""
    return _part_index(_words(text, end)) is not None


def _part_index(words: list[tuple[int, str]]) -> int | None:
    parts, _links = _lists()
    n = next((k for k, (_at, w) in enumerate(words[:3]) if w.rstrip(";:.!?)") in parts), None)
    if n is None or not all(word[:1].isupper() for _at, word in words[:n]):
        return None
    return n


def _city_start(text: str, top: Toponym) -> int | None:
    """Where the city of "X neighbourhood in [the capital] Y" starts; -1 for a
    neighbourhood with no city after it; None when the name is no neighbourhood's
    (at most two more capitalised words may stand before the part word)."""
    _parts, links = _lists()
    words = _words(text, top.span.end)
    n = _part_index(words)
    if n is None:
        return None
    linked = False
    for at, word in words[n + 1 :]:
        if word.lower() in links:
            linked = True
            continue
        return at if linked else -1
    return -1


def _town(top: Toponym) -> bool:
    return top.place is not None and (top.place.feature or "").startswith("PPL")


def _same_sentence(text: str, a: Toponym, b: Toponym) -> bool:
    lo, hi = sorted((a.span.start, b.span.start))
    return not any(mark in text[lo:hi] for mark in _SENTENCE_ENDS)


def _placed(top: Toponym, towns: list[Place], home: str | None) -> Place | None:
    """A neighbourhood named with no city after it: its namesake beside a town of the
    sentence, else the sentence's one town, else no namesake abroad."""
    if top.place is not None and any(distance_km(top.place, p) <= NEAR_KM for p in towns):
        return top.place
    if len({(p.name, p.country_code) for p in towns}) == 1:
        return replace(towns[0], geo_precision=2)
    codes = {p.country_code for p in towns} | ({home} if home else set())
    if top.place is not None and codes and top.place.country_code not in codes:
        return None
    return top.place


def city_parts(text: str, tops: Sequence[Toponym], home: str | None) -> list[Toponym]:
    """``tops`` with each neighbourhood placed at its city, or at no place."""
    out = list(tops)
    for i, top in enumerate(tops):
        start = _city_start(text, top)
        if start is None:
            continue
        city = next((t for t in tops if t.span.start == start and _town(t)), None)
        if city is not None and city.place is not None:
            out[i] = replace(top, place=replace(city.place, geo_precision=1))
            continue
        towns = [
            t.place
            for t in tops
            if t is not top and t.place and _town(t) and _same_sentence(text, t, top)
        ]
        out[i] = replace(top, place=_placed(top, towns, home))
    return out
