"""Analyst corrections: set a field, merge two events, split a merge; all audited.

Every correction is a row of ``corrections`` (who, when, why, which event,
the field and its value before and after; for a merge the events involved
and the reports moved). Corrections are applied *on write*: the event row
(its columns, which every filter, map and export reads, and its encoded
record) holds the corrected values, and after every ingest that rewrites an
event from its documents' reports (a new report merged in, a revised page,
two events bridged) the store re-applies that event's corrections in the same
transaction. So a correction survives re-ingest and re-extraction of its
documents, and a merge survives because the reports themselves were moved.

Keys: ``event_id`` is the event the analyst named, never rewritten;
``applies_to`` is the live event the correction shapes now. When ingest
merges an event into another, its corrections follow the survivor (in time
order, so the later correction of a field wins). When an event disappears
(its only document was revised into something else), its corrections wait;
the next event added with one of the same report anchors (document id and
the character span of the event's sentence) takes them over.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import or_, select, update
from sqlalchemy.engine import Connection

from warwire.errors import CorrectionError, one_line
from warwire.merge import merge_reports
from warwire.store import records, writes
from warwire.store.base import Record
from warwire.store.correction_values import (
    apply_change,
    parse_assignment,
    resolve_changes,
    show,
)
from warwire.store.queries import dataset_version, full_id
from warwire.store.rawsql import Raw
from warwire.store.schema import changes, claims, corrections, documents, event_reports, events
from warwire.types import Event

if TYPE_CHECKING:
    from collections.abc import Callable

    from warwire.resolve.gazetteer import Gazetteer
    from warwire.store.sql import SqlStore

MAX_WHY = 1000
MAX_BY = 200


def _text(value: str | None, what: str, limit: int) -> str:
    text = one_line((value or "").strip(), limit)
    if len(text) < 3:
        raise CorrectionError(f"say {what} (at least 3 characters)")
    return text


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _event_id(conn: Connection, prefix: str) -> str:
    try:
        return full_id(conn, "event", prefix)
    except LookupError as exc:
        raise CorrectionError(str(exc.args[0])) from None


def _load(conn: Connection, event_id: str) -> tuple[Event, str]:
    row = conn.execute(
        select(events.c.data, events.c.search_text).where(events.c.event_id == event_id)
    ).one()
    return records.event(json.loads(row.data)), row.search_text


def anchors(conn: Connection, event_id: str) -> list[str]:
    """``doc_id:start-end`` of each report's event sentence: what a re-extracted
    event shares with this one even when its id changed."""
    out = []
    stmt = select(event_reports.c.data).where(event_reports.c.event_id == event_id)
    for (data,) in conn.execute(stmt.order_by(event_reports.c.seq)):
        for fe in json.loads(data).get("evidence") or ():
            if fe["field"] == "event":
                span = fe["span"]
                out.append(f"{span['doc_id']}:{span['start']}-{span['end']}")
    return sorted(set(out))


def _row(kind: str, event_id: str, who: tuple[str, str], version: int, **rest: Any) -> Record:
    why, by = who
    return {"kind": kind, "event_id": event_id, "applies_to": event_id, "field": None,
            "before": None, "after": None, "events": "[]", "anchors": "[]", "why": why,
            "by": by, "at": _now(), "version": version, "active": True, **rest}  # fmt: skip


def _changed(conn: Connection, version: int, *items: tuple[str, str]) -> None:
    conn.execute(changes.insert(), [
        {"version": version, "event_id": e, "change": c, "merged_into": None} for e, c in items
    ])  # fmt: skip


# --------------------------------------------------------------------------- applying


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
        event, search = _load(conn, event_id)
        for field, after in fixes:
            event = apply_change(event, field, after)
        writes.write_event(raw, event, search, version, new=False)


def _mark(anchor: str) -> tuple[str, int]:
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
    marks = {event_id: [_mark(a) for a in anchors(conn, event_id)] for event_id in added}
    for row in waiting:
        best: tuple[int, str] | None = None
        for old in json.loads(row.anchors):
            doc_id, start = _mark(old)
            newest = _latest(conn, doc_id)
            for event_id, mine in marks.items():
                for other_doc, other_start in mine:
                    if other_doc == doc_id and old in anchors(conn, event_id):
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
    event with corrections is rewritten. Without corrections this is one query.
    """
    if conn.execute(select(corrections.c.seq).limit(1)).first() is None:
        return
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
    raw = Raw(conn)
    try:
        reapply(conn, raw, [r.event_id for r in rows if r.change in ("added", "updated")], version)
    finally:
        raw.close()


