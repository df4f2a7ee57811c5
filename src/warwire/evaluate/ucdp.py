"""``warwire eval ucdp GED.csv``: how warwire reads the headlines UCDP coded.

Each UCDP GED row's ``source_headline`` field (HTML entities decoded first)
is split on ';' into headlines, each from its own source, and each headline is
a document of its own (a headline-only input), published on the first
``source_date`` (else ``date_start``) by its ``source_office`` (the first one
when the offices do not pair up with the headlines); the row's events are all
its documents' events. Many
rows hold no event report at all: :mod:`warwire.evaluate.ucdp_headlines` says
by shape alone which headlines cannot (report and bulletin titles, bare names
and codes, dates, incident numbers, and daily or multi-day running totals,
which ACLED's rules keep out of any one event). Detection is reported over all
rows and over the codeable rows (those with at least one headline that may
report an event); the other measures are among the detected codeable rows.
The event warwire is most confident of is compared with the row: country,
sides (predicted actor1/actor2 against side_a/side_b, loose token overlap)
and, for rows placed to the town (where_prec 1-2), whether it lies within
50 km of UCDP's point, and how the others fall short (no coordinates, the
country as a whole, another country). A row that is rejected or crashes is a miss; the
reasons are tallied, and ``--verbose`` prints a sample of missed and
misplaced codeable rows.
"""

from __future__ import annotations

import csv
import html
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
    part_option,
    place_faults,
    plain,
    predictions,
    ratio,
    run_documents,
)
from warwire.evaluate.split import Part, part_of
from warwire.evaluate.ucdp_headlines import headline_parts, non_english, not_codeable
from warwire.types import RawDocument

NEAR_KM = 50.0
PART = "#"  # a row's id, PART and the headline's index name one headline's document
REQUIRED = ("id", "source_headline", "side_a", "side_b", "country", "latitude", "longitude")


@dataclass(slots=True)
class UcdpReport:
    """Counts per measure, overall and per UCDP country; rates are derived."""

    rows: int = 0
    counts: Counter[str] = field(default_factory=Counter)
    by_country: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    failures: Counter[str] = field(default_factory=Counter)
    not_codeable: Counter[str] = field(default_factory=Counter)
    misses: list[str] = field(default_factory=list)
    misplaced: list[str] = field(default_factory=list)
    far: list[str] = field(default_factory=list)

    def rates(self) -> dict[str, float]:
        c = self.counts
        return {
            "detection": ratio(c["detected_all"], self.rows),
            "detection|codeable": ratio(c["detected"], c["codeable"]),
            "detection|non_english": ratio(c["non_english_detected"], c["non_english"]),
            "country|detected": ratio(c["country"], c["detected"]),
            "one_side|detected": ratio(c["one_side"], c["detected"]),
            "both_sides|detected": ratio(c["both_sides"], c["detected"]),
            "within_50km|detected_prec12": ratio(c["near"], c["prec12_detected"]),
            "no_coordinates|detected_prec12": ratio(c["place_none"], c["prec12_detected"]),
            "country_level|detected_prec12": ratio(c["place_country"], c["prec12_detected"]),
            "wrong_country|detected_prec12": ratio(c["place_wrong_country"], c["prec12_detected"]),
        }

    def as_dict(self) -> dict[str, Any]:
        out = plain(self)
        out.pop("misses", None)
        out.pop("misplaced", None)
        out.pop("far", None)
        out["rates"] = {k: round(v, 4) for k, v in self.rates().items()}
        return out


def split_field(value: str | None) -> list[str]:
    return [part.strip() for part in (value or "").split(";") if part.strip()]


def codeable_parts(row: Mapping[str, str]) -> list[str]:
    """The row's distinct headlines that may report an event."""
    return [p for p in headline_parts(row.get("source_headline")) if not_codeable(p) is None]


def why_not_codeable(row: Mapping[str, str]) -> str | None:
    """None for a codeable row; else what its headlines are ("no headline" when empty)."""
    parts = headline_parts(row.get("source_headline"))
    if not parts:
        return "no headline"
    kinds = [not_codeable(p) for p in parts]
    if None in kinds:
        return None
    return Counter(kinds).most_common(1)[0][0]


