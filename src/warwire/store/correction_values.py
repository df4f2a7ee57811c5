"""What an analyst may set on an event, checked and turned into stored values.

``field=value`` text from the CLI, the API or the dashboard becomes one
:class:`FieldChange` per field, holding the value before and after in the
store's JSON form (:mod:`warwire.store.records`). The *after* value is fully
resolved here (a place name becomes gazetteer coordinates, an actor name the
registry's actor), so re-applying a correction later needs no lookup and
gives the same event every time.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from warwire.errors import CorrectionError, one_line
from warwire.resolve.gazetteer import Gazetteer
from warwire.store import records
from warwire.taxonomy import EVENT_TYPE_OF, SUB_EVENT_TYPES, disorder_type
from warwire.types import Event, Place, When

#: fields a correction may set, in the order they are applied
FIELDS = ("event_type", "sub_event_type", "fatalities", "actor1", "actor2", "place", "date",
          "notes")  # fmt: skip
#: the evidence a corrected field no longer has (the correction is its evidence now)
EVIDENCE_OF = {"fatalities": "fatalities", "actor1": "actor1", "actor2": "actor2",
               "place": "location", "date": "date"}  # fmt: skip
MAX_FATALITIES = 100_000
MAX_NOTES = 2000
MAX_RANGE_DAYS = 92
_LATLON = re.compile(r"^\s*(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)\s*$")
_NAME_CC = re.compile(r"^(?P<name>.+?)\s*,\s*(?P<cc>[A-Za-z]{2})\s*$")


@dataclass(frozen=True, slots=True)
class FieldChange:
    field: str
    before: Any  # JSON value, as records.encode gives it
    after: Any


def parse_assignment(text: str) -> tuple[str, str]:
    """``"fatalities=5"`` -> ``("fatalities", "5")``; an unknown field is refused."""
    field, sep, value = text.partition("=")
    field = field.strip().lower().replace("-", "_")
    if not sep:
        raise CorrectionError(f"expected FIELD=VALUE, not {one_line(text, 60)!r}")
    if field not in FIELDS:
        raise CorrectionError(f"unknown field {one_line(field, 40)!r}; fields: {', '.join(FIELDS)}")
    return field, value.strip()


def _fatalities(value: str) -> int:
    if not value.isdigit() or int(value) > MAX_FATALITIES:
        raise CorrectionError(
            f"fatalities must be a whole number 0..{MAX_FATALITIES}, not {one_line(value, 40)!r}"
        )
    return int(value)


def _sub_event_type(value: str) -> str:
    from warwire.store.filters import FilterError, event_type

    try:
        found = event_type(value)
    except FilterError as exc:
        raise CorrectionError(str(exc)) from None
    if found not in EVENT_TYPE_OF:
        subs = ", ".join(SUB_EVENT_TYPES[found])
        raise CorrectionError(f"{found!r} is an event type; give a sub-event type: {subs}")
    return found


def _event_type(value: str, sub: str) -> str:
    """The sub-event type an ``event_type=`` asks for (a sub-event type is taken as one)."""
    from warwire.store.filters import FilterError, event_type

    try:
        found = event_type(value)
    except FilterError as exc:
        raise CorrectionError(str(exc)) from None
    if found in EVENT_TYPE_OF:
        return found
    if EVENT_TYPE_OF[sub] == found:
        return sub
    subs = ", ".join(SUB_EVENT_TYPES[found])
    raise CorrectionError(
        f"sub_event_type {sub!r} is not a {found} type; also set sub_event_type= one of {subs}"
    )


def _day(value: str) -> date:
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise CorrectionError(f"date must be YYYY-MM-DD, not {one_line(value, 40)!r}") from None


def _when(value: str) -> When:
    """``YYYY-MM-DD`` (one day) or ``YYYY-MM-DD..YYYY-MM-DD`` (a window)."""
    first, sep, last = value.partition("..")
    start = _day(first)
    end = _day(last) if sep else start
    if end < start or (end - start).days > MAX_RANGE_DAYS:
        raise CorrectionError(
            f"date range {value!r} must run forward, {MAX_RANGE_DAYS} days or less"
        )
    days = (end - start).days
    return When(start, end, time_precision=1 if days == 0 else 2 if days <= 7 else 3)


def _precision(feature: str | None) -> int:
    """ACLED geo_precision of a gazetteer hit: a town 1, a district 2, a region or country 3."""
    if feature in ("ADM2", "ADM3", "ADM4"):
        return 2
    if feature in ("ADM1", "PCLI", "PCLD", "PCLS"):
        return 3
    return 1


def _place(value: str, event: Event, gazetteer: Callable[[], Gazetteer]) -> Place:
    """``LAT,LON`` (keeps the name, country and admin1) or a gazetteer name, ``Name, CC``."""
    old = event.place
    if match := _LATLON.match(value):
        lat, lon = float(match[1]), float(match[2])
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise CorrectionError(f"place {value!r}: latitude -90..90, longitude -180..180")
        name = old.name if old else event.location_text or f"{lat:.4f},{lon:.4f}"
        return Place(name, lat, lon, old.country if old else None,
                     old.country_code if old else None, old.admin1 if old else None,
                     geo_precision=1, place_basis="analyst")  # fmt: skip
    name, cc = value, None
    if match := _NAME_CC.match(value):
        name, cc = match["name"], match["cc"].upper()
    found = gazetteer().lookup(name, cc) if name.strip() else []
    if not found:
        raise CorrectionError(
            f"no place {one_line(value, 60)!r} in the gazetteer; give 'Name, CC' or LAT,LON"
        )
    best = max(found, key=lambda p: (p.population, -(p.geonameid or 0)))
    return replace(best, geo_precision=_precision(best.feature), place_basis="analyst")


def _actor(field: str, value: str, event: Event) -> Any:
    from warwire.resolve.actors import default_registry

    if field == "actor2" and value.lower() in ("", "-", "none"):
        return None
    if not value:
        raise CorrectionError("actor1 cannot be blank")
    cc = event.place.country_code if event.place else None
    return default_registry().resolve_or_keep(one_line(value, 200), cc)


def current_value(event: Event, field: str) -> Any:
    """The field's value in ``event``, as a correction stores it."""
    if field == "date":
        when = event.when
        return records.encode(When(when.start, when.end, when.time_precision))
    attr = {"place": "place", "event_type": "sub_event_type"}.get(field, field)
    return records.encode(getattr(event, attr))


