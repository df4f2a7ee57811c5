"""One :class:`SqlStore` for SQLite and PostgreSQL, through SQLAlchemy Core.

SQLite runs in WAL mode with foreign keys on, and every write transaction
starts with ``BEGIN IMMEDIATE`` so a read-then-write never races another
writer. Each :meth:`SqlStore.add` is one transaction: a killed process leaves
either the whole document or nothing; :meth:`SqlStore.add_many` writes a batch
of documents in one transaction, with the same results.
"""

from __future__ import annotations

import logging
import os
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event, func, select
from sqlalchemy.engine import Connection, Engine, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError

from warwire.errors import StoreError
from warwire.merge import NEAR_KM
from warwire.resolve.sources import load_registry
from warwire.store import claim_queries, correction_apply, doc_queries, queries, records
from warwire.store.base import ClaimQuery, EventQuery, IngestResult, Record
from warwire.store.migrations import migrate
from warwire.store.schema import claims, documents, events, sources
from warwire.store.transaction import add_batch
from warwire.types import Analysis, Event

log = logging.getLogger(__name__)


def normalize_url(url: str) -> str:
    """``postgresql://`` and ``postgres://`` mean psycopg 3; a plain file path (no
    scheme) is a SQLite file, as an analyst types it; SQLite parents are created."""
    if "://" not in url and not url.startswith("sqlite:"):
        return "sqlite:///" + str(Path(url).expanduser().resolve())
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


MMAP_BYTES = 1 << 32  # reads of a large file through the OS page cache, not copies
CACHE_KIB = 65_536  # SQLite page cache per connection (KiB); the OS caches the rest, mapped
MAX_CACHE_KIB = 524_288  # a writer's cache grows with the file up to this


def writer_cache_kib(path: str) -> int:
    """A writer's page cache: half the file and its WAL, in powers of two from CACHE_KIB
    to MAX_CACHE_KIB. Every page an ingest changes is copied into the cache (the map
    is read-only), and its random index inserts touch more pages as the file grows."""
    size = sum(os.path.getsize(p) for p in (path, path + "-wal") if os.path.exists(p))
    kib = CACHE_KIB
    while kib < MAX_CACHE_KIB and kib * 1024 * 2 < size:
        kib *= 2
    return kib


def _sqlite_engine(url: str) -> Engine:
    parsed = make_url(url)
    if parsed.database and parsed.database != ":memory:":
        Path(parsed.database).expanduser().parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, connect_args={"timeout": 60})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # we issue BEGIN ourselves
        cursor = dbapi_conn.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA busy_timeout=60000")
        # ingest touches many index pages: a larger page cache, and fewer checkpoints
        # (each one fsyncs; NORMAL keeps WAL commits durable against process kills)
        cursor.execute(f"PRAGMA cache_size=-{CACHE_KIB}")
        cursor.execute(f"PRAGMA mmap_size={MMAP_BYTES}")
        cursor.execute("PRAGMA wal_autocheckpoint=8192")
        cursor.close()

    file = parsed.database and parsed.database != ":memory:"
    path = str(Path(parsed.database).expanduser()) if parsed.database and file else None

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        immediate = conn.get_execution_options().get("immediate")
        if immediate and path:  # a writer: its cache sized for the file as it grows
            kib, info = writer_cache_kib(path), conn.connection.info
            if info.get("cache_kib", CACHE_KIB) != kib:
                conn.exec_driver_sql(f"PRAGMA cache_size=-{kib}")
                info["cache_kib"] = kib
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


def make_engine(url: str) -> Engine:
    url = normalize_url(url)
    try:
        if url.startswith("sqlite"):
            return _sqlite_engine(url)
        if url.startswith("postgresql"):
            return create_engine(url, pool_pre_ping=True)
    except (ArgumentError, NoSuchModuleError) as exc:
        raise StoreError(f"bad database URL {url!r}: {exc}") from exc
    raise StoreError(f"unsupported database URL {url!r}: use sqlite:/// or postgresql://")


