"""Noun phrase -> canonical actor, with the document's memory of who came before.

The dependency head of a subject is often the wrong thing to resolve: "The Group
for the Support of Islam and Muslims (JNIM)" heads on "Group", "army drones" on
"drones", "Forces loyal to the GNA" on "Forces". This module resolves the whole
phrase (with its appositive, parenthesised acronym and "of/for/to/from" tail)
through the registry, gives weapons and vehicles to their owner ("a drone
launched by Houthi forces" -> Houthis), turns demonyms into the state's forces,
refuses objects and nominalisations as actors ("killing", "control", "roadside
bomb"), and resolves "the group", "the attackers", "the army" to the most recent
fitting actor mentioned before them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from warwire.extract.roles import ActorLookup, Phrase
from warwire.extract.syntax import NP_STOP, Tree
from warwire.resolve.actor_kinds import inter_of
from warwire.taxonomy import INTER_CIVILIANS
from warwire.types import Actor, Span

ARMED = frozenset({1, 2, 3, 4, 8})
GEAR = frozenset(
    {
        "drone",
        "bomb",
        "missile",
        "rocket",
        "shell",
        "mortar",
        "truck",
        "vehicle",
        "car",
        "column",
        "convoy",
        "aircraft",
        "jet",
        "warplane",
        "plane",
        "helicopter",
        "tank",
        "device",
        "ied",
        "mine",
        "landmine",
        "weapon",
        "explosive",
        "explosives",
        "grenade",
        "artillery",
        "boat",
        "ship",
        "vessel",
        "motorcycle",
        "bullet",
        "gas",
        "projectile",
        "munition",
        "strike",
        "airstrike",
    }
)
_ABSTRACT = frozenset(
    {
        "control",
        "attack",
        "assault",
        "fire",
        "operation",
        "offensive",
        "campaign",
        "raid",
        "violence",
        "clash",
        "fighting",
        "statement",
        "power",
        "ground",
        "blockade",
        "siege",
        "curfew",
        "ambush",
        "explosion",
        "blast",
        "death",
        "support",
        "aid",
        "supply",
        "supplies",
        "equipment",
        "shop",
        "property",
        "road",
        "highway",
        "route",
    }
)
_ANAPHORIC_HEADS = {
    "group": "non-state",  # "the group" is never a state army
    "militant": "non-state",
    "rebel": "non-state",
    "insurgent": "non-state",
    "jihadist": "non-state",
    "attacker": "non-state",
    "assailant": "non-state",
    "gunman": "non-state",
    "fighter": None,
    "army": "state",
    "military": "state",
    "force": None,
    "troop": None,
    "soldier": "state",
    "movement": "non-state",
    "organisation": "non-state",
    "organization": "non-state",
}
_POLICE = re.compile(
    r"^(?:(?:riot|armed|traffic|local|state|federal)\s+)?"
    r"(police(?:men)?|officers?|policemen|gendarmes?|constables?)$"
)
_MILITARY = re.compile(
    r"^(?:(?:government|regular|state)\s+)?"
    r"(soldiers?|troops|army|military|servicemen|armed forces)$"
)
_WIDE_PREPS = frozenset({"of", "for", "to", "from"})
_DETS = frozenset({"the", "a", "an", "this", "these", "those", "that", "some", "several"})


@dataclass(frozen=True, slots=True)
class Seen:
    """An actor mentioned at ``offset`` in the document (for back-references)."""

    offset: int
    actor: Actor


def wide_phrase(tree: Tree, head: int, text: str, whole: bool = False) -> tuple[str, Span]:
    """The phrase at ``head`` with appositives, brackets and "of/for/to/from" tails.

    ``whole`` keeps every tail of an appositive ("al-Qaeda's branch in the
    Sahel"): the extent a place inside it must not be taken from.
    """
    toks = tree.tokens
    keep = [head]
    stack = [(c, False) for c in tree.children[head]]
    while stack:
        node, in_appos = stack.pop()
        tok = toks[node]
        if tok.dep in {"relcl", "acl", "advcl", "conj", "cc", "ccomp"}:
            continue
        if tok.dep == "prep" and tok.text.lower() not in _WIDE_PREPS and not in_appos:
            continue
        keep.append(node)
        inside = in_appos or (whole and tok.dep == "appos")
        stack.extend((c, inside) for c in tree.children[node])
    lo, hi = min(keep), max(keep)
    while lo < hi and toks[lo].pos in {"DET", "PUNCT", "CCONJ", "ADP"}:
        lo += 1
    while hi > lo and toks[hi].pos in {"PUNCT", "CCONJ", "ADP"} and toks[hi].text != ")":
        hi -= 1
    return tree.text(text, lo, hi), tree.span(lo, hi)


def gear_owner(tree: Tree, head: int) -> int | None:
    """Who owns a weapon or vehicle: "launched by X", "X's drone", "army drones"."""
    toks = tree.tokens
    for acl in tree.kids(head, "acl"):
        for agent in tree.kids(acl, "agent"):
            objs = tree.kids(agent, "pobj")
            if objs:
                return objs[0]
    for child in tree.kids(head, "poss"):
        if toks[child].text.lower() not in {"its", "their"}:
            return child
    for child in tree.kids(head, "compound", "amod", "nmod"):
        lemma = toks[child].lemma.lower()
        if toks[child].pos == "PROPN" or toks[child].ent_type in {"NORP", "ORG", "GPE"}:
            return child
        if toks[child].pos == "ADJ" and toks[child].text[:1].isupper():
            return child  # "Russian missiles" when the parser missed the NORP entity
        if inter_of(lemma) in ARMED:
            return child
    return None


def latest(seen: tuple[Seen, ...], before: int, want: str | None) -> Actor | None:
    """The most recent armed actor before ``before`` of the wanted kind."""
    for item in reversed(seen):
        if item.offset >= before:
            continue
        inter = item.actor.inter
        if inter not in ARMED:
            continue
        if want == "state" and inter != 1:
            continue
        if want == "non-state" and inter == 1:
            continue
        return item.actor
    return None


def _state_words(words: str, actors: ActorLookup, code: str | None) -> Actor | None:
    if code is None:
        return None
    if _POLICE.match(words):
        return actors.state_forces(code, "police")
    if _MILITARY.match(words):
        return actors.state_forces(code, "military")
    return None


def _demonym(actors: ActorLookup, word: str, code: str | None) -> Actor | None:
    """ "Malian", "Turkish", "Turkey" as an actor: that state's forces."""
    for suffix in (" army", " military", " forces"):
        found = actors.resolve(word + suffix, code)
        if found is not None and found.inter == 1:
            return found
    return None


def resolve_phrase(
    tree: Tree,
    phrase: Phrase,
    text: str,
    actors: ActorLookup,
    code: str | None,
    seen: tuple[Seen, ...] = (),
    claimant: Actor | None = None,
    depth: int = 0,
) -> Actor | None:
    """The actor a phrase names, or None when it names no actor (an object, an act)."""
    toks = tree.tokens
    head = toks[phrase.head]
    lemma = head.lemma.lower()
    lowered = phrase.text.lower()
    words = " ".join(w for w in lowered.split() if w not in _DETS)
    if phrase.pronoun or lowered.startswith(("its ", "their ")):
        if claimant is not None and claimant.inter != INTER_CIVILIANS:
            return claimant
        return latest(seen, phrase.span.start, None)
    if lowered.startswith(("our ", "we ")):  # "our artillerymen": the speaker's own forces
        return claimant if claimant is not None and claimant.inter != INTER_CIVILIANS else None
    if lemma in GEAR or head.text.lower() in GEAR:
        owner = gear_owner(tree, phrase.head)
        if owner is None or depth > 2:
            return None
        from warwire.extract.roles import _phrase

        return resolve_phrase(
            tree, _phrase(tree, owner, text), text, actors, code, seen, claimant, depth + 1
        )
    if head.pos == "ADJ" or (head.ent_type in {"NORP", "GPE"} and len(words.split()) == 1):
        # an armed group's alias the tagger took for a place ("M23") is that group
        named = [a for _, _, a in actors.find(phrase.text, code) if a.inter != 1]
        return named[0] if named else _demonym(actors, phrase.text, code)
    found = actors.find(phrase.text, code)
    if not found:
        wide, _ = wide_phrase(tree, phrase.head, text)
        if wide != phrase.text:
            found = actors.find(wide, code)
    if found:
        return found[0][2]
    definite = any(
        toks[c].text.lower() in {"the", "these", "those"} for c in tree.kids(phrase.head, "det")
    )
    if definite and lemma in _ANAPHORIC_HEADS and not tree.kids(phrase.head, "compound", "amod"):
        back = latest(seen, phrase.span.start, _ANAPHORIC_HEADS[lemma])
        if back is not None:
            return back
    if phrase.civilian:
        return None  # the caller codes civilians
    state = _state_words(words, actors, code)
    if state is not None:
        return state
    if head.pos == "NOUN" and (lemma in _ABSTRACT or lemma.endswith("ing")):
        return None
    if head.ent_type in {"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"}:
        return None
    try:
        return actors.resolve_or_keep(phrase.text, code)
    except ValueError:  # nothing left of the phrase once cleaned ("No. on")
        return None


def is_named(tree: Tree, head: int) -> bool:
    """Does the phrase at ``head`` name an organisation ("LNA spokesman", not
    "residents of Tarhuna")?"""
    lo, hi = tree.phrase(head, NP_STOP)
    return any(
        (t.pos == "PROPN" and t.ent_type not in {"GPE", "LOC", "FAC", "PERSON"})
        or t.ent_type in {"ORG", "NORP"}
        for t in tree.tokens[lo : hi + 1]
    )


def demonym_forces(actors: ActorLookup, word: str, code: str | None) -> Actor:
    """An owner written as a country word ("Turkish") is that state's military."""
    return _demonym(actors, word, code) or actors.resolve_or_keep(word, code)
