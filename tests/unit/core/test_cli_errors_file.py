"""``--errors FILE`` on extract and ingest: every rejection as one JSON line,
with the error class and traceback when an unexpected error caused it.
The pipeline is a fake that breaks on one document (no model needed)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import warwire.pipeline
from warwire.cli import cli
from warwire.config import Settings
from warwire.pipeline import Pipeline
from warwire.types import Analysis


@dataclass
class BreaksOnBoom:
    name: str = "events"
    needs: frozenset[str] = frozenset()
    adds: frozenset[str] = frozenset({"events"})

    def __call__(self, batch: Sequence[Analysis]) -> list[Analysis]:
        if any("boom" in a.document.text for a in batch):
            raise ValueError("an actor name cannot be blank")
        return [replace(a) for a in batch]


@pytest.fixture
def inputs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    def fake(_settings: Settings) -> Pipeline:
        return Pipeline([BreaksOnBoom()])

    monkeypatch.setattr(warwire.pipeline, "default_pipeline", fake)
    (tmp_path / "good.txt").write_text("Title\n\nA quiet day in the valley.\n")
    (tmp_path / "bad.txt").write_text("Title\n\nIt went boom in the valley.\n")
    (tmp_path / "lines.jsonl").write_text('{"text": "fine"\n')
    return [str(tmp_path / n) for n in ("good.txt", "bad.txt", "lines.jsonl")]


def _records(path: Path) -> dict[str, dict[str, Any]]:
    lines = [json.loads(line) for line in path.read_text().splitlines()]
    return {Path(r["input"]).name.split(":")[0]: r for r in lines}


def _check(errors: Path, stderr: str) -> None:
    records = _records(errors)
    assert set(records) == {"bad.txt", "lines.jsonl"}
    bad = records["bad.txt"]
    assert (bad["stage"], bad["reason"], bad["error"]) == ("events", "stage_failed", "ValueError")
    assert bad["traceback"].rstrip().endswith("ValueError: an actor name cannot be blank")
    malformed = records["lines.jsonl"]
    assert malformed["reason"] == "malformed" and malformed["error"] is None
    assert malformed["traceback"] is None
    assert "Traceback" not in stderr and len(stderr.splitlines()) == 2  # one line each


def test_extract_writes_every_rejection_to_the_errors_file(
    inputs: list[str], tmp_path: Path
) -> None:
    errors = tmp_path / "errors.jsonl"
    result = CliRunner().invoke(
        cli, ["extract", "--format", "jsonl", "--errors", str(errors), *inputs]
    )
    assert result.exit_code == 0
    # the broken document is its rejection only, not also a half-analysed document
    assert sum('"kind": "document"' in line for line in result.stdout.splitlines()) == 1
    _check(errors, result.stderr)


def test_ingest_writes_every_rejection_to_the_errors_file(
    inputs: list[str], tmp_path: Path
) -> None:
    errors = tmp_path / "errors.jsonl"
    db = f"sqlite:///{tmp_path / 'e.db'}"
    result = CliRunner().invoke(cli, ["ingest", "--db", db, "--errors", str(errors), *inputs])
    assert result.exit_code == 0, result.stderr
    assert "1 added, 0 revised, 0 unchanged (already stored), 2 rejected" in result.stdout
    _check(errors, result.stderr)
    again = CliRunner().invoke(cli, ["ingest", "--db", db, *inputs])
    # the broken document was not stored, so it is tried again (not skipped as unchanged)
    assert "0 added, 0 revised, 1 unchanged (already stored), 2 rejected" in again.stdout


def test_time_budget_option_reaches_the_settings() -> None:
    from warwire.cli.common import settings_from

    assert settings_from(time_budget=2.5).time_budget == 2.5
    result = CliRunner().invoke(cli, ["extract", "--time-budget", "0", "x.txt"])
    assert result.exit_code == 2
