"""Who did it to whom: actor1, actor2 and associates from the dependency parse.

ACLED's actor1 is the agent (subject of an active verb, "by X" of a passive,
the possessor of "X's drone"), actor2 the target ("attacked X", "clashed with
X", "against X"). Phrases are resolved through an :class:`ActorLookup` (the
actor registry in production, a keyword fallback otherwise) so that NER
mistakes ("Haftar" as ORG) are repaired by aliases, not by the tagger.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Protocol

from warwire.extract.syntax import NP_STOP, Tree
from warwire.knowledge import data_mapping
from warwire.resolve.actor_kinds import inter_of
from warwire.taxonomy import INTER_CIVILIANS
from warwire.types import Actor, Span


class ActorLookup(Protocol):
    """What extraction needs from the actor registry (warwire.resolve.actors)."""

    def resolve(self, text: str, country_code: str | None = None) -> Actor | None: ...

    def resolve_or_keep(self, text: str, country_code: str | None = None) -> Actor: ...

    def find(self, text: str, country_code: str | None = None) -> list[tuple[int, int, Actor]]: ...

    def state_forces(self, country_code: str, kind: str = "military") -> Actor: ...


@dataclass(frozen=True, slots=True)
class KeywordActors:
    """A registry-free ActorLookup: keeps names as written, infers inter codes."""

    def resolve(self, text: str, country_code: str | None = None) -> Actor | None:
        return None

    def resolve_or_keep(self, text: str, country_code: str | None = None) -> Actor:
        name = re.sub(r"^(the|a|an)\s+", "", text.strip(), flags=re.I)
        return Actor(name=name, inter=inter_of(name), country=country_code)

    def find(self, text: str, country_code: str | None = None) -> list[tuple[int, int, Actor]]:
        return []

    def state_forces(self, country_code: str, kind: str = "military") -> Actor:
        return Actor(name=f"{kind.title()} Forces of {country_code}", inter=1, country=country_code)


# what a phrase's head word says it is: people who are civilians, or a place
_HEADS = data_mapping("role_heads.yaml")
CIVILIAN_HEADS = frozenset(_HEADS["civilian"])
PLACE_HEADS = frozenset(_HEADS["place"])
_PRONOUNS = frozenset({"it", "they", "its", "their", "he", "she", "them", "which", "who", "that"})
_HELD_BY = frozenset(
    {"position", "base", "post", "outpost", "camp", "convoy", "checkpoint", "patrol", "station"}
)
_NOT_ACTOR_ENTS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})
# "army base", "police post": a place its state force holds
_STATE_HOLDERS = frozenset({"military", "army", "police", "naval", "navy", "gendarmerie"})
_LABEL_WORDS = 4  # a note's opening tag ("Weapons seizure:") is this short
_LAUNCH = frozenset({"carry", "launch", "conduct", "stage", "mount", "perform", "fire", "unleash"})
_TARGET_PREPS = frozenset({"on", "against", "at", "targeting", "into"})


@dataclass(frozen=True, slots=True)
class Phrase:
    """An actor-like noun phrase in a sentence."""

    text: str
    span: Span
    head: int
    civilian: bool = False
    place_like: bool = False
    pronoun: bool = False


@dataclass(frozen=True, slots=True)
class Roles:
    """Agent, target and co-agents found for one trigger."""

    agent: Phrase | None = None
    target: Phrase | None = None
    co_agents: tuple[Phrase, ...] = ()
    co_targets: tuple[Phrase, ...] = ()
    places: tuple[int, ...] = field(default=())


_CLOCK = re.compile(r"(?:[01]?\d|2[0-3])[:.][0-5]\d|[-–—:|]")


# "hundreds of X", "a group of X": the phrase counts X, whom it is about
COUNTED_HEADS = frozenset(
    {"hundreds", "hundred", "thousands", "dozens", "dozen", "scores", "group", "number"}
)
_OF_HEADS = frozenset({"position", "member", "unit", "convoy", "base", "fighter"}) | COUNTED_HEADS


def _phrase(tree: Tree, pos: int, text: str) -> Phrase:
    toks = tree.tokens
    # "the positions of X" / "members of X" / "hundreds of X": the actor is X
    if toks[pos].lemma.lower() in _OF_HEADS or toks[pos].text.lower() in _OF_HEADS:
        for prep in tree.kids(pos, "prep"):
            if toks[prep].text.lower() == "of":
                objs = tree.kids(prep, "pobj")
                if objs:
                    inner = _phrase(tree, objs[0], text)
                    if not inner.place_like:
                        return inner
    lemma = toks[pos].lemma.lower()
    if lemma in _HELD_BY:  # "Houthi positions", "army base": the holder is the actor
        for child in tree.kids(pos, "compound", "amod", "poss", "nmod"):
            if _holder(tree, child):
                lo, hi = tree.phrase(child, NP_STOP)
                return Phrase(tree.text(text, lo, hi), tree.span(lo, hi), child)
            if toks[child].lemma.lower() in _STATE_HOLDERS:  # "a military base": the army's
                return Phrase(toks[child].text, tree.span(child, child + 1), pos)
    lo, hi = tree.phrase(pos, NP_STOP)
    while lo < pos and (toks[lo].ent_type in {"DATE", "TIME"} or _CLOCK.fullmatch(toks[lo].text)):
        lo += 1  # "On May 4 gunmen killed", "09:15 Russian missiles": no date in the actor
    is_place = toks[pos].ent_type in {"GPE", "LOC", "FAC"} or lemma in PLACE_HEADS
    written = tree.text(text, lo, hi)
    # "armed men", "masked men": the head is a person, the words make them an armed group
    armed = inter_of(written) not in {None, INTER_CIVILIANS}
    # "a journalist's car", "a farmer's house": what a civilian owns is a civilian target
    owners = [toks[c].lemma.lower() for c in tree.kids(pos, "poss")]
    return Phrase(
        text=written,
        span=tree.span(lo, hi),
        head=pos,
        civilian=not armed
        and (
            lemma in CIVILIAN_HEADS
            or toks[pos].text.lower() in CIVILIAN_HEADS
            or any(o in CIVILIAN_HEADS for o in owners)
        ),
        place_like=is_place and lemma not in CIVILIAN_HEADS - PLACE_HEADS,
        pronoun=toks[pos].text.lower() in _PRONOUNS,
    )


@cache
def own_members_verbs() -> frozenset[str]:
    """Verbs whose object is the agent's own people ("recruited", "deployed")."""
    return frozenset(data_mapping("actor_kinds.yaml")["own_members_verbs"])


