"""Trigger words that tell no event here: war words in economics and sport ("an
attack on inflation", "clash in the semi-final"), a ceremony remembering the
killed, "demonstrated that", "rallied support", "their battle against X"."""

from __future__ import annotations

import re
from functools import cache

from warwire.extract.cues import has
from warwire.extract.syntax import Tree
from warwire.extract.triggers import TriggerHit
from warwire.knowledge import data_mapping, phrase_pattern

# war words in economics, politics and sport: "an attack on inflation", "clash in the final"
_FIGURATIVE = re.compile(
    r"\b(?:attack|battle|fight|war|offensive|assault|crackdown)s? (?:on|against) (?:the )?"
    r"(?:\w+ ){0,2}?(?:inflation|prices|costs|corruption|poverty|margins|unemployment|deficits?|"
    r"debt|hunger|disease|malaria|cancer|covid|tax evasion|smuggling of goods)\b|"
    r"\bprice wars?\b|\btrade wars?\b|\bbidding wars?\b"
)
_SPORT = re.compile(
    # a bare "league" is as often a party's name ("supporters of the X League clashed")
    r"\b(?:semi-?finals?|quarter-?finals?|finals?|matches|match|tournament|cup|derby|"
    r"(?:premier|football|soccer|rugby|basketball|cricket|champions) league|"
    r"league (?:games?|title|leaders|table|fixtures?|season|clash)|"
    r"fixture|kick-?off|striker|goalkeeper|midfielder|coach|championship|playoffs?|olympics?)\b"
)
_MEMORIAL = re.compile(
    r"\b(?:memorial|commemorat\w+|anniversary|remembrance|ceremony|wreath|candles?)\b"
)
_SPORT_WORDS = frozenset({"clash", "fight", "battle", "attack", "beat", "defeat", "storm"})
_LOCATIVE = frozenset({"outside", "inside", "near", "opposite", "before", "around", "behind"})


def spurious(tree: Tree, hit: TriggerHit, lowered: str = "") -> bool:
    """Triggers that are not events here: "demonstrated that", "rallied support",
    "an attack on inflation", "clash in the semi-final", "a ceremony for those killed"."""
    tok = tree.tokens[hit.token]
    lemma = tok.lemma.lower()
    if _FIGURATIVE.search(lowered) and hit.priority <= 14:
        return True
    if lemma in _SPORT_WORDS and _SPORT.search(lowered) and not has("armed_victims", lowered):
        return True
    if (
        lemma in _SPORT_WORDS
        and has("institutional_sides", lowered)
        and not has("armed_victims", lowered)
        and not has("crowd_agents", lowered)
        and not _harm().search(lowered)
    ):
        return True  # "oil firms clashed with regulators over a tax", "lawmakers fought"
    memorial = _MEMORIAL.search(lowered) and hit.sub_event_type != "Peaceful protest"
    if memorial and tok.dep != "ROOT" and hit.priority <= 14:
        return True  # the root is the ceremony; the killing it remembers is background
    if lemma == "intercept" and not has("interceptable", lowered):
        return True  # "the crowd intercepted the car": no weapon was stopped
    if lemma in {"demonstrate", "rally", "march"} and tok.pos == "VERB":
        # "demonstrated that", "rallied support"; not "demonstrating outside parliament",
        # whose place the parser sometimes reads as the verb's object
        objects = tree.kids(hit.token, "ccomp", "dobj")
        return any(
            not {tree.tokens[c].text.lower() for c in tree.children[o]} & _LOCATIVE for o in objects
        )
    if lemma in {"battle", "fight", "fighting", "conflict", "offensive"} and tok.pos == "NOUN":
        # "their battle against X" is framing, not a clash at a place and time
        kids = {tree.tokens[c].text.lower() for c in tree.children[hit.token]}
        return bool(kids & {"their", "its", "his", "our"}) and not kids & {"in", "near", "at"}
    return False


@cache
def _harm() -> re.Pattern[str]:
    """Words of harm done to people, from the one list of them (anchoring's harm_cues)."""
    return phrase_pattern(list(data_mapping("anchoring.yaml").get("harm_cues") or []))
