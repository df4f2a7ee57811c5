"""Role repairs after the parse: what the dependency roles alone get wrong.

Two triggers of one happening share roles, weapons are not targets, seized
gear is not territory, "backed by Y" makes Y an associate, a clash with one
named side borrows the other from the document, and crowds get ACLED's names.
"""

from __future__ import annotations

from dataclasses import replace

from warwire.extract.records import Context
from warwire.extract.referents import GEAR
from warwire.extract.roles import Phrase, Roles, _phrase
from warwire.extract.syntax import Tree
from warwire.extract.triggers import TriggerHit
from warwire.taxonomy import INTER_CIVILIANS
from warwire.types import Actor, Equipment


def anaphoric(tree: Tree, pos: int) -> bool:
    """ "the fighting", "repelled the assault": a sentence referring back to the event before."""
    tok = tree.tokens[pos]
    if tok.pos == "VERB":
        return any(
            tree.tokens[o].lemma.lower() in EVENT_NOUNS and anaphoric(tree, o)
            for o in tree.kids(pos, "dobj")
        )
    return tok.pos == "NOUN" and any(
        tree.tokens[c].text.lower() in {"the", "this", "that"} for c in tree.kids(pos, "det")
    )


EVENT_NOUNS = frozenset(
    {"attack", "assault", "ambush", "raid", "offensive", "bombing", "strike", "incursion"}
)
PROTEST_SUBS = frozenset(
    {
        "Peaceful protest",
        "Protest with intervention",
        "Excessive force against protesters",
        "Violent demonstration",
        "Mob violence",
    }
)


_CROWD_WORDS = frozenset({"crowd", "mob", "rioters", "protesters", "demonstrators", "youths"})


def crowd(ctx: Context, sub: str, actor: Actor | None) -> Actor | None:
    """ACLED names crowds by role and country: "Rioters (India)", "Protesters (Mali)"."""
    named = actor.name.lower().split(" (")[0] if actor is not None else None
    if sub not in PROTEST_SUBS or (named is not None and named not in _CROWD_WORDS):
        return actor
    if sub in {"Violent demonstration", "Mob violence"}:
        role, inter = "Rioters", 5
    else:
        role, inter = "Protesters", 6
    country = ctx.country_place.name if ctx.country_place else None
    return Actor(f"{role} ({country})" if country else role, inter, ctx.country_code)


def borrow(
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


def gear_taken(tree: Tree, roles: Roles, has_gear: bool) -> bool:
    """ "seized two armoured trucks": the object is equipment, not territory."""
    target = roles.target
    if roles.places:
        return False
    if target is None:
        return has_gear
    lemma = tree.tokens[target.head].lemma.lower()
    return lemma in GEAR or lemma in {"weapon", "arm", "ammunition", "cache", "rifle", "gun"}


def backers(tree: Tree, agent: Phrase | None, text: str) -> list[Phrase]:
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


def without_equipment(roles: Roles, equipment: tuple[Equipment, ...]) -> Roles:
    """Weapons are not actors: "shot down 13 Turkish drones" has no human target."""

    def is_gear(p: Phrase | None) -> bool:
        return p is not None and any(
            e.evidence is not None and p.span.start <= e.evidence.start < p.span.end
            for e in equipment
        )

    if is_gear(roles.target):
        return replace(roles, target=None)
    return roles


def fill_sides(
    ctx: Context, text: str, actor1: Actor | None, actor2: Actor | None
) -> tuple[Actor | None, Actor | None]:
    """A clash names its sides loosely ("clashes erupted ... LNA forces"): use the
    registry's alias hits in the sentence, then the document's two main actors."""
    named = [a for _, _, a in ctx.actors.find(text, ctx.country_code) if a.inter != INTER_CIVILIANS]
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


_JUDICIAL = frozenset(
    {
        "sentence",
        "convict",
        "acquit",
        "indict",
        "charge",
        "try",
        "jail",
        "prosecute",
        "imprison",
        "condemn",
        "fine",
        "hang",
        "execute",
        "arraign",
        "remand",
    }
)


def judicial(tree: Tree, pos: int) -> bool:
    """ "sentenced three officers to death for the murder of ...": a trial, not a new
    happening. Only noun triggers under a court verb ("for the murder") count."""
    if tree.tokens[pos].pos not in {"NOUN", "PROPN"}:
        return False
    return any(tree.tokens[a].lemma.lower() in _JUDICIAL for a in tree.ancestors(pos))
