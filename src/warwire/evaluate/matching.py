"""Pairing predicted events with gold events of one article, the way the product is judged.

The rule is ``../shared/tools/score_real.py``'s, reimplemented so the product
can measure itself in-process; both must print the same headline figures.

A prediction and a gold event are *candidates* when the predicted day lies in
the gold date window widened by a day each side and either their event types
are of one family (political violence, demonstrations, strategic
developments) or the places lie within 50 km (an unknown coordinate only fails
the distance test). Candidates are taken greedily, best first: same sub-event
type, then place band (25 km, 50 km, further or unknown), then rounded
distance, same event type, day inside the window, required before optional
gold; each prediction and each gold event is used once.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import click

from warwire.errors import InputError
from warwire.evaluate.common import Record, day, haversine_km, number

MATCH_KM = 50.0
PLACE_KM = 25.0
FAMILY = {
    "Battles": "political violence",
    "Explosions/Remote violence": "political violence",
    "Violence against civilians": "political violence",
    "Protests": "demonstrations",
    "Riots": "demonstrations",
    "Strategic developments": "strategic developments",
}


@dataclass(slots=True)
class Gold:
    """A gold file: events per article, negative articles, aggregate values per article."""

    events: dict[str, list[Record]] = field(default_factory=lambda: defaultdict(list))
    negatives: set[str] = field(default_factory=set)
    aggregates: dict[str, set[int]] = field(default_factory=lambda: defaultdict(set))

    def article_ids(self) -> set[str]:
        return set(self.events) | self.negatives | set(self.aggregates)


def read_jsonl(path: Path, strict: bool = True) -> list[Record]:
    """JSON objects, one a line. Not ``strict``: a bad line is noted on stderr and skipped."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(str(path), "unreadable", f"cannot read: {exc}") from exc
    rows = []
    for number_, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            if not isinstance(row, dict):
                raise ValueError("line is not a JSON object")
        except ValueError as exc:
            error = InputError(f"{path}:{number_}", "malformed", str(exc))
            if strict:
                raise error from exc
            click.echo(f"warwire: {error}", err=True)
            continue
        rows.append(row)
    return rows


def gold_from_rows(rows: list[Record]) -> Gold:
    gold = Gold()
    for row in rows:
        aid = str(row.get("article_id", ""))
        if row.get("negative"):
            gold.negatives.add(aid)
        elif row.get("aggregate"):
            value = number(row.get("value"))
            if value is not None:
                gold.aggregates[aid].add(int(value))
        else:
            gold.events[aid].append(row)
    return gold


# ---------------------------------------------------------------- field tests


def gold_points(g: Record) -> list[tuple[float, float]]:
    """The gold coordinates and any accepted alternatives."""
    pairs = [(g.get("latitude"), g.get("longitude")), *(g.get("alt_coords") or [])]
    points = []
    for pair in pairs:
        lat, lon = number(pair[0]), number(pair[1])
        if lat is not None and lon is not None:
            points.append((lat, lon))
    return points


def distance_km(p: Record, g: Record) -> float | None:
    """Kilometres from the prediction to the nearest gold point; None when either lacks one."""
    lat, lon = number(p.get("latitude")), number(p.get("longitude"))
    points = gold_points(g)
    if lat is None or lon is None or not points:
        return None
    return min(haversine_km(lat, lon, a, b) for a, b in points)


def window(g: Record) -> tuple[date | None, date | None]:
    first, last = g.get("date_window") or [g.get("event_date"), g.get("event_date")]
    return day(first), day(last)


def in_window(p: Record, g: Record, slack_days: int = 1) -> bool:
    when = day(p.get("event_date"))
    first, last = window(g)
    if when is None or first is None or last is None:
        return False
    slack = timedelta(days=slack_days)
    return first - slack <= when <= last + slack


def subtype_ok(p: Record, g: Record) -> bool:
    accepted = {g.get("sub_event_type"), *(g.get("sub_event_type_alt") or [])}
    return p.get("sub_event_type") in accepted


def fatalities_ok(p: Record, g: Record) -> bool | None:
    """Predicted fatalities equal the gold figure or an accepted alternative; None without gold."""
    if g.get("fatalities") is None:
        return None
    try:
        predicted = int(p.get("fatalities") or 0)
    except (TypeError, ValueError):
        predicted = -1
    accepted = {int(g["fatalities"]), *(int(x) for x in g.get("fatalities_alt") or [])}
    return predicted in accepted


def is_candidate(p: Record, g: Record) -> bool:
    if not in_window(p, g):
        return False
    family = FAMILY.get(p.get("event_type") or "")
    if family and family == FAMILY.get(g.get("event_type") or ""):
        return True
    km = distance_km(p, g)
    return km is not None and km <= MATCH_KM


def rank(p: Record, g: Record) -> tuple[Any, ...]:
    """Sort key of a candidate pair: lower is better."""
    km = distance_km(p, g)
    near = km is not None and km <= MATCH_KM
    band = 2 if not near else (0 if km <= PLACE_KM else 1)  # type: ignore[operator]
    return (
        not subtype_ok(p, g),
        band,
        round(km) if near else 0,  # type: ignore[arg-type]
        p.get("event_type") != g.get("event_type"),
        not in_window(p, g, slack_days=0),
        bool(g.get("optional")),
        km if km is not None else 1e9,
    )


def match_article(
    preds: list[Record], golds: list[Record]
) -> tuple[list[tuple[int, int]], list[int]]:
    """Greedy best-first pairs (prediction index, gold index) and the duplicate predictions.

    A duplicate is an unpaired prediction that is a candidate for a gold event
    some other prediction already took.
    """
    ranked = sorted(
        (rank(p, g), pi, gi)
        for pi, p in enumerate(preds)
        for gi, g in enumerate(golds)
        if is_candidate(p, g)
    )
    taken_p: set[int] = set()
    taken_g: set[int] = set()
    pairs = []
    for _, pi, gi in ranked:
        if pi not in taken_p and gi not in taken_g:
            taken_p.add(pi)
            taken_g.add(gi)
            pairs.append((pi, gi))
    duplicates = [
        pi
        for pi, p in enumerate(preds)
        if pi not in taken_p and any(is_candidate(p, golds[gi]) for gi in taken_g)
    ]
    return pairs, duplicates
