"""``SqlStore.add_many``: one transaction for a batch, the same result as ``add`` one by one."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from warwire.store import EventQuery, open_store

from store_builders import (  # isort: skip
    tarhuna_gna, tarhuna_partisan, tarhuna_repost, unrelated,
)  # fmt: skip


def _events(store: Any) -> list[str]:
    keep = ("event_type", "sub_event_type", "event_date", "country", "fatalities", "doc_ids")
    return sorted(
        json.dumps({k: e[k] for k in keep}, default=str) for e in store.events(EventQuery())
    )


def test_a_batch_stores_and_merges_as_documents_one_by_one(tmp_path: Path) -> None:
    batch = [tarhuna_partisan(), unrelated(1), tarhuna_gna(), tarhuna_repost(), unrelated(2)]
    one, many = (
        open_store(f"sqlite:///{tmp_path}/one.db"),
        open_store(f"sqlite:///{tmp_path}/many.db"),
    )
    try:
        singly = [one.add(a) for a in batch]
        together = many.add_many(batch)
        assert [(r.doc_id, r.status, r.syndicated_from) for r in together] == [
            (r.doc_id, r.status, r.syndicated_from) for r in singly
        ]
        assert _events(many) == _events(one)
        assert many.stats()["events"] < len(batch)  # the Tarhuna reports merged
    finally:
        one.close()
        many.close()


def test_a_stored_document_in_a_batch_is_unchanged_and_the_rest_is_kept(tmp_path: Path) -> None:
    store = open_store(f"sqlite:///{tmp_path}/s.db")
    try:
        store.add(unrelated(1))
        results = store.add_many([unrelated(1), unrelated(2)])
        assert [r.status for r in results] == ["unchanged", "added"]
        assert store.has_document(unrelated(2).document.doc_id)
    finally:
        store.close()
