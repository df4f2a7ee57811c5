"""Merge candidates: the stored events a new report may describe, found through small indexes.

A report can only merge into an event of its type whose dates overlap and
whose place matches one of three ways (:func:`warwire.merge.compatible_place`):
within ``near_km``, in the same admin1 when either is imprecise, or by name
when either is unplaced. Each way has its own index (migration 8) whose
equality prefix is the type, the width class and that key (a spatial cell,
an admin1, a name), followed by the dates, so a scan reads one cell's, one
admin1's or one name's few days however large the database grows. The
result is a superset of the compatible events, which the caller checks.
"""

from __future__ import annotations

import json
import math
from datetime import timedelta
from typing import Any

from sqlalchemy import bindparam, inspect, select, text
from sqlalchemy.engine import Connection

from warwire.geodesy import EARTH_KM
from warwire.merge import window
from warwire.store import records
from warwire.store.rawsql import Raw, placeholders
from warwire.store.schema import NARROW_DAYS, events
from warwire.types import Event, Place

MAX_CANDIDATES = 50
MAX_WINDOW_DAYS = 92  # stored windows longer than a quarter are not merge candidates
_TRUE = {True: "1", False: "TRUE"}  # boolean literals by ``Raw.sqlite``
_FALSE = {True: "0", False: "FALSE"}
CELL_DEG = 0.25  # side of the merge index's spatial cells (a 10 km box spans 1-4)
MAX_CELLS = 64  # a box over more cells (poles, the antimeridian) scans its latitude rows


def cell_of(latitude: float, longitude: float) -> int:
    """The spatial cell of a point: row and column of a CELL_DEG grid in one integer
    (a row's cells are consecutive, so a row range is one integer range)."""
    return math.floor(latitude / CELL_DEG) * 4096 + math.floor(longitude / CELL_DEG)


def place_key(event: Event) -> str | None:
    """The name :func:`warwire.merge.compatible_place` compares when a side is unplaced."""
    name = (event.place.name if event.place else event.location_text) or ""
    return name.casefold() or None


def _near_box(place: Place, km: float) -> tuple[float, float, float | None]:
    """Half-sizes (degrees) of a box holding every point within ``km`` (haversine)."""
    dlat = math.degrees(km / EARTH_KM) * 1.01 + 1e-9
    top = math.radians(min(90.0, abs(place.latitude) + dlat))
    arg = math.sin(km / (2 * EARTH_KM)) / max(math.cos(top), 1e-12)
    if arg >= 1:
        return place.latitude, dlat, None
    dlon = math.degrees(2 * math.asin(arg)) * 1.01 + 1e-9
    return place.latitude, dlat, None if abs(place.longitude) + dlon >= 180 else dlon


def _box(place: Place, near_km: float, params: dict[str, Any]) -> str:
    """Stored places within the box around ``place``, found by their cells."""
    lat, dlat, dlon = _near_box(place, near_km)
    params.update(la0=lat - dlat, la1=lat + dlat)
    sql = "latitude BETWEEN :la0 AND :la1"
    rows = range(math.floor((lat - dlat) / CELL_DEG), math.floor((lat + dlat) / CELL_DEG) + 1)
    if dlon is not None:
        params.update(lo0=place.longitude - dlon, lo1=place.longitude + dlon)
        sql += " AND longitude BETWEEN :lo0 AND :lo1"
        cols = range(math.floor((place.longitude - dlon) / CELL_DEG),
                     math.floor((place.longitude + dlon) / CELL_DEG) + 1)  # fmt: skip
        if len(rows) * len(cols) <= MAX_CELLS:
            cells = [r * 4096 + c for r in rows for c in cols]
            params.update({f"c{i}": c for i, c in enumerate(cells)})
            return f"cell IN ({placeholders('c', len(cells))}) AND {sql}"
    params.update(c0=rows[0] * 4096 - 1024, c1=rows[-1] * 4096 + 1024)
    return f"cell BETWEEN :c0 AND :c1 AND {sql}"


