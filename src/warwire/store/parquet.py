"""A Parquet writer with the interface of :mod:`warwire.export`'s writers.

Rows are ACLED's columns plus warwire's (the same as ``acled-csv``) with real
types, so a Parquet export loads straight into pandas, DuckDB or Arrow: dates
are dates, years, counts and ``timestamp`` integers, ``doc_ids`` a list and
``claims`` a list of structs (claimant, hedge, polarity, figure, evidence)
so no claim is flattened away.
"""

from __future__ import annotations

from datetime import date
from typing import IO, Any

import pyarrow as pa
import pyarrow.parquet as pq

from warwire.export import CLAIM_COLUMNS, Admin1Spelling, acled_row
from warwire.serialize import Record
from warwire.taxonomy import ACLED_COLUMNS, WARWIRE_COLUMNS

INT_COLUMNS = frozenset({"year", "time_precision", "iso", "geo_precision", "fatalities",
                         "timestamp", "corroboration"})  # fmt: skip
FLOAT_COLUMNS = frozenset({"latitude", "longitude", "confidence"})
DATE_COLUMNS = frozenset({"event_date", "date_start", "date_end"})
CLAIM = pa.struct([
    ("claimant", pa.string()), ("hedge", pa.string()), ("polarity", pa.string()),
    ("fatalities", pa.int64()), ("doc_id", pa.string()), ("start", pa.int64()),
    ("end", pa.int64()), ("evidence", pa.string()),
])  # fmt: skip
NESTED = {"doc_ids": pa.list_(pa.string()), "claims": pa.list_(CLAIM)}


def _type(name: str) -> pa.DataType:
    if name in NESTED:
        return NESTED[name]
    if name in INT_COLUMNS:
        return pa.int64()
    if name in FLOAT_COLUMNS:
        return pa.float64()
    if name in DATE_COLUMNS:
        return pa.date32()
    return pa.string()


def _schema() -> pa.Schema:
    names = [*ACLED_COLUMNS, *WARWIRE_COLUMNS, *CLAIM_COLUMNS, "corroboration", "claims"]
    return pa.schema([pa.field(n, _type(n)) for n in names])


def _cell(name: str, value: Any) -> Any:
    if value == "" or value is None:
        return None
    if name in INT_COLUMNS:
        return int(value)
    if name in FLOAT_COLUMNS:
        return float(value)
    if name in DATE_COLUMNS:
        return date.fromisoformat(str(value))
    return str(value)


def _claim(claim: Record) -> Record:
    evidence = claim.get("evidence") or {}
    return {"claimant": claim.get("claimant"), "hedge": claim.get("hedge"),
            "polarity": claim.get("polarity"), "fatalities": claim.get("fatalities"),
            "doc_id": evidence.get("doc_id"), "start": evidence.get("start"),
            "end": evidence.get("end"), "evidence": evidence.get("text")}  # fmt: skip


class ParquetWriter:
    """Buffers event rows and writes one Parquet file at close (binary ``out``)."""

    def __init__(self, out: IO[bytes] | str) -> None:
        self.out = out
        self.schema = _schema()
        self.publishers: dict[str, str] = {}
        self.spelling = Admin1Spelling()
        self.rows: list[dict[str, Any]] = []

    def write(self, record: Record) -> None:
        if record["kind"] == "document" and record.get("publisher"):
            self.publishers[record["doc_id"]] = record["publisher"]
        elif record["kind"] == "event":
            flat = self.spelling(acled_row(record, self.publishers))
            row = {k: _cell(k, v) for k, v in flat.items() if k not in NESTED}
            row["doc_ids"] = list(record.get("doc_ids") or [])
            row["corroboration"] = record.get("corroboration")
            row["claims"] = [_claim(c) for c in record.get("claims") or []]
            self.rows.append(row)

    def close(self) -> None:
        table = pa.Table.from_pylist(self.rows, schema=self.schema)
        pq.write_table(table, self.out)