@cache
def _taken_from() -> frozenset[str]:
    return frozenset(data_mapping("actor_kinds.yaml")["taken_from_lemmas"])


@cache
def _patient_verbs() -> frozenset[str]:
    return frozenset(data_mapping("actor_kinds.yaml")["patient_verbs"])


_ACTIVE_OBJECTS = frozenset({"dobj", "ccomp", "xcomp", "attr", "dative"})


def bare_passive(tree: Tree, verb: int) -> bool:
    """ "Seven soldiers killed in ambush", "3 journalists arrested": a headline's passive
    without its "were". A verb that always takes an object ("kill", "arrest") written
    with none and no auxiliary says what was done to its subject."""
    toks = tree.tokens
    if toks[verb].lemma.lower() not in _patient_verbs() or toks[verb].tag not in {"VBN", "VBD"}:
        return False
    if not tree.kids(verb, "nsubj") or tree.kids(verb, "aux", "auxpass", *_ACTIVE_OBJECTS):
        return False
    # "gunmen killed and wounded 12": the object sits on a coordinated verb
    linked = tree.kids(verb, "conj") + ([h] if (h := tree.head(verb)) is not None else [])
    return not any(
        toks[c].pos == "VERB" and tree.kids(c, *_ACTIVE_OBJECTS) for c in linked if c != verb
    )


def _holder(tree: Tree, child: int) -> bool:
    """ "Houthi positions", "RSF base", "M23 positions": a group's name before what it
    holds; "Jenin camp", "Kabul airport": a place's name, not its holder."""
    tok = tree.tokens[child]
    if tok.ent_type in {"NORP", "ORG"}:
        return True
    acronym = tok.text.isupper() or any(c.isdigit() for c in tok.text)
    return tok.pos == "PROPN" and (acronym or tok.ent_type not in _PLACE_ENTS)


_PLACE_ENTS = frozenset({"GPE", "LOC", "FAC", "PERSON"})


def _dateline(tree: Tree, pos: int) -> bool:
    """ "N'Djamena, June 9, 2024 - ...": a parse that makes the filing place the
    subject; the place and day the report was filed from name no actor."""
    toks = tree.tokens
    if pos > 1 or toks[pos].pos != "PROPN":
        return False
    return any(toks[c].ent_type == "DATE" for c in tree.children[pos])


