"""Alerts, each with the rule that fired it; thresholds live in ``data/report_alerts.yaml``.

The fatalities rule follows HDX Signals: the last 30 days' fatalities against
every earlier 30-day run in the past one or three years. A level needs that
much history, so a young database does not call its first month a record.
"""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta
from typing import Any

from warwire.errors import ConfigError
from warwire.knowledge import data_mapping
from warwire.report.figures import fatalities, ids
from warwire.report.gather import ReportData
from warwire.report.model import Alert, Figure

RULES_FILE = "report_alerts.yaml"


def rules() -> dict[str, Any]:
    return data_mapping(RULES_FILE)


def _setting(rule: dict[str, Any], name: str) -> Any:
    if name not in rule:
        raise ConfigError(f"data/{RULES_FILE}: missing {name!r}")
    return rule[name]


def rolling_highs(daily: Counter[date], end: date, days: int, years: int) -> int | None:
    """The highest ``days``-day total ending in the ``years`` years before the current run.

    ``None`` when the history does not reach back that far.
    """
    if not daily or min(daily) > end - timedelta(days=365 * years):
        return None
    first = end - timedelta(days=365 * years)
    last = end - timedelta(days=days)  # runs ending before the current one starts
    one = timedelta(days=1)
    total = sum(daily.get(first - d * one, 0) for d in range(days))  # the run ending on first
    best, day = total, first
    while day < last:
        day += one
        total += daily.get(day, 0) - daily.get(day - days * one, 0)
        best = max(best, total)
    return best


def fatality_alert(data: ReportData, rule: dict[str, Any]) -> Alert | None:
    days, minimum = int(_setting(rule, "days")), int(_setting(rule, "minimum"))
    end = data.spec.until
    daily: Counter[date] = Counter()
    for r in data.history:
        if r.get("event_date"):
            daily[date.fromisoformat(r["event_date"])] += fatalities(r)
    recent = data.between(end - timedelta(days=days - 1), end)
    total = sum(fatalities(r) for r in recent)
    if total < minimum:
        return None
    for level in _setting(rule, "levels"):
        years = int(level["years"])
        high = rolling_highs(daily, end, days, years)
        if high is not None and total > high:
            return Alert(
                "fatalities_high", str(level["level"]),
                f"{total} fatalities in the {days} days to {end}: the highest in {years} "
                f"year{'s' if years > 1 else ''} (previous high {high}).",
                f"{days}-day fatalities above every {days}-day total of the previous {years} "
                f"year(s), and at least {minimum}",
                ids(r for r in recent if fatalities(r) > 0),
            )  # fmt: skip
    return None


def surge_alert(events: Figure, rule: dict[str, Any]) -> Alert | None:
    minimum = int(_setting(rule, "minimum_events"))
    threshold = float(_setting(rule, "minimum_change_pct"))
    change = events.trend.change_pct
    if events.value < minimum or (change is not None and change <= threshold):
        return None
    shown = "no events in the baseline" if change is None else f"{change:+.0f}%"
    return Alert(
        "events_surge", "medium",
        f"{events.value} events against a baseline of {events.trend.baseline:g} ({shown}).",
        f"events above the baseline by more than {threshold:g}%, and at least {minimum}",
        events.event_ids,
    )  # fmt: skip


def alerts(data: ReportData, events: Figure) -> list[Alert]:
    config = rules()
    found = [fatality_alert(data, config["fatalities_high"]),
             surge_alert(events, config["events_surge"])]  # fmt: skip
    return [a for a in found if a is not None]
