"""The Ray engine (warwire.distributed) against the single-process path.

A local Ray with two CPUs is started once for the module. The same inputs must
give the same documents, the same event records and the same Rejections on
both paths; a document a stage fails on must come back as a Rejection, never
go missing.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from warwire.config import Settings
from warwire.export import analysis_records
from warwire.pipeline import Pipeline, extract
from warwire.types import Analysis, Rejection

ray = pytest.importorskip("ray")

sys.path.insert(0, str(Path(__file__).resolve().parent))
from docgen import write_jsonl  # noqa: E402

from warwire.distributed import RayOptions, extract_ray, ingest_ray  # noqa: E402

pytestmark = pytest.mark.slow
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.fixture(scope="module", autouse=True)
def local_ray() -> Iterator[None]:
    ray.init(num_cpus=2, include_dashboard=False)
    ray.cloudpickle.register_pickle_by_value(sys.modules[__name__])
    yield
    ray.shutdown()


def outcome(items: Iterable[Analysis | Rejection]) -> tuple[set[str], set[str], set[str]]:
    """Documents, event records and Rejections, as comparable sets."""
    docs: set[str] = set()
    events: set[str] = set()
    rejected: set[str] = set()
    for item in items:
        if isinstance(item, Rejection):
            rejected.add(item.message())
            continue
        docs.add(item.document.doc_id)
        for record in analysis_records(item):
            if record["kind"] == "event":
                events.add(json.dumps(record, sort_keys=True, default=str))
    return docs, events, rejected


def test_examples_give_the_same_events_on_ray_in_the_same_order() -> None:
    single = list(extract([str(EXAMPLES)], Settings()))
    on_ray = list(extract_ray([str(EXAMPLES)], Settings(), RayOptions(workers=2)))
    assert outcome(single)[1], "the examples hold events"
    assert outcome(on_ray) == outcome(single)
    order = [
        [a.document.input_id for a in run if isinstance(a, Analysis)] for run in (single, on_ray)
    ]
    assert order[0] == order[1]  # the order documents are stored, and so merged, in


def test_a_thousand_generated_documents_give_the_same_events(tmp_path: Path) -> None:
    corpus = write_jsonl(tmp_path / "generated.jsonl", 1000)
    with corpus.open("a", encoding="utf-8") as out:
        out.write('{"id": "bad", "text": 7}\n')  # a bad line is one Rejection on both paths
    single = outcome(extract([str(corpus)], Settings()))
    on_ray = outcome(extract_ray([str(corpus)], Settings(), RayOptions(workers=2)))
    assert len(single[0]) == 1000 and len(single[1]) > 900
    assert len(single[2]) == 1
    assert on_ray == single


class FailsOnMarker:
    """A stage that raises on any document mentioning 'Gao'."""

    name = "fragile"
    needs = frozenset({"document"})
    adds = frozenset({"fragile"})

    def __call__(self, batch: Sequence[Analysis]) -> list[Analysis]:
        if any("Gao" in a.document.text for a in batch):
            raise RuntimeError("cannot handle this one")
        return [replace(a) for a in batch]


def fragile_pipeline(_settings: Settings) -> Pipeline:
    return Pipeline([FailsOnMarker()])  # no model: this test is about the engine


def test_a_failing_document_is_reported_and_the_rest_kept(tmp_path: Path) -> None:
    corpus = write_jsonl(tmp_path / "generated.jsonl", 60)
    texts = [json.loads(line)["text"] for line in corpus.read_text().splitlines()]
    failing = sum("Gao" in t for t in texts)
    assert 0 < failing < 60
    items = list(
        extract_ray([str(corpus)], Settings(), RayOptions(workers=2, factory=fragile_pipeline))
    )
    rejected = [i for i in items if isinstance(i, Rejection)]
    kept = [i for i in items if isinstance(i, Analysis) and not i.rejections]
    assert len(rejected) == failing
    assert all("fragile failed: RuntimeError" in r.detail for r in rejected)
    assert len(kept) + failing == 60


def test_ingest_on_ray_stores_what_the_single_path_stores(tmp_path: Path) -> None:
    from warwire.pipeline import ingest
    from warwire.store import EventQuery, open_store

    def events(url: str, run: Any) -> list[str]:
        store = open_store(url)
        try:
            results = list(run(store, Settings(db=url)))
            assert not [r for r in results if isinstance(r, Rejection)]
            found = store.events(EventQuery())
            return sorted(json.dumps({k: r[k] for k in ("event_type", "sub_event_type",
                                      "country", "event_date", "fatalities")}, default=str)
                          for r in found)  # fmt: skip
        finally:
            store.close()

    single_url, ray_url = f"sqlite:///{tmp_path}/one.db", f"sqlite:///{tmp_path}/ray.db"
    single = events(single_url, lambda s, cfg: ingest([str(EXAMPLES)], cfg, s))
    on_ray = events(
        ray_url, lambda s, cfg: ingest_ray([str(EXAMPLES)], s, cfg, RayOptions(workers=2))
    )
    assert single and on_ray == single
    again = open_store(ray_url)
    try:
        second = list(
            ingest_ray([str(EXAMPLES)], again, Settings(db=ray_url), RayOptions(workers=2))
        )
    finally:
        again.close()
    assert {getattr(r, "status", None) for r in second} == {"unchanged"}


def no_stages(_settings: Settings) -> Pipeline:
    return Pipeline([])  # reading and cleaning only


def test_parquet_rows_read_as_the_same_documents_as_jsonl_lines(tmp_path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    corpus = write_jsonl(tmp_path / "generated.jsonl", 40)
    rows = [json.loads(line) for line in corpus.read_text().splitlines()]
    pq.write_table(pa.Table.from_pylist(rows), tmp_path / "generated.parquet")

    def documents(items: Iterable[Analysis | Rejection]) -> set[tuple[Any, ...]]:
        return {(a.document.doc_id, a.document.input_id, a.document.title, a.document.published)
                for a in items if isinstance(a, Analysis)}  # fmt: skip

    single = documents(extract([str(corpus)], Settings(), pipeline=Pipeline([])))
    options = RayOptions(workers=2, factory=no_stages)
    on_ray = documents(extract_ray([str(tmp_path / "generated.parquet")], Settings(), options))
    assert len(single) == 40 and on_ray == single
