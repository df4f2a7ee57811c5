"""Events and claims to JSON-safe dicts and back, losslessly, for storage.

The store keeps each document's own report of an event as it was extracted,
so the merged event can be recomputed when a document is revised. That needs
a round trip of the full records (spans, places, claims), which the contract
dicts of :mod:`warwire.serialize` do not give: they drop ids and add text.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import date
from enum import Enum
from typing import Any, Generic, TypeVar

from warwire.types import (
    Actor,
    Claim,
    Equipment,
    Event,
    FieldEvidence,
    Hedge,
    Place,
    Polarity,
    Quantity,
    Relation,
    Span,
    When,
)

Json = dict[str, Any]
T = TypeVar("T")


_PLAIN = frozenset({type(None), bool, int, float, str})
# record type -> its encoder, made on first use (one dict display per type)
_ENCODERS: dict[type, Callable[[Any], Json]] = {}


def encode(value: Any) -> Any:
    """Any record of :mod:`warwire.types` as plain JSON values."""
    kind = type(value)
    if kind in _PLAIN:
        return value
    encoder = _ENCODERS.get(kind)
    if encoder is not None:  # the hot path: a record type met before
        return encoder(value)
    if kind is tuple or kind is list:
        return [encode(v) for v in value]
    if isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [encode(v) for v in value]
    slots = getattr(kind, "__slots__", None)
    if slots is not None and hasattr(value, "__dataclass_fields__"):
        _ENCODERS[kind] = _encoder(tuple(value.__dataclass_fields__))
        return encode(value)
    raise TypeError(f"cannot encode {kind.__name__}")


def _encoder(names: tuple[str, ...]) -> Callable[[Any], Json]:
    """``{name: encode(value.name), ...}`` as one function, plain values inline:
    ingest encodes every event and report, and the generic walk was a tenth of it."""
    items = ", ".join(f"{n!r}: (x if type(x := v.{n}) in plain else encode(x))" for n in names)
    scope: dict[str, Any] = {"plain": _PLAIN, "encode": encode}
    exec(f"def encoder(v):\n    return {{{items}}}", scope)
    return scope["encoder"]


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def span(data: Json) -> Span:
    return Span(data["doc_id"], data["start"], data["end"])


def _opt_span(data: Json | None) -> Span | None:
    return span(data) if data else None


def when(data: Json | None) -> When:
    if not data:
        return When()
    return When(
        start=_date(data.get("start")),
        end=_date(data.get("end")),
        time_precision=data.get("time_precision"),
        span=_opt_span(data.get("span")),
    )


def actor(data: Json | None) -> Actor | None:
    if not data:
        return None
    return Actor(
        name=data["name"],
        inter=data.get("inter"),
        country=data.get("country"),
        aliases=tuple(data.get("aliases") or ()),
        backers=tuple(data.get("backers") or ()),
        actor_id=data.get("actor_id"),
    )


def place(data: Json | None) -> Place | None:
    if not data:
        return None
    return Place(**data)


def claim(data: Json) -> Claim:
    q = data.get("quantity")
    return Claim(
        claimant=data["claimant"],
        hedge=Hedge(data["hedge"]),
        polarity=Polarity(data["polarity"]),
        evidence=span(data["evidence"]),
        subject=data.get("subject"),
        quantity=Quantity(**q) if q else None,
        when=when(data["when"]) if data.get("when") else None,
        place=data.get("place"),
        fatalities=data.get("fatalities"),
        claim_id=data.get("claim_id"),
    )


def equipment(data: Json) -> Equipment:
    return Equipment(**{**data, "evidence": _opt_span(data.get("evidence"))})


def relation(data: Json) -> Relation:
    return Relation(data["subject"], data["predicate"], data["object"], span(data["evidence"]))


def event(data: Json) -> Event:
    return Event(
        event_id=data["event_id"],
        doc_ids=tuple(data["doc_ids"]),
        event_type=data["event_type"],
        sub_event_type=data["sub_event_type"],
        disorder_type=data["disorder_type"],
        actor1=actor(data.get("actor1")),
        actor2=actor(data.get("actor2")),
        assoc_actor_1=tuple(data.get("assoc_actor_1") or ()),
        assoc_actor_2=tuple(data.get("assoc_actor_2") or ()),
        place=place(data.get("place")),
        location_text=data.get("location_text"),
        when=when(data.get("when")),
        fatalities=data.get("fatalities", 0),
        equipment=tuple(equipment(e) for e in data.get("equipment") or ()),
        claims=tuple(claim(c) for c in data.get("claims") or ()),
        civilian_targeting=data.get("civilian_targeting", False),
        notes=data.get("notes", ""),
        confidence=data.get("confidence", 0.0),
        evidence=tuple(
            FieldEvidence(fe["field"], span(fe["span"])) for fe in data.get("evidence") or ()
        ),
    )


class RowCache(Generic[T]):
    """Values derived from an events row, by the row's ``(seq, version)``, shared by readers.

    Decoding a row's JSON into an :class:`Event` (and shaping it) was most of
    the cost of a page. Every write of a row sets a new ``version``, so an entry
    is never stale, and a reused ``seq`` comes with a newer version. Cached
    values are shared: callers must not mutate them. When full, the older half
    is dropped (insertion order). 10k events, decoded and as list records: ~67 MB.
    """

    def __init__(self, size: int = 12_000) -> None:
        self.size = size
        self._items: dict[tuple[int, int], T] = {}
        self._lock = threading.Lock()

    def get(self, seq: int, version: int, make: Callable[[], T]) -> T:
        key = (seq, version)
        found = self._items.get(key)
        if found is not None:
            return found
        value = make()
        with self._lock:
            if len(self._items) >= self.size:
                for old in list(self._items)[: self.size // 2]:
                    del self._items[old]
            self._items[key] = value
        return value

    def __len__(self) -> int:
        return len(self._items)