def read_rows(
    path: Path, limit: int | None = None, part: Part | None = None
) -> list[dict[str, str]]:
    """The rows of ``path`` (only those of ``part`` when given), at most ``limit``."""
    try:
        with path.open(newline="", encoding="utf-8-sig") as handle:
            reader = csv.DictReader(handle)
            missing = set(REQUIRED) - set(reader.fieldnames or ())
            if missing:
                raise InputError(str(path), "bad_gold", f"missing columns {sorted(missing)}")
            rows: list[dict[str, str]] = []
            for row in reader:
                if part is not None and part_of(row.get("id") or "") != part:
                    continue
                if limit is not None and len(rows) >= limit:
                    break
                rows.append(row)
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(str(path), "unreadable", f"cannot read: {exc}") from exc
    return rows


def documents_for(row: Mapping[str, str]) -> list[RawDocument]:
    """One headline-only document per distinct headline of the row."""
    published = next(filter(None, map(day, split_field(row.get("source_date")))), None)
    offices = split_field(row.get("source_office"))
    field = html.unescape(row.get("source_headline") or "")
    heads = [" ".join(h.split()) for h in field.split(";")]
    paired = dict(zip(heads, offices, strict=False)) if len(heads) == len(offices) else {}
    return [
        RawDocument(
            input_id=f"{row['id']}{PART}{n}",
            content=part,
            media_type="text",
            published=published or day(row.get("date_start")),
            publisher=paired.get(part) or next(iter(offices), None),
        )
        for n, part in enumerate(headline_parts(row.get("source_headline")))
    ]


SAMPLE = 30  # missed and misplaced rows --verbose prints, evenly spread over the file


