"""The ``fields`` step: one ACLED event record from a merged draft.

Which of a merged event's mentions gives each field: the lead claim (a named
source that follows a fact stated by the outlet leads), the equipment counted
once, the actors settled to ACLED's names, fatalities by ACLED's rules, and the
evidence span of every field.
"""

from __future__ import annotations

import hashlib
from dataclasses import replace

from warwire.extract.merging import Draft
from warwire.extract.place_basis import country_point
from warwire.extract.records import Context, Reading
from warwire.extract.sides import settle_sides, struck_sub
from warwire.extract.tolls import LETHAL_TYPES, deaths_of, fatalities_of, note_toll
from warwire.resolve.actors import is_kept_phrase
from warwire.taxonomy import EVENT_TYPE_OF, disorder_type
from warwire.types import Actor, Claim, Equipment, Event, FieldEvidence, Hedge, Place, Span

__all__ = ["event_of", "events_of"]


def _claim(r: Reading, deaths: int | None, publisher: str) -> Claim:
    """A reading's claim; what a named source says, unhedged, is "according to" it."""
    hedge = r.hedge
    if hedge is Hedge.NONE and r.claimant != publisher:
        hedge = Hedge.ACCORDING_TO
    return Claim(r.claimant, hedge, r.polarity, r.sentence, fatalities=deaths)


def _claims(draft: Draft, publisher: str, sole: Claim | None = None) -> tuple[Claim, ...]:
    """The event's claims, lead first. A lead stated as fact followed by "..., X
    said" in a merged later sentence is X's story: a trailing attribution in a
    wire report covers what came before it, so X leads rather than the outlet.
    ``sole``: the one source the whole story credits, which vouches for an event
    only the outlet tells."""
    claims = list(
        dict.fromkeys(_claim(r, deaths_of(r, draft.first_place), publisher) for r in draft.readings)
    )
    sole_vouches = sole is not None and all(c.hedge is Hedge.NONE for c in claims)
    if claims and claims[0].claimant == publisher and claims[0].hedge is Hedge.NONE:
        named = next(
            (
                c
                for c in claims[1:]
                if c.claimant not in {publisher, "unnamed sources"}
                and c.hedge in {Hedge.NONE, Hedge.ACCORDING_TO}
            ),
            None,
        )
        if named is not None:
            claims.remove(named)
            claims.insert(0, named)
    if sole is not None and sole_vouches:
        claims.append(sole)  # after the outlet, which still tells it in its own words
    return tuple(claims)


