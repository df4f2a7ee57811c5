"""Pure shaping of store records into API payloads (no FastAPI here, easy to test)."""

from __future__ import annotations

import math
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


def events_page(store: Store, query: EventQuery, fmt: str) -> Record:
    """One page of events plus the total matching count, as JSON or GeoJSON."""
    events = store.events(query)
    total = store.count_events(query)
    if fmt == "geojson":
        features = [f for f in map(geojson_feature, events) if f is not None]
        return {
            "type": "FeatureCollection",
            "features": features,
            "total": total,
            "limit": query.limit,
            "offset": query.offset,
        }
    return {"events": events, "total": total, "limit": query.limit, "offset": query.offset}


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
