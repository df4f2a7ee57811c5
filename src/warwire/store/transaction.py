"""Writing analysed documents, inside the caller's single transaction.

Order matters for the guarantees: the dataset version row is locked first (on
PostgreSQL that row lock serialises concurrent writers), then each document in
turn: the document, its fingerprint and syndication group, then its events
merged into the stored ones (a repost's only onto its original's,
:mod:`warwire.store.reposts`), then claims and relations. Either all of it
commits or none. A transaction may hold one document or a batch of them
(:func:`add_batch`): each document still gets its own dataset version and is
written exactly as it would be alone; the batch only shares the version
lock, the existence check and the bulk writes of rows nothing reads back.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy.engine import Connection

from warwire.clean import syndication as syn
from warwire.merge import NEAR_KM
from warwire.resolve.sources import SourceRegistry, normalize
from warwire.store.base import IngestResult
from warwire.store.docwrites import insert_document, upsert_source
from warwire.store.groups import BandIndex, band_index
from warwire.store.rawsql import Raw
from warwire.store.reposts import add_repost_report, copied, rehome_copies, text_of
from warwire.store.schema import VERSION_TIME_KEY
from warwire.store.writes import (
    CHANGE_COLUMNS,
    RELATION_COLUMNS,
    EventWork,
    add_event,
    drop_orphans,
    insert_claims,
    report_search_text,
    retire_revision,
)
from warwire.types import Analysis, Document


@dataclass
class Batch:
    """What the documents of one transaction share."""

    version: int  # the dataset version of the last document written
    stored: set[str]  # doc ids already in the database, or written by this batch
    sources: set[str] = field(default_factory=set)  # source keys known to be stored
    # url -> its latest unsuperseded document (None: none), for every url of the batch
    latest: dict[str, str | None] = field(default_factory=dict)
    fingerprints: dict[str, syn.Fingerprint] = field(default_factory=dict)  # of new documents
    bands: BandIndex = field(default_factory=dict)  # of their band keys


def begin(raw: Raw, docs: Sequence[Document], sources: set[str]) -> Batch:
    """Lock the dataset version row, then read in one query each what the batch's
    documents would otherwise look up one at a time: which are stored, the stored
    documents under their band keys, the latest revision of each url, and which
    publishers are registered."""
    row = raw.first(
        "UPDATE meta SET value = value WHERE key = :k RETURNING value", {"k": "dataset_version"}
    )
    assert row is not None, "meta row dataset_version is missing"
    batch = Batch(version=int(row[0]), stored=set(), sources=sources)
    ids = sorted({d.doc_id for d in docs})
    found = raw.all_in("SELECT doc_id FROM documents WHERE {cond}", "doc_id", ids, "text")
    batch.stored = {str(r[0]) for r in found}
    batch.fingerprints = {d.doc_id: syn.fingerprint(d.text) for d in docs
                          if d.doc_id not in batch.stored}  # fmt: skip
    batch.bands = band_index(raw, batch.fingerprints.values())
    urls = sorted({d.source.url for d in docs if d.source.url})
    batch.latest = dict.fromkeys(urls)
    sql = "SELECT url, doc_id FROM documents WHERE {cond} AND superseded_by IS NULL ORDER BY seq"
    for url, doc_id in raw.all_in(sql, "url", urls, "text"):  # a url's rows share a chunk
        batch.latest[str(url)] = str(doc_id)  # the last (highest seq) wins
    keys = sorted({normalize(d.source.publisher) for d in docs if d.source.publisher} - sources)
    sources.update(str(r[0]) for r in raw.all_in("SELECT key FROM sources WHERE {cond}", "key",
                                                 keys, "text"))  # fmt: skip
    return batch


def finish(raw: Raw, batch: Batch, first: int) -> None:
    """Record the versions the batch used (the lock taken in :func:`begin` is held)."""
    if batch.version != first:
        raw.run(
            "UPDATE meta SET value = :v WHERE key = :k",
            {"v": batch.version, "k": "dataset_version"},
        )


def add_batch(
    conn: Connection,
    analyses: Sequence[Analysis],
    registry: SourceRegistry,
    near_km: float = NEAR_KM,
    sources: set[str] | None = None,
) -> list[IngestResult]:
    """Write ``analyses`` in order through ``conn`` (one transaction), one result each.

    ``sources``: publisher keys known to be stored; the batch adds the ones it
    stores (the caller keeps them once the transaction has committed).
    """
    raw = Raw(conn)
    try:
        batch = begin(raw, [a.document for a in analyses], set() if sources is None
                      else sources)  # fmt: skip
        first = batch.version
        results = [add_analysis(raw, a, registry, batch, near_km) for a in analyses]
        finish(raw, batch, first)
    finally:
        raw.close()
    return results


def add_analysis(
    raw: Raw, analysis: Analysis, registry: SourceRegistry, batch: Batch, near_km: float
) -> IngestResult:
    """Everything one document brings, under the next dataset version."""
    doc = analysis.document
    if doc.doc_id in batch.stored:
        return IngestResult(doc.doc_id, "unchanged")
    batch.stored.add(doc.doc_id)
    batch.version += 1
    version = batch.version
    # when this version was made: an export's ACLED ``timestamp`` (unix seconds)
    raw.defer("meta", ("key", "value"), [(f"{VERSION_TIME_KEY}{version}", int(time.time()))])
    previous = batch.latest.get(doc.source.url) if doc.source.url else None
    fp = batch.fingerprints[doc.doc_id]
    syndicated_from = insert_document(raw, doc, fp, version, batch.bands)
    if doc.source.url:
        batch.latest[doc.source.url] = doc.doc_id
    upsert_source(raw, registry, doc, batch.sources)
    work = EventWork(version=version)
    if previous:
        retire_revision(raw, previous, doc.doc_id, work)
    origin = syndicated_from if not previous else None
    original_text = text_of(raw, origin) if origin else ""
    for index, report in enumerate(analysis.events):
        if origin:  # a repost: copied reports join the original's events, never new ones
            search = report_search_text(doc, report)
            if add_repost_report(raw, doc.doc_id, report, search, origin, work):
                continue
            if copied(report, doc.text, original_text):
                continue
        add_event(raw, doc, report, index, work, near_km)
    if not syndicated_from and not previous:  # an original after its copies takes theirs
        rehome_copies(raw, doc.doc_id, work)
    drop_orphans(raw, work)
    insert_claims(raw, doc.doc_id, analysis.claims, None)
    raw.defer(
        "relations",
        RELATION_COLUMNS,
        [(doc.doc_id, r.subject, r.predicate, r.object, r.evidence.start, r.evidence.end)
         for r in analysis.relations],
    )  # fmt: skip
    raw.defer("changes", CHANGE_COLUMNS, work.changes)
    return IngestResult(
        doc.doc_id,
        "revised" if previous else "added",
        events_added=work.added,
        events_merged=work.merged,
        syndicated_from=syndicated_from,
    )
