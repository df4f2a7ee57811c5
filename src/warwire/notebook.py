"""The Python conveniences a notebook wants: text in, records out, a DataFrame.

``extract`` reads *inputs* (paths, URLs); a notebook usually holds the text
itself, so :func:`extract_text` takes text and can never mistake it for file
names. :func:`to_dataframe` turns records (or analyses) into a pandas frame
with real dtypes; pandas is imported only when it is called, so it stays an
optional dependency (``pip install 'warwire[notebook]'``).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from warwire.config import Settings
from warwire.errors import InputError
from warwire.serialize import record_keys
from warwire.types import Analysis, RawDocument

if TYPE_CHECKING:
    import pandas as pd

    from warwire.pipeline import Pipeline

KINDS = ("event", "claim", "document", "relation")
DATE_COLUMNS = ("event_date", "date_start", "date_end", "published", "original_published")
INT_COLUMNS = ("fatalities", "time_precision", "iso", "geo_precision", "geonameid")


@lru_cache(maxsize=4)
def _pipeline(settings: Settings) -> Pipeline:
    from warwire.pipeline import default_pipeline

    return default_pipeline(settings)


def extract_text(
    text: str,
    *,
    title: str | None = None,
    published: date | str | None = None,
    source: str | None = None,
    url: str | None = None,
    settings: Settings | None = None,
) -> Analysis:
    """Analyse one article given as text; returns its :class:`Analysis`.

    ``published`` (a date or ``YYYY-MM-DD``) anchors relative dates such as
    "on Monday"; ``source`` is the publisher. Raises :class:`InputError` when
    no article text is left after cleaning or a stage fails on it; text in a
    language warwire does not read comes back unextracted, saying so. The pipeline is built once per
    ``settings`` and reused across calls.
    """
    from warwire.clean import clean_document
    from warwire.clean.language import NOT_EXTRACTED

    if not isinstance(text, str):
        raise TypeError(f"extract_text() takes a str, not {type(text).__name__}")
    day = date.fromisoformat(published) if isinstance(published, str) else published
    input_id = "text:" + hashlib.blake2b(text.encode("utf-8"), digest_size=6).hexdigest()
    raw = RawDocument(input_id, text, "text", url=url, title=title, published=day,
                      publisher=source)  # fmt: skip
    settings = settings or Settings()
    document = clean_document(raw, settings)
    (analysis,) = _pipeline(settings).run([Analysis(document=document)])
    failures = [r for r in analysis.rejections if r.reason != NOT_EXTRACTED]
    if failures:
        raise InputError(input_id, failures[0].reason, failures[0].detail)
    # a language no path reads: the analysis comes back with its language, no events,
    # and the "not extracted" line in ``rejections``, as the batch path keeps it
    return analysis


def records_of(items: Iterable[Analysis | Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Contract records (see :mod:`warwire.serialize`) of analyses and records mixed."""
    from warwire.export import analysis_records

    out: list[dict[str, Any]] = []
    for item in items:
        if isinstance(item, Analysis):
            out.extend(analysis_records(item))
        else:
            out.append(dict(item))
    return out


def to_dataframe(
    items: Analysis | Iterable[Analysis | Mapping[str, Any]], kind: str = "event"
) -> pd.DataFrame:
    """One row per record of ``kind`` (event, claim, document, relation).

    Dates are ``datetime64``, counts are integers (nullable ``Int64`` where a
    value may be missing, ``fatalities`` a plain ``int64``), ``claims``,
    ``doc_ids`` and ``equipment`` stay list columns; a claim's quantity is
    spread into ``quantity_value``, ``quantity_qualifier`` and ``quantity_unit``.
    """
    try:
        import pandas as pd
    except ImportError:  # pragma: no cover - depends on the environment
        raise ImportError("to_dataframe needs pandas: pip install 'warwire[notebook]'") from None
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {', '.join(KINDS)}, not {kind!r}")
    batch = [items] if isinstance(items, Analysis) else items
    rows = [r for r in records_of(batch) if r.get("kind") == kind]
    if kind == "claim":
        rows = [_spread_quantity(r) for r in rows]
    columns = record_keys(kind)
    if kind == "claim":
        columns = list(_spread_quantity(dict.fromkeys(columns)))
    frame = pd.DataFrame.from_records(rows, columns=columns)
    for column in DATE_COLUMNS:
        if column in frame:
            frame[column] = pd.to_datetime(frame[column], format="ISO8601")
    for column in INT_COLUMNS:
        if column in frame:
            frame[column] = frame[column].astype("Int64")
    if "fatalities" in frame and not frame["fatalities"].isna().any():
        frame["fatalities"] = frame["fatalities"].astype("int64")
    if "quantity_value" in frame:
        frame["quantity_value"] = frame["quantity_value"].astype("Int64")
    return frame.drop(columns=["kind"])


def _spread_quantity(record: dict[str, Any]) -> dict[str, Any]:
    quantity = record.pop("quantity", None) or {}
    return {
        **record,
        "quantity_value": quantity.get("value"),
        "quantity_qualifier": quantity.get("qualifier"),
        "quantity_unit": quantity.get("unit"),
    }
