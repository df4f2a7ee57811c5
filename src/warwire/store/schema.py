"""Tables (SQLAlchemy Core): one schema for SQLite and PostgreSQL.

Each document's own report of an event is kept (``event_reports``) beside the
merged event, so a revised document can be folded out and back in. The
migrations that create and upgrade these tables are in
:mod:`warwire.store.migrations`.
"""

from __future__ import annotations

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
)

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

NARROW_DAYS = 7  # an event window wider than this is 'wide' (merge candidates)
