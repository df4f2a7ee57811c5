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

from warwire.extract.roles import Roles
from warwire.extract.syntax import Tree
from warwire.extract.triggers import TriggerHit
from warwire.resolve.actor_kinds import inter_of

CASUALTY_LEMMAS = frozenset(
    {"kill", "shoot", "murder", "slay", "die", "burn", "beat", "stab", "dead", "neutralise"}
    | {"neutralize"}
)
_GENERIC_CLASH = frozenset({"attack", "raid", "storm", "assault", "ambush", "offensive"})
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
_AIR_WORDS = re.compile(
    r"\b(jets?|planes?|warplanes?|aircraft|air ?force|helicopters?|drones?|aerial|air)\b"
)
_PROTESTERS = re.compile(r"\b(protest\w*|demonstrat(?:ors?|ions?)|marchers?|rall(?:y|ies))\b")
_PROTEST_VIOLENCE = re.compile(
    r"\b((?<!anti-)riot(?!\s+(?:police|gear|squad|control|officers))\w*|torch\w*|"
    r"threw (?:stones|rocks|petrol)|set (?:fire|ablaze|alight)|pelt\w*|"
    r"vandali[sz]\w*|looted|burn(?:ed|t|ing) (?:tyres|tires|cars|vehicles|buildings|offices)|"
    r"clashed with (?:police|security)|stormed|attacked (?:police|officers))\b"
)
_INTERVENTION = re.compile(
    r"\b(tear ?gas|dispers\w*|arrest\w*|detain\w*|water cannons?|batons?|beat\w*|rubber bullets|"
    r"broke up|cracked down|crackdown|baton-charged)\b"
)
_LETHAL_FORCE = re.compile(
    r"\b(live (?:ammunition|rounds|fire)|opened fire|shot dead|killing|killed)\b"
)
_ARMED_VICTIMS = re.compile(
    r"\b(soldiers?|troops|fighters?|militants?|insurgents?|rebels?|gunmen|attackers?|"
    r"militiam[ae]n|police(?:men|officers)?|officers?|contractors?|mercenar\w+|jihadists?|"
    r"combatants?|servicem[ae]n|guards?|commanders?|members of)\b"
)

_BY_ARMED = re.compile(
    r"\b(?:by|of|from) (?:suspected |armed |unidentified |the )*(?:[\w-]+ ){0,3}?"
    r"(?:militants?|insurgents?|rebels?|gunmen|fighters|jihadists?|bandits|attackers|"
    r"militiam[ae]n|soldiers|troops)\b"
)
_CIVILIAN_SCENE = re.compile(
    r"\b(villages?|villagers|residents|bodies|civilians|homes|houses|farmers|worshippers|"
    r"passengers|displacement camps?|refugee camps?|markets?|herders|families)\b"
)


@dataclass(frozen=True, slots=True)
class Decision:
    """The sub-event type chosen for one trigger, and whether it targets civilians."""

    sub_event_type: str
    hit: TriggerHit
    civilian_targeting: bool = False


def is_casualty(tree: Tree, hit: TriggerHit) -> bool:
    return tree.tokens[hit.token].lemma.lower() in CASUALTY_LEMMAS and hit.priority <= 14


# war words in economics, politics and sport: "an attack on inflation", "clash in the final"
_FIGURATIVE = re.compile(
    r"\b(?:attack|battle|fight|war|offensive|assault|crackdown)s? (?:on|against) (?:the )?"
    r"(?:\w+ ){0,2}?(?:inflation|prices|costs|corruption|poverty|margins|unemployment|deficits?|"
    r"debt|hunger|disease|malaria|cancer|covid|tax evasion|smuggling of goods)\b|"
    r"\bprice wars?\b|\btrade wars?\b|\bbidding wars?\b"
)
_SPORT = re.compile(
    r"\b(?:semi-?finals?|quarter-?finals?|finals?|matches|match|tournament|league|cup|derby|"
    r"fixture|kick-?off|striker|goalkeeper|midfielder|coach|championship|playoffs?|olympics?)\b"
)
_MEMORIAL = re.compile(
    r"\b(?:memorial|commemorat\w+|anniversary|remembrance|ceremony|wreath|candles?)\b"
)
_SPORT_WORDS = frozenset({"clash", "fight", "battle", "attack", "beat", "defeat", "storm"})


def _spurious(tree: Tree, hit: TriggerHit, lowered: str = "") -> bool:
    """Triggers that are not events here: "demonstrated that", "rallied support",
    "an attack on inflation", "clash in the semi-final", "a ceremony for those killed"."""
    tok = tree.tokens[hit.token]
    lemma = tok.lemma.lower()
    if _FIGURATIVE.search(lowered) and hit.priority <= 14:
        return True
    if lemma in _SPORT_WORDS and _SPORT.search(lowered) and not _ARMED_VICTIMS.search(lowered):
        return True
    if _MEMORIAL.search(lowered) and tok.dep != "ROOT" and hit.priority <= 14:
        return True  # the root is the ceremony; the killing it remembers is background
    if lemma in {"demonstrate", "rally", "march"} and tok.pos == "VERB":
        return bool(tree.kids(hit.token, "ccomp", "dobj"))
    if lemma in {"battle", "fight", "fighting", "conflict", "offensive"} and tok.pos == "NOUN":
        # "their battle against X" is framing, not a clash at a place and time
        kids = {tree.tokens[c].text.lower() for c in tree.children[hit.token]}
        return bool(kids & {"their", "its", "his", "our"}) and not kids & {"in", "near", "at"}
    return False


