"""``warwire eval ucdp``: headline documents, per-row scoring, and the command on a tiny CSV."""

from __future__ import annotations

import csv
import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from warwire.cli import cli
from warwire.evaluate.common import actor_match_loose
from warwire.evaluate.ucdp import UcdpReport, document_for, headline_text, render, score_row


def row(**kw: str) -> dict[str, str]:
    base = {
        "id": "r1",
        "source_headline": "",
        "source_date": "",
        "source_office": "",
        "side_a": "Government of Chad",
        "side_b": "FACT",
        "country": "Chad",
        "where_prec": "1",
        "latitude": "12.1",
        "longitude": "15.0",
        "date_start": "2021-04-20",
    }
    return {**base, **kw}


COLUMNS = list(row())


def pred(**kw: Any) -> dict[str, Any]:
    base = {"confidence": 0.5, "country": "Chad", "latitude": 12.1, "longitude": 15.1}
    return {**base, "actor1": None, "actor2": None, **kw}


def test_headlines_are_split_deduplicated_and_kept_as_paragraphs() -> None:
    r = row(source_headline="Rebels ambush convoy; ;Rebels ambush convoy;Army answers")
    assert headline_text(r) == "Rebels ambush convoy\n\nArmy answers"


def test_document_is_published_on_the_first_source_date() -> None:
    doc = document_for(row(source_headline="x", source_date="bad;2021-04-19;2021-04-22"))
    assert doc.published == date(2021, 4, 19)
    assert document_for(row(source_headline="x")).published == date(2021, 4, 20)
    assert document_for(row(source_headline="x", source_office="Wire A;Wire B")).publisher == (
        "Wire A"
    )


@pytest.mark.parametrize(
    ("predicted", "side", "same"),
    [
        ("Military Forces of Chad", "Government of Chad", True),
        ("Taliban", "Taleban", True),
        ("Islamic State (IS)", "IS", True),
        ("Military Forces of Syria", "Syrian insurgents", False),
        ("Civilians (Chad)", "Government of Chad", False),
        (None, "Government of Chad", False),
    ],
)
def test_loose_side_match(predicted: str | None, side: str, same: bool) -> None:
    assert actor_match_loose(predicted, [side]) is same


def test_score_row_uses_the_most_confident_event() -> None:
    report = UcdpReport()
    events = [
        pred(confidence=0.2, country="Niger"),
        pred(confidence=0.9, actor1="Military Forces of Chad", actor2="FACT rebels"),
    ]
    score_row(report, row(), events)
    score_row(report, row(id="r2", country="DR Congo (Zaire)"), [])
    c = report.counts
    assert report.rows == 2
    measures = ("detected", "country", "one_side", "both_sides", "near")
    assert [c[m] for m in measures] == [1, 1, 1, 1, 1]
    assert report.rates()["detection"] == 0.5
    assert report.by_country["DR Congo (Zaire)"]["rows"] == 1


def test_country_names_are_normalised_and_imprecise_rows_skip_the_distance() -> None:
    report = UcdpReport()
    congo = row(country="DR Congo (Zaire)", where_prec="4")
    score_row(report, congo, [pred(country="Democratic Republic of the Congo", latitude=0.0)])
    assert report.counts["country"] == 1
    assert report.counts["prec12_detected"] == 0
    assert "ucdp: rows=1 detection=1.000" in render(report)


def write_csv(path: Path, rows: list[dict[str, str]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
    return path


def test_command_counts_rejected_rows_as_misses(tmp_path: Path) -> None:
    rows = [
        row(
            id="ok",
            source_headline="Chadian troops clash with FACT rebels near Mao, killing 12",
            source_date="2021-04-20",
            latitude="14.12",
            longitude="15.31",
        ),
        row(id="empty", source_headline=" ; "),
        row(id="odd", source_headline="%%%"),
    ]
    path = write_csv(tmp_path / "ged.csv", rows)
    result = CliRunner().invoke(cli, ["eval", "ucdp", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["rows"] == 3
    assert report["failures"]["no headline"] == 1
    assert report["counts"].get("detected", 0) <= 2
    text = CliRunner().invoke(cli, ["eval", "ucdp", str(path), "--limit", "1"])
    assert text.exit_code == 0
    assert "ucdp: rows=1 " in text.stdout


def test_missing_columns_is_a_clean_error(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text("id,country\n1,Chad\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["eval", "ucdp", str(path)])
    assert result.exit_code == 1
    assert "missing columns" in result.stderr
