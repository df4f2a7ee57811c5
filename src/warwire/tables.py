"""Tables for people: they fit the terminal, and piped they are plain TSV.

In a terminal (or whenever ``COLUMNS`` is set) each table is laid out to the
width: the widest free-text columns give way first, and a cell that does not
fit is cut at a word boundary with an ellipsis, never wrapped mid-word. Piped
without ``COLUMNS`` every value is written in full, tab-separated, so ``cut``,
``awk`` and spreadsheets read it. Ids are shown short in a terminal; every
command accepts a unique prefix.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Sequence
from typing import IO, ClassVar

from warwire.serialize import Record, record_keys

ELLIPSIS = "…"
GAP = 2
SHORT_ID = 11  # "ev-" and 8 hex digits, or 11 of a document's
#: columns whose values are kept whole (dates, ids, counts): the rest give way
FIXED = frozenset({
    "event_id", "doc_id", "claim_id", "event_date", "date_start", "date_end", "published",
    "fatalities", "hedge", "time_precision", "geo_precision",
})  # fmt: skip
NUMERIC = frozenset({"fatalities", "quantity", "confidence", "latitude", "longitude"})
#: per kind, the columns shown by default and the derived ones a user may also pick
DEFAULT_COLUMNS: dict[str, tuple[str, ...]] = {
    "document": ("doc_id", "published", "publisher", "original_source", "title"),
    "event": ("event_id", "event_date", "country", "sub_event_type", "actor1", "actor2",
              "location", "fatalities", "claims"),
    "claim": ("doc_id", "event_id", "claimant", "hedge", "subject", "quantity", "place"),
    "relation": ("subject", "predicate", "object"),
}  # fmt: skip
#: default columns left out, in this order, while a free-text column would be under 10 wide
DROPPABLE: dict[str, tuple[str, ...]] = {
    "event": ("actor2", "claims"),
    "document": ("original_source",),
    "claim": ("event_id",),
}
CRAMPED = 10
DERIVED: dict[str, tuple[str, ...]] = {"event": ("claims", "claimant"), "claim": ("event_id",)}


def available_columns(kind: str) -> list[str]:
    return list(dict.fromkeys([*record_keys(kind), *DERIVED.get(kind, ())]))


def parse_columns(value: str | None, kind: str) -> tuple[str, ...] | None:
    """``"event_id,country"`` -> the columns; raises ValueError naming the known ones."""
    if not value:
        return None
    wanted = tuple(c.strip() for c in value.split(",") if c.strip())
    known = available_columns(kind)
    unknown = [c for c in wanted if c not in known]
    if unknown or not wanted:
        names = ", ".join(unknown) or repr(value)
        raise ValueError(f"unknown column {names}; known: {', '.join(known)}")
    return wanted


def cell(record: Record, column: str, short_ids: bool) -> str:
    """One value as text: lists joined, quantities spoken, ids shortened."""
    if record["kind"] == "event" and column in ("claims", "claimant", "hedge"):
        claims = record.get("claims") or []
        if column == "claims":
            parts = (c["claimant"] + ("" if c["hedge"] == "none" else f" ({c['hedge']})")
                     for c in claims)  # fmt: skip
        else:
            parts = (str(c.get(column, "")) for c in claims)
        return "; ".join(dict.fromkeys(parts))
    value = record.get(column)
    if value is None:
        return ""
    if column in ("event_id", "doc_id", "claim_id") and short_ids and isinstance(value, str):
        return value[:SHORT_ID]
    if isinstance(value, dict) and "value" in value:  # a quantity
        parts = (value.get(k) for k in ("qualifier", "value", "unit"))
        return " ".join(str(p) for p in parts if p is not None and p != "")
    if isinstance(value, dict) and "text" in value:  # evidence
        return str(value.get("text") or "")
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    if isinstance(value, bool):
        return "yes" if value else ""
    return " ".join(str(value).split())


def truncate(text: str, width: int) -> str:
    """``text`` cut to ``width`` at a word boundary, with an ellipsis."""
    if len(text) <= width:
        return text
    if width <= 1:
        return ELLIPSIS[:width]
    cut = text[: width - 1]
    space = cut.rfind(" ")
    if text[width - 1] != " " and space >= 1:  # a lone first word too long is cut short
        cut = cut[:space]
    return cut.rstrip(" ,;/-") + ELLIPSIS


def fit(headers: Sequence[str], rows: Sequence[Sequence[str]], width: int) -> list[int]:
    """Column widths that fit ``width``: free-text columns shrink, widest first."""
    values = [max([0, *(len(r[i]) for r in rows)]) for i in range(len(headers))]
    natural = [max(len(h), v) for h, v in zip(headers, values, strict=True)]
    widths = list(natural)
    # a fixed column keeps its values whole (its header may be cut); free text gives way
    floors = [max(v, 4) if h in FIXED else min(n, 6)
              for h, v, n in zip(headers, values, natural, strict=True)]  # fmt: skip
    excess = sum(widths) + GAP * (len(widths) - 1) - width
    while excess > 0:
        free = [i for i in range(len(widths)) if widths[i] > floors[i]]
        if not free:
            break
        widest = max(free, key=lambda i: widths[i])
        widths[widest] -= 1
        excess -= 1
    return widths


def terminal_width(out: IO[str]) -> int | None:
    """The width to fit, or None to write TSV (piped, no ``COLUMNS``)."""
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    if hasattr(out, "isatty") and out.isatty():
        return shutil.get_terminal_size().columns
    return None


def render(title: str, headers: Sequence[str], rows: Sequence[Sequence[str]], width: int) -> str:
    widths = fit(headers, rows, width)

    def line(values: Sequence[str]) -> str:
        cells = []
        for value, column, w in zip(values, headers, widths, strict=True):
            text = truncate(value, w)
            cells.append(text.rjust(w) if column in NUMERIC else text.ljust(w))
        return (" " * GAP).join(cells).rstrip()

    rule = (" " * GAP).join("-" * w for w in widths)
    return "\n".join([truncate(title, width), line(headers), rule, *(line(r) for r in rows)])


class TableWriter:
    """One table per record kind, printed at close; ``columns`` picks the
    columns of the tables that have them all (unknown names are refused earlier)."""

    PLURAL: ClassVar[dict[str, str]] = {"document": "documents", "event": "events",
                                        "claim": "claims", "relation": "relations"}  # fmt: skip

    def __init__(self, out: IO[str], columns: Sequence[str] | None = None) -> None:
        self.out = out
        self.columns = tuple(columns) if columns else None
        self.rows: dict[str, list[Record]] = {}

    def write(self, record: Record) -> None:
        if record.get("kind") in DEFAULT_COLUMNS:
            self.rows.setdefault(record["kind"], []).append(record)

    def columns_of(self, kind: str) -> tuple[str, ...]:
        if self.columns and set(self.columns) <= set(available_columns(kind)):
            return self.columns
        return DEFAULT_COLUMNS[kind]

    def _fitting(self, kind: str, records: list[Record], width: int) -> tuple[str, ...]:
        """The columns to show: default ones drop out while the table is cramped."""
        columns = self.columns_of(kind)
        if self.columns:
            return columns
        for drop in (None, *DROPPABLE.get(kind, ())):
            columns = tuple(c for c in columns if c != drop)
            rows = [[cell(r, c, short_ids=True) for c in columns] for r in records]
            widths = fit(columns, rows, width)
            natural = fit(columns, rows, 10**6)
            if all(w >= min(CRAMPED, n) for c, w, n in zip(columns, widths, natural, strict=True)
                   if c not in FIXED):  # fmt: skip
                break
        return columns

    def close(self) -> None:
        width = terminal_width(self.out)
        kinds = [k for k in DEFAULT_COLUMNS if self.rows.get(k)]
        blocks: list[str] = []
        for kind in kinds:
            records = self.rows[kind]
            columns = self._fitting(kind, records, width) if width else self.columns_of(kind)
            rows = [[cell(r, c, short_ids=width is not None) for c in columns] for r in records]
            title = f"{self.PLURAL[kind]} ({len(records)})"
            if width is None:
                lines = [] if len(kinds) == 1 else [f"# {title}"]
                lines += ["\t".join(columns), *("\t".join(r) for r in rows)]
                blocks.append("\n".join(lines))
            else:
                blocks.append(render(title, columns, rows, width))
        if blocks:
            self.out.write("\n\n".join(blocks) + "\n")
        self.out.flush()
