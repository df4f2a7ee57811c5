"""The fast ingest path: raw SQL translation, bounded merge candidates, migrations 3, 7, 8."""

from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from warwire.geodesy import haversine_km
from warwire.merge import compatible, window
from warwire.store import ClaimQuery, EventQuery, open_store
from warwire.store.candidates import MAX_WINDOW_DAYS, MERGE_INDEXES, _near_box, candidates
from warwire.store.rawsql import Raw, as_date, translate
from warwire.store.writes import write_event
from warwire.types import Actor, Event, Place, When

from store_builders import (  # isort: skip
    GNA_TEXT, PARTISAN_TEXT, SIRTE, analysis, clash, make_doc,
)  # fmt: skip


def test_translate_named_parameters_for_psycopg() -> None:
    sql = "SELECT a FROM t WHERE b = :b AND c LIKE 'x%' AND d = :d_2 AND e = f::text"
    assert translate(sql, True) == sql
    assert translate(sql, False) == (
        "SELECT a FROM t WHERE b = %(b)s AND c LIKE 'x%%' AND d = %(d_2)s AND e = f::text"
    )


def test_as_date_reads_both_drivers() -> None:
    assert as_date("2020-05-24") == date(2020, 5, 24)
    assert as_date(date(2020, 5, 24)) == date(2020, 5, 24)
    assert as_date(None) is None


@settings(max_examples=300, deadline=None)
@given(
    lat=st.floats(-89.0, 89.0),
    lon=st.floats(-179.9, 179.9),
    bearing=st.floats(0, 6.283),
    frac=st.floats(0, 1),
    km=st.sampled_from([1.0, 10.0, 50.0]),
)
def test_near_box_holds_every_point_within_km(
    lat: float, lon: float, bearing: float, frac: float, km: float
) -> None:
    import math

    d = km * frac / 6371.0088
    p1, l1 = math.radians(lat), math.radians(lon)
    p2 = math.asin(math.sin(p1) * math.cos(d) + math.cos(p1) * math.sin(d) * math.cos(bearing))
    l2 = l1 + math.atan2(
        math.sin(bearing) * math.sin(d) * math.cos(p1), math.cos(d) - math.sin(p1) * math.sin(p2)
    )
    lat2, lon2 = math.degrees(p2), (math.degrees(l2) + 540) % 360 - 180
    assert haversine_km(lat, lon, lat2, lon2) <= km + 1e-6
    center, dlat, dlon = _near_box(Place("x", lat, lon, "X", "XX"), km)
    assert abs(lat2 - center) <= dlat
    if dlon is not None:
        assert abs(lon2 - lon) <= dlon


ADMINS = ("North", "South", "Coast")


def _random_event(rng: random.Random, n: int, base: date) -> Event:
    start = base + timedelta(days=rng.randrange(60))
    width = rng.choice((0, 0, 0, 2, 6, 8, 30, 120))
    if rng.random() < 0.15:
        place = None
        loc = rng.choice(("Wadi", "Hill 4", None))
    else:
        code = rng.choice(("LY", "LY", "TN"))
        place = Place(f"P{n}", 32 + rng.uniform(-0.3, 0.3), 13 + rng.uniform(-0.3, 0.3),
                      "Libya" if code == "LY" else "Tunisia", code, rng.choice(ADMINS),
                      geo_precision=rng.choice((1, 1, 2, 3)))  # fmt: skip
        loc = place.name
    actors = rng.sample([Actor("A"), Actor("B"), Actor("C"), None], 2)
    return Event(f"e{n}", (f"doc{n}",), rng.choice(("Battles", "Riots")), "Armed clash",
                 "Political violence", actors[0], actors[1], place=place, location_text=loc,
                 when=When(start, start + timedelta(days=width), 3 if width else 1))  # fmt: skip


def test_candidates_are_a_superset_of_compatible(tmp_path: Path) -> None:
    """The SQL prefilter (index ranges, box, admin1) never drops a compatible event."""
    rng = random.Random(5)
    base = date(2021, 3, 1)
    stored = [_random_event(rng, n, base) for n in range(150)]
    store = open_store(f"sqlite:///{tmp_path / 'c.db'}")
    with store.writer.begin() as conn:
        raw = Raw(conn)
        for event in stored:
            write_event(raw, event, "", 1, new=True)
    checked = 0
    with store.writer.begin() as conn:
        raw = Raw(conn)
        for n in range(300):
            report = _random_event(rng, 1000 + n, base)
            span = window(report.when)
            assert span is not None
            found = {e.event_id for e in candidates(raw, report, 10.0)}
            for event in stored:
                ev_span = window(event.when)
                assert ev_span is not None
                if compatible(report, event, 10.0) and ev_span[0] >= span[0] - timedelta(
                    days=MAX_WINDOW_DAYS
                ):
                    checked += 1
                    assert event.event_id in found, (report, event)
    store.close()
    assert checked > 100  # the generator really produces matches


