"""ACLED's codebook rules that turn trigger hits into one sub-event type.

The lexicon proposes; these rules decide with context: who the victims are
(civilians make an attack Violence against civilians), whether protesters are
present (an arrest at a protest is a Protest with intervention), who took the
territory (state forces regain, others overtake), and that shelling inside a
battle is part of the battle.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from warwire.extract.backdrop import backgrounded
from warwire.extract.crowds import (
    RIOT_SUBS,
    armed_crowd,
    crowd_decision,
    in_grievance,
    without_grievances,
)
from warwire.extract.cues import cue, has, without, words
from warwire.extract.disrupted import disrupting, found_unexploded
from warwire.extract.roles import CIVILIAN_HEADS, COUNTED_HEADS, PLACE_HEADS, Roles
from warwire.extract.spurious import spurious
from warwire.extract.syntax import Tree
from warwire.extract.triggers import TriggerHit
from warwire.resolve.actor_kinds import inter_of
from warwire.taxonomy import EVENT_TYPE_OF, INTER_CIVILIANS, WEAPON_SUB_EVENT_TYPES

CASUALTY_LEMMAS = frozenset(
    {"kill", "shoot", "murder", "slay", "die", "burn", "beat", "stab", "dead", "neutralise"}
    | {"neutralize"}
)
_GENERIC_CLASH = frozenset({"attack", "raid", "storm", "assault", "ambush", "offensive"})
_LYNCHING = frozenset({"lynch", "lynching"})
_REAL_CLASH = frozenset(
    {
        "clash",
        "fight",
        "fighting",
        "battle",
        "firefight",
        "gunfight",
        "skirmish",
        "gunbattle",
        "exchange",
        "repel",
        "repulse",
        "engage",
    }
)
_TERRITORY = ("Government regains territory", "Non-state actor overtakes territory")
_WEAPON_SUBS = WEAPON_SUB_EVENT_TYPES
_VIOLENT_SUBS = _WEAPON_SUBS | {"Armed clash", "Attack", "Violent demonstration", "Mob violence"}
_ARMED_INTERS = frozenset({1, 2, 3, 4, 8})


@dataclass(frozen=True, slots=True)
class Decision:
    """The sub-event type chosen for one trigger, and whether it targets civilians.

    ``weak`` marks a type chosen by default from a generic word ("an attack", "a
    strike on") with no side or weapon to go by: a later mention of the same
    incident that names its victims or its weapon may correct it."""

    sub_event_type: str
    hit: TriggerHit
    civilian_targeting: bool = False
    weak: bool = False


def is_casualty(tree: Tree, hit: TriggerHit) -> bool:
    return tree.tokens[hit.token].lemma.lower() in CASUALTY_LEMMAS and hit.priority <= 14


_NON_STATE = frozenset({2, 3, 4})  # rebels, political and identity militias


def _agent_inter(roles: Roles) -> int | None:
    return inter_of(roles.agent.text) if roles.agent else None


def _raids_homes(tree: Tree, hit: TriggerHit, lowered: str, target: str) -> bool:
    """ "gangs launched an assault on two neighbourhoods": a raid on where people live."""
    if has("residential_targets", target.lower()):
        return True
    start = tree.tokens[hit.token].end - tree.sentence.span.start
    after = re.match(
        rf"\s+(?:on|against|targeting|into|through) (?:the |a |an )?(?:[\w'-]+ ){{0,3}}?"
        rf"(?:{cue('residential_targets').pattern})",
        lowered[start : start + 90],
    )
    return after is not None


def _taken(tree: Tree, hit: TriggerHit, text: str) -> list[str]:
    """The objects of a taking verb, as written ("dozens of pupils", "rifles and cash")."""
    base = tree.sentence.span.start
    out = []
    for obj in tree.kids(hit.token, "dobj"):
        lo, hi = tree.phrase(obj)
        out.append(text[tree.tokens[lo].start - base : tree.tokens[hi].end - base])
    return out


def _seized_gear(tree: Tree, hit: TriggerHit, text: str) -> bool:
    """ "seized rifles and cash": what was taken is gear, not ground."""
    return any(has("seized_gear", taken) for taken in _taken(tree, hit, text))


def _taken_heads(tree: Tree, hit: TriggerHit) -> list[str]:
    """The head words of what was taken: "pupils" for "dozens of pupils", "town" (not
    "rebels") for "the town of X from M23 rebels"."""
    heads = []
    for obj in tree.kids(hit.token, "dobj"):
        tok = tree.tokens[obj]
        if tok.text.lower() in COUNTED_HEADS or tok.pos == "NUM":
            inner = [o for p in tree.kids(obj, "prep") for o in tree.kids(p, "pobj")]
            tok = tree.tokens[inner[0]] if inner else tok
        heads.append(tok.text.lower())
    return heads


def _seized_people(tree: Tree, hit: TriggerHit) -> str | None:
    """Who was taken, when people were and not ground: "civilians" ("seized dozens of
    pupils"), "fighters" ("captured 15 soldiers"), else None."""
    heads = _taken_heads(tree, hit)
    if any(has("armed_victims", h) for h in heads):
        return "fighters"
    people = CIVILIAN_HEADS - PLACE_HEADS  # pupils and villagers, not villages
    if any(h in people or h[:-1] in people for h in heads):
        return "civilians"
    return None


def _victims(lowered: str, roles: Roles) -> str:
    """The sentence without the attackers' and the sources' words: what is left names
    the victims ("gunmen shot dead a chief, police said")."""
    text = lowered
    for doer in (roles.agent, *roles.co_agents):
        if doer is not None:
            text = text.replace(doer.text.lower(), " ")
    return without("former_armed", without("speaker", without("by_armed", text)))


def _one_sided(
    tree: Tree, best: TriggerHit, roles: Roles, lowered: str, civilians: bool
) -> tuple[str | None, bool]:
    """Armed clash or Attack for a generic attack or killing word, and whether that
    was a default guess (no side named either way)."""
    victims = _victims(lowered, roles)
    armed_victims = has("armed_victims", victims) and not civilians
    unarmed_scene = has("civilian_scene", victims) and not armed_victims
    target = roles.target
    lemma = tree.tokens[best.token].lemma.lower()
    if target is not None and (target.civilian or has("former_armed", target.text.lower())):
        return "Attack", False  # a demobilised fighter is a civilian
    if target is not None and (
        inter_of(target.text) in _ARMED_INTERS or has("armed_victims", target.text.lower())
    ):
        return "Armed clash", False
    if civilians:
        return "Attack", False
    if armed_victims:
        return "Armed clash", False
    if target is not None and target.place_like and (lemma in CASUALTY_LEMMAS or unarmed_scene):
        return "Attack", False
    if unarmed_scene and lemma in _GENERIC_CLASH | CASUALTY_LEMMAS:
        return "Attack", False  # "found 14 bodies after a raid on the village": one-sided
    if lemma in _GENERIC_CLASH and _raids_homes(tree, best, lowered, target.text if target else ""):
        return "Attack", False
    return None, True


def _weapon(tree: Tree, best: TriggerHit, roles: Roles, sub: str, lowered: str) -> str:
    """A bomb dropped by aircraft (or by state forces) is an air strike, one planted is
    an IED; a craft that fell by a fault was not shot down."""
    tok = tree.tokens[best.token]
    lemma = tok.lemma.lower()
    if sub == "Air/drone strike" and lemma == "bomb" and not has("aircraft", lowered):
        state = tok.pos == "VERB" and _agent_inter(roles) in {1, 8}
        return sub if state else "Remote explosive/landmine/IED"
    if sub == "Disrupted weapons use" and has("mishap", lowered):
        return "Other"
    if sub in {"Attack", "Armed clash"} and has("by_aircraft", lowered):
        return "Air/drone strike"  # "a massacre committed by warplanes"
    return sub


def _kills(tree: Tree, hit: TriggerHit) -> bool:
    return hit.sub_event_type == "Attack" and tree.tokens[hit.token].lemma.lower() in words(
        "killing_lemmas"
    )


def _with(tree: Tree, killing: TriggerHit, arrest: int | None) -> bool:
    """Is the killing told with the arrest ("killed one and arrested four", "arrested and
    executed them", "killed a man while arresting him"), not of those arrested
    ("arrested men accused of killing a trader")? Always, with no arrest."""
    if arrest is None:
        return True
    kill = killing.token
    joined = {tree.head(kill), tree.head(arrest)} & {kill, arrest}
    return tree.is_ancestor(kill, arrest) or (
        bool(joined) and "conj" in {tree.tokens[kill].dep, tree.tokens[arrest].dep}
    )


def _clauses(tree: Tree, hits: list[TriggerHit], sentence_text: str) -> list[list[TriggerHit]]:
    """The hits of each clause a semicolon closes ("artillery pounded A; B was hit by
    warplanes"): two happenings the parser folds into one tree. A clause with no
    trigger of its own beyond a casualty word goes with the one before it."""
    base = tree.sentence.span.start
    cuts = [base + i for i, ch in enumerate(sentence_text) if ch == ";"]
    if not cuts:
        return [hits]
    groups: dict[int, list[TriggerHit]] = {}
    for hit in hits:
        at = tree.tokens[hit.token].start
        groups.setdefault(sum(at > c for c in cuts), []).append(hit)
    out: list[list[TriggerHit]] = []
    for _, group in sorted(groups.items()):
        if out and all(is_casualty(tree, h) for h in group):
            out[-1].extend(group)
        else:
            out.append(group)
    return out


def decide(
    tree: Tree, hits: list[TriggerHit], roles_of: dict[int, Roles], sentence_text: str
) -> list[Decision]:
    """One decision per distinct happening in the sentence: usually one, one per
    clause a semicolon separates."""
    out: list[Decision] = []
    for clause in _clauses(tree, hits, sentence_text):
        out.extend(d for d in _decide(tree, clause, roles_of, sentence_text) if d not in out)
    return out


def _decide(
    tree: Tree, hits: list[TriggerHit], roles_of: dict[int, Roles], sentence_text: str
) -> list[Decision]:
    lowered = sentence_text.lower()
    hits = [h for h in hits if not spurious(tree, h, lowered)]
    if not hits:
        return []
    foreground = {h.token for h in hits if not backgrounded(tree, h.token)}
    strong = [h for h in hits if not is_casualty(tree, h)]
    if any(h.sub_event_type in _VIOLENT_SUBS for h in hits):
        # "struck the town, torched buildings and pulled out": no peaceful handover
        strong = [h for h in strong if h.sub_event_type != "Non-violent transfer of territory"]
    # "a former fighter who had signed the peace deal was shot dead": a non-violent
    # word set aside of the sentence does not outrank the killing it tells
    told_harm = [h for h in hits if h.token in foreground and h.sub_event_type in _VIOLENT_SUBS]
    aside = [h for h in strong if EVENT_TYPE_OF[h.sub_event_type] == "Strategic developments"]
    if told_harm and aside == strong and not any(h.token in foreground for h in strong):
        strong = []
    best = ([h for h in strong if h.token in foreground] or strong or told_harm or hits)[0]
    roles = roles_of.get(best.token, Roles())
    linked = [
        h
        for h in hits
        if h.token in foreground
        or tree.is_ancestor(best.token, h.token)
        or tree.is_ancestor(h.token, best.token)
    ]
    civilians = bool(roles.target and roles.target.civilian) or any(
        (t := roles_of[h.token].target) is not None and t.civilian
        for h in linked
        if h.token in roles_of
    )
    best = disrupting(tree, hits, best)
    roles = roles_of.get(best.token, Roles())
    told = [h for h in hits if h is best or not in_grievance(tree, h.token)]
    if best.sub_event_type == "Arrests":  # "detained people who tried to march": protesters
        held = tree.kids(best.token, "dobj", "nsubjpass")
        foreground |= {h.token for h in told if any(tree.is_ancestor(o, h.token) for o in held)}
    crowd = crowd_decision(told, foreground, best, roles_of, without_grievances(tree, lowered))
    if crowd is not None:
        return [Decision(crowd[0], crowd[1])]
    sub = best.sub_event_type
    if found_unexploded(tree, best, lowered, best.token not in foreground):
        sub = "Disrupted weapons use"
    lemma = tree.tokens[best.token].lemma.lower()
    if sub in {"Looting/property destruction", "Arrests"}:
        # "looted homes and killed three civilians", "killed a man and arrested four
        # others": the killing is the event
        arrested = best.token if sub == "Arrests" else None
        killing = next((h for h in hits if _kills(tree, h) and _with(tree, h, arrested)), None)
        if killing is not None:
            best, sub = killing, killing.sub_event_type
            roles = roles_of.get(best.token, Roles())
            lemma = tree.tokens[best.token].lemma.lower()
    if sub in RIOT_SUBS:
        # no crowd did it ("gunmen stormed the village", "insurgents torched houses"):
        # an armed group's raid, or its destruction of property
        # its lynching is a killing of a defenceless person: an attack
        sub = (
            "Armed clash"
            if lemma in _GENERIC_CLASH
            else "Attack"
            if lemma in _LYNCHING
            else "Looting/property destruction"
        )
    if sub == "Arrests" and _agent_inter(roles) in _NON_STATE:
        sub = "Abduction/forced disappearance"  # only a state arrests; a group abducts
    arrest = next((h for h in hits if h.sub_event_type == "Arrests"), None)
    if lemma == "seize" and arrest is not None and _seized_gear(tree, best, sentence_text):
        best, sub = arrest, "Arrests"  # "arrested a cell leader and seized weapons"
        roles = roles_of.get(best.token, Roles())
    sub = _weapon(tree, best, roles, sub, lowered)
    weak = sub == "Air/drone strike" and lemma == "strike" and not has("aircraft", lowered)
    expelled = lemma in words("expulsion_lemmas")
    captives = _seized_people(tree, best) if sub in _TERRITORY and not expelled else None
    if captives is not None:
        # people taken, not ground: soldiers captured in a fight are part of the clash
        fought = any(
            tree.tokens[h.token].lemma.lower() in _REAL_CLASH | _GENERIC_CLASH for h in hits
        )
        fight = captives == "fighters" and fought
        sub = "Armed clash" if fight else "Abduction/forced disappearance"
    if sub in _TERRITORY:
        # "the army and its allies retook X": any state force among the doers regains
        takers = [p for p in (roles.agent, *roles.co_agents) if p is not None]
        inter = 1 if any(inter_of(p.text) == 1 for p in takers) else _agent_inter(roles)
        regain = lemma in {"recapture", "retake", "retook", "retaken", "regain", "liberate", "win"}
        sub = _TERRITORY[0] if inter == 1 or (inter is None and regain) else _TERRITORY[1]
    shelling = sub == "Shelling/artillery/missile attack"
    if shelling and any(tree.tokens[h.token].lemma.lower() in _REAL_CLASH for h in hits):
        sub = "Armed clash"
    # an execution's victim is a captive, whoever they were: one-sided violence
    executed = sub == "Attack" and lemma in words("execution_lemmas")
    if (
        sub in {"Armed clash", "Attack"}
        and not executed
        and (lemma in _GENERIC_CLASH | CASUALTY_LEMMAS or sub == "Attack")
    ):
        sided, weak = _one_sided(tree, best, roles, lowered, civilians)
        sub = sided or sub
    doers = roles.agent.text if roles.agent else ""
    crowd_doers = inter_of(doers) == 5 or (
        inter_of(doers) == INTER_CIVILIANS and has("crowd_agents", doers)
    )
    if (
        sub in {"Attack", "Armed clash"}
        and roles.agent
        and crowd_doers
        and not armed_crowd(doers, lowered)
    ):
        # villagers beating a suspect to death; armed herders raiding a village are no mob
        sub, weak = "Mob violence", False
    civilian_targeting = civilians and sub in {
        "Attack",
        "Sexual violence",
        "Abduction/forced disappearance",
        *_WEAPON_SUBS,
    }
    decisions = [Decision(sub, best, civilian_targeting, weak)]
    # a second, different happening in a coordinated clause ("captured X and besieged Y")
    for other in (h for h in strong if h is not best):
        if other.sub_event_type in {d.sub_event_type for d in decisions}:
            continue
        if tree.tokens[other.token].lemma.lower() == "seize" and _seized_gear(
            tree, other, sentence_text
        ):
            continue  # the weapons seized with an arrest are part of it
        if other.sub_event_type == "Arrests" and _kills(tree, best):
            continue  # "killed one and arrested four": the arrests are part of the killing
        if tree.tokens[other.token].dep == "conj" and tree.head(other.token) == best.token:
            decisions.append(Decision(other.sub_event_type, other))
    return decisions
