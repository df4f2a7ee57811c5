"""A user's filter values checked and made canonical before they reach a query.

"--country LY" and "--type battle" used to match nothing and say nothing; here
an ISO-2 or ISO-3 code, a name or a common spelling of a country becomes the
name events are stored under, an event type or sub-event type is matched
case-insensitively (a unique prefix is enough), a hedge must be one warwire
codes, and an actor term also finds the canonical actors it is an alias of.
Anything unknown is a :class:`FilterError` naming the closest known values.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import replace
from functools import cache
from typing import Any, TypeVar

from warwire.store.base import ClaimQuery, EventQuery
from warwire.taxonomy import SUB_EVENT_TYPES
from warwire.types import Hedge

Q = TypeVar("Q", EventQuery, ClaimQuery)


class FilterError(ValueError):
    """A filter value that matches nothing warwire knows; the message has a hint."""


def _fold(value: str) -> str:
    return " ".join(value.replace("_", " ").casefold().split())


def _unknown(what: str, value: str, known: Iterable[str]) -> FilterError:
    close = difflib.get_close_matches(value, sorted(set(known)), n=3, cutoff=0.6)
    hint = f"; did you mean {', '.join(close)}?" if close else ""
    return FilterError(f"unknown {what} {value!r}{hint}")


@cache
def _countries() -> dict[str, str]:
    """Every code, name and common spelling (casefolded) -> the stored country name."""
    from warwire.resolve.countries import country_table

    out: dict[str, str] = {}
    for iso2, row in country_table().items():
        name = row["gn"]["name"]
        spellings = [iso2, (row.get("ISO") or {}).get("alpha3"), row.get("name"), name,
                     *(row.get("altSpellings") or ())]  # fmt: skip
        for spelling in spellings:
            if spelling:
                out.setdefault(_fold(spelling), name)
    return out


def country_name(value: str) -> str:
    """``LY``, ``LBY``, ``libya`` -> ``Libya``, the name events are stored under."""
    found = _countries().get(_fold(value))
    if found is None:
        names = sorted(set(_countries().values()))
        error = _unknown("country", value, names)
        if "did you mean" not in str(error):
            error = FilterError(f"{error}; give an ISO code (LY, LBY) or a name (Libya)")
        raise error
    return found


def event_type(value: str) -> str:
    """An ACLED event type or sub-event type, any case; a unique prefix is enough."""
    known = [*SUB_EVENT_TYPES, *(s for subs in SUB_EVENT_TYPES.values() for s in subs)]
    wanted = _fold(value)
    exact = [k for k in known if _fold(k) == wanted]
    if exact:
        return exact[0]
    starts = [k for k in known if _fold(k).startswith(wanted)]
    if len(starts) == 1:
        return starts[0]
    if starts:
        raise FilterError(f"type {value!r} could be {', '.join(starts)}; say which")
    raise _unknown("event type", value, known)


def hedge(value: str) -> str:
    """A hedge as stored (``according to`` -> ``according_to``)."""
    wanted = _fold(value).replace(" ", "_")
    if wanted not in {h.value for h in Hedge}:
        known = ", ".join(h.value for h in Hedge)
        raise FilterError(f"unknown hedge {value!r}; known hedges: {known}")
    return wanted


def actor_names(term: str) -> tuple[str, ...]:
    """``term`` and the canonical actors it names: "haftar" also finds the LNA,
    whose aliases include Haftar. Matching on the stored names stays a substring
    match, case-insensitive."""
    from warwire.resolve.actors import default_registry

    wanted = _fold(term)
    names = [term]
    for actor in default_registry().actors.values():
        if any(wanted == _fold(alias) for alias in actor.aliases):
            names.append(actor.name)
    return tuple(dict.fromkeys(names))


def checked(query: Q) -> Q:
    """``query`` with every filter value made canonical; raises :class:`FilterError`."""
    changes: dict[str, Any] = {}
    if query.hedge:
        changes["hedge"] = hedge(query.hedge)
    if isinstance(query, EventQuery):
        if query.country:
            changes["country"] = country_name(query.country)
        if query.event_type:
            changes["event_type"] = event_type(query.event_type)
    return replace(query, **changes)
