"""The model's rule lemmatizer, with each word's lemma remembered.

spaCy's ``lemmatizer`` (mode "rule") walks every token as a Python ``Token``
and remembers only the lemmas its suffix rules make: the commonest words (a
singular noun, a plain adjective, a base verb) go through ``is_base_form`` and
a morphology dict every time, about a sixth of the parse of the sentences
warwire keeps. Its answer is a function of the word, its POS and its
morphology (the lookup tables do not change while it runs), so it is asked
once per (ORTH, POS, MORPH) and looked up after; the lemmas are read and
written with one array call each. A token that already has a lemma (the
attribute ruler's exceptions) keeps it, as with the stock component.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.pipeline import Lemmatizer
    from spacy.tokens import Doc


class CachedLemmatizer:
    """Stands in for ``lemmatizer`` in a pipeline run: ``pipe(docs)`` lemmatises as it would."""

    def __init__(self, lemmatizer: Lemmatizer) -> None:
        self.lemmatizer = lemmatizer
        # anything but a rule lemmatizer that keeps set lemmas goes to the stock component
        self._stock = None if lemmatizer.mode == "rule" and not lemmatizer.overwrite else lemmatizer
        self._lemma: dict[tuple[int, int, int], int] = {}

    def pipe(self, docs: Iterable[Doc]) -> Iterator[Doc]:
        for doc in docs:
            yield self(doc)

    def __call__(self, doc: Doc) -> Doc:
        from spacy.attrs import LEMMA, MORPH, ORTH, POS

        if self._stock is not None:
            return self._stock(doc)
        if not len(doc):
            return doc
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA])
        known = self._lemma
        strings = doc.vocab.strings
        for i, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
            if lemma:
                continue
            key = (orth, pos, morph)
            found = known.get(key)
            if found is None:
                found = strings.add(self.lemmatizer.lemmatize(doc[i])[0])
                if pos:  # an untagged word warns each time in the stock component
                    known[key] = found
            rows[i, 3] = found
        doc.from_array([LEMMA], rows[:, 3:])  # type: ignore[arg-type]  # uint64, as read
        return doc
