"""An in-memory Store with hand-built contract records, for API, e2e and bench runs.

Load it by path (see ``load_fakes`` in conftest) so its module name never
clashes with another folder's helpers.
"""

from __future__ import annotations

import math
import random
import threading
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from warwire.store.base import ClaimQuery, EventQuery, IngestResult, Record
from warwire.types import Analysis

EVENT_TYPES = (
    ("Battles", "Armed clash"),
    ("Explosions/Remote violence", "Air/drone strike"),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ("Violence against civilians", "Attack"),
    ("Protests", "Peaceful protest"),
    ("Strategic developments", "Looting/property destruction"),
)

REGISTRY = {
    "Harbour Wire": {"kind": "wire service", "note": "international wire agency"},
    "Front Line Daily": {"kind": "partisan", "note": "openly supports the Northern Alliance"},
}


@dataclass
class FakeStore:
    """The Store protocol over plain lists; filters mirror ``warwire events``."""

    docs: dict[str, Record] = field(default_factory=dict)
    event_list: list[Record] = field(default_factory=list)
    claim_list: list[Record] = field(default_factory=list)
    actor_list: list[Record] = field(default_factory=list)
    dataset_version: int = 1
    added: list[Analysis] = field(default_factory=list)
    closed: bool = False
    calls: int = 0
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, analysis: Analysis) -> IngestResult:
        with self._lock:
            self.added.append(analysis)
            self.dataset_version += 1
        return IngestResult(analysis.document.doc_id, "added", len(analysis.events))

    def has_document(self, doc_id: str) -> bool:
        return doc_id in self.docs

    def _matching(self, q: EventQuery) -> list[Record]:
        self.calls += 1
        return [e for e in self.event_list if _event_matches(e, q)]

    def events(self, query: EventQuery) -> list[Record]:
        rows = self._matching(query)[query.offset :]
        return rows[: query.limit] if query.limit is not None else rows

    def count_events(self, query: EventQuery) -> int:
        return len(self._matching(query))

    def timeline(self, query: EventQuery) -> list[Record]:
        counts = Counter(
            (e["event_date"], e["event_type"]) for e in self._matching(query) if e.get("event_date")
        )
        return [{"day": d, "event_type": t, "events": n} for (d, t), n in sorted(counts.items())]

    def event(self, event_id: str) -> Record | None:
        return next((e for e in self.event_list if e["event_id"] == event_id), None)

    def _matching_claims(self, query: ClaimQuery) -> list[Record]:
        return [
            c
            for c in self.claim_list
            if (query.claimant is None or c["claimant"] == query.claimant)
            and (query.hedge is None or c["hedge"] == query.hedge)
            and (query.doc_id is None or c["doc_id"] == query.doc_id)
            and (query.text is None or query.text.lower() in (c["subject"] or "").lower())
        ]

    def claims(self, query: ClaimQuery) -> list[Record]:
        rows = self._matching_claims(query)[query.offset :]
        return rows[: query.limit] if query.limit is not None else rows

    def count_claims(self, query: ClaimQuery) -> int:
        return len(self._matching_claims(query))

    def documents(self, limit: int | None = None, offset: int = 0) -> list[Record]:
        rows = list(self.docs.values())[offset:]
        return rows[:limit] if limit is not None else rows

    def document(self, doc_id: str) -> Record | None:
        return self.docs.get(doc_id)

    def actors(self) -> list[Record]:
        return self.actor_list

    def stats(self) -> Record:
        return {"events": len(self.event_list), "documents": len(self.docs)}

    def version(self) -> int:
        return self.dataset_version

    def close(self) -> None:
        self.closed = True

    def source(self, publisher: str) -> Record | None:
        return REGISTRY.get(publisher)


def _event_matches(e: Record, q: EventQuery) -> bool:
    day = date.fromisoformat(e["event_date"]) if e.get("event_date") else None
    claims = e.get("claims") or []
    checks = [
        q.country is None or e.get("country") == q.country,
        q.since is None or (day is not None and day >= q.since),
        q.until is None or (day is not None and day <= q.until),
        q.event_type is None or q.event_type in (e["event_type"], e["sub_event_type"]),
        q.actor is None or q.actor in (e.get("actor1"), e.get("actor2")),
        q.text is None or q.text.lower() in (e.get("notes") or "").lower(),
        q.claimant is None or any(c["claimant"] == q.claimant for c in claims),
        q.hedge is None or any(c["hedge"] == q.hedge for c in claims),
    ]
    if q.near is not None and all(checks):
        lat, lon, km = q.near
        if e.get("latitude") is None:
            return False
        return _km(lat, lon, e["latitude"], e["longitude"]) <= km
    return all(checks)


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(a))


# ----------------------------------------------------------------- hand-built sample

TEXT_A = (
    "Fighting near Qala Verde. Northern Alliance units clashed with the Coastal Guard "
    "outside Qala Verde on 3 March, the alliance said. It claimed 14 guards were killed. "
    "The Coastal Guard denied losses and said only 2 of its men died."
)
TEXT_B = (
    "Drone strike hits market. A drone struck the market in Port Sabel on 5 March, "
    "killing 6 civilians, according to local medics. Residents reportedly saw two drones."
)


def _evidence(doc_id: str, text: str, needle: str) -> Record:
    start = text.index(needle)
    return {"doc_id": doc_id, "start": start, "end": start + len(needle), "text": needle}


