"""Writing one analysed document, inside the caller's single transaction.

Order matters for the guarantees: the dataset version is bumped first (on
PostgreSQL that row lock serialises concurrent writers), then the document,
its fingerprint and syndication group, then its events are merged into the
stored ones, then claims and relations. Either all of it commits or none.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import timedelta
from typing import Any

from sqlalchemy import and_, bindparam, delete, insert, or_, select, text, update
from sqlalchemy.engine import Connection

from warwire.clean import syndication as syn
from warwire.merge import NEAR_KM, best_match, compatible, merge_reports, window
from warwire.resolve.sources import SourceRegistry, normalize
from warwire.store import records
from warwire.store.base import IngestResult
from warwire.store.groups import earliest_in_group, find_original, reroot_group
from warwire.store.schema import (
    bands,
    changes,
    claims,
    documents,
    event_reports,
    events,
    fingerprints,
    meta,
    relations,
    sources,
)
from warwire.types import Analysis, Claim, Document, Event

MAX_CANDIDATES = 50
MAX_WINDOW_DAYS = 92  # stored windows longer than a quarter are not merge candidates


class AlreadyStored(Exception):
    """Raised inside the transaction so the caller rolls the version bump back."""


def short_hash(*parts: object) -> str:
    raw = "\x1f".join(str(p) for p in parts).encode("utf-8")
    return hashlib.blake2b(raw, digest_size=8).hexdigest()


def bump_version(conn: Connection) -> int:
    row = conn.execute(
        update(meta)
        .where(meta.c.key == "dataset_version")
        .values(value=meta.c.value + 1)
        .returning(meta.c.value)
    ).one()
    return int(row[0])


def document_exists(conn: Connection, doc_id: str) -> bool:
    found = conn.execute(select(documents.c.seq).where(documents.c.doc_id == doc_id)).first()
    return found is not None


# --------------------------------------------------------------------------- sources


def upsert_source(conn: Connection, registry: SourceRegistry, doc: Document) -> None:
    publisher = doc.source.publisher
    if not publisher:
        return
    key = normalize(publisher)
    if conn.execute(select(sources.c.key).where(sources.c.key == key)).first():
        return
    info = registry.lookup(publisher, doc.source.url)
    conn.execute(
        insert(sources).values(
            key=key,
            name=publisher,
            categories=",".join(info.categories) if info else "",
            side=info.side if info else None,
            reason=info.reason if info else None,
            reference=info.reference if info else None,
        )
    )


# --------------------------------------------------------------------------- events


@dataclass
class EventWork:
    """What one document's events did: kept per add, never shared."""

    version: int
    added: int = 0
    merged: int = 0
    orphans: dict[str, Event] = field(default_factory=dict)


def report_search_text(doc: Document, report: Event) -> str:
    spans = [c.evidence for c in report.claims] + [fe.span for fe in report.evidence]
    pieces = [report.notes, doc.title or "", report.location_text or ""]
    pieces += [a.name for a in (report.actor1, report.actor2) if a]
    pieces += [s.text_in(doc.text) for s in spans if s.doc_id == doc.doc_id]
    return " ".join(p for p in dict.fromkeys(pieces) if p)


def event_row(event: Event, search_text: str, version: int) -> dict[str, Any]:
    place = event.place
    span = window(event.when)
    names = [a.name for a in (event.actor1, event.actor2) if a]
    names += [*event.assoc_actor_1, *event.assoc_actor_2]
    return {
        "event_id": event.event_id,
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "country": place.country if place else None,
        "admin1": place.admin1 if place else None,
        "event_date": event.when.event_date,
        "date_start": span[0] if span else None,
        "date_end": span[1] if span else None,
        "latitude": place.latitude if place else None,
        "longitude": place.longitude if place else None,
        "actors": "|" + "|".join(names) + "|" if names else "",
        "fatalities": event.fatalities,
        "data": json.dumps(records.encode(event), ensure_ascii=False),
        "search_text": search_text,
        "version": version,
    }


UPDATE_EVENT = update(events).where(events.c.event_id == bindparam("b_id"))


def load_event(conn: Connection, event_id: str) -> Event:
    data = conn.execute(select(events.c.data).where(events.c.event_id == event_id)).scalar_one()
    return records.event(json.loads(data))


def candidates(conn: Connection, report: Event, near_km: float) -> list[Event]:
    span = window(report.when)
    if span is None:
        return []
    query = (
        select(events.c.data)
        .where(events.c.event_type == report.event_type)
        .where(events.c.date_start <= span[1])
        .where(events.c.date_start >= span[0] - timedelta(days=MAX_WINDOW_DAYS))
        .where(events.c.date_end >= span[0])
        .order_by(events.c.seq)
        .limit(MAX_CANDIDATES * 4)
    )
    country = report.place.country if report.place else None
    if country:
        query = query.where(or_(events.c.country == country, events.c.country.is_(None)))
    return [records.event(json.loads(row.data)) for row in conn.execute(query)]


