"""The storage protocol: what the CLI's database commands and the REST API use.

Queries return the contract's plain records (see :mod:`warwire.serialize`):
event records carry all their ``doc_ids`` and claims; document records carry
``syndicated_from``. Backends: SQLite (default, embedded) and PostgreSQL,
through one SQLAlchemy Core layer.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, Protocol

from warwire.types import Analysis

Record = dict[str, Any]


@dataclass(frozen=True, slots=True)
class EventQuery:
    """Filters of ``warwire events`` and ``GET /api/events``; all optional, ANDed."""

    country: str | None = None
    since: date | None = None
    until: date | None = None
    event_type: str | None = None
    actor: str | None = None
    near: tuple[float, float, float] | None = None  # lat, lon, km
    text: str | None = None
    claimant: str | None = None
    hedge: str | None = None
    limit: int | None = None
    offset: int = 0


@dataclass(frozen=True, slots=True)
class ClaimQuery:
    claimant: str | None = None
    hedge: str | None = None
    doc_id: str | None = None
    text: str | None = None
    limit: int | None = None
    offset: int = 0


@dataclass(frozen=True, slots=True)
class IngestResult:
    """What one document did to the database."""

    doc_id: str
    status: str  # "added", "unchanged", "revised"
    events_added: int = 0
    events_merged: int = 0
    syndicated_from: str | None = None
    # what the user should hear though the document was stored ("not extracted: language fr")
    warnings: tuple[str, ...] = ()


class Store(Protocol):
    def add(self, analysis: Analysis) -> IngestResult:
        """Store one analysed document in one transaction, merging its events."""
        ...

    def add_many(self, analyses: Sequence[Analysis]) -> list[IngestResult]:
        """Store a batch in one transaction, as :meth:`add` on each in turn would."""
        ...

    def has_document(self, doc_id: str) -> bool: ...

    def events(self, query: EventQuery) -> list[Record]: ...

    def count_events(self, query: EventQuery) -> int: ...

    def timeline(self, query: EventQuery) -> list[Record]:
        """Events per day per event type over all matches (limit and offset ignored).

        Rows ``{"day": "YYYY-MM-DD", "event_type": str, "events": int}`` sorted
        by day then type; undated events are left out.
        """
        ...

    def event(self, event_id: str) -> Record | None: ...

    def claims(self, query: ClaimQuery) -> list[Record]: ...

    def count_claims(self, query: ClaimQuery) -> int:
        """How many claims match (limit and offset ignored): the total for paging."""
        ...

    def documents(self, limit: int | None = None, offset: int = 0) -> list[Record]: ...

    def document(self, doc_id: str) -> Record | None:
        """A document record with its cleaned ``text`` for highlighting."""
        ...

    def actors(self) -> list[Record]: ...

    def stats(self) -> Record: ...

    def version(self) -> int:
        """The dataset version; it rises with every ingest that changes anything."""
        ...

    def close(self) -> None: ...
