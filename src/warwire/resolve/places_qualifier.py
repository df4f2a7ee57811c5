"""Administrative qualifiers after a place name: "X (Y)", "X (Y, Z)", "X town (Y)",
"X, Y", "X in Y province".

Coders and ACLED-style notes locate a town by the units it lies in. The qualifier
restricts X's namesakes to those inside Y (a first-level region by the gazetteer's
admin1 field, a district or its town by distance, a country by its code); when no
namesake lies there the event falls back to Y itself, a district at geo_precision 2
and a first-level region or a country at 3, and never to a foreign namesake of X.
The qualifier is X's container, not a second place of the event: its toponym is
marked :data:`QUALIFIER` so that :mod:`warwire.extract.wheres` passes over it.
Reading the qualifier and its units is :mod:`warwire.resolve.places_qualifier_units`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from warwire.geodesy import distance_km
from warwire.resolve.gazetteer import Gazetteer, normalise
from warwire.resolve.places_candidate import Candidate
from warwire.resolve.places_detect import _STOP_START
from warwire.resolve.places_qualifier_units import (
    ADMIN,
    Qualifier,
    alternation,
    inside,
    qualifier_after,
    qualifier_patterns,
    same_place,
    unit_level,
)
from warwire.types import Place, Sentence

_NOT_PLACE_LABELS = frozenset({"ORG", "NORP", "WORK_OF_ART", "LAW", "PRODUCT", "EVENT"})
QUALIFIED = "QUALIFIED"  # candidate source: a name the text locates by a qualifier
QUALIFIER = "qualifier"  # place_basis of a qualifier's own toponym
FALLBACK = "qualifier "  # place_basis prefix of a name that fell back to its qualifier


MIN_STEM = 4


def _in_level(place: Place, units: Sequence[Place], key: str) -> bool:
    """In one of the units, or in a region of theirs whose official name begins with the
    name written ("Kharkiv" for "Kharkivs'ka Oblast'")."""
    if any(inside(place, u) for u in units):
        return True
    return (
        len(key) >= MIN_STEM
        and place.admin1 is not None
        and any(u.country_code == place.country_code for u in units)
        and normalise(place.admin1).startswith(key)
    )


def _rank(unit: Place) -> tuple[bool, int]:
    """Of namesake units, an administrative one first, then the most populous."""
    return ((unit.feature or "").startswith(ADMIN), unit.population)


def _within(cand: Candidate, q: Qualifier, span: tuple[int, int] | None = None) -> bool:
    """Whether the candidate is (part of) the qualifier's unit names, or of one of them."""
    return any(cand.start < b and a < cand.end for a, b in ([span] if span else q.spans))


def _an_area(options: Sequence[Place], key: str) -> bool:
    """Whether the name is that of a known area: a region, a continent, a sea."""
    return any(
        normalise(p.name) == key and not (p.feature or "PPL").startswith(("PPL", "ADM2", "ADM3"))
        for p in options
    )


def _holder(units: Sequence[Place], found: Sequence[Place]) -> Place:
    """The unit that holds the names found (else one of their country, else any)."""
    codes = {p.country_code for p in found}
    holding = [u for u in units if any(inside(p, u) for p in found)]
    return max(holding or [u for u in units if u.country_code in codes] or units, key=_rank)


STORY_KM = 800.0


def _near(unit: Place, anchors: Sequence[Place]) -> bool:
    """Near a place the story names unambiguously: "Xville (Gaza)" beside "Israeli
    forces" is the Gaza by Israel, not the province in Mozambique."""
    return any(not same_place(unit, a) and distance_km(unit, a) <= STORY_KM for a in anchors)


def _precision(unit: Place) -> int:
    return 2 if unit_level(unit) == 2 else 3


def _level_name(unit: Place) -> str:
    return ("country", "admin1", "district")[unit_level(unit) or 0]


def _sub_names(cand: Candidate, gazetteer: Gazetteer) -> list[Place]:
    """Towns named by the front or back words of a longer name ("Xtown Teachers College")."""
    words = cand.text.split()
    out: list[Place] = []
    for k in range(len(words) - 1, 0, -1):
        for part in (" ".join(words[:k]), " ".join(words[-k:])):
            key = normalise(part)
            out += [p for p in gazetteer.lookup(part) if normalise(p.name) == key]
    return out


def _namesakes_inside(pool: Sequence[Place], q: Qualifier) -> list[Place]:
    """The places of ``pool`` inside every unit of the qualifier (no unit itself)."""
    regions = [u for lvl in q.levels for u in lvl if (u.feature or "").startswith(ADMIN)]
    return [
        p
        for p in pool
        if not any(same_place(p, u) for u in regions)
        and all(_in_level(p, lvl, k) for lvl, k in zip(q.levels, q.keys, strict=True))
    ]


