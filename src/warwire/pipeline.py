"""An ordered list of named stages, checked when it is built, run in batches.

A stage declares what it ``needs`` from the :class:`~warwire.types.Analysis`
and what it ``adds``; :class:`Pipeline` refuses an order in which a stage
would run before what it needs exists, so a mis-ordered pipeline fails at
start-up, not halfway through a batch. Stages take and return whole batches
so that model-backed stages can use ``nlp.pipe``.

A ``budget`` (seconds, ``Settings.time_budget``) bounds what one stage may
spend on one document: a stage that overruns it on a batch is run again one
document at a time, and a document that overruns it alone is rejected
(reason ``over_budget``, naming the stage) before any later stage sees it.
The budget is checked between stages, not by interrupting one (no signals,
so it holds in threads, worker processes and the API alike).

:func:`ingest_documents` is the one ingest path (``warwire ingest``, the
library's ``ingest``, ``POST /api/documents``): one error policy for all.
A document a stage failed on (or overran the budget on) comes out as its
rejections only, never as a document: it is not stored, so the next run
tries it again.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace
from itertools import islice
from typing import TYPE_CHECKING, TypeVar

from warwire.config import Settings
from warwire.errors import InputError, PipelineError, failure, one_line
from warwire.stage import Stage
from warwire.types import Analysis, Document, RawDocument, Rejection

if TYPE_CHECKING:
    from warwire.store.base import IngestResult, Store

log = logging.getLogger(__name__)
T = TypeVar("T")


class Pipeline:
    """Stages in order; what each needs must be added by one before it."""

    def __init__(
        self,
        stages: Sequence[Stage],
        start: frozenset[str] = frozenset({"document"}),
        budget: float | None = None,
        clock: Callable[[], float] = time.monotonic,
    ):
        available = set(start)
        names: set[str] = set()
        for stage in stages:
            if stage.name in names:
                raise PipelineError(f"stage {stage.name!r} appears twice")
            missing = stage.needs - available
            if missing:
                raise PipelineError(
                    f"stage {stage.name!r} needs {sorted(missing)} which no earlier stage adds"
                )
            names.add(stage.name)
            available |= stage.adds
        self.stages: tuple[Stage, ...] = tuple(stages)
        self.provides: frozenset[str] = frozenset(available)
        self.budget = budget
        self.clock = clock

    @property
    def names(self) -> list[str]:
        return [s.name for s in self.stages]

    def run(self, batch: Sequence[Analysis]) -> list[Analysis]:
        """Run every stage over the batch. A document a stage fails on (or overruns
        the budget on) keeps what it had, carries a Rejection naming the stage and
        the error, and skips the later stages; the rest of the batch goes on."""
        current = list(batch)
        for stage in self.stages:
            live = [a for a in current if not a.rejections]
            done = iter(self._stage(stage, live))
            current = [a if a.rejections else next(done) for a in current]
            current = [
                a if a.rejections else replace(a, provided=a.provided | stage.adds) for a in current
            ]
        return current

    def _stage(self, stage: Stage, live: list[Analysis]) -> list[Analysis]:
        if not live:
            return []
        started = self.clock()
        try:
            done = list(stage(live))
        except Exception:
            return [self._alone(stage, a) for a in live]
        spent = self.clock() - started
        if self.budget is None or spent <= self.budget:
            return done
        if len(live) == 1:
            return [_over_budget(stage, live[0], spent, self.budget)]
        return [self._alone(stage, a) for a in live]  # which one overran?

    def _alone(self, stage: Stage, analysis: Analysis) -> Analysis:
        started = self.clock()
        out = _one(stage, analysis)
        spent = self.clock() - started
        if self.budget is not None and spent > self.budget and not out.rejections:
            return _over_budget(stage, analysis, spent, self.budget)
        return out


def _over_budget(stage: Stage, analysis: Analysis, spent: float, budget: float) -> Analysis:
    why = f"{stage.name} took {spent:.1f} s, over the time budget of {budget:g} s"
    where = one_line(analysis.document.input_id)
    rejection = Rejection(stage.name, "over_budget", why, where)
    return replace(analysis, rejections=(*analysis.rejections, rejection))


def _one(stage: Stage, analysis: Analysis) -> Analysis:
    try:
        (out,) = stage([analysis])
        return out
    except Exception as exc:
        # the Rejection is the user's one line; the traceback goes to --errors only
        log.debug("stage %s failed on %s", stage.name, analysis.document.input_id, exc_info=True)
        rejection = failure(stage.name, exc, analysis.document.input_id)
        return replace(analysis, rejections=(*analysis.rejections, rejection))


def default_pipeline(settings: Settings) -> Pipeline:
    """The stages ``warwire extract`` runs after cleaning, in order."""
    from warwire.registry import default_stages

    return Pipeline(default_stages(settings), budget=settings.time_budget)


def batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def documents(inputs: Iterable[str], settings: Settings) -> Iterator[Document | Rejection]:
    """Read and clean every input; bad ones come out as Rejections, in order.

    A lone ``str`` is one input (a path or URL), never a sequence of characters;
    to analyse text itself use :func:`warwire.extract_text`.
    """
    from warwire.ingest import read_inputs

    lone = isinstance(inputs, str)
    for item in read_inputs([inputs] if isinstance(inputs, str) else inputs, settings):
        if isinstance(item, Rejection):
            if lone and item.reason == "missing":  # most likely text meant as text
                item = replace(item, detail=f"{item.detail} (for text, use warwire.extract_text)")
            yield item
            continue
        yield clean(item, settings)


def clean(raw: RawDocument, settings: Settings) -> Document | Rejection:
    """One raw document cleaned, inside its own error boundary."""
    from warwire.clean import clean_document

    try:
        return clean_document(raw, settings)
    except InputError as exc:
        return Rejection("clean", exc.reason, one_line(exc.detail), one_line(exc.input_id))
    except Exception as exc:  # a cleaning library choking on hostile markup
        log.debug("cleaning failed on %s", raw.input_id, exc_info=True)
        return failure("clean", exc, raw.input_id)


def extract(
    inputs: Iterable[str],
    settings: Settings | None = None,
    pipeline: Pipeline | None = None,
    on_document: Callable[[Document], None] | None = None,
) -> Iterator[Analysis | Rejection]:
    """Read, clean and analyse ``inputs`` (paths, URLs, ``-``; one ``str`` is one
    input), batch by batch.

    Yields one :class:`Analysis` per document and one :class:`Rejection` per
    input that could not be read, so callers can report both as they come.
    With ``settings.n_process > 1`` (and no ``pipeline`` given) that many worker
    processes analyse the batches (:mod:`warwire.pool`); the analyses they
    return keep their sentences' spans but not their parse.
    """
    settings = settings or Settings()
    yield from analysed(documents(inputs, settings), settings, pipeline, on_document)


def analysed(
    items: Iterable[Document | Rejection],
    settings: Settings,
    pipeline: Pipeline | None = None,
    on_document: Callable[[Document], None] | None = None,
) -> Iterator[Analysis | Rejection]:
    """:func:`analyse` in this process, or in ``settings.n_process`` worker processes
    when no ``pipeline`` is given (their analyses keep sentence spans, not the parse)."""
    if pipeline is None and settings.n_process > 1:
        from warwire.pool import analyse_in_processes

        chunks = batched(items, settings.batch_size)
        for chunk, analyses in analyse_in_processes(chunks, settings, default_pipeline):
            yield from _emit(chunk, analyses, on_document)
        return
    pipeline = pipeline or default_pipeline(settings)
    yield from analyse(items, pipeline, settings.batch_size, on_document)


def analyse(
    items: Iterable[Document | Rejection],
    pipeline: Pipeline,
    batch_size: int = 32,
    on_document: Callable[[Document], None] | None = None,
) -> Iterator[Analysis | Rejection]:
    """Run ``pipeline`` over already-cleaned documents, passing rejections through."""
    for chunk in batched(items, batch_size):
        docs = [Analysis(document=d) for d in chunk if isinstance(d, Document)]
        yield from _emit(chunk, pipeline.run(docs) if docs else [], on_document)


def _emit(
    chunk: list[Document | Rejection],
    analyses: list[Analysis],
    on_document: Callable[[Document], None] | None,
) -> Iterator[Analysis | Rejection]:
    """A chunk's items in input order: rejections as they are, documents as their outcome."""
    results = iter(analyses)
    for item in chunk:
        if isinstance(item, Rejection):
            yield item
        else:
            if on_document:
                on_document(item)
            yield from outcome(next(results))


