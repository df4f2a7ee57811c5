"""The report as plain records: computed once, rendered to HTML, Markdown and PDF.

Every number carries the ids of the events it counts, so each format can link
it to the evidence appendix; renderers format, they never compute.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from warwire.report.gather import SourceCount
from warwire.report.spec import ReportSpec
from warwire.store.base import Record

#: Trendfinder's four bands, in the order a legend lists them
BANDS = ("large increase", "moderate increase", "limited change", "large decrease")


@dataclass(frozen=True, slots=True)
class Trend:
    """A window's value against its baseline (the baseline's average, scaled to the window)."""

    current: int
    baseline: float
    change_pct: float | None  # None when the baseline is zero
    band: str


@dataclass(frozen=True, slots=True)
class Figure:
    """One key figure: its value, the events it counts and its change against the baseline."""

    key: str
    label: str
    value: int
    event_ids: tuple[str, ...]
    trend: Trend
    note: str = ""


@dataclass(frozen=True, slots=True)
class Ranked:
    """An actor or place with the events it appears in."""

    name: str
    event_ids: tuple[str, ...]

    @property
    def count(self) -> int:
        return len(self.event_ids)


@dataclass(frozen=True, slots=True)
class Highlight:
    text: str
    event_ids: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Alert:
    """An alert and the rule that fired it, worded so a reader can check it."""

    rule: str
    level: str
    message: str
    rule_text: str
    event_ids: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Week:
    """One of the 52 weeks of the trend chart, ending on ``end``."""

    end: date
    events: dict[str, int]  # by event type
    fatalities: dict[str, int]  # by event type


@dataclass(frozen=True, slots=True)
class Report:
    spec: ReportSpec
    generated: datetime
    version: int
    cut_off: date | None
    sources: SourceCount
    figures: list[Figure]
    type_figures: list[Figure]
    admin1: list[tuple[str, Trend, tuple[str, ...]]]
    highlights: list[Highlight]
    actors: list[Ranked]
    places: list[Ranked]
    new_actors: list[Ranked]
    contested: list[Record]
    alerts: list[Alert]
    weeks: list[Week]
    events: list[Record]  # the window's events: the evidence appendix
    maps: dict[str, str] = field(default_factory=dict)  # name -> SVG text
    charts: dict[str, str] = field(default_factory=dict)

    def figure(self, key: str) -> Figure:
        return next(f for f in [*self.figures, *self.type_figures] if f.key == key)
