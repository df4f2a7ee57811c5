"""The records extraction passes between its steps: a sentence's readings and
the document context they are read against (kept apart so every step can import
them without importing the others)."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Protocol

from warwire.extract.aggregates import Aggregate, AggregateKind
from warwire.extract.numbers import Fatalities
from warwire.extract.roles import ActorLookup
from warwire.extract.rules import Decision
from warwire.memo import by_identity
from warwire.types import Actor, Equipment, Hedge, Polarity, Span, Toponym, When


class DateLookup(Protocol):
    """What extraction needs from warwire.resolve.dates (the module satisfies it)."""

    def resolve_dates(
        self, text: str, offset: int, doc_id: str, reference: date | None
    ) -> list[When]: ...

    def undated_window(self, reference: date | None) -> When: ...

    def best_date(self, whens: list[When]) -> When | None: ...


@dataclass(frozen=True, slots=True)
class Where:
    """A location for a reading: a resolved toponym or a place name from NER."""

    name: str
    span: Span | None
    toponym: Toponym | None = None


@dataclass(frozen=True, slots=True)
class Reading:
    """One happening read from one sentence, before merging into events."""

    decision: Decision
    sentence: Span
    polarity: Polarity
    claimant: str
    hedge: Hedge
    actor1: Actor | None
    actor2: Actor | None
    actor1_span: Span | None
    actor2_span: Span | None
    assoc1: tuple[str, ...]
    assoc2: tuple[str, ...]
    wheres: tuple[Where, ...]
    when: When
    deaths: Fatalities | None
    equipment: tuple[Equipment, ...]
    aggregate: Aggregate | None
    casualty_only: bool
    part_of_fight: bool = False  # seized weapons: belongs to the fight it follows
    dated: bool = False  # the sentence states its own date


@dataclass(frozen=True, slots=True)
class Context:
    """Document-level facts a sentence reading may fall back on."""

    doc_id: str
    text: str
    publisher: str
    reference: date | None
    country_code: str | None
    country_place: Where | None
    toponyms: tuple[Toponym, ...]
    actors: ActorLookup
    dates: DateLookup
    main_actors: tuple[Actor, ...] = ()


def is_event(reading: Reading) -> bool:
    """Only asserted, single happenings become events."""
    if reading.polarity is not Polarity.ASSERTED:
        return False
    agg = reading.aggregate
    return not (agg is not None and agg.kind is AggregateKind.RUNNING_TOTAL)


def headline_total(r: Reading) -> Reading:
    """ "Warplanes target X and raise the death toll to 90": a headline tells the day's
    strike and updates the running total in one line. The strike is the day's event;
    the total stays a claim and is never its fatalities."""
    agg = r.aggregate
    if agg is None or agg.kind is not AggregateKind.RUNNING_TOTAL or r.casualty_only:
        return r
    if r.polarity is not Polarity.ASSERTED:
        return r
    return replace(r, aggregate=replace(agg, kind=AggregateKind.MULTI_DAY))


@by_identity  # one index a document, asked for every trigger
def _by_start(toponyms: Sequence[Toponym]) -> tuple[list[int], list[int], int]:
    order = sorted(range(len(toponyms)), key=lambda i: toponyms[i].span.start)
    starts = [toponyms[i].span.start for i in order]
    longest = max((t.span.end - t.span.start for t in toponyms), default=0)
    return starts, order, longest


def toponyms_within(toponyms: Sequence[Toponym], start: int, end: int) -> list[Toponym]:
    """The document's names that lie inside ``start``-``end``, in document order,
    found by bisection: scanning every name for every sentence made long
    documents quadratic."""
    starts, order, _ = _by_start(toponyms)
    lo, hi = bisect_left(starts, start), bisect_right(starts, end)
    return [toponyms[i] for i in sorted(i for i in order[lo:hi] if toponyms[i].span.end <= end)]


def toponyms_covering(toponyms: Sequence[Toponym], start: int, end: int) -> list[Toponym]:
    """The document's names whose span holds ``start``-``end``, in document order."""
    starts, order, longest = _by_start(toponyms)
    lo, hi = bisect_left(starts, start - longest), bisect_right(starts, start)
    return [toponyms[i] for i in sorted(i for i in order[lo:hi] if toponyms[i].span.end >= end)]


def toponyms_starting(toponyms: Sequence[Toponym], start: int, end: int) -> list[Toponym]:
    """The document's names that start at or after ``start`` and before ``end``."""
    starts, order, _ = _by_start(toponyms)
    lo, hi = bisect_left(starts, start), bisect_left(starts, end)
    return [toponyms[i] for i in sorted(order[lo:hi])]


def toponyms_near(toponyms: Sequence[Toponym], start: int, end: int, reach: int) -> list[Toponym]:
    """The document's names that may lie within ``reach`` characters of
    ``start``-``end`` (a superset: the caller measures), in document order."""
    starts, order, longest = _by_start(toponyms)
    lo = bisect_left(starts, start - reach - longest)
    hi = bisect_right(starts, end + reach)
    return [toponyms[i] for i in sorted(order[lo:hi])]
