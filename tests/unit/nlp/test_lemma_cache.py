"""The cached lemmatizer must lemmatise exactly as spaCy's own pipeline does."""

from __future__ import annotations

from warwire.nlp import _pipe, load_model

# Own sentences: one word as noun and verb, past and participle, singular and plural,
# comparative and plain adjectives, the ruler's own lemmas ("ain't"), an empty text.
SENTENCES = [
    "The attacks attack the attackers; the attacked village was attacked again.",
    "Better roads, worse news: the best of the wounded were wounding no one.",
    "She's leaving, they ain't, and we were left with leaves on the left bank.",
    "",
    "Troops fired shells; shelling fires burned houses that had housed families.",
]


def _lemmas(docs: list) -> list[list[tuple[str, str, str, str]]]:
    return [[(t.text, t.pos_, str(t.morph), t.lemma_) for t in doc] for doc in docs]


def test_cached_lemmatizer_lemmatises_as_the_stock_pipeline() -> None:
    nlp = load_model()
    stock = list(nlp.pipe(SENTENCES))
    for _ in range(2):  # cold, then every word's lemma looked up from the cache
        ours = list(_pipe(nlp, (nlp.make_doc(s) for s in SENTENCES), batch_size=2))
        assert _lemmas(ours) == _lemmas(stock)
