"""The statements one document's transaction is made of (:mod:`warwire.store.transaction`).

Events are merged into the stored ones (or stored new), a revised page's
reports folded out, claims and relations inserted. Statements run as plain
SQL on the transaction's own DBAPI cursor (:mod:`warwire.store.rawsql`):
ingest is a hot path. Report, claim, change and full-text rows are deferred
(:meth:`~warwire.store.rawsql.Raw.defer`) and go in with the batch's bulk writes.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Sequence
from dataclasses import dataclass, field, fields, replace
from typing import Any

from warwire.merge import (
    best_match,
    compatible,
    merge_reports,
    window,
)
from warwire.serialize import stored_event_id
from warwire.store import records
from warwire.store.candidates import candidates, cell_of, place_key
from warwire.store.rawsql import Raw, insert_sql
from warwire.store.schema import NARROW_DAYS, VERSION_TIME_KEY
from warwire.types import Claim, Document, Event


def short_hash(*parts: object) -> str:
    raw = "\x1f".join(str(p) for p in parts).encode("utf-8")
    return hashlib.blake2b(raw, digest_size=8).hexdigest()


def bump_version(raw: Raw) -> int:
    row = raw.first(
        "UPDATE meta SET value = value + 1 WHERE key = :k RETURNING value",
        {"k": "dataset_version"},
    )
    assert row is not None, "meta row dataset_version is missing"
    version = int(row[0])
    # when this version was made: an export's ACLED ``timestamp`` (unix seconds)
    raw.run("INSERT INTO meta (key, value) VALUES (:k, :v)",
            {"k": f"{VERSION_TIME_KEY}{version}", "v": int(time.time())})  # fmt: skip
    return version


# --------------------------------------------------------------------------- events


@dataclass
class EventWork:
    """What one document's events did: kept per add, never shared."""

    version: int
    added: int = 0
    merged: int = 0
    orphans: dict[str, Event] = field(default_factory=dict)
    changes: list[tuple[int, str, str, str | None]] = field(default_factory=list)

    def change(self, event_id: str, change: str, into: str | None = None) -> None:
        self.changes.append((self.version, event_id, change, into))


def report_search_text(doc: Document, report: Event) -> str:
    spans = [c.evidence for c in report.claims] + [fe.span for fe in report.evidence]
    pieces = [report.notes, doc.title or "", report.location_text or ""]
    pieces += [a.name for a in (report.actor1, report.actor2) if a]
    pieces += [s.text_in(doc.text) for s in spans if s.doc_id == doc.doc_id]
    return " ".join(p for p in dict.fromkeys(pieces) if p)


EVENT_COLUMNS = (
    "event_id", "event_type", "sub_event_type", "country", "admin1", "event_date",
    "date_start", "date_end", "latitude", "longitude", "actors", "fatalities", "data",
    "search_text", "version", "wide", "geo_precision", "cell", "place_key",
)  # fmt: skip
INSERT_EVENT = insert_sql("events", EVENT_COLUMNS, " RETURNING seq")
UPDATE_EVENT = (
    "UPDATE events SET "
    + ", ".join(f'"{c}" = :{c}' for c in EVENT_COLUMNS if c != "event_id")
    + " WHERE event_id = :event_id RETURNING seq"
)
FTS_COLUMNS = ("event_id", "body")


def event_row(
    event: Event, search_text: str, version: int, data: str | None = None
) -> dict[str, Any]:
    """The events row; ``data``: the event already encoded."""
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
        "data": data or json.dumps(records.encode(event), ensure_ascii=False),
        "search_text": search_text,
        "version": version,
        "wide": bool(span and (span[1] - span[0]).days > NARROW_DAYS),
        "geo_precision": place.geo_precision if place else None,
        "cell": cell_of(place.latitude, place.longitude) if place else None,
        "place_key": place_key(event),
    }


def write_event(
    raw: Raw, event: Event, search: str, version: int, new: bool, data: str | None = None
) -> None:
    """Insert or update the merged event row and (SQLite) its full-text row, keyed by seq
    (replaced at the flush: an event refolded often is indexed once a batch)."""
    row = raw.first(INSERT_EVENT if new else UPDATE_EVENT, event_row(event, search, version, data))
    if raw.sqlite and row is not None:
        raw.replace("events_fts", FTS_COLUMNS, row[0], (event.event_id, search), new=new)


def load_event(raw: Raw, event_id: str) -> Event:
    row = raw.first("SELECT data FROM events WHERE event_id = :e", {"e": event_id})
    assert row is not None, event_id
    return records.event(json.loads(row[0]))


def refold(raw: Raw, event_id: str, version: int) -> Event | None:
    """Recompute a stored event from its reports; None when it has none left."""
    rows = raw.all(
        "SELECT data, search_text FROM event_reports WHERE event_id = :e ORDER BY seq",
        {"e": event_id},
    )
    if not rows:
        return None
    merged = merge_reports([records.event(json.loads(data)) for data, _ in rows], event_id)
    search = " ".join(dict.fromkeys(s for _, s in rows if s))
    write_event(raw, merged, search, version, new=False)
    return merged


REPORT_COLUMNS = ("event_id", "doc_id", "data", "search_text")


def put_report(
    raw: Raw, event_id: str, doc_id: str, report: Event, search: str, data: str | None = None
) -> None:
    data = data or json.dumps(records.encode(report), ensure_ascii=False)
    raw.defer("event_reports", REPORT_COLUMNS, [(event_id, doc_id, data, search)])