class SqlStore:
    """The :class:`~warwire.store.base.Store` over a SQLAlchemy engine."""

    def __init__(self, url: str, near_km: float = NEAR_KM) -> None:
        self.url = normalize_url(url)
        self.engine = make_engine(self.url)
        self.writer = self.engine.execution_options(immediate=True)
        self.near_km = near_km
        self.registry = load_registry()
        self.sources: frozenset[str] = frozenset()  # publisher keys committed (never deleted)
        # per row version: decoded events, and list records without document text
        self.decoded: records.RowCache[Event] = records.RowCache()
        self.shaped: records.RowCache[Record] = records.RowCache()
        try:
            with self.writer.begin() as conn:
                migrate(conn)
        except DBAPIError as exc:
            self.engine.dispose()
            raise StoreError(f"cannot open database {self.safe_url}: {exc.orig}") from exc

    @property
    def safe_url(self) -> str:
        return make_url(self.url).render_as_string(hide_password=True)

    def _read(self) -> Any:
        return self.engine.connect()

    # ---------------------------------------------------------------- writes

    def add(self, analysis: Analysis) -> IngestResult:
        """Store one analysed document in one transaction, merging its events."""
        doc_id = analysis.document.doc_id
        try:  # the existence check runs inside the write transaction (one round trip less)
            seen = set(self.sources)
            with self.writer.begin() as conn:
                [result] = add_batch(conn, [analysis], self.registry, self.near_km, seen)
                if result.status != "unchanged":  # refolded events keep the analysts' fixes
                    correction_apply.after_ingest(conn)
            self.sources = frozenset(seen)
            return result
        except DBAPIError as exc:
            raise StoreError(f"could not store {doc_id}: {exc.orig}") from exc

    def add_many(self, analyses: Sequence[Analysis]) -> list[IngestResult]:
        """Store ``analyses`` in one transaction, with the results of :meth:`add` on each
        in turn; nothing of the batch is stored when it raises.

        Statements are shared across the batch and rows nothing reads back go in
        with one bulk write per table. When the database holds analysts'
        corrections (re-applied after each document) it is :meth:`add` per document.
        """
        if not analyses:
            return []
        seen = set(self.sources)
        try:
            with self.writer.begin() as conn:
                if conn.exec_driver_sql("SELECT 1 FROM corrections LIMIT 1").first() is None:
                    results = add_batch(conn, analyses, self.registry, self.near_km, seen)
                else:
                    results = []
        except DBAPIError as exc:
            first = analyses[0].document.doc_id
            raise StoreError(f"could not store the batch from {first}: {exc.orig}") from exc
        if results:
            self.sources = frozenset(seen)
            return results
        return [self.add(analysis) for analysis in analyses]

    # ---------------------------------------------------------------- reads

    def has_document(self, doc_id: str) -> bool:
        with self._read() as conn:
            stmt = select(documents.c.seq).where(documents.c.doc_id == doc_id)
            return conn.execute(stmt).first() is not None

    def find_events(self, query: EventQuery) -> list[Event]:
        """The matching events as records of :mod:`warwire.types` (for merge, tests)."""
        with self._read() as conn:
            return queries.find_events(conn, query)

    def events(self, query: EventQuery) -> list[Record]:
        with self._read() as conn:
            return queries.event_records(conn, queries.find_events(conn, query, self.decoded))

    def event_summaries(self, query: EventQuery, fields: Iterable[str]) -> list[Record]:
        """A page of records holding at least ``fields``, built as cheaply as they allow."""
        with self._read() as conn:
            return queries.event_summaries(conn, query, fields, self.decoded, self.shaped)

    def count_events(self, query: EventQuery) -> int:
        with self._read() as conn:
            return queries.count_events(conn, query)

    def timeline(self, query: EventQuery) -> list[Record]:
        """Events per day per event type over all matches: ``{day, event_type, events}``."""
        with self._read() as conn:
            return queries.timeline(conn, query)

    def event(self, event_id: str) -> Record | None:
        with self._read() as conn:
            stmt = select(events.c.seq, events.c.version, events.c.data)
            row = conn.execute(stmt.where(events.c.event_id == event_id)).first()
            if row is None:
                return None
            return queries.event_records(conn, [queries.decode(row, self.decoded)])[0]

    def claims(self, query: ClaimQuery) -> list[Record]:
        with self._read() as conn:
            return claim_queries.find_claims(conn, query)

    def count_claims(self, query: ClaimQuery) -> int:
        """How many claims match ``query`` (its limit and offset ignored), for paging."""
        with self._read() as conn:
            return claim_queries.count_claims(conn, query)

    def documents(self, limit: int | None = None, offset: int = 0) -> list[Record]:
        with self._read() as conn:
            return doc_queries.list_documents(conn, limit, offset)

    def document(self, doc_id: str) -> Record | None:
        """A document record with its cleaned ``text`` for highlighting."""
        with self._read() as conn:
            info = doc_queries.doc_infos(conn, [doc_id]).get(doc_id)
            return doc_queries.document_record_of(info, with_text=True) if info else None

    def actors(self) -> list[Record]:
        counts: Counter[str] = Counter()
        with self._read() as conn:
            for (names,) in conn.execute(select(events.c.actors)):
                counts.update(n for n in names.split("|") if n)
        return [{"name": n, "events": c} for n, c in sorted(counts.items())]

    def stats(self) -> Record:
        with self._read() as conn:

            def count(table: Any, *where: Any) -> int:
                stmt = select(func.count()).select_from(table).where(*where)
                return int(conn.execute(stmt).scalar_one())

            groups = select(func.count(func.distinct(documents.c.syndication_group)))
            return {
                "version": queries.dataset_version(conn),
                "documents": count(documents, documents.c.superseded_by.is_(None)),
                "revisions": count(documents, documents.c.superseded_by.is_not(None)),
                "syndication_groups": int(conn.execute(groups).scalar_one()),
                "events": count(events),
                "claims": count(claims),
                "sources": count(sources),
            }

    def version(self) -> int:
        """The dataset version; it rises with every ingest that changes anything."""
        with self._read() as conn:
            return queries.dataset_version(conn)

    def changed_since(self, version: int) -> Iterator[Record]:
        """Events added or updated after ``version``, then tombstones of those gone."""
        with self._read() as conn:
            batch: list[Event] = []
            for item in queries.iter_events(conn, since_version=version):
                batch.append(item)
                if len(batch) >= doc_queries.CHUNK:
                    yield from queries.event_records(conn, batch)
                    batch = []
            yield from queries.event_records(conn, batch)
            yield from queries.tombstones(conn, version)

    def export_records(self, since_version: int | None = None) -> Iterator[Record]:
        """Documents first (for the ACLED source column), every event, then standalone
        claims and relations."""
        with self._read() as conn:
            offset = 0
            while page := doc_queries.list_documents(conn, doc_queries.CHUNK, offset):
                yield from page
                offset += len(page)
        if since_version is not None:
            yield from self.changed_since(since_version)
        else:
            with self._read() as conn:
                batch: list[Event] = []
                for item in queries.iter_events(conn):
                    batch.append(item)
                    if len(batch) >= doc_queries.CHUNK:
                        yield from queries.event_records(conn, batch)
                        batch = []
                yield from queries.event_records(conn, batch)
        with self._read() as conn:  # standalone claims and relations (jsonl keeps them)
            yield from claim_queries.loose_records(conn, since_version)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> SqlStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
