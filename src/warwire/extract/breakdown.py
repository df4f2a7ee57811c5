"""A toll broken down by place ("17 protesters were killed: three in A on 26 July,
two in B on 30 July and 12 in C on 3 August"): ACLED codes one event per location
per day, so each item of the breakdown becomes a reading of its own, with its
place, its day (the sentence's when the item names none) and its own count.

An item is a stretch of the sentence between commas, semicolons or a colon that
names a resolved place and states a death figure of its own; two or more such
items at different places make a breakdown. The total before them is the items'
sum, so it is never an event's count.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from itertools import pairwise

from warwire.extract.numbers import Fatalities, fatalities
from warwire.extract.quantities import figure_at, words
from warwire.extract.records import Context, Reading, Where, toponyms_starting
from warwire.types import Span, Toponym, When

__all__ = ["broken_down"]

_ITEM_BREAKS = re.compile(r"[,;:]|\band\b")


@dataclass(frozen=True, slots=True)
class _Item:
    where: Where
    when: When | None
    deaths: Fatalities


def broken_down(ctx: Context, reading: Reading) -> list[Reading]:
    """The reading, or one reading per place of the toll's breakdown."""
    if reading.deaths is None or not reading.deaths.stated or reading.deaths.mixed:
        return [reading]
    items = _items(ctx, reading.sentence)
    if len(items) > 2 and items[0].deaths.value == sum(i.deaths.value for i in items[1:]):
        items = items[1:]  # "nine killed in A: four in B, ...": the total before its parts
    places = {
        i.where.toponym.place.name for i in items if i.where.toponym and i.where.toponym.place
    }
    if len(items) < 2 or len(places) < len(items):
        return [reading]
    return [
        replace(
            reading,
            wheres=(item.where,),
            when=item.when or reading.when,
            deaths=item.deaths,
            dated=reading.dated or item.when is not None,
        )
        for item in items
    ]


def _items(ctx: Context, sentence: Span) -> list[_Item]:
    plain = sentence.text_in(ctx.text)
    cuts = [0, *(m.end() for m in _ITEM_BREAKS.finditer(plain)), len(plain)]
    out: list[_Item] = []
    for lo, hi in pairwise(cuts):
        start, end = sentence.start + lo, sentence.start + hi
        here = [t for t in toponyms_starting(ctx.toponyms, start, end) if _local(t)]
        if len(here) != 1:
            continue  # no place, or a list of places sharing one count
        toll = fatalities(plain[lo:hi]) or _leading_count(plain[lo:hi])
        if toll is None or not toll.stated or toll.figure is None or toll.value <= 0:
            continue
        figure = replace(toll.figure, start=toll.figure.start + lo, end=toll.figure.end + lo)
        day = ctx.dates.best_date(
            ctx.dates.resolve_dates(plain[lo:hi], start, ctx.doc_id, ctx.reference)
        )
        when = day if day is not None and day.time_precision == 1 else None
        where = Where(here[0].text, here[0].span, here[0])
        out.append(_Item(where, when, replace(toll, figure=figure)))
    return out


def _leading_count(item: str) -> Fatalities | None:
    """ "four in A on 3 March": a count opening the item, its role the sentence's."""
    ws = words(item)
    first = 1 if ws and ws[0].text == "and" else 0
    figure = figure_at(ws, first)
    if (
        figure is None
        or figure.vague
        or figure.last >= len(ws)
        or ws[figure.last].text not in _LOCATIVES
    ):
        return None
    return Fatalities(figure.value, figure, stated=True)


_LOCATIVES = frozenset({"in", "at", "near", "from"})  # "four in A": a count for a place


def _local(toponym: Toponym) -> bool:
    """A town or district, not the country the whole toll is told of."""
    place = toponym.place
    return place is not None and not (place.feature or "").startswith("PCL")