def refold(conn: Connection, event_id: str, version: int) -> Event | None:
    """Recompute a stored event from its reports; None when it has none left."""
    rows = conn.execute(
        select(event_reports.c.data, event_reports.c.search_text)
        .where(event_reports.c.event_id == event_id)
        .order_by(event_reports.c.seq)
    ).all()
    if not rows:
        return None
    merged = merge_reports([records.event(json.loads(r.data)) for r in rows], event_id)
    search = " ".join(dict.fromkeys(r.search_text for r in rows if r.search_text))
    conn.execute(UPDATE_EVENT, {**event_row(merged, search, version), "b_id": event_id})
    update_fts(conn, event_id, search)
    return merged


FTS_INSERT = text("INSERT INTO events_fts (event_id, body) VALUES (:e, :b)")


def delete_fts(conn: Connection, event_id: str) -> None:
    if conn.dialect.name == "sqlite":
        conn.execute(text("DELETE FROM events_fts WHERE event_id = :e"), {"e": event_id})


def update_fts(conn: Connection, event_id: str, body: str) -> None:
    if conn.dialect.name != "sqlite":
        return
    delete_fts(conn, event_id)
    conn.execute(FTS_INSERT, {"e": event_id, "b": body})


def record_change(
    conn: Connection, version: int, event_id: str, change: str, into: str | None = None
) -> None:
    conn.execute(
        insert(changes),
        {"version": version, "event_id": event_id, "change": change, "merged_into": into},
    )


def store_report(
    conn: Connection,
    doc: Document,
    report: Event,
    event_id: str,
    work: EventWork,
    search: str | None = None,
) -> None:
    conn.execute(
        insert(event_reports),
        {
            "event_id": event_id,
            "doc_id": doc.doc_id,
            "data": json.dumps(records.encode(report), ensure_ascii=False),
            "search_text": report_search_text(doc, report) if search is None else search,
        },
    )
    insert_claims(conn, doc.doc_id, report.claims, event_id)


def add_event(
    conn: Connection, doc: Document, report: Event, index: int, work: EventWork, near_km: float
) -> None:
    """Merge one report into a matching stored event, or store it as a new one."""
    report = replace(report, doc_ids=(doc.doc_id,))
    orphan = best_match(report, list(work.orphans.values()), near_km)
    if orphan is not None:  # a revised document's event keeps its id
        del work.orphans[orphan.event_id]
        store_report(conn, doc, report, orphan.event_id, work)
        refold(conn, orphan.event_id, work.version)
        record_change(conn, work.version, orphan.event_id, "updated")
        return
    found = [c for c in candidates(conn, report, near_km) if compatible(report, c, near_km)]
    primary = best_match(report, found, near_km)
    if primary is None:
        event_id = "ev-" + short_hash(doc.doc_id, report.event_id, index)
        search = report_search_text(doc, report)
        single = merge_reports([report], event_id)  # one report folds to itself
        conn.execute(insert(events), event_row(single, search, work.version))
        store_report(conn, doc, report, event_id, work, search)
        if conn.dialect.name == "sqlite":
            conn.execute(FTS_INSERT, {"e": event_id, "b": search})
        record_change(conn, work.version, event_id, "added")
        work.added += 1
        return
    store_report(conn, doc, report, primary.event_id, work)
    merged = refold(conn, primary.event_id, work.version)
    work.merged += 1
    for other in found:  # the new report may bridge two stored events
        if other.event_id != primary.event_id and merged and compatible(other, merged, near_km):
            absorb(conn, other.event_id, primary.event_id, work.version)
            merged = refold(conn, primary.event_id, work.version)
    record_change(conn, work.version, primary.event_id, "updated")


def absorb(conn: Connection, gone: str, into: str, version: int) -> None:
    """Move one event's reports and claims into another and leave a tombstone."""
    conn.execute(
        update(event_reports).where(event_reports.c.event_id == gone).values(event_id=into)
    )
    conn.execute(update(claims).where(claims.c.event_id == gone).values(event_id=into))
    conn.execute(delete(events).where(events.c.event_id == gone))
    delete_fts(conn, gone)
    record_change(conn, version, gone, "merged", into)


def retire_revision(conn: Connection, old: str, new: str, work: EventWork) -> None:
    """Fold an older revision of a page out of its events, keeping their ids."""
    conn.execute(update(documents).where(documents.c.doc_id == old).values(superseded_by=new))
    touched = conn.execute(
        select(event_reports.c.event_id).where(event_reports.c.doc_id == old).distinct()
    ).scalars().all()  # fmt: skip
    conn.execute(delete(event_reports).where(event_reports.c.doc_id == old))
    conn.execute(delete(claims).where(claims.c.doc_id == old))
    conn.execute(delete(relations).where(relations.c.doc_id == old))
    for event_id in touched:
        before = load_event(conn, event_id)
        if refold(conn, event_id, work.version) is None:
            work.orphans[event_id] = replace(before, doc_ids=())
        else:
            record_change(conn, work.version, event_id, "updated")


