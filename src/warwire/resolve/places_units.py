"""Named administrative units: "X district", "X County", "X province".

A name followed (or ended) by a unit word means the unit, not a town of the
same name elsewhere: "Granville County" is the county, "Saada province" the
province. ACLED codes a district at its main town (geo_precision 2), so a
district whose namesake town lies inside it comes back as that town; a bare
name that is both a district and its town ("Palghar") is the town.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import cache

from warwire.geodesy import distance_km
from warwire.knowledge import data_words
from warwire.resolve.gazetteer import Gazetteer, normalise
from warwire.resolve.places_candidate import Candidate
from warwire.resolve.places_detect import TRIM_WORDS
from warwire.types import Place

_PROVINCE = re.compile(
    r"\s*(?:province|governorate|region|state|oblast|prefecture|department)\b", re.I
)
_DISTRICT = re.compile(
    r"\s*(?:district|county|parish|regency|raion|rayon|municipality|constituency"
    r"|sub-?county|local government area|lga|tehsil|taluka?)\b",
    re.I,
)
FIRST_LEVEL = frozenset({"ADM1"})
SECOND_LEVEL = frozenset({"ADM2", "ADM3"})
TWIN_KM = 75.0


@cache
def _state_titles() -> re.Pattern[str]:
    alternatives = "|".join(re.escape(w) for w in data_words("place_state_titles.txt"))
    return re.compile(rf"\s+(?:{alternatives})(?!\w)", re.I)


def unit_named(text: str, cand: Candidate) -> str | None:
    """ "province" or "district" when the name carries or is followed by a unit word;
    "province" too before a state's offices ("New York Gov.", "Quebec Premier")."""
    if _state_titles().match(text, cand.end):
        return "province"
    words = cand.text.split()
    last = " " + words[-1] if len(words) > 1 else ""
    for kind, pattern in (("province", _PROVINCE), ("district", _DISTRICT)):
        if pattern.fullmatch(last) or pattern.match(text, cand.end):
            return kind
    return None


def _bare(surface: str) -> str:
    key = normalise(surface)
    for pattern in (_PROVINCE, _DISTRICT):
        key = normalise(pattern.sub("", " " + key + " ")) if pattern.search(" " + key) else key
    return key


def with_unit(text: str, cand: Candidate, places: list[Place], gazetteer: Gazetteer) -> list[Place]:
    """Add the unit itself when the text names "X County" and only towns called X are known."""
    kind = unit_named(text, cand)
    if kind is None or cand.text != cand.text.strip() or _units(places, kind):
        return places
    match = (_PROVINCE if kind == "province" else _DISTRICT).match(text, cand.end)
    if match is None:
        return places
    extra = [p for p in gazetteer.lookup(cand.text + match.group()) if p not in places]
    return [*extra, *places]


def _units(places: Sequence[Place], kind: str) -> list[Place]:
    wanted = FIRST_LEVEL if kind == "province" else SECOND_LEVEL
    found = [p for p in places if p.feature in wanted]
    if not found and kind == "district":  # what one country calls a district is another's region
        found = [p for p in places if p.feature in FIRST_LEVEL]
    return found


def _twin(unit: Place, places: Sequence[Place], cand: Candidate) -> Place | None:
    """The town that bears the unit's name ("Provincia de X" and X) and lies in it."""
    keys = {_bare(cand.text), *(normalise(f) for f in trimmed_forms(cand.text))}
    name = normalise(unit.name)

    towns = [
        p
        for p in places
        if (p.feature or "").startswith("PPL")
        and p.country_code == unit.country_code
        and (p.admin1 == unit.admin1 or unit.admin1 is None)
        and (
            normalise(p.name) in keys
            or name.endswith(" " + normalise(p.name))
            or name.startswith(normalise(p.name) + " ")
            or normalise(p.name) == _bare(unit.name)
        )
        and distance_km(p, unit) <= TWIN_KM
    ]
    return max(towns, key=lambda p: p.population) if towns else None


def unit_choice(
    text: str,
    cand: Candidate,
    place: Place,
    options: Sequence[Place],
    score: Callable[[Place], float],
) -> Place:
    """The unit a unit word names; a district at its namesake town; a bare twin as the town."""
    kind = unit_named(text, cand)
    if kind is not None:
        units = _units(options, kind)
        if units and place not in units:
            place = max(units, key=score)
        if kind == "district" and place.feature in SECOND_LEVEL:
            return _twin(place, options, cand) or place
        return place
    if place.feature in SECOND_LEVEL:
        return _twin(place, options, cand) or place
    return place


def trimmed_forms(surface: str) -> list[str]:
    """Shorter forms of a name, one trim word at a time from the end first:
    "West Virginia State" is West Virginia before it is Virginia."""
    out: list[str] = []
    todo = [surface]
    while todo:
        current = todo.pop(0)
        for match in TRIM_WORDS.finditer(current):
            shorter = (current[: match.start()] + current[match.end() :]).strip()
            bare = TRIM_WORDS.fullmatch(shorter + " ") or TRIM_WORDS.fullmatch(" " + shorter)
            if shorter and shorter not in out and not bare:
                out.append(shorter)
                todo.append(shorter)
    return sorted(out, key=lambda s: (not surface.startswith(s), -len(s)))
