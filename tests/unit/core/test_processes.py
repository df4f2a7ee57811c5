"""Worker processes must give what one process gives, in input order."""

from __future__ import annotations

from pathlib import Path

import pytest

from warwire.config import Settings
from warwire.export import analysis_records
from warwire.pipeline import extract, ingest
from warwire.store import open_store
from warwire.store.base import EventQuery
from warwire.types import Analysis, Rejection

# Own reports; one input is missing, so a Rejection must keep its place between them.
REPORTS = [
    "Gunmen killed four villagers in Kaduna on Tuesday, police said.",
    "Hundreds of students marched in Nairobi on Friday to demand lower fees.",
    "An air strike hit a market in Idlib on Monday, killing nine people, rescuers said.",
]


def _outputs(inputs: list[str], n_process: int) -> list[object]:
    settings = Settings(n_process=n_process, batch_size=1)
    out: list[object] = []
    for item in extract(inputs, settings):
        if isinstance(item, Rejection):
            out.append(("rejected", item.input_id))
        else:
            assert isinstance(item, Analysis)
            out.append(list(analysis_records(item)))
    return out


def _inputs(tmp_path: Path) -> list[str]:
    """The reports as files, with a missing one second: its rejection keeps its place."""
    paths = []
    for i, text in enumerate(REPORTS):
        path = tmp_path / f"report{i}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    return [paths[0], str(tmp_path / "missing.txt"), paths[1], paths[2]]


def test_two_workers_give_the_same_records_in_order(tmp_path: Path) -> None:
    inputs = _inputs(tmp_path)
    alone = _outputs(inputs, 1)
    assert ("rejected", str(tmp_path / "missing.txt")) in alone
    assert _outputs(inputs, 2) == alone


def _stored(inputs: list[str], n_process: int, db: Path) -> list[tuple[object, ...]]:
    settings = Settings(n_process=n_process, batch_size=1, db=f"sqlite:///{db}")
    statuses = [getattr(r, "status", "rejected") for r in ingest(inputs, settings)]
    assert statuses.count("added") == len(REPORTS)
    store = open_store(settings.db)
    try:
        events = store.events(EventQuery())
    finally:
        store.close()
    keys = ("event_id", "sub_event_type", "location", "fatalities", "actor1", "event_date")
    return sorted(tuple(e.get(k) for k in keys) for e in events)


def test_ingest_with_two_workers_stores_what_one_process_stores(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import warwire.pool

    pooled: list[int] = []
    real = warwire.pool.analyse_in_processes

    def spy(chunks, settings, factory):  # type: ignore[no-untyped-def]
        pooled.append(settings.n_process)
        return real(chunks, settings, factory)

    monkeypatch.setattr(warwire.pool, "analyse_in_processes", spy)
    inputs = _inputs(tmp_path)
    alone = _stored(inputs, 1, tmp_path / "one.db")
    assert len(alone) >= 2
    assert pooled == []
    assert _stored(inputs, 2, tmp_path / "two.db") == alone
    assert pooled == [2]  # the workers did the analysing