def _equipment(draft: Draft) -> tuple[Equipment, ...]:
    out: list[Equipment] = []
    for r in draft.readings:
        for e in r.equipment:
            count = e.count
            if count is not None and draft.share > 1:
                count = max(1, count // draft.share)
            item = replace(e, count=count)
            if all((o.name, o.kind) != (item.name, item.kind) for o in out):
                out.append(item)
    return tuple(out)


def _pick(found: list[Actor | None]) -> Actor | None:
    """The first registry actor among a merged event's mentions, else the first phrase."""
    named = [a for a in found if a is not None]
    known = [a for a in named if not is_kept_phrase(a)]
    chosen = known or named
    return chosen[0] if chosen else None


def events_of(drafts: list[Draft], ctx: Context, sole: Claim | None = None) -> list[Event]:
    """A document's events. An event note is one event: its closing count ("12
    fatalities.") is the fatalities of its first deadly event, and no other draft
    read from it counts deaths again. ``sole``: the one source the story credits."""
    closing = note_toll(ctx.text, ctx.doc_id)
    if closing is None:
        return [event_of(d, ctx, i, sole=sole) for i, d in enumerate(drafts)]
    deadly = [i for i, d in enumerate(drafts) if _deadly(d.sub)]
    # a note that counts deaths tells a deadly event, however its first draft was typed
    deadly = deadly or ([0] if drafts and closing[0] > 0 else [])
    tolls = {i: closing if i == deadly[0] else (0, None) for i in deadly}
    return [event_of(d, ctx, i, tolls.get(i), sole) for i, d in enumerate(drafts)]


# an event placed only at its country's point keeps this share of its confidence
COUNTRY_SHARE = 0.55


def _place_weight(place: Place | None) -> float:
    """How much a place adds to an event's confidence: the finer, the more."""
    if place is None or (place.feature or "").startswith("PCL"):
        return 0.0
    return {1: 0.25, 2: 0.2}.get(place.geo_precision, 0.1)


def placed_share(place: Place | None) -> float:
    """A story told only at its country's point is the vaguer report of an event another
    report places at a town, so it must not outrank that report, however sure its sides
    and day: its confidence (at most 0.8; 0.65 read in another language) is scaled below
    the least a placed event gets (0.35 + 0.1; 0.4)."""
    return COUNTRY_SHARE if place is None or (place.feature or "").startswith("PCL") else 1.0


def _deadly(sub: str) -> bool:
    return EVENT_TYPE_OF[sub] in LETHAL_TYPES or sub == "Excessive force against protesters"


def event_of(
    draft: Draft,
    ctx: Context,
    index: int,
    toll: tuple[int, Span | None] | None = None,
    sole: Claim | None = None,
) -> Event:
    """One event from a merged draft; ``toll`` is its fatalities when the document
    codes them itself (an event note's closing count)."""
    doc_id, text, publisher = ctx.doc_id, ctx.text, ctx.publisher
    first = draft.readings[0]
    where = draft.where
    place = where.toponym.place if where and where.toponym else None
    if place is None and where is not None:
        # a name the gazetteer lacks: coded to its country, under its own name
        place = country_point(ctx.country_code)
    # the mentions that state the incident's day (the lede, the body) name its sides
    # better than a headline or a caption
    told = sorted(draft.readings, key=lambda r: not r.dated)
    actor1, actor2 = settle_sides(
        ctx.actors,
        draft.sub,
        _pick([r.actor1 for r in told]),
        _pick([r.actor2 for r in told]),
        (place.country_code if place else None) or ctx.country_code,
        [r.sentence.text_in(text) for r in draft.readings],
        ctx.main_actors,
        [v for r in told if r.deaths and not r.deaths.mixed for v in r.deaths.victims],
        [r.claimant for r in draft.readings if r.claimant],
    )
    sub = struck_sub(draft.sub, actor2)
    deaths, deaths_span = toll if toll is not None else fatalities_of(draft, ctx.text)
    # a village the gazetteer lacks keeps its own name at the point it is coded to
    location = where.name if where else None
    digest = hashlib.sha1(
        f"{doc_id}|{draft.sub}|{location}|{draft.when.start}|{draft.when.end}|{index}".encode()
    ).hexdigest()[:16]
    evidence = [FieldEvidence("event", first.sentence)]
    for name, span in (
        ("actor1", first.actor1_span),
        ("actor2", first.actor2_span),
        ("location", where.span if where else None),
        ("date", draft.when.span),
        ("fatalities", deaths_span),
    ):
        if span is not None:
            evidence.append(FieldEvidence(name, span))
    confidence = 0.35 + 0.15 * bool(actor1) + 0.1 * bool(actor2) + _place_weight(place)
    confidence += 0.1 * (draft.when.time_precision == 1) + 0.1 * (first.hedge is Hedge.NONE)
    assoc1 = tuple(
        dict.fromkeys(
            a for r in draft.readings for a in r.assoc1 if a != (actor1.name if actor1 else None)
        )
    )
    return Event(
        event_id=digest,
        doc_ids=(doc_id,),
        event_type=EVENT_TYPE_OF[sub],
        sub_event_type=sub,
        disorder_type=disorder_type(sub),
        actor1=actor1,
        actor2=actor2,
        assoc_actor_1=assoc1,
        place=place,
        location_text=location,
        when=draft.when,
        fatalities=deaths,
        equipment=_equipment(draft),
        claims=_claims(draft, publisher, sole),
        civilian_targeting=sub != draft.sub
        or any(r.decision.civilian_targeting for r in draft.readings),
        notes=" ".join(first.sentence.text_in(text).split()),
        confidence=round(min(confidence, 0.95) * placed_share(place), 2),
        evidence=tuple(evidence),
    )
