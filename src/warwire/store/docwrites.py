"""Writing a document's own rows: the document, its fingerprint and bands, its source.

Split from :mod:`warwire.store.writes` (events, claims and the transaction's
order); runs on the same :class:`~warwire.store.rawsql.Raw` cursor, inside the
caller's one transaction per document.
"""

from __future__ import annotations

from warwire.clean import syndication as syn
from warwire.resolve.sources import SourceRegistry, normalize
from warwire.store.groups import BandIndex, find_group, reroot_group
from warwire.store.rawsql import Raw, insert_sql
from warwire.types import Document

SOURCE_COLUMNS = ("key", "name", "categories", "side", "reason", "reference")


def upsert_source(raw: Raw, registry: SourceRegistry, doc: Document, known: set[str]) -> None:
    """Register the document's publisher; ``known``: every stored key among the batch's
    publishers (:func:`warwire.store.transaction.begin` reads them in one query)."""
    publisher = doc.source.publisher
    if not publisher:
        return
    key = normalize(publisher)
    if key in known:
        return
    known.add(key)
    info = registry.lookup(publisher, doc.source.url)
    raw.run(
        insert_sql("sources", SOURCE_COLUMNS),
        {
            "key": key,
            "name": publisher,
            "categories": ",".join(info.categories) if info else "",
            "side": info.side if info else None,
            "reason": info.reason if info else None,
            "reference": info.reference if info else None,
        },
    )


DOCUMENT_COLUMNS = (
    "doc_id", "input_id", "url", "title", "publisher", "original_source", "author",
    "published", "original_published", "language", "media_type", "text", "syndicated_from",
    "syndication_group", "version",
)  # fmt: skip
DOCUMENT_INSERT = insert_sql("documents", DOCUMENT_COLUMNS)


def insert_document(
    raw: Raw, doc: Document, fp: syn.Fingerprint, version: int, index: BandIndex
) -> str | None:
    """Store the document row, fingerprint and band keys (added to ``index``, the
    batch's :func:`~warwire.store.groups.band_index`); returns its ``syndicated_from``."""
    group = find_group(raw, doc, fp, index)
    row = {
        "doc_id": doc.doc_id, "input_id": doc.input_id, "url": doc.source.url,
        "title": doc.title, "publisher": doc.source.publisher,
        "original_source": doc.source.original_source, "author": doc.source.author,
        "published": doc.published, "original_published": doc.original_published,
        "language": doc.language, "media_type": doc.media_type, "text": doc.text,
        "syndicated_from": None if group else doc.syndicated_from,
        "syndication_group": group or doc.doc_id, "version": version,
    }  # fmt: skip
    raw.run(DOCUMENT_INSERT, row)
    raw.defer("fingerprints", ("doc_id", "signature", "size"),
              [(doc.doc_id, syn.serialize_signature(fp.signature), fp.size)])  # fmt: skip
    keys = sorted(set(fp.bands))
    if keys:  # one multi-row statement: one round trip, one statement to run
        values = ", ".join(f"(:k{i}, :d)" for i in range(len(keys)))
        params: dict[str, object] = {f"k{i}": k for i, k in enumerate(keys)}
        raw.run(
            f"INSERT INTO bands (band_key, doc_id) VALUES {values}", {**params, "d": doc.doc_id}
        )
        for key in keys:
            if key in index:  # a later document of the batch shares it
                index[key].append(doc.doc_id)
    if group:
        root = reroot_group(raw, group)
        return None if root == doc.doc_id else root
    return doc.syndicated_from
