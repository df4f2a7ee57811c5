"""``warwire eval acled GOLD.csv``: how far to trust warwire on your own data.

Each gold row's ``notes`` is treated as a short report published on the row's
``event_date`` (ACLED notes start "On <date>, ..."; the date is the only
reference a relative expression can have). warwire's highest-confidence event
for the row is compared with the gold columns: event_type, sub_event_type,
event_date, latitude/longitude (within 25 km) and fatalities. For gold with
coordinates the report also says how the other places fall short: no
coordinates, the country as a whole, or another country.
"""

from __future__ import annotations

import csv
import hashlib
import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import click

from warwire.config import Settings
from warwire.errors import InputError
from warwire.evaluate.common import place_faults
from warwire.geodesy import haversine_km
from warwire.pipeline import Pipeline, analyse, default_pipeline
from warwire.serialize import event_record
from warwire.types import Analysis, Document, Source

NONE = "(none)"
PLACE_KM = 25.0


@dataclass(frozen=True, slots=True)
class GoldRow:
    row_id: str
    notes: str
    event_type: str
    sub_event_type: str | None = None
    event_date: date | None = None
    latitude: float | None = None
    longitude: float | None = None
    fatalities: int | None = None
    country: str | None = None


@dataclass(frozen=True, slots=True)
class RowResult:
    gold: GoldRow
    predicted_type: str = NONE
    predicted_sub_type: str = NONE
    predicted_date: date | None = None
    distance_km: float | None = None
    predicted_fatalities: int | None = None
    place_faults: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Report:
    rows: int
    detection_rate: float
    event_type_accuracy: float
    sub_event_type_accuracy: float
    weighted_f1: float
    place_within_25km: float | None
    date_accuracy: float | None
    fatalities_accuracy: float | None
    place_no_coordinates: float | None = None
    place_country_level: float | None = None
    place_wrong_country: float | None = None
    confusion: dict[str, dict[str, int]] = field(default_factory=dict)


def _optional(row: dict[str, str], column: str) -> str | None:
    value = (row.get(column) or "").strip()
    return value or None


def load_gold(path: Path) -> list[GoldRow]:
    """Read an ACLED-format CSV; only ``notes`` and ``event_type`` are required."""
    try:
        with path.open(newline="", encoding="utf-8-sig") as handle:
            reader = csv.DictReader(handle)
            columns = set(reader.fieldnames or ())
            missing = {"notes", "event_type"} - columns
            if missing:
                raise InputError(str(path), "bad_gold", f"missing columns {sorted(missing)}")
            rows = list(reader)
    except OSError as exc:
        raise InputError(str(path), "unreadable", exc.strerror or str(exc)) from exc
    gold = []
    for number, row in enumerate(rows, start=2):
        try:
            gold.append(_gold_row(row, number))
        except ValueError as exc:
            raise InputError(f"{path}:{number}", "bad_gold", str(exc)) from exc
    return gold


def _gold_row(row: dict[str, str], number: int) -> GoldRow:
    when = _optional(row, "event_date")
    lat, lon = _optional(row, "latitude"), _optional(row, "longitude")
    deaths = _optional(row, "fatalities")
    return GoldRow(
        row_id=_optional(row, "event_id_cnty") or str(number),
        notes=row["notes"].strip(),
        event_type=row["event_type"].strip(),
        sub_event_type=_optional(row, "sub_event_type"),
        event_date=date.fromisoformat(when) if when else None,
        latitude=float(lat) if lat else None,
        longitude=float(lon) if lon else None,
        fatalities=int(float(deaths)) if deaths else None,
        country=_optional(row, "country"),
    )


def _document(row: GoldRow) -> Document:
    digest = hashlib.sha256(f"{row.row_id}\n{row.notes}".encode()).hexdigest()[:24]
    return Document(
        doc_id=digest,
        input_id=row.row_id,
        text=row.notes,
        published=row.event_date,
        source=Source(publisher="gold notes"),
    )


def _row_result(row: GoldRow, analysis: Analysis) -> RowResult:
    if not analysis.events:
        return RowResult(gold=row)
    best = max(analysis.events, key=lambda e: e.confidence)
    record = event_record(best, lambda _doc: analysis.document.text)
    record["feature"] = best.place.feature if best.place else None
    faults = place_faults(record, row.country)
    distance = None
    lat, lon = record["latitude"], record["longitude"]
    if None not in (row.latitude, row.longitude, lat, lon):
        distance = haversine_km(row.latitude, row.longitude, lat, lon)  # type: ignore[arg-type]
    return RowResult(
        gold=row,
        predicted_type=best.event_type,
        predicted_sub_type=best.sub_event_type,
        predicted_date=best.when.event_date,
        distance_km=distance,
        predicted_fatalities=best.fatalities,
        place_faults=frozenset(name for name, hit in faults.items() if hit),
    )


