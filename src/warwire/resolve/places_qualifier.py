"""Administrative qualifiers after a place name: "X (Y)", "X (Y, Z)", "X town (Y)",
"X, Y", "X in Y province".

Coders and ACLED-style notes locate a town by the units it lies in. The qualifier
restricts X's namesakes to those inside Y (a first-level region by the gazetteer's
admin1 field, a district or its town by distance, a country by its code); when no
namesake lies there the event falls back to Y itself, a district at geo_precision 2
and a first-level region or a country at 3, and never to a foreign namesake of X.
The qualifier is X's container, not a second place of the event: its toponym is
marked :data:`QUALIFIER` so that :mod:`warwire.extract.wheres` passes over it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache
from typing import Any

from warwire.geodesy import distance_km
from warwire.knowledge import data_mapping
from warwire.resolve.gazetteer import Gazetteer, normalise
from warwire.resolve.places_candidate import Candidate
from warwire.resolve.places_detect import _STOP_START
from warwire.types import Place, Sentence

_NOT_PLACE_LABELS = frozenset({"ORG", "NORP", "WORK_OF_ART", "LAW", "PRODUCT", "EVENT"})
QUALIFIED = "QUALIFIED"  # candidate source: a name the text locates by a qualifier
QUALIFIER = "qualifier"  # place_basis of a qualifier's own toponym
FALLBACK = "qualifier "  # place_basis prefix of a name that fell back to its qualifier
DISTRICT_KM = 120.0  # a namesake this close to a district's point lies in the district
_ADMIN = ("PCL", "ADM1", "ADM2", "ADM3")
_NAME = (
    r"[A-Z\u00C0-\u024F][\w'’.-]*"
    r"(?:[ -](?:(?:al|el|ad|ar|as|an|de|del|du|la|wa)[ -])?[A-Z\u00C0-\u024F][\w'’.-]*){0,4}"
)


_LIST_GOES_ON = re.compile(r"\s*(?:,\s*[A-Z]|and\b|or\b|&)")  # "in A, B and C" is a list


@dataclass(frozen=True, slots=True)
class Qualifier:
    """The units a qualifier names, inner first, each with its span and its places."""

    spans: tuple[tuple[int, int], ...]
    levels: tuple[tuple[Place, ...], ...]
    keys: tuple[str, ...]  # each unit's name as written, normalised without its unit word
    settles: bool = True  # whether a name with no namesake inside falls back to the unit


@cache
def _words() -> dict[str, Any]:
    return data_mapping("place_qualifiers.yaml")


def _alternation(key: str) -> str:
    return "|".join(re.escape(w) for w in sorted(_words()[key], key=len, reverse=True))


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    kind = rf"(?:\s+(?i:{_alternation('place_words')})\b)?"
    units = rf"(?i:{_alternation('unit_words')})\b"
    paren = re.compile(kind + r"\s*\(([^()\n]{2,80})\)")
    comma = re.compile(kind + rf",\s*({_NAME})(\s+{units})?")
    in_unit = re.compile(kind + rf"\s+in\s+(?:the\s+)?({_NAME})\s+{units}")
    run = re.compile(rf"({_NAME}){kind}\s*$")
    return paren, comma, in_unit, run


def _level(place: Place) -> int | None:
    """0 a country, 1 a first-level region, 2 a district (or the town it is named after)."""
    feature = place.feature or ""
    if feature.startswith("PCL"):
        return 0
    if feature == "ADM1":
        return 1
    if feature in ("ADM2", "ADM3") or feature.startswith("PPL"):
        return 2
    return None


def _compass(bare: str) -> str:
    table = _words()["compass"]
    return " ".join(table.get(w.lower(), w) for w in bare.split())


def unit_places(surface: str, gazetteer: Gazetteer, regions_only: bool = False) -> list[Place]:
    """The administrative units (or, failing them, towns so named) a qualifier names."""
    words = surface.split()
    unit_words = {w.lower() for w in _words()["unit_words"]}
    bare = " ".join(words[:-1]) if len(words) > 1 and words[-1].lower() in unit_words else surface
    names = [surface, bare, *(f"{bare} {s}" for s in _words()["unit_suffixes"]), _compass(bare)]
    found: list[Place] = []
    for name in dict.fromkeys(names):
        found += [p for p in gazetteer.lookup(name) if p not in found]
    if not found and (bare != surface or not regions_only):  # "(Oromia)" for Oromiya
        found = [p for p in gazetteer.lookup_loose(bare) if p.feature == "ADM1"]
    if regions_only:
        return [p for p in found if _level(p) in (0, 1)]
    admin = [p for p in found if (p.feature or "").startswith(_ADMIN)]
    key = normalise(bare)
    towns = [p for p in found if _level(p) == 2 and normalise(p.name) == key]
    if admin:  # "Xtown (Jenin)": the town that gives the district its name, not a namesake abroad
        towns = [t for t in towns if any(inside(t, a) or _same_region(t, a) for a in admin)]
    first_level = words[-1].lower() in _words()["first_level_words"]
    if first_level and not admin and not towns:  # "Al-Hasakeh governorate": a spelling's town
        towns = [p for p in found if (p.feature or "").startswith("PPL")]
    if not admin and not towns and not regions_only:
        return _compass_town(bare, gazetteer)
    if not first_level:
        return admin + [t for t in towns if t not in admin]  # "Gaza (Gaza)": the town too
    if admin or not towns:
        return admin
    return [  # "Xtown province": the region of the town so named
        r for t in towns if t.admin1 and t.country_code
        for r in gazetteer.lookup(t.admin1, t.country_code) if r.feature == "ADM1"
    ] or towns  # fmt: skip


def _compass_town(bare: str, gazetteer: Gazetteer) -> list[Place]:
    """ "Xville East" (a constituency the gazetteer lacks): the town Xville, a district."""
    words = bare.split()
    compass = set(_words()["compass_words"])
    if len(words) < 2:
        return []
    for drop, rest in ((words[0], words[1:]), (words[-1], words[:-1])):
        if drop.lower() not in compass:
            continue
        key = normalise(" ".join(rest))
        towns = [p for p in gazetteer.lookup(" ".join(rest)) if normalise(p.name) == key]
        if towns:
            return [p for p in towns if _level(p) == 2]
    return []


def _named_part(part: str) -> bool:
    """A qualifier part that can name a unit: capitalised, not an acronym or a figure."""
    part = part.strip()
    return bool(part[:1].isupper()) and not part.isupper() and not any(c.isdigit() for c in part)


def inside(place: Place, unit: Place) -> bool:
    """Whether ``place`` lies in ``unit``: by country, admin1 name, or a district's reach."""
    if place.country_code != unit.country_code:
        return False
    if _same(place, unit):  # a town is in itself; a region is no namesake of itself
        return not (unit.feature or "").startswith(_ADMIN)
    level = _level(unit)
    if level == 0:
        return True
    if level == 1:
        names = {_admin_key(n) for n in (unit.admin1, unit.name) if n}
        return place.admin1 is not None and _admin_key(place.admin1) in names
    if _level(place) in (0, 1):
        return False
    same_region = not (place.admin1 and unit.admin1) or place.admin1 == unit.admin1
    return same_region and distance_km(place, unit) <= DISTRICT_KM


