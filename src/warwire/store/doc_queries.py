"""Reading documents and the source registry: the provenance every event record shows.

Event records, claim records and the documents listing all need the same
documents, the roots they were syndicated from and their publishers' registry
entries, fetched in chunks of :data:`CHUNK` ids rather than one query each.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Connection, Row

from warwire.resolve.sources import normalize
from warwire.serialize import document_record
from warwire.store.base import Record
from warwire.store.schema import documents, sources
from warwire.types import Document, Source

CHUNK = 500  # ids per IN-list query


@dataclass(frozen=True, slots=True)
class DocInfo:
    """A document row with its publisher's registry entry."""

    row: Row[Any]
    source: Record | None

    @property
    def outlet(self) -> str | None:
        return self.row.original_source or self.row.publisher


def doc_from_row(row: Row[Any]) -> Document:
    return Document(
        doc_id=row.doc_id, input_id=row.input_id, text=row.text, title=row.title,
        published=row.published, original_published=row.original_published,
        source=Source(publisher=row.publisher, url=row.url, original_source=row.original_source,
                      author=row.author, syndication_group=row.syndication_group),
        language=row.language, syndicated_from=row.syndicated_from, media_type=row.media_type,
    )  # fmt: skip


def _registry_record(row: Row[Any] | None) -> Record | None:
    if row is None or not row.categories:
        return None
    return {"name": row.name, "categories": row.categories.split(","), "side": row.side,
            "reason": row.reason, "reference": row.reference}  # fmt: skip


def source_record(conn: Connection, publisher: str | None) -> Record | None:
    if not publisher:
        return None
    row = conn.execute(select(sources).where(sources.c.key == normalize(publisher))).first()
    return _registry_record(row)


def source_records(conn: Connection, publishers: Iterable[str | None]) -> dict[str, Record | None]:
    """Registry entries of many publishers in one query per chunk (not one per publisher)."""
    keys = {p: normalize(p) for p in set(publishers) if p}
    rows: dict[str, Row[Any]] = {}
    wanted = sorted(set(keys.values()))
    for i in range(0, len(wanted), CHUNK):
        stmt = select(sources).where(sources.c.key.in_(wanted[i : i + CHUNK]))
        rows.update((r.key, r) for r in conn.execute(stmt))
    return {p: _registry_record(rows.get(k)) for p, k in keys.items()}


def doc_infos(conn: Connection, doc_ids: Iterable[str]) -> dict[str, DocInfo]:
    """Documents (and the roots they were syndicated from) with their registry entries."""
    wanted = set(doc_ids)
    found: dict[str, Row[Any]] = {}
    while wanted:
        ids = sorted(wanted)[:CHUNK]
        wanted -= set(ids)
        for row in conn.execute(select(documents).where(documents.c.doc_id.in_(ids))):
            found[row.doc_id] = row
            if row.syndicated_from and row.syndicated_from not in found:
                wanted.add(row.syndicated_from)
        wanted -= found.keys()
    registry = source_records(conn, (r.publisher for r in found.values()))
    return {d: DocInfo(r, registry.get(r.publisher)) for d, r in found.items()}


def document_record_of(info: DocInfo, with_text: bool = False) -> Record:
    record = document_record(doc_from_row(info.row), with_text=with_text)
    record["syndication_group"] = info.row.syndication_group
    record["superseded_by"] = info.row.superseded_by
    record["source"] = info.source
    return record


def list_documents(conn: Connection, limit: int | None, offset: int) -> list[Record]:
    stmt = select(documents.c.doc_id).order_by(documents.c.seq).offset(offset)
    if limit is not None:
        stmt = stmt.limit(limit)
    ids = list(conn.execute(stmt).scalars())
    infos = doc_infos(conn, ids)
    return [document_record_of(infos[i]) for i in ids]


def source_summary(info: DocInfo | None) -> Record:
    if info is None:
        return {}
    return {"doc_id": info.row.doc_id, "publisher": info.row.publisher,
            "syndicated_from": info.row.syndicated_from, "registry": info.source}  # fmt: skip
