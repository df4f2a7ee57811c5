"""The trigger lexicon: which words can anchor which ACLED sub-event type.

The lexicon lives in ``warwire/data/triggers.yaml`` so analysts can extend it
without touching code. Two uses: :func:`is_candidate`, a cheap regex scan that
decides which sentences get a full parse (high recall), and
:func:`find_triggers`, which matches lemmas and phrases over a parsed sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from warwire.errors import ModelError
from warwire.extract.headlines import (
    headline_like,
    headline_verb,
    title_cased,
    title_forms,
    whole_headline,
)
from warwire.extract.mention_features import literal_starts
from warwire.knowledge import data_yaml
from warwire.taxonomy import EVENT_TYPE_OF
from warwire.types import Sentence, Token


@dataclass(frozen=True, slots=True)
class TriggerRule:
    """One lexicon entry: lemmas and phrases that suggest ``sub_event_type``."""

    sub_event_type: str
    priority: int
    lemmas: frozenset[str]
    patterns: tuple[re.Pattern[str], ...]
    candidates: tuple[str, ...]
    exceptions: tuple[re.Pattern[str], ...] = ()
    verbs: frozenset[str] = frozenset()
    headline: bool = False


@dataclass(frozen=True, slots=True)
class TriggerHit:
    """A trigger found in a sentence; ``token`` indexes ``Sentence.tokens``."""

    sub_event_type: str
    priority: int
    token: int
    start: int
    end: int


def _compile(pattern: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-]){pattern}(?![\w])")


@cache
def lexicon() -> tuple[TriggerRule, ...]:
    """The packaged lexicon, loaded once per process."""
    entries = data_yaml("triggers.yaml")
    rules = []
    for entry in entries:
        sub = entry["sub"]
        if sub not in EVENT_TYPE_OF:
            raise ModelError(f"trigger lexicon names unknown sub-event type {sub!r}")
        rules.append(
            TriggerRule(
                sub_event_type=sub,
                priority=int(entry.get("priority", 10)),
                lemmas=frozenset(w.lower() for w in entry.get("lemmas", ())),
                patterns=tuple(_compile(p) for p in entry.get("patterns", ())),
                candidates=tuple(entry.get("candidates", ())),
                exceptions=tuple(_compile(p) for p in entry.get("except", ())),
                verbs=frozenset(w.lower() for w in entry.get("verbs", ())),
                headline=bool(entry.get("headline", False)),
            )
        )
    return tuple(rules)


def _stem(word: str) -> str:
    """A prefix that matches the inflections of a regular lemma."""
    word = word.lower()
    if len(word) > 4 and word.endswith("e"):
        return word[:-1]
    if len(word) > 4 and word.endswith("y"):
        return word[:-1]
    return word


_EXTRA_CANDIDATES = (
    "casualt",
    "wounded",
    "injur",
    "dead",
    "death",
    "bodies",
    "toll",
    "fatalit",
    "violence",
    "militant",
    "insurgen",
    "rebel",
    "troops",
    "soldier",
    "gunmen",
    "fighters",
    "according to",
    "claim",
    "accus",
    "denied",
    "backed",
    "supplied",
    "support",
    "unrest",
    "hostilit",
    "offensive",
    "police",
    "army",
    "military",
    "clash",
    "war",
)


@cache
def _candidate_words() -> re.Pattern[str]:
    """The scan's first half: where a lexicon word starts."""
    words: set[str] = set(_EXTRA_CANDIDATES)
    for rule in lexicon():
        words.update(_stem(w) for w in rule.lemmas | rule.verbs)
        words.update(w.lower() for w in rule.candidates)
    return re.compile(rf"(?<![\w])(?:{_prefix_tree(words)})")


def _prefix_tree(words: set[str]) -> str:
    """A regex matching where one of ``words`` starts, as a tree of shared prefixes.

    A flat alternation of some 200 words is tried word by word at every position;
    the tree reads each character once. Only *whether* the scan matches counts,
    so a word that another word extends ends the branch ("attack" covers "attacks").
    """
    tree: dict[str, Any] = {}
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        if "" in node:
            return ""
        branches = [re.escape(ch) + emit(child) for ch, child in sorted(node.items())]
        return branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"

    return emit(tree)


