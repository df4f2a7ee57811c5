"""Splitting events: undo an analyst's merge, or take apart what ingest merged.

``split(EVENT)`` undoes the latest analyst merge into EVENT. ``split_out(EVENT,
DOC)`` takes the reports of document DOC out of EVENT into an event of their
own, for when ingest merged reports of two real events (same place, type and
days). Such a split records the report anchors of both sides, and every later
ingest keeps them apart: a new report that bridges the two events again has
the split-out reports moved back out (:func:`warwire.store.correction_apply.keep_apart`).
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from sqlalchemy import select, update
from sqlalchemy.engine import Connection

from warwire.errors import CorrectionError
from warwire.merge import merge_reports
from warwire.store import records, writes
from warwire.store.base import Record
from warwire.store.correction_apply import anchors, holders, live_event, reapply, separate
from warwire.store.correction_rows import (
    audit_row,
    event_of,
    log_changes,
    reason_by,
    records_where,
    seqs_of,
)
from warwire.store.queries import full_id
from warwire.store.rawsql import Raw
from warwire.store.schema import claims, corrections, event_reports

if TYPE_CHECKING:
    from warwire.store.sql import SqlStore


def split(store: SqlStore, event_id: str, why: str, by: str) -> list[Record]:
    """Undo the latest merge into ``event_id``: the reports and claims it moved go
    back to the merged-away event (re-created under its old id, with its own
    corrections), and both events are recomputed. Reports replaced since (a
    revised page) stay where they are now."""
    who = reason_by(why, by)
    with store.writer.begin() as conn:
        keep = event_of(conn, event_id)
        found = conn.execute(
            select(corrections.c.seq, corrections.c.events, corrections.c.before)
            .where(corrections.c.applies_to == keep, corrections.c.kind == "merge",
                   corrections.c.active.is_(True))
            .order_by(corrections.c.seq.desc())
        ).first()  # fmt: skip
        if found is None:
            raise CorrectionError(
                f"{keep} has no merge to split; to take a document's reports out of it,"
                " give --doc DOC"
            )
        gone = json.loads(found.events)[1]
        moved = json.loads(found.before)
        back_rows = conn.execute(
            select(event_reports.c.data, event_reports.c.search_text)
            .where(event_reports.c.seq.in_(moved["reports"]), event_reports.c.event_id == keep)
            .order_by(event_reports.c.seq)
        ).all()
        if not back_rows or len(back_rows) == len(seqs_of(conn, event_reports, keep)):
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
            conn.execute(corrections.insert(), [audit_row(
                "split", keep, who, version, events=json.dumps([keep, gone]))])  # fmt: skip
            reapply(conn, raw, [keep, gone], version)
            log_changes(conn, version, (keep, "updated"), (gone, "added"))
        finally:
            raw.close()
        return records_where(conn, corrections.c.version == version)


def split_out(store: SqlStore, event_id: str, doc: str, why: str, by: str) -> list[Record]:
    """Take the reports of document ``doc`` (any unique id prefix) out of event
    ``event_id`` into a new event, kept apart from it by every later ingest."""
    who = reason_by(why, by)
    with store.writer.begin() as conn:
        keep = event_of(conn, event_id)
        try:
            doc_id = full_id(conn, "document", doc)
        except LookupError as exc:
            raise CorrectionError(str(exc.args[0])) from None
        marks = anchors(conn, keep)
        apart = sorted(m for m in marks if m.rpartition(":")[0] == doc_id)
        if not apart:
            raise CorrectionError(f"{keep} has no report from document {doc_id}")
        kept = sorted(set(marks) - set(apart))
        if not kept:
            raise CorrectionError(f"every report of {keep} is from {doc_id}: nothing to split")
        new = "ev-" + writes.short_hash("split", keep, *apart)
        raw = Raw(conn)
        try:
            version = writes.bump_version(raw)
            separate(conn, raw, keep, new, set(apart), version)
            _record(conn, raw, audit_row("split", keep, who, version), keep, new, apart, kept)
        finally:
            raw.close()
        return records_where(conn, corrections.c.version == version)


def _record(conn: Connection, raw: Raw, row: Record, keep: str, new: str,
            apart: list[str], kept: list[str]) -> None:  # fmt: skip
    """The audit line of a split-out (both sides' anchors), then both events re-corrected."""
    sides = json.dumps({"keep": kept, "apart": apart})
    conn.execute(corrections.insert(), [{
        **row, "applies_to": keep, "events": json.dumps([keep, new]),
        "anchors": json.dumps(apart), "after": sides}])  # fmt: skip
    reapply(conn, raw, [keep, new], row["version"])
    log_changes(conn, row["version"], (keep, "updated"), (new, "added"))


def replay_split_out(conn: Connection, raw: Raw, item: Record, row: Record) -> bool | None:
    """A split-out of an export, in a database rebuilt from the same documents:
    True when done, False when the two sides are apart already, None when its
    reports are nowhere."""
    keep_id, new = item["events"]
    sides = item.get("after") or {}
    apart, kept = list(sides.get("apart") or ()), list(sides.get("keep") or ())
    holder = live_event(conn, [keep_id], kept)
    if holder is None or not apart:
        return None
    held = holders(conn, apart).get(holder, set())
    if not held:
        return False
    separate(conn, raw, holder, new, set(apart), row["version"])
    _record(conn, raw, {**row, "event_id": item["event_id"]}, holder, new, apart, kept)
    return True
