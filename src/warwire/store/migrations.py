"""Versioned migrations that create and upgrade the tables of :mod:`warwire.store.schema`.

Migrations are ordered functions; a ``schema_version`` table records which
ran, so opening an old database upgrades it and opening a newer one than this
code knows is refused.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from datetime import UTC, datetime

from sqlalchemy import bindparam, inspect, select, text
from sqlalchemy.engine import Connection

from warwire.errors import StoreError
from warwire.store.candidates import add_cells
from warwire.store.schema import (
    NARROW_DAYS,
    bands,
    changes,
    claims,
    corrections,
    documents,
    event_reports,
    events,
    fingerprints,
    meta,
    relations,
    schema_version,
    sources,
)

log = logging.getLogger(__name__)

TABLES_V1 = (
    meta, sources, documents, fingerprints, bands, events, event_reports, claims, relations,
    changes,
)  # fmt: skip


def _v1_tables(conn: Connection) -> None:
    for table in TABLES_V1:
        table.create(conn, checkfirst=True)
    conn.execute(meta.insert().values(key="dataset_version", value=0))


def _v2_search(conn: Connection) -> None:
    """Full-text search: FTS5 on SQLite, a tsvector GIN index on PostgreSQL."""
    if conn.dialect.name == "sqlite":
        conn.execute(
            text(
                "CREATE VIRTUAL TABLE IF NOT EXISTS events_fts USING fts5("
                "event_id UNINDEXED, body, tokenize='unicode61 remove_diacritics 2')"
            )
        )
    elif conn.dialect.name == "postgresql":
        conn.execute(
            text(
                "CREATE INDEX IF NOT EXISTS ix_events_search ON events "
                "USING GIN (to_tsvector('simple', search_text))"
            )
        )


# the merge index of migrations 3 to 7 (dropped by 8): type, width class, then dates
MERGE_V3 = "event_type, wide, date_start, date_end, country, latitude, longitude, admin1"


def _v3_merge_index(conn: Connection) -> None:
    """Bounded merge-candidate scans and keyed full-text updates.

    A ``wide`` flag splits events into narrow windows (found by a few days of
    index range) and wide ones (a quarter's range, but few), so the candidate
    scan no longer grows with all events in a quarter. The FTS rows get the
    event's ``seq`` as rowid, so replacing one is an indexed delete, not a scan.
    """
    have = {c["name"] for c in inspect(conn).get_columns("events")}
    if "wide" not in have:
        conn.execute(text("ALTER TABLE events ADD COLUMN wide BOOLEAN NOT NULL DEFAULT FALSE"))
        rows = conn.execute(
            select(events.c.seq, events.c.date_start, events.c.date_end).where(
                events.c.date_start.is_not(None), events.c.date_end.is_not(None)
            )
        ).all()
        wide = [{"s": r.seq} for r in rows if (r.date_end - r.date_start).days > NARROW_DAYS]
        if wide:
            conn.execute(
                events.update().where(events.c.seq == bindparam("s")).values(wide=True), wide
            )
    conn.execute(text("DROP INDEX IF EXISTS ix_events_type_start"))
    conn.execute(text(f"CREATE INDEX IF NOT EXISTS ix_events_merge ON events ({MERGE_V3})"))
    if conn.dialect.name == "sqlite":
        conn.execute(text("DELETE FROM events_fts"))
        conn.execute(
            text(
                "INSERT INTO events_fts (rowid, event_id, body) "
                "SELECT seq, event_id, search_text FROM events"
            )
        )


def _v4_page_index(conn: Connection) -> None:
    """The list order (dated first, by date, then ``seq``) as an index.

    A page is then read off the index in order and stops at its limit, instead
    of sorting every matching row for each request (SQLite and PostgreSQL both
    index the ``IS NULL`` expression).
    """
    conn.execute(
        text(
            "CREATE INDEX IF NOT EXISTS ix_events_page "
            "ON events ((event_date IS NULL), event_date, seq)"
        )
    )


def _v5_corrections(conn: Connection) -> None:
    """Analyst corrections with their audit trail (see :mod:`warwire.store.corrections`)."""
    corrections.create(conn, checkfirst=True)


def _v6_copies_index(conn: Connection) -> None:
    """Copies by their original: every new original looks its stored copies up on
    ingest, which without an index read the whole documents table each time."""
    for index in documents.indexes:
        if index.name == "ix_documents_syndicated":
            index.create(conn, checkfirst=True)


def _v7_merge_filter(conn: Connection) -> None:
    """Merge candidates filtered on sub-event type and geo_precision inside the index.

    A place matches one in the same admin1 only when either is imprecise; without
    the precision in a column every event of the same admin1 and days was decoded
    from JSON only to be refused, a count that grows with the database's density.
    """
    have = {c["name"] for c in inspect(conn).get_columns("events")}
    if "geo_precision" not in have:
        conn.execute(text("ALTER TABLE events ADD COLUMN geo_precision INTEGER"))
        rows = conn.execute(
            select(events.c.seq, events.c.data).where(events.c.latitude.is_not(None))
        )
        values = []
        for seq, data in rows:
            place = json.loads(data).get("place")
            if place:
                values.append({"s": seq, "p": place.get("geo_precision", 1)})
        if values:
            conn.execute(
                events.update()
                .where(events.c.seq == bindparam("s"))
                .values(geo_precision=bindparam("p")),
                values,
            )
    conn.execute(text("DROP INDEX IF EXISTS ix_events_merge"))  # rebuilt with both columns
    conn.execute(text(f"CREATE INDEX ix_events_merge ON events ({MERGE_V3}, geo_precision, "
                      "sub_event_type)"))  # fmt: skip


def _v8_merge_cells(conn: Connection) -> None:
    """Merge candidates through three small scans (:mod:`warwire.store.candidates`)."""
    add_cells(conn)


MIGRATIONS: tuple[tuple[int, Callable[[Connection], None]], ...] = (
    (1, _v1_tables),
    (2, _v2_search),
    (3, _v3_merge_index),
    (4, _v4_page_index),
    (5, _v5_corrections),
    (6, _v6_copies_index),
    (7, _v7_merge_filter),
    (8, _v8_merge_cells),
)
LATEST = MIGRATIONS[-1][0]


def current_version(conn: Connection) -> int:
    if not conn.dialect.has_table(conn, "schema_version"):
        return 0
    value = conn.execute(select(schema_version.c.version).order_by(schema_version.c.version.desc()))
    row = value.first()
    return int(row[0]) if row else 0


def migrate(conn: Connection) -> int:
    """Run the migrations this database lacks, in order, in the caller's transaction."""
    if conn.dialect.name == "postgresql":
        # one migrator at a time when several processes open a fresh database
        conn.execute(text("SELECT pg_advisory_xact_lock(5151)"))
    schema_version.create(conn, checkfirst=True)
    have = current_version(conn)
    if have > LATEST:
        raise StoreError(
            f"database schema version {have} is newer than this warwire knows ({LATEST}); "
            "upgrade warwire"
        )
    applied = set(conn.execute(select(schema_version.c.version)).scalars())
    for number, step in MIGRATIONS:  # a gap is filled too (steps after 1 are idempotent)
        if number in applied:
            continue
        log.info("applying migration %d (%s)", number, step.__name__)
        step(conn)
        conn.execute(
            schema_version.insert().values(
                version=number, applied_at=datetime.now(UTC).isoformat(timespec="seconds")
            )
        )
    return LATEST
