"""One report's readings of :mod:`warwire.extract.foreign`, one per line read, and
how the lede retelling the headline becomes one event with them."""

from __future__ import annotations

from dataclasses import dataclass, replace

from warwire.taxonomy import EVENT_TYPE_OF
from warwire.types import Actor, Span, Toponym

__all__ = ["Reading", "distinct"]

_GENERIC = "Attack"  # a headline's "attack" its lede may tell as an air strike or a clash
_ORGANISED_VIOLENCE = frozenset(
    {"Battles", "Explosions/Remote violence", "Violence against civilians"}
)


@dataclass(frozen=True, slots=True)
class Reading:
    """What one line (headline or lede) of a report tells: its event, place, toll and sides."""

    sub: str
    line: Span
    trigger: Span
    toponym: Toponym | None
    location: str | None  # the place name as written (a village the gazetteer lacks too)
    location_span: Span | None
    deaths: int
    deaths_span: Span | None
    actor1: Actor | None
    actor2: Actor | None
    actor1_span: Span | None
    actor2_span: Span | None


def distinct(readings: list[Reading]) -> list[Reading]:
    """The lede retelling the headline is the same event: one per type and place,
    with the larger toll, the place where one of them lacks it and the surer sub-event
    type where one of them says only "attack"."""
    out: list[Reading] = []
    for r in readings:
        same = next((o for o in out if _same_event(o, r)), None)
        if same is None:
            out.append(r)
            continue
        kept, other = (
            (r, same) if same.deaths < r.deaths or _coarser(same.toponym, r.toponym) else (same, r)
        )
        kept = replace(kept, deaths=max(r.deaths, same.deaths))
        if kept.sub == _GENERIC and other.sub != _GENERIC:
            kept = replace(kept, sub=other.sub, trigger=other.trigger)
        out[out.index(same)] = kept
    return out


def _coarser(a: Toponym | None, b: Toponym | None) -> bool:
    """Is ``a`` no place, or the province town ``b`` lies in?"""
    if b is None or b.place is None:
        return False
    if a is None or a.place is None:
        return True
    return (a.place.feature or "").startswith("ADM1") and a.place.name == b.place.admin1


def _same_event(a: Reading, b: Reading) -> bool:
    """One event: of one type, at one place, or one of them in the province the other
    names (a headline's "in Antioquia", its lede's town there)."""
    kinds = {EVENT_TYPE_OF[a.sub], EVENT_TYPE_OF[b.sub]}
    generic = _GENERIC in {a.sub, b.sub} and kinds <= _ORGANISED_VIOLENCE
    if len(kinds) > 1 and not generic:
        return False
    if a.toponym is None or b.toponym is None or a.toponym.place is None:
        return True
    if _coarser(a.toponym, b.toponym) or _coarser(b.toponym, a.toponym):
        return True
    return b.toponym.place is not None and a.toponym.place.name == b.toponym.place.name
