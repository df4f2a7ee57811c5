"""The audit rows every kind of correction writes and reads back.

Shared by :mod:`warwire.store.corrections` (set, merge, replay) and
:mod:`warwire.store.correction_split` (both kinds of split).
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Connection

from warwire.errors import CorrectionError, one_line
from warwire.store.base import Record
from warwire.store.correction_values import show
from warwire.store.queries import full_id
from warwire.store.schema import changes, corrections

MAX_WHY = 1000
MAX_BY = 200


def reason_by(why: str | None, by: str | None) -> tuple[str, str]:
    """The reason (3 characters at least) and who gives it, each one bounded line."""
    reason = one_line((why or "").strip(), MAX_WHY)
    if len(reason) < 3:
        raise CorrectionError("say why (at least 3 characters)")
    name = one_line((by or "").strip(), MAX_BY)
    if not name:
        raise CorrectionError("say who corrects")
    return reason, name


def event_of(conn: Connection, prefix: str) -> str:
    """The full id of a live event from any unique prefix; a one-line error otherwise."""
    try:
        return full_id(conn, "event", prefix)
    except LookupError as exc:
        raise CorrectionError(str(exc.args[0])) from None


def audit_row(kind: str, event_id: str, who: tuple[str, str], version: int, **rest: Any) -> Record:
    why, by = who
    at = datetime.now(UTC).isoformat(timespec="seconds")
    return {"kind": kind, "event_id": event_id, "applies_to": event_id, "field": None,
            "before": None, "after": None, "events": "[]", "anchors": "[]", "why": why,
            "by": by, "at": at, "version": version, "active": True, **rest}  # fmt: skip


def log_changes(conn: Connection, version: int, *items: tuple[str, str]) -> None:
    conn.execute(changes.insert(), [
        {"version": version, "event_id": e, "change": c, "merged_into": None} for e, c in items
    ])  # fmt: skip


def record_of(row: Any) -> Record:
    """One audit line as a plain record (``kind`` "correction"; ``action`` set,
    merge or split) for the CLI, the API and the JSONL export."""
    events_involved = json.loads(row.events or "[]")
    before = json.loads(row.before) if row.before else None
    after = json.loads(row.after) if row.after else None
    if row.kind == "set":
        change = f"{row.field}: {show(row.field, before)} → {show(row.field, after)}"
    elif row.kind == "merge":  # after: the anchors of both events' reports
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


def records_where(conn: Connection, *where: Any) -> list[Record]:
    stmt = select(corrections).where(*where).order_by(corrections.c.seq)
    return [record_of(r) for r in conn.execute(stmt)]


def seqs_of(conn: Connection, table: Any, event_id: str) -> list[int]:
    """Row numbers of an event's reports or claims (what a merge moved)."""
    stmt = select(table.c.seq).where(table.c.event_id == event_id).order_by(table.c.seq)
    return [int(s) for s in conn.execute(stmt).scalars()]
