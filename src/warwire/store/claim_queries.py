"""Reading claims and the other non-event records: the ``claims`` command and
``GET /api/claims``, and what an export holds besides events.

A claim inside an event asserts that event, so its record says what it is
about, its figure and its place (the event's) when the claim itself does not.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.engine import Connection

from warwire.serialize import claim_record, relation_record
from warwire.store import records
from warwire.store.base import ClaimQuery, Record
from warwire.store.doc_queries import CHUNK, doc_infos, source_summary
from warwire.store.queries import contains
from warwire.store.schema import claims, documents, events, relations
from warwire.types import Claim, Event, Relation, Span


def claim_filters(q: ClaimQuery, stmt: Select[Any]) -> Select[Any]:
    """The claims of current documents matching ``q`` (limit and offset not applied)."""
    stmt = stmt.join(documents, documents.c.doc_id == claims.c.doc_id).where(
        documents.c.superseded_by.is_(None)
    )
    if q.claimant:
        stmt = stmt.where(contains(claims.c.claimant, q.claimant))
    if q.hedge:
        stmt = stmt.where(claims.c.hedge == q.hedge.lower())
    if q.doc_id:
        stmt = stmt.where(claims.c.doc_id == q.doc_id)
    if q.text:
        stmt = stmt.where(contains(claims.c.data, q.text))
    return stmt


def count_claims(conn: Connection, q: ClaimQuery) -> int:
    stmt = claim_filters(q, select(func.count()).select_from(claims))
    return int(conn.execute(stmt).scalar_one())


def find_claims(conn: Connection, q: ClaimQuery) -> list[Record]:
    stmt = claim_filters(q, select(claims.c.data, claims.c.event_id))
    stmt = stmt.order_by(claims.c.seq).offset(q.offset)
    if q.limit is not None:
        stmt = stmt.limit(q.limit)
    rows = list(conn.execute(stmt))
    found = [(records.claim(json.loads(r.data)), r.event_id) for r in rows]
    infos = doc_infos(conn, {c.evidence.doc_id for c, _ in found})

    def text_of(doc_id: str) -> str | None:
        info = infos.get(doc_id)
        return info.row.text if info else None

    owners = _events_by_id(conn, {e for _, e in found if e})
    out = []
    for claim, event_id in found:
        record = claim_record(claim, text_of)
        record["event_id"] = event_id
        record["source"] = source_summary(infos.get(claim.evidence.doc_id))
        if event_id in owners:
            _fill_from_event(record, claim, owners[event_id])
        out.append(record)
    return out


def _events_by_id(conn: Connection, event_ids: set[str]) -> dict[str, Event]:
    wanted = sorted(event_ids)
    found: dict[str, Event] = {}
    for i in range(0, len(wanted), CHUNK):
        stmt = select(events.c.event_id, events.c.data)
        stmt = stmt.where(events.c.event_id.in_(wanted[i : i + CHUNK]))
        found.update((r.event_id, records.event(json.loads(r.data))) for r in conn.execute(stmt))
    return found


def _fill_from_event(record: Record, claim: Claim, event: Event) -> None:
    """A claim inside an event asserts that event: what it is about, its figure and
    its place are the event's (the claimant's own figure when it gives one)."""
    record["subject"] = record["subject"] or event.sub_event_type
    record["place"] = record["place"] or (event.place.name if event.place else event.location_text)
    if record["quantity"] is None:
        deaths = claim.fatalities if claim.fatalities is not None else event.fatalities
        record["quantity"] = {"value": deaths, "qualifier": None, "unit": "fatalities"}


def loose_records(conn: Connection, since_version: int | None = None) -> Iterator[Record]:
    """Standalone claims (running totals, contested tolls) and relations of current
    documents, with evidence text: what an export holds besides events. With
    ``since_version``, those of documents stored after it."""
    stmt = select(documents.c.doc_id).where(documents.c.superseded_by.is_(None))
    if since_version is not None:
        stmt = stmt.where(documents.c.version > since_version)
    doc_ids = list(conn.execute(stmt.order_by(documents.c.seq)).scalars())
    for i in range(0, len(doc_ids), CHUNK):
        chunk = doc_ids[i : i + CHUNK]
        text_stmt = select(documents.c.doc_id, documents.c.text)
        texts = dict(conn.execute(text_stmt.where(documents.c.doc_id.in_(chunk))).tuples().all())
        found = conn.execute(
            select(claims.c.data).where(claims.c.doc_id.in_(chunk), claims.c.standalone)
            .order_by(claims.c.seq)
        )  # fmt: skip
        for (data,) in found:
            yield claim_record(records.claim(json.loads(data)), texts.get)
        found = conn.execute(
            select(relations).where(relations.c.doc_id.in_(chunk)).order_by(relations.c.seq)
        )
        for row in found:
            span = Span(row.doc_id, row.start, row.end)
            relation = Relation(row.subject, row.predicate, row.object, span)
            yield relation_record(relation, texts.get)
