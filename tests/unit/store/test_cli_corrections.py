"""`warwire correct`, `history`, `show` with its history, and `correct replay` through
click's runner, on SQLite, with no model."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from store_builders import TARHUNAH, tarhuna_partisan, unrelated

from warwire.cli import cli
from warwire.store import EventQuery, open_store
from warwire.types import Analysis


def documents(suffix: str = "") -> list[Analysis]:
    """The same documents; a suffix changes the extractor's own event ids, as a
    re-extraction with another warwire may."""
    items = [tarhuna_partisan(), unrelated(1, day=date(2020, 5, 24), place=TARHUNAH)]
    return [replace(a, events=tuple(replace(e, event_id=e.event_id + suffix) for e in a.events))
            for a in items]  # fmt: skip


def build(path: Path, suffix: str = "") -> str:
    url = f"sqlite:///{path}"
    with open_store(url) as store:
        for item in documents(suffix):
            store.add(item)
    return url


def ids(db: str) -> list[str]:
    with open_store(db) as store:
        return [e["event_id"] for e in store.events(EventQuery())]


def events(db: str) -> list[dict[str, Any]]:
    with open_store(db) as store:
        return store.events(EventQuery())


def run(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), env=env)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def db(tmp_path: Path) -> str:
    return build(tmp_path / "cli.db")


def test_correct_prints_each_change_and_history_fits_80_columns(db: str) -> None:
    event_id = ids(db)[0]
    code, out, err = run("correct", event_id[:8], "--db", db, "--set", "fatalities=3",
                         "--set", "notes=Three, per the hospital's list of the dead that night",
                         "--why", "hospital list read out by the director on local radio",
                         env={"WARWIRE_USER": "amira"})  # fmt: skip
    assert code == 0, err
    assert out.splitlines()[0] == f"{event_id}  fatalities: 14 → 3"
    code, out, _ = run("history", event_id[:8], "--db", db, env={"COLUMNS": "80"})
    lines = out.splitlines()
    assert code == 0 and lines[0] == "history (2)"
    assert lines[1].split() == ["at", "by", "change", "why"]
    assert all(len(line) <= 80 for line in lines)
    assert "amira" in lines[3] and "fatalities: 14 → 3" in lines[3] and "…" in lines[4]
    code, out, _ = run("history", event_id, "--db", db)  # piped: TSV, every value whole
    assert out.splitlines()[1].split("\t")[1:] == [
        "amira",
        "fatalities: 14 → 3",
        "hospital list read out by the director on local radio",
    ]
    code, out, _ = run("history", event_id, "--db", db, "--format", "jsonl")
    assert [json.loads(x)["field"] for x in out.splitlines()] == ["fatalities", "notes"]


def test_show_ends_with_the_history(db: str) -> None:
    event_id = ids(db)[0]
    run("correct", event_id, "--db", db, "--set", "fatalities=3", "--why", "hospital", "--by",
        "omar")  # fmt: skip
    code, out, _ = run("show", event_id[:8], "--db", db, env={"COLUMNS": "80"})
    assert code == 0
    assert "history (1)" in out and "omar" in out and "fatalities: 14 → 3" in out
    assert "fatalities  3" in out
    code, out, _ = run("show", event_id, "--db", db, "--format", "jsonl")
    assert json.loads(out)["history"][0]["by"] == "omar"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--set", "deaths=3"], "warwire: unknown field 'deaths'; fields: event_type"),
        (["--set", "sub_event_type=riot"], "warwire: 'Riots' is an event type"),
        (["--set", "fatalities=-1"], "warwire: fatalities must be a whole number"),
    ],
)
def test_bad_values_are_one_line_and_exit_2(db: str, args: list[str], message: str) -> None:
    code, out, err = run("correct", ids(db)[0], "--db", db, *args, "--why", "a reason")
    assert code == 2 and out == ""
    assert err.startswith(message) and err.count("\n") == 1


def test_unknown_event_and_missing_reason(db: str) -> None:
    code, _, err = run("correct", "ev-0000", "--db", db, "--set", "fatalities=1", "--why", "why")
    assert code == 2 and "no event with id 'ev-0000'" in err
    code, _, err = run("correct", ids(db)[0], "--db", db, "--set", "fatalities=1")
    assert code == 2 and "--why" in err
    code, _, err = run("history", "ev-0000", "--db", db)
    assert code == 2 and "no event" in err


def test_merge_and_split_commands(db: str) -> None:
    keep, gone = ids(db)
    code, out, _ = run("correct", "merge", keep[:8], gone[:8], "--db", db, "--why", "same raid")
    assert code == 0 and out.strip() == f"{keep}  merged {gone} into {keep}"
    assert ids(db) == [keep]
    code, out, _ = run("correct", "split", keep, "--db", db, "--why", "two raids")
    assert code == 0 and sorted(ids(db)) == sorted([keep, gone])
    code, _, err = run("correct", "split", keep, "--db", db, "--why", "two raids")
    assert code == 2 and "has no merge to split" in err


def test_replay_carries_corrections_to_a_rebuilt_database(db: str, tmp_path: Path) -> None:
    keep, gone = ids(db)
    run("correct", keep, "--db", db, "--set", "fatalities=3", "--why", "hospital")
    run("correct", gone, "--db", db, "--set", "notes=Seen by a stringer", "--why", "stringer")
    run("correct", "merge", keep, gone, "--db", db, "--why", "same raid")
    export = tmp_path / "export.jsonl"
    assert run("export", "--db", db, "--format", "jsonl", "-o", str(export))[0] == 0
    rebuilt = build(tmp_path / "rebuilt.db", suffix="-v2")  # new extractor ids: new event ids
    assert not set(ids(rebuilt)) & {keep, gone}
    code, _, err = run("correct", "replay", str(export), "--db", rebuilt)
    assert code == 0 and err.startswith("3 corrections re-applied")
    (event,) = events(rebuilt)
    assert (event["fatalities"], event["notes"], len(event["doc_ids"])) == (
        3, "Seen by a stringer", 2)  # fmt: skip
    code, _, err = run("correct", "replay", str(export), "--db", rebuilt)
    assert code == 0 and err.startswith("0 corrections re-applied")
    code, out, _ = run("history", event["event_id"], "--db", rebuilt, "--format", "jsonl")
    assert [json.loads(x)["why"] for x in out.splitlines()] == ["hospital", "stringer", "same raid"]
    (tmp_path / "bad.jsonl").write_text('{"kind": "correction", "action": "set"}\n')
    code, _, err = run("correct", "replay", str(tmp_path / "bad.jsonl"), "--db", rebuilt)
    assert code == 2 and "not a warwire correction record" in err
