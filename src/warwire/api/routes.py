"""The /api routes: thin adapters from query strings to the Store protocol.

Read endpoints are plain ``def`` so FastAPI runs them in its thread pool and a
slow query never blocks the event loop; their JSON is cached per dataset
version (see :class:`~warwire.api.deps.ResponseCache`).
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from dataclasses import replace
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request, Response, Security
from fastapi.security import HTTPBearer

from warwire.api import params, schemas
from warwire.api.deps import (
    ResponseCache,
    get_cache,
    get_ingestor,
    get_store,
    require_token,
)
from warwire.api.ingest import IngestFn, IngestRequest, IngestResponse
from warwire.api.params import IsoDay
from warwire.api.views import (
    envelope,
    event_detail,
    events_csv,
    events_page,
    parse_fields,
    parse_near,
    timeline_payload,
)
from warwire.store.base import ClaimQuery, EventQuery, Record, Store
from warwire.store.filters import FilterError, country_name

router = APIRouter(prefix="/api", tags=["api"])

StoreDep = Annotated[Store, Depends(get_store)]
CacheDep = Annotated[ResponseCache, Depends(get_cache)]
HedgeParam = Literal["none", "claimed", "reportedly", "alleged", "according_to", "unconfirmed"]
Limit = Annotated[int, Query(ge=1, le=5000, description="page size")]
Offset = Annotated[int, Query(ge=0, le=params.INT64_MAX, description="rows to skip")]
IdPath = Annotated[str, Path(min_length=1, max_length=200)]
#: declares the bearer scheme in OpenAPI; :func:`require_token` does the checking
BEARER = HTTPBearer(auto_error=False, description="WARWIRE_TOKEN, for writes")


GEOJSON_PAGE = {
    "type": "object",
    "description": "a GeoJSON FeatureCollection (each feature's id is its event_id) with "
    "the page envelope's total, limit, offset and next",
}


def json_ok(model: type[Any]) -> dict[int | str, dict[str, Any]]:
    return {200: {"model": model, "description": "OK"}}


def next_page(request: Request, offset: int, limit: int) -> str:
    """The path and query of the page after this one (the same filters)."""
    url = request.url.include_query_params(offset=offset + limit)
    return f"{url.path}?{url.query}"


async def event_filters(
    country: Annotated[str | None, Query(description="country name or ISO-2/ISO-3 code")] = None,
    since: Annotated[IsoDay | None, Query(description="first day, YYYY-MM-DD")] = None,
    until: Annotated[IsoDay | None, Query(description="last day, YYYY-MM-DD")] = None,
    type: params.EventType = None,
    actor: Annotated[str | None, Query(description="actor name (either side)")] = None,
    near: params.Near = None,
    text: Annotated[str | None, Query(description="full-text search")] = None,
    claimant: Annotated[str | None, Query(description="who asserts a claim")] = None,
    hedge: HedgeParam | None = None,
) -> EventQuery:
    """The filters shared by /api/events and /api/timeline, checked once (a window
    whose ``since`` is after its ``until`` is empty, not an error: the schema allows it).

    ``async`` (it never blocks) so FastAPI runs it inline, not via the thread pool.
    """
    if type is not None:
        type = params.event_type(type)
    if country:  # codes and spellings to the stored name; other names are matched as given
        with contextlib.suppress(FilterError):
            country = country_name(country)
    return EventQuery(
        country=country or None,
        since=since,
        until=until,
        event_type=type or None,
        actor=actor or None,
        near=parse_near(near) if near else None,
        text=text or None,
        claimant=claimant or None,
        hedge=hedge,
    )


FiltersDep = Annotated[EventQuery, Depends(event_filters)]

#: Cache misses build their pages one at a time. Building is Python work under the GIL,
#: broken by many short SQLite calls that drop it; with dozens of pool threads each of
#: those calls waits out other threads' switch interval (a GIL convoy): 4 concurrent
#: clients got half the pages per second of 1. Queued threads wait here without the GIL.
_BUILDING = threading.Lock()


def one_at_a_time(compute: Callable[[], Record]) -> Callable[[], Record]:
    def run() -> Record:
        with _BUILDING:
            return compute()

    return run


@router.get(
    "/events",
    summary="Events, filtered and paginated (JSON or GeoJSON)",
    responses={
        200: {
            "description": "OK",
            "model": schemas.EventPage,
            "content": {
                "application/geo+json": {"schema": GEOJSON_PAGE},
                "text/csv": {"schema": {"type": "string", "description": "ACLED CSV"}},
            },
        }
    },
)
def list_events(
    request: Request,
    store: StoreDep,
    cache: CacheDep,
    filters: FiltersDep,
    limit: Limit = 100,
    offset: Offset = 0,
    format: Annotated[
        Literal["json", "geojson", "csv"],
        Query(description="csv: the page as the ACLED CSV of `warwire export`, as a download"),
    ] = "json",
    fields: params.Fields = None,
) -> Response:
    query = replace(filters, limit=limit, offset=offset)
    if format == "csv":
        with _BUILDING:
            body = events_csv(store, query)
        disposition = 'attachment; filename="warwire-events.csv"'
        return Response(body, media_type="text/csv; charset=utf-8",
                        headers={"Content-Disposition": disposition})  # fmt: skip
    keep = parse_fields(fields) if fields is not None else None
    media = "application/geo+json" if format == "geojson" else "application/json"
    after = next_page(request, offset, limit)
    page = one_at_a_time(lambda: events_page(store, query, format, keep, after))
    return cache.respond(request, store, page, media)


@router.get(
    "/timeline",
    summary="Events per day per event type over all matching events",
    responses=json_ok(schemas.Timeline),
)
def get_timeline(
    request: Request, store: StoreDep, cache: CacheDep, filters: FiltersDep
) -> Response:
    return cache.respond(request, store, lambda: timeline_payload(store, filters))


@router.get(
    "/events/{event_id}",
    summary="One event with its claims, evidence and sources",
    responses=json_ok(schemas.EventDetail),
)
def get_event(request: Request, event_id: IdPath, store: StoreDep, cache: CacheDep) -> Response:
    if store.event(event_id) is None:
        raise HTTPException(404, f"no event {event_id!r}")
    return cache.respond(request, store, lambda: event_detail(store, event_id))


@router.get(
    "/claims",
    summary="Claims: inside events and standalone (totals, contested figures)",
    responses=json_ok(schemas.ClaimPage),
)
def list_claims(
    request: Request,
    store: StoreDep,
    cache: CacheDep,
    claimant: str | None = None,
    hedge: HedgeParam | None = None,
    doc_id: str | None = None,
    text: str | None = None,
    limit: Limit = 100,
    offset: Offset = 0,
) -> Response:
    query = ClaimQuery(claimant, hedge, doc_id, text or None, limit, offset)

    def compute() -> Record:
        claims = store.claims(query)
        total = store.count_claims(query)
        return envelope(claims, total, limit, offset, next_page(request, offset, limit))

    return cache.respond(request, store, compute)


@router.get(
    "/documents", summary="Documents (without their text)", responses=json_ok(schemas.DocumentPage)
)
def list_documents(
    request: Request, store: StoreDep, cache: CacheDep, limit: Limit = 100, offset: Offset = 0
) -> Response:
    def compute() -> Record:
        docs = [{k: v for k, v in d.items() if k != "text"} for d in store.documents(limit, offset)]
        total = int(store.stats().get("documents", offset + len(docs)))
        return envelope(docs, total, limit, offset, next_page(request, offset, limit))

    return cache.respond(request, store, compute)


@router.get(
    "/documents/{doc_id}",
    summary="A document's cleaned text and its evidence spans",
    responses=json_ok(schemas.DocumentDetail),
)
def get_document(request: Request, doc_id: IdPath, store: StoreDep, cache: CacheDep) -> Response:
    record = store.document(doc_id)
    if record is None:
        raise HTTPException(404, f"no document {doc_id!r}")

    def compute() -> Record:
        spans: list[Record] = list(record.get("spans") or [])
        for claim in store.claims(ClaimQuery(doc_id=doc_id)):
            ev = claim.get("evidence") or {}
            if ev.get("doc_id") == doc_id and ev.get("start") is not None:
                spans.append(
                    {
                        "start": ev["start"],
                        "end": ev["end"],
                        "kind": "claim",
                        "claim_id": claim.get("claim_id"),
                        "claimant": claim.get("claimant"),
                        "hedge": claim.get("hedge"),
                    }
                )
        return {**record, "spans": sorted(spans, key=lambda s: (s["start"], s["end"]))}

    return cache.respond(request, store, compute)


@router.get("/actors", summary="Canonical actors", responses=json_ok(schemas.ActorPage))
def list_actors(request: Request, store: StoreDep, cache: CacheDep) -> Response:
    def compute() -> Record:
        actors = store.actors()
        return envelope(actors, len(actors), None, 0, None)

    return cache.respond(request, store, compute)


@router.get("/stats", summary="Counts for the dashboard header", responses=json_ok(schemas.Stats))
def get_stats(request: Request, store: StoreDep, cache: CacheDep) -> Response:
    def compute() -> Record:
        stats: dict[str, Any] = dict(store.stats())
        stats.setdefault("version", store.version())
        return stats

    return cache.respond(request, store, compute)


@router.post(
    "/documents",
    status_code=201,
    response_model=IngestResponse,
    summary="Ingest one document (text, HTML or URL); needs the bearer token",
    dependencies=[Security(BEARER), Depends(require_token)],
)
def post_document(
    body: IngestRequest,
    store: StoreDep,
    ingest: Annotated[IngestFn, Depends(get_ingestor)],
) -> IngestResponse:
    return IngestResponse.of(ingest(body, store))
