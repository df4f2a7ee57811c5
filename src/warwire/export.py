"""Output formats shared by ``extract``, the database commands and the API.

Writers take the contract's records (see :mod:`warwire.serialize`) one at a
time, so a batch of any size streams. Document records come before the events
that cite them, which lets the ACLED writer fill its ``source`` column.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from typing import IO, Any, ClassVar, Protocol

from warwire.serialize import (
    Record,
    claim_record,
    document_record,
    event_record,
    relation_record,
)
from warwire.taxonomy import ACLED_COLUMNS, WARWIRE_COLUMNS
from warwire.types import Analysis

FORMATS = ("table", "jsonl", "acled-csv", "geojson")


def analysis_records(analysis: Analysis, with_text: bool = False) -> Iterator[Record]:
    """The contract's records for one analysed document, document first."""
    doc = analysis.document

    def text_of(doc_id: str) -> str | None:
        return doc.text if doc_id == doc.doc_id else None

    yield document_record(doc, with_text=with_text)
    for event in analysis.events:
        yield event_record(event, text_of)
    for claim in analysis.claims:
        yield claim_record(claim, text_of)
    for relation in analysis.relations:
        yield relation_record(relation, text_of)


class Writer(Protocol):
    def write(self, record: Record) -> None: ...
    def close(self) -> None: ...


class JsonlWriter:
    def __init__(self, out: IO[str]) -> None:
        self.out = out

    def write(self, record: Record) -> None:
        self.out.write(json.dumps(record, ensure_ascii=False) + "\n")

    def close(self) -> None:
        self.out.flush()


def acled_row(event: Record, publishers: dict[str, str]) -> dict[str, Any]:
    """One event record as an ACLED export row plus warwire's own columns."""
    date_value = event.get("event_date") or ""
    claims = event.get("claims") or []
    first = claims[0] if claims else {}
    sources = sorted({publishers[d] for d in event.get("doc_ids", []) if publishers.get(d)})
    row: dict[str, Any] = {
        "event_id_cnty": event["event_id"],
        "event_date": date_value,
        "year": date_value[:4] if date_value else "",
        "time_precision": event.get("time_precision") or "",
        "disorder_type": event["disorder_type"],
        "event_type": event["event_type"],
        "sub_event_type": event["sub_event_type"],
        "actor1": event.get("actor1") or "",
        "assoc_actor_1": "; ".join(event.get("assoc_actor_1") or []),
        "inter1": event.get("inter1") or "",
        "actor2": event.get("actor2") or "",
        "assoc_actor_2": "; ".join(event.get("assoc_actor_2") or []),
        "inter2": event.get("inter2") or "",
        "interaction": event.get("interaction") or "",
        "civilian_targeting": "Civilian targeting" if event.get("civilian_targeting") else "",
        "iso": event.get("iso") or "",
        "region": event.get("region") or "",
        "country": event.get("country") or "",
        "admin1": event.get("admin1") or "",
        "admin2": "",
        "admin3": "",
        "location": event.get("location") or "",
        "latitude": event.get("latitude") if event.get("latitude") is not None else "",
        "longitude": event.get("longitude") if event.get("longitude") is not None else "",
        "geo_precision": event.get("geo_precision") or "",
        "source": "; ".join(sources),
        "source_scale": "",
        "notes": event.get("notes") or "",
        "fatalities": event.get("fatalities", 0),
        "tags": "",
        "timestamp": "",
        "date_start": event.get("date_start") or "",
        "date_end": event.get("date_end") or "",
        "claimant": first.get("claimant", ""),
        "hedge": first.get("hedge", ""),
        "evidence": (first.get("evidence") or {}).get("text") or "",
        "doc_ids": "; ".join(event.get("doc_ids") or []),
        "confidence": event.get("confidence", ""),
        "place_basis": event.get("place_basis") or "",
    }
    return row