# --------------------------------------------------------------------------- corrections


def correct(
    store: SqlStore,
    event_id: str,
    assignments: Sequence[str] | Mapping[str, object],
    why: str,
    by: str,
    gazetteer: Callable[[], Gazetteer] | None = None,
) -> list[Record]:
    """Set fields of one event (``["fatalities=5"]`` or ``{"fatalities": 5}``); returns
    the new audit records. Raises :class:`CorrectionError` for an unknown event,
    field or value, or a value the event already has."""
    who = (_text(why, "why", MAX_WHY), _text(by, "who corrects", MAX_BY))
    if isinstance(assignments, Mapping):
        pairs = [parse_assignment(f"{k}={'' if v is None else v}") for k, v in assignments.items()]
    else:
        pairs = [parse_assignment(a) for a in assignments]
    if not pairs:
        raise CorrectionError("nothing to set: give FIELD=VALUE")
    with store.writer.begin() as conn:
        event_id = _event_id(conn, event_id)
        event, _ = _load(conn, event_id)
        extra = {"gazetteer": gazetteer} if gazetteer else {}
        fixes = resolve_changes(event, pairs, **extra)
        raw = Raw(conn)
        try:
            version = writes.bump_version(raw)
            marks = json.dumps(anchors(conn, event_id))
            rows = [_row("set", event_id, who, version, field=f.field, anchors=marks,
                         before=json.dumps(f.before, ensure_ascii=False),
                         after=json.dumps(f.after, ensure_ascii=False)) for f in fixes]  # fmt: skip
            conn.execute(corrections.insert(), rows)
            reapply(conn, raw, [event_id], version)
            _changed(conn, version, (event_id, "updated"))
        finally:
            raw.close()
        return _records(conn, corrections.c.version == version)


def merge(store: SqlStore, keep: str, gone: str, why: str, by: str) -> list[Record]:
    """Fold event ``gone`` into ``keep``: its reports and claims move, it leaves a
    tombstone, and ``keep`` is recomputed from all reports and re-corrected."""
    who = (_text(why, "why", MAX_WHY), _text(by, "who corrects", MAX_BY))
    with store.writer.begin() as conn:
        keep, gone = _event_id(conn, keep), _event_id(conn, gone)
        if keep == gone:
            raise CorrectionError("an event cannot be merged into itself")
        moved = {
            "reports": _seqs(conn, event_reports, gone),
            "claims": _seqs(conn, claims, gone),
        }
        marks = json.dumps(anchors(conn, gone))
        raw = Raw(conn)
        try:
            version = writes.bump_version(raw)
            work = writes.EventWork(version=version)
            writes.absorb(raw, gone, keep, work)
            writes.refold(raw, keep, version)
            raw.many(writes.CHANGE_INSERT, work.changes)
            conn.execute(
                update(corrections).where(corrections.c.applies_to == gone).values(applies_to=keep)
            )
            conn.execute(corrections.insert(), [_row(
                "merge", keep, who, version, events=json.dumps([keep, gone]), anchors=marks,
                before=json.dumps(moved))])  # fmt: skip
            reapply(conn, raw, [keep], version)
            _changed(conn, version, (keep, "updated"))
        finally:
            raw.close()
        return _records(conn, corrections.c.version == version)


def _seqs(conn: Connection, table: Any, event_id: str) -> list[int]:
    stmt = select(table.c.seq).where(table.c.event_id == event_id).order_by(table.c.seq)
    return [int(s) for s in conn.execute(stmt).scalars()]


