"""A syndicated repost's reports: on its original's events, never new copies of them.

A repost is the original's text under another site's header; what the
extractor reads in it is what it read in the original, except the dates,
which resolve against the repost's own (later, or missing) publication date.
So each repost report is matched against the original's own reports with
time left out, takes that report's dating, drops its claims (copies of the
original's), and is stored on the original's event. A report that matches
none is dropped when its sentence is in the original too (the original read
it otherwise), and merged as any report when it is not: text the original
lacks is new reporting (a templated bulletin can pass for a copy). When an
original arrives after its copies, the copies' reports move onto its events
the same way (:func:`rehome_copies`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace

from warwire.merge import compatible, match_score
from warwire.store import records
from warwire.store.rawsql import Raw
from warwire.store.writes import EventWork, absorb, delete_event, load_event, put_report, refold
from warwire.types import Event


@dataclass(frozen=True, slots=True)
class Stored:
    """One stored report: its row, its event and its search text."""

    seq: int
    event_id: str
    report: Event
    search: str


def _reports_of(raw: Raw, doc_id: str) -> list[Stored]:
    rows = raw.all(
        "SELECT seq, event_id, data, search_text FROM event_reports WHERE doc_id = :d ORDER BY seq",
        {"d": doc_id},
    )
    return [Stored(int(s), str(e), records.event(json.loads(d)), t or "") for s, e, d, t in rows]


def text_of(raw: Raw, doc_id: str) -> str:
    row = raw.first("SELECT text FROM documents WHERE doc_id = :d", {"d": doc_id})
    return str(row[0]) if row else ""


def copied(report: Event, text: str, original_text: str) -> bool:
    """Whether the sentence ``report`` was read from (in ``text``) is in the original."""
    spans = [fe.span for fe in report.evidence if fe.field == "event"]
    return bool(spans) and all(s.text_in(text) in original_text for s in spans)


def add_repost_report(
    raw: Raw, doc_id: str, report: Event, search: str, origin: str, work: EventWork
) -> str | None:
    """Store ``report`` of repost ``doc_id`` on the event of the original's matching
    report, dated as that report; the event's id, or None when nothing matches.

    Among compatible reports, one written from the same sentence (same notes)
    wins, then the closest match: an original may report several alike events.
    """
    best: tuple[tuple[bool, float, str], Event, str] | None = None
    for theirs in _reports_of(raw, origin):
        mine = replace(report, when=theirs.report.when, doc_ids=(doc_id,), claims=())
        if not compatible(mine, replace(theirs.report, doc_ids=(origin,))):
            continue
        key = (mine.notes == theirs.report.notes, match_score(mine, theirs.report), theirs.event_id)
        if best is None or key > best[0]:
            best = (key, mine, theirs.event_id)
    if best is None:
        return None
    _, dated, event_id = best
    put_report(raw, event_id, doc_id, dated, search)
    refold(raw, event_id, work.version)
    work.merged += 1
    work.change(event_id, "updated")
    return event_id


def rehome_copies(raw: Raw, root: str, work: EventWork) -> None:
    """Move the copied reports of ``root``'s stored copies onto ``root``'s events.

    Called when a new document turns out to be the original of a group whose
    copies came first (and so made events of their own, dated from the copy).
    A report of text the original lacks stays where it is. An event a copy
    shared with other documents follows the copy's report onto the original's
    event when the two are compatible.
    """
    copies = raw.all(
        "SELECT doc_id FROM documents WHERE syndicated_from = :r AND superseded_by IS NULL "
        "ORDER BY seq",
        {"r": root},
    )
    if not copies:
        return
    original_text = text_of(raw, root)
    for (copy_id,) in copies:
        copy, text = str(copy_id), text_of(raw, str(copy_id))
        for stored in _reports_of(raw, copy):
            if not copied(stored.report, text, original_text):
                continue
            old = stored.event_id
            raw.run("DELETE FROM event_reports WHERE seq = :s", {"s": stored.seq})
            raw.run("DELETE FROM claims WHERE doc_id = :d AND event_id = :e", {"d": copy, "e": old})
            if refold(raw, old, work.version) is None:
                delete_event(raw, old)
                work.change(old, "deleted")
                old = ""
            new = add_repost_report(raw, copy, stored.report, stored.search, root, work)
            shared = bool(new and old and old != new)
            if shared and compatible(load_event(raw, old), load_event(raw, str(new))):
                absorb(raw, old, str(new), work)
                refold(raw, str(new), work.version)