@cache
def _phrase_gates() -> tuple[re.Pattern[str], re.Pattern[str] | None]:
    """Where a literal start of some rule's phrases occurs (a prefix tree), and the
    phrases of the rules without such starts (None when there are none)."""
    starts: set[str] = set()
    loose: list[str] = []
    for k, rule in enumerate(lexicon()):
        found = _phrase_starts(k)
        if found is None:
            loose.extend(p.pattern for p in rule.patterns)
        else:
            starts.update(found)
    return re.compile(_prefix_tree(starts)), re.compile("|".join(loose)) if loose else None


def is_candidate(sentence_text: str) -> bool:
    """Cheap, high-recall test: could this sentence describe an event or claim?"""
    low = sentence_text.lower()
    # the words first: they decide most sentences, and their scan is the cheap one
    if _candidate_words().search(low) is not None:
        return True
    # the phrases rule by rule, and only where one of their literal starts occurs
    gate, loose = _phrase_gates()
    if gate.search(low) is not None:
        return any(_phrased(k, low) for k, rule in enumerate(lexicon()) if rule.patterns)
    return loose is not None and loose.search(low) is not None


def _token_at(tokens: tuple[Token, ...], start: int, end: int) -> int | None:
    """The syntactic head of the tokens covering ``[start, end)``."""
    inside = [t for t in tokens if t.start < end and t.end > start]
    if not inside:
        return None
    indices = {t.i for t in inside}
    base = tokens[0].i
    for t in inside:
        if t.head not in indices or t.head == t.i:
            return t.i - base
    return inside[0].i - base


# words whose lemma collides with a trigger but never mean one
_NEVER = frozenset({"according", "accordingly", "marching", "shelled-out", "demonstrates"})
# a name's words are no triggers ("Operation Storm", "Raid Kone")
_NAMES = frozenset({"DATE", "TIME", "PERSON", "ORG", "NORP", "GPE", "FAC", "LAW", "EVENT"})


def _dated(tokens: tuple[Token, ...], tok: Token) -> bool:
    """Part of a date ("March 7", "May 2013"), tagged or not."""
    after = tok.i - tokens[0].i + 1
    return tok.ent_type in {"DATE", "TIME"} or (
        after < len(tokens) and tokens[after].text[:1].isdigit()
    )


def _named(tok: Token, first: int) -> bool:
    """Part of a name: in an entity and capitalised past the sentence's first word.
    The small model tags headline words as names ("Warplanes target ...", "Regime
    forces shell ..."): a lower-case word, or the capitalised first one, still counts."""
    if tok.ent_type in {"DATE", "TIME"}:
        return True
    return tok.ent_type in _NAMES and tok.i != first and not tok.text.islower()


def _modifier(tokens: tuple[Token, ...], tok: Token) -> bool:
    """ "a kidnapping gang", "the protest leader": a gerund or noun modifying another noun."""
    if tok.dep not in {"compound", "amod"} or not tok.text.lower().endswith("ing"):
        return False
    head = tok.head - tokens[0].i
    return 0 <= head < len(tokens) and tokens[head].pos in {"NOUN", "PROPN"}


def _free(blocked: list[tuple[int, int]], start: int, end: int) -> bool:
    return not any(lo <= start and end <= hi for lo, hi in blocked)


@cache
def _rules_by_word() -> dict[str, frozenset[int]]:
    """Each lemma or verb of the lexicon -> the indices of the rules that list it."""
    index: dict[str, set[int]] = {}
    for k, rule in enumerate(lexicon()):
        for word in rule.lemmas | rule.verbs:
            index.setdefault(word, set()).add(k)
    return {word: frozenset(ks) for word, ks in index.items()}


@cache
def _any_pattern(k: int) -> re.Pattern[str]:
    """All phrases of rule ``k`` as one regex: it matches where any of them does."""
    return re.compile("|".join(f"(?:{p.pattern})" for p in lexicon()[k].patterns))


_WORD_START = "(?<![\\w-])"  # how every lexicon phrase begins (see triggers.lexicon)


