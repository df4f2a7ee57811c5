"""The cached attribute ruler must annotate exactly as spaCy's own pipeline does."""

from __future__ import annotations

from warwire.nlp import _pipe, load_model

# Own sentences: the ruler's two-token rules ("ai n't", "gon na", "let 's", "there is"),
# its regex rule ("nothin'"), whitespace tokens, and words met again in another context.
SENTENCES = [
    "Rebels ain't gonna leave, they said; let's see, there is nothin' left.",
    "There are 12 dead and y'all know it.\tThe  army gotta move.",
    "Police said the attack killed three people near the market on Monday.",
    "Three people said police attack the market; the killed were near.",
    "C'mon, there were protests, and protesters were arrested.",
]


def _annotations(docs: list) -> list[list[tuple[str, ...]]]:
    return [
        [(t.text, t.lemma_, t.pos_, t.tag_, t.dep_, str(t.morph), t.ent_type_) for t in doc]
        for doc in docs
    ]


def test_cached_ruler_annotates_as_the_stock_pipeline() -> None:
    nlp = load_model()
    stock = list(nlp.pipe(SENTENCES))
    for _ in range(2):  # cold, then every rule looked up from the cache
        ours = list(_pipe(nlp, (nlp.make_doc(s) for s in SENTENCES), batch_size=2))
        assert _annotations(ours) == _annotations(stock)
