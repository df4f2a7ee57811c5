"""A repost's reports on the store (no model): a copied sentence joins the
original's event and takes its dates, whatever the repost's own dating; a
copied sentence that matches nothing adds nothing; a sentence the original
lacks is new reporting and is stored as usual."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from store_builders import PARTISAN_TEXT, SIRTE, analysis, clash, make_doc, tarhuna_partisan

from warwire.store import EventQuery, open_store
from warwire.store.sql import SqlStore

EXTRA = " Separately, gunmen attacked a checkpoint outside Sirte on May 26."
HEADER = "MIRROR DESK | Home | World\n"


@pytest.fixture
def store(tmp_path: Path) -> Iterator[SqlStore]:
    with open_store(f"sqlite:///{tmp_path / 'r.db'}") as opened:
        yield opened


def test_copied_sentence_joins_the_original_and_keeps_its_date(store: SqlStore) -> None:
    original = store.add(tarhuna_partisan())
    doc = make_doc(HEADER + PARTISAN_TEXT, "Mirror Desk", "https://mirror.example/1",
                   date(2020, 6, 2))  # fmt: skip
    late = clash(doc, "clashes erupted north of Tarhuna early on May 24", "Mirror Desk",
                 day=date(2020, 6, 1))  # fmt: skip
    result = store.add(analysis(doc, late))
    assert result.syndicated_from == original.doc_id
    assert (result.events_added, result.events_merged) == (0, 1)
    (event,) = store.events(EventQuery())
    assert event["date_start"] == "2020-05-24" and len(event["doc_ids"]) == 2


def test_copied_sentence_matching_nothing_adds_nothing(store: SqlStore) -> None:
    store.add(tarhuna_partisan())
    doc = make_doc(HEADER + PARTISAN_TEXT, "Mirror Desk", "https://mirror.example/2")
    other = clash(doc, "shelling continued near the town's outskirts", "Mirror Desk",
                  event_type="Explosions/Remote violence",
                  sub_event_type="Shelling/artillery/missile attack")  # fmt: skip
    result = store.add(analysis(doc, other))
    assert result.syndicated_from and result.events_added == 0
    assert len(store.events(EventQuery())) == 1


def test_a_sentence_the_original_lacks_is_new_reporting(store: SqlStore) -> None:
    store.add(tarhuna_partisan())
    doc = make_doc(HEADER + PARTISAN_TEXT + EXTRA, "Mirror Desk", "https://mirror.example/3")
    attack = clash(doc, "gunmen attacked a checkpoint outside Sirte on May 26", "Mirror Desk",
                   day=date(2020, 5, 26), place=SIRTE, event_type="Violence against civilians",
                   sub_event_type="Attack")  # fmt: skip
    result = store.add(analysis(doc, attack))
    assert result.syndicated_from and result.events_added == 1
    assert len(store.events(EventQuery())) == 2
