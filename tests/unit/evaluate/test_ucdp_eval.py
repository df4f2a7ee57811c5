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
from warwire.evaluate.split import part_of
from warwire.evaluate.ucdp import (
    UcdpReport,
    documents_for,
    read_rows,
    render,
    score_row,
    spread,
    why_not_codeable,
)
from warwire.evaluate.ucdp_headlines import headline_parts, non_english, not_codeable


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


def test_headlines_are_decoded_split_and_deduplicated() -> None:
    field = "Rebels ambush convoy; ;Rebels ambush convoy;Army&#8217;s answer &amp; more"
    assert headline_parts(field) == ["Rebels ambush convoy", "Army\u2019s answer & more"]


def test_each_headline_is_a_document_published_on_the_first_source_date() -> None:
    docs = documents_for(row(source_headline="x", source_date="bad;2021-04-19;2021-04-22"))
    assert [d.published for d in docs] == [date(2021, 4, 19)]
    assert documents_for(row(source_headline="x"))[0].published == date(2021, 4, 20)
    two = documents_for(row(source_headline="a;b", source_office="Wire A;Wire B"))
    assert [(d.content, d.publisher) for d in two] == [("a", "Wire A"), ("b", "Wire B")]
    unpaired = documents_for(row(source_headline="a;b;c", source_office="Wire A;Wire B"))
    assert {d.publisher for d in unpaired} == {"Wire A"}
    assert len({d.input_id for d in unpaired}) == 3


@pytest.mark.parametrize(
    ("headline", "kind"),
    [
        ("Lakeland Weekly Security Report 04/05/2019", "report title"),
        ("Monthly bulletin: March 2018", "report title"),
        ("Report of the Special Envoy on the situation in Ruritania", "report title"),
        ("Borduria Casualty Report: July 2020", "report title"),
        ("Ruritania: Mapping abuses 1998-2004", "report title"),
        ("Letter dated 3 May 2001 from the envoy", "report title"),
        ("Incident #4711", "incident number"),
        ("June 3rd 2016: (Q77) Old market road, Lakeland district", "incident number"),
        (
            "In the worst day this month ... 80 died yesterday, including 9 soldiers",
            "running total",
        ),
        ("Tuesday 4 May 2010", "date"),
        ("ABC 2019-05-04", "date"),
        ("Name\tJohn Quincy al-Example", "name or code"),
        ("Jane Quincy al-Example", "name or code"),
        ("R1234", "name or code"),
        ("212 people were killed yesterday, including 40 soldiers", "running total"),
        ("95 , including 12 civilians, were killed in 4 days of fighting", "running total"),
        ("Martyr data", "fragment"),
        ("Report: militia kills five in market town", None),
        ("Report says rebels killed 12 villagers", None),
        ("UPDATE 2-Bomb kills four in northern town", None),
        ("Gunmen kill six in raid on village", None),
        ("Ruritanian Troops Kill Seven Rebels", None),
        ("Casualties in shelling on Newtown", None),
    ],
)
def test_headlines_that_cannot_report_an_event(headline: str, kind: str | None) -> None:
    assert not_codeable(headline) == kind


def test_rows_are_codeable_when_any_headline_is_and_foreign_ones_are_noticed() -> None:
    assert why_not_codeable(row(source_headline="Daily Report 01/02/2019;Incident #12")) == (
        "report title"
    )
    assert why_not_codeable(row(source_headline="Incident #12;Rebels raid a camp")) is None
    assert why_not_codeable(row(source_headline=" ; ")) == "no headline"
    assert non_english("Hallan tres cuerpos en la carretera de la sierra")
    assert non_english("Deux soldats tués dans une attaque sur la route")
    assert not non_english("Rebels kill three in the capital of the province")