def _same_region(a: Place, b: Place) -> bool:
    return a.country_code == b.country_code and a.admin1 is not None and a.admin1 == b.admin1


def _same(a: Place, b: Place) -> bool:
    return (a.name, a.latitude, a.longitude) == (b.name, b.latitude, b.longitude)


@cache
def _admin_spelling() -> tuple[frozenset[str], frozenset[str]]:
    table = data_mapping("admin1_spelling.yaml")
    return frozenset(table["articles"]), frozenset(table["unit_words"]) | {"county"}


def _admin_key(name: str) -> str:
    """An admin1 name without its article or unit word ("Borno State" is "Borno")."""
    articles, units = _admin_spelling()
    words = normalise(name).split()
    if len(words) > 1 and words[0] in articles:
        words = words[1:]
    if len(words) > 1 and words[-1] in units:
        words = words[:-1]
    return " ".join(words)


def qualifier_after(text: str, end: int, gazetteer: Gazetteer) -> Qualifier | None:
    """The qualifier written right after a name ending at ``end``, resolved to units."""
    paren, comma, in_unit, _ = _patterns()
    parts: list[tuple[int, int]] = []
    bare_comma = False  # "Xtown, Borno": a list may go "Kaduna, Kano", so Borno only narrows
    match = paren.match(text, end)
    if match:
        offset = match.start(1)
        for piece in re.finditer(r"[^,]+", match.group(1)):
            a = offset + piece.start() + len(piece.group()) - len(piece.group().lstrip())
            b = offset + piece.start() + len(piece.group().rstrip())
            if not _named_part(text[a:b]):
                return None
            parts.append((a, b))
    elif match := in_unit.match(text, end):
        parts.append((match.start(1), match.end()))
    elif (match := comma.match(text, end)) and (
        match.group(2) or not _LIST_GOES_ON.match(text, match.end())
    ):  # "Xmarket, Y constituency, Z county": a chain of units is no list
        parts.append((match.start(1), match.end()))
        bare_comma = match.group(2) is None
        while match.group(2) and len(parts) < 3 and (match := comma.match(text, match.end())):
            parts.append((match.start(1), match.end()))
    if not parts or len(parts) > 3:
        return None
    levels = [unit_places(text[a:b], gazetteer, bare_comma) for a, b in parts]
    spans = parts
    for k in range(len(levels) - 2, -1, -1):  # an inner unit lies in the outer one
        outer = next((lvl for lvl in levels[k + 1 :] if lvl), [])
        if outer:
            levels[k] = [u for u in levels[k] if any(inside(u, o) for o in outer)]
    kept = [(s, tuple(lvl)) for s, lvl in zip(spans, levels, strict=True) if lvl]
    if not kept:
        return None
    settles = not bare_comma or all(_level(u) == 0 for _, lvl in kept for u in lvl)
    keys = tuple(_bare_key(text[a:b]) for (a, b), _ in kept)
    return Qualifier(tuple(s for s, _ in kept), tuple(lvl for _, lvl in kept), keys, settles)


def _bare_key(surface: str) -> str:
    words = surface.split()
    unit_words = {w.lower() for w in _words()["unit_words"]}
    return normalise(" ".join(words[:-1]) if len(words) > 1 and words[-1].lower() in unit_words
                     else surface)  # fmt: skip


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
    return ((unit.feature or "").startswith(_ADMIN), unit.population)


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
    return any(not _same(unit, a) and distance_km(unit, a) <= STORY_KM for a in anchors)


def _precision(unit: Place) -> int:
    return 2 if _level(unit) == 2 else 3


def _level_name(unit: Place) -> str:
    return ("country", "admin1", "district")[_level(unit) or 0]


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
    regions = [u for lvl in q.levels for u in lvl if (u.feature or "").startswith(_ADMIN)]
    return [
        p
        for p in pool
        if not any(_same(p, u) for u in regions)
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
        if any(_level(p) == 0 and normalise(p.name) == key for p in out[i]):
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
    *_, run = _patterns()
    locative = re.compile(rf"\b(?i:{_alternation('locatives')})\s+$")
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
