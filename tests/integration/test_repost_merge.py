"""A syndicated repost, grouped with its original, adds its document to the
original's events and never events of its own: undated, dated later than the
original (its relative dates then resolve wrongly), or stored before the
original came (real pipeline, SQLite)."""

from __future__ import annotations

from pathlib import Path

from warwire.config import Settings
from warwire.pipeline import ingest
from warwire.store import EventQuery, open_store
from warwire.store.base import IngestResult

BODY = (
    "Rebel fighters shelled an army base outside Dunmore on Friday, killing four "
    "soldiers, the defence ministry said.\n\n"
    "On Thursday, gunmen attacked a police post in Kessa, killing two officers, "
    "according to local officials.\n\n"
    "Residents said the fighting had forced hundreds of families to leave the area, and "
    "aid groups warned that food supplies were running low across the province."
)
ORIGINAL = f"# Base shelled\n\nValley Post, March 13, 2021\n\n{BODY}\n"
FOOTER = "The original source of this article is Valley Post"
UNDATED_COPY = f"# Base shelled\n\n{BODY}\n\n{FOOTER}\n"
LATER_COPY = f"# Base shelled\n\nMirror Wire, March 24, 2021\n\n{BODY}\n\n{FOOTER}\n"


def _ingest(tmp_path: Path, *texts: str) -> tuple[list[IngestResult], list[dict[str, object]]]:
    tmp_path.mkdir(exist_ok=True)
    store = open_store(f"sqlite:///{tmp_path / 'r.db'}")
    try:
        results = []
        for i, text in enumerate(texts):
            path = tmp_path / f"a{i}.md"
            path.write_text(text, encoding="utf-8")
            (done,) = list(ingest([str(path)], Settings(), store))
            assert isinstance(done, IngestResult)
            results.append(done)
        return results, store.events(EventQuery())
    finally:
        store.close()


def _dates(events: list[dict[str, object]]) -> list[object]:
    return sorted(str(e["date_start"]) for e in events)


def test_undated_repost_adds_no_event(tmp_path: Path) -> None:
    (done, again), events = _ingest(tmp_path, ORIGINAL, UNDATED_COPY)
    assert done.events_added > 0
    assert again.syndicated_from == done.doc_id
    assert (again.events_added, again.events_merged) == (0, done.events_added)
    assert all(len(e["doc_ids"]) == 2 for e in events)  # type: ignore[arg-type]


def test_later_dated_repost_takes_the_originals_dates(tmp_path: Path) -> None:
    (_,), by_original = _ingest(tmp_path / "one", ORIGINAL)
    (done, again), events = _ingest(tmp_path / "two", ORIGINAL, LATER_COPY)
    assert again.syndicated_from == done.doc_id
    assert again.events_added == 0
    assert _dates(events) == _dates(by_original) != []
    assert all(e["date_start"] for e in events)


def test_original_after_its_copy_takes_the_copys_reports(tmp_path: Path) -> None:
    (_,), by_original = _ingest(tmp_path / "one", ORIGINAL)
    (copy, original), events = _ingest(tmp_path / "two", LATER_COPY, ORIGINAL)
    assert copy.events_added > 0  # alone, the copy was the story
    assert _dates(events) == _dates(by_original)
    assert all(set(e["doc_ids"]) == {copy.doc_id, original.doc_id} for e in events)  # type: ignore[arg-type]
