"""spaCy's named-entity decoder, stepped for a whole batch at once in numpy.

The model's entity recogniser is a greedy transition system (BILUO moves). Its
network is cheap: the features of every token are computed up front in one
matrix product, and each step only adds three precomputed rows, takes a
maxout and multiplies by a 64 x 74 matrix. spaCy's compiled loop, though,
asks each of the 74 moves whether it is valid for each state at each step,
and in the installed build every such check takes and releases the GIL a few
times: that bookkeeping was 70% of the recogniser's time and a third of a
parse.

Here the same arithmetic runs per step for all of a batch's sentences at once:
the same precomputed rows summed in the same order, the same maxout, the
output layer through the same blis ``sgemm`` spaCy's loop calls, the same
validity rules (written as array masks) and the same first-best choice. Every
move advances one token, so step ``t`` reads token ``t`` of each sentence
still running. Entities equal stock spaCy's token for token
(``tests/unit/nlp/test_entity_decoder.py``; every sentence of the real and geoparse texts).

Only the case warwire runs is taken: the model's three-feature BILUO layout and
documents without preset entities; anything else goes to spaCy's own ``pipe``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

import numpy

if TYPE_CHECKING:
    from spacy.pipeline import EntityRecognizer
    from spacy.tokens import Doc

_KINDS = ("B", "I", "L", "U", "O")


class EntityDecoder:
    """``ner.pipe`` with the greedy decoding done here (see the module docstring)."""

    def __init__(self, ner: EntityRecognizer) -> None:
        self.ner = ner
        names = [ner.moves.get_class_name(i) for i in range(ner.moves.n_moves)]
        kinds, labels = zip(*(_move(n) for n in names), strict=True)
        self.labels: tuple[str, ...] = tuple(sorted({lab for lab in labels if lab}))
        ids = {label: k + 1 for k, label in enumerate(self.labels)}  # 0: no label
        self.kind = numpy.array([_KINDS.index(k) for k in kinds], dtype=numpy.int8)
        self.label = numpy.array([ids.get(lab, 0) for lab in labels], dtype=numpy.int32)
        labelled = self.label != 0
        self._begin, self._inside, self._last, self._unit = (
            ((self.kind == k) & labelled)[None, :] for k in range(4)
        )
        self._out = (self.kind == 4)[None, :]
        model = ner.model
        lower = model.get_ref("lower")
        self.ok = (
            model.attrs.get("has_upper") is True
            and lower.get_dim("nF") == 3
            and lower.get_dim("nP") >= 2
            and "M" not in names
        )

    def pipe(self, docs: Iterable[Doc], batch_size: int = 64) -> Iterator[Doc]:
        from spacy.util import minibatch

        for batch in minibatch(docs, size=batch_size):
            if not self.ok or any(_preset(d) for d in batch):
                yield from self.ner.pipe(batch, batch_size=batch_size)
                continue
            for doc, ents in zip(batch, self.decode(batch), strict=True):
                _annotate(doc, ents, self.labels)
            yield from batch

    def decode(self, docs: Sequence[Doc]) -> list[list[tuple[int, int, int]]]:
        """Each document's entities as (start, end, label id), as spaCy's greedy loop finds them."""
        from blis.py import gemm
        from spacy.attrs import IS_SPACE, SENT_START

        model = self.ner.model
        tok2vec, lower, upper = model.layers
        lengths = numpy.array([len(d) for d in docs], dtype=numpy.int64)
        found: list[list[tuple[int, int, int]]] = [[] for _ in docs]
        if not lengths.sum():
            return found
        cached = lower.predict(tok2vec.predict(list(docs)))  # (tokens + 1, nF, nO, nP), row 0 pads
        n_f, n_o, n_p = cached.shape[1:]
        rows = cached.reshape(cached.shape[0], n_f, n_o * n_p)
        bias = lower.get_param("b").reshape(n_o * n_p)
        weights, out_bias = upper.get_param("W"), upper.get_param("b")
        unseen = sorted(model.attrs.get("unseen_classes") or ())
        offsets = numpy.concatenate(([0], numpy.cumsum(lengths)[:-1]))
        flags = numpy.concatenate([d.to_array([IS_SPACE, SENT_START]) for d in docs if len(d)])
        space = flags[:, 0].astype(bool)
        starts = numpy.append(flags[:, 1].astype(numpy.int64) == 1, False)  # is_sent_start
        n = len(docs)
        ent_start = numpy.full(n, -1, dtype=numpy.int64)  # the open entity's first token
        ent_label = numpy.zeros(n, dtype=numpy.int32)
        done = lengths == 0
        closed: list[tuple[Any, Any, Any, Any]] = []  # per step: docs, starts, ends, labels
        for t in range(int(lengths.max())):
            live = numpy.flatnonzero(~done & (lengths > t))
            if not len(live):
                break
            at = offsets[live] + t  # this token, counted over the batch
            b0 = at + 1  # its row in the precomputed table (row 0 pads)
            is_open = ent_start[live] >= 0
            first = numpy.where(is_open, offsets[live] + ent_start[live] + 1, 0)
            prev = numpy.where(is_open, at, 0)
            hidden = rows[b0, 0] + rows[first, 1]
            hidden += rows[prev, 2]
            hidden += bias
            hidden = hidden.reshape(len(live), n_o, n_p).max(axis=2)
            scores = gemm(numpy.ascontiguousarray(hidden), weights, trans2=True, beta=0.0)
            scores += out_bias
            if unseen:
                scores[:, unseen] = scores.min()
            more = lengths[live] - t >= 2  # a token after this one
            next_starts = more & starts[numpy.where(more, at + 1, len(starts) - 1)]
            valid = self._valid(is_open, ent_label[live], more, next_starts, space[at])
            guess = numpy.where(valid, scores, -numpy.inf).argmax(axis=1)
            stuck = ~valid.any(axis=1)  # spaCy forces such a state to its end
            done[live[stuck]] = True
            move = numpy.where(stuck, -1, self.kind[guess])
            label = self.label[guess]
            begins, lasts, units = live[move == 0], live[move == 2], live[move == 3]
            if len(lasts):
                closed.append((lasts, ent_start[lasts], t + 1, ent_label[lasts]))
            if len(units):
                closed.append((units, numpy.full(len(units), t), t + 1, label[move == 3]))
            ent_start[lasts] = -1
            ent_start[begins], ent_label[begins] = t, label[move == 0]
        for which, begun, end, labs in closed:
            for d, s, lab in zip(which.tolist(), begun.tolist(), labs.tolist(), strict=True):
                found[d].append((s, end, lab))
        for ents in found:
            ents.sort()
        return found

    def _valid(
        self, is_open: Any, ent_label: Any, more: Any, next_starts: Any, on_space: Any
    ) -> Any:
        """Which moves each live state may take: BILUO's rules with no preset entities."""
        shut = ~is_open
        same = self.label[None, :] == ent_label[:, None]
        return (
            ((shut & more & ~next_starts & ~on_space)[:, None] & self._begin)
            | ((is_open & more & ~next_starts)[:, None] & self._inside & same)
            | (is_open[:, None] & self._last & same)
            | ((shut & ~on_space)[:, None] & self._unit)
            | (shut[:, None] & self._out)
        )


def _move(name: str) -> tuple[str, str]:
    """'B-GPE' -> ('B', 'GPE'); 'O' -> ('O', ''); 'U-' -> ('U', '')."""
    kind, _, label = name.partition("-")
    return kind, label


def _preset(doc: Doc) -> bool:
    """Whether any token already carries an entity decision (spaCy's rules then differ)."""
    from spacy.attrs import ENT_IOB

    return bool(doc.to_array([ENT_IOB]).any())


def _annotate(doc: Doc, ents: list[tuple[int, int, int]], labels: tuple[str, ...]) -> None:
    """Set the entities as spaCy's ``set_annotations`` does; every other token is outside."""
    from spacy.tokens import Span

    spans = [Span(doc, start, end, label=labels[lab - 1]) for start, end, lab in ents]
    doc.set_ents(spans, default="outside")