def split(store: SqlStore, event_id: str, why: str, by: str) -> list[Record]:
    """Undo the latest merge into ``event_id``: the reports and claims it moved go
    back to the merged-away event (re-created under its old id, with its own
    corrections), and both events are recomputed. Reports replaced since (a
    revised page) stay where they are now."""
    who = (_text(why, "why", MAX_WHY), _text(by, "who corrects", MAX_BY))
    with store.writer.begin() as conn:
        keep = _event_id(conn, event_id)
        found = conn.execute(
            select(corrections.c.seq, corrections.c.events, corrections.c.before)
            .where(corrections.c.applies_to == keep, corrections.c.kind == "merge",
                   corrections.c.active.is_(True))
            .order_by(corrections.c.seq.desc())
        ).first()  # fmt: skip
        if found is None:
            raise CorrectionError(f"{keep} has no merge to split")
        gone = json.loads(found.events)[1]
        moved = json.loads(found.before)
        back_rows = conn.execute(
            select(event_reports.c.data, event_reports.c.search_text)
            .where(event_reports.c.seq.in_(moved["reports"]), event_reports.c.event_id == keep)
            .order_by(event_reports.c.seq)
        ).all()
        if not back_rows or len(back_rows) == len(_seqs(conn, event_reports, keep)):
            raise CorrectionError(f"nothing left to split: the reports of {gone} were replaced")
        raw = Raw(conn)
        try:
            version = writes.bump_version(raw)
            back = merge_reports([records.event(json.loads(r.data)) for r in back_rows], gone)
            search = " ".join(dict.fromkeys(r.search_text for r in back_rows if r.search_text))
            writes.write_event(raw, back, search, version, new=True)  # first: reports point here
            for table, key in ((event_reports, "reports"), (claims, "claims")):
                if moved[key]:
                    conn.execute(
                        update(table)
                        .where(table.c.seq.in_(moved[key]), table.c.event_id == keep)
                        .values(event_id=gone)
                    )
            writes.refold(raw, keep, version)
            conn.execute(
                update(corrections)
                .where(corrections.c.event_id == gone, corrections.c.applies_to == keep)
                .values(applies_to=gone)
            )
            conn.execute(
                update(corrections).where(corrections.c.seq == found.seq).values(active=False)
            )
            conn.execute(corrections.insert(), [_row(
                "split", keep, who, version, events=json.dumps([keep, gone]))])  # fmt: skip
            reapply(conn, raw, [keep, gone], version)
            _changed(conn, version, (keep, "updated"), (gone, "added"))
        finally:
            raw.close()
        return _records(conn, corrections.c.version == version)


# --------------------------------------------------------------------------- reading


def record_of(row: Any) -> Record:
    """One audit line as a plain record (``kind`` "correction"; ``action`` set,
    merge or split) for the CLI, the API and the JSONL export."""
    events_involved = json.loads(row.events or "[]")
    before = json.loads(row.before) if row.before else None
    after = json.loads(row.after) if row.after else None
    if row.kind == "set":
        change = f"{row.field}: {show(row.field, before)} → {show(row.field, after)}"
    elif row.kind == "merge":
        change = f"merged {events_involved[1]} into {events_involved[0]}"
        before = None  # the moved report numbers are internal
    else:
        change = f"split {events_involved[1]} out of {events_involved[0]}"
    return {"kind": "correction", "correction_id": int(row.seq), "action": row.kind,
            "event_id": row.event_id, "applies_to": row.applies_to, "field": row.field,
            "before": before, "after": after, "events": events_involved,
            "anchors": json.loads(row.anchors or "[]"), "why": row.why, "by": row.by,
            "at": row.at, "version": int(row.version), "active": bool(row.active),
            "change": change}  # fmt: skip


def _records(conn: Connection, *where: Any) -> list[Record]:
    stmt = select(corrections).where(*where).order_by(corrections.c.seq)
    return [record_of(r) for r in conn.execute(stmt)]


def history(store: SqlStore, event_id: str) -> list[Record]:
    """Every correction of an event (or naming it, or applying to it now), oldest first.

    ``event_id`` may be a unique prefix of a live event, or the full id of one
    merged away or gone, whose corrections stay readable."""
    with store.engine.connect() as conn:
        try:
            full = full_id(conn, "event", event_id)
        except LookupError as exc:
            full = event_id.strip()
            named = or_(corrections.c.event_id == full, corrections.c.applies_to == full)
            if conn.execute(select(corrections.c.seq).where(named).limit(1)).first() is None:
                raise CorrectionError(str(exc.args[0])) from None
        merged = corrections.c.events.contains(f'"{full}"', autoescape=True)
        return _records(
            conn, or_(corrections.c.event_id == full, corrections.c.applies_to == full, merged)
        )


def export_records(store: SqlStore, since_version: int | None = None) -> Iterator[Record]:
    """Every correction (or those made after ``since_version``), oldest first."""
    where = [] if since_version is None else [corrections.c.version > since_version]
    with store.engine.connect() as conn:
        yield from _records(conn, *where)