def _event(event_id: str, day: str, kind: int, **fields: Any) -> Record:
    event_type, sub = EVENT_TYPES[kind]
    record: Record = {
        "kind": "event",
        "event_id": event_id,
        "doc_ids": [],
        "event_date": day,
        "date_start": day,
        "date_end": day,
        "time_precision": 1,
        "disorder_type": "Political violence",
        "event_type": event_type,
        "sub_event_type": sub,
        "actor1": None,
        "assoc_actor_1": [],
        "inter1": None,
        "actor2": None,
        "assoc_actor_2": [],
        "inter2": None,
        "interaction": None,
        "civilian_targeting": False,
        "country": None,
        "iso": None,
        "admin1": None,
        "location": None,
        "latitude": None,
        "longitude": None,
        "geo_precision": 1,
        "geonameid": None,
        "fatalities": 0,
        "equipment": [],
        "claims": [],
        "notes": "",
        "confidence": 0.8,
    }
    record.update(fields)
    return record


def sample_store() -> FakeStore:
    """Two articles, three events (one with contested figures), one claim."""
    docs = {
        "docA": {
            "kind": "document",
            "doc_id": "docA",
            "input_id": "a.txt",
            "title": "Fighting near Qala Verde",
            "publisher": "Front Line Daily",
            "original_source": None,
            "author": None,
            "published": "2024-03-04",
            "url": None,
            "language": "en",
            "syndicated_from": None,
            "text": TEXT_A,
        },
        "docB": {
            "kind": "document",
            "doc_id": "docB",
            "input_id": "b.txt",
            "title": "Drone strike hits market",
            "publisher": "Harbour Wire",
            "original_source": None,
            "author": None,
            "published": "2024-03-06",
            "url": "https://example.org/b",
            "language": "en",
            "syndicated_from": None,
            "text": TEXT_B,
        },
    }
    clash_claims = [
        {
            "claimant": "Northern Alliance",
            "hedge": "claimed",
            "polarity": "asserted",
            "fatalities": 14,
            "evidence": _evidence("docA", TEXT_A, "It claimed 14 guards were killed."),
        },
        {
            "claimant": "Coastal Guard",
            "hedge": "according_to",
            "polarity": "denied",
            "fatalities": 2,
            "evidence": _evidence("docA", TEXT_A, "said only 2 of its men died"),
        },
    ]
    events = [
        _event(
            "ev1",
            "2024-03-03",
            0,
            doc_ids=["docA"],
            actor1="Northern Alliance",
            actor2="Coastal Guard",
            country="Avalonia",
            location="Qala Verde",
            latitude=12.5,
            longitude=40.1,
            fatalities=2,
            claims=clash_claims,
            notes="Clash between the Northern Alliance and the Coastal Guard near Qala Verde.",
        ),
        _event(
            "ev2",
            "2024-03-05",
            1,
            doc_ids=["docB"],
            actor1="Unidentified Military Forces",
            country="Avalonia",
            location="Port Sabel",
            latitude=11.9,
            longitude=41.3,
            fatalities=6,
            civilian_targeting=True,
            notes="Drone strike on Port Sabel market.",
            claims=[
                {
                    "claimant": "local medics",
                    "hedge": "according_to",
                    "polarity": "asserted",
                    "fatalities": 6,
                    "evidence": _evidence(
                        "docB", TEXT_B, "killing 6 civilians, according to local medics"
                    ),
                }
            ],
        ),
        _event(
            "ev3",
            "2024-03-09",
            4,
            doc_ids=["docB"],
            actor1="Protesters (Borduria)",
            country="Borduria",
            location="Szohod",
            latitude=47.2,
            longitude=19.5,
            disorder_type="Demonstrations",
            notes="Protest against fuel prices.",
            claims=[
                {
                    "claimant": "Harbour Wire",
                    "hedge": "none",
                    "polarity": "asserted",
                    "evidence": _evidence("docB", TEXT_B, "Residents reportedly saw two drones."),
                }
            ],
        ),
    ]
    claims = [
        {
            "kind": "claim",
            "claim_id": "c1",
            "doc_id": "docB",
            "claimant": "Harbour Wire",
            "hedge": "reportedly",
            "polarity": "asserted",
            "subject": "drones seen",
            "quantity": {"value": 2, "qualifier": None, "unit": "drones"},
            "date_start": "2024-03-05",
            "date_end": "2024-03-05",
            "place": "Port Sabel",
            "evidence": _evidence("docB", TEXT_B, "Residents reportedly saw two drones."),
        }
    ]
    actors = [{"name": n} for n in ("Northern Alliance", "Coastal Guard")]
    return FakeStore(docs, events, claims, actors)


def synthetic_store(n: int, seed: int = 7) -> FakeStore:
    """``n`` plausible events over 200 days and a dozen places, for load tests."""
    rng = random.Random(seed)
    store = sample_store()
    base = date(2023, 1, 1)
    places = [(f"Town {i}", rng.uniform(-30, 50), rng.uniform(-20, 60)) for i in range(12)]
    actors = ["Northern Alliance", "Coastal Guard", "Hill Militia", "Civilians (Avalonia)"]
    events = []
    for i in range(n):
        name, lat, lon = rng.choice(places)
        day = (base + timedelta(days=rng.randrange(200))).isoformat()
        a1, a2 = rng.sample(actors, 2)
        events.append(
            _event(
                f"s{i:06d}",
                day,
                rng.randrange(len(EVENT_TYPES)),
                doc_ids=["docA"],
                actor1=a1,
                actor2=a2,
                country="Avalonia",
                location=name,
                latitude=lat + rng.uniform(-0.2, 0.2),
                longitude=lon + rng.uniform(-0.2, 0.2),
                fatalities=rng.randrange(20),
                notes=f"{a1} and {a2} near {name}.",
                claims=[store.event_list[0]["claims"][0]],
            )
        )
    store.event_list = sorted(events, key=lambda e: e["event_date"], reverse=True)
    return store
