"""Namesakes abroad: a small place outside the story's country needs strong evidence.

A story set in one country names its own villages; a town of the same name on
another continent ("Salerno" base vs a Florida port, a Lebanese village vs a
Tunisian town) is believed only when the sentence names that other country
("the Russian town of X", "X, in Israel", "Israeli positions at X") or the
place is a capital or a large city that needs no introduction.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from warwire.resolve.places_candidate import Candidate
from warwire.types import Place, Toponym

MIN_NAMES = 2
STRONG_SHARE = 0.6
LARGE_CITY = 100_000
# a city abroad this big is meant as itself even where the story's country holds a
# namesake ("Mosul" in a Syria story); a smaller one ("Mansurah") is the home namesake
NAMESAKE_CITY = 1_000_000
_NO_COUNTRY = frozenset({"RGN", "OCN", "SEA", "GULF", "CONT"})
# "X, Israel", "X in Russia", "X of Syria's": the country as the place's container
_CONTAINER_GAP = re.compile(r"^\s*,?\s*(?:(?:in|of|inside)\s+(?:the\s+)?)?$", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?]\s+(?=[A-Z\"“‘'(])|\n")


def home_country(
    candidates: Sequence[Candidate], first: Sequence[Place | None], keys: Sequence[str]
) -> str | None:
    """The country most of the story's specific places lie in, when it clearly leads.

    Countries and demonyms do not vote: "Russian forces shelled X" names the
    attacker's country, not the story's; towns, districts and regions do.
    """
    votes: dict[str, set[str]] = {}
    for cand, place, key in zip(candidates, first, keys, strict=True):
        if cand.source == "DEMONYM" or place is None or not place.country_code:
            continue
        feature = place.feature or ""
        if feature.startswith("PCL") or feature in _NO_COUNTRY:
            continue
        votes.setdefault(place.country_code, set()).add(key)
    if not votes:
        return None
    counts = sorted((len(v), k) for k, v in votes.items())
    best, code = counts[-1]
    if best < MIN_NAMES or best < STRONG_SHARE * sum(n for n, _ in counts):
        return None
    return code


def named_countries(
    candidates: Sequence[Candidate], options: Sequence[list[Place]]
) -> list[set[str]]:
    """Per candidate, the countries it names outright: a country's name or its demonym."""
    out = []
    for cand, opts in zip(candidates, options, strict=True):
        if cand.source == "DEMONYM":
            out.append({cand.country_code} if cand.country_code else set())
            continue
        out.append(
            {p.country_code for p in opts if (p.feature or "").startswith("PCL") and p.country_code}
        )
    return out


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    lo = 0
    for m in _SENTENCE_END.finditer(text, 0, start):
        lo = m.end()
    nxt = _SENTENCE_END.search(text, end)
    return lo, (nxt.start() if nxt else len(text))


def needs_evidence(place: Place, home: str | None, large: int = LARGE_CITY) -> bool:
    """A small place of another country than the story's own; ``large``: the size from
    which a city abroad needs no introduction (:data:`NAMESAKE_CITY` where the story's
    country holds a place so spelled)."""
    feature = place.feature or ""
    if home is None or not place.country_code or place.country_code == home:
        return False
    if feature.startswith("PCL") or feature in _NO_COUNTRY or feature == "PPLC":
        return False
    return place.population < large


def vouched(
    text: str,
    index: int,
    place: Place,
    candidates: Sequence[Candidate],
    named: Sequence[set[str]],
) -> bool:
    """Whether the sentence names the place's country before it, or right after it as
    its container ("X, Israel"); a country named as a speaker later on does not count."""
    cand = candidates[index]
    lo, hi = _sentence(text, cand.start, cand.end)
    return any(
        place.country_code in codes
        and (
            lo <= other.end <= cand.start
            or (other.start >= cand.end and _CONTAINER_GAP.match(text[cand.end : other.start]))
        )
        for other, codes in zip(candidates, named, strict=True)
        if other is not cand and other.end <= hi
    )


def at_home(options: Sequence[Place], home: str, score: Callable[[Place], float]) -> Place | None:
    """The best option inside the story's country, if the name has one there."""
    mine = [p for p in options if p.country_code == home]
    return max(mine, key=score) if mine else None


def outside_actor_names(text: str, toponyms: Sequence[Toponym]) -> list[Toponym]:
    """A place name inside a longer actor name is no place: "Haram" of "Boko Haram",
    "Kurdistan" of "Kurdistan Workers' Party" (the actor registry names them)."""
    from warwire.resolve.actors import default_registry

    # state forces are named after places ("Nairobi police"): only groups' names count
    names = [(s, e) for s, e, a in default_registry().find(text, None) if a.inter not in {1, None}]
    return [
        t
        for t in toponyms
        if not any(
            s <= t.span.start and t.span.end <= e and e - s > t.span.end - t.span.start
            for s, e in names
        )
    ]
