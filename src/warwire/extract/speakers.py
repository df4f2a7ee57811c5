"""Who vouches for a statement, as an actor where the text names an organisation.

A quoted spokesperson, official or commander "of/for X" speaks for X; "police
said" is the country's police; a generic source without an organisation
("residents", "medics", "a local official") keeps its own words; "he said" is
the last named speaker; nothing at all is the publisher.
"""

from __future__ import annotations

import re
from dataclasses import replace

from warwire.extract.claims import Attribution
from warwire.extract.records import Context
from warwire.extract.referents import Seen, is_named, resolve_phrase
from warwire.extract.roles import _phrase
from warwire.extract.syntax import Tree
from warwire.types import Actor, Hedge

_MILITARY_SOURCE = re.compile(
    r"\b(?:(?:ministry|minister|department|secretary) of (?:the )?(?:national )?"
    r"(?:defen[cs]e|war|the armed forces)|(?:defen[cs]e|war) (?:ministry|minister|department)"
    r"|army|military|armed forces|general staff)\b"
)
_POLICE_SOURCE = re.compile(
    r"\b(?:(?:ministry|minister|department|secretary) of (?:the )?(?:interior|home affairs|"
    r"internal affairs|public security)|(?:interior|home affairs) (?:ministry|minister)"
    r"|police|gendarmerie)\b"
)
_GENERIC_SOURCE = ("source", "witness", "resident", "medic", "doctor", "local ")
_CROWDS = frozenset({5, 6, 7})


def _organisation(ctx: Context, tree: Tree, head: int) -> Actor | None:
    """The organisation a speaker phrase names: state forces by ministry or
    service words, else the registry's first armed or political actor in it."""
    lo, hi = min(tree.subtree(head)), max(tree.subtree(head))
    words = tree.text(ctx.text, lo, hi)
    lowered = words.lower()
    found = [a for _, _, a in ctx.actors.find(words, ctx.country_code) if a.inter not in _CROWDS]
    if found:
        return found[0]
    if ctx.country_code is None:
        return None
    if _MILITARY_SOURCE.search(lowered):
        return ctx.actors.state_forces(ctx.country_code, "military")
    if _POLICE_SOURCE.search(lowered):
        return ctx.actors.state_forces(ctx.country_code, "police")
    return None


def claimant_of(
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
        pronoun = tree.tokens[head].text.lower()
        if pronoun in {"he", "she"} or (speaker and pronoun in {"it", "they"}):
            return speaker or ctx.publisher, None
        if any(g in said.claimant.lower() for g in _GENERIC_SOURCE):
            return said.claimant, None
        org = _organisation(ctx, tree, head)
        if org is not None:
            return org.name, org
        lemma = tree.tokens[head].lemma.lower()
        group = lemma in {"group", "militia", "movement", "force"}
        if is_named(tree, head) or group or tree.tokens[head].pos == "PRON":
            phrase = replace(_phrase(tree, head, ctx.text), civilian=False)
            actor = resolve_phrase(tree, phrase, ctx.text, ctx.actors, ctx.country_code, seen, None)
            if actor is not None and actor.inter not in _CROWDS:
                return actor.name, actor
        return said.claimant, None
    if said.claimant:
        return said.claimant, None
    if said.hedge in {Hedge.REPORTEDLY, Hedge.UNCONFIRMED, Hedge.ALLEGED}:
        return "unnamed sources", None
    return ctx.publisher, None