def _two_reports(tmp_path: Path, name: str = "s.db") -> str:
    url = f"sqlite:///{tmp_path / name}"
    lna, gna = make_doc(PARTISAN_TEXT, "LNA media"), make_doc(GNA_TEXT, "GNA office")
    with open_store(url) as store:
        store.add(analysis(lna, clash(lna, "clashes erupted", "LNA", fatalities=14)))
        wide = clash(gna, "advanced toward Tarhuna", "GNA", day=date(2020, 5, 1),
                     end=date(2020, 5, 31), place=SIRTE, key="e2")  # fmt: skip
        store.add(analysis(gna, wide))
    return url


def test_count_claims_matches_the_claims(tmp_path: Path) -> None:
    url = _two_reports(tmp_path)
    with open_store(url) as store:
        for query in (ClaimQuery(), ClaimQuery(claimant="lna"), ClaimQuery(claimant="nobody")):
            assert store.count_claims(query) == len(store.claims(query))
        assert store.count_claims(ClaimQuery(limit=1)) == 2


def _drop_merge_indexes(conn: Any) -> None:
    for name in MERGE_INDEXES:
        conn.execute(text(f"DROP INDEX {name}"))


def test_migration_v8_keys_stored_events_by_cell_and_name(tmp_path: Path) -> None:
    url = _two_reports(tmp_path)
    with open_store(url) as store, store.engine.connect() as conn:
        keyed = conn.execute(text("SELECT cell, place_key FROM events ORDER BY seq")).all()
    with open_store(url) as store, store.writer.begin() as conn:  # back to a v7 database
        _drop_merge_indexes(conn)
        conn.execute(text("ALTER TABLE events DROP COLUMN cell"))
        conn.execute(text("ALTER TABLE events DROP COLUMN place_key"))
        conn.execute(text("DELETE FROM schema_version WHERE version = 8"))
    with open_store(url) as store, store.engine.connect() as conn:
        assert conn.execute(text("SELECT cell, place_key FROM events ORDER BY seq")).all() == keyed
        assert [r[1] for r in keyed] == ["tarhunah", "sirte"]


def test_migration_v3_backfills_wide_and_rekeys_fts(tmp_path: Path) -> None:
    url = _two_reports(tmp_path)
    with open_store(url) as store, store.writer.begin() as conn:  # back to a v2 database
        _drop_merge_indexes(conn)
        conn.execute(text("ALTER TABLE events DROP COLUMN wide"))
        conn.execute(text("DELETE FROM schema_version WHERE version IN (3, 8)"))
        conn.execute(text("UPDATE events_fts SET rowid = rowid + 1000"))
    with open_store(url) as store:
        with store.engine.connect() as conn:
            rows = conn.execute(text("SELECT event_id, wide FROM events")).all()
            wide: dict[str, int] = {str(r[0]): int(r[1]) for r in rows}
            keyed = conn.execute(
                text("SELECT count(*) FROM events JOIN events_fts ON events_fts.rowid = seq")
            ).scalar_one()
        assert sorted(wide.values()) == [0, 1] and keyed == 2
        assert len(store.events(EventQuery(text="Tarhuna"))) >= 1


@pytest.mark.slow
def test_refold_keeps_one_fts_row_per_event(tmp_path: Path) -> None:
    url = _two_reports(tmp_path)
    extra = make_doc(PARTISAN_TEXT + " A third outlet repeated the army's account.", "Other")
    with open_store(url) as store:
        store.add(analysis(extra, clash(extra, "clashes erupted", "Other", fatalities=9)))
        with store.engine.connect() as conn:
            rows = conn.execute(text("SELECT count(*), count(DISTINCT rowid) FROM events_fts"))
            assert tuple(rows.one()) == (store.stats()["events"],) * 2


def test_migration_v7_backfills_geo_precision(tmp_path: Path) -> None:
    url = _two_reports(tmp_path)
    with open_store(url) as store, store.writer.begin() as conn:  # back to a v6 database
        _drop_merge_indexes(conn)
        conn.execute(text("ALTER TABLE events DROP COLUMN geo_precision"))
        conn.execute(text("DELETE FROM schema_version WHERE version IN (7, 8)"))
    with open_store(url) as store, store.engine.connect() as conn:
        rows = conn.execute(text("SELECT geo_precision FROM events ORDER BY seq")).all()
        assert [r[0] for r in rows] == [2, 1]  # Tarhunah (district level), Sirte
        plan = " ".join(
            str(r[-1])
            for r in conn.execute(
                text(
                    "EXPLAIN QUERY PLAN SELECT seq FROM events WHERE event_type = 'Battles' "
                    "AND wide = 0 AND date_start >= '2020-05-01' AND date_start <= '2020-05-09' "
                    "AND (admin1 = 'x' AND geo_precision >= 2)"
                )
            )
        )
        assert "COVERING INDEX ix_events_admin" in plan