def _disrupting(tree: Tree, hits: list[TriggerHit], best: TriggerHit) -> TriggerHit:
    """ "police defused a bomb": the bomb is what was stopped, the event is the stopping."""
    for hit in hits:
        verb = tree.tokens[hit.token].pos == "VERB"
        disrupts = hit.sub_event_type == "Disrupted weapons use" and verb and hit is not best
        if disrupts and tree.is_ancestor(hit.token, best.token):
            return hit
    return best


def _agent_inter(roles: Roles) -> int | None:
    return inter_of(roles.agent.text) if roles.agent else None


def decide(
    tree: Tree, hits: list[TriggerHit], roles_of: dict[int, Roles], sentence_text: str
) -> list[Decision]:
    """One decision per distinct happening in the sentence (usually one)."""
    lowered = sentence_text.lower()
    hits = [h for h in hits if not _spurious(tree, h, lowered)]
    if not hits:
        return []
    strong = [h for h in hits if not is_casualty(tree, h)]
    best = (strong or hits)[0]
    roles = roles_of.get(best.token, Roles())
    civilians = bool(roles.target and roles.target.civilian) or any(
        (r.target is not None and r.target.civilian) for r in roles_of.values()
    )
    # the victims are outside the agent's own words ("gunmen shot dead a chief")
    victim_text = lowered
    if roles.agent is not None:
        victim_text = lowered.replace(roles.agent.text.lower(), " ")
    victim_text = _BY_ARMED.sub(" ", victim_text)  # "a raid by ADF militants": the attackers
    armed_victims = bool(_ARMED_VICTIMS.search(victim_text)) and not civilians
    unarmed_scene = bool(_CIVILIAN_SCENE.search(victim_text)) and not armed_victims
    best = _disrupting(tree, hits, best)
    roles = roles_of.get(best.token, Roles())
    sub = best.sub_event_type
    lemma = tree.tokens[best.token].lemma.lower()

    protest = [h for h in hits if h.sub_event_type == "Peaceful protest"]
    if (protest and best.priority < 25) or (
        sub in {"Arrests", "Attack", "Armed clash"} and _PROTESTERS.search(lowered)
    ):
        if _PROTEST_VIOLENCE.search(lowered) and sub != "Excessive force against protesters":
            sub = "Violent demonstration"
        elif _LETHAL_FORCE.search(lowered) and re.search(
            r"\b(police|forces|soldiers|troops)\b", lowered
        ):
            sub = "Excessive force against protesters"
        elif _INTERVENTION.search(lowered):
            sub = "Protest with intervention"
        else:
            sub = "Peaceful protest"
        best = (protest or [best])[0]
        return [Decision(sub, best)]
    if sub == "Air/drone strike" and lemma == "bomb" and not _AIR_WORDS.search(lowered):
        sub = "Remote explosive/landmine/IED"
    if sub in _TERRITORY:
        inter = _agent_inter(roles)
        regain = lemma in {"recapture", "retake", "regain", "liberate"}
        sub = _TERRITORY[0] if inter == 1 or (inter is None and regain) else _TERRITORY[1]
    shelling = sub == "Shelling/artillery/missile attack"
    if shelling and any(tree.tokens[h.token].lemma.lower() in _REAL_CLASH for h in hits):
        sub = "Armed clash"
    if sub in {"Armed clash", "Attack"}:
        target = roles.target
        if lemma in _GENERIC_CLASH | CASUALTY_LEMMAS or sub == "Attack":
            if civilians and not armed_victims:
                sub = "Attack"
            elif (target is not None and inter_of(target.text) in {1, 2, 3, 4, 8}) or armed_victims:
                sub = "Armed clash"
            elif target is not None and target.place_like:
                sub = "Attack" if lemma in CASUALTY_LEMMAS or unarmed_scene else sub
            elif unarmed_scene and lemma in _GENERIC_CLASH | CASUALTY_LEMMAS:
                sub = "Attack"  # "found 14 bodies after a raid on the village": one-sided
    if sub in {"Attack", "Armed clash"} and roles.agent and inter_of(roles.agent.text) in {5, 7}:
        sub = "Mob violence"  # villagers beating a suspect to death
    civilian_targeting = civilians and sub in {
        "Attack",
        "Sexual violence",
        "Abduction/forced disappearance",
        "Air/drone strike",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Suicide bomb",
        "Grenade",
        "Chemical weapon",
    }
    decisions = [Decision(sub, best, civilian_targeting)]
    # a second, different happening in a coordinated clause ("captured X and besieged Y")
    for other in strong[1:]:
        if other.sub_event_type in {d.sub_event_type for d in decisions}:
            continue
        if tree.tokens[other.token].dep == "conj" and tree.head(other.token) == best.token:
            decisions.append(Decision(other.sub_event_type, other))
    return decisions