def _default_gazetteer() -> Gazetteer:
    from warwire.resolve.gazetteer import default_gazetteer

    return default_gazetteer()


def resolve_changes(
    event: Event,
    assignments: Sequence[tuple[str, str]],
    gazetteer: Callable[[], Gazetteer] = _default_gazetteer,
) -> list[FieldChange]:
    """The changes ``assignments`` make to ``event``, checked; raises :class:`CorrectionError`.

    ``event_type`` and ``sub_event_type`` are stored as one ``sub_event_type``
    change (the event and disorder types follow from it). A value equal to the
    current one is refused, so every audit line records a real change.
    """
    given: dict[str, str] = {}
    for field, value in assignments:
        if field in given:
            raise CorrectionError(f"{field} is set twice")
        given[field] = value
    if "event_type" in given and "sub_event_type" in given:
        sub = _sub_event_type(given.pop("sub_event_type"))
        if EVENT_TYPE_OF[sub] != _event_type(given.pop("event_type"), sub):
            raise CorrectionError(f"sub_event_type {sub!r} is not under that event_type")
        given["sub_event_type"] = sub
    elif "event_type" in given:
        given["sub_event_type"] = _event_type(given.pop("event_type"), event.sub_event_type)
    out = []
    for field in FIELDS:
        if field not in given:
            continue
        value = given[field]
        after: Any
        if field == "fatalities":
            after = _fatalities(value)
        elif field == "sub_event_type":
            after = _sub_event_type(value)
        elif field in ("actor1", "actor2"):
            after = records.encode(_actor(field, value, event))
        elif field == "place":
            after = records.encode(_place(value, event, gazetteer))
        elif field == "date":
            after = records.encode(_when(value))
        else:
            after = one_line(value, MAX_NOTES)
        before = current_value(event, field)
        if same(field, before, after):
            raise CorrectionError(f"{field} is already {show(field, after)}")
        out.append(FieldChange(field, before, after))
    return out


def apply_change(event: Event, field: str, after: Any) -> Event:
    """``event`` with one stored correction applied; the field's machine evidence dropped."""
    if field == "fatalities":
        event = replace(event, fatalities=int(after))
    elif field == "sub_event_type":
        event = replace(event, sub_event_type=after, event_type=EVENT_TYPE_OF[after],
                        disorder_type=disorder_type(after))  # fmt: skip
    elif field == "actor1":
        event = replace(event, actor1=records.actor(after))
    elif field == "actor2":
        event = replace(event, actor2=records.actor(after))
    elif field == "place":
        place = records.place(after)
        event = replace(event, place=place, location_text=place.name if place else None)
    elif field == "date":
        event = replace(event, when=records.when(after))
    elif field == "notes":
        event = replace(event, notes=str(after))
    else:
        raise CorrectionError(f"cannot apply a correction of {field!r}")
    gone = EVIDENCE_OF.get(field)
    if gone:
        event = replace(event, evidence=tuple(e for e in event.evidence if e.field != gone))
    return event


def same(field: str, before: Any, after: Any) -> bool:
    """Whether a correction would change nothing a reader sees (an actor by its name)."""
    if field in ("actor1", "actor2") and before and after:
        return bool(before.get("name") == after.get("name"))
    return bool(before == after)


def show(field: str | None, value: Any) -> str:
    """A stored value as a short human string (audit lines, error messages)."""
    if value is None:
        return "-"
    if field == "place" and isinstance(value, dict):
        return f"{value.get('name')} ({value['latitude']:.4f}, {value['longitude']:.4f})"
    if field in ("actor1", "actor2") and isinstance(value, dict):
        return str(value.get("name"))
    if field == "date" and isinstance(value, dict):
        start, end = value.get("start"), value.get("end")
        return str(start) if start == end else f"{start}..{end}"
    return str(value)
