"""Re-applying analysts' corrections whenever an event row is rewritten.

An event row holds its corrected values (see :mod:`warwire.store.corrections`).
Ingest rewrites events from their documents' reports; :func:`after_ingest`,
run inside the same transaction, hands the corrections of merged-away events
to the survivor, gives waiting corrections (of events gone) to a new event
that shares a report anchor, and rewrites every touched event with its
corrections applied. :func:`replay` does the same for the corrections of an
export, into a database rebuilt by re-extracting the same documents.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.engine import Connection

from warwire.merge import merge_reports
from warwire.store import records, writes
from warwire.store.correction_values import apply_change
from warwire.store.queries import dataset_version
from warwire.store.rawsql import Raw
from warwire.store.schema import changes, claims, corrections, documents, event_reports, events
from warwire.types import Event


def load(conn: Connection, event_id: str) -> tuple[Event, str]:
    row = conn.execute(
        select(events.c.data, events.c.search_text).where(events.c.event_id == event_id)
    ).one()
    return records.event(json.loads(row.data)), row.search_text


def _report_anchors(data: str) -> list[str]:
    out = []
    for fe in json.loads(data).get("evidence") or ():
        if fe["field"] == "event":
            span = fe["span"]
            out.append(f"{span['doc_id']}:{span['start']}-{span['end']}")
    return out


def anchors(conn: Connection, event_id: str) -> list[str]:
    """``doc_id:start-end`` of each report's event sentence: what a re-extracted
    event shares with this one even when its id changed."""
    stmt = select(event_reports.c.data).where(event_reports.c.event_id == event_id)
    found = conn.execute(stmt.order_by(event_reports.c.seq)).scalars()
    return sorted({a for data in found for a in _report_anchors(data)})


def live_event(conn: Connection, ids: Sequence[str | None], marks: Sequence[str]) -> str | None:
    """The first of ``ids`` still live, else the live event holding one of the anchors
    (the most of them), else None."""
    for event_id in ids:
        if (
            event_id
            and conn.execute(select(events.c.seq).where(events.c.event_id == event_id)).first()
        ):
            return event_id
    docs = sorted({m.rpartition(":")[0] for m in marks})
    if not docs:
        return None
    stmt = select(event_reports.c.event_id, event_reports.c.data)
    hits: dict[str, int] = {}
    for event_id, data in conn.execute(stmt.where(event_reports.c.doc_id.in_(docs))):
        shared = len(set(_report_anchors(data)) & set(marks))
        if shared:
            hits[event_id] = hits.get(event_id, 0) + shared
    return max(sorted(hits), key=lambda e: hits[e]) if hits else None


def reapply(conn: Connection, raw: Raw, event_ids: Iterable[str], version: int) -> None:
    """Rewrite each event with its active field corrections applied, oldest first."""
    wanted = sorted(set(event_ids))
    if not wanted:
        return
    stmt = (
        select(corrections.c.applies_to, corrections.c.field, corrections.c.after)
        .where(corrections.c.applies_to.in_(wanted), corrections.c.kind == "set",
               corrections.c.active.is_(True))
        .order_by(corrections.c.seq)
    )  # fmt: skip
    found: dict[str, list[tuple[str, Any]]] = {}
    for row in conn.execute(stmt):
        found.setdefault(row.applies_to, []).append((row.field, json.loads(row.after)))
    for event_id, fixes in found.items():
        if conn.execute(select(events.c.seq).where(events.c.event_id == event_id)).first() is None:
            continue
        event, search = load(conn, event_id)
        for field, after in fixes:
            event = apply_change(event, field, after)
        writes.write_event(raw, event, search, version, new=False)


def holders(conn: Connection, marks: Iterable[str]) -> dict[str, set[str]]:
    """The events holding any of these report anchors, with the anchors each holds."""
    wanted = set(marks)
    docs = sorted({m.rpartition(":")[0] for m in wanted})
    stmt = select(event_reports.c.event_id, event_reports.c.data)
    found: dict[str, set[str]] = {}
    for event_id, data in conn.execute(stmt.where(event_reports.c.doc_id.in_(docs))):
        shared = set(_report_anchors(data)) & wanted
        if shared:
            found.setdefault(event_id, set()).update(shared)
    return found


def separate(
    conn: Connection, raw: Raw, holder: str, apart: str, marks: set[str], version: int
) -> bool:
    """Move the reports of ``holder`` whose event sentence is one of ``marks``, with
    their claims, to event ``apart`` (made when it is not live) and recompute both;
    the corrections of ``apart`` that followed it into ``holder`` go back with them.
    False when no report would move, or none would stay."""
    rows = conn.execute(
        select(event_reports.c.seq, event_reports.c.data, event_reports.c.search_text)
        .where(event_reports.c.event_id == holder)
        .order_by(event_reports.c.seq)
    ).all()
    moving = [r for r in rows if set(_report_anchors(r.data)) & marks]
    if not moving or len(moving) == len(rows):
        return False
    reports = [records.event(json.loads(r.data)) for r in moving]
    spans = {(c.claimant, c.evidence.doc_id, c.evidence.start, c.evidence.end)
             for report in reports for c in report.claims}  # fmt: skip
    if conn.execute(select(events.c.seq).where(events.c.event_id == apart)).first() is None:
        search = " ".join(dict.fromkeys(r.search_text for r in moving if r.search_text))
        writes.write_event(raw, merge_reports(reports, apart), search, version, new=True)
    conn.execute(
        update(event_reports)
        .where(event_reports.c.seq.in_([r.seq for r in moving]))
        .values(event_id=apart)
    )
    held = conn.execute(select(claims.c.seq, claims.c.data).where(claims.c.event_id == holder))
    going = [seq for seq, data in held if _claim_key(json.loads(data)) in spans]
    if going:
        conn.execute(update(claims).where(claims.c.seq.in_(going)).values(event_id=apart))
    conn.execute(
        update(corrections)
        .where(corrections.c.event_id == apart, corrections.c.applies_to == holder)
        .values(applies_to=apart)
    )
    writes.refold(raw, apart, version)
    writes.refold(raw, holder, version)
    return True


def _claim_key(data: dict[str, Any]) -> tuple[str, str, int, int]:
    span = data["evidence"]
    return (data["claimant"], span["doc_id"], span["start"], span["end"])


def keep_apart(conn: Connection, raw: Raw, version: int) -> list[str]:
    """Split again what ingest merged back together after an analyst split it.

    A split of reports that ingest had merged (``correct split EVENT --doc``)
    records the anchors of both sides; when a later report bridges them into
    one event again, the split-out reports go back to their own event.
    Returns the events rewritten."""
    stmt = select(corrections.c.events, corrections.c.after).where(
        corrections.c.kind == "split", corrections.c.active.is_(True),
        corrections.c.anchors != "[]",
    )  # fmt: skip
    touched: list[str] = []
    for events_json, after_json in conn.execute(stmt).all():
        apart_id = json.loads(events_json)[1]
        sides = json.loads(after_json)
        apart, kept = set(sides["apart"]), set(sides["keep"])
        for holder, held in holders(conn, apart | kept).items():
            if held & apart and held & kept and separate(conn, raw, holder, apart_id, apart,
                                                         version):  # fmt: skip
                touched += [holder, apart_id]
                conn.execute(changes.insert(), [
                    {"version": version, "event_id": e, "change": c, "merged_into": None}
                    for e, c in ((holder, "updated"), (apart_id, "added"))])  # fmt: skip
    return touched


def _doc_and_start(anchor: str) -> tuple[str, int]:
    doc_id, _, span = anchor.rpartition(":")
    return doc_id, int(span.partition("-")[0])


def _latest(conn: Connection, doc_id: str) -> str:
    """The revision of a page that superseded ``doc_id`` (itself when none did)."""
    for _ in range(20):
        stmt = select(documents.c.superseded_by).where(documents.c.doc_id == doc_id)
        newer = conn.execute(stmt).scalar()
        if not newer:
            break
        doc_id = newer
    return doc_id


def _reattach(conn: Connection, added: Sequence[str]) -> None:
    """Corrections of events that no longer exist move to a new event sharing an anchor.

    The same event sentence of the same document is a sure match; failing that,
    an event of the page's newer revision takes them, the one whose sentence
    starts nearest to where the old one did.
    """
    live = select(events.c.event_id)
    waiting = conn.execute(
        select(corrections.c.seq, corrections.c.anchors).where(
            corrections.c.applies_to.not_in(live), corrections.c.kind == "set"
        )
    ).all()
    if not waiting:
        return
    marks = {event_id: anchors(conn, event_id) for event_id in added}
    for row in waiting:
        best: tuple[int, str] | None = None
        for old in json.loads(row.anchors):
            doc_id, start = _doc_and_start(old)
            newest = _latest(conn, doc_id)
            for event_id, mine in marks.items():
                for other in mine:
                    other_doc, other_start = _doc_and_start(other)
                    if other == old:
                        distance = -1
                    elif other_doc == newest != doc_id:
                        distance = abs(other_start - start)
                    else:
                        continue
                    if best is None or distance < best[0]:
                        best = (distance, event_id)
        if best is not None:
            conn.execute(
                update(corrections).where(corrections.c.seq == row.seq).values(applies_to=best[1])
            )


def after_ingest(conn: Connection) -> None:
    """Re-apply corrections to what the write just done in ``conn`` touched.

    Called inside :meth:`SqlStore.add`'s transaction after the document's
    events were merged: merged-away events hand their corrections to the
    survivor, new events pick up waiting ones by anchor, and every touched
    event with corrections is rewritten. Without corrections this is one query,
    on the raw cursor like the rest of the ingest hot path (:mod:`warwire.store.rawsql`).
    """
    raw = Raw(conn)
    try:
        if raw.first("SELECT 1 FROM corrections LIMIT 1") is not None:
            _reapply_touched(conn, raw)
    finally:
        raw.close()


def _reapply_touched(conn: Connection, raw: Raw) -> None:
    version = dataset_version(conn)
    rows = conn.execute(
        select(changes.c.event_id, changes.c.change, changes.c.merged_into)
        .where(changes.c.version == version)
        .order_by(changes.c.seq)
    ).all()
    for row in rows:
        if row.change == "merged" and row.merged_into:
            conn.execute(
                update(corrections)
                .where(corrections.c.applies_to == row.event_id)
                .values(applies_to=row.merged_into)
            )
    added = [r.event_id for r in rows if r.change == "added"]
    if added:
        _reattach(conn, added)
    again = keep_apart(conn, raw, version)
    reapply(conn, raw, [r.event_id for r in rows if r.change in ("added", "updated")] + again,
            version)  # fmt: skip