class AcledCsvWriter:
    """ACLED's 31 columns in ACLED's order, then warwire's; only event records."""

    def __init__(self, out: IO[str]) -> None:
        self.writer = csv.DictWriter(out, fieldnames=[*ACLED_COLUMNS, *WARWIRE_COLUMNS])
        self.writer.writeheader()
        self.publishers: dict[str, str] = {}
        self.out = out

    def write(self, record: Record) -> None:
        if record["kind"] == "document" and record.get("publisher"):
            self.publishers[record["doc_id"]] = record["publisher"]
        elif record["kind"] == "event":
            self.writer.writerow(acled_row(record, self.publishers))

    def close(self) -> None:
        self.out.flush()


def geojson_feature(event: Record) -> dict[str, Any] | None:
    if event.get("latitude") is None or event.get("longitude") is None:
        return None
    properties = {k: v for k, v in event.items() if k not in ("latitude", "longitude")}
    return {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [event["longitude"], event["latitude"]]},
        "properties": properties,
    }


class GeoJsonWriter:
    """A FeatureCollection of located events; written whole at close."""

    def __init__(self, out: IO[str]) -> None:
        self.out = out
        self.features: list[dict[str, Any]] = []

    def write(self, record: Record) -> None:
        if record["kind"] == "event" and (feature := geojson_feature(record)):
            self.features.append(feature)

    def close(self) -> None:
        json.dump({"type": "FeatureCollection", "features": self.features}, self.out)
        self.out.write("\n")
        self.out.flush()


class TableWriter:
    """Human-readable tables, one per record kind, printed at close."""

    COLUMNS: ClassVar[dict[str, tuple[str, ...]]] = {
        "document": ("doc_id", "title", "publisher", "original_source", "published"),
        "event": (
            "event_date", "event_type", "sub_event_type", "actor1", "actor2",
            "location", "fatalities", "claimant", "hedge",
        ),
        "claim": ("claimant", "hedge", "subject", "quantity", "place"),
        "relation": ("subject", "predicate", "object"),
    }  # fmt: skip

    def __init__(self, out: IO[str]) -> None:
        self.out = out
        self.rows: dict[str, list[Record]] = {kind: [] for kind in self.COLUMNS}

    def write(self, record: Record) -> None:
        self.rows.setdefault(record["kind"], []).append(record)

    @staticmethod
    def _cell(record: Record, column: str) -> str:
        if column in ("claimant", "hedge") and record["kind"] == "event":
            claims = record.get("claims") or []
            return str(claims[0].get(column, "")) if claims else ""
        value = record.get(column)
        if column == "doc_id" and isinstance(value, str):
            return value[:12]
        if isinstance(value, dict):  # a quantity
            return " ".join(str(value[k]) for k in ("qualifier", "value", "unit") if value.get(k))
        return "" if value is None else str(value)

    def close(self) -> None:
        from rich.console import Console
        from rich.table import Table

        console = Console(file=self.out, width=160 if not self.out.isatty() else None)
        for kind, columns in self.COLUMNS.items():
            rows = self.rows.get(kind) or []
            if not rows:
                continue
            table = Table(title=f"{kind}s ({len(rows)})", show_lines=False)
            for column in columns:
                table.add_column(column, overflow="fold")
            for record in rows:
                table.add_row(*(self._cell(record, c) for c in columns))
            console.print(table)


def make_writer(fmt: str, out: IO[str]) -> Writer:
    writers: dict[str, type[Writer]] = {
        "table": TableWriter,
        "jsonl": JsonlWriter,
        "acled-csv": AcledCsvWriter,
        "geojson": GeoJsonWriter,
    }
    return writers[fmt](out)  # type: ignore[call-arg]


def write_all(records: Iterable[Record], fmt: str, out: IO[str]) -> int:
    writer = make_writer(fmt, out)
    count = 0
    for record in records:
        writer.write(record)
        count += 1
    writer.close()
    return count
