"""The `warwire extract` command end to end: inputs in, records out, bad inputs reported."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from warwire import __version__
from warwire.cli import cli

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared" / "examples"
REFERENCE = SHARED / "turkey-dives-into-libyan-conflict.md"


def run(*args: str, stdin: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), input=stdin, catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def records(stdout: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in stdout.splitlines() if line.strip()]


@pytest.mark.skipif(not REFERENCE.exists(), reason="../shared is not present")
def test_reference_article_document_record() -> None:
    code, out, _ = run("extract", str(REFERENCE), "--format", "jsonl", "--with-text")
    assert code == 0
    docs = [r for r in records(out) if r["kind"] == "document"]
    assert len(docs) == 1
    doc = docs[0]
    assert doc["title"] == "Video: Turkey Dives Into Libyan Conflict"
    assert doc["publisher"] == "Global Research"
    assert doc["original_source"] == "South Front"
    assert doc["published"] == "2020-05-26"
    assert doc["original_published"] == "2020-05-25"
    expected = yaml.safe_load(REFERENCE.with_suffix("").with_suffix(".expected.yaml").read_text())
    text = str(doc["text"])
    for line in expected["document"]["boilerplate_must_be_removed"]:
        assert line not in text
    for line in expected["document"]["body_must_keep"]:
        assert line in text


def test_shipped_examples_all_processed() -> None:
    code, out, err = run("extract", str(ROOT / "examples"), "--format", "jsonl")
    assert code == 0, err
    docs = [r for r in records(out) if r["kind"] == "document"]
    assert len(docs) == len(list((ROOT / "examples").iterdir())) - 1 + 3  # briefs.jsonl holds 3
    assert all(d["title"] for d in docs)


def test_bad_inputs_are_reported_and_the_batch_goes_on(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("Rebels attacked an army post in Kidal on Monday, residents said.\n")
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    empty = tmp_path / "empty.md"
    empty.write_text("   \n")
    big = tmp_path / "big.txt"
    big.write_text("Fighting continued. " * 200)
    legacy = tmp_path / "legacy.txt"
    legacy.write_bytes(
        "Les soldats ont été attaqués à Ménaka, a déclaré l’armée “vendredi”.\n".encode("cp1252")
    )
    lines = tmp_path / "batch.jsonl"
    lines.write_text(
        json.dumps({"id": "ok-1", "text": "Police arrested ten protesters in Lagos."})
        + "\n{not json\n"
    )
    code, out, err = run(
        "extract",
        str(good),
        str(tmp_path / "missing.html"),
        str(binary),
        str(empty),
        str(big),
        str(legacy),
        str(lines),
        "http://127.0.0.1:9/feed.xml",
        "--max-bytes",
        "2000",
        "--format",
        "jsonl",
        "--with-text",
    )
    assert code == 0
    docs = [r for r in records(out) if r["kind"] == "document"]
    assert sorted(str(d["input_id"]) for d in docs) == sorted([str(good), str(legacy), "ok-1"])
    legacy_doc = next(d for d in docs if d["input_id"] == str(legacy))
    assert "attaqués à Ménaka, a déclaré l’armée “vendredi”" in str(legacy_doc["text"])
    problems = [line for line in err.splitlines() if line.startswith("warwire: ")]
    named = ["missing.html", "photo.txt", "empty.md", "big.txt", "batch.jsonl:2", "127.0.0.1"]
    for name in named:
        assert sum(name in line for line in problems) == 1, (name, problems)
    assert "Traceback" not in err


def test_no_document_processed_exits_1(tmp_path: Path) -> None:
    code, _, err = run("extract", str(tmp_path / "nothing-here.txt"))
    assert code == 1
    assert "nothing-here.txt" in err and "Traceback" not in err


def test_usage_error_exits_2() -> None:
    code, _, _ = run("extract", "x.txt", "--format", "pdf")
    assert code == 2


def test_stdin_and_table_default() -> None:
    code, out, _ = run(
        "extract", "-", stdin="Clashes in Tripoli\n\nGunmen fired on a checkpoint in Tripoli.\n"
    )
    assert code == 0
    assert "Clashes in Tripoli" in out


def test_version_and_module_entry_point() -> None:
    code, out, _ = run("--version")
    assert code == 0 and __version__ in out
    done = subprocess.run(
        [sys.executable, "-m", "warwire", "--version"], capture_output=True, text=True, check=True
    )
    assert __version__ in done.stdout
