"""Aggregate statements: running totals, regional tolls, multi-day counts.

"The death toll reached 311" or "13 drones shot down during the last 3 days"
describe many happenings at once; ACLED never adds them to one event's
fatalities. They become standalone :class:`~warwire.types.Claim` records with
a :class:`~warwire.types.Quantity`. Which death figures are totals is decided
with the sentence's own toll in :mod:`warwire.extract.numbers`; this module
names the total and says what the sentence still is: a multi-day count may
anchor an event (coded at week precision), a running total never does, and a
total said in passing ("the war, which has killed thousands") leaves the
sentence's own event and toll alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from warwire.extract.numbers import Fatalities, fatalities
from warwire.extract.quantities import find_figures, lexicon, match_at, phrases, words
from warwire.extract.totals import scope_of


class AggregateKind(StrEnum):
    RUNNING_TOTAL = "running_total"  # claim only
    MULTI_DAY = "multi_day"  # claim, and the happening may still be an event
    IN_PASSING = "in_passing"  # claim beside the sentence's own event and toll


_SUBJECT = re.compile(
    r"(?:number of|toll (?:of|among))\s+"
    r"(?P<s>[\w\s'-]+?(?:killed|dead|died|injured|wounded|detained|"
    r"arrested|displaced|abducted)(?:\s+(?:or|and)\s+(?:injured|wounded|killed))?)\b"
)
_COUNTED = re.compile(
    r"\b(?P<v>shot down|intercepted|destroyed|killed|captured|arrested|downed)\s+(?P<s>[\w\s-]+?)"
    r"(?=\s+(?:during|over|in the)\b)"
)
_CUMULATIVE = re.compile(r"\b(reached|rose to|risen to|climbed to|so far|to date|since)\b")
_UNITS = (
    ("drone", "drones"),
    ("aerial vehicle", "drones"),
    ("aircraft", "aircraft"),
    ("tank", "tanks"),
    ("missile", "missiles"),
    ("vehicle", "vehicles"),
)


@dataclass(frozen=True, slots=True)
class Aggregate:
    """A counted total read from one sentence (offsets relative to the sentence)."""

    kind: AggregateKind
    value: int
    qualifier: str | None
    subject: str | None
    unit: str
    number_start: int
    number_end: int


def _unit(subject: str | None) -> str:
    lowered = (subject or "").lower()
    return next((unit for word, unit in _UNITS if word in lowered), "people")


def _subject(sentence_text: str) -> str | None:
    found = _SUBJECT.search(sentence_text)
    if found:
        return found.group("s").strip()
    counted = _COUNTED.search(sentence_text)
    if counted is None:
        return None
    kept = " ".join(w for w in counted.group("s").split() if not w.isdigit())
    return f"{kept} {counted.group('v')}".strip()


def find_aggregate(sentence_text: str) -> Aggregate | None:
    """The aggregate statement in a sentence, or None when it reports single happenings."""
    deaths = fatalities(sentence_text)
    if deaths is not None and deaths.totals:
        return _death_total(sentence_text, deaths)
    if deaths is not None and deaths.figure is not None and deaths.value > 0:
        return None  # the sentence's own toll and no total
    return _counted_total(sentence_text)


def _death_total(sentence_text: str, deaths: Fatalities) -> Aggregate:
    running = [t for t in deaths.totals if t.kind == "running"]
    total = running[-1] if running else deaths.totals[0]
    if deaths.value > 0 or total.relative:
        kind = AggregateKind.IN_PASSING
    else:
        kind = AggregateKind.RUNNING_TOTAL if running else AggregateKind.MULTI_DAY
    fig = total.figure
    qualifier = fig.qualifier
    if qualifier is None and total.kind == "running" and _CUMULATIVE.search(sentence_text.lower()):
        qualifier = "cumulative"
    subject = _subject(sentence_text)
    return Aggregate(kind, fig.value, qualifier, subject, _unit(subject), fig.start, fig.end)


def _counted_total(sentence_text: str) -> Aggregate | None:
    """A total of something other than deaths: arrests, displaced, drones shot down."""
    ws = words(sentence_text)
    scope = scope_of(ws)
    counted = phrases("aggregates", "counted")
    if scope is None or not any(match_at(ws, i, counted) for i in range(len(ws))):
        return None  # "hundreds of people marched ... since August": a crowd, not a total
    agg = lexicon()["aggregates"]
    spans = {*agg["multi_day_units"], *agg["years"]}
    figures = []
    for f in find_figures(sentence_text):
        after = next((w.text for w in ws if w.start >= f.end), "")
        year = 1900 <= f.value <= 2100 and sentence_text[f.start : f.end].isdigit()
        if f.value >= 1 and after not in spans and not year:
            figures.append(f)  # not the "3" of "the last 3 days", nor a year ("2,000" is none)
    if not figures:
        return None
    kind = AggregateKind.RUNNING_TOTAL if scope == "running" else AggregateKind.MULTI_DAY
    fig = figures[-1] if kind is AggregateKind.RUNNING_TOTAL else figures[0]
    qualifier = fig.qualifier
    if kind is AggregateKind.RUNNING_TOTAL and qualifier is None:
        qualifier = "cumulative" if _CUMULATIVE.search(sentence_text.lower()) else None
    subject = _subject(sentence_text)
    return Aggregate(kind, fig.value, qualifier, subject, _unit(subject), fig.start, fig.end)
