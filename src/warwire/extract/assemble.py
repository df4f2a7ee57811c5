"""Per-sentence reading: one :class:`Reading` per happening a sentence reports.

Kept apart from :mod:`warwire.extract.events` (which merges readings into
ACLED events) so each piece stays small: this module decides type, roles,
claimant, polarity, places, date, fatalities and equipment for one sentence.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from warwire.extract.aggregates import find_aggregate
from warwire.extract.claims import INTENT_VERBS, Attribution, attribution, own_claim, polarity
from warwire.extract.equipment import find_equipment
from warwire.extract.note_tags import tagged
from warwire.extract.numbers import Fatalities, fatalities
from warwire.extract.records import Context, DateLookup, Reading, Where, is_event
from warwire.extract.referents import Seen, demonym_forces, resolve_phrase
from warwire.extract.repairs import (
    PROTEST_SUBS,
    anaphoric,
    backers,
    borrow,
    crowd,
    fill_sides,
    gear_taken,
    judicial,
    without_equipment,
)
from warwire.extract.roles import Phrase, find_roles
from warwire.extract.rules import Decision, decide, is_casualty
from warwire.extract.speaker_phrases import attribution_cues
from warwire.extract.speakers import claimant_of
from warwire.extract.syntax import Tree
from warwire.extract.triggers import find_triggers
from warwire.extract.wheres import is_place, wheres_for
from warwire.knowledge import data_mapping
from warwire.taxonomy import INTER_CIVILIANS
from warwire.types import Actor, Polarity, Sentence, When

__all__ = ["Context", "DateLookup", "Reading", "Where", "is_event", "own_when", "read_sentence"]

_CIVILIANS = "Civilians"
_FROM = frozenset({"from"})
_HARMED = re.compile(r"(?i)\b(?:kill\w*|wound\w*|injur\w*|dead|died|attack\w*|ambush\w*)\b")
_DRILL = re.compile(
    r"(?i)\b(?:during|in|as part of|for)\s+(?:an?\s+|the\s+|its\s+|their\s+)?"
    r"(?:(?:joint|military|naval|annual|live[- ]fire|large-scale|routine)\s+)*"
    r"(?:exercises?|drills?|manoeuvres?|maneuvers?|war games)\b|\btest[- ]fir(?:ed|es|ing)\b"
)
_DISRUPTORS = frozenset({1, 2, 3, 8})  # state, rebel, militia and external forces
_NO_AIR_FORCE = frozenset({2, 3, 4})  # rebels and militias: their "strikes" are rockets
_TERRITORY = ("Government regains territory", "Non-state actor overtakes territory")
_ACTIVITY_OF = re.compile(r"^(?:the )?(\w+) (?:actions|activities|operations|efforts|moves)$", re.I)
_MOVERS = frozenset(
    {
        "Non-violent transfer of territory",
        "Other",
        "Headquarters or base established",
        "Change to group/activity",
    }
)


def _claimant_side(
    claimant: Actor | None, actor1: Actor | None, actor2: Actor | None, hit: bool = False
) -> tuple[Actor | None, Actor | None]:
    """State forces that report a clash naming one side ("police say six bandits were
    killed in a gun battle") are its other side; the side hit when it tells of its own dead."""
    if claimant is None or claimant.inter != 1 or claimant in (actor1, actor2):
        return actor1, actor2
    if actor1 is None and not (hit and actor2 is None):
        return claimant, actor2
    return actor1, claimant


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
        return Actor(name=_civilians(ctx), inter=INTER_CIVILIANS, country=ctx.country_code)
    return resolve_phrase(tree, phrase, ctx.text, ctx.actors, ctx.country_code, seen, claimant)


def _points_back(phrase: Phrase | None, said: Attribution) -> bool:
    """A third-person pronoun told before its sentence's speaker ("They killed three
    farmers, police said") names someone mentioned earlier, never that speaker."""
    if phrase is None or not phrase.pronoun or said.claimant_span is None:
        return False
    first = attribution_cues().own_side.get("first_person", frozenset())
    words = set(phrase.text.lower().split())
    return phrase.span.end <= said.claimant_span.start and not words & first


def _civilians(ctx: Context) -> str:
    country = ctx.country_place.name if ctx.country_place else None
    return f"{_CIVILIANS} ({country})" if country else _CIVILIANS


# "WASHINGTON, May 16, 2005 - On May 14 a bomb ...": the filing date heads the line
_DATELINE = re.compile(
    r"^\s*[A-Z][A-Za-z .'’-]{1,40}(?:,\s*[A-Z][A-Za-z .'’-]{1,30})?,\s+"
    r"(?:[A-Z][a-z]+\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]+\.?)(?:,?\s+\d{4})?"
    r"\s*(?:\([^)]{1,30}\)\s*)?[-–—:]"
)


@cache
def _statement_day() -> re.Pattern[str]:
    """What comes right before the day of a statement ("said on", "told reporters on")."""
    cues = data_mapping("attribution.yaml").get("statement_day") or {}
    said = "|".join(re.escape(w) for w in cues.get("said_on") or ())
    told = "|".join(re.escape(w) for w in cues.get("told_on") or ())
    return re.compile(
        rf"(?i)(?:\b(?:{said})|\b(?:{told})(?:\s+[\w'’-]+){{1,3}}?)\s*,?\s*"
        r"(?:(?:late|early)\s+)?(?:on\s+)?(?:the\s+)?$"
    )


def _of_statement(when: When, sentence: Sentence, text: str) -> bool:
    if when.span is None:
        return False
    before = text[max(sentence.span.start, when.span.start - 60) : when.span.start]
    return bool(_statement_day().search(before))


def own_when(ctx: Context, sentence: Sentence) -> When | None:
    """The date a sentence states itself, or None; a dateline's filing date is not one.

    The day of a statement ("police said on Friday") stands for the incident only
    when the sentence has no other day, and then as the day of the report
    (precision 2): it bounds the incident, it does not date it."""
    text = sentence.span.text_in(ctx.text)
    whens = ctx.dates.resolve_dates(text, sentence.span.start, ctx.doc_id, ctx.reference)
    said: list[When] = []
    for w in sorted(whens, key=lambda w: w.span.start if w.span else -1):
        last = said[-1].span if said else None
        follows = last is not None and w.span is not None and 0 <= w.span.start - last.end <= 2
        if follows or _of_statement(w, sentence, ctx.text):
            said.append(w)  # "said on Friday, April 16": both name the statement's day
    if said:
        told = [w for w in whens if w not in said]
        if not told:
            best = ctx.dates.best_date(said)
            if best is None or best.start is None:
                return None
            return replace(best, time_precision=max(best.time_precision or 1, 2))
        whens = told
    head = _DATELINE.match(text)
    if head is not None:
        cut = sentence.span.start + head.end()
        told = [w for w in whens if w.span is None or w.span.start >= cut]
        if not told:  # only the filing date: the day of the report, not a stated day
            filed = ctx.dates.best_date(whens)
            return None if filed is None else replace(filed, time_precision=2, span=None)
        whens = told
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
    if hits:
        tree = Tree.of(sentence)
        hits = [h for h in hits if not judicial(tree, h.token)]
    plain = sentence.span.text_in(ctx.text)
    if hits and _DRILL.search(plain) and not _HARMED.search(plain):
        hits = []  # "fired missiles at targets during an exercise": no one was attacked
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
        roles = borrow(without_equipment(roles_of[hit.token], equipment), hit, roles_of, hits)
        said = attribution(tree, ctx.text, hit.token)
        claimant, claimant_actor = claimant_of(ctx, tree, said, seen, speaker)
        speaking = None if _points_back(roles.agent, said) else claimant_actor
        actor1 = _resolve(ctx, tree, roles.agent, speaking, seen)
        actor2 = _resolve(ctx, tree, roles.target, claimant_actor, seen)
        written = roles.target.text.lower() if roles.target else ""
        if actor2 is not None and is_place(ctx, roles.target) and actor2.name.lower() in written:
            actor2 = None  # "shelled Nikopol": a place, not an actor
        if actor1 is not None and (doer := _ACTIVITY_OF.match(actor1.name)):
            actor1 = demonym_forces(ctx.actors, doer.group(1), ctx.country_code)
        owner = next((e.owner for e in equipment if e.owner), None)
        if actor2 is None and owner and decision.sub_event_type == "Disrupted weapons use":
            actor2 = demonym_forces(ctx.actors, owner, ctx.country_code)
        if actor1 is None and actor2 is not None and decision.sub_event_type in _MOVERS:
            actor1, actor2 = actor2, None  # "contractors were withdrawn": the mover acts
        seized = decision.sub_event_type in _TERRITORY and gear_taken(tree, roles, bool(equipment))
        if seized:
            decision = replace(decision, sub_event_type="Other")  # seized trucks, not a town
            actor2 = None
        actor1 = crowd(ctx, decision.sub_event_type, actor1)
        wheres = wheres_for(ctx, tree, hit.token, roles, equipment)
        if actor1 is not None and decision.sub_event_type in _TERRITORY:
            regain = actor1.inter == 1 and _at_home(actor1, wheres, ctx.country_code)
            decision = replace(decision, sub_event_type=_TERRITORY[0 if regain else 1])
        guessed_air = decision.weak and decision.sub_event_type == "Air/drone strike"
        if guessed_air and actor1 is not None and actor1.inter in _NO_AIR_FORCE:
            # a group's strike with no aircraft or drone named: rockets, missiles, shells
            decision = replace(decision, sub_event_type="Shelling/artillery/missile attack")
        co_agents = roles.co_agents
        if decision.sub_event_type == "Armed clash" and actor2 is None and co_agents:
            # "the RSF and the army fought": two subjects of a clash are its two sides
            actor2 = _resolve(ctx, tree, co_agents[0], claimant_actor, seen)
            co_agents = co_agents[1:]
        casualty_only = all(is_casualty(tree, h) for h in hits) or all(
            is_casualty(tree, h) or anaphoric(tree, h.token) for h in hits
        )
        own_dead = claimant_actor is not None and _own_dead(ctx, deaths, claimant_actor)
        if (
            actor1 is None
            and casualty_only
            and claimant_actor
            and claimant_actor != actor2
            and (said.verb == "claim" or actor2 is None or actor2.inter != INTER_CIVILIANS)
            and not own_dead
            and not attribution_cues().unarmed_words.search(said.claimant or "")
        ):
            # "X claimed a contractor was killed", "the army said ten militants were
            # killed": X did the killing; "six villagers were killed, police said" names
            # a witness to the deaths, not their perpetrator; nor is a health or aid office
            actor1 = claimant_actor
        if decision.sub_event_type == "Armed clash" and (actor1 is None or actor2 is None):
            actor1, actor2 = _claimant_side(claimant_actor, actor1, actor2, own_dead)
            actor1, actor2 = fill_sides(ctx, text, actor1, actor2)
        if actor1 is not None and actor2 is not None and actor1.name == actor2.name:
            actor2 = None
        if decision.sub_event_type == "Disrupted weapons use" and actor1 is not None:
            lost = tree.tokens[hit.token].lemma.lower() in {"lose", "crash"}
            if lost:  # "the LNA lost two drones": the loser is actor2
                actor1, actor2 = None, actor1
        if decision.sub_event_type == "Disrupted weapons use" and actor1 is None:
            actor1 = _opponent(ctx, tree, hit.token, actor2)
            armed = claimant_actor is not None and claimant_actor.inter in _DISRUPTORS
            if actor1 is None and armed and claimant_actor != actor2:
                actor1 = claimant_actor  # "a bomb was found and defused, police said"
        assoc1 = tuple(
            a.name
            for p in (*co_agents, *backers(tree, roles.agent, ctx.text))
            if (a := _resolve(ctx, tree, p, claimant_actor, seen)) is not None
            and a.inter != INTER_CIVILIANS
        )
        readings.append(
            Reading(
                decision=decision,
                sentence=sentence.span,
                polarity=_polarity(tree, decision, ctx.text),
                claimant=claimant,
                hedge=own_claim(tree, hit.token, said, claimant_actor),
                actor1=actor1,
                actor2=actor2,
                actor1_span=roles.agent.span if roles.agent and actor1 else None,
                actor2_span=roles.target.span if roles.target and actor2 else None,
                assoc1=assoc1,
                assoc2=(),
                wheres=wheres,
                when=when,
                deaths=deaths,
                equipment=tuple(
                    replace(e, owner=_owner(ctx, e.owner, actor2, decision.sub_event_type))
                    for e in equipment
                ),
                aggregate=aggregate,
                casualty_only=casualty_only,
                part_of_fight=seized,
                dated=stated is not None,
            )
        )
    return tagged(readings, text), stated


def _own_dead(ctx: Context, deaths: Fatalities | None, claimant: Actor) -> bool:
    """ "five soldiers were killed in an ambush, the ministry said": a side telling of its
    own dead is the side that was hit, never the killer."""
    victims = deaths.victims if deaths is not None and not deaths.mixed else ()
    found = [ctx.actors.resolve(v, ctx.country_code) for v in victims if v]
    return any(f is not None and f.name == claimant.name for f in found)


def _at_home(actor: Actor, wheres: tuple[Where, ...], story_country: str | None) -> bool:
    """State forces regain territory at home; ACLED codes foreign state forces taking
    ground as "Non-state actor overtakes territory"."""
    places = [w.toponym.place for w in wheres if w.toponym and w.toponym.place]
    where = next((p.country_code for p in places if p.country_code), None) or story_country
    return actor.country is None or where is None or actor.country.upper() == where.upper()


def _polarity(tree: Tree, decision: Decision, text: str) -> Polarity:
    """Protest codings hang on the whole clause ("police fired tear gas to disperse
    protesters"): judge them at the main verb, not at the protesters."""
    at_hit = polarity(tree, decision.hit.token, text)
    if decision.sub_event_type not in PROTEST_SUBS:
        return at_hit
    roots = [i for i, t in enumerate(tree.tokens) if t.dep == "ROOT" and t.pos in {"VERB", "AUX"}]
    if not roots:
        return at_hit
    if tree.tokens[roots[0]].lemma.lower() in INTENT_VERBS:
        return Polarity.INTENDED  # "called for demonstrations", "urged ... not to use force"
    at_root = polarity(tree, roots[0], text)
    if at_root is not Polarity.ASSERTED:
        return at_root
    if at_hit is Polarity.INTENDED and _readied(tree, decision.hit.token):
        return at_hit
    return Polarity.ASSERTED if at_hit is Polarity.INTENDED else at_hit


def _readied(tree: Tree, hit: int) -> bool:
    """ "looked ready to stage a march", "are set to protest": a state of readiness
    (an adjective before "to ..."), not a purpose served by what was done."""
    for pos in (hit, *tree.ancestors(hit)):
        marks = {tree.tokens[c].text.lower() for c in tree.kids(pos, "aux")}
        head = tree.head(pos)
        if "to" in marks and head is not None and tree.tokens[head].pos == "ADJ":
            return True
    return False


def _owner(ctx: Context, owner: str | None, actor2: Actor | None, sub: str) -> str | None:
    """The equipment's owner as an actor name: "Turkish drones" shot down -> the Turkish
    military when that is the side that lost them."""
    if sub != "Disrupted weapons use" or actor2 is None:
        return owner
    if owner is None:
        return actor2.name
    forces = demonym_forces(ctx.actors, owner, ctx.country_code)
    return actor2.name if forces.name == actor2.name else owner


def _opponent(ctx: Context, tree: Tree, trigger: int, loser: Actor | None) -> Actor | None:
    """ "the LNA lost two drones which crashed": in a two-sided story the shooter is implied
    to be the loser's enemy. Only for losses, never for interceptions without a loser."""
    if loser is None or len(ctx.main_actors) != 2:
        return None
    if tree.tokens[trigger].lemma.lower() not in {"lose", "crash"}:
        return None
    names = [a.name for a in ctx.main_actors]
    if loser.name not in names:
        return None
    return ctx.main_actors[1 - names.index(loser.name)]
