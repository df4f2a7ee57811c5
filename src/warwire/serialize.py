"""Records to the plain dicts of CONTRACT.md (the ``jsonl`` output, the API).

Evidence is serialised with its text, sliced from the document's cleaned text
at write time, so ``evidence.text == text[start:end]`` always holds.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping
from datetime import date
from functools import cache
from typing import Any

from warwire.taxonomy import INTER_NAMES, interaction
from warwire.types import Claim, Document, Equipment, Event, Hedge, Polarity, Relation, Span

TextOf = Callable[[str], str | None]
Record = dict[str, Any]


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def stored_event_id(doc_id: str, extracted_id: str, index: int) -> str:
    """The id an event gets when its document is stored: ``extract`` prints the same
    one, so an id seen in either output finds the event in the database (a merged
    event keeps the id of its first report)."""
    raw = "\x1f".join((doc_id, extracted_id, str(index))).encode("utf-8")
    return "ev-" + hashlib.blake2b(raw, digest_size=8).hexdigest()


def evidence(span: Span, text_of: TextOf) -> Record:
    text = text_of(span.doc_id)
    return {
        "doc_id": span.doc_id,
        "start": span.start,
        "end": span.end,
        "text": span.text_in(text) if text is not None else None,
    }


def document_record(doc: Document, with_text: bool = False) -> Record:
    record: Record = {
        "kind": "document",
        "doc_id": doc.doc_id,
        "input_id": doc.input_id,
        "title": doc.title,
        "publisher": doc.source.publisher,
        "original_source": doc.source.original_source,
        "author": doc.source.author,
        "published": _iso(doc.published),
        "original_published": _iso(doc.original_published),
        "url": doc.source.url,
        "language": doc.language,
        "syndicated_from": doc.syndicated_from,
    }
    if with_text:
        record["text"] = doc.text
    return record


def equipment_record(item: Equipment) -> Record:
    return {
        "name": item.name,
        "kind": item.kind,
        "count": item.count,
        "owner": item.owner,
        "origin": item.origin,
        "supplied_by": item.supplied_by,
    }


def claim_in_event(claim: Claim, text_of: TextOf) -> Record:
    record: Record = {
        "claimant": claim.claimant,
        "hedge": str(claim.hedge),
        "polarity": str(claim.polarity),
        "evidence": evidence(claim.evidence, text_of),
    }
    if claim.fatalities is not None:
        record["fatalities"] = claim.fatalities
    return record


def event_record(event: Event, text_of: TextOf) -> Record:
    place = event.place
    inter1 = event.actor1.inter if event.actor1 else None
    inter2 = event.actor2.inter if event.actor2 else None
    return {
        "kind": "event",
        "event_id": event.event_id,
        "doc_ids": list(event.doc_ids),
        "event_date": _iso(event.when.event_date),
        "date_start": _iso(event.when.start),
        "date_end": _iso(event.when.end),
        "time_precision": event.when.time_precision,
        "disorder_type": event.disorder_type,
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "actor1": event.actor1.name if event.actor1 else None,
        "assoc_actor_1": list(event.assoc_actor_1),
        "inter1": INTER_NAMES.get(inter1) if inter1 else None,
        "actor2": event.actor2.name if event.actor2 else None,
        "assoc_actor_2": list(event.assoc_actor_2),
        "inter2": INTER_NAMES.get(inter2) if inter2 else None,
        "interaction": interaction(inter1, inter2),
        "civilian_targeting": event.civilian_targeting,
        "country": place.country if place else None,
        "iso": _iso_numeric(place.country_code) if place else None,
        "region": acled_region(place.country_code) if place else None,
        "admin1": place.admin1 if place else None,
        "location": place.name if place else event.location_text,
        "latitude": place.latitude if place else None,
        "longitude": place.longitude if place else None,
        "geo_precision": place.geo_precision if place else None,
        "place_basis": place.place_basis if place else None,
        "geonameid": place.geonameid if place else None,
        "fatalities": event.fatalities,
        "equipment": [equipment_record(e) for e in event.equipment],
        "claims": [claim_in_event(c, text_of) for c in event.claims],
        "evidence": {fe.field: evidence(fe.span, text_of) for fe in event.evidence},
        "notes": event.notes,
        "confidence": round(event.confidence, 3),
    }


def claim_record(claim: Claim, text_of: TextOf) -> Record:
    q = claim.quantity
    when = claim.when
    return {
        "kind": "claim",
        "claim_id": claim.claim_id,
        "doc_id": claim.evidence.doc_id,
        "claimant": claim.claimant,
        "hedge": str(claim.hedge),
        "polarity": str(claim.polarity),
        "subject": claim.subject,
        "quantity": ({"value": q.value, "qualifier": q.qualifier, "unit": q.unit} if q else None),
        "date_start": _iso(when.start) if when else None,
        "date_end": _iso(when.end) if when else None,
        "place": claim.place,
        "evidence": evidence(claim.evidence, text_of),
    }


def relation_record(relation: Relation, text_of: TextOf) -> Record:
    return {
        "kind": "relation",
        "subject": relation.subject,
        "predicate": relation.predicate,
        "object": relation.object,
        "evidence": evidence(relation.evidence, text_of),
    }


def texts_lookup(texts: Mapping[str, str]) -> TextOf:
    return texts.get


@cache
def acled_region(country_code: str | None) -> str | None:
    """ACLED's region of a country (``data/acled_regions.yaml``)."""
    from warwire.knowledge import data_mapping
    from warwire.resolve.countries import country_table

    if not country_code:
        return None
    regions = data_mapping("acled_regions.yaml")
    if country_code in regions["by_country"]:
        return str(regions["by_country"][country_code])
    row = country_table().get(country_code) or {}
    un = row.get("intermediateregion") or row.get("subregion")
    found = regions["by_un_region"].get(un)
    return str(found) if found else None


def _iso_numeric(country_code: str | None) -> int | None:
    from warwire.resolve.countries import iso_numeric

    return iso_numeric(country_code) if country_code else None


@cache
def record_keys(kind: str) -> list[str]:
    """The keys of a ``kind`` record in order, from the serialisers themselves, so
    tables and frames offer exactly the fields the records have."""
    span = Span("", 0, 0)
    none: TextOf = lambda _doc_id: None  # noqa: E731
    make: dict[str, Callable[[], Record]] = {
        "document": lambda: document_record(Document("", "", "")),
        "event": lambda: event_record(Event("", (), "", "", "", None), none),
        "claim": lambda: claim_record(Claim("", Hedge.NONE, Polarity.ASSERTED, span), none),
        "relation": lambda: relation_record(Relation("", "", "", span), none),
    }
    if kind not in make:
        raise ValueError(f"kind must be one of {', '.join(make)}, not {kind!r}")
    return list(make[kind]())
