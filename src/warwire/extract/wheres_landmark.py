"""The note register's landmarks and admin chains, in choosing an event's place.

ACLED-style notes place an event by a landmark and the town it stands in ("the
Xtown Bank branch in Ytown", "the Xtown-Ytown road near Ytown", "the Xtown
International Airport in Ytown"): a town that only opens the landmark's name is
not where the event was. And a note locates its event by a town with its
administrative chain ("in Xtown district (Yprovince)"): when the clause of the
trigger names only a region or a country ("passengers from Yprovince"), the town
so located is the finer place a coder takes.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from warwire.geodesy import distance_km
from warwire.knowledge import data_mapping, data_words
from warwire.resolve.places_qualifier import QUALIFIER
from warwire.types import Toponym

_LOCATIVE = r"(?:in|at|near|outside|inside|of|on the outskirts of|in the vicinity of|close to)"


@cache
def _landmark_tail() -> re.Pattern[str]:
    heads = {w.casefold() for w in data_words("place_facility_words.txt")}
    heads |= {w.casefold() for w in data_words("place_landmark_heads.txt")}
    alternation = "|".join(re.escape(w) for w in sorted(heads, key=len, reverse=True))
    return re.compile(
        r"(?<![-\s])(?:[-\s]+[\w'’.]+){0,4}?\s+"  # the rest of the landmark's name
        rf"(?i:(?:{alternation})s?)"
        r"(?:\s+(?i:branch|office|building|compound|gate|complex|area))?"
        rf",?\s+(?i:{_LOCATIVE})\s+(?:the\s+)?"
        r"(?:(?i:town|city|village|district|area) of\s+)?$"
    )


def _fine(top: Toponym) -> bool:
    feature = (top.place.feature or "") if top.place else ""
    return top.place is not None and not feature.startswith("PCL")


def landmark_openers(text: str, tops: Sequence[Toponym]) -> list[Toponym]:
    """Drop a town that only opens a landmark's name the text then places elsewhere, and
    an unfound name with a figure in it ("from M23 positions"): a group's, not a place."""
    kept = []
    for k, top in enumerate(tops):
        if top.place is None and any(c.isdigit() for c in top.text):
            continue
        later = next((t for t in tops[k + 1 :] if t.span.start >= top.span.end), None)
        opener = (
            later is not None
            and _fine(later)
            and later.place != top.place
            and _landmark_tail().match(text[top.span.end : later.span.start]) is not None
        )
        if not opener:
            kept.append(top)
    return kept or list(tops)


@cache
def _qualified_after() -> re.Pattern[str]:
    units = data_mapping("place_qualifiers.yaml")["unit_words"]
    alternation = "|".join(re.escape(w) for w in sorted(units, key=len, reverse=True))
    return re.compile(rf"(?:\s+(?i:{alternation}))?\s*\(")


def qualified_towns(
    text: str, tops: Sequence[Toponym], all_tops: Sequence[Toponym]
) -> list[Toponym]:
    """The towns of the sentence a note locates by an admin chain ("Xtown (Y, Z)")."""
    qualifiers = [t for t in all_tops if t.place and t.place.place_basis == QUALIFIER]
    out = []
    for top in tops:
        place = top.place
        if place is None or not (place.feature or "").startswith(("PPL", "ADM2", "ADM3")):
            continue
        match = _qualified_after().match(text, top.span.end)
        if match and any(match.end() <= q.span.start <= match.end() + 2 for q in qualifiers):
            out.append(top)
    return out


NEAR_KM = 100.0  # a place "near" another lies within this of it
_NEAR = re.compile(
    r"(?<![\s,]),?\s+(?:near|outside|close to|in the vicinity of|on the outskirts of|"
    r"(?:\d+\s?km\s+)?(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)"
    r"(?:ern)?\s+of)\s+(?:the\s+)?(?:(?:town|city|village) of\s+)?$",
    re.IGNORECASE,
)


def near_namesakes(text: str, tops: Sequence[Toponym]) -> list[Toponym]:
    """ "the village of Xville near Ytown": an Xville far from Ytown (or in another
    country) is a namesake, and the event is placed by Ytown, the place the note trusts."""
    out = list(tops)
    for k, top in enumerate(tops):
        later = next((t for t in tops[k + 1 :] if t.span.start >= top.span.end), None)
        if later is None or not (_fine(top) and _fine(later)):
            continue
        here, there = top.place, later.place
        if here is None or there is None or not _NEAR.match(text[top.span.end : later.span.start]):
            continue
        if here.country_code != there.country_code or distance_km(here, there) > NEAR_KM:
            out[k] = later
    return list(dict.fromkeys(out))
