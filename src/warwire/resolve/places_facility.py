"""Named facilities the gazetteer does not know: placed at their town.

A coder puts an attack on "Karl Bremer Hospital" or "the Main Street
market" at the town the hospital or market is in. Where the text names a
town with the facility ("Derry's Altnagelvin Hospital", "the Federal
University of Technology, Owerri") that town is its place; otherwise the
story's own town, the specific place it names most. The facility's last word
comes from ``warwire/data/place_facility_words.txt``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from functools import cache

from warwire.types import Place, Span, Toponym

FACILITY = "FACILITY"  # the source of a candidate named as a facility
NEAR_CHARS = 40
STORY_MENTIONS = 2
_SPECIFIC = ("PPL", "ADM2", "ADM3", "ADM4")


@cache
def _facility_words() -> frozenset[str]:
    from warwire.knowledge import data_words

    return frozenset(w.casefold() for w in data_words("place_facility_words.txt"))


_LAST_WORD = re.compile(r"([A-Za-z]+)\W*$")


def facility_name(surface: str) -> bool:
    """A capitalised name of two or more words whose last word names a facility."""
    words = surface.split()
    if len(words) < 2 or not all(w[:1].isupper() or w.islower() for w in words):
        return False
    last = _LAST_WORD.search(words[-1])
    return bool(last and words[-1][:1].isupper() and last.group(1).casefold() in _facility_words())


def _specific(place: Place | None) -> bool:
    return place is not None and (place.feature or "").startswith(_SPECIFIC)


def _story_town(towns: Sequence[Toponym]) -> Toponym | None:
    """The town (not a district) the story names most, if it names it at least twice."""
    counts = Counter(
        (t.place.name, t.place.latitude)
        for t in towns
        if t.place and (t.place.feature or "").startswith("PPL")
    )
    if not counts:
        return None
    (name, latitude), n = counts.most_common(1)[0]
    if n < STORY_MENTIONS:
        return None
    return next(
        t for t in towns if t.place and (t.place.name, t.place.latitude) == (name, latitude)
    )


def host_places(
    facilities: Sequence[tuple[int, int, str]],
    found: Sequence[Toponym],
    doc_id: str,
    home: str | None = None,
) -> list[Toponym]:
    """One toponym per facility (start, end, text) at its town, when one can be told.

    Only towns of the story's country (``home``, when known) host its facilities.
    """
    towns = [
        t
        for t in found
        if _specific(t.place) and (home is None or (t.place and t.place.country_code == home))
    ]
    if not towns:
        return []
    story = _story_town(towns)
    out = []
    for start, end, text in facilities:
        low, high = start - NEAR_CHARS, end + NEAR_CHARS
        close = [t for t in towns if low <= t.span.start and t.span.end <= high]
        near = min(close, key=lambda t: abs(t.span.start - start), default=story)
        if near is not None:
            out.append(Toponym(Span(doc_id, start, end), text, near.place))
    return out
