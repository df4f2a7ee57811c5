"""Scoring the geoparser: a tiny corpus we write, and a floor on the shared dev data."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import Path

import pytest
from click.testing import CliRunner

from warwire.errors import InputError
from warwire.evaluate.geoparse import (
    GoldDocument,
    evaluate,
    format_table,
    geoparse_eval_command,
    read_gold,
    score_document,
)
from warwire.types import Place, Span, Toponym

TEXT = "Troops left Tripoli for Tarhuna, then Sirte."
GOLD_ROW = {
    "id": "a",
    "text": TEXT,
    "toponyms": [
        {"start": 12, "end": 19, "lat": 32.89, "lon": 13.19},
        {"start": 24, "end": 31, "lat": 32.43, "lon": 13.63},
        {"start": 38, "end": 43, "lat": 31.21, "lon": 16.59},
        {"start": 0, "end": 6, "lat": None, "lon": None},
        {"start": 0, "end": 6, "lat": 1.0, "lon": 1.0, "is_toponym": False},
    ],
}


def fake_geoparser(text: str, doc_id: str) -> list[Toponym]:
    """Finds Tripoli (right), Tarhuna (placed in Lebanon: wrong), misses Sirte."""
    return [
        Toponym(Span(doc_id, 12, 19), "Tripoli", Place("Tripoli", 32.88, 13.18)),
        Toponym(Span(doc_id, 24, 31), "Tarhuna", Place("Tarhuna", 34.4, 35.8)),
    ]


@pytest.fixture()
def gold_file(tmp_path: Path) -> Path:
    path = tmp_path / "geoparse_tiny.jsonl"
    path.write_text(json.dumps(GOLD_ROW) + "\n\n", encoding="utf-8")
    return path


def test_read_gold_keeps_only_located_toponyms(gold_file: Path) -> None:
    (doc,) = read_gold(gold_file)
    assert doc.doc_id == "a" and len(doc.toponyms) == 3


def test_scores(gold_file: Path) -> None:
    score = evaluate(read_gold(gold_file), fake_geoparser, "tiny")
    assert (score.gold, score.detected, score.correct, score.predicted) == (3, 2, 1, 2)
    assert score.recall == pytest.approx(2 / 3)
    assert score.accuracy == pytest.approx(0.5)
    assert score.overall == pytest.approx(1 / 3)
    assert "tiny" in format_table([score])


def test_partial_overlap_counts_as_detected() -> None:
    (doc,) = read_gold_rows([GOLD_ROW])
    found = [Toponym(Span("a", 38, 41), "Sir", Place("Sirte", 31.2, 16.6))]
    assert score_document(doc.toponyms, found) == (1, 1)


def read_gold_rows(rows: Sequence[Mapping[str, object]]) -> list[GoldDocument]:
    import tempfile

    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as fh:
        fh.write("\n".join(json.dumps(r) for r in rows))
    return list(read_gold(fh.name))


def test_malformed_gold_raises(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": 1}\n', encoding="utf-8")
    with pytest.raises(InputError):
        list(read_gold(bad))


def test_command_json(gold_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("warwire.evaluate.geoparse.default_geoparser", lambda: fake_geoparser)
    result = CliRunner().invoke(geoparse_eval_command, [str(gold_file), "--json"])
    assert result.exit_code == 0, result.output
    (row,) = json.loads(result.output)
    assert row["corpus"] == "tiny" and row["overall"] == pytest.approx(0.3333, abs=1e-3)


def test_part_scores_only_its_documents(tmp_path: Path) -> None:
    from warwire.evaluate.split import part_of

    rows = [{**GOLD_ROW, "id": f"doc-{n}"} for n in range(12)]
    path = tmp_path / "geoparse_parts.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    tune = evaluate(read_gold(path), fake_geoparser, "parts", part="tune")
    score = evaluate(read_gold(path), fake_geoparser, "parts", part="score")
    expected = sum(part_of(str(r["id"])) == "score" for r in rows)
    assert 0 < expected < len(rows)
    assert (tune.documents, score.documents) == (len(rows) - expected, expected)


def test_verbose_lists_missed_and_misplaced_toponyms(
    gold_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("warwire.evaluate.geoparse.default_geoparser", lambda: fake_geoparser)
    result = CliRunner().invoke(geoparse_eval_command, [str(gold_file), "--verbose"])
    assert result.exit_code == 0, result.output
    assert "MISSED\t'Sirte'" in result.output
    assert "WRONG\t'Tarhuna' -> Tarhuna" in result.output
    assert "Tripoli" not in result.output


DEV = Path(__file__).resolve().parents[3] / ".." / "shared" / "data" / "geoparse"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("corpus", "recall", "accuracy"),
    [("trnews", 0.93, 0.92), ("gwn", 0.86, 0.945), ("lgl", 0.88, 0.83)],
)
def test_dev_corpus_floor(corpus: str, recall: float, accuracy: float) -> None:
    path = DEV / f"geoparse_{corpus}.jsonl"
    if not path.is_file():
        pytest.skip("shared dev data absent")
    from warwire.evaluate.geoparse import default_geoparser

    score = evaluate(read_gold(path), default_geoparser(), corpus, limit=25)
    assert score.recall >= recall
    assert score.accuracy >= accuracy