def store_report(
    raw: Raw,
    doc: Document,
    report: Event,
    event_id: str,
    work: EventWork,
    search: str | None = None,
    data: str | None = None,
) -> None:
    text = report_search_text(doc, report) if search is None else search
    put_report(raw, event_id, doc.doc_id, report, text, data)
    insert_claims(raw, doc.doc_id, report.claims, event_id)


_FIELDS = tuple(f.name for f in fields(Event) if f.name != "event_id")


def _same_but_id(a: Event, b: Event) -> bool:
    """Equal fields of the same types: their encodings differ only in ``event_id``."""
    for name in _FIELDS:
        x, y = getattr(a, name), getattr(b, name)
        if x is not y and (type(x) is not type(y) or x != y):
            return False
    return True


def _dumps(encoded: Any) -> str:
    return json.dumps(encoded, ensure_ascii=False)


def add_event(
    raw: Raw, doc: Document, report: Event, index: int, work: EventWork, near_km: float
) -> None:
    """Merge one report into a matching stored event, or store it as a new one."""
    if report.doc_ids != (doc.doc_id,):
        report = replace(report, doc_ids=(doc.doc_id,))
    orphan = best_match(report, list(work.orphans.values()), near_km)
    if orphan is not None:  # a revised document's event keeps its id
        del work.orphans[orphan.event_id]
        store_report(raw, doc, report, orphan.event_id, work)
        refold(raw, orphan.event_id, work.version)
        work.change(orphan.event_id, "updated")
        return
    found = [c for c in candidates(raw, report, near_km) if compatible(report, c, near_km)]
    primary = best_match(report, found, near_km)
    if primary is None:
        event_id = stored_event_id(doc.doc_id, report.event_id, index)
        search = report_search_text(doc, report)
        single = merge_reports([report], event_id)  # one report folds to itself
        encoded = records.encode(single)
        write_event(raw, single, search, work.version, True, _dumps(encoded))
        alike = _same_but_id(single, report)  # then the report's encoding is the event's
        data = _dumps({**encoded, "event_id": report.event_id}) if alike else None
        store_report(raw, doc, report, event_id, work, search, data)
        work.change(event_id, "added")
        work.added += 1
        return
    store_report(raw, doc, report, primary.event_id, work)
    merged = refold(raw, primary.event_id, work.version)
    work.merged += 1
    for other in found:  # the new report may bridge two stored events
        if other.event_id != primary.event_id and merged and compatible(other, merged, near_km):
            absorb(raw, other.event_id, primary.event_id, work)
            merged = refold(raw, primary.event_id, work.version)
    work.change(primary.event_id, "updated")


def delete_event(raw: Raw, event_id: str) -> None:
    row = raw.first("DELETE FROM events WHERE event_id = :e RETURNING seq", {"e": event_id})
    if raw.sqlite and row is not None:
        raw.replace("events_fts", FTS_COLUMNS, row[0], None)


def absorb(raw: Raw, gone: str, into: str, work: EventWork) -> None:
    """Move one event's reports and claims into another and leave a tombstone."""
    params = {"g": gone, "i": into}
    raw.run("UPDATE event_reports SET event_id = :i WHERE event_id = :g", params)
    raw.run("UPDATE claims SET event_id = :i WHERE event_id = :g", params)
    delete_event(raw, gone)
    work.change(gone, "merged", into)


def retire_revision(raw: Raw, old: str, new: str, work: EventWork) -> None:
    """Fold an older revision of a page out of its events, keeping their ids."""
    raw.run("UPDATE documents SET superseded_by = :n WHERE doc_id = :o", {"n": new, "o": old})
    touched = [
        str(r[0])
        for r in raw.all(
            "SELECT DISTINCT event_id FROM event_reports WHERE doc_id = :o", {"o": old}
        )
    ]
    for table in ("event_reports", "claims", "relations"):
        raw.run(f"DELETE FROM {table} WHERE doc_id = :o", {"o": old})
    for event_id in sorted(touched):
        if refold(raw, event_id, work.version) is None:
            work.orphans[event_id] = replace(load_event(raw, event_id), doc_ids=())
        else:
            work.change(event_id, "updated")


def drop_orphans(raw: Raw, work: EventWork) -> None:
    for event_id in work.orphans:
        delete_event(raw, event_id)
        raw.run("UPDATE claims SET event_id = NULL WHERE event_id = :e", {"e": event_id})
        work.change(event_id, "deleted")


# --------------------------------------------------------------------------- claims, relations

CLAIM_COLUMNS = (
    "claim_id", "doc_id", "event_id", "claimant", "hedge", "polarity", "standalone", "data",
)  # fmt: skip
RELATION_COLUMNS = ("doc_id", "subject", "predicate", "object", "start", "end")
CHANGE_COLUMNS = ("version", "event_id", "change", "merged_into")


def insert_claims(raw: Raw, doc_id: str, items: Sequence[Claim], event_id: str | None) -> None:
    rows = []
    for claim in items:
        ev = claim.evidence
        claim_id = claim.claim_id or "cl-" + short_hash(
            doc_id, ev.start, ev.end, claim.claimant, claim.polarity, event_id or ""
        )
        rows.append(
            (claim_id, doc_id, event_id, claim.claimant, str(claim.hedge), str(claim.polarity),
             event_id is None, json.dumps(records.encode(replace(claim, claim_id=claim_id))))
        )  # fmt: skip
    raw.defer("claims", CLAIM_COLUMNS, rows)
