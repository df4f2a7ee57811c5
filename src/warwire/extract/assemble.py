"""Per-sentence reading: one :class:`Reading` per happening a sentence reports.

Kept apart from :mod:`warwire.extract.events` (which merges readings into
ACLED events) so each piece stays small: this module decides type, roles,
claimant, polarity, places, date, fatalities and equipment for one sentence.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from datetime import date
from typing import Protocol

from warwire.extract.aggregates import Aggregate, AggregateKind, find_aggregate
from warwire.extract.claims import INTENT_VERBS, Attribution, attribution, polarity
from warwire.extract.equipment import find_equipment
from warwire.extract.numbers import Fatalities, fatalities
from warwire.extract.referents import (
    Seen,
    demonym_forces,
    is_named,
    resolve_phrase,
)
from warwire.extract.roles import PLACE_HEADS, ActorLookup, Phrase, Roles, _phrase, find_roles
from warwire.extract.rules import Decision, decide, is_casualty
from warwire.extract.syntax import NP_STOP, Tree
from warwire.extract.triggers import TriggerHit, find_triggers
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
    part_of_fight: bool = False  # seized weapons: belongs to the fight it follows


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


def _resolve(
    ctx: Context,
    tree: Tree,
    phrase: Phrase | None,
    claimant: Actor | None,
    seen: tuple[Seen, ...] = (),
) -> Actor | None:
    if phrase is None:
        return None
    if phrase.civilian and not phrase.pronoun:
        return Actor(name=_civilians(ctx), inter=7, country=ctx.country_code)
    return resolve_phrase(tree, phrase, ctx.text, ctx.actors, ctx.country_code, seen, claimant)


def _civilians(ctx: Context) -> str:
    country = ctx.country_place.name if ctx.country_place else None
    return f"{_CIVILIANS} ({country})" if country else _CIVILIANS


def _wheres(
    ctx: Context, tree: Tree, trigger: int, roles: Roles, equipment: tuple[Equipment, ...]
) -> tuple[Where, ...]:
    """Places for a trigger: coordinated places in its clause are separate events."""
    sent = tree.sentence.span
    tops = [t for t in ctx.toponyms if sent.start <= t.span.start and t.span.end <= sent.end]
    actor_spans = [
        span
        for p in (roles.agent, roles.target, *roles.co_agents)
        if p
        for span in (p.span, *(tree.span(*tree.phrase(a)) for a in tree.kids(p.head, "appos")))
    ]
    tops = [
        t
        for t in tops
        if not any(a.covers(t.span) for a in actor_spans)
        and not _adjectival(tree, t, ctx.text)
        and not any(e.evidence is not None and e.evidence.covers(t.span) for e in equipment)
    ]
    fine = [t for t in tops if not (t.place and (t.place.feature or "").startswith("PCL"))]
    tops = fine or tops
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
        tops = _named_area(tree, ctx.text)
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


_ATTRIBUTIVE = re.compile(r"^-(?:made|backed|based|led|funded|built|supplied|owned|allied)\b")


def _fold(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", word.casefold()) if c.isalnum())


def _adjectival(tree: Tree, top: Toponym, text: str) -> bool:
    """ "Chinese-made", "Turkish-backed", "Syrian militants": a country word, not a place."""
    span = top.span
    if _ATTRIBUTIVE.match(text[span.end : span.end + 12]):
        return True
    toks = [t for t in tree.tokens if span.start <= t.start < span.end]
    if not toks or not all(t.ent_type == "NORP" or t.pos == "ADJ" for t in toks):
        return False
    return top.place is None or _fold(top.text) != _fold(top.place.name)


def _named_area(tree: Tree, text: str) -> list[Toponym]:
    """ "in the area of Salah ad-Din": a proper name after a place word, unresolved."""
    toks = tree.tokens
    out = []
    for pos, tok in enumerate(toks):
        if tok.lemma.lower() not in PLACE_HEADS:
            continue
        for prep in tree.kids(pos, "prep"):
            if toks[prep].text.lower() != "of":
                continue
            for obj in tree.kids(prep, "pobj"):
                lo, hi = tree.phrase(obj, NP_STOP)
                named = any(t.pos == "PROPN" for t in toks[lo : hi + 1])
                if named and toks[obj].text[:1].isupper() and toks[obj].ent_type != "ORG":
                    out.append(Toponym(tree.span(lo, hi), tree.text(text, lo, hi)))
    return out


def own_when(ctx: Context, sentence: Sentence) -> When | None:
    """The date a sentence states itself, or None."""
    text = sentence.span.text_in(ctx.text)
    whens = ctx.dates.resolve_dates(text, sentence.span.start, ctx.doc_id, ctx.reference)
    best = ctx.dates.best_date(whens)
    return best if best is not None and best.start is not None else None


def read_sentence(
    ctx: Context,
    sentence: Sentence,
    inherited: When | None,
    seen: tuple[Seen, ...] = (),
    speaker: str | None = None,
) -> tuple[list[Reading], When | None]:
    """Every happening in ``sentence`` (asserted or not) and the date it states itself.

    A sentence without its own date takes ``inherited`` (the story's date the
    caller worked out), else the reference week.
    """
    if not sentence.parsed:
        return [], None
    hits = find_triggers(sentence, ctx.text)
    stated = own_when(ctx, sentence)
    when = stated or inherited or ctx.dates.undated_window(ctx.reference)
    if not hits:
        return [], stated
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
        roles = _borrow(_without_equipment(roles_of[hit.token], equipment), hit, roles_of, hits)
        said = attribution(tree, ctx.text, hit.token)
        claimant, claimant_actor = _claimant(ctx, tree, said, seen, speaker)
        actor1 = _resolve(ctx, tree, roles.agent, claimant_actor, seen)
        actor2 = _resolve(ctx, tree, roles.target, claimant_actor, seen)
        owner = next((e.owner for e in equipment if e.owner), None)
        if actor2 is None and owner and decision.sub_event_type == "Disrupted weapons use":
            actor2 = demonym_forces(ctx.actors, owner, ctx.country_code)
        if actor1 is None and actor2 is not None and decision.sub_event_type in _MOVERS:
            actor1, actor2 = actor2, None  # "contractors were withdrawn": the mover acts
        gear_taken = decision.sub_event_type in _TERRITORY and _gear_taken(
            tree, roles, bool(equipment)
        )
        if gear_taken:
            decision = replace(decision, sub_event_type="Other")  # seized trucks, not a town
            actor2 = None
        actor1 = _crowd(ctx, decision.sub_event_type, actor1)
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
            a.name
            for p in (*roles.co_agents, *_backers(tree, roles.agent, ctx.text))
            if (a := _resolve(ctx, tree, p, claimant_actor, seen)) is not None and a.inter != 7
        )
        readings.append(
            Reading(
                decision=decision,
                sentence=sentence.span,
                polarity=_polarity(tree, decision, ctx.text),
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
                part_of_fight=gear_taken,
            )
        )
    return readings, stated


def _anaphoric(tree: Tree, pos: int) -> bool:
    """ "the fighting", "repelled the assault": a sentence referring back to the event before."""
    tok = tree.tokens[pos]
    if tok.pos == "VERB":
        return any(
            tree.tokens[o].lemma.lower() in _EVENT_NOUNS and _anaphoric(tree, o)
            for o in tree.kids(pos, "dobj")
        )
    return tok.pos == "NOUN" and any(
        tree.tokens[c].text.lower() in {"the", "this", "that"} for c in tree.kids(pos, "det")
    )


_EVENT_NOUNS = frozenset(
    {"attack", "assault", "ambush", "raid", "offensive", "bombing", "strike", "incursion"}
)
_PROTEST_SUBS = frozenset(
    {
        "Peaceful protest",
        "Protest with intervention",
        "Excessive force against protesters",
        "Violent demonstration",
        "Mob violence",
    }
)


def _polarity(tree: Tree, decision: Decision, text: str) -> Polarity:
    """Protest codings hang on the whole clause ("police fired tear gas to disperse
    protesters"): judge them at the main verb, not at the protesters."""
    at_hit = polarity(tree, decision.hit.token, text)
    if decision.sub_event_type not in _PROTEST_SUBS:
        return at_hit
    roots = [i for i, t in enumerate(tree.tokens) if t.dep == "ROOT" and t.pos in {"VERB", "AUX"}]
    if not roots:
        return at_hit
    if tree.tokens[roots[0]].lemma.lower() in INTENT_VERBS:
        return Polarity.INTENDED  # "called for demonstrations", "urged ... not to use force"
    at_root = polarity(tree, roots[0], text)
    if at_root is not Polarity.ASSERTED:
        return at_root
    return Polarity.ASSERTED if at_hit is Polarity.INTENDED else at_hit


def _claimant(
    ctx: Context,
    tree: Tree,
    said: Attribution,
    seen: tuple[Seen, ...],
    speaker: str | None = None,
) -> tuple[str, Actor | None]:
    """Who vouches: a named organisation resolves to its actor; a generic speaker
    ("a resident", "security sources") keeps its words; "he said" is the last
    speaker; nobody -> the publisher."""
    if said.claimant and said.claimant_head is not None:
        head = said.claimant_head
        if tree.tokens[head].text.lower() in {"he", "she"}:
            return speaker or ctx.publisher, None
        lemma = tree.tokens[head].lemma.lower()
        org = lemma in {"army", "military", "police", "group", "militia", "movement", "force"}
        if is_named(tree, head) or org or tree.tokens[head].pos == "PRON":
            phrase = _phrase(tree, head, ctx.text)
            phrase = replace(phrase, civilian=False)
            actor = resolve_phrase(tree, phrase, ctx.text, ctx.actors, ctx.country_code, seen, None)
            if actor is not None and "source" not in said.claimant.lower():
                return actor.name, actor
        return said.claimant, None
    if said.claimant:
        return said.claimant, None
    if said.hedge in {Hedge.REPORTEDLY, Hedge.UNCONFIRMED, Hedge.ALLEGED}:
        return "unnamed sources", None
    return ctx.publisher, None


_CROWD_WORDS = frozenset({"crowd", "mob", "rioters", "protesters", "demonstrators", "youths"})


def _crowd(ctx: Context, sub: str, actor: Actor | None) -> Actor | None:
    """ACLED names crowds by role and country: "Rioters (India)", "Protesters (Mali)"."""
    if sub not in _PROTEST_SUBS or (actor is not None and actor.name.lower() not in _CROWD_WORDS):
        return actor
    if sub in {"Violent demonstration", "Mob violence"}:
        role, inter = "Rioters", 5
    else:
        role, inter = "Protesters", 6
    country = ctx.country_place.name if ctx.country_place else None
    return Actor(f"{role} ({country})" if country else role, inter, ctx.country_code)


def _borrow(
    roles: Roles, hit: TriggerHit, roles_of: dict[int, Roles], hits: list[TriggerHit]
) -> Roles:
    """ "SAF warplanes carried out air strikes on RSF positions": two triggers of one
    happening share their roles."""
    for other in hits:
        if other.token == hit.token or other.sub_event_type != hit.sub_event_type:
            continue
        theirs = roles_of[other.token]
        agent_span = roles.agent.span if roles.agent else None
        if roles.target is None and theirs.target and theirs.target.span != agent_span:
            roles = replace(roles, target=theirs.target)
        target_span = roles.target.span if roles.target else None
        if roles.agent is None and theirs.agent and theirs.agent.span != target_span:
            roles = replace(roles, agent=theirs.agent)
    return roles


def _gear_taken(tree: Tree, roles: Roles, has_gear: bool) -> bool:
    """ "seized two armoured trucks": the object is equipment, not territory."""
    target = roles.target
    if roles.places:
        return False
    if target is None:
        return has_gear
    from warwire.extract.referents import GEAR

    lemma = tree.tokens[target.head].lemma.lower()
    return lemma in GEAR or lemma in {"weapon", "arm", "ammunition", "cache", "rifle", "gun"}


def _backers(tree: Tree, agent: Phrase | None, text: str) -> list[Phrase]:
    """ "X, backed by Y", "militants supported by the Turkish military": Y fights alongside."""
    if agent is None:
        return []
    out: list[Phrase] = []
    for head in tree.conjuncts(agent.head):
        for acl in tree.kids(head, "acl"):
            if tree.tokens[acl].lemma.lower() in {"back", "support", "assist", "aid", "help"}:
                for ag in tree.kids(acl, "agent"):
                    out.extend(_phrase(tree, o, text) for o in tree.kids(ag, "pobj"))
    return out


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
