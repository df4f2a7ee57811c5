"""Everything a report reads from the database, read once through the store's queries.

The window's events come as full records (claims, evidence text, sources);
the history (three years and the baseline before the window, for trends,
alerts and "new actors") as light summaries, which the SQL store builds
without touching document text. The report is then computed from these
lists alone, so every format shows the same numbers.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from warwire.report.spec import ReportSpec
from warwire.store.base import EventQuery, Record, Store

#: how far back history is read: HDX-Signals-like alerts compare with up to three years
HISTORY_DAYS = 3 * 365 + 31
SUMMARY_FIELDS = ("event_id", "event_date", "event_type", "sub_event_type", "fatalities",
                  "admin1", "location", "civilian_targeting", "actor1", "actor2", "iso",
                  "latitude", "longitude")  # fmt: skip


@dataclass(frozen=True, slots=True)
class SourceCount:
    """Who reported the window's events: reposts count once, under their original outlet."""

    documents: int
    reposts: int
    outlets: tuple[str, ...]

    @property
    def independent(self) -> int:
        return len(self.outlets)


@dataclass(frozen=True, slots=True)
class ReportData:
    spec: ReportSpec
    events: list[Record]  # the window's events, full records, in date order
    history: list[Record]  # summaries from HISTORY_DAYS before the window's end to its end
    version: int
    sources: SourceCount

    @property
    def cut_off(self) -> date | None:
        """The latest day the data holds for this place up to the window's end."""
        days = [r["event_date"] for r in self.history if r.get("event_date")]
        return date.fromisoformat(max(days)) if days else None

    def between(self, since: date, until: date) -> list[Record]:
        """History summaries dated ``since``..``until`` (inclusive)."""
        lo, hi = since.isoformat(), until.isoformat()
        return [r for r in self.history if r.get("event_date") and lo <= r["event_date"] <= hi]


def summaries(store: Store, query: EventQuery, fields: Iterable[str]) -> list[Record]:
    """Light records when the store can build them (SQL), full records otherwise."""
    light = getattr(store, "event_summaries", None)
    if light is not None:
        return list(light(query, fields))
    return store.events(query)


def gather(store: Store, spec: ReportSpec) -> ReportData:
    window = EventQuery(country=spec.country, since=spec.since, until=spec.until)
    found = [r for r in store.events(window) if spec.covers_admin1(r.get("admin1"))]
    lookback = EventQuery(
        country=spec.country,
        since=min(spec.until - timedelta(days=HISTORY_DAYS), spec.baseline_since),
        until=spec.until,
    )
    history = [
        r for r in summaries(store, lookback, SUMMARY_FIELDS) if spec.covers_admin1(r.get("admin1"))
    ]
    return ReportData(spec, found, history, store.version(), count_sources(store, found))


def _outlet(record: Record | None) -> str | None:
    if not record:
        return None
    outlet = record.get("original_source") or record.get("publisher")
    return str(outlet) if outlet else None


def count_sources(store: Store, found: list[Record]) -> SourceCount:
    """Independent outlets behind ``found``: a repost counts as its original's outlet."""
    publisher: dict[str, str | None] = {}
    parent: dict[str, str | None] = {}
    for record in found:
        for source in record.get("sources", []):
            if source.get("doc_id"):
                publisher[source["doc_id"]] = source.get("publisher")
                parent[source["doc_id"]] = source.get("syndicated_from")
    reposts = sum(1 for p in parent.values() if p)
    outlets: dict[str, str] = {}
    for doc_id, root in parent.items():
        name = publisher.get(doc_id)
        if root:
            name = publisher[root] if root in publisher else _outlet(_document(store, root))
        key = (name or f"document {doc_id}").strip()
        outlets.setdefault(key.casefold(), key)
    return SourceCount(len(parent), reposts, tuple(sorted(outlets.values(), key=str.casefold)))


def _document(store: Store, doc_id: str) -> Record | None:
    found: Any = store.document(doc_id)
    return found if isinstance(found, dict) else None
