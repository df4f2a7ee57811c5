"""A list-backed store and hand-built event records for the report tests."""

from __future__ import annotations

from datetime import date
from typing import Any

from warwire.store.base import EventQuery, Record


def record(
    event_id: str,
    day: str,
    event_type: str = "Battles",
    fatalities: int = 0,
    admin1: str = "North Darfur",
    actor1: str | None = "Rapid Support Forces (RSF)",
    claims: list[Record] | None = None,
    civilian: bool = False,
    country: str = "Sudan",
    sources: list[Record] | None = None,
) -> Record:
    return {
        "event_id": event_id, "event_date": day, "event_type": event_type,
        "sub_event_type": "Armed clash", "fatalities": fatalities, "admin1": admin1,
        "location": "El Fasher", "actor1": actor1, "actor2": None, "country": country,
        "iso": 729, "latitude": 13.6, "longitude": 25.3, "civilian_targeting": civilian,
        "claims": claims or [], "corroboration": 1,
        "sources": sources or [{"doc_id": f"d-{event_id}", "publisher": "Desk A",
                                "syndicated_from": None}],
    }  # fmt: skip


def claim(claimant: str, toll: int | None, text: str, polarity: str = "asserted") -> Record:
    found: Record = {"claimant": claimant, "hedge": "according_to", "polarity": polarity,
                     "evidence": {"doc_id": "d", "start": 0, "end": len(text), "text": text},
                     "source": {"publisher": "Desk A"}}  # fmt: skip
    if toll is not None:
        found["fatalities"] = toll
    return found


class ListStore:
    """Just what the report reads: ``events``, ``version``, ``document``."""

    def __init__(self, records: list[Record], documents: dict[str, Record] | None = None) -> None:
        self.records = records
        self.docs = documents or {}

    def events(self, query: EventQuery) -> list[Record]:
        def keep(r: Record) -> bool:
            day = date.fromisoformat(r["event_date"])
            return (
                (query.country is None or r["country"].lower() == query.country.lower())
                and (query.since is None or day >= query.since)
                and (query.until is None or day <= query.until)
            )

        return sorted((r for r in self.records if keep(r)), key=lambda r: r["event_date"])

    def version(self) -> int:
        return 3

    def document(self, doc_id: str) -> Any:
        return self.docs.get(doc_id)


def stored_analysis(i: int, day: date, toll: int, region: str, contested: bool = False) -> Any:
    """A hand-built analysed document with one event in Sudan, for a real SQLite store."""
    from warwire.types import (
        Actor,
        Analysis,
        Claim,
        Document,
        Event,
        Hedge,
        Place,
        Polarity,
        Source,
        Span,
        When,
    )  # fmt: skip

    text = f"Item {i}: the militia shelled Town {i} on {day}; officials said {toll} died."
    doc = Document(f"doc{i:04d}", f"test:{i}", text, published=day,
                   source=Source(publisher=f"Desk {i % 3}"))  # fmt: skip
    claims = [Claim("officials", Hedge.ACCORDING_TO, Polarity.ASSERTED,
                    Span(doc.doc_id, 0, len(text)), fatalities=toll or None)]  # fmt: skip
    if contested:
        claims.append(Claim("the militia", Hedge.CLAIMED, Polarity.DENIED,
                            Span(doc.doc_id, 0, 10)))  # fmt: skip
    place = Place(f"Town {i}", 10 + i * 0.3, 24 + i * 0.3, "Sudan", "SD", region)
    event = Event(f"ev-t{i:04d}", (doc.doc_id,), "Explosions/Remote violence",
                  "Shelling/artillery/missile attack", "Political violence",
                  Actor(f"Militia {i % 4}", inter=3), place=place, when=When(day, day, 1),
                  fatalities=toll, claims=tuple(claims))  # fmt: skip
    return Analysis(doc, events=(event,))
