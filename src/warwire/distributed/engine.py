"""Run the pipeline on Ray Data and stream the results back to the caller.

The driver plans the inputs, starts (or joins, with ``address``) a Ray
cluster, maps the units through an actor pool and reads the results back in
input order. Storing stays on the driver, one document per transaction
through the existing store, so cross-document merging sees documents one at
a time exactly as in the single-process path, while the actors go on parsing.
If Ray gives up on a task (its own retries of dead workers exhausted), every
input not known to be finished is reported as a Rejection: nothing is lost
without a line saying so.
"""

from __future__ import annotations

import logging
import pickle
import warnings
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from typing import Any

from warwire.config import Settings
from warwire.distributed.sources import Plan, dataset, plan_inputs
from warwire.distributed.worker import PipelineActor, PipelineFactory
from warwire.errors import ConfigError, failure, one_line
from warwire.pipeline import outcome
from warwire.store import store_all
from warwire.store.base import IngestResult, Store
from warwire.types import Analysis, Rejection

log = logging.getLogger(__name__)

ACTOR_RESTARTS = 3  # a worker process that dies is restarted and its batch re-run
# The pool has one actor per CPU; each asks for half a CPU slot so that Ray Data's
# light read and split tasks always find a slot beside them (with whole slots the
# actors take every one and the reads wait forever).
ACTOR_CPUS = 0.5


@dataclass(frozen=True)
class RayOptions:
    """``address``: an existing cluster (``auto``, ``ray://host:10001``); None starts one here."""

    address: str | None = None
    workers: int | None = None  # actors in the pool; None: one per CPU of the cluster
    batch_size: int = 16
    factory: PipelineFactory | None = None  # tests only: another pipeline than the default


def _ray() -> Any:
    try:
        import ray
    except ImportError:
        raise ConfigError(
            "the ray engine needs the ray extra: pip install 'warwire[ray]'"
        ) from None
    return ray


def _connect(ray: Any, options: RayOptions) -> bool:
    """Join or start Ray; True when this call started it (and so must stop it)."""
    if ray.is_initialized():
        return False
    logging.getLogger("ray").setLevel(logging.ERROR)  # Ray's start-up notes are not the user's
    kwargs: dict[str, Any] = {"include_dashboard": False, "logging_level": logging.ERROR}
    if options.address:
        kwargs["address"] = options.address
    elif options.workers:
        kwargs["num_cpus"] = options.workers
    ray.init(**kwargs)
    return True


def _pool_size(ray: Any, options: RayOptions) -> int:
    return options.workers or max(1, int(ray.cluster_resources().get("CPU", 1)))


def _results(
    plan: Plan, settings: Settings, options: RayOptions, skip_db: str | None
) -> Iterator[Any]:
    ray = _ray()
    started = _connect(ray, options)
    try:
        context = ray.data.DataContext.get_current()  # before the dataset, which copies it
        context.execution_options.preserve_order = True
        logging.getLogger("ray.data").setLevel(logging.ERROR)
        context.enable_progress_bars = False
        units = dataset(plan)
        if units is None:
            return
        with warnings.catch_warnings():  # restart options still travel as ray_remote_args
            warnings.simplefilter("ignore")
            mapped = _mapped(ray, units, settings, options, skip_db)
        yield from _accounted(plan, mapped.iter_rows())
    finally:
        if started:
            ray.shutdown()


def _mapped(
    ray: Any, units: Any, settings: Settings, options: RayOptions, skip_db: str | None
) -> Any:
    return units.map_batches(
        PipelineActor,
        fn_constructor_kwargs={
            "settings": settings,
            "skip_db": skip_db,
            "factory": options.factory,
        },
        batch_size=options.batch_size,
        compute=ray.data.ActorPoolStrategy(size=_pool_size(ray, options)),
        num_cpus=ACTOR_CPUS,
        max_restarts=ACTOR_RESTARTS,
        max_task_retries=ACTOR_RESTARTS,
    )


def _accounted(plan: Plan, rows: Iterable[dict[str, Any]]) -> Iterator[Any]:
    """Decode result rows; if the engine fails, one Rejection per unfinished input."""
    done: Counter[str] = Counter()
    totals: dict[str, int] = {}
    try:
        for row in rows:
            source = str(row["source"])
            if row["kind"] == "done":
                done[source] += 1
                totals[source] = int(row["total"])
                continue
            payload = pickle.loads(row["payload"])
            yield IngestResult(payload, "unchanged") if row["kind"] == "unchanged" else payload
    except Exception as exc:
        log.debug("ray engine failed", exc_info=True)
        lost = failure("engine", exc, "")
        why = one_line(f"not processed: the ray engine failed: {type(exc).__name__}: {exc}")
        for source in plan.sources:
            if done[source] < totals.get(source, 1) or source not in totals:
                yield replace(lost, reason="lost", detail=why, input_id=one_line(source))


def extract_ray(
    inputs: Iterable[str], settings: Settings | None = None, options: RayOptions | None = None
) -> Iterator[Analysis | Rejection]:
    """``warwire.pipeline.extract`` on Ray: one Analysis per document, Rejections as they come."""
    settings = settings or Settings()
    plan = plan_inputs(inputs, settings)
    yield from plan.rejections
    for item in _results(plan, settings, options or RayOptions(), None):
        yield from outcome(item) if isinstance(item, Analysis) else (item,)


def ingest_ray(
    inputs: Iterable[str], store: Store, settings: Settings | None = None,
    options: RayOptions | None = None,
) -> Iterator[IngestResult | Rejection]:  # fmt: skip
    """``warwire.pipeline.ingest`` on Ray: actors analyse, this process stores (in input order)."""
    settings = settings or Settings()
    plan = plan_inputs(inputs, settings)
    yield from plan.rejections
    skip_db = None if ":memory:" in settings.db else settings.db
    for item in _results(plan, settings, options or RayOptions(), skip_db):
        # the single process's policy: a failed document is its rejection, not stored
        yield from store_all(outcome(item), store) if isinstance(item, Analysis) else (item,)
