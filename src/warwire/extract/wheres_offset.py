"""A place given as a distance and a bearing from a town: "40 km southwest of X".

The strike was not in X: it was some 40 km off. ACLED codes such a spot near a
town (geo_precision 2); the point the text itself gives, that far along that
bearing from X, is closer to it than X's own centre. A side of a town's area with
no distance ("the northern countryside of X") lies a set way off on that bearing.
The compass words, length units and sides' distances are data (``data/compass.yaml``).
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from warwire.geodesy import destination
from warwire.knowledge import data_mapping
from warwire.types import Place, Span

LEAST_KM, MOST_KM = 5.0, 300.0  # closer is the town itself; farther, no longer its area


@cache
def _table() -> tuple[re.Pattern[str], dict[str, float], dict[str, float]]:
    data = data_mapping("compass.yaml")
    bearings = {str(k).lower(): float(v) for k, v in data["bearings"].items()}
    units = {str(k).lower(): float(v) for k, v in data["units"].items()}

    def alt(words: dict[str, float]) -> str:
        return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))

    pattern = re.compile(
        rf"(?<![\d.])(\d+(?:\.\d+)?)\s*({alt(units)})\s+(?:\([^()]{{0,30}}\)\s+)?(?:to\s+the\s+)?"
        rf"({alt(bearings)})\s+of\s+(?:the\s+)?(?:(?:town|city|village|capital)\s+(?:of\s+)?)?$",
        re.IGNORECASE,
    )
    return pattern, bearings, units


@cache
def _sides() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], dict[str, float]]:
    """Patterns for a side of a town's area named before the town ("the northern
    countryside of X"), after it ("X's northern countryside") and around it ("northern
    X countryside"); each captures the compass word and the side word."""
    data = data_mapping("compass.yaml")
    sides = {str(k).lower(): float(v) for k, v in data["sides"].items()}
    compass = "|".join(re.escape(str(w)) for w in sorted(data["bearings"], key=len, reverse=True))
    area = "|".join(re.escape(w) for w in sorted(sides, key=len, reverse=True))
    before = re.compile(
        rf"(?<![\w-])({compass})(?:ern)?\s+({area})\s+of\s+(?:the\s+)?"
        rf"(?:(?:town|city|province|governorate)\s+of\s+)?$",
        re.IGNORECASE,
    )
    after = re.compile(rf"(?:['’]s)?\s+({compass})(?:ern)?\s+({area})\b", re.IGNORECASE)
    around = re.compile(rf"(?<![\w-])({compass})ern\s+$", re.IGNORECASE)
    return before, after, around, sides


def _side(text: str, span: Span) -> tuple[str, float] | None:
    """The compass word and distance of "the northern countryside of X" and its kin."""
    before, after, around, sides = _sides()
    lead = text[max(0, span.start - 60) : span.start]
    found = before.search(lead) or after.match(text, span.end)
    if found is not None:
        return found.group(1), sides[found.group(2).lower()]
    side = around.search(lead)
    tail = re.match(r"\s+(\w+)", text[span.end : span.end + 30])
    if side is not None and tail is not None and tail.group(1).lower() in sides:
        return side.group(1), sides[tail.group(1).lower()]
    return None


def offset_place(text: str, span: Span, place: Place) -> Place | None:
    """``place`` moved as far and as the text says ("30 km north of X", "the northern
    countryside of X"), else None."""
    pattern, bearings, units = _table()
    found = pattern.search(text[max(0, span.start - 80) : span.start])
    if found is not None:
        word, km = found.group(3), float(found.group(1)) * units[found.group(2).lower()]
    else:
        side = _side(text, span)
        if side is None:
            return None
        word, km = side
    if not LEAST_KM <= km <= MOST_KM:
        return None
    lat, lon = destination(place.latitude, place.longitude, km, bearings[word.lower()])
    return replace(place, latitude=lat, longitude=lon, geo_precision=max(2, place.geo_precision))
