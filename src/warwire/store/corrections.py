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
the character span of the event's sentence) takes them over
(:mod:`warwire.store.correction_apply`). :func:`replay` carries the
corrections of a JSONL export into a database rebuilt from the same documents.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING

from sqlalchemy import or_, select, update
from sqlalchemy.engine import Connection

from warwire.errors import CorrectionError, one_line
from warwire.store import writes
from warwire.store.base import Record
from warwire.store.correction_apply import anchors, live_event, load, reapply
from warwire.store.correction_rows import (
    audit_row,
    event_of,
    log_changes,
    reason_by,
    records_where,
    seqs_of,
)
from warwire.store.correction_split import replay_split_out, split, split_out
from warwire.store.correction_values import (
    FIELDS,
    apply_change,
    current_value,
    parse_assignment,
    resolve_changes,
    same,
    show,
)
from warwire.store.queries import full_id
from warwire.store.rawsql import Raw
from warwire.store.schema import claims, corrections, event_reports

__all__ = ["correct", "export_records", "history", "merge", "replay", "split", "split_out"]

if TYPE_CHECKING:
    from collections.abc import Callable

    from warwire.resolve.gazetteer import Gazetteer
    from warwire.store.sql import SqlStore

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
    who = reason_by(why, by)
    if isinstance(assignments, Mapping):
        pairs = [parse_assignment(f"{k}={'' if v is None else v}") for k, v in assignments.items()]
    else:
        pairs = [parse_assignment(a) for a in assignments]
    if not pairs:
        raise CorrectionError("nothing to set: give FIELD=VALUE")
    with store.engine.connect() as conn:  # lookups (gazetteer, actors) before the write lock
        event_id = event_of(conn, event_id)
        event, _ = load(conn, event_id)
        extra = {"gazetteer": gazetteer} if gazetteer else {}
        fixes = resolve_changes(event, pairs, **extra)
    with store.writer.begin() as conn:
        raw = Raw(conn)
        try:
            version = writes.bump_version(raw)  # on PostgreSQL this lock serialises writers
            event, _ = load(conn, event_of(conn, event_id))  # as it is now
            rows = []
            for fix in fixes:
                before = current_value(event, fix.field)
                if same(fix.field, before, fix.after):
                    raise CorrectionError(f"{fix.field} is already {show(fix.field, before)}")
                rows.append(audit_row("set", event_id, who, version, field=fix.field,
                                 anchors=json.dumps(anchors(conn, event_id)),
                                 before=json.dumps(before, ensure_ascii=False),
                                 after=json.dumps(fix.after, ensure_ascii=False)))  # fmt: skip
            conn.execute(corrections.insert(), rows)
            reapply(conn, raw, [event_id], version)
            log_changes(conn, version, (event_id, "updated"))
        finally:
            raw.close()
        return records_where(conn, corrections.c.version == version)


def merge(store: SqlStore, keep: str, gone: str, why: str, by: str) -> list[Record]:
    """Fold event ``gone`` into ``keep``: its reports and claims move, it leaves a
    tombstone, and ``keep`` is recomputed from all reports and re-corrected."""
    who = reason_by(why, by)
    with store.writer.begin() as conn:
        keep, gone = event_of(conn, keep), event_of(conn, gone)
        raw = Raw(conn)
        try:
            version = writes.bump_version(raw)
            _merge(conn, raw, keep, gone, audit_row("merge", keep, who, version))
        finally:
            raw.close()
        return records_where(conn, corrections.c.version == version)


def _merge(conn: Connection, raw: Raw, keep: str, gone: str, row: Record) -> None:
    """The merge inside the caller's transaction; ``row`` is its audit record."""
    if keep == gone:
        raise CorrectionError("an event cannot be merged into itself")
    version = row["version"]
    moved = {"reports": seqs_of(conn, event_reports, gone), "claims": seqs_of(conn, claims, gone)}
    marks = {"keep": anchors(conn, keep), "gone": anchors(conn, gone)}
    work = writes.EventWork(version=version)
    writes.absorb(raw, gone, keep, work)
    writes.refold(raw, keep, version)
    raw.defer("changes", writes.CHANGE_COLUMNS, work.changes)
    raw.flush()  # before the rows written through ``conn`` below, in this order
    conn.execute(
        update(corrections).where(corrections.c.applies_to == gone).values(applies_to=keep)
    )
    pair = [json.dumps([keep, gone]), json.dumps([gone, keep])]
    conn.execute(  # an analyst merging two split-out sides ends that split
        update(corrections)
        .where(corrections.c.kind == "split", corrections.c.events.in_(pair))
        .values(active=False)
    )
    conn.execute(corrections.insert(), [{
        **row, "event_id": keep, "applies_to": keep, "events": json.dumps([keep, gone]),
        "anchors": json.dumps(marks["gone"]), "before": json.dumps(moved),
        "after": json.dumps(marks)}])  # fmt: skip
    reapply(conn, raw, [keep], version)
    log_changes(conn, version, (keep, "updated"))


