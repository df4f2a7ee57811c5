"""Worker processes for ``Settings.n_process > 1``: each runs the whole pipeline.

Parallelising only spaCy's parse (``nlp.pipe(n_process=...)``) leaves
warwire's own Python (events, places, claims: about half the work) on one
core and ships every parsed ``Doc`` back to be decoded in the parent. Here
each worker holds one pipeline (spaCy loaded once per process, or inherited
already loaded when the platform forks) and analyses whole batches; the
parent only reads, cleans and writes. Results come back in input order with
at most ``2 * n_process`` batches in flight, so memory stays bounded on any
input size.

Sentences come back as spans only: their tokens and entities are the parse
the stages read, which nothing after the pipeline does (export and the store
read events, claims, relations, toponyms and mentions), and pickling them
back would cost as much as a third of the parse.
"""

from __future__ import annotations

import gc
import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import replace
from typing import Protocol

from warwire.config import Settings
from warwire.types import Analysis, Document, Rejection, Sentence


class Runs(Protocol):
    """What a worker needs of a pipeline (warwire.pipeline.Pipeline is one)."""

    def run(self, batch: Sequence[Analysis]) -> list[Analysis]: ...


PipelineFactory = Callable[[Settings], Runs]

_worker: dict[str, Runs] = {}  # this process's pipeline, set by _start


def _start(settings: Settings, factory: PipelineFactory) -> None:
    _worker["pipeline"] = factory(settings)
    # the model, gazetteer and lexicons live as long as the worker: keep the collector's
    # full passes from walking (and, after fork, copying) their hundreds of thousands of objects
    gc.freeze()


def _run(docs: list[Document]) -> list[Analysis]:
    analyses = _worker["pipeline"].run([Analysis(document=d) for d in docs])
    return [lean(a) for a in analyses]


def lean(analysis: Analysis) -> Analysis:
    """The analysis without its sentences' parse (spans kept): what crosses processes."""
    if not any(s.tokens or s.entities for s in analysis.sentences):
        return analysis
    return replace(analysis, sentences=tuple(Sentence(span=s.span) for s in analysis.sentences))


def _context() -> multiprocessing.context.BaseContext:
    """Fork where there is one: workers start at once, sharing what the parent loaded."""
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


def analyse_in_processes(
    chunks: Iterable[list[Document | Rejection]],
    settings: Settings,
    factory: PipelineFactory,
) -> Iterator[tuple[list[Document | Rejection], list[Analysis]]]:
    """Each chunk with its documents' analyses (in order), analysed by
    ``settings.n_process`` workers; each builds its pipeline with ``factory``
    from ``settings`` (``n_process`` set to 1 there)."""
    n = settings.n_process
    one = settings.model_copy(update={"n_process": 1})
    with ProcessPoolExecutor(n, _context(), initializer=_start, initargs=(one, factory)) as pool:
        pending: deque[tuple[list[Document | Rejection], Future[list[Analysis]] | None]] = deque()
        for chunk in chunks:
            docs = [d for d in chunk if isinstance(d, Document)]
            pending.append((chunk, pool.submit(_run, docs) if docs else None))
            if len(pending) > 2 * n:
                yield _result(*pending.popleft())
        while pending:
            yield _result(*pending.popleft())


def _result(
    chunk: list[Document | Rejection], future: Future[list[Analysis]] | None
) -> tuple[list[Document | Rejection], list[Analysis]]:
    return chunk, future.result() if future is not None else []
