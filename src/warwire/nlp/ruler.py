"""The model's attribute ruler, with its one-word rules remembered per word.

spaCy's ``attribute_ruler`` (tag -> POS and morphology, lemma exceptions) runs a
Matcher of ~180 patterns over every token of every sentence: a tenth of the
parse of the sentences warwire keeps. All but eight of its patterns test one
token, and only its lower-case form, tag and dependency label, so which of
them match a token is a function of those three; and of the lower-case forms
and labels only the few the patterns name tell tokens apart (any other word
is "some other word"). Matched once per distinct triple, then looked up. The
two-token patterns still go through a Matcher of their own, and only over a
sentence where some word passes one of their first tokens' word or label
tests (most sentences have no "there is", "gon na" or "let 's"). The matches
are applied exactly as the ruler applies them (sorted by rule, later rules
winning), so the annotations are the same.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.pipeline import AttributeRuler
    from spacy.tokens import Doc

_Key = tuple[int, int, int]  # (lower, tag, dep) of a token


class CachedRuler:
    """Stands in for ``ruler`` in a pipeline run: ``pipe(docs)`` annotates them as it would."""

    def __init__(self, ruler: AttributeRuler) -> None:
        from spacy.matcher import Matcher

        self.attrs = ruler.attrs
        self.indices = ruler.indices
        self.single = Matcher(ruler.vocab, validate=False)
        self.longer = Matcher(ruler.vocab, validate=False)
        for rule in range(len(ruler.attrs)):
            patterns = ruler.matcher.get(str(rule))[1]
            if ones := [p for p in patterns if len(p) == 1]:
                self.single.add(str(rule), ones)
            if more := [p for p in patterns if len(p) > 1]:
                self.longer.add(str(rule), more)
        self._rule_of = {ruler.vocab.strings[str(r)]: r for r in range(len(ruler.attrs))}
        self._rules_at: dict[_Key, tuple[int, ...]] = {}
        self._strings = ruler.vocab.strings
        named = _named(ruler, self._rule_of.values())
        self._words, self._labels, self._regexes = named or (set(), set(), [])
        self._stock = ruler if named is None else None  # rules this class cannot read
        self._word_class: dict[int, int] = {}
        self._starts = _first_tests(ruler, self._rule_of.values())
        self._starting: dict[int, bool] = {}  # lower -> passes a first token's word test

    def pipe(self, docs: Iterable[Doc]) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)

    def __call__(self, doc: Doc) -> Doc:
        from spacy.attrs import DEP, LOWER, TAG
        from spacy.tokens._retokenize import set_token_attrs

        if self._stock is not None:
            return self._stock(doc)
        rows = doc.to_array([LOWER, TAG, DEP]).tolist()
        keys = [(self._word(lower), tag, self._label(dep)) for lower, tag, dep in rows]
        known = self._rules_at
        if any(k not in known for k in keys):
            found: list[list[int]] = [[] for _ in keys]
            for match_id, start, _end in self.single(doc, allow_missing=True, as_spans=False):
                found[start].append(self._rule_of[match_id])
            for key, rules in zip(keys, found, strict=True):
                known[key] = tuple(rules)
        matches = [(r, i, i + 1) for i, key in enumerate(keys) for r in known[key]]
        if self._may_start(rows):
            matches.extend(
                (self._rule_of[match_id], start, end)
                for match_id, start, end in self.longer(doc, allow_missing=True, as_spans=False)
            )
        matches.sort()  # the ruler's order: by rule, so later rules have precedence
        for rule, start, end in matches:
            index = self.indices[rule]
            set_token_attrs(doc[start + index if index >= 0 else end + index], self.attrs[rule])
        return doc

    def _word(self, lower: int) -> int:
        """``lower`` itself if a pattern could tell it from other words, else 0."""
        known = self._word_class.get(lower)
        if known is None:
            text = self._strings[lower]
            telling = (
                lower in self._words
                or text.isspace()  # IS_SPACE
                or any(r.search(text) for r in self._regexes)
            )
            known = self._word_class[lower] = lower if telling else 0
        return known

    def _may_start(self, rows: list[list[int]]) -> bool:
        """Some token passes a longer pattern's first-token test (always, if unknown)."""
        if self._starts is None:
            return True
        words, labels, regexes = self._starts
        for lower, _tag, dep in rows:
            if dep in labels:
                return True
            starting = self._starting.get(lower)
            if starting is None:
                text = self._strings[lower]
                starting = lower in words or any(r.search(text) for r in regexes)
                self._starting[lower] = starting
            if starting:
                return True
        return False

    def _label(self, dep: int) -> int:
        """``dep`` itself if named by a pattern (or unset), else -1."""
        return dep if dep == 0 or dep in self._labels else -1


def _named(
    ruler: AttributeRuler, rules: Iterable[int]
) -> tuple[set[int], set[int], list[re.Pattern[str]]] | None:
    """The words (LOWER) and labels (DEP) the one-token patterns name, and their
    LOWER regexes; None if a pattern tests anything else, or in another way."""
    strings = ruler.vocab.strings
    words: set[int] = set()
    labels: set[int] = set()
    regexes: list[re.Pattern[str]] = []
    for rule in rules:
        for pattern in ruler.matcher.get(str(rule))[1]:
            if len(pattern) > 1:
                continue
            for attr, test in pattern[0].items():
                if attr in ("TAG", "IS_SPACE"):
                    continue
                into = {"LOWER": words, "DEP": labels}.get(attr)
                if into is None:
                    return None
                if isinstance(test, str):
                    into.add(strings.add(test))
                elif isinstance(test, dict) and set(test) <= {"IN", "NOT_IN"}:
                    into.update(strings.add(v) for vs in test.values() for v in vs)
                elif attr == "LOWER" and isinstance(test, dict) and set(test) == {"REGEX"}:
                    regexes.append(re.compile(test["REGEX"]))
                else:
                    return None
    return words, labels, regexes


def _first_tests(
    ruler: AttributeRuler, rules: Iterable[int]
) -> tuple[set[int], set[int], list[re.Pattern[str]]] | None:
    """The words (LOWER), labels (DEP) and LOWER regexes one of which the first
    token of every longer pattern needs; None if a first token can pass without
    any (no such test, an operator, another kind of test)."""
    strings = ruler.vocab.strings
    words: set[int] = set()
    labels: set[int] = set()
    regexes: list[re.Pattern[str]] = []
    for rule in rules:
        for pattern in ruler.matcher.get(str(rule))[1]:
            if len(pattern) == 1:
                continue
            first = pattern[0]
            if "OP" in first:
                return None
            attr = "LOWER" if "LOWER" in first else "DEP" if "DEP" in first else None
            test = first.get(attr) if attr else None
            into = words if attr == "LOWER" else labels
            if isinstance(test, str):
                into.add(strings.add(test))
            elif isinstance(test, dict) and set(test) == {"IN"}:
                into.update(strings.add(v) for v in test["IN"])
            elif attr == "LOWER" and isinstance(test, dict) and set(test) == {"REGEX"}:
                regexes.append(re.compile(test["REGEX"]))
            else:
                return None
    return words, labels, regexes
