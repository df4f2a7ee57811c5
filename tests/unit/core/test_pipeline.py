from collections.abc import Sequence
from dataclasses import dataclass, replace

import pytest

from warwire.errors import PipelineError
from warwire.pipeline import Pipeline, analyse, batched
from warwire.types import Analysis, Document, Rejection, Sentence, Span


@dataclass
class FakeStage:
    name: str
    needs: frozenset[str]
    adds: frozenset[str]

    def __call__(self, batch: Sequence[Analysis]) -> list[Analysis]:
        return [
            replace(a, sentences=(*a.sentences, Sentence(Span(a.document.doc_id, 0, 1))))
            for a in batch
        ]


def stage(name: str, needs: set[str], adds: set[str]) -> FakeStage:
    return FakeStage(name, frozenset(needs), frozenset(adds))


def doc(doc_id: str) -> Document:
    return Document(doc_id=doc_id, input_id=doc_id, text="x" * 10)


def test_pipeline_refuses_a_stage_before_what_it_needs() -> None:
    with pytest.raises(PipelineError, match="'events' needs \\['toponyms'\\]"):
        Pipeline(
            [stage("events", {"toponyms"}, {"events"}), stage("toponyms", set(), {"toponyms"})]
        )


def test_pipeline_refuses_duplicate_names() -> None:
    with pytest.raises(PipelineError, match="twice"):
        Pipeline([stage("a", set(), set()), stage("a", set(), set())])


def test_pipeline_runs_in_order_and_records_what_was_added() -> None:
    pipeline = Pipeline(
        [stage("one", {"document"}, {"sentences"}), stage("two", {"sentences"}, {"events"})]
    )
    assert pipeline.names == ["one", "two"]
    assert pipeline.provides == {"document", "sentences", "events"}
    [result] = pipeline.run([Analysis(document=doc("d"))])
    assert len(result.sentences) == 2
    assert result.provided == {"document", "sentences", "events"}


def test_analyse_keeps_input_order_with_rejections_interleaved() -> None:
    items: list[Document | Rejection] = [
        doc("a"),
        Rejection("ingest", "missing", "no such file", "x.txt"),
        doc("b"),
    ]
    seen: list[str] = []
    out = list(
        analyse(items, Pipeline([]), batch_size=2, on_document=lambda d: seen.append(d.doc_id))
    )
    assert [o.document.doc_id if isinstance(o, Analysis) else o.reason for o in out] == [
        "a",
        "missing",
        "b",
    ]
    assert seen == ["a", "b"]


def test_batched() -> None:
    assert list(batched(range(5), 2)) == [[0, 1], [2, 3], [4]]


@dataclass
class FragileStage:
    """Fails on any batch holding the document ``bad``."""

    name: str = "fragile"
    needs: frozenset[str] = frozenset()
    adds: frozenset[str] = frozenset({"sentences"})

    def __call__(self, batch: Sequence[Analysis]) -> list[Analysis]:
        if any(a.document.doc_id == "bad" for a in batch):
            raise ValueError("cannot read this one")
        return [replace(a, sentences=(Sentence(Span(a.document.doc_id, 0, 1)),)) for a in batch]


def test_a_failing_document_is_reported_and_the_batch_goes_on() -> None:
    pipeline = Pipeline([FragileStage(), stage("after", {"sentences"}, {"events"})])
    out = list(analyse([doc("a"), doc("bad"), doc("c")], pipeline, batch_size=8))
    rejections = [o for o in out if isinstance(o, Rejection)]
    analyses = [o for o in out if isinstance(o, Analysis)]
    assert [a.document.doc_id for a in analyses] == ["a", "c"]  # "bad" is its rejection only
    assert len(rejections) == 1 and rejections[0].input_id == "bad"
    assert "fragile failed: ValueError: cannot read this one" in rejections[0].detail
    good = [a for a in analyses if a.document.doc_id != "bad"]
    assert all("events" in a.provided and len(a.sentences) == 2 for a in good)
