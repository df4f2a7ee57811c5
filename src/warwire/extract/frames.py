"""Frames: the words an incident word sits among can show it names no incident of
its kind. "A package of weapons including artillery rounds" supplies artillery,
"the release of the hostages" ends an abduction, "talks on a ceasefire" are no
agreement, "tanks paraded through the capital" fire nothing, and a missile fired
"into the sea" in a test hits no one. :func:`warwire.extract.anchoring.unanchored`
asks :func:`framed`; :func:`tested` drops the harmless launches of a test report.
The words live in ``data/frames.yaml``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from warwire.extract.merging import Draft
from warwire.extract.records import Reading
from warwire.extract.syntax import Tree
from warwire.knowledge import data_mapping, phrase_pattern

__all__ = ["Frame", "framed", "frames", "tallied", "tested"]


@dataclass(frozen=True, slots=True)
class Frame:
    name: str
    kinds: frozenset[str]
    heads: frozenset[str]
    modifiers: frozenset[str]
    clause: re.Pattern[str]
    tests: bool


def _words(items: object) -> frozenset[str]:
    return (
        frozenset(str(w).lower() for w in items or ()) if isinstance(items, list) else frozenset()
    )


@cache
def frames() -> tuple[Frame, ...]:
    """The packaged frames, parsed once per process."""
    out = []
    for name, spec in (data_mapping("frames.yaml").get("frames") or {}).items():
        out.append(
            Frame(
                str(name),
                frozenset(str(k) for k in spec.get("kinds") or ()),
                _words(spec.get("heads")),
                _words(spec.get("modifiers")),
                phrase_pattern(list(spec.get("clause") or [])),
                bool(spec.get("tests", False)),
            )
        )
    return tuple(out)


# prepositions that join a noun to the noun phrase it belongs to ("a package of
# weapons", "talks on a truce", "aid including shells"); not "after", "in", "during",
# which place an incident beside a verb ("troops were sent after the attack")
_JOINING = frozenset({"of", "on", "for", "over", "about", "including", "with", "between"})
_INSIDE = frozenset({"compound", "conj", "appos", "nmod"})
_ARGUMENT = frozenset({"dobj", "nsubj", "nsubjpass"})
_NOUNS = frozenset({"NOUN", "PROPN"})


def _heads(tree: Tree, trigger: int, words: frozenset[str]) -> bool:
    """Does the incident noun hang from one of ``words``: inside its noun phrase
    ("the release of the hostages"), or as the subject or object of its verb
    ("Germany will supply tanks")?"""
    toks = tree.tokens

    def said(i: int) -> bool:
        return toks[i].lemma.lower() in words or toks[i].text.lower() in words

    at = trigger
    while (head := tree.head(at)) is not None:
        dep = toks[at].dep
        if dep == "pobj":
            if toks[head].text.lower() not in _JOINING or (owner := tree.head(head)) is None:
                return False
            if said(owner):
                return True
            if toks[owner].pos not in _NOUNS:
                return False
            at = owner
        elif dep in _INSIDE or (dep == "prep" and toks[at].text.lower() in _JOINING):
            if said(head):
                return True
            at = head
        else:
            return dep in _ARGUMENT and said(head)
    return False


def framed(
    tree: Tree,
    trigger: int,
    sub: str,
    text: str,
    in_clause: Callable[[re.Pattern[str]], bool],
) -> Frame | None:
    """The frame that shows the trigger names no incident of type ``sub``, if any.
    ``text`` is the sentence's text (its first character the first token's start);
    ``in_clause`` says whether a pattern matches in the trigger's own clause."""
    toks = tree.tokens
    noun = toks[trigger].pos in _NOUNS
    mods = {toks[k].text.lower() for k in tree.kids(trigger, "amod", "acl")} if noun else set()
    for frame in frames():
        if sub not in frame.kinds:
            continue
        if noun and (_heads(tree, trigger, frame.heads) or mods & frame.modifiers):
            return frame
        if in_clause(frame.clause) or (noun and _in_phrase(tree, trigger, text, frame.clause)):
            return frame
    return None


def _in_phrase(tree: Tree, trigger: int, text: str, pattern: re.Pattern[str]) -> bool:
    """Does the pattern match inside the trigger noun's own phrase ("a rocket carrying
    satellites into orbit")?"""
    toks = tree.tokens
    span = [toks[i] for i in tree.subtree(trigger)]
    base = toks[0].start
    return bool(
        pattern.search(text, min(t.start for t in span) - base, max(t.end for t in span) - base)
    )


def tested(drafts: list[Draft], testing: bool) -> list[Draft]:
    """In a report of a weapons test, the launches that killed no one and hit no one
    named are the test."""
    if not testing:
        return drafts
    kinds = frozenset().union(*(f.kinds for f in frames() if f.tests))

    def harmless(d: Draft) -> bool:
        return d.sub in kinds and all(
            r.actor2 is None and (r.deaths is None or r.deaths.value == 0) for r in d.readings
        )

    return [d for d in drafts if not harmless(d)]


@cache
def _tallies() -> tuple[re.Pattern[str], re.Pattern[str]]:
    data = data_mapping("frames.yaml")
    return (
        phrase_pattern(list(data.get("tallies") or [])),
        phrase_pattern(list(data.get("tally_one") or [])),
    )


def tallied(drafts: list[Draft], text: str) -> list[Draft]:
    """Drop the counts of a day's fighting: drafts all of whose sentences count over a
    day, tell of no one incident and name no place of their own."""
    counted, one = _tallies()

    def tally(r: Reading) -> bool:
        s = r.sentence
        own = any(w.span is not None and s.start <= w.span.start < s.end for w in r.wheres)
        said = s.text_in(text)
        return not own and bool(counted.search(said)) and not one.search(said)

    return [d for d in drafts if not all(tally(r) for r in d.readings)]
