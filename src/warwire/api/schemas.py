"""Response models for the OpenAPI document.

Read endpoints stream cached JSON bytes (see :class:`~warwire.api.deps.ResponseCache`),
so FastAPI never validates through these models; they exist so ``/openapi.json``
tells a client what each endpoint returns. Every list shares one envelope:
``items``, ``total`` (all matches), ``limit``, ``offset`` and ``next`` (the path
of the next page, or null). Records allow extra keys: the contract may grow.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class Loose(BaseModel):
    model_config = ConfigDict(extra="allow")


class Evidence(Loose):
    doc_id: str
    start: int
    end: int
    text: str | None = Field(None, description="the cleaned text's [start, end) slice")


class ClaimInEvent(Loose):
    claimant: str
    hedge: str
    polarity: str
    evidence: Evidence
    fatalities: int | None = Field(None, description="the claimant's own figure, if it differs")


class EventRecord(Loose):
    kind: str = "event"
    event_id: str
    doc_ids: list[str] = []
    event_date: str | None = Field(None, description="YYYY-MM-DD")
    event_type: str | None = None
    sub_event_type: str | None = None
    actor1: str | None = None
    actor2: str | None = None
    country: str | None = None
    region: str | None = None
    admin1: str | None = None
    location: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int | None = None
    fatalities: int | None = None
    claims: list[ClaimInEvent] = []
    timestamp: int | None = Field(None, description="when the event last changed, unix seconds")


class ClaimRecord(Loose):
    kind: str = "claim"
    claim_id: str | None = None
    doc_id: str
    event_id: str | None = Field(None, description="null for a standalone claim")
    claimant: str
    hedge: str
    polarity: str
    subject: str | None = None
    quantity: dict[str, Any] | None = None
    place: str | None = None
    evidence: Evidence


class DocumentRecord(Loose):
    kind: str = "document"
    doc_id: str
    title: str | None = None
    publisher: str | None = None
    published: str | None = None
    url: str | None = None
    syndicated_from: str | None = None


class Page(Loose):
    total: int = Field(description="all matching records, not only this page")
    limit: int | None = None
    offset: int = 0
    next: str | None = Field(None, description="path and query of the next page; null at the end")


class EventPage(Page):
    items: list[EventRecord]


class EventFeatures(Page):
    type: str = "FeatureCollection"
    features: list[dict[str, Any]]


class ClaimPage(Page):
    items: list[ClaimRecord]


class DocumentPage(Page):
    items: list[DocumentRecord]


class TimelineDay(BaseModel):
    day: str
    event_type: str
    events: int


class Timeline(BaseModel):
    days: list[TimelineDay]
    total: int
    first: str | None
    last: str | None


class EventDetail(EventRecord):
    sources: list[dict[str, Any]] = []
    figures: list[dict[str, Any]] = []
    contested: bool = False


class DocumentDetail(DocumentRecord):
    text: str
    spans: list[dict[str, Any]] = []


class ActorPage(Page):
    items: list[dict[str, Any]]


class Stats(Loose):
    version: int
    documents: int | None = None
    events: int | None = None
    claims: int | None = None


class Problem(Loose):
    """RFC 9457 problem details: every error response has this shape."""

    type: str = "about:blank"
    title: str
    status: int
    detail: str
    instance: str | None = None


PROBLEM_RESPONSES: dict[int | str, dict[str, Any]] = {
    code: {
        "description": what,
        "content": {"application/problem+json": {"schema": Problem.model_json_schema()}},
    }
    for code, what in (("4XX", "the request cannot be served"), ("5XX", "the server failed"))
}
