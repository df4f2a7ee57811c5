"""Tables (SQLAlchemy Core) and the versioned migrations that create them.

One schema for SQLite and PostgreSQL. Migrations are ordered functions; a
``schema_version`` table records which ran, so opening an old database
upgrades it and opening a newer one than this code knows is refused. Each
document's own report of an event is kept (``event_reports``) beside the
merged event, so a revised document can be folded out and back in.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from datetime import UTC, datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    bindparam,
    inspect,
    select,
    text,
)
from sqlalchemy.engine import Connection

from warwire.errors import StoreError

log = logging.getLogger(__name__)
metadata = MetaData()

schema_version = Table(
    "schema_version",
    metadata,
    Column("version", Integer, primary_key=True, autoincrement=False),
    Column("applied_at", String(40), nullable=False),
)

meta = Table(
    "meta",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", BigInteger, nullable=False),
)

#: ``meta`` keys ``version_at:N`` hold when dataset version N was made (unix seconds)
VERSION_TIME_KEY = "version_at:"

sources = Table(
    "sources",
    metadata,
    Column("key", String(200), primary_key=True),  # casefolded publisher
    Column("name", String(200), nullable=False),
    Column("categories", Text, nullable=False, default=""),
    Column("side", String(200)),
    Column("reason", Text),
    Column("reference", Text),
)

documents = Table(
    "documents",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("doc_id", String(128), nullable=False, unique=True),
    Column("input_id", Text, nullable=False),
    Column("url", Text),
    Column("title", Text),
    Column("publisher", String(200)),
    Column("original_source", String(200)),
    Column("author", String(200)),
    Column("published", Date),
    Column("original_published", Date),
    Column("language", String(16), nullable=False),
    Column("media_type", String(16), nullable=False),
    Column("text", Text, nullable=False),
    Column("syndicated_from", String(128)),
    Column("syndication_group", String(128), nullable=False),
    Column("superseded_by", String(128)),
    Column("version", BigInteger, nullable=False),
    Index("ix_documents_url", "url"),
    Index("ix_documents_group", "syndication_group"),
    Index("ix_documents_syndicated", "syndicated_from"),
)

fingerprints = Table(
    "fingerprints",
    metadata,
    Column("doc_id", String(128), ForeignKey("documents.doc_id"), primary_key=True),
    Column("signature", LargeBinary, nullable=False),
    Column("size", Integer, nullable=False),
)

bands = Table(
    "bands",
    metadata,
    Column("band_key", BigInteger, nullable=False),
    Column("doc_id", String(128), ForeignKey("documents.doc_id"), nullable=False),
    Index("ix_bands_key", "band_key"),
)

events = Table(
    "events",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("event_id", String(64), nullable=False, unique=True),
    Column("event_type", String(64), nullable=False),
    Column("sub_event_type", String(64), nullable=False),
    Column("country", String(100)),
    Column("admin1", String(200)),
    Column("event_date", Date),
    Column("date_start", Date),
    Column("date_end", Date),
    Column("latitude", Float),
    Column("longitude", Float),
    Column("actors", Text, nullable=False, default=""),  # "|name|name|" for --actor
    Column("fatalities", Integer, nullable=False, default=0),
    Column("data", Text, nullable=False),  # the merged Event, encoded
    Column("search_text", Text, nullable=False, default=""),
    Column("version", BigInteger, nullable=False),
    Column("wide", Boolean, nullable=False, default=False),  # window wider than NARROW_DAYS
    Column("geo_precision", Integer),  # the place's ACLED geo_precision (merge by admin1)
    Column("cell", BigInteger),  # the place's spatial cell (merge candidates, migration 8)
    Column("place_key", Text),  # casefolded place name (merge candidates by name)
    Index("ix_events_date", "event_date"),
    Index("ix_events_latlon", "latitude", "longitude"),
    Index("ix_events_version", "version"),
)

event_reports = Table(
    "event_reports",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("event_id", String(64), ForeignKey("events.event_id"), nullable=False),
    Column("doc_id", String(128), ForeignKey("documents.doc_id"), nullable=False),
    Column("data", Text, nullable=False),  # this document's own report, encoded
    Column("search_text", Text, nullable=False, default=""),
    Index("ix_reports_event", "event_id"),
    Index("ix_reports_doc", "doc_id"),
)

claims = Table(
    "claims",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("claim_id", String(64), nullable=False),
    Column("doc_id", String(128), ForeignKey("documents.doc_id"), nullable=False),
    Column("event_id", String(64)),  # null for standalone claims
    Column("claimant", String(300), nullable=False),
    Column("hedge", String(32), nullable=False),
    Column("polarity", String(32), nullable=False),
    Column("standalone", Boolean, nullable=False),
    Column("data", Text, nullable=False),
    Index("ix_claims_event", "event_id"),
    Index("ix_claims_doc", "doc_id"),
    Index("ix_claims_claimant", "claimant"),
)

relations = Table(
    "relations",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("doc_id", String(128), ForeignKey("documents.doc_id"), nullable=False),
    Column("subject", String(300), nullable=False),
    Column("predicate", String(64), nullable=False),
    Column("object", String(300), nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Index("ix_relations_doc", "doc_id"),
)

changes = Table(
    "changes",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("version", BigInteger, nullable=False),
    Column("event_id", String(64), nullable=False),
    Column("change", String(16), nullable=False),  # added, updated, merged, deleted
    Column("merged_into", String(64)),
    Index("ix_changes_version", "version"),
)

corrections = Table(
    "corrections",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("kind", String(16), nullable=False),  # set, merge, split
    Column("event_id", String(64), nullable=False),  # the event the analyst named
    Column("applies_to", String(64), nullable=False),  # the live event it shapes now
    Column("field", String(32)),  # for "set"
    Column("before", Text),  # JSON
    Column("after", Text),  # JSON
    Column("events", Text, nullable=False, default="[]"),  # JSON ids involved (merge, split)
    Column("anchors", Text, nullable=False, default="[]"),  # JSON "doc:start-end" of reports
    Column("why", Text, nullable=False),
    Column("by", String(200), nullable=False),
    Column("at", String(40), nullable=False),  # ISO 8601 UTC
    Column("version", BigInteger, nullable=False),
    Column("active", Boolean, nullable=False, default=True),  # a split ends its merge
    Index("ix_corrections_applies", "applies_to"),
    Index("ix_corrections_event", "event_id"),
    Index("ix_corrections_version", "version"),
)

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


NARROW_DAYS = 7
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
    from warwire.store.candidates import add_cells

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
