"""The model with numpy's matrix products must parse exactly as stock spaCy does."""

from __future__ import annotations

from warwire.nlp import load_model, stock_model

# Own sentences: clauses, names, numbers, dates, quotes and a run-on list.
TEXTS = [
    "Gunmen killed four villagers near the river crossing late on Tuesday, police said.",
    "The ministry of defence in the capital said that two soldiers were wounded when a "
    "roadside bomb hit their patrol, and that the attackers fled towards the hills.",
    '"We will not leave," a spokesman for the Northern Alliance told reporters in March.',
    "Protesters marched, chanted, blocked roads, burned tyres and then dispersed.",
    "ATTACK ON CONVOY: 12 DEAD",
]


def _annotations(docs: list) -> list[list[tuple[str, ...]]]:
    return [
        [(t.text, t.lemma_, t.tag_, t.dep_, str(t.head.i), t.ent_iob_, t.ent_type_) for t in doc]
        for doc in docs
    ]


def test_blas_products_parse_as_stock_spacy() -> None:
    ours = list(load_model().pipe(TEXTS, batch_size=2))
    theirs = list(stock_model().pipe(TEXTS, batch_size=2))
    assert _annotations(ours) == _annotations(theirs)
