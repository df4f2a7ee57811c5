"""``warwire eval ucdp GED.csv``: how warwire reads the headlines UCDP coded.

Each UCDP GED row becomes one short document: its ``source_headline`` field
(several headlines joined by ';'; all non-empty ones are kept, one paragraph
each, since they are reports of the same event and one is often only a date
or a name), published on the first ``source_date`` (else ``date_start``).
The event warwire is most confident of is compared with the row: detection
(any event at all), country, sides (predicted actor1/actor2 against
side_a/side_b, loose token overlap) and, for rows placed to the town
(where_prec 1-2), whether it lies within 50 km of UCDP's point. A row that is
rejected or crashes is a miss; the reasons are tallied, not printed per row.
"""

from __future__ import annotations

import csv
import json
from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import click

from warwire.config import Settings, load_settings
from warwire.errors import InputError
from warwire.evaluate.common import (
    Record,
    actor_match_loose,
    country_key,
    day,
    haversine_km,
    number,
    plain,
    predictions,
    ratio,
    run_documents,
)
from warwire.types import RawDocument

NEAR_KM = 50.0
REQUIRED = ("id", "source_headline", "side_a", "side_b", "country", "latitude", "longitude")


@dataclass(slots=True)
class UcdpReport:
    """Counts per measure, overall and per UCDP country; rates are derived."""

    rows: int = 0
    counts: Counter[str] = field(default_factory=Counter)
    by_country: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    failures: Counter[str] = field(default_factory=Counter)

    def rates(self) -> dict[str, float]:
        c = self.counts
        return {
            "detection": ratio(c["detected"], self.rows),
            "country|detected": ratio(c["country"], c["detected"]),
            "one_side|detected": ratio(c["one_side"], c["detected"]),
            "both_sides|detected": ratio(c["both_sides"], c["detected"]),
            "within_50km|detected_prec12": ratio(c["near"], c["prec12_detected"]),
        }

    def as_dict(self) -> dict[str, Any]:
        out = plain(self)
        out["rates"] = {k: round(v, 4) for k, v in self.rates().items()}
        return out


def split_field(value: str | None) -> list[str]:
    return [part.strip() for part in (value or "").split(";") if part.strip()]


def headline_text(row: Mapping[str, str]) -> str:
    """The row's distinct non-empty headlines, one paragraph each."""
    return "\n\n".join(dict.fromkeys(split_field(row.get("source_headline"))))


def read_rows(path: Path, limit: int | None = None) -> list[dict[str, str]]:
    try:
        with path.open(newline="", encoding="utf-8-sig") as handle:
            reader = csv.DictReader(handle)
            missing = set(REQUIRED) - set(reader.fieldnames or ())
            if missing:
                raise InputError(str(path), "bad_gold", f"missing columns {sorted(missing)}")
            rows: list[dict[str, str]] = []
            for row in reader:
                if limit is not None and len(rows) >= limit:
                    break
                rows.append(row)
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(str(path), "unreadable", f"cannot read: {exc}") from exc
    return rows


def document_for(row: Mapping[str, str]) -> RawDocument:
    published = next(filter(None, map(day, split_field(row.get("source_date")))), None)
    return RawDocument(
        input_id=row["id"],
        content=headline_text(row),
        media_type="text",
        published=published or day(row.get("date_start")),
        publisher=next(iter(split_field(row.get("source_office"))), None),
    )


def score_row(report: UcdpReport, row: Mapping[str, str], preds: list[Record]) -> None:
    """Add one row's outcome; ``preds`` are warwire's events for it (empty: a miss)."""
    where = report.by_country[row.get("country") or "?"]
    counts = report.counts
    report.rows += 1
    where["rows"] += 1
    precise = (row.get("where_prec") or "").strip() in {"1", "2"}
    if not preds:
        return
    best = max(preds, key=lambda p: number(p.get("confidence")) or 0.0)
    a1, a2 = best.get("actor1"), best.get("actor2")
    side_a, side_b = row.get("side_a"), row.get("side_b")
    lat, lon = number(best.get("latitude")), number(best.get("longitude"))
    glat, glon = number(row.get("latitude")), number(row.get("longitude"))
    near = (
        lat is not None
        and lon is not None
        and glat is not None
        and glon is not None
        and haversine_km(lat, lon, glat, glon) <= NEAR_KM
    )
    hits = {
        "detected": True,
        "country": country_key(best.get("country")) == country_key(row.get("country")),
        "one_side": any(actor_match_loose(a, [side_a, side_b]) for a in (a1, a2)),
        "both_sides": (actor_match_loose(a1, [side_a]) and actor_match_loose(a2, [side_b]))
        or (actor_match_loose(a1, [side_b]) and actor_match_loose(a2, [side_a])),
        "prec12_detected": precise,
        "near": precise and near,
    }
    for name, hit in hits.items():
        counts[name] += bool(hit)
        where[name] += bool(hit)