def _subject(tree: Tree, verb: int, text: str, depth: int = 0) -> Phrase | None:
    toks = tree.tokens
    # "Movement of forces: On 2 May, Russian forces moved ...": a label before a colon
    # is parsed as a second subject, never the doer
    subjects = [
        k
        for k in tree.kids(verb, "nsubj", "csubj")
        if not any(toks[i].text == ":" for i in range(k + 1, verb))
    ][:1]
    for s in subjects:
        if toks[s].text.lower() in {"which", "who", "that"}:
            head = tree.head(verb)
            return _phrase(tree, head, text) if head is not None else None
        if _dateline(tree, s):  # "- Boko Haram fighters attacked": the story's own subject
            told = [a for a in tree.kids(s, "appos") if toks[a].ent_type != "DATE"]
            return _phrase(tree, told[-1], text) if told else None
        return _phrase(tree, s, text)
    for ag in tree.kids(verb, "agent"):
        for obj in tree.kids(ag, "pobj"):
            return _phrase(tree, obj, text)
    head = tree.head(verb)
    if depth < 3 and head is not None and toks[verb].dep in {"conj", "xcomp", "advcl", "acl"}:
        if toks[verb].dep == "acl" and toks[head].pos in {"NOUN", "PROPN"}:
            return None if toks[verb].tag == "VBN" else _phrase(tree, head, text)
        if not tree.kids(head, "nsubjpass") or toks[verb].dep == "conj":
            return _subject(tree, head, text, depth + 1)
    return None


def _objects(tree: Tree, pos: int, text: str, preps: frozenset[str]) -> list[Phrase]:
    toks = tree.tokens
    out = []
    heads = [pos]
    for obj in tree.kids(pos, "dobj", "nsubjpass", "attr"):
        if toks[obj].lemma.lower() in {"fire", "attack", "assault", "strike"}:
            heads.append(obj)  # "opened fire on X", "launched an attack against X"
        else:
            out.append(_phrase(tree, obj, text))
    for head in heads:
        for prep in tree.kids(head, "prep"):
            if toks[prep].text.lower() in preps:
                out.extend(_phrase(tree, obj, text) for obj in tree.kids(prep, "pobj"))
    return [p for p in out if toks[p.head].ent_type not in _NOT_ACTOR_ENTS]


_OBJ_DEPS = frozenset({"dobj", "nsubjpass"})
_AMOUNTS = frozenset(
    {"dozen", "dozens", "hundred", "hundreds", "score", "scores", "barrage", "salvo", "volley"}
    | {"wave", "hail", "series", "number", "couple", "pair", "swarm", "flurry", "round", "string"}
)


def _measured(tree: Tree, noun: int) -> int:
    """ "fired dozens of rockets", "a barrage of missiles": the weapon noun hangs
    off a quantity noun; the quantity is what the verb takes, so climb to it."""
    prep = tree.head(noun)
    if tree.tokens[noun].dep != "pobj" or prep is None or tree.tokens[prep].text.lower() != "of":
        return noun
    amount = tree.head(prep)
    if amount is None or tree.tokens[amount].lemma.lower() not in _AMOUNTS:
        return noun
    return amount if tree.tokens[amount].dep in _OBJ_DEPS else noun


_SUBJ_DEPS = frozenset({"nsubj", "nsubjpass"})


def _between(tree: Tree, prep: int, text: str, targets: list[Phrase]) -> Phrase | None:
    """The sides of "between A and B": A is returned, B and any others join ``targets``."""
    objs = tree.kids(prep, "pobj")
    if not objs:
        return None
    sides = tree.conjuncts(objs[0])
    targets.extend(_phrase(tree, s, text) for s in sides[1:])
    return _phrase(tree, sides[0], text)


