"""Taking a document's reports out of an event that ingest merged, for good."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from store_builders import GNA, LNA, analysis, clash, make_doc, tarhuna_gna, tarhuna_partisan

from warwire.errors import CorrectionError
from warwire.store import EventQuery, SqlStore, export_events, open_store
from warwire.store.corrections import correct, history, merge, replay, split, split_out


@pytest.fixture
def store(tmp_path: Path) -> Iterator[SqlStore]:
    with open_store(f"sqlite:///{tmp_path}/s.db") as opened:
        yield opened


def merged_by_ingest(store: SqlStore) -> tuple[str, str, str]:
    """One event from two outlets' reports; returns its id and both document ids."""
    partisan, gna = tarhuna_partisan(), tarhuna_gna()
    store.add(partisan)
    store.add(gna)
    (event,) = store.events(EventQuery())
    assert len(event["doc_ids"]) == 2
    return event["event_id"], partisan.document.doc_id, gna.document.doc_id


def by_doc(store: SqlStore) -> dict[str, dict[str, Any]]:
    return {d: e for e in store.events(EventQuery()) for d in e["doc_ids"]}


def bridge() -> Any:
    doc = make_doc("Clashes near Tarhuna on May 24 between the LNA and the GNA, said cc.")
    return analysis(doc, clash(doc, "Clashes near Tarhuna", "C", actors=(LNA, GNA)))


def test_split_out_a_document_of_a_machine_merge(store: SqlStore) -> None:
    event_id, partisan, gna = merged_by_ingest(store)
    with pytest.raises(CorrectionError, match="give --doc DOC"):
        split(store, event_id, "not the same clash", "amira")
    (line,) = split_out(store, event_id[:8], gna[:8], "not the same clash", "amira")
    assert line["action"] == "split" and line["events"][0] == event_id
    events = by_doc(store)
    assert events[partisan]["event_id"] == event_id != events[gna]["event_id"]
    assert events[partisan]["fatalities"] == 14 and events[gna]["fatalities"] == 5
    assert [len(e["claims"]) for e in (events[partisan], events[gna])] == [1, 1]
    assert [h["action"] for h in history(store, event_id)] == ["split"]
    with pytest.raises(CorrectionError, match="nothing to split"):
        split_out(store, events[gna]["event_id"], gna, "again", "amira")
    with pytest.raises(CorrectionError, match="has no report from document"):
        split_out(store, event_id, gna, "again", "amira")


def test_a_later_bridging_report_does_not_merge_them_again(store: SqlStore) -> None:
    event_id, partisan, gna = merged_by_ingest(store)
    split_out(store, event_id, gna, "not the same clash", "amira")
    apart = by_doc(store)[gna]["event_id"]
    correct(store, apart, ["fatalities=6"], "hospital list", "omar")
    store.add(tarhuna_gna())  # the same document again: nothing changes
    store.add(bridge())
    events = by_doc(store)
    assert len(store.events(EventQuery())) == 2
    assert events[partisan]["event_id"] == event_id and events[gna]["event_id"] == apart
    assert events[gna]["fatalities"] == 6  # its own correction came back with it


def test_an_analyst_merge_ends_the_split(store: SqlStore) -> None:
    event_id, _partisan, gna = merged_by_ingest(store)
    split_out(store, event_id, gna, "not the same clash", "amira")
    merge(store, event_id, by_doc(store)[gna]["event_id"], "the same after all", "amira")
    store.add(bridge())
    assert len(store.events(EventQuery())) == 1


def test_replay_splits_a_rebuilt_database_again(store: SqlStore, tmp_path: Path) -> None:
    event_id, partisan, gna = merged_by_ingest(store)
    split_out(store, event_id, gna, "not the same clash", "amira")
    out = io.StringIO()
    export_events(store, "jsonl", out)
    audit = [json.loads(x) for x in out.getvalue().splitlines()]
    with open_store(f"sqlite:///{tmp_path}/rebuilt.db") as rebuilt:
        merged_by_ingest(rebuilt)
        assert replay(rebuilt, audit) == (1, [])
        assert replay(rebuilt, audit) == (0, [])
        events = by_doc(rebuilt)
        assert events[partisan]["event_id"] != events[gna]["event_id"]


def test_the_cli_takes_doc(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from warwire.cli import cli

    db = f"sqlite:///{tmp_path}/cli.db"
    with open_store(db) as opened:
        event_id, _partisan, gna = merged_by_ingest(opened)
    args = ["correct", "split", event_id[:8], "--doc", gna[:8], "--why", "two clashes", "--db", db]
    result = CliRunner(env={"COLUMNS": "80"}).invoke(cli, args)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith(event_id) and f"out of {event_id}" in result.stdout
