"""Who backs or fights for whom: ``supports`` and ``fights_for`` relations.

Read from "X-backed Y", "Y supported by X", "supplied by X", "X, which support
Y", and "operating on the side of Y" / "fighting for Y". Names are returned as
written; the caller resolves them to canonical actors.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from warwire.extract.syntax import NP_STOP, Tree
from warwire.resolve.countries import country_of_demonym
from warwire.types import Relation, Span

# backers that are not countries: "Western-backed", "Wagner-backed"
_OTHER_BACKERS = {"western": "Western countries", "wagner": "Wagner Group"}
_BACK_VERBS = frozenset({"support", "back", "arm", "fund", "sponsor", "supply", "finance", "aid"})
_BACKED = re.compile(r"^(?P<who>[A-Z][\w.]*)-(?:backed|supported|sponsored|funded|armed|allied)$")


@dataclass(frozen=True, slots=True)
class RawRelation:
    """A relation with names as written; ``evidence`` is the sentence span."""

    subject: str
    predicate: str
    object: str
    evidence: Span


def backer_name(word: str) -> str:
    """ "Turkish" -> Turkey, "UAE" -> United Arab Emirates; other words as written."""
    found = country_of_demonym(word)
    return found.name if found else _OTHER_BACKERS.get(word.lower(), word)


def _np(tree: Tree, pos: int, text: str) -> str:
    lo, hi = tree.phrase(pos, NP_STOP)
    raw = tree.text(text, lo, hi)
    raw = re.sub(r"^(?:alleged|suspected|so-called)\s+", "", raw, flags=re.I)
    return re.sub(r"^(?:[A-Z][\w.]*\s*-\s*(?:backed|supported|sponsored)\s+)", "", raw)


def find_relations(tree: Tree, text: str) -> list[RawRelation]:
    """Backing and fighting-for statements in one parsed sentence."""
    toks = tree.tokens
    evidence = tree.sentence.span
    out: list[RawRelation] = []
    for pos, tok in enumerate(toks):
        lemma = tok.lemma.lower()
        # "Turkish-backed Syrian militants" (tokenised as Turkish - backed)
        hyphen = pos >= 2 and toks[pos - 1].text == "-"
        passive_dep = tok.dep in {"amod", "compound", "acl"}
        if tok.text.lower() in {"backed", "supported", "sponsored"} and hyphen and passive_dep:
            head = tree.head(pos)
            if head is not None:
                backer = backer_name(toks[pos - 2].text)
                out.append(RawRelation(backer, "supports", _np(tree, head, text), evidence))
            continue
        if m := _BACKED.match(tok.text):
            head = tree.head(pos)
            if head is not None:
                out.append(
                    RawRelation(
                        backer_name(m.group("who")), "supports", _np(tree, head, text), evidence
                    )
                )
            continue
        # "Y supported by X", "drones supplied by X"
        if lemma in _BACK_VERBS and tok.tag == "VBN" and tok.dep in {"acl", "relcl", "amod"}:
            head = tree.head(pos)
            for ag in tree.kids(pos, "agent"):
                for obj in tree.kids(ag, "pobj"):
                    for backer_pos in tree.conjuncts(obj):
                        if head is None:
                            continue
                        supported = _supported_party(tree, head, text, lemma)
                        out.append(
                            RawRelation(
                                _np(tree, backer_pos, text), "supports", supported, evidence
                            )
                        )
            continue
        # "Egypt and the UAE, which support the LNA"; "Iran supports the Houthis"
        if lemma in _BACK_VERBS and tok.pos == "VERB" and tok.tag != "VBN":
            subjects = tree.kids(pos, "nsubj")
            objects = tree.kids(pos, "dobj")
            if not subjects or not objects:
                continue
            subj = subjects[0]
            if toks[subj].text.lower() in {"which", "who", "that"} and tok.dep == "relcl":
                head = tree.head(pos)
                if head is None:
                    continue
                subj = head
            if toks[subj].pos == "PRON":
                continue
            for backer_pos in tree.conjuncts(subj):
                out.append(
                    RawRelation(
                        _np(tree, backer_pos, text),
                        "supports",
                        _np(tree, objects[0], text),
                        evidence,
                    )
                )
        # "contractors operating on the side of the LNA", "fighting for X"
        if lemma in {"operate", "fight", "serve"}:
            for prep in tree.kids(pos, "prep"):
                word = toks[prep].text.lower()
                objs = tree.kids(prep, "pobj")
                if not objs:
                    continue
                obj = objs[0]
                if word == "on" and toks[obj].lemma.lower() == "side":
                    inner = [o for p in tree.kids(obj, "prep") for o in tree.kids(p, "pobj")]
                    if not inner:
                        continue
                    obj = inner[0]
                elif word not in {"for", "alongside"}:
                    continue
                fighter = (
                    tree.head(pos)
                    if tok.dep == "acl"
                    else next(iter(tree.kids(pos, "nsubj")), None)
                )
                if fighter is not None and toks[fighter].pos != "PRON":
                    out.append(
                        RawRelation(
                            _np(tree, fighter, text), "fights_for", _np(tree, obj, text), evidence
                        )
                    )
    return out


def first_statements(relations: list[Relation]) -> tuple[Relation, ...]:
    """One relation per (subject, predicate, object): a story that says twice who
    backs whom states one fact, kept with the sentence that says it first."""
    first: dict[tuple[str, str, str], Relation] = {}
    for r in relations:
        first.setdefault((r.subject, r.predicate, r.object), r)
    return tuple(first.values())


def _supported_party(tree: Tree, head: int, text: str, lemma: str) -> str:
    """For "drones supplied by X" the supported party is who holds the drones."""
    toks = tree.tokens
    if lemma in {"supply", "arm"} and toks[head].dep in {"dobj", "nsubjpass"}:
        verb = tree.head(head)
        if verb is not None:
            for s in tree.kids(verb, "nsubj"):
                return _np(tree, s, text)
    return _np(tree, head, text)
