"""Scale-out on Ray Data: the same stages as ``warwire extract``, one pipeline per actor.

Why Ray and not a home-made pool: Ray Data streams with backpressure, keeps a
pool of stateful actors (spaCy is loaded once per actor, not per batch),
retries tasks on dead workers and runs the same code on a laptop or a cluster
(``--address``). Ray is an optional extra (``pip install warwire[ray]``); this
package imports it only when an engine is asked for, so the default install
and the single-process path never touch it.

- :mod:`~warwire.distributed.sources`: inputs -> a Ray dataset of work units
  (files through ``read_binary_files``, JSONL split into lines, Parquet rows);
- :mod:`~warwire.distributed.worker`: the actor; units -> documents ->
  ``warwire.pipeline`` -> encoded results, failures as Rejections;
- :mod:`~warwire.distributed.engine`: connect, run, stream results back, and
  account for every input (nothing is lost silently).
"""

from __future__ import annotations

from warwire.distributed.engine import RayOptions, extract_ray, ingest_ray

__all__ = ["RayOptions", "extract_ray", "ingest_ray"]