@cache
def _phrase_starts(k: int) -> tuple[str, ...] | None:
    """Literal texts one of which begins every match of rule ``k``'s phrases, or None.

    A sentence holding none of them cannot match, and a substring test is far
    cheaper than the phrases' regex (29 rules, ~25 µs a scan, most finding nothing).
    """
    starts: set[str] = set()
    for pattern in lexicon()[k].patterns:
        body = pattern.pattern.removeprefix(_WORD_START)
        found = literal_starts(body) if body != pattern.pattern else None
        if found is None:
            return None
        starts.update(found)
    return tuple(sorted(starts))


def _phrased(k: int, lowered: str) -> bool:
    """Whether any phrase of rule ``k`` occurs in ``lowered``.

    Every match begins with one of the rule's literal starts, so the phrases are
    tried only where one occurs (``match`` there is ``search``'s attempt at that
    position, lookbehind included), not at every position of the sentence.
    """
    starts = _phrase_starts(k)
    if starts is None:
        return _any_pattern(k).search(lowered) is not None
    match = None
    for start in starts:  # a plain loop: ~25% cheaper than any() over a generator
        at = lowered.find(start)
        while at >= 0:
            match = match or _any_pattern(k).match
            if match(lowered, at) is not None:
                return True
            at = lowered.find(start, at + 1)
    return False


def find_triggers(sentence: Sentence, text: str) -> list[TriggerHit]:
    """Every lexicon match in a parsed sentence, best (highest priority) first."""
    if not sentence.parsed:
        return []
    hits: dict[tuple[int, str], TriggerHit] = {}
    tokens = sentence.tokens
    base = tokens[0].i
    lowered = sentence.span.text_in(text).lower()
    offset = sentence.span.start
    headline = headline_like(lowered) or whole_headline(text, lowered, tokens)
    titled = headline and title_cased(tokens)

    def add(sub: str, priority: int, index: int, start: int, end: int) -> None:
        key = (index, sub)
        if key not in hits or hits[key].priority < priority:
            hits[key] = TriggerHit(sub, priority, index, start, end)

    # which tokens may be triggers at all does not depend on the rule: decide once
    open_tokens = [
        (tok, tok.lemma.lower())
        for tok in tokens
        if not (tok.text.lower() in _NEVER or (_named(tok, base) and not titled))
        and not (titled and _dated(tokens, tok))
        and not _modifier(tokens, tok)
    ]
    # which rules each token could fire (a superset: the test below is the rule's own)
    by_rule: dict[int, list[tuple[Token, str]]] = {}
    rules_of = _rules_by_word()
    for tok, lemma in open_tokens:
        words = {lemma, tok.text.lower()}
        if titled and tok.text[:1].isupper():
            words.update(title_forms(tok.text))
        for k in {k for w in words for k in rules_of.get(w, ())}:
            by_rule.setdefault(k, []).append((tok, lemma))
    for k, rule in enumerate(lexicon()):
        if rule.headline and not headline:
            continue
        candidates = by_rule.get(k, ())
        # one scan for all of the rule's phrases, which mostly find nothing
        phrased = bool(rule.patterns) and _phrased(k, lowered)
        if not candidates and not phrased:
            continue
        # "riot police", "of its own accord": phrases where the trigger word means no event
        blocked = [
            (offset + m.start(), offset + m.end())
            for p in rule.exceptions
            for m in p.finditer(lowered)
        ]

        for tok, lemma in candidates:
            verb = lemma in rule.verbs and (
                tok.pos == "VERB" or (headline and headline_verb(tokens, tok))
            )
            titled_word = titled and tok.text[:1].isupper()
            known = lemma in rule.lemmas or tok.text.lower() in rule.lemmas
            if titled_word and not known:
                known = any(f in rule.lemmas or f in rule.verbs for f in title_forms(tok.text))
            if (verb or known) and _free(blocked, tok.start, tok.end):
                add(rule.sub_event_type, rule.priority, tok.i - base, tok.start, tok.end)
        for pattern in rule.patterns if phrased else ():
            for m in pattern.finditer(lowered):
                start, end = offset + m.start(), offset + m.end()
                index = _token_at(tokens, start, end)
                if index is not None and _free(blocked, start, end):
                    add(rule.sub_event_type, rule.priority, index, start, end)
    return sorted(hits.values(), key=lambda h: (-h.priority, h.start))
