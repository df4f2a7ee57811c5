"""One failure policy for every ingest path: a document a stage failed on, or
overran the time budget on, is a rejection only (class and traceback kept for
``--errors``), never stored, so the next run tries it again; the Ray worker's
rejections carry the same error class and traceback as the single process's.
The pipelines are fakes on a fake clock (no model, no Ray)."""

from __future__ import annotations

import pickle
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import pytest

import warwire.pipeline
from warwire.config import Settings
from warwire.distributed.engine import _accounted
from warwire.distributed.sources import Plan
from warwire.distributed.worker import PipelineActor
from warwire.pipeline import Pipeline, ingest
from warwire.store import open_store
from warwire.store.base import IngestResult
from warwire.testing import FakeClock
from warwire.types import Analysis, Rejection


@dataclass
class SlowOnSlow:
    """Spends ``cost`` seconds of the fake clock on a document that says 'slow'."""

    clock: FakeClock
    cost: float
    name: str = "events"
    needs: frozenset[str] = frozenset()
    adds: frozenset[str] = frozenset({"events"})

    def __call__(self, batch: Sequence[Analysis]) -> list[Analysis]:
        self.clock.now += sum(self.cost for a in batch if "slow" in a.document.text)
        return [replace(a) for a in batch]


def test_a_document_over_budget_is_not_stored_and_is_retried(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    clock = FakeClock()
    stage = SlowOnSlow(clock, cost=60.0)
    monkeypatch.setattr(
        warwire.pipeline, "default_pipeline", lambda s: Pipeline([stage], budget=10, clock=clock)
    )
    (tmp_path / "quick.txt").write_text("Title\n\nA quiet day in the valley.\n")
    (tmp_path / "stuck.txt").write_text("Title\n\nA slow day in the valley.\n")
    settings = Settings(db=f"sqlite:///{tmp_path / 'b.db'}")
    inputs = [str(tmp_path / "quick.txt"), str(tmp_path / "stuck.txt")]

    first = list(ingest(inputs, settings))
    (why,) = [r for r in first if isinstance(r, Rejection)]
    assert (why.reason, why.stage, why.input_id) == ("over_budget", "events", inputs[1])
    assert [r.status for r in first if isinstance(r, IngestResult)] == ["added"]

    stage.cost = 1.0  # the next run has the time: the document is analysed, not "unchanged"
    second = list(ingest(inputs, settings))
    assert [(type(r).__name__, getattr(r, "status", None)) for r in second] == [
        ("IngestResult", "unchanged"),
        ("IngestResult", "added"),
    ]
    store = open_store(settings.db)
    try:
        assert len(store.documents()) == 2
    finally:
        store.close()


class Broken(Pipeline):
    """A pipeline whose whole run fails (as a worker's would on a bug outside any stage)."""

    def run(self, batch: Sequence[Analysis]) -> list[Analysis]:
        raise KeyError("lost the batch")


def _unit(kind: str, unit: str, data: bytes) -> dict[str, object]:
    return {"source": unit, "unit": unit, "kind": kind, "data": data, "total": 1}


def test_a_ray_worker_rejection_carries_class_and_traceback() -> None:
    actor = PipelineActor(Settings(), factory=lambda s: Broken([]))
    unit = _unit("file", "w.txt", b"Title\n\nGunmen attacked a post on Monday.\n")
    out = actor({key: [value] for key, value in unit.items()})
    rows = [pickle.loads(p) for p, kind in zip(out["payload"], out["kind"], strict=True)
            if kind == "analysis"]  # fmt: skip
    (why,) = rows
    assert isinstance(why, Rejection) and why.input_id == "w.txt"
    assert (why.stage, why.reason, why.error) == ("engine", "stage_failed", "KeyError")
    assert why.traceback and why.traceback.rstrip().endswith("KeyError: 'lost the batch'")


def test_a_ray_reader_failure_carries_its_traceback() -> None:
    actor = PipelineActor(Settings(), factory=lambda s: Pipeline([]))
    out = actor({key: [value] for key, value in _unit("record", "t.parquet#1", b"{").items()})
    (why,) = [pickle.loads(p) for p, k in zip(out["payload"], out["kind"], strict=True)
              if k == "rejection"]  # fmt: skip
    assert (why.stage, why.reason, why.input_id) == ("read", "stage_failed", "t.parquet#1")
    assert why.error == "JSONDecodeError" and "Traceback" in why.traceback


def test_an_engine_failure_keeps_its_traceback() -> None:
    def rows():  # type: ignore[no-untyped-def]
        raise RuntimeError("worker died")
        yield

    (lost,) = _accounted(Plan(runs=[("files", ["a.txt"])]), rows())
    assert (lost.reason, lost.input_id, lost.error) == ("lost", "a.txt", "RuntimeError")
    assert lost.traceback and "worker died" in lost.traceback
