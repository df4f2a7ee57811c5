"""Query parameters whose OpenAPI schema is exactly what the server accepts.

A client (or schemathesis) that builds a request from ``/openapi.json`` alone
must get it accepted, and a request outside the schema must be refused: so
each parameter's pattern is enforced as written, not loosened or tightened
by the code behind it. Dates are ISO days only (pydantic alone would also
take ``0`` as a Unix time); event types are the canonical names in any case.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated

from fastapi import HTTPException, Query
from pydantic import BeforeValidator

from warwire.taxonomy import SUB_EVENT_TYPES

INT64_MAX = 2**63 - 1  # what the store's OFFSET can hold
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def _iso_day(value: object) -> object:
    if isinstance(value, str) and not _DAY.fullmatch(value):
        raise ValueError("expected a day as YYYY-MM-DD")
    return value


IsoDay = Annotated[date, BeforeValidator(_iso_day)]

_LAT = r"-?(?:90(?:\.0{1,6})?|[1-8]?\d(?:\.\d{1,6})?)"
_LON = r"-?(?:180(?:\.0{1,6})?|(?:1[0-7]\d|[1-9]?\d)(?:\.\d{1,6})?)"
_KM = r"(?:[1-9]\d{0,4}(?:\.\d{1,6})?|0\.\d{0,5}[1-9])"
NEAR = rf"^{_LAT},{_LON},{_KM}$"

_NAME = r"[a-z][a-z0-9_]{0,39}"
FIELDS = rf"^{_NAME}(?:,{_NAME}){{0,59}}$"

_TYPES = [*SUB_EVENT_TYPES, *(s for subs in SUB_EVENT_TYPES.values() for s in subs)]
_CANONICAL = {name.lower(): name for name in _TYPES}


def _any_case(name: str) -> str:
    return "".join(f"[{c.lower()}{c.upper()}]" if c.isalpha() else re.escape(c) for c in name)


TYPE = "^(?:" + "|".join(_any_case(n) for n in sorted(_TYPES, key=len, reverse=True)) + ")$"
_TYPE = re.compile(TYPE)


def event_type(value: str) -> str:
    """The canonical ACLED event or sub-event type ``value`` names in any case."""
    if not _TYPE.fullmatch(value):
        raise HTTPException(422, f"unknown event type {value!r}; known: {', '.join(_TYPES)}")
    return _CANONICAL[value.lower()]


Near = Annotated[
    str | None, Query(pattern=NEAR, description="LAT,LON,KM", examples=["32.4,13.6,50"])
]
Fields = Annotated[
    str | None,
    Query(
        pattern=FIELDS,
        description="only these record keys (comma-separated; also claim_count, claimants)",
        examples=["event_date,event_type,latitude,longitude,claim_count"],
    ),
]
EventType = Annotated[
    str | None,
    Query(
        description="ACLED event or sub-event type, any case",
        json_schema_extra={"pattern": TYPE},
    ),
]
WEEK = r"^\d{4}-W(?:0[1-9]|[1-4]\d|5[0-3])$"


def _iso_week(value: object) -> object:
    if isinstance(value, str) and not re.fullmatch(WEEK, value):
        raise ValueError(f"bad week {value[:20]!r}: expected YYYY-Www such as 2024-W23")
    return value


Week = Annotated[
    str | None,
    BeforeValidator(_iso_week),
    Query(description="ISO week, 2024-W23", json_schema_extra={"pattern": WEEK}),
]
