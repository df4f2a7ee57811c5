"""Key figures, trends, rankings and contested figures from the gathered records.

Trend bands are ACLED Trendfinder's: above +25% a large increase, +10% to
+25% a moderate one, -25% to +10% limited change, below -25% a large
decrease. Fatalities are the stored (most conservative) figures; the claimed
range beside them runs from those to the highest figure any claimant asserted.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from datetime import date, timedelta

from warwire.report.gather import ReportData
from warwire.report.model import BANDS, Figure, Ranked, Trend, Week
from warwire.store.base import Record

Select = Callable[[Record], bool]


def band_of(change_pct: float | None, current: int) -> str:
    if change_pct is None:
        return BANDS[0] if current > 0 else BANDS[2]
    if change_pct > 25:
        return BANDS[0]
    if change_pct >= 10:
        return BANDS[1]
    if change_pct >= -25:
        return BANDS[2]
    return BANDS[3]


def trend(current: int, baseline_total: float, scale: float) -> Trend:
    """``current`` against ``baseline_total`` scaled by ``scale`` (window days / baseline days)."""
    expected = baseline_total * scale
    change = None if expected == 0 else (current - expected) / expected * 100
    return Trend(current, round(expected, 1), None if change is None else round(change, 1),
                 band_of(change, current))  # fmt: skip


def ids(records: Iterable[Record]) -> tuple[str, ...]:
    return tuple(r["event_id"] for r in records)


def fatalities(record: Record) -> int:
    return int(record.get("fatalities") or 0)


def highest_claimed(record: Record) -> int:
    """The highest death toll any claimant asserted for the event (the stored one if none)."""
    figures = [fatalities(record)]
    figures += [int(c["fatalities"]) for c in record.get("claims", [])
                if c.get("fatalities") and c.get("polarity", "asserted") == "asserted"]  # fmt: skip
    return max(figures)


class Figures:
    """Computes the figures of one :class:`ReportData`."""

    def __init__(self, data: ReportData) -> None:
        spec = data.spec
        self.data = data
        self.baseline = data.between(spec.baseline_since, spec.baseline_until)
        self.scale = spec.days / (spec.baseline_weeks * 7)

    def count(self, key: str, label: str, select: Select) -> Figure:
        found = [r for r in self.data.events if select(r)]
        before = sum(1 for r in self.baseline if select(r))
        return Figure(key, label, len(found), ids(found), trend(len(found), before, self.scale))

    def key_figures(self) -> list[Figure]:
        events = self.data.events
        dead = sum(fatalities(r) for r in events)
        high = sum(highest_claimed(r) for r in events)
        killing = [r for r in events if fatalities(r) > 0]
        before = sum(fatalities(r) for r in self.baseline)
        note = f"claimed {dead}–{high}" if high != dead else ""
        return [
            self.count("events", "Events", lambda r: True),
            Figure("fatalities", "Fatalities (most conservative)", dead, ids(killing),
                   trend(dead, before, self.scale), note),
            self.count("civilian", "Civilian-targeting events",
                       lambda r: bool(r.get("civilian_targeting"))),
        ]  # fmt: skip

    def type_figures(self) -> list[Figure]:
        kinds = sorted({r["event_type"] for r in [*self.data.events, *self.baseline]})
        return [self.count(f"type:{k}", k, _of_type(k)) for k in kinds]

    def admin1_trends(self) -> list[tuple[str, Trend, tuple[str, ...]]]:
        now: dict[str, list[Record]] = defaultdict(list)
        for r in self.data.events:
            now[r.get("admin1") or "unknown"].append(r)
        before = Counter(r.get("admin1") or "unknown" for r in self.baseline)
        names = sorted(set(now) | set(before))
        rows = [(n, trend(len(now[n]), before[n], self.scale), ids(now[n])) for n in names]
        return sorted(rows, key=lambda row: (-row[1].current, row[0]))


def _of_type(kind: str) -> Select:
    return lambda record: bool(record["event_type"] == kind)


def actor_names(record: Record) -> list[str]:
    names = [record.get("actor1"), record.get("actor2")]
    return list(dict.fromkeys(n for n in names if n))


def ranked(found: list[Record], keys: Callable[[Record], list[str]], top: int) -> list[Ranked]:
    by_name: dict[str, list[str]] = defaultdict(list)
    for r in found:
        for name in keys(r):
            by_name[name].append(r["event_id"])
    order = sorted(by_name.items(), key=lambda kv: (-len(kv[1]), kv[0].casefold()))
    return [Ranked(name, tuple(event_ids)) for name, event_ids in order[:top]]


def place_name(record: Record) -> list[str]:
    name = record.get("location")
    if not name:
        return []
    region = record.get("admin1")
    return [f"{name} ({region})" if region and region != name else str(name)]


def new_actors(data: ReportData) -> list[Ranked]:
    """Actors of the window not seen in the history before it (up to three years back)."""
    seen = {n for r in data.between(date.min, data.spec.since - timedelta(days=1))
            for n in actor_names(r)}  # fmt: skip
    fresh = [r for r in data.events if set(actor_names(r)) - seen]
    found = ranked(fresh, lambda r: [n for n in actor_names(r) if n not in seen], 50)
    return found


def contested(found: list[Record]) -> list[Record]:
    """Events whose claimants disagree: different death tolls, or one side denies."""
    out = []
    for r in found:
        claims = r.get("claims", [])
        tolls = {c["fatalities"] for c in claims if c.get("fatalities") is not None}
        stances = {c.get("polarity") for c in claims}
        if len(tolls) > 1 or ("denied" in stances and len(stances) > 1):
            out.append(r)
    return sorted(out, key=lambda r: (-highest_claimed(r), r["event_id"]))


def weekly(data: ReportData, weeks: int = 52) -> list[Week]:
    """Events and fatalities by type in each of the ``weeks`` weeks ending with the window."""
    end = data.spec.until
    events: list[Counter[str]] = [Counter() for _ in range(weeks)]
    dead: list[Counter[str]] = [Counter() for _ in range(weeks)]
    for r in data.history:  # one pass: week 0 is the last, ending on the window's last day
        if not r.get("event_date"):
            continue
        back = (end - date.fromisoformat(r["event_date"])).days // 7
        if 0 <= back < weeks:
            events[back][r["event_type"]] += 1
            dead[back][r["event_type"]] += fatalities(r)
    return [Week(end - timedelta(weeks=back), dict(events[back]), dict(dead[back]))
            for back in range(weeks - 1, -1, -1)]  # fmt: skip
