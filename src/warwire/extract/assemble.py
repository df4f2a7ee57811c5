"""Per-sentence reading: one :class:`Reading` per happening a sentence reports.

Kept apart from :mod:`warwire.extract.events` (which merges readings into
ACLED events) so each piece stays small: this module decides type, roles,
claimant, polarity, places, date, fatalities and equipment for one sentence.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Protocol

from warwire.extract.aggregates import Aggregate, AggregateKind, find_aggregate
from warwire.extract.claims import attribution, polarity
from warwire.extract.equipment import find_equipment
from warwire.extract.numbers import Fatalities, fatalities
from warwire.extract.roles import ActorLookup, Phrase, Roles, find_roles
from warwire.extract.rules import Decision, decide, is_casualty
from warwire.extract.syntax import Tree
from warwire.extract.triggers import find_triggers
from warwire.types import Actor, Equipment, Hedge, Polarity, Sentence, Span, Toponym, When


class DateLookup(Protocol):
    """What extraction needs from warwire.resolve.dates (the module satisfies it)."""

    def resolve_dates(
        self, text: str, offset: int, doc_id: str, reference: date | None
    ) -> list[When]: ...

    def undated_window(self, reference: date | None) -> When: ...

    def best_date(self, whens: list[When]) -> When | None: ...


@dataclass(frozen=True, slots=True)
class Where:
    """A location for a reading: a resolved toponym or a place name from NER."""

    name: str
    span: Span | None
    toponym: Toponym | None = None


@dataclass(frozen=True, slots=True)
class Reading:
    """One happening read from one sentence, before merging into events."""

    decision: Decision
    sentence: Span
    polarity: Polarity
    claimant: str
    hedge: Hedge
    actor1: Actor | None
    actor2: Actor | None
    actor1_span: Span | None
    actor2_span: Span | None
    assoc1: tuple[str, ...]
    assoc2: tuple[str, ...]
    wheres: tuple[Where, ...]
    when: When
    deaths: Fatalities | None
    equipment: tuple[Equipment, ...]
    aggregate: Aggregate | None
    casualty_only: bool


@dataclass(frozen=True, slots=True)
class Context:
    """Document-level facts a sentence reading may fall back on."""

    doc_id: str
    text: str
    publisher: str
    reference: date | None
    country_code: str | None
    country_place: Where | None
    toponyms: tuple[Toponym, ...]
    actors: ActorLookup
    dates: DateLookup
    main_actors: tuple[Actor, ...] = ()


_CIVILIANS = "Civilians"
_FROM = frozenset({"from"})
_TERRITORY = ("Government regains territory", "Non-state actor overtakes territory")
_MOVERS = frozenset(
    {"Non-violent transfer of territory", "Other", "Headquarters or base established"}
)


def _resolve(ctx: Context, phrase: Phrase | None, claimant: Actor | None) -> Actor | None:
    if phrase is None:
        return None
    lowered = phrase.text.lower()
    if phrase.pronoun or lowered.startswith(("its ", "their ")):
        return claimant
    if phrase.civilian:
        return Actor(name=_civilians(ctx), inter=7, country=ctx.country_code)
    found = ctx.actors.find(phrase.text, ctx.country_code)
    if found:
        return found[0][2]
    return ctx.actors.resolve_or_keep(phrase.text, ctx.country_code)


def _civilians(ctx: Context) -> str:
    country = ctx.country_place.name if ctx.country_place else None
    return f"{_CIVILIANS} ({country})" if country else _CIVILIANS


def _wheres(
    ctx: Context, tree: Tree, trigger: int, roles: Roles, equipment: tuple[Equipment, ...]
) -> tuple[Where, ...]:
    """Places for a trigger: coordinated places in its clause are separate events."""
    sent = tree.sentence.span
    tops = [t for t in ctx.toponyms if sent.start <= t.span.start and t.span.end <= sent.end]
    actor_spans = [p.span for p in (roles.agent, roles.target, *roles.co_agents) if p]
    tops = [t for t in tops if not any(a.covers(t.span) for a in actor_spans)]
    if not tops:  # no gazetteer hits: fall back on the tagger's place names
        ents = [
            e
            for e in tree.sentence.entities
            if e.label in {"GPE", "LOC", "FAC"}
            and not any(a.covers(e.span) for a in actor_spans)
            and not any(q.name and e.text in q.name for q in equipment)
        ]
        tops = [Toponym(span=e.span, text=e.text) for e in ents]
    if not tops:
        return (ctx.country_place,) if ctx.country_place else ()
    toks = tree.tokens
    scope = tree.subtree(trigger)
    head = tree.head(trigger)
    if toks[trigger].dep in {"acl", "relcl"} and head is not None:
        scope = sorted({*scope, *tree.subtree(head)})
    inside = [t for t in tops if any(toks[i].start <= t.span.start < toks[i].end for i in scope)]
    chosen = inside or tops
    first = chosen[0]
    group = [first]
    for other in chosen[1:]:
        between = ctx.text[group[-1].span.end : other.span.start].strip().lower()
        if between in {"and", ",", "or", ", and", "as well as"}:
            group.append(other)
    return tuple(Where(t.place.name if t.place else t.text, t.span, t) for t in group)


def _when(ctx: Context, sentence: Sentence, previous: When | None) -> When:
    text = sentence.span.text_in(ctx.text)
    whens = ctx.dates.resolve_dates(text, sentence.span.start, ctx.doc_id, ctx.reference)
    best = ctx.dates.best_date(whens)
    if best is not None and best.start is not None:
        return best
    return ctx.dates.undated_window(ctx.reference)


def read_sentence(
    ctx: Context, sentence: Sentence, previous_when: When | None
) -> tuple[list[Reading], When | None]:
    """Every happening in ``sentence`` (asserted or not) and the date it carries."""
    if not sentence.parsed:
        return [], previous_when
    hits = find_triggers(sentence, ctx.text)
    when = _when(ctx, sentence, previous_when)
    if not hits:
        return [], when
    tree = Tree.of(sentence)
    text = sentence.span.text_in(ctx.text)
    roles_of = {
        h.token: find_roles(
            tree,
            h.token,
            ctx.text,
            clash=h.sub_event_type == "Armed clash",
            extra=_FROM if h.sub_event_type in _TERRITORY else frozenset(),
        )
        for h in hits
    }
    decisions = decide(tree, hits, roles_of, text)
    aggregate = find_aggregate(text)
    deaths = fatalities(text)
    equipment = tuple(find_equipment(text, sentence.span.start, ctx.doc_id))
    readings = []
    for decision in decisions:
        hit = decision.hit
        roles = _without_equipment(roles_of[hit.token], equipment)
        said = attribution(tree, ctx.text, hit.token)
        # "pro-GNA sources" are not the GNA: only named organisations resolve
        named = bool(said.claimant) and "source" not in (said.claimant or "").lower()
        hits_in_claimant = ctx.actors.find(said.claimant or "", ctx.country_code) if named else []
        claimant_actor: Actor | None = hits_in_claimant[0][2] if hits_in_claimant else None
        if said.claimant and named and claimant_actor is None:
            claimant_actor = ctx.actors.resolve(said.claimant, ctx.country_code)
            if claimant_actor is None and named:
                claimant_actor = ctx.actors.resolve_or_keep(said.claimant, ctx.country_code)
        if said.claimant:
            claimant = claimant_actor.name if claimant_actor else said.claimant
        elif said.hedge in {Hedge.REPORTEDLY, Hedge.UNCONFIRMED, Hedge.ALLEGED}:
            claimant = "unnamed sources"
        else:
            claimant = ctx.publisher
        actor1 = _resolve(ctx, roles.agent, claimant_actor)
        actor2 = _resolve(ctx, roles.target, claimant_actor)
        owner = next((e.owner for e in equipment if e.owner), None)
        if actor2 is None and owner and decision.sub_event_type == "Disrupted weapons use":
            actor2 = ctx.actors.resolve_or_keep(owner, ctx.country_code)
        if actor1 is None and actor2 is not None and decision.sub_event_type in _MOVERS:
            actor1, actor2 = actor2, None  # "contractors were withdrawn": the mover acts
        if actor1 is not None and decision.sub_event_type in _TERRITORY:
            regain = actor1.inter == 1
            decision = replace(decision, sub_event_type=_TERRITORY[0 if regain else 1])
        if decision.sub_event_type == "Armed clash" and (actor1 is None or actor2 is None):
            actor1, actor2 = _fill_sides(ctx, text, actor1, actor2)
        if actor1 is not None and actor2 is not None and actor1.name == actor2.name:
            actor2 = None
        casualty_only = all(is_casualty(tree, h) for h in hits) or all(
            is_casualty(tree, h) or _anaphoric(tree, h.token) for h in hits
        )
        if actor1 is None and casualty_only and claimant_actor and claimant_actor != actor2:
            actor1 = claimant_actor  # "X claimed a contractor was killed": X did the killing
        if decision.sub_event_type == "Disrupted weapons use" and actor1 is not None:
            lost = tree.tokens[hit.token].lemma.lower() in {"lose", "crash"}
            if lost:  # "the LNA lost two drones": the loser is actor2
                actor1, actor2 = None, actor1
        assoc1 = tuple(
            a.name for p in roles.co_agents if (a := _resolve(ctx, p, claimant_actor)) is not None
        )
        readings.append(
            Reading(
                decision=decision,
                sentence=sentence.span,
                polarity=polarity(tree, hit.token, ctx.text),
                claimant=claimant,
                hedge=said.hedge,
                actor1=actor1,
                actor2=actor2,
                actor1_span=roles.agent.span if roles.agent and actor1 else None,
                actor2_span=roles.target.span if roles.target and actor2 else None,
                assoc1=assoc1,
                assoc2=(),
                wheres=_wheres(ctx, tree, hit.token, roles, equipment),
                when=when,
                deaths=deaths,
                equipment=tuple(
                    replace(
                        e,
                        owner=e.owner
                        or (
                            actor2.name
                            if actor2
                            and e.owner is None
                            and decision.sub_event_type == "Disrupted weapons use"
                            else None
                        ),
                    )
                    for e in equipment
                ),
                aggregate=aggregate,
                casualty_only=casualty_only,
            )
        )
    return readings, when


def _anaphoric(tree: Tree, pos: int) -> bool:
    """ "the fighting", "the attack": a sentence referring back to the event before."""
    tok = tree.tokens[pos]
    return tok.pos == "NOUN" and any(
        tree.tokens[c].text.lower() in {"the", "this", "that"} for c in tree.kids(pos, "det")
    )


def _without_equipment(roles: Roles, equipment: tuple[Equipment, ...]) -> Roles:
    """Weapons are not actors: "shot down 13 Turkish drones" has no human target."""

    def is_gear(p: Phrase | None) -> bool:
        return p is not None and any(
            e.evidence is not None and p.span.start <= e.evidence.start < p.span.end
            for e in equipment
        )

    if is_gear(roles.target):
        return replace(roles, target=None)
    return roles


def _fill_sides(
    ctx: Context, text: str, actor1: Actor | None, actor2: Actor | None
) -> tuple[Actor | None, Actor | None]:
    """A clash names its sides loosely ("clashes erupted ... LNA forces"): use the
    registry's alias hits in the sentence, then the document's two main actors."""
    named = [a for _, _, a in ctx.actors.find(text, ctx.country_code) if a.inter != 7]
    for actor in [*named, *ctx.main_actors]:
        if actor1 is not None and actor2 is not None:
            break
        if any(a is not None and a.name == actor.name for a in (actor1, actor2)):
            continue
        if actor1 is None:
            actor1 = actor
        else:
            actor2 = actor
    return actor1, actor2


def is_event(reading: Reading) -> bool:
    """Only asserted, single happenings become events."""
    if reading.polarity is not Polarity.ASSERTED:
        return False
    agg = reading.aggregate
    return not (agg is not None and agg.kind is AggregateKind.RUNNING_TOTAL)