def _seat_elsewhere(options: Sequence[Place], q: Qualifier) -> bool:
    """ "Juba (Jubek state)": a capital or provincial seat outside every country the
    qualifier's units lie in is misqualified (a unit the gazetteer lacks met a namesake)."""
    codes = {u.country_code for lvl in q.levels for u in lvl}
    return any(p.feature in ("PPLC", "PPLA") and p.country_code not in codes for p in options)


def apply_qualifiers(
    text: str,
    candidates: Sequence[Candidate],
    options: Sequence[list[Place]],
    decided: Sequence[bool],
    gazetteer: Gazetteer,
) -> tuple[list[list[Place]], list[bool], list[Place | None]]:
    """Narrow each qualified name to its qualifier's units, or settle it on the qualifier.

    Returns the new options, whether a qualifier decided each candidate, and per
    candidate a place to take as it is (a fallen-back name or a qualifier itself).
    """
    out, sure = [list(o) for o in options], list(decided)
    fixed: list[Place | None] = [None] * len(out)
    anchors = [(j, o[0]) for j, o in enumerate(out) if o and len({p.country_code for p in o}) == 1]
    for i, cand in enumerate(candidates):
        if sure[i] or fixed[i] is not None:
            continue
        key = normalise(cand.text)
        if any(unit_level(p) == 0 and normalise(p.name) == key for p in out[i]):
            continue  # a country is qualified by nothing: "Syria, Iraq" is a list
        q = qualifier_after(text, cand.end, gazetteer)
        if q is None:
            continue
        pool = out[i] + (_sub_names(cand, gazetteer) if cand.source == QUALIFIED else [])
        found = _namesakes_inside(pool, q)
        if found:
            out[i], sure[i] = found, True
            chosen = [_holder(lvl, found) for lvl in q.levels]
        elif not q.settles or _an_area(out[i], key) or _seat_elsewhere(out[i], q):
            continue  # "In Asia, Canada remains ...": an area is no town to settle
        else:
            others = [a for j, a in anchors if j != i and not _within(candidates[j], q)]
            unit = max(q.levels[0], key=lambda u: (_near(u, others), *_rank(u)))
            basis = FALLBACK + _level_name(unit)
            settled = replace(unit, geo_precision=_precision(unit), place_basis=basis)
            fixed[i], out[i] = settled, [settled]
            chosen = [unit, *(max(lvl, key=_rank) for lvl in q.levels[1:])]
        for (a, b), unit in zip(q.spans, chosen, strict=True):
            for j, other in enumerate(candidates):
                if j != i and _within(other, q, (a, b)):
                    named = replace(unit, geo_precision=_precision(unit), place_basis=QUALIFIER)
                    fixed[j], out[j] = named, [named]
    return out, sure, fixed


def qualified_candidates(
    text: str,
    candidates: Sequence[Candidate],
    gazetteer: Gazetteer,
    sentences: Sequence[Sentence] = (),
) -> list[Candidate]:
    """Add the name before each qualifier that resolves to a unit, where no candidate has
    it: "Xville (Borno)", "in Xville, Y constituency" name a place the gazetteer may lack,
    located by its qualifier. A name that swallowed only part of the run ("Bar" of
    "Qandi Bar") gives way to the run. An organisation ("the News Agency (Saba)") or a
    name holding a demonym is left be unless the text places it ("in X", "X town (Y)")."""
    *_, run = qualifier_patterns()
    locative = re.compile(rf"\b(?i:{alternation('locatives')})\s+$")
    out = list(candidates)
    groups = [e.span for s in sentences for e in s.entities if e.label in _NOT_PLACE_LABELS]
    for mark in re.finditer(r"\(|,\s|\s+in\s", text):
        head = run.search(text, max(0, mark.start() - 80), mark.start())
        if head is None:
            continue
        start, end = head.start(1), head.end(1)
        placed = bool(locative.search(text, max(0, start - 12), start))
        if mark.group() != "(" and not placed:
            continue  # "X, Y state" and "X in Y province" only where the text places X
        grouped = not (placed or text[end : head.end()].strip()) and any(
            g.start < end and start < g.end for g in groups
        )
        words = text[start:end].split()
        while words and words[0].lower() in _STOP_START:
            start = text.index(words[1], start + len(words[0])) if len(words) > 1 else end
            words = words[1:]
        if not words or text[start:end].isupper():
            continue
        inner = [c for c in out if start <= c.start and c.end <= end]
        if any(c.start < end and start < c.end for c in out if c not in inner):
            continue  # a longer name: leave it be
        if any(c.source == "DEMONYM" for c in inner):
            continue
        if any((c.start, c.end) == (start, end) for c in inner):
            continue
        q = qualifier_after(text, end, gazetteer)
        if q is None or not q.settles:
            continue
        cand = Candidate(start, end, text[start:end], QUALIFIED)
        pool = gazetteer.lookup(cand.text) + _sub_names(cand, gazetteer)
        if grouped and not _namesakes_inside(pool, q):
            continue  # a group's name would only fall back on its qualifier
        out = [c for c in out if c not in inner]
        out.append(cand)
    return sorted(out, key=lambda c: c.start)
