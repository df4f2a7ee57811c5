"""A place given as a distance and a bearing from a town: "40 km southwest of X".

The strike was not in X: it was some 40 km off. ACLED codes such a spot near a
town (geo_precision 2); the point the text itself gives, that far along that
bearing from X, is closer to it than X's own centre. The compass words and
length units are data (``data/compass.yaml``).
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


def offset_place(text: str, span: Span, place: Place) -> Place | None:
    """``place`` moved as far and as the text says ("30 km north of X"), else None."""
    pattern, bearings, units = _table()
    found = pattern.search(text[max(0, span.start - 80) : span.start])
    if found is None:
        return None
    km = float(found.group(1)) * units[found.group(2).lower()]
    if not LEAST_KM <= km <= MOST_KM:
        return None
    lat, lon = destination(place.latitude, place.longitude, km, bearings[found.group(3).lower()])
    return replace(place, latitude=lat, longitude=lon, geo_precision=max(2, place.geo_precision))
