"""Issue 5's acceptance scenario through the real pipeline and the CLI.

The reference article, a repost of it under another site's header and footer,
and our own article reporting the May 24 clashes north of Tarhuna from the
GNA's side must give one merged clash event carrying both sides' claims, two
independent sources, the repost grouped with the original, and nothing new
when everything is ingested again.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from warwire.cli import cli

ROOT = Path(__file__).resolve().parents[2]
REFERENCE = ROOT.parent / "shared" / "examples" / "turkey-dives-into-libyan-conflict.md"
GNA_SIDE = ROOT / "examples" / "libya-tarhuna-gna-account.md"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not REFERENCE.exists(), reason="../shared is not present"),
]


def _repost(tmp_path: Path) -> Path:
    original = REFERENCE.read_text(encoding="utf-8")
    body = original[original.index("*The Tripoli-based") : original.index("\n*\n\nNote to readers")]
    path = tmp_path / "repost.md"
    path.write_text(
        "# Turkey Dives Into Libyan Conflict\n\nMirror Wire, May 27, 2020\n\n"
        f"{body}\n\nThe original source of this article is South Front\n\n"
        "Follow us on our channel for daily updates.\n",
        encoding="utf-8",
    )
    return path


def _run(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    return result.stdout


def _events(db: str) -> list[dict[str, object]]:
    return [
        json.loads(line) for line in _run("events", "--db", db, "--format", "jsonl").splitlines()
    ]


def test_merged_clash_with_both_sides_and_grouped_repost(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'w.db'}"
    inputs = [str(REFERENCE), str(_repost(tmp_path)), str(GNA_SIDE)]
    first = _run("ingest", "--db", db, *inputs)
    assert "3 added" in first

    alone = f"sqlite:///{tmp_path / 'alone.db'}"
    _run("ingest", "--db", alone, str(REFERENCE), str(GNA_SIDE))
    everything = _events(db)
    assert len(everything) == len(_events(alone))  # the repost adds no event
    assert all(e["date_start"] for e in everything)  # and every event is dated

    events = [
        json.loads(line)
        for line in _run("events", "--db", db, "--since", "2020-05-24", "--until", "2020-05-24",
                         "--type", "Armed clash", "--format", "jsonl").splitlines()
    ]  # fmt: skip
    clashes = [e for e in events if e["location"] and "Tarhun" in e["location"]]
    assert len(clashes) == 1
    clash = clashes[0]
    assert len(clash["doc_ids"]) == 3
    claimants = {c["claimant"] for c in clash["claims"]}
    assert "South Front" in claimants
    assert any("GNA" in c for c in claimants)
    assert clash["corroboration"] == 2  # the repost is not an independent source

    docs = {
        d["publisher"]: d
        for d in map(json.loads, _run("documents", "--db", db, "--format", "jsonl").splitlines())
    }
    assert docs["Mirror Wire"]["syndicated_from"] == docs["Global Research"]["doc_id"]
    assert docs["Tripoli Herald"]["syndicated_from"] is None

    again = _run("ingest", "--db", db, *inputs)
    assert "0 added" in again and "3 unchanged" in again