def spread(lines: list[str], n: int = SAMPLE) -> list[str]:
    """``n`` lines evenly spaced over ``lines`` (all of them when fewer)."""
    if len(lines) <= n:
        return list(lines)
    return [lines[i * len(lines) // n] for i in range(n)]


def score_row(report: UcdpReport, row: Mapping[str, str], preds: list[Record]) -> None:
    """Add one row's outcome; ``preds`` are warwire's events for it (empty: a miss)."""
    where = report.by_country[row.get("country") or "?"]
    counts = report.counts
    report.rows += 1
    where["rows"] += 1
    counts["detected_all"] += bool(preds)
    reason = why_not_codeable(row)
    if reason is not None:
        report.not_codeable[reason] += 1
        return
    counts["codeable"] += 1
    where["codeable"] += 1
    foreign = all(non_english(p) for p in codeable_parts(row))
    counts["non_english"] += foreign
    counts["non_english_detected"] += foreign and bool(preds)
    precise = (row.get("where_prec") or "").strip() in {"1", "2"}
    counts["prec12"] += precise
    text = " | ".join(codeable_parts(row))[:160]
    if not preds:
        report.misses.append(f"  {row.get('country', '?')[:14]:14s} {text}")
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
    if precise:
        hits.update(place_faults(best, row.get("country")))
    for name, hit in hits.items():
        counts[name] += bool(hit)
        where[name] += bool(hit)
    if precise and not near:
        told = f"{best.get('location')} ({best.get('country')}, p{best.get('geo_precision')})"
        gold = row.get("where_coordinates") or "?"
        report.far.append(f"  {gold[:24]:24s} -> {told[:40]:40s} {text}")
    if not hits["country"]:
        told = f"{best.get('country')} ({best.get('location')})"
        report.misplaced.append(f"  {row.get('country', '?')[:14]:14s} -> {told[:36]:36s} {text}")


def run(
    path: Path,
    settings: Settings | None = None,
    limit: int | None = None,
    part: Part | None = None,
) -> UcdpReport:
    settings = settings or load_settings()
    rows = read_rows(path, limit, part)
    report = UcdpReport()
    docs = (doc for row in rows for doc in documents_for(row))
    outcomes: dict[str, list[Record]] = {}
    failed: dict[str, str] = {}
    for input_id, outcome in run_documents(docs, settings, quiet=True):
        row_id = input_id.rsplit(PART, 1)[0]
        if isinstance(outcome, str):
            failed.setdefault(row_id, outcome.split(" (")[0])
        else:
            outcomes.setdefault(row_id, []).extend(predictions(outcome))
    for row_id, reason in failed.items():
        if row_id not in outcomes:
            report.failures[reason] += 1
    for row in rows:
        score_row(report, row, outcomes.get(row["id"], []))
    return report


MEASURES = ("codeable", "detected", "country", "one_side", "both_sides", "prec12_detected", "near")
OWN_LINE_ROWS = 5  # countries with fewer rows are summed into one line


def _line(label: str, b: Mapping[str, int]) -> str:
    found, rows = b["detected"], b["codeable"]
    return (
        f"  {label[:26]:26s} rows={b['rows']:5d} codeable={rows:5d} "
        f"detected={ratio(found, rows):.3f} country={ratio(b['country'], found):.3f} "
        f"one_side={ratio(b['one_side'], found):.3f} both={ratio(b['both_sides'], found):.3f} "
        f"50km={ratio(b['near'], b['prec12_detected']):.3f} (n={b['prec12_detected']})"
    )


def _tally(counts: Counter[str]) -> str:
    return "; ".join(f"{k} x{n}" for k, n in counts.most_common() if n) or "none"


def render(report: UcdpReport, verbose: bool = False) -> str:
    c, r = report.counts, report.rates()
    lines = ["per UCDP country (detection among codeable rows; the rest among detected rows):"]
    ranked = sorted(report.by_country.items(), key=lambda kv: (-kv[1]["rows"], kv[0]))
    rest: Counter[str] = Counter()
    for name, b in ranked:
        if b["rows"] >= OWN_LINE_ROWS:
            lines.append(_line(name, b))
        else:
            rest.update({k: b[k] for k in ("rows", *MEASURES)})
    if rest:
        lines.append(_line(f"({len(ranked) - len(lines) + 1} others)", rest))
    if verbose:
        lines.append(f"missed codeable rows ({len(report.misses)}; a sample):")
        lines.extend(spread(report.misses))
        lines.append(f"rows in another country ({len(report.misplaced)}; a sample):")
        lines.extend(spread(report.misplaced))
        lines.append(
            f"town-level rows placed over {NEAR_KM:.0f} km away ({len(report.far)}; a sample):"
        )
        lines.extend(spread(report.far))
    lines.append(
        f"rows without a codeable headline: {sum(report.not_codeable.values())} "
        f"({_tally(report.not_codeable)})"
    )
    lines.append(
        f"rows without an analysed document: {sum(report.failures.values())} "
        f"({_tally(report.failures)})"
    )
    lines.append(
        f"non-English codeable rows: {c['non_english']} (detected {r['detection|non_english']:.3f})"
    )
    lines.append(f"ucdp all rows: rows={report.rows} detection={r['detection']:.3f}")
    lines.append(
        f"ucdp codeable: rows={c['codeable']} detection={r['detection|codeable']:.3f} "
        f"country|detected={r['country|detected']:.3f} "
        f"one_side|detected={r['one_side|detected']:.3f} "
        f"both_sides|detected={r['both_sides|detected']:.3f} "
        f"within_50km|detected,where_prec1-2={r['within_50km|detected_prec12']:.3f} "
        f"(n={c['prec12_detected']} of {c['prec12']})"
    )
    lines.append(
        f"ucdp place, detected where_prec1-2 (n={c['prec12_detected']}): "
        f"within {NEAR_KM:.0f} km={r['within_50km|detected_prec12']:.3f} "
        f"no_coordinates={r['no_coordinates|detected_prec12']:.3f} "
        f"country_level={r['country_level|detected_prec12']:.3f} "
        f"wrong_country={r['wrong_country|detected_prec12']:.3f}"
    )
    return "\n".join(lines)


@click.command("ucdp")
@click.argument("gold", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--limit", type=click.IntRange(min=1), help="Score only the first N rows.")
@click.option("--format", "fmt", type=click.Choice(("text", "json")), default="text")
@part_option
@click.option("--verbose", is_flag=True, help="Also print a sample of missed and misplaced rows.")
def ucdp_eval_command(
    gold: Path, limit: int | None, fmt: str, part: Part | None, verbose: bool
) -> None:
    """Score warwire on UCDP GED rows' source headlines (detection, country, sides, place)."""
    from warwire.cli.errors import friendly_errors

    @friendly_errors
    def go() -> None:
        report = run(gold, limit=limit, part=part)
        text = json.dumps(report.as_dict(), indent=2) if fmt == "json" else render(report, verbose)
        click.echo(text)

    go()
