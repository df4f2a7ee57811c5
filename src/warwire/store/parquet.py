"""A Parquet writer with the interface of :mod:`warwire.export`'s writers.

Rows are ACLED's columns plus warwire's (the same as ``acled-csv``) so a
Parquet export loads straight into pandas, DuckDB or Arrow; nested claims
are kept as a JSON string column so no claim is lost.
"""

from __future__ import annotations

import json
from typing import IO, Any

import pyarrow as pa
import pyarrow.parquet as pq

from warwire.export import acled_row
from warwire.serialize import Record
from warwire.taxonomy import ACLED_COLUMNS, WARWIRE_COLUMNS

INT_COLUMNS = frozenset({"time_precision", "iso", "geo_precision", "fatalities"})
FLOAT_COLUMNS = frozenset({"latitude", "longitude", "confidence"})
EXTRA_COLUMNS = ("corroboration", "claims_json")


def _schema() -> pa.Schema:
    fields = []
    for name in (*ACLED_COLUMNS, *WARWIRE_COLUMNS):
        if name in INT_COLUMNS:
            fields.append(pa.field(name, pa.int64()))
        elif name in FLOAT_COLUMNS:
            fields.append(pa.field(name, pa.float64()))
        else:
            fields.append(pa.field(name, pa.string()))
    fields += [pa.field("corroboration", pa.int64()), pa.field("claims_json", pa.string())]
    return pa.schema(fields)


def _cell(name: str, value: Any) -> Any:
    if value == "" or value is None:
        return None
    if name in INT_COLUMNS:
        return int(value)
    if name in FLOAT_COLUMNS:
        return float(value)
    return str(value)


class ParquetWriter:
    """Buffers event rows and writes one Parquet file at close (binary ``out``)."""

    def __init__(self, out: IO[bytes] | str) -> None:
        self.out = out
        self.schema = _schema()
        self.publishers: dict[str, str] = {}
        self.rows: list[dict[str, Any]] = []

    def write(self, record: Record) -> None:
        if record["kind"] == "document" and record.get("publisher"):
            self.publishers[record["doc_id"]] = record["publisher"]
        elif record["kind"] == "event":
            row = {k: _cell(k, v) for k, v in acled_row(record, self.publishers).items()}
            row["corroboration"] = record.get("corroboration")
            row["claims_json"] = json.dumps(record.get("claims") or [], ensure_ascii=False)
            self.rows.append(row)

    def close(self) -> None:
        table = pa.Table.from_pylist(self.rows, schema=self.schema)
        pq.write_table(table, self.out)