# --------------------------------------------------------------------------- reading


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
        return records_where(
            conn, or_(corrections.c.event_id == full, corrections.c.applies_to == full, merged)
        )


def export_records(store: SqlStore, since_version: int | None = None) -> Iterator[Record]:
    """Every correction (or those made after ``since_version``), oldest first."""
    where = [] if since_version is None else [corrections.c.version > since_version]
    with store.engine.connect() as conn:
        yield from records_where(conn, *where)


def replay(store: SqlStore, items: Iterable[Record]) -> tuple[int, list[str]]:
    """Re-apply the correction records of an export (``kind`` "correction") to this
    database, e.g. one rebuilt by re-extracting the same documents.

    Each correction goes to its event if that id is live here, else to the
    event holding its report anchors. Field corrections and merges still in
    force are replayed in their order, keeping who, when and why; ones already
    here are skipped, so a replay can be repeated. Returns how many were
    applied and the ids of the events found nowhere.
    """
    wanted = [r for r in items if r.get("kind") == "correction" and r.get("active", True)]
    wanted.sort(key=lambda r: int(r.get("correction_id") or 0))
    applied, missing = 0, []
    with store.writer.begin() as conn:
        raw = Raw(conn)
        try:
            version = writes.bump_version(raw)
            for item in wanted:
                who = reason_by(str(item["why"]), str(item["by"]))
                row = audit_row(item["action"], "", who, version, at=one_line(str(item["at"]), 40))
                if item["action"] == "set":
                    done = _replay_set(conn, raw, item, row)
                elif item["action"] == "merge":
                    done = _replay_merge(conn, raw, item, row)
                elif item["action"] == "split" and item.get("anchors"):
                    done = replay_split_out(conn, raw, item, row)
                else:
                    continue
                applied += done is True
                if done is None:
                    missing.append(str(item["event_id"]))
        finally:
            raw.close()
    return applied, missing


def _replay_set(conn: Connection, raw: Raw, item: Record, row: Record) -> bool | None:
    """True when applied, False when already here, None when its event is nowhere."""
    field, marks = item.get("field"), list(item.get("anchors") or ())
    if field not in FIELDS:
        raise CorrectionError(f"correction {item.get('correction_id')}: unknown field {field!r}")
    target = live_event(conn, [item.get("applies_to"), item.get("event_id")], marks)
    if target is None:
        return None
    after = json.dumps(item["after"], ensure_ascii=False)
    same = (corrections.c.applies_to == target, corrections.c.field == field,
            corrections.c.at == row["at"], corrections.c.by == row["by"])  # fmt: skip
    if conn.execute(select(corrections.c.seq).where(*same)).first():
        return False
    event, _ = load(conn, target)
    apply_change(event, field, item["after"])  # refuses a value that cannot apply
    conn.execute(corrections.insert(), [{
        **row, "event_id": item["event_id"], "applies_to": target, "field": field,
        "before": json.dumps(current_value(event, field), ensure_ascii=False),
        "after": after, "anchors": json.dumps(marks)}])  # fmt: skip
    reapply(conn, raw, [target], row["version"])
    log_changes(conn, row["version"], (target, "updated"))
    return True


def _replay_merge(conn: Connection, raw: Raw, item: Record, row: Record) -> bool | None:
    keep_id, gone_id = item["events"]
    marks = item.get("after") or {}
    keep = live_event(conn, [keep_id], marks.get("keep") or ())
    gone = live_event(conn, [gone_id], marks.get("gone") or item.get("anchors") or ())
    if keep is None:
        return None
    if gone is None or gone == keep:
        return False  # merged already (or its reports were never here)
    _merge(conn, raw, keep, gone, row)
    return True
