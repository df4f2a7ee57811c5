"""Cross-article merge: one event per real event, every claim kept.

Analysts follow a war, not one article: several outlets report the same clash
with different figures and from different sides. These pure functions decide
when two reports describe the same event (compatible type, actors, place and
time) and fold the reports of one event into one :class:`Event` carrying all
their claims side by side. The fold is deterministic over the reports, so a
store can recompute an event when one of its documents is revised.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import date

from warwire.geodesy import haversine_km
from warwire.types import Actor, Claim, Equipment, Event, FieldEvidence, Place, Polarity, When

NEAR_KM = 10.0


def compatible_type(a: Event, b: Event) -> bool:
    """Same event type; Battles sub-types are one family, others must match."""
    if a.event_type != b.event_type:
        return False
    return a.event_type == "Battles" or a.sub_event_type == b.sub_event_type


def _actor_names(event: Event) -> set[str]:
    return {actor.name for actor in (event.actor1, event.actor2) if actor is not None}


def compatible_actors(a: Event, b: Event) -> bool:
    """Same canonical actors, in either order, or one side's actor missing."""
    names_a, names_b = _actor_names(a), _actor_names(b)
    return names_a <= names_b or names_b <= names_a


def compatible_place(a: Event, b: Event, km: float = NEAR_KM) -> bool:
    """Within ``km``, or the same admin area when either is coded imprecisely."""
    pa, pb = a.place, b.place
    if pa is None or pb is None:
        ta = (pa.name if pa else a.location_text) or ""
        tb = (pb.name if pb else b.location_text) or ""
        return bool(ta) and ta.casefold() == tb.casefold()
    if pa.country_code and pb.country_code and pa.country_code != pb.country_code:
        return False
    if haversine_km(pa.latitude, pa.longitude, pb.latitude, pb.longitude) <= km:
        return True
    return (
        max(pa.geo_precision, pb.geo_precision) >= 2
        and pa.admin1 is not None
        and pa.admin1 == pb.admin1
    )


def window(when: When) -> tuple[date, date] | None:
    start, end = when.start or when.end, when.end or when.start
    if start is None or end is None:
        return None
    return (min(start, end), max(start, end))


def compatible_time(a: Event, b: Event) -> bool:
    """Same day, or windows that overlap (a week or month at lower precision)."""
    wa, wb = window(a.when), window(b.when)
    if wa is None or wb is None:
        return False
    return wa[0] <= wb[1] and wb[0] <= wa[1]


def compatible(a: Event, b: Event, km: float = NEAR_KM) -> bool:
    """Whether two reports can describe the same real event.

    Reports from one document are never merged with each other: the extractor
    already decided they are distinct events.
    """
    if set(a.doc_ids) & set(b.doc_ids):
        return False
    return (
        compatible_type(a, b)
        and compatible_actors(a, b)
        and compatible_time(a, b)
        and compatible_place(a, b, km)
    )


def match_score(a: Event, b: Event) -> float:
    """Higher is a closer match; used to pick one event among compatible ones."""
    score = 0.0
    if a.sub_event_type == b.sub_event_type:
        score += 1.0
    if a.when.time_precision == b.when.time_precision:
        score += 1.0
    if window(a.when) == window(b.when):
        score += 2.0
    if _actor_names(a) == _actor_names(b):
        score += 1.0
    if a.place and b.place:
        dist = haversine_km(
            a.place.latitude, a.place.longitude, b.place.latitude, b.place.longitude
        )
        score += max(0.0, 1.0 - dist / (NEAR_KM * 2))
    return score


def best_match(report: Event, candidates: Iterable[Event], km: float = NEAR_KM) -> Event | None:
    """The most similar compatible candidate, ties broken by the earliest id."""
    found = [c for c in candidates if compatible(report, c, km)]
    if not found:
        return None
    return max(found, key=lambda c: (match_score(report, c), _neg(c.event_id)))


def _neg(text: str) -> tuple[int, ...]:
    return tuple(-ord(ch) for ch in text)


def conservative_fatalities(reports: Sequence[Event]) -> int:
    """ACLED's rule: the lowest figure actually reported, not the absence of one.

    A report that gives no deaths (0) is silence, not a figure, so it does not
    pull a reported death toll down; denials never count as figures.
    """
    figures = [r.fatalities for r in reports if r.fatalities > 0]
    for report in reports:
        figures.extend(
            c.fatalities
            for c in report.claims
            if c.fatalities is not None and c.fatalities > 0 and c.polarity == Polarity.ASSERTED
        )
    return min(figures) if figures else 0