def run(path: Path, settings: Settings | None = None, limit: int | None = None) -> UcdpReport:
    settings = settings or load_settings()
    rows = read_rows(path, limit)
    report = UcdpReport()
    report.counts["prec12"] = sum((r.get("where_prec") or "").strip() in {"1", "2"} for r in rows)
    with_text = [r for r in rows if headline_text(r)]
    report.failures["no headline"] = len(rows) - len(with_text)
    outcomes: dict[str, list[Record]] = {}
    for input_id, outcome in run_documents(map(document_for, with_text), settings, quiet=True):
        if isinstance(outcome, str):
            report.failures[outcome.split(" (")[0]] += 1
        else:
            outcomes[input_id] = predictions(outcome)
    for row in rows:
        score_row(report, row, outcomes.get(row["id"], []))
    return report


MEASURES = ("detected", "country", "one_side", "both_sides", "prec12_detected", "near")
OWN_LINE_ROWS = 5  # countries with fewer rows are summed into one line


def _line(label: str, b: Mapping[str, int]) -> str:
    found, rows = b["detected"], b["rows"]
    return (
        f"  {label[:26]:26s} rows={rows:5d} detected={ratio(found, rows):.3f} "
        f"country={ratio(b['country'], found):.3f} one_side={ratio(b['one_side'], found):.3f} "
        f"both={ratio(b['both_sides'], found):.3f} "
        f"50km={ratio(b['near'], b['prec12_detected']):.3f} (n={b['prec12_detected']})"
    )


def render(report: UcdpReport) -> str:
    c, r = report.counts, report.rates()
    lines = ["per UCDP country (country, sides and 50 km among detected rows):"]
    ranked = sorted(report.by_country.items(), key=lambda kv: (-kv[1]["rows"], kv[0]))
    rest: Counter[str] = Counter()
    for name, b in ranked:
        if b["rows"] >= OWN_LINE_ROWS:
            lines.append(_line(name, b))
        else:
            rest.update({k: b[k] for k in ("rows", *MEASURES)})
    if rest:
        lines.append(_line(f"({len(ranked) - len(lines) + 1} others)", rest))
    failed = sum(report.failures.values())
    reasons = "; ".join(f"{k} x{n}" for k, n in report.failures.most_common(4) if n)
    lines.append(f"rows without an analysed document: {failed} ({reasons or 'none'})")
    lines.append(
        f"ucdp: rows={report.rows} detection={r['detection']:.3f} "
        f"country|detected={r['country|detected']:.3f} "
        f"one_side|detected={r['one_side|detected']:.3f} "
        f"both_sides|detected={r['both_sides|detected']:.3f} "
        f"within_50km|detected,where_prec1-2={r['within_50km|detected_prec12']:.3f} "
        f"(n={c['prec12_detected']} of {c['prec12']})"
    )
    return "\n".join(lines)


@click.command("ucdp")
@click.argument("gold", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--limit", type=click.IntRange(min=1), help="Score only the first N rows.")
@click.option("--format", "fmt", type=click.Choice(("text", "json")), default="text")
def ucdp_eval_command(gold: Path, limit: int | None, fmt: str) -> None:
    """Score warwire on UCDP GED rows' source headlines (detection, country, sides, place)."""
    from warwire.cli.errors import friendly_errors

    @friendly_errors
    def go() -> None:
        report = run(gold, limit=limit)
        click.echo(json.dumps(report.as_dict(), indent=2) if fmt == "json" else render(report))

    go()
