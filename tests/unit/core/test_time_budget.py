"""The per-document time budget: checked between stages on a fake clock, so
the tests are exact; a document over it is a named rejection, the rest go on."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from warwire.config import Settings
from warwire.pipeline import Pipeline, analyse, default_pipeline
from warwire.testing import FakeClock
from warwire.types import Analysis, Document, Rejection, Sentence, Span


@dataclass
class CostlyStage:
    """Costs each document ``cost[doc_id]`` seconds of the fake clock (1 by default)."""

    clock: FakeClock
    cost: dict[str, float]
    name: str = "slowpoke"
    needs: frozenset[str] = frozenset()
    adds: frozenset[str] = frozenset({"sentences"})
    calls: list[list[str]] = field(default_factory=list)

    def __call__(self, batch: Sequence[Analysis]) -> list[Analysis]:
        self.calls.append([a.document.doc_id for a in batch])
        self.clock.now += sum(self.cost.get(a.document.doc_id, 1.0) for a in batch)
        return [replace(a, sentences=(Sentence(Span(a.document.doc_id, 0, 1)),)) for a in batch]


@dataclass
class LaterStage:
    seen: list[str] = field(default_factory=list)
    name: str = "later"
    needs: frozenset[str] = frozenset({"sentences"})
    adds: frozenset[str] = frozenset({"events"})

    def __call__(self, batch: Sequence[Analysis]) -> list[Analysis]:
        self.seen += [a.document.doc_id for a in batch]
        return list(batch)


def doc(doc_id: str) -> Document:
    return Document(doc_id=doc_id, input_id=f"{doc_id}.txt", text="x" * 10)


def run(
    cost: dict[str, float], ids: list[str], budget: float | None = 10.0
) -> tuple[list[Rejection], CostlyStage, LaterStage]:
    clock = FakeClock()
    slow, later = CostlyStage(clock, cost), LaterStage()
    pipeline = Pipeline([slow, later], budget=budget, clock=clock)
    out = list(analyse([doc(i) for i in ids], pipeline, batch_size=8))
    return [o for o in out if isinstance(o, Rejection)], slow, later


def test_a_document_over_the_budget_is_rejected_naming_the_stage() -> None:
    rejections, _, later = run({"stuck": 11.0}, ["stuck"])
    (why,) = rejections
    assert (why.stage, why.reason, why.input_id) == ("slowpoke", "over_budget", "stuck.txt")
    assert why.detail == "slowpoke took 11.0 s, over the time budget of 10 s"
    assert later.seen == []  # no later stage works on it


def test_only_the_slow_document_of_a_batch_is_rejected() -> None:
    rejections, slow, later = run({"stuck": 11.0}, ["a", "stuck", "b"])
    assert [r.input_id for r in rejections] == ["stuck.txt"]
    assert slow.calls == [["a", "stuck", "b"], ["a"], ["stuck"], ["b"]]  # who overran?
    assert later.seen == ["a", "b"]


def test_a_batch_within_the_budget_runs_once() -> None:
    rejections, slow, _ = run({}, ["a", "b", "c"])
    assert rejections == [] and slow.calls == [["a", "b", "c"]]


def test_a_slow_batch_of_quick_documents_rejects_none() -> None:
    rejections, slow, later = run({}, [str(i) for i in range(8)], budget=5.0)
    assert rejections == [] and len(slow.calls) == 9 and len(later.seen) == 8


def test_no_budget_no_rejection() -> None:
    rejections, _, later = run({"stuck": 1e6}, ["stuck"], budget=None)
    assert rejections == [] and later.seen == ["stuck"]


def test_the_default_pipeline_takes_the_budget_from_settings() -> None:
    assert default_pipeline(Settings(time_budget=7.5)).budget == 7.5
    assert Settings().time_budget == 300.0
