"""Pure shaping of store records into API payloads (no FastAPI here, easy to test)."""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from typing import Any

from fastapi import HTTPException

from warwire.export import geojson_feature
from warwire.store.base import EventQuery, Record, Store

#: keys of a document record that the event panel needs about each source
SOURCE_KEYS = ("doc_id", "title", "publisher", "original_source", "published", "url")


def parse_near(value: str) -> tuple[float, float, float]:
    """``"LAT,LON,KM"`` to a tuple; a 422 naming the problem otherwise."""
    parts = [p.strip() for p in value.split(",")]
    try:
        lat, lon, km = (float(p) for p in parts)
    except ValueError:
        raise HTTPException(422, f"'near' must be LAT,LON,KM (got {value!r})") from None
    if not all(math.isfinite(x) for x in (lat, lon, km)):
        raise HTTPException(422, "'near' values must be finite numbers")
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise HTTPException(422, f"'near' latitude/longitude out of range: {lat},{lon}")
    if km <= 0:
        raise HTTPException(422, "'near' radius must be a positive number of kilometres")
    return lat, lon, km


FIELD_NAME = re.compile(r"[a-z][a-z0-9_]{0,39}")
MAX_FIELDS = 60
#: computed fields a list view may ask for instead of shipping every claim
VIRTUAL_FIELDS: dict[str, Callable[[Record], Any]] = {
    "claim_count": lambda e: len(e.get("claims") or []),
    "claimants": lambda e: sorted({c.get("claimant") for c in e.get("claims") or []} - {None}),
}


def parse_fields(value: str) -> tuple[str, ...]:
    """``fields=a,b,c`` to unique names; a 422 for anything that is not a plain name."""
    names = tuple(dict.fromkeys(n.strip() for n in value.split(",") if n.strip()))
    bad = [n for n in names if not FIELD_NAME.fullmatch(n)]
    if bad or not names or len(names) > MAX_FIELDS:
        shown = ", ".join(repr(b) for b in bad[:3]) or repr(value)
        raise HTTPException(422, f"'fields' must be up to {MAX_FIELDS} names like event_id,"
                                 f"event_date (bad: {shown})")  # fmt: skip
    return names


def project(event: Record, fields: tuple[str, ...]) -> Record:
    """The named keys of an event record (``event_id`` always); names it lacks are left out."""
    out: Record = {"event_id": event.get("event_id")}
    for name in fields:
        if name in VIRTUAL_FIELDS:
            out[name] = VIRTUAL_FIELDS[name](event)
        elif name in event:
            out[name] = event[name]
    return out


def envelope(items: list[Any], total: int, limit: int | None, offset: int,
             next_path: str | None) -> Record:  # fmt: skip
    """The one list envelope of every endpoint: ``items``, ``total`` (all matches),
    ``limit``, ``offset`` and ``next`` (the next page's path, null at the end)."""
    more = next_path if limit is not None and offset + len(items) < total else None
    return {"items": items, "total": total, "limit": limit, "offset": offset, "next": more}


def events_page(
    store: Store,
    query: EventQuery,
    fmt: str,
    fields: tuple[str, ...] | None = None,
    next_path: str | None = None,
) -> Record:
    """One page of events plus the total matching count, as JSON or GeoJSON.

    With ``fields`` each record is cut down to those keys: a lighter list for
    maps and tables (the full record stays one click away, at /api/events/{id}).
    """
    total = store.count_events(query)
    if fields is None:
        events = store.events(query)
    else:
        keep = (*fields, "latitude", "longitude") if fmt == "geojson" else fields
        events = [project(e, keep) for e in _records_with(store, query, keep)]
    page = envelope(events, total, query.limit, query.offset, next_path)
    if fmt == "geojson":  # GeoJSON names its list "features"; the rest is the same
        page.pop("items")
        features = [f for f in map(geojson_feature, events) if f is not None]
        return {"type": "FeatureCollection", "features": features, **page}
    return page


def events_csv(store: Store, query: EventQuery) -> str:
    """The matching events (this page of them) as the ACLED CSV ``export`` writes:
    "export this view" on the dashboard."""
    import io

    from warwire.export import AcledCsvWriter

    out = io.StringIO()
    writer = AcledCsvWriter(out)
    events = store.events(query)
    for event in events:  # the writer takes ACLED's source column from document records
        for source in event.get("sources") or []:
            if source.get("doc_id") and source.get("publisher"):
                writer.write({"kind": "document", **source})
    for event in events:
        writer.write(event)
    writer.close()
    return out.getvalue()


def _records_with(store: Store, query: EventQuery, fields: tuple[str, ...]) -> list[Record]:
    """Event records holding at least ``fields`` (virtual ones computable): the store's
    cheaper summaries when it offers them, full records otherwise."""
    summaries = getattr(store, "event_summaries", None)
    if not callable(summaries):
        return store.events(query)
    result: list[Record] = summaries(query, fields)
    return result


def timeline_payload(store: Store, query: EventQuery) -> Record:
    """``{"days": [{day, event_type, events}], "total", "first", "last"}`` for the chart.

    ``total`` counts dated events only (the undated have no place on a timeline).
    """
    rows = store.timeline(query)
    return {
        "days": rows,
        "total": sum(int(r["events"]) for r in rows),
        "first": rows[0]["day"] if rows else None,
        "last": max(r["day"] for r in rows) if rows else None,
    }


def event_detail(store: Store, event_id: str) -> Record:
    """The event, its sources (with the source registry's note) and its figures.

    ``figures`` lists every claim that gives a fatality number; ``contested``
    is true when they disagree, so the dashboard can show them side by side.
    """
    event = store.event(event_id)
    if event is None:
        raise HTTPException(404, f"no event {event_id!r}")
    record: dict[str, Any] = dict(event)
    if "sources" not in record:
        record["sources"] = [source_of(store, d) for d in record.get("doc_ids") or []]
    figures = [
        {
            "claimant": c.get("claimant"),
            "hedge": c.get("hedge"),
            "polarity": c.get("polarity"),
            "fatalities": c["fatalities"],
        }
        for c in record.get("claims") or []
        if c.get("fatalities") is not None
    ]
    record["figures"] = figures
    record["contested"] = len({f["fatalities"] for f in figures}) > 1
    return record


def source_of(store: Store, doc_id: str) -> Record:
    """A document's publication facts, plus the registry entry for its publisher."""
    doc = store.document(doc_id) or {"doc_id": doc_id}
    source: dict[str, Any] = {k: doc.get(k) for k in SOURCE_KEYS}
    source["syndicated_from"] = doc.get("syndicated_from")
    entry = doc.get("source_info") or _registry_entry(store, doc.get("publisher"))
    source["registry"] = entry
    return source


def _registry_entry(store: Store, publisher: str | None) -> Record | None:
    """The source registry's entry for ``publisher`` if the store offers one."""
    lookup = getattr(store, "source", None)
    if publisher is None or not callable(lookup):
        return None
    entry = lookup(publisher)
    return dict(entry) if entry else None