def outcome(analysis: Analysis) -> Iterator[Analysis | Rejection]:
    """What one analysed document comes out as: its rejections, then itself
    unless a stage failed on it (then it is a rejection only)."""
    yield from analysis.rejections
    if not failed(analysis):
        yield analysis


def failed(analysis: Analysis) -> bool:
    """A stage failed on it or overran the budget (a document kept unread has not)."""
    from warwire.clean.language import NOT_EXTRACTED

    return any(r.reason != NOT_EXTRACTED for r in analysis.rejections)


def ingest_documents(
    items: Iterable[Document | Rejection],
    store: Store,
    settings: Settings,
    pipeline: Pipeline | None = None,
) -> Iterator[IngestResult | Rejection]:
    """Analyse and store cleaned documents in order, ``settings.batch_size`` to a transaction
    (analysed in ``settings.n_process`` worker processes when no ``pipeline`` is given).

    Documents already stored are not analysed again (a killed run resumes
    cheaply); a document a stage failed on is only its rejection, so it is
    retried next time; storing one document is its own error boundary too.
    """
    from warwire.store import store_all
    from warwire.store.base import IngestResult

    skipped: list[IngestResult] = []

    def fresh() -> Iterator[Document | Rejection]:
        for item in items:
            if isinstance(item, Document) and store.has_document(item.doc_id):
                skipped.append(IngestResult(item.doc_id, "unchanged"))
                continue
            yield item

    for result in store_all(analysed(fresh(), settings, pipeline), store, settings.batch_size):
        yield from skipped
        skipped.clear()
        yield result
    yield from skipped


def ingest(
    inputs: Iterable[str], settings: Settings | None = None, store: Store | None = None
) -> Iterator[IngestResult | Rejection]:
    """Read, analyse and store ``inputs``; yields what happened to each one.

    Documents already stored are not analysed again (resuming a killed run is
    cheap). Without ``store`` the database of ``settings.db`` is opened and
    closed here.
    """
    from warwire.store import open_store

    settings = settings or Settings()
    own = store is None
    target: Store = store if store is not None else open_store(settings.db)
    try:
        yield from ingest_documents(documents(inputs, settings), target, settings)
    finally:
        if own:
            target.close()
