"""What a qualifier after a place name says: its units, resolved in the gazetteer.

Reading "X (Y, Z)", "X, Y state" or "X in Y province" and deciding whether a
place lies inside a unit are the same question whatever is then done with the
answer, so they live here; :mod:`warwire.resolve.places_qualifier` applies the
answer to a document's candidates.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from warwire.geodesy import distance_km
from warwire.knowledge import data_mapping
from warwire.resolve.gazetteer import Gazetteer, normalise
from warwire.types import Place

DISTRICT_KM = 120.0  # a namesake this close to a district's point lies in the district
ADMIN = ("PCL", "ADM1", "ADM2", "ADM3")
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


def alternation(key: str) -> str:
    return "|".join(re.escape(w) for w in sorted(_words()[key], key=len, reverse=True))


_Patterns = tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]


@cache
def qualifier_patterns() -> _Patterns:
    """The qualifier forms (parenthesis, comma, "in Y province") and the name run before one."""
    kind = rf"(?:\s+(?i:{alternation('place_words')})\b)?"
    units = rf"(?i:{alternation('unit_words')})\b"
    paren = re.compile(kind + r"\s*\(([^()\n]{2,80})\)")
    comma = re.compile(kind + rf",\s*({_NAME})(\s+{units})?")
    in_unit = re.compile(kind + rf"\s+in\s+(?:the\s+)?({_NAME})\s+{units}")
    run = re.compile(rf"({_NAME}){kind}\s*$")
    return paren, comma, in_unit, run


def unit_level(place: Place) -> int | None:
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
        return [p for p in found if unit_level(p) in (0, 1)]
    admin = [p for p in found if (p.feature or "").startswith(ADMIN)]
    key = normalise(bare)
    towns = [p for p in found if unit_level(p) == 2 and normalise(p.name) == key]
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
            return [p for p in towns if unit_level(p) == 2]
    return []


def _named_part(part: str) -> bool:
    """A qualifier part that can name a unit: capitalised, not an acronym or a figure."""
    part = part.strip()
    return bool(part[:1].isupper()) and not part.isupper() and not any(c.isdigit() for c in part)


def inside(place: Place, unit: Place) -> bool:
    """Whether ``place`` lies in ``unit``: by country, admin1 name, or a district's reach."""
    if place.country_code != unit.country_code:
        return False
    if same_place(place, unit):  # a town is in itself; a region is no namesake of itself
        return not (unit.feature or "").startswith(ADMIN)
    level = unit_level(unit)
    if level == 0:
        return True
    if level == 1:
        names = {_admin_key(n) for n in (unit.admin1, unit.name) if n}
        return place.admin1 is not None and _admin_key(place.admin1) in names
    if unit_level(place) in (0, 1):
        return False
    same_region = not (place.admin1 and unit.admin1) or place.admin1 == unit.admin1
    return same_region and distance_km(place, unit) <= DISTRICT_KM


def _same_region(a: Place, b: Place) -> bool:
    return a.country_code == b.country_code and a.admin1 is not None and a.admin1 == b.admin1


def same_place(a: Place, b: Place) -> bool:
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
    paren, comma, in_unit, _ = qualifier_patterns()
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
    settles = not bare_comma or all(unit_level(u) == 0 for _, lvl in kept for u in lvl)
    keys = tuple(_bare_key(text[a:b]) for (a, b), _ in kept)
    return Qualifier(tuple(s for s, _ in kept), tuple(lvl for _, lvl in kept), keys, settles)


def _bare_key(surface: str) -> str:
    words = surface.split()
    unit_words = {w.lower() for w in _words()["unit_words"]}
    return normalise(" ".join(words[:-1]) if len(words) > 1 and words[-1].lower() in unit_words
                     else surface)  # fmt: skip