def find_roles(
    tree: Tree, trigger: int, text: str, clash: bool = False, extra: frozenset[str] = frozenset()
) -> Roles:
    """Agent/target phrases around ``trigger`` (a verb or an event noun)."""
    toks = tree.tokens
    tok = toks[trigger]
    if trigger < _LABEL_WORDS and trigger + 1 < len(toks) and toks[trigger + 1].text == ":":
        return Roles()  # "Weapons seizure: On 11 April, police found ...": a tag, no roles
    preps = _TARGET_PREPS | extra | ({"with"} if clash else frozenset())
    agent: Phrase | None = None
    targets: list[Phrase] = []
    # a verb the tagger read as a noun ("retook") still has its subject and object
    verbal = bool(tree.kids(trigger, "nsubj")) and bool(tree.kids(trigger, "dobj"))
    if tok.pos in {"VERB", "AUX"} or verbal:
        agent = _subject(tree, trigger, text)
        if agent is not None and bare_passive(tree, trigger):
            targets.append(agent)  # "15 militants killed in X": the killed, not the killers
            agent = None
        passive_subjects = tree.kids(trigger, "nsubjpass")
        if passive_subjects:
            agent = None
            for ag in tree.kids(trigger, "agent"):
                agent = next((_phrase(tree, o, text) for o in tree.kids(ag, "pobj")), None)
        if tok.dep == "acl" and tok.tag == "VBN":  # "militants killed in Libya": head is patient
            head = tree.head(trigger)
            if head is not None and tree.kids(trigger, "dobj"):
                agent = agent or _phrase(tree, head, text)  # a mis-parsed active verb
            elif head is not None:
                targets.append(_phrase(tree, head, text))
        if tok.lemma.lower() not in own_members_verbs():  # "recruited child soldiers"
            targets.extend(_objects(tree, trigger, text, preps))
    else:
        for child in tree.children[trigger]:
            dep, c = toks[child].dep, toks[child]
            if dep == "poss" and c.text.lower() not in {"its", "their"}:
                agent = _phrase(tree, child, text)
            elif dep in {"compound", "amod", "nmod"} and (
                c.ent_type in {"NORP", "ORG", "GPE"} or (c.pos == "ADJ" and c.text[:1].isupper())
            ):  # "Russian missiles", also when the parser tagged "Russian" as a quantity
                named = _phrase(tree, child, text)
                # "Sudan's RSF shells" read as a noun: the country says where, RSF who
                agent = named if agent is None or (agent.place_like and c.pos == "PROPN") else agent
            elif dep == "compound" and c.pos == "PROPN" and agent is not None and agent.place_like:
                agent = _phrase(tree, child, text)  # "Yemen's Houthis fire missiles"
            elif dep == "prep" and c.text.lower() in {"by", "from"}:
                if c.text.lower() == "from" and tok.lemma.lower() in _taken_from():
                    continue  # "retook X from rebels": the rebels lost it
                agent = next((_phrase(tree, o, text) for o in tree.kids(child, "pobj")), agent)
            elif dep == "prep" and c.text.lower() == "between":
                agent = _between(tree, child, text, targets) or agent
            elif dep == "prep" and c.text.lower() in preps:
                targets.extend(_phrase(tree, o, text) for o in tree.kids(child, "pobj"))
        node = _measured(tree, trigger)
        head = tree.head(node)
        launched = head is not None and (
            toks[head].lemma.lower() in _LAUNCH or toks[head].pos == "VERB"
        )
        if agent is None and head is not None and toks[node].dep in _SUBJ_DEPS:
            # "a truce was agreed between A and B", "fighting broke out between A and B"
            for prep in tree.kids(head, "prep"):
                if toks[prep].text.lower() == "between":
                    agent = _between(tree, prep, text, targets) or agent
        if agent is None and head is not None and launched and toks[node].dep in _OBJ_DEPS:
            agent = _subject(tree, head, text)
            targets.extend(p for p in _objects(tree, head, text, preps) if p.head != node)
    for place in [t for t in targets if t.place_like]:  # "the areas of X from the LNA"
        for prep in tree.kids(place.head, "prep"):
            if toks[prep].text.lower() in extra:
                targets.extend(_phrase(tree, o, text) for o in tree.kids(prep, "pobj"))
    targets = [t for t in targets if toks[t.head].ent_type not in _NOT_ACTOR_ENTS]
    co_agents: tuple[Phrase, ...] = ()
    if agent is not None:
        taken = {t.head for t in targets}
        co_agents = tuple(
            _phrase(tree, c, text) for c in tree.conjuncts(agent.head)[1:] if c not in taken
        )
    target = next((t for t in targets if not t.place_like), None)
    co_targets = tuple(t for t in targets if t is not target and not t.place_like)
    places = tuple(t.head for t in targets if t.place_like)
    return Roles(agent, target, co_agents, co_targets, places)
