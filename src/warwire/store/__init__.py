"""The living event database: open a store, ingest into it, query, export.

``open_store(url)`` gives a :class:`~warwire.store.base.Store` over SQLite
(``sqlite:///path.db``) or PostgreSQL (``postgresql://...``); ``store_all``
writes analysed documents a batch to a transaction (each whole or not at
all). Ingesting inputs end to end is :func:`warwire.pipeline.ingest`.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from typing import IO

from warwire.errors import StoreError, failure
from warwire.store.base import ClaimQuery, EventQuery, IngestResult, Record, Store
from warwire.store.sql import SqlStore
from warwire.types import Analysis, Rejection

log = logging.getLogger(__name__)
log.addHandler(logging.NullHandler())

EXPORT_FORMATS = ("acled-csv", "jsonl", "geojson", "parquet")

__all__ = [
    "EXPORT_FORMATS",
    "ClaimQuery",
    "EventQuery",
    "IngestResult",
    "SqlStore",
    "Store",
    "export_events",
    "open_store",
    "query_events",
    "store_all",
]


def open_store(url: str) -> SqlStore:
    """A store for ``sqlite:///path``, ``postgresql://...`` or ``postgresql+psycopg://...``."""
    return SqlStore(url)


def store_all(
    items: Iterable[Analysis | Rejection], store: Store, batch: int = 1
) -> Iterator[IngestResult | Rejection]:
    """Store analyses (``batch`` consecutive items to a transaction); rejections pass through.

    A document the store chokes on (not the database itself: a StoreError
    ends the run) becomes a rejection of stage ``store``; the rest goes on: a
    batch that fails is stored again one transaction per document.
    """
    chunk: list[Analysis | Rejection] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= batch:
            yield from _store_chunk(chunk, store)
            chunk = []
    yield from _store_chunk(chunk, store)


def _store_chunk(
    chunk: list[Analysis | Rejection], store: Store
) -> Iterator[IngestResult | Rejection]:
    analyses = [item for item in chunk if isinstance(item, Analysis)]
    if len(analyses) > 1:
        try:
            done = iter(store.add_many(analyses))
        except Exception:
            log.debug("batch failed; storing its documents one by one", exc_info=True)
        else:
            yield from (item if isinstance(item, Rejection) else next(done) for item in chunk)
            return
    for item in chunk:
        if isinstance(item, Rejection):
            yield item
            continue
        try:
            yield store.add(item)
        except StoreError:
            raise
        except Exception as exc:
            log.debug("storing failed on %s", item.document.input_id, exc_info=True)
            yield failure("store", exc, item.document.input_id)


def query_events(store: Store, query: EventQuery | None = None) -> list[Record]:
    return store.events(query or EventQuery())


def export_events(
    store: SqlStore,
    fmt: str,
    out: IO[str] | IO[bytes],
    since_version: int | None = None,
    ascii_only: bool = False,
) -> int:
    """Write every event (or those changed after ``since_version``); returns the count.

    Events carry their corrected values; JSONL also holds the corrections themselves.
    ``ascii_only``: the ACLED CSV's names and notes transliterated to ASCII."""
    from itertools import chain

    from warwire.export import make_writer
    from warwire.store import corrections
    from warwire.store.parquet import ParquetWriter

    writer = (
        ParquetWriter(out)  # type: ignore[arg-type]
        if fmt == "parquet"
        else make_writer(fmt, out, ascii_only=ascii_only)  # type: ignore[arg-type]
    )
    count = 0
    audit = corrections.export_records(store, since_version) if fmt == "jsonl" else ()
    for record in chain(store.export_records(since_version), audit):
        writer.write(record)
        count += record["kind"] in ("event", "tombstone")
    writer.close()
    return count
