"""Aggregate statements: running totals, regional tolls, multi-day counts.

"The death toll reached 311" or "13 drones shot down during the last 3 days"
describe many happenings at once; ACLED never adds them to one event's
fatalities. They become standalone :class:`~warwire.types.Claim` records with
a :class:`~warwire.types.Quantity`. Multi-day counts may still anchor an event
(coded at week precision); running totals never do.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from warwire.extract.numbers import find_figures


class AggregateKind(StrEnum):
    RUNNING_TOTAL = "running_total"  # claim only
    MULTI_DAY = "multi_day"  # claim, and the happening may still be an event


_RUNNING = re.compile(
    r"\b(total (?:number|of)|death toll|"
    r"toll (?:rose|reached|climbed|stands|stood|has risen)|"
    r"(?:has|have|had) reached|reached \d|risen to|rose to|so far|to date|"
    r"since the (?:start|beginning|outbreak)|"
    r"in recent (?:clashes|fighting|weeks|months|days|battles)|"
    r"overall|cumulative|in total|altogether|"
    r"this year|between \d{1,2}(?: [a-z]+)? and \d{1,2} [a-z]+|"
    r"from \d{1,2}(?: [a-z]+)? to \d{1,2} "
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*|"
    r"since (?:january|february|march|april|may|june|july|august|september|october|"
    r"november|december|\d{4})|"
    r"number of [\w\s-]+ (?:killed|dead|injured|wounded) [\w\s']*"
    r"(?:is|was|has|reached|stood|stands))\b"
)
# "the death toll from Sunday's car bombing rose to 21": one event's updated figure
_SINGLE_TOLL = re.compile(
    r"\btoll (?:from|of|in) (?:the|this|that|[a-z]+day's|yesterday's|last night's|[a-z]+'s)\s+"
    r"(?:[\w-]+\s+){0,3}?(?:attack|bombing|bomb|blast|explosion|strike|air ?strike|ambush|raid|"
    r"massacre|shelling|clash|clashes|shooting|assault|fire|stampede|crash)\b"
)
_MANY_EVENTS = re.compile(
    r"\b(?:since|this year|in recent|overall|cumulative|in total|total number|so far this|"
    r"over the (?:past|last)|during the (?:past|last)|across)\b"
)
_MULTI_DAY = re.compile(
    r"\b((?:during|over|in) the (?:last|past) (?:\d+|two|three|four|five|six|seven|several|few) "
    r"(?:days|weeks|months)|(?:during|over|in) the (?:last|past) (?:week|month|weekend)|"
    r"past (?:\d+|two|three|several) days|last week|this week|over the weekend)\b"
)
_SUBJECT = re.compile(
    r"(?:number of|toll (?:of|among))\s+"
    r"(?P<s>[\w\s'-]+?(?:killed|dead|died|injured|wounded|detained|"
    r"arrested|displaced|abducted)(?:\s+(?:or|and)\s+(?:injured|wounded|killed))?)\b"
)
_COUNTED = re.compile(
    r"\b(?P<v>shot down|intercepted|destroyed|killed|captured|arrested|downed)\s+(?P<s>[\w\s-]+?)"
    r"(?=\s+(?:during|over|in the)\b)"
)


_COUNTED_WORDS = re.compile(
    r"\b(killed|dead|died|deaths?|fatalities|casualties|toll|injured|wounded|hurt|"
    r"displaced|fled|abducted|kidnapped|arrested|detained|shot down|intercepted|downed|"
    r"destroyed|captured|victims|bodies|lives)\b"
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
    if not subject:
        return "people"
    lowered = subject.lower()
    for word, unit in (
        ("drone", "drones"),
        ("aerial vehicle", "drones"),
        ("aircraft", "aircraft"),
        ("tank", "tanks"),
        ("missile", "missiles"),
        ("vehicle", "vehicles"),
    ):
        if word in lowered:
            return unit
    return "people"


def find_aggregate(sentence_text: str) -> Aggregate | None:
    """The aggregate statement in a sentence, or None when it reports single happenings."""
    lowered = sentence_text.lower()
    running = _RUNNING.search(lowered)
    multi = _MULTI_DAY.search(lowered)
    if not running and not multi:
        return None
    if _SINGLE_TOLL.search(lowered) and not _MANY_EVENTS.search(lowered):
        return None  # one event's revised toll: its fatalities, not a running total
    if not _COUNTED_WORDS.search(lowered):
        return None  # "hundreds of people marched ... since August": a crowd, not a toll
    kind = AggregateKind.RUNNING_TOTAL if running else AggregateKind.MULTI_DAY
    figures = [f for f in find_figures(sentence_text) if f.value >= 1]
    # ignore the "3" of "the last 3 days" and years
    cue = multi or running
    assert cue is not None
    figures = [
        f
        for f in figures
        if not (multi and multi.start() <= f.start < multi.end()) and not 1900 <= f.value <= 2100
    ]
    if not figures:
        return None
    subject_match = _SUBJECT.search(sentence_text)
    subject = subject_match.group("s").strip() if subject_match else None
    counted = _COUNTED.search(sentence_text)
    if subject is None and counted:
        words = counted.group("s").split()
        subject = " ".join(w for w in words if not w.isdigit()).strip() + f" {counted.group('v')}"
    figure = figures[-1] if kind is AggregateKind.RUNNING_TOTAL else figures[0]
    qualifier = figure.qualifier
    if (
        kind is AggregateKind.RUNNING_TOTAL
        and qualifier is None
        and re.search(r"\b(reached|rose to|risen to|climbed to|so far|to date|since)\b", lowered)
    ):
        qualifier = "cumulative"
    return Aggregate(
        kind, figure.value, qualifier, subject, _unit(subject), figure.start, figure.end
    )
