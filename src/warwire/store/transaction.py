"""Writing one analysed document, inside the caller's single transaction.

Order matters for the guarantees: the dataset version is bumped first (on
PostgreSQL that row lock serialises concurrent writers), then the document,
its fingerprint and syndication group, then its events are merged into the
stored ones (a repost's only onto its original's, :mod:`warwire.store.reposts`),
then claims and relations. Either all of it commits or none.
"""

from __future__ import annotations

from sqlalchemy.engine import Connection

from warwire.clean import syndication as syn
from warwire.merge import NEAR_KM
from warwire.resolve.sources import SourceRegistry
from warwire.store.base import IngestResult
from warwire.store.docwrites import insert_document, previous_revision, upsert_source
from warwire.store.rawsql import Raw
from warwire.store.reposts import add_repost_report, copied, rehome_copies, text_of
from warwire.store.writes import (
    CHANGE_INSERT,
    RELATION_INSERT,
    AlreadyStored,
    EventWork,
    add_event,
    bump_version,
    document_exists,
    drop_orphans,
    insert_claims,
    report_search_text,
    retire_revision,
)
from warwire.types import Analysis


def add_analysis(
    conn: Connection, analysis: Analysis, registry: SourceRegistry, near_km: float = NEAR_KM
) -> IngestResult:
    """Everything one document brings, written through ``conn`` (one transaction).

    Raises :class:`AlreadyStored` (after the version bump, so the caller rolls
    back) when the document is already there.
    """
    doc = analysis.document
    raw = Raw(conn)
    try:
        version = bump_version(raw)  # on PostgreSQL this row lock serialises writers
        if document_exists(raw, doc.doc_id):
            raise AlreadyStored(doc.doc_id)
        previous = previous_revision(raw, doc)
        syndicated_from = insert_document(raw, doc, syn.fingerprint(doc.text), version)
        upsert_source(raw, registry, doc)
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
        raw.many(
            RELATION_INSERT,
            [
                {"doc_id": doc.doc_id, "subject": r.subject, "predicate": r.predicate,
                 "object": r.object, "start": r.evidence.start, "end": r.evidence.end}
                for r in analysis.relations
            ],
        )  # fmt: skip
        raw.many(CHANGE_INSERT, work.changes)
    finally:
        raw.close()
    return IngestResult(
        doc.doc_id,
        "revised" if previous else "added",
        events_added=work.added,
        events_merged=work.merged,
        syndicated_from=syndicated_from,
    )
