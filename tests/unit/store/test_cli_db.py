"""The database commands through click's runner, on SQLite, with no model."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from store_builders import tarhuna_gna, tarhuna_partisan, tarhuna_repost, unrelated

from warwire.cli import cli
from warwire.store import open_store
from warwire.taxonomy import ACLED_COLUMNS


@pytest.fixture
def db(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path}/cli.db"
    store = open_store(url)
    for a in (tarhuna_partisan(), tarhuna_repost(), tarhuna_gna(), unrelated(1)):
        store.add(a)
    store.close()
    return url


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_events_jsonl_and_filters(db: str) -> None:
    code, out, _ = _run("events", "--db", db, "--format", "jsonl", "--near", "32.43,13.63,15")
    assert code == 0
    records = [json.loads(line) for line in out.splitlines()]
    assert [r["kind"] for r in records] == ["event"]
    assert records[0]["corroboration"] == 2
    code, out, _ = _run("events", "--db", db, "--format", "jsonl", "--text", "checkpoint")
    assert len(out.splitlines()) == 1
    code, out, _ = _run("events", "--db", db, "--format", "jsonl", "--since", "2030-01-01")
    assert code == 0 and out == ""


def test_events_acled_csv_has_sources(db: str) -> None:
    code, out, _ = _run("events", "--db", db, "--format", "acled-csv", "--type", "Battles")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == 1 and tuple(rows[0])[:31] == ACLED_COLUMNS
    assert "Libya Observer" in rows[0]["source"] and rows[0]["fatalities"] == "5"


def test_table_claims_documents(db: str) -> None:
    code, out, _ = _run("events", "--db", db)
    assert code == 0 and "Armed clash" in out
    code, out, _ = _run("claims", "--db", db, "--format", "jsonl", "--claimant", "LNA")
    assert code == 0 and json.loads(out.splitlines()[0])["hedge"] == "claimed"
    code, out, _ = _run("documents", "--db", db, "--format", "jsonl")
    docs = [json.loads(line) for line in out.splitlines()]
    assert len(docs) == 4 and sum(1 for d in docs if d["syndicated_from"]) == 1


def test_export_and_changed_since(db: str, tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    target = tmp_path / "all.parquet"
    code, _, err = _run("export", "--db", db, "--format", "parquet", "-o", str(target))
    assert code == 0 and "2 events" in err
    assert pq.read_table(target).num_rows == 2
    target = tmp_path / "new.jsonl"
    code, _, _ = _run("export", "--db", db, "--format", "jsonl", "-o", str(target),
                      "--changed-since", "3")  # fmt: skip
    kinds = [json.loads(line)["kind"] for line in target.read_text().splitlines()]
    assert kinds.count("event") == 1  # only the unrelated event changed after version 3


def test_export_for_excel_and_ascii_tools(db: str, tmp_path: Path) -> None:
    target = tmp_path / "excel.csv"
    code, _, _ = _run("export", "--db", db, "--format", "acled-csv", "--excel", "--ascii",
                      "-o", str(target))  # fmt: skip
    assert code == 0
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the byte-order mark Excel looks for
    assert raw[3:].isascii()
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert len(rows) == 2 and tuple(rows[0])[:31] == ACLED_COLUMNS
    code, out, _ = _run("export", "--db", db, "--format", "acled-csv", "-o", "-", "--excel")
    assert code == 0 and out.startswith("\ufeff")
    code, _, err = _run("export", "--db", db, "--format", "jsonl", "--ascii", "-o", "-")
    assert code == 2 and "acled-csv only" in err


def test_ascii_rows_transliterate_names() -> None:
    from warwire.export import ascii_row

    row = ascii_row({"location": "Ḩajjah", "notes": "“Ma’rib”", "fatalities": 3})
    assert row == {"location": "Hajjah", "notes": '"Ma\'rib"', "fatalities": 3}


def test_usage_and_missing_db(tmp_path: Path) -> None:
    code, _, err = _run("events", "--db", f"sqlite:///{tmp_path}/none.db")
    assert code == 1 and "no database" in err and "Traceback" not in err
    code, _, _ = _run("events", "--db", f"sqlite:///{tmp_path}/none.db", "--near", "x")
    assert code == 2
    code, _, err = _run("events", "--db", "mysql://nope")
    assert code == 1 and "unsupported" in err


def test_ingest_without_model(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import warwire.pipeline as pipeline

    monkeypatch.setattr(pipeline, "default_pipeline", lambda settings: pipeline.Pipeline([]))
    article = tmp_path / "a.txt"
    article.write_text("Shelling hit the outskirts of a town overnight, residents said. " * 5)
    db = f"sqlite:///{tmp_path}/ingest.db"
    code, out, _ = _run("ingest", "--db", db, str(article), str(tmp_path / "missing.txt"))
    assert code == 0 and "1 added" in out and "1 rejected" in out
    code, out, _ = _run("ingest", "--db", db, str(article))
    assert code == 0 and "1 unchanged" in out and "dataset version 1" in out
