"""Output formats shared by ``extract``, the database commands and the API.

Writers take the contract's records (see :mod:`warwire.serialize`) one at a
time, so a batch of any size streams. Document records come before the events
that cite them, which lets the ACLED writer fill its ``source`` column.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator, Sequence
from typing import IO, Any, Protocol

from warwire.resolve.admin_units import admin2_at
from warwire.serialize import (
    Record,
    claim_record,
    document_record,
    event_record,
    relation_record,
    stored_event_id,
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
    for index, event in enumerate(analysis.events):
        record = event_record(event, text_of)
        record["event_id"] = stored_event_id(doc.doc_id, event.event_id, index)
        yield record
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


#: warwire's columns after ACLED's and WARWIRE_COLUMNS: each claim's own figure
CLAIM_COLUMNS = ("claim_fatalities",)
CLAIM_SEPARATOR = " | "
#: ACLED's source_scale from the source registry's categories, where they say it
SCALE_OF_CATEGORY = {"wire-service": "International", "local": "Subnational"}
DEMONSTRATION_TYPES = frozenset({"Protests", "Riots"})


def _claims_joined(claims: list[Record], key: str) -> str:
    """One value per claim, in claim order, so the n-th claimant, hedge, figure and
    evidence line up; an event with two sides keeps both."""
    values = []
    for claim in claims:
        value = (claim.get("evidence") or {}).get("text") if key == "evidence" else claim.get(key)
        values.append("" if value is None else " ".join(str(value).split()))
    return CLAIM_SEPARATOR.join(values) if any(values) else ""


def source_scale(event: Record) -> str:
    """``International``, ``Subnational`` or both joined as ACLED does, when the
    registry knows the scale of every source; else empty."""
    scales = set()
    for source in event.get("sources") or []:
        categories = set((source.get("registry") or {}).get("categories") or ())
        known = {SCALE_OF_CATEGORY[c] for c in categories if c in SCALE_OF_CATEGORY}
        if not known:
            return ""
        scales |= known
    return "-".join(sorted(scales, key=("Subnational", "National", "International").index))


def _admin2(event: Record) -> str:
    """The second-level unit of the town the event is placed at (none for an area)."""
    if event.get("location") == event.get("country"):
        return ""
    return admin2_at(event.get("latitude"), event.get("longitude")) or ""


def acled_row(event: Record, publishers: dict[str, str]) -> dict[str, Any]:
    """One event record as an ACLED export row plus warwire's own columns.

    One row per event, as ACLED users expect; every claim is kept in warwire's
    ``claimant``, ``hedge``, ``claim_fatalities`` and ``evidence`` columns,
    joined with `` | `` in the same order, so the other side of a contested
    event is never dropped.
    """
    date_value = event.get("event_date") or ""
    claims = event.get("claims") or []
    sources = sorted({publishers[d] for d in event.get("doc_ids", []) if publishers.get(d)})
    tags = "crowd size=no report" if event["event_type"] in DEMONSTRATION_TYPES else ""
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
        "admin2": event.get("admin2") or _admin2(event),
        "admin3": event.get("admin3") or "",
        "location": event.get("location") or "",
        "latitude": event.get("latitude") if event.get("latitude") is not None else "",
        "longitude": event.get("longitude") if event.get("longitude") is not None else "",
        "geo_precision": event.get("geo_precision") or "",
        "source": "; ".join(sources),
        "source_scale": source_scale(event),
        "notes": event.get("notes") or "",
        "fatalities": event.get("fatalities", 0),
        "tags": tags,
        "timestamp": event.get("timestamp") or "",
        "date_start": event.get("date_start") or "",
        "date_end": event.get("date_end") or "",
        "claimant": _claims_joined(claims, "claimant"),
        "hedge": _claims_joined(claims, "hedge"),
        "evidence": _claims_joined(claims, "evidence"),
        "doc_ids": "; ".join(event.get("doc_ids") or []),
        "confidence": event.get("confidence", ""),
        "claim_fatalities": _claims_joined(claims, "fatalities"),
        "place_basis": event.get("place_basis") or "",
    }
    return row


def admin1_key(name: str) -> str:
    """A spelling-blind key for an admin1 name: accents, a leading article and a
    trailing unit word ("State", "Governorate") do not make a different region."""
    import unicodedata

    from warwire.knowledge import data_mapping

    ignored = data_mapping("admin1_spelling.yaml")
    plain = "".join(c for c in unicodedata.normalize("NFKD", name) if c.isalnum() or c == " ")
    words = plain.casefold().split()
    while len(words) > 1 and words[0] in ignored["articles"]:
        words = words[1:]
    while len(words) > 1 and words[-1] in ignored["unit_words"]:
        words = words[:-1]
    return " ".join(words) or name.casefold()


class Admin1Spelling:
    """One spelling per admin1 within an export: the first one written wins."""

    def __init__(self) -> None:
        self.seen: dict[tuple[str, str], str] = {}

    def __call__(self, row: dict[str, Any]) -> dict[str, Any]:
        if row.get("admin1"):
            key = (str(row.get("country")), admin1_key(row["admin1"]))
            row["admin1"] = self.seen.setdefault(key, row["admin1"])
        return row


def ascii_row(row: dict[str, Any]) -> dict[str, Any]:
    """Every text cell transliterated to ASCII ("Ḩajjah" → "Hajjah", "Ma’rib" →
    "Ma'rib"), for tools and joins that only take ASCII names."""
    from anyascii import anyascii

    return {k: anyascii(v) if isinstance(v, str) else v for k, v in row.items()}


class AcledCsvWriter:
    """ACLED's 31 columns in ACLED's order, then warwire's; only event records.

    ``ascii_only`` transliterates every name and note to ASCII.
    """

    def __init__(self, out: IO[str], ascii_only: bool = False) -> None:
        columns = [*ACLED_COLUMNS, *WARWIRE_COLUMNS, *CLAIM_COLUMNS]
        self.writer = csv.DictWriter(out, fieldnames=columns)
        self.writer.writeheader()
        self.publishers: dict[str, str] = {}
        self.spelling = Admin1Spelling()
        self.ascii_only = ascii_only
        self.out = out

    def write(self, record: Record) -> None:
        if record["kind"] == "document" and record.get("publisher"):
            self.publishers[record["doc_id"]] = record["publisher"]
        elif record["kind"] == "event":
            row = self.spelling(acled_row(record, self.publishers))
            self.writer.writerow(ascii_row(row) if self.ascii_only else row)

    def close(self) -> None:
        self.out.flush()


def geojson_feature(event: Record) -> dict[str, Any] | None:
    if event.get("latitude") is None or event.get("longitude") is None:
        return None
    properties = {k: v for k, v in event.items() if k not in ("latitude", "longitude")}
    return {
        "type": "Feature",
        "id": event["event_id"],
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


def make_writer(
    fmt: str, out: IO[str], columns: Sequence[str] | None = None, ascii_only: bool = False
) -> Writer:
    """The writer of ``fmt``; ``columns`` picks a table's columns (see :mod:`warwire.tables`),
    ``ascii_only`` transliterates the ACLED CSV's text to ASCII."""
    if fmt == "table":
        from warwire.tables import TableWriter

        return TableWriter(out, columns)
    if fmt == "acled-csv":
        return AcledCsvWriter(out, ascii_only)
    writers: dict[str, type[Writer]] = {
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
