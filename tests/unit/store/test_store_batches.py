"""``store_all`` in batches: one transaction per batch, the per-document results kept."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from store_builders import tarhuna_gna, tarhuna_partisan, unrelated

from warwire.store import IngestResult, open_store, store_all, writes
from warwire.types import Rejection


def test_batches_store_what_one_by_one_stores(tmp_path: Path) -> None:
    items: list[Any] = [unrelated(n) for n in range(5)]
    items.insert(2, Rejection("mem:x", "extract", "boom"))
    with open_store(f"sqlite:///{tmp_path}/a.db") as store:
        results = list(store_all(items, store, batch=4))
    assert [type(r) for r in results] == [type(i) if isinstance(i, Rejection) else IngestResult
                                          for i in items]  # fmt: skip
    assert [r.status for r in results if isinstance(r, IngestResult)] == ["added"] * 5
    with open_store(f"sqlite:///{tmp_path}/a.db") as store:
        assert store.version() == 5 and store.stats()["documents"] == 5


def test_a_document_that_fails_fails_alone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bad = tarhuna_gna()
    original = writes.add_event

    def choke(raw: Any, doc: Any, *args: Any) -> None:
        if doc.doc_id == bad.document.doc_id:
            raise ValueError("cannot store this one")
        original(raw, doc, *args)

    monkeypatch.setattr(writes, "add_event", choke)
    monkeypatch.setattr("warwire.store.transaction.add_event", choke)
    with open_store(f"sqlite:///{tmp_path}/b.db") as store:
        results = list(store_all([tarhuna_partisan(), bad, unrelated(1)], store, batch=8))
        assert isinstance(results[1], Rejection) and results[1].stage == "store"
        assert [r.status for r in (results[0], results[2])] == ["added", "added"]  # type: ignore[union-attr]
        assert store.stats()["documents"] == 2 and store.version() == 2