def _claim_key(claim: Claim) -> tuple[object, ...]:
    return (claim.claimant, claim.hedge, claim.polarity, claim.evidence, claim.fatalities)


def _unique(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))


def _best_place(reports: Sequence[Event]) -> tuple[Place | None, str | None]:
    placed = [r for r in reports if r.place is not None]
    if not placed:
        return None, next((r.location_text for r in reports if r.location_text), None)
    best = min(placed, key=lambda r: r.place.geo_precision if r.place else 9)
    return best.place, best.location_text


def _best_when(reports: Sequence[Event]) -> When:
    dated = [r.when for r in reports if window(r.when) is not None]
    if not dated:
        return reports[0].when
    return min(dated, key=lambda w: (w.time_precision or 9, _width(w)))


def _width(when: When) -> int:
    span = window(when)
    return (span[1] - span[0]).days if span else 10**6


def _first_actor(values: Iterable[Actor | None]) -> Actor | None:
    return next((a for a in values if a is not None), None)


def merge_reports(reports: Sequence[Event], event_id: str) -> Event:
    """Fold the reports of one real event (in stored order) into one event.

    The first report's type and actors lead; a more precise place or date
    from a later report wins; claims and evidence are kept side by side.
    """
    if not reports:
        raise ValueError("merge_reports needs at least one report")
    first = reports[0]
    claims: dict[tuple[object, ...], Claim] = {}
    for report in reports:
        for claim in report.claims:
            claims.setdefault(_claim_key(claim), claim)
    evidence: dict[tuple[str, object], FieldEvidence] = {}
    for report in reports:
        for fe in report.evidence:
            evidence.setdefault((fe.field, fe.span), fe)
    equipment: dict[tuple[object, ...], Equipment] = {}
    for report in reports:
        for item in report.equipment:
            equipment.setdefault((item.name, item.kind, item.count, item.owner), item)
    place, location_text = _best_place(reports)
    actor1 = _first_actor(r.actor1 or r.actor2 for r in reports)
    sub_types = {r.sub_event_type for r in reports}
    return replace(
        first,
        event_id=event_id,
        doc_ids=_unique(d for r in reports for d in r.doc_ids),
        sub_event_type=first.sub_event_type if len(sub_types) == 1 else _battle_sub(reports),
        actor1=actor1,
        actor2=_other_actor(reports, actor1),
        assoc_actor_1=_unique(a for r in reports for a in r.assoc_actor_1),
        assoc_actor_2=_unique(a for r in reports for a in r.assoc_actor_2),
        place=place,
        location_text=location_text,
        when=_best_when(reports),
        fatalities=conservative_fatalities(reports),
        equipment=tuple(equipment.values()),
        claims=tuple(claims.values()),
        civilian_targeting=any(r.civilian_targeting for r in reports),
        notes=next((r.notes for r in reports if r.notes), ""),
        confidence=max(r.confidence for r in reports),
        evidence=tuple(evidence.values()),
    )


def _other_actor(reports: Sequence[Event], actor1: Actor | None) -> Actor | None:
    """The first actor of any report that is not ``actor1`` (reports may swap sides)."""
    taken = actor1.name if actor1 else None
    for report in reports:
        for actor in (report.actor2, report.actor1):
            if actor is not None and actor.name != taken:
                return actor
    return None


def _battle_sub(reports: Sequence[Event]) -> str:
    """Reports disagree on the Battles sub-type: a territorial change outranks a clash."""
    subs = [r.sub_event_type for r in reports]
    for preferred in ("Non-state actor overtakes territory", "Government regains territory"):
        if preferred in subs:
            return preferred
    return subs[0]


def independent_sources(
    doc_ids: Iterable[str], outlet_of: Callable[[str], str | None] | Mapping[str, str | None]
) -> int:
    """Corroboration: distinct original outlets, never the number of articles.

    ``outlet_of`` maps a document to its original outlet (the publisher of the
    first article of its syndication group), so reposts count once.
    """
    lookup = outlet_of.get if isinstance(outlet_of, Mapping) else outlet_of
    outlets = set()
    for doc_id in doc_ids:
        outlet = lookup(doc_id)
        outlets.add(outlet.casefold() if outlet else f"doc:{doc_id}")
    return len(outlets)
