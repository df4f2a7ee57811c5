"""Proper names the gazetteer lacks that the syntax still makes places.

"in the area of Salah ad-Din", "near Tessalit" tagged as a person: a capitalised name
after a place word or a locative preposition is a place, unless it names an actor.
Last resorts only, for a sentence in which nothing else is a place.
"""

from __future__ import annotations

from warwire.extract.records import Context
from warwire.extract.roles import PLACE_HEADS
from warwire.extract.syntax import NP_STOP, Tree
from warwire.types import Toponym


def named_area(tree: Tree, text: str) -> list[Toponym]:
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


_LOCATIVE = frozenset({"near", "in", "outside", "around"})
_NOT_NAME_ENTS = frozenset({"ORG", "NORP", "DATE", "TIME", "CARDINAL", "ORDINAL", "EVENT"})


def after_locative(ctx: Context, tree: Tree) -> list[Toponym]:
    """ "near Tessalit" tagged as a person and missing from the gazetteer: a
    capitalised name governed by a locative preposition is still a place, unless
    it names an actor. Last resort only: nothing else in the sentence is a place."""
    toks = tree.tokens
    out = []
    for pos, tok in enumerate(toks):
        if tok.text.lower() not in _LOCATIVE or tok.dep != "prep":
            continue
        for obj in tree.kids(pos, "pobj"):
            o = toks[obj]
            if o.pos not in {"PROPN", "NOUN"} or not o.text[:1].isupper():
                continue
            if o.ent_type in _NOT_NAME_ENTS or tree.kids(obj, "det"):
                continue
            lo, hi = tree.phrase(obj, NP_STOP)
            words = tree.text(ctx.text, lo, hi)
            if not ctx.actors.find(words, ctx.country_code):
                out.append(Toponym(tree.span(lo, hi), words))
    return out