def run_rows(rows: Sequence[GoldRow], pipeline: Pipeline, batch_size: int = 32) -> list[RowResult]:
    analyses = analyse((_document(r) for r in rows), pipeline, batch_size)
    return [
        _row_result(row, analysis)
        for row, analysis in zip(rows, analyses, strict=True)
        if isinstance(analysis, Analysis)
    ]


def _share(hits: Iterable[bool]) -> float | None:
    values = list(hits)
    return sum(values) / len(values) if values else None


def weighted_f1(pairs: Sequence[tuple[str, str]]) -> float:
    """F1 per gold class, weighted by its support; predictions of NONE never match."""
    gold_counts = Counter(g for g, _ in pairs)
    predicted_counts = Counter(p for _, p in pairs)
    total = 0.0
    for label, support in gold_counts.items():
        true_pos = sum(1 for g, p in pairs if g == label and p == label)
        precision = true_pos / predicted_counts[label] if predicted_counts[label] else 0.0
        recall = true_pos / support
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        total += f1 * support
    return total / len(pairs) if pairs else 0.0


def summarise(results: Sequence[RowResult]) -> Report:
    detected = [r for r in results if r.predicted_type != NONE]
    confusion: dict[str, dict[str, int]] = {}
    for r in results:
        cell = confusion.setdefault(r.gold.event_type, {})
        cell[r.predicted_type] = cell.get(r.predicted_type, 0) + 1
    n = len(results) or 1
    return Report(
        rows=len(results),
        detection_rate=len(detected) / n,
        event_type_accuracy=sum(r.predicted_type == r.gold.event_type for r in results) / n,
        sub_event_type_accuracy=sum(
            r.predicted_sub_type == r.gold.sub_event_type for r in results if r.gold.sub_event_type
        )
        / (sum(1 for r in results if r.gold.sub_event_type) or 1),
        weighted_f1=weighted_f1([(r.gold.event_type, r.predicted_type) for r in results]),
        place_within_25km=_share(
            r.distance_km is not None and r.distance_km <= PLACE_KM
            for r in detected
            if r.gold.latitude is not None
        ),
        date_accuracy=_share(
            r.predicted_date == r.gold.event_date for r in detected if r.gold.event_date
        ),
        fatalities_accuracy=_share(
            r.predicted_fatalities == r.gold.fatalities
            for r in detected
            if r.gold.fatalities is not None
        ),
        place_no_coordinates=_placed_share(detected, "place_none"),
        place_country_level=_placed_share(detected, "place_country"),
        place_wrong_country=_placed_share(detected, "place_wrong_country"),
        confusion=confusion,
    )


def _placed_share(detected: Sequence[RowResult], fault: str) -> float | None:
    """The share of detected rows with gold coordinates whose place has ``fault``."""
    return _share(fault in r.place_faults for r in detected if r.gold.latitude is not None)


def render(report: Report) -> str:
    def pct(value: float | None) -> str:
        return "n/a" if value is None else f"{value:.3f}"

    lines = [
        f"rows                         {report.rows}",
        f"detection rate               {pct(report.detection_rate)}",
        f"event_type accuracy          {pct(report.event_type_accuracy)}",
        f"sub_event_type accuracy      {pct(report.sub_event_type_accuracy)}",
        f"event_type weighted F1       {pct(report.weighted_f1)}",
        f"place within {PLACE_KM:.0f} km (detected) {pct(report.place_within_25km)}",
        f"  no coordinates             {pct(report.place_no_coordinates)}",
        f"  country level              {pct(report.place_country_level)}",
        f"  wrong country              {pct(report.place_wrong_country)}",
        f"event_date exact (detected)  {pct(report.date_accuracy)}",
        f"fatalities exact (detected)  {pct(report.fatalities_accuracy)}",
        "",
        "confusion (gold -> predicted):",
    ]
    predicted_labels = sorted({p for row in report.confusion.values() for p in row})
    width = max([len(g) for g in report.confusion] + [10])
    lines.append(" " * (width + 2) + " | ".join(p[:12].ljust(12) for p in predicted_labels))
    for gold_label in sorted(report.confusion):
        row = report.confusion[gold_label]
        cells = " | ".join(str(row.get(p, 0)).ljust(12) for p in predicted_labels)
        lines.append(f"{gold_label.ljust(width)}  {cells}")
    return "\n".join(lines)


def evaluate_file(path: Path, settings: Settings) -> Report:
    return summarise(run_rows(load_gold(path), default_pipeline(settings), settings.batch_size))


@click.command("acled")
@click.argument("gold", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
def acled_eval_command(gold: Path, as_json: bool) -> None:
    """Score extraction against an ACLED-format CSV with notes and gold columns."""
    from warwire.cli.errors import friendly_errors

    @friendly_errors
    def run() -> None:
        report = evaluate_file(gold, Settings())
        out: Any = json.dumps(asdict(report), indent=2) if as_json else render(report)
        click.echo(out)

    run()
