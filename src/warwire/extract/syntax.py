"""Small helpers over a parsed :class:`~warwire.types.Sentence`.

Token heads are sentence-absolute indices (``Token.i`` counts from the start of
the parsed span), so everything here works with positions in
``sentence.tokens`` and converts once.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from warwire.types import Sentence, Span, Token


@dataclass(frozen=True, slots=True)
class Tree:
    """A sentence's tokens with child lists, for cheap dependency walks."""

    sentence: Sentence
    children: tuple[tuple[int, ...], ...]
    # each token's children by dependency label: a head with thousands of children
    # (a run-on list) answers "its nsubj" without reading them all
    by_dep: tuple[dict[str, list[int]], ...] = field(default=(), compare=False, repr=False)

    @classmethod
    def of(cls, sentence: Sentence) -> Tree:
        """The sentence's tree; the last one is kept, as a sentence's readers ask in a row."""
        last = _LAST[0]
        if last is not None and last.sentence is sentence:
            return last
        tree = cls._build(sentence)
        _LAST[0] = tree
        return tree

    @classmethod
    def _build(cls, sentence: Sentence) -> Tree:
        tokens = sentence.tokens
        base = tokens[0].i if tokens else 0
        kids: list[list[int]] = [[] for _ in tokens]
        by_dep: list[dict[str, list[int]]] = [{} for _ in tokens]
        for pos, tok in enumerate(tokens):
            head = tok.head - base
            if head != pos and 0 <= head < len(kids):
                kids[head].append(pos)
                by_dep[head].setdefault(tok.dep, []).append(pos)
        return cls(sentence, tuple(tuple(k) for k in kids), tuple(by_dep))

    @property
    def tokens(self) -> tuple[Token, ...]:
        return self.sentence.tokens

    def head(self, pos: int) -> int | None:
        base = self.tokens[0].i
        head = self.tokens[pos].head - base
        return None if head == pos or not 0 <= head < len(self.tokens) else head

    def ancestors(self, pos: int) -> Iterator[int]:
        seen = {pos}
        current = self.head(pos)
        while current is not None and current not in seen:
            yield current
            seen.add(current)
            current = self.head(current)

    def kids(self, pos: int, *deps: str) -> list[int]:
        if not deps:
            return list(self.children[pos])
        labelled = self.by_dep[pos]
        if len(deps) == 1:
            return list(labelled.get(deps[0], ()))
        return sorted(c for dep in set(deps) for c in labelled.get(dep, ()))

    def subtree(self, pos: int) -> list[int]:
        out, stack = [], [pos]
        while stack:
            node = stack.pop()
            out.append(node)
            stack.extend(self.children[node])
        return sorted(out)

    def is_ancestor(self, anc: int, pos: int) -> bool:
        return anc == pos or anc in self.ancestors(pos)

    def phrase(self, pos: int, stop: frozenset[str] = frozenset()) -> tuple[int, int]:
        """Token range of the noun phrase headed at ``pos`` (without clauses in ``stop``)."""
        keep = [pos]
        stack = [c for c in self.children[pos] if self.tokens[c].dep not in stop]
        while stack:
            node = stack.pop()
            keep.append(node)
            stack.extend(c for c in self.children[node] if self.tokens[c].dep not in stop)
        lo, hi = min(keep), max(keep)
        while lo < hi and self.tokens[lo].pos in {"DET", "PUNCT", "CCONJ", "ADP"}:
            lo += 1
        while hi > lo and self.tokens[hi].pos in {"PUNCT", "CCONJ", "ADP"}:
            hi -= 1
        return lo, hi

    def span(self, lo: int, hi: int) -> Span:
        toks = self.tokens
        return Span(self.sentence.span.doc_id, toks[lo].start, toks[hi].end)

    def text(self, text: str, lo: int, hi: int) -> str:
        return self.span(lo, hi).text_in(text)

    def conjuncts(self, pos: int) -> list[int]:
        """``pos`` and every token coordinated with it ("Asabiah and Mazdah")."""
        out, stack = [pos], list(self.kids(pos, "conj"))
        while stack:
            node = stack.pop()
            out.append(node)
            stack.extend(self.kids(node, "conj"))
        return sorted(out)


NP_STOP = frozenset({"relcl", "acl", "appos", "conj", "cc", "punct", "advcl", "prep"})


# the tree built last (see Tree.of): kept by identity, never by value
_LAST: list[Tree | None] = [None]