def drop_orphans(conn: Connection, work: EventWork) -> None:
    for event_id in work.orphans:
        conn.execute(delete(events).where(events.c.event_id == event_id))
        conn.execute(update(claims).where(claims.c.event_id == event_id).values(event_id=None))
        delete_fts(conn, event_id)
        record_change(conn, work.version, event_id, "deleted")


# --------------------------------------------------------------------------- claims, relations


def insert_claims(
    conn: Connection, doc_id: str, items: Sequence[Claim], event_id: str | None
) -> None:
    rows = []
    for claim in items:
        ev = claim.evidence
        claim_id = claim.claim_id or "cl-" + short_hash(
            doc_id, ev.start, ev.end, claim.claimant, claim.polarity, event_id or ""
        )
        rows.append(
            {
                "claim_id": claim_id,
                "doc_id": doc_id,
                "event_id": event_id,
                "claimant": claim.claimant,
                "hedge": str(claim.hedge),
                "polarity": str(claim.polarity),
                "standalone": event_id is None,
                "data": json.dumps(records.encode(replace(claim, claim_id=claim_id))),
            }
        )
    if rows:
        conn.execute(insert(claims), rows)


def insert_document(
    conn: Connection, doc: Document, fp: syn.Fingerprint, version: int
) -> tuple[str | None, bool]:
    """Store the document row and fingerprint; returns (syndicated_from, joined a group)."""
    original, group = find_original(conn, doc, fp)
    row = {
        "doc_id": doc.doc_id, "input_id": doc.input_id, "url": doc.source.url,
        "title": doc.title, "publisher": doc.source.publisher,
        "original_source": doc.source.original_source, "author": doc.source.author,
        "published": doc.published, "original_published": doc.original_published,
        "language": doc.language, "media_type": doc.media_type, "text": doc.text,
        "syndicated_from": original if group else doc.syndicated_from,
        "syndication_group": group or doc.doc_id, "version": version,
    }  # fmt: skip
    conn.execute(insert(documents), row)
    signature = syn.serialize_signature(fp.signature)
    conn.execute(insert(fingerprints), {"doc_id": doc.doc_id, "signature": signature,
                                        "size": fp.size})  # fmt: skip
    conn.execute(insert(bands), [{"band_key": k, "doc_id": doc.doc_id} for k in set(fp.bands)])
    if group:
        reroot_group(conn, group)
        original = earliest_in_group(conn, group)
        return (None if original == doc.doc_id else original), True
    return doc.syndicated_from, False


def previous_revision(conn: Connection, doc: Document) -> str | None:
    if not doc.source.url:
        return None
    row = conn.execute(
        select(documents.c.doc_id)
        .where(and_(documents.c.url == doc.source.url, documents.c.superseded_by.is_(None)))
        .where(documents.c.doc_id != doc.doc_id)
        .order_by(documents.c.seq.desc())
    ).first()
    return str(row[0]) if row else None


def add_analysis(
    conn: Connection, analysis: Analysis, registry: SourceRegistry, near_km: float = NEAR_KM
) -> IngestResult:
    """Everything one document brings, written through ``conn`` (one transaction)."""
    doc = analysis.document
    if document_exists(conn, doc.doc_id):
        return IngestResult(doc.doc_id, "unchanged")
    version = bump_version(conn)  # on PostgreSQL this row lock serialises writers
    if document_exists(conn, doc.doc_id):  # another writer stored it meanwhile
        raise AlreadyStored(doc.doc_id)
    previous = previous_revision(conn, doc)
    syndicated_from, _ = insert_document(conn, doc, syn.fingerprint(doc.text), version)
    upsert_source(conn, registry, doc)
    work = EventWork(version=version)
    if previous:
        retire_revision(conn, previous, doc.doc_id, work)
    for index, report in enumerate(analysis.events):
        add_event(conn, doc, report, index, work, near_km)
    drop_orphans(conn, work)
    insert_claims(conn, doc.doc_id, analysis.claims, None)
    if analysis.relations:
        conn.execute(
            insert(relations),
            [
                {"doc_id": doc.doc_id, "subject": r.subject, "predicate": r.predicate,
                 "object": r.object, "start": r.evidence.start, "end": r.evidence.end}
                for r in analysis.relations
            ],
        )  # fmt: skip
    return IngestResult(
        doc.doc_id,
        "revised" if previous else "added",
        events_added=work.added,
        events_merged=work.merged,
        syndicated_from=syndicated_from,
    )