def test_spread_keeps_an_even_sample() -> None:
    assert spread(list("abc"), 5) == ["a", "b", "c"]
    assert spread([str(i) for i in range(10)], 5) == ["0", "2", "4", "6", "8"]


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
    headline = "Chadian troops clash with rebels"
    score_row(report, row(source_headline=headline), events)
    score_row(report, row(id="r2", country="DR Congo (Zaire)", source_headline=headline), [])
    score_row(report, row(id="r3", source_headline="Weekly Security Report 03/04/2021"), [])
    c = report.counts
    assert report.rows == 3
    measures = ("codeable", "detected", "country", "one_side", "both_sides", "near")
    assert [c[m] for m in measures] == [2, 1, 1, 1, 1, 1]
    assert report.rates()["detection"] == 1 / 3
    assert report.rates()["detection|codeable"] == 0.5
    assert report.not_codeable == {"report title": 1}
    assert report.by_country["DR Congo (Zaire)"]["rows"] == 1
    assert len(report.misses) == 1
    text = render(report, verbose=True)
    assert "missed codeable rows (1; a sample):" in text
    assert "rows without a codeable headline: 1 (report title x1)" in text


def test_country_names_are_normalised_and_imprecise_rows_skip_the_distance() -> None:
    report = UcdpReport()
    congo = row(country="DR Congo (Zaire)", where_prec="4", source_headline="Militia kill ten")
    score_row(report, congo, [pred(country="Democratic Republic of the Congo", latitude=0.0)])
    assert report.counts["country"] == 1
    assert report.counts["prec12_detected"] == 0
    assert "ucdp all rows: rows=1 detection=1.000" in render(report)
    assert "ucdp codeable: rows=1 detection=1.000" in render(report)


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
    assert report["not_codeable"]["no headline"] == 1
    assert report["counts"].get("detected", 0) <= 2
    text = CliRunner().invoke(cli, ["eval", "ucdp", str(path), "--limit", "1", "--verbose"])
    assert text.exit_code == 0
    assert "ucdp all rows: rows=1 " in text.stdout
    assert "missed codeable rows" in text.stdout


def test_missing_columns_is_a_clean_error(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text("id,country\n1,Chad\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["eval", "ucdp", str(path)])
    assert result.exit_code == 1
    assert "missing columns" in result.stderr


def test_part_keeps_the_rows_of_one_side_of_the_fixed_split(tmp_path: Path) -> None:
    ids = [f"row-{n}" for n in range(30)]
    path = write_csv(tmp_path / "ged.csv", [row(id=i) for i in ids])
    tune = [r["id"] for r in read_rows(path, part="tune")]
    score = [r["id"] for r in read_rows(path, part="score")]
    assert sorted(tune + score) == sorted(ids)
    assert tune and score
    assert all(part_of(i) == "score" for i in score)


def test_a_town_level_row_placed_far_away_is_listed_with_where_it_went() -> None:
    report = UcdpReport()
    town = row(
        source_headline="Rebels attack an army post near Mao",
        where_coordinates="Mao town",
        latitude="14.12",
        longitude="15.31",
    )
    score_row(report, town, [pred(location="Elsewhere", latitude=0.0, longitude=0.0)])
    assert report.counts["near"] == 0
    text = render(report, verbose=True)
    assert "town-level rows placed over 50 km away (1; a sample):" in text
    assert "Mao town" in text and "Elsewhere" in text


def test_town_level_rows_say_how_a_far_place_falls_short() -> None:
    report = UcdpReport()
    headline = "Gunmen kill three traders near a river crossing"
    placed = [
        pred(),  # near
        pred(latitude=None, longitude=None),  # no coordinates
        pred(location="Chad", feature="PCLI", latitude=15.0, longitude=19.0),  # the country
        pred(country="Niger", location="Agadez", latitude=16.97, longitude=7.99),  # abroad
    ]
    for n, event in enumerate(placed):
        score_row(report, row(id=f"r{n}", source_headline=headline), [event])
    rates = report.rates()
    assert rates["within_50km|detected_prec12"] == 0.25
    assert rates["no_coordinates|detected_prec12"] == 0.25
    assert rates["country_level|detected_prec12"] == 0.25
    assert rates["wrong_country|detected_prec12"] == 0.25
    assert "no_coordinates=0.250 country_level=0.250 wrong_country=0.250" in render(report)


def test_rows_placed_only_to_a_region_are_left_out_of_the_place_faults() -> None:
    report = UcdpReport()
    wide = row(where_prec="4", source_headline="Gunmen kill three traders in the east")
    score_row(report, wide, [pred(latitude=None, longitude=None)])
    assert report.counts["place_none"] == 0
