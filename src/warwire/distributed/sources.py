"""Inputs -> a Ray dataset of work units, planned on the driver, read by Ray.

The driver only walks directories and sorts names by kind; the bytes are read
by Ray's readers in the workers (``read_binary_files``, ``read_parquet``), so
a cluster reads from shared storage in parallel. Every unit row says which
input ``source`` it came from and how many units that source holds
(``total``), so the driver can tell a finished input from a lost one.

Unit kinds: ``file`` (a whole HTML/Markdown/text/feed/WARC file), ``line``
(one JSON Lines record), ``record`` (one Parquet row, as JSON) and ``raw``
(a document the driver read itself: standard input and URLs, whose fetching
keeps its SSRF checks in one place).
"""

from __future__ import annotations

import json
import os
import pickle
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import partial
from pathlib import Path
from typing import Any

from warwire.config import Settings
from warwire.ingest.files import read_path, walk
from warwire.ingest.readers import read_inputs
from warwire.types import Rejection

Unit = dict[str, Any]
ROWS_PER_BLOCK = 16  # small blocks spread one big JSONL file over every actor
LIGHT = 0.1  # reading and splitting are light beside parsing


@dataclass
class Plan:
    """What the driver found, in input order: runs of inputs of one kind (``files``,
    ``jsonl``, ``parquet``, ``raws``), and the inputs rejected before any read.

    Keeping the order lets the results come back in the order the single-process
    path reads them, which is the order documents are stored (and merged) in.
    """

    runs: list[tuple[str, list[Any]]] = field(default_factory=list)
    rejections: list[Rejection] = field(default_factory=list)

    def add(self, kind: str, item: Any) -> None:
        if self.runs and self.runs[-1][0] == kind:
            self.runs[-1][1].append(item)
        else:
            self.runs.append((kind, [item]))

    def of(self, kind: str) -> list[Any]:
        return [item for k, items in self.runs if k == kind for item in items]

    @property
    def sources(self) -> list[str]:
        return [i.input_id if k == "raws" else i for k, items in self.runs for i in items]


def _add_file(plan: Plan, path: str) -> None:
    lower = path.lower()
    kind = (
        "parquet"
        if lower.endswith(".parquet")
        else "jsonl"
        if lower.endswith(".jsonl")
        else "files"
    )
    plan.add(kind, path)


def plan_inputs(inputs: Iterable[str], settings: Settings) -> Plan:
    """Expand directories and sort inputs by kind; missing paths become Rejections."""
    plan = Plan()
    for item in inputs:
        if item == "-" or "://" in item:
            for read in read_inputs([item], settings):
                if isinstance(read, Rejection):
                    plan.rejections.append(read)
                else:
                    plan.add("raws", read)
            continue
        try:
            is_dir = stat.S_ISDIR(os.stat(item).st_mode)
        except OSError:
            plan.rejections.extend(r for r in read_path(item, settings) if isinstance(r, Rejection))
            continue
        if not is_dir:
            _add_file(plan, item)
            continue
        for found in walk(item):
            if isinstance(found, Rejection):
                plan.rejections.append(found)
            else:
                _add_file(plan, found)
        for path in _parquet_under(item):  # not an input format of the local path
            plan.add("parquet", path)
    return plan


def _parquet_under(root: str) -> list[str]:
    """Parquet files below ``root`` in name order, hidden entries skipped (as ``walk``)."""
    found = []
    for path in sorted(Path(root).rglob("*.parquet")):
        parts = path.relative_to(root).parts
        if path.is_file() and not any(p.startswith(".") for p in parts):
            found.append(str(path))
    return found


def _file_unit(row: dict[str, Any]) -> Unit:
    path = str(row["path"])
    return {"source": path, "unit": path, "kind": "file", "data": row["bytes"], "total": 1}


def _line_units(row: dict[str, Any]) -> Iterator[Unit]:
    path = str(row["path"])
    lines = [(n, line) for n, line in enumerate(bytes(row["bytes"]).split(b"\n"), 1)]
    kept = [(n, line) for n, line in lines if line.strip()]
    for n, line in kept:
        yield {"source": path, "unit": f"{path}:{n}", "kind": "line", "data": line,
               "total": len(kept)}  # fmt: skip


def _jsonable(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    return value


def _record_unit(row: dict[str, Any], totals: dict[str, int]) -> Unit:
    path = str(row.pop("path"))
    record = {k: _jsonable(v) for k, v in row.items()}
    key = record.get("id")
    unit = f"{path}#{key}" if key not in (None, "") else path
    data = json.dumps(record).encode("utf-8")
    return {"source": path, "unit": unit, "kind": "record", "data": data,
            "total": totals.get(path, 1)}  # fmt: skip


def _parquet_rows(paths: list[str]) -> dict[str, int]:
    import pyarrow.parquet as pq

    return {p: pq.ParquetFile(p).metadata.num_rows for p in paths}


def _part(data: Any, kind: str, items: list[Any]) -> Any:
    """The units of one run of same-kind inputs, read by Ray's reader for that kind."""
    if kind == "files":
        files = data.read_binary_files(items, include_paths=True, num_cpus=LIGHT)
        return files.map(_file_unit, num_cpus=LIGHT)
    if kind == "jsonl":
        jsonl = data.read_binary_files(items, include_paths=True, num_cpus=LIGHT)
        return jsonl.flat_map(_line_units, num_cpus=LIGHT)
    if kind == "parquet":
        table = data.read_parquet(items, include_paths=True, num_cpus=LIGHT)
        return table.map(partial(_record_unit, totals=_parquet_rows(items)), num_cpus=LIGHT)
    raws = [
        {
            "source": r.input_id,
            "unit": r.input_id,
            "kind": "raw",
            "data": pickle.dumps(r),
            "total": 1,
        }
        for r in items
    ]
    return data.from_items(raws)


def dataset(plan: Plan) -> Any:
    """One Ray dataset of units for every input the plan holds (None if it holds none)."""
    import ray.data

    parts = [_part(ray.data, kind, items) for kind, items in plan.runs]
    if not parts:
        return None
    units = parts[0].union(*parts[1:]) if len(parts) > 1 else parts[0]
    return units.repartition(target_num_rows_per_block=ROWS_PER_BLOCK)
