"""A syndicated repost, grouped with its original, adds its document to the
original's events and never events of its own, even when, undated itself, its
reports could not be placed in time (real pipeline, SQLite)."""

from __future__ import annotations

from pathlib import Path

from warwire.config import Settings
from warwire.store import ingest, open_store
from warwire.store.base import IngestResult

BODY = (
    "Rebel fighters shelled an army base outside Dunmore on Friday, killing four "
    "soldiers, the defence ministry said.\n\n"
    "On Thursday, gunmen attacked a police post in Kessa, killing two officers, "
    "according to local officials.\n\n"
    "Residents said the fighting had forced hundreds of families to leave the area, and "
    "aid groups warned that food supplies were running low across the province."
)


def test_repost_adds_no_event(tmp_path: Path) -> None:
    original = tmp_path / "original.md"
    original.write_text(f"# Base shelled\n\nValley Post, March 13, 2021\n\n{BODY}\n")
    repost = tmp_path / "repost.md"
    repost.write_text(
        f"# Base shelled\n\n{BODY}\n\nThe original source of this article is Valley Post\n"
    )
    store = open_store(f"sqlite:///{tmp_path / 'r.db'}")
    try:
        (done,) = list(ingest([str(original)], Settings(), store))
        assert isinstance(done, IngestResult) and done.events_added > 0
        (again,) = list(ingest([str(repost)], Settings(), store))
        assert isinstance(again, IngestResult)
        assert again.syndicated_from == done.doc_id
        assert again.events_added == 0
        assert again.events_merged == done.events_added
    finally:
        store.close()