def _candidate_sql(report: Event, near_km: float) -> tuple[list[str], dict[str, Any]]:
    """SQL prefilter, a superset of :func:`warwire.merge.compatible` on type, time and place:
    one condition per way two places can match, each an index's equality prefix."""
    common = (
        "event_type = :t AND wide = {w} "
        "AND date_start >= :{lo} AND date_start <= :hi AND date_end >= :start"
    )
    params: dict[str, Any] = {"t": report.event_type}
    if report.event_type != "Battles":  # compatible_type: other sub-types must match
        common += " AND sub_event_type = :st"
        params["st"] = report.sub_event_type
    place = report.place
    if place is not None and place.country:
        common += " AND (country = :c OR country IS NULL)"
        params["c"] = place.country
    ways = []
    name = place_key(report)
    if name:  # an unplaced side matches by name only (ix_events_name)
        ways.append("place_key = :pk" + (" AND latitude IS NULL" if place else ""))
        params["pk"] = name
    if place is not None:
        ways.append(_box(place, near_km, params))  # within the box (ix_events_cell)
        if place.admin1:  # the same admin1 when either is imprecise (ix_events_admin)
            ways.append("admin1 = :a1" if place.geo_precision >= 2 else
                        "admin1 = :a1 AND geo_precision >= 2")  # fmt: skip
            params["a1"] = place.admin1
    return [f"{common} AND {way}" for way in ways], params


def candidates(raw: Raw, report: Event, near_km: float) -> list[Event]:
    """Stored events that may be the same real event, through the merge indexes.

    Narrow windows must start within ``NARROW_DAYS`` before the report's start
    to overlap it; wide ones within ``MAX_WINDOW_DAYS``. Each scan is one
    spatial cell's, one admin1's or one place name's few days (or few wide
    events), however large and dense the database grows.
    """
    span = window(report.when)
    if span is None or (report.place is None and not report.location_text):
        return []  # compatible_time / compatible_place refuse every stored event
    ways, params = _candidate_sql(report, near_km)
    params.update(hi=span[1], start=span[0], lo_n=span[0] - timedelta(days=NARROW_DAYS),
                  lo_w=span[0] - timedelta(days=MAX_WINDOW_DAYS))  # fmt: skip
    scans = [f"SELECT seq FROM events WHERE {way.format(w=flag, lo=lo)}"
             for flag, lo in ((_FALSE[raw.sqlite], "lo_n"), (_TRUE[raw.sqlite], "lo_w"))
             for way in ways]  # fmt: skip
    rows = raw.all(
        f"SELECT seq, data FROM events WHERE seq IN ({' UNION '.join(scans)}) "
        f"ORDER BY seq LIMIT {MAX_CANDIDATES * 4}",
        params,
    )
    return [records.event(json.loads(data)) for _, data in rows]


MERGE_INDEXES = {  # name -> columns: type, width class, one way of matching, then the dates
    "ix_events_cell": "event_type, wide, cell, date_start, date_end, latitude, longitude, "
    "country, sub_event_type",
    "ix_events_admin": "event_type, wide, admin1, date_start, date_end, geo_precision, "
    "country, sub_event_type",
    "ix_events_name": "event_type, wide, place_key, date_start, date_end, latitude, country, "
    "sub_event_type",
}


def add_cells(conn: Connection) -> None:
    """Migration 8: stored events get their cell and place key, and the three indexes
    replace ``ix_events_merge`` (type and dates first: its scans grew with the database)."""
    have = {c["name"] for c in inspect(conn).get_columns("events")}
    if "cell" not in have or "place_key" not in have:
        for name, kind in (("cell", "BIGINT"), ("place_key", "TEXT")):
            if name not in have:
                conn.execute(text(f"ALTER TABLE events ADD COLUMN {name} {kind}"))
        values = []
        for seq, data in conn.execute(select(events.c.seq, events.c.data)):
            stored = records.event(json.loads(data))
            cell = cell_of(stored.place.latitude, stored.place.longitude) if stored.place else None
            values.append({"s": seq, "c": cell, "k": place_key(stored)})
        if values:
            update = events.update().where(events.c.seq == bindparam("s"))
            conn.execute(update.values(cell=bindparam("c"), place_key=bindparam("k")), values)
    conn.execute(text("DROP INDEX IF EXISTS ix_events_merge"))
    for name, columns in MERGE_INDEXES.items():
        conn.execute(text(f"CREATE INDEX IF NOT EXISTS {name} ON events ({columns})"))
