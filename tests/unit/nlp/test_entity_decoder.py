"""The batched entity decoder must find exactly the entities spaCy's recogniser finds."""

from __future__ import annotations

from spacy.attrs import ENT_IOB, ENT_TYPE
from spacy.tokens import Doc, Span

from warwire.nlp import _entity_decoder, _pipe, load_model

# Own sentences: entities of many labels and lengths, one at the very start and one at
# the very end, a whitespace token, a one-token text, numbers, dates and money, and a
# text the parser splits in two (an entity may not cross that boundary).
SENTENCES = [
    "Gunmen killed 12 villagers in Upper Nile State on Monday, the United Nations said.",
    "President Amina Osei of Ghana met General Tom Brandt in Accra",
    "The  Ministry of Defence paid $4.5 million for 300 rifles last March.",
    "Kenya",
    "About 40 percent of the 2,000 protesters in Lagos were students from the First Academy.",
    "Troops shelled Kharkiv at 5 a.m. They left. Al-Shabaab fighters then raided Mogadishu",
    "",
    "On 3 June 2021 the Red Cross counted three dead and the Free Syrian Army denied it.",
]


def _entities(docs: list[Doc]) -> list[list[tuple[int, int, int, str]]]:
    return [[(t.i, t.ent_iob, t.ent_type, t.ent_type_) for t in doc] for doc in docs]


def test_decoder_finds_the_stock_entities() -> None:
    nlp = load_model()
    stock = list(nlp.pipe(SENTENCES))
    for batch_size in (1, 3, 64):
        ours = list(_pipe(nlp, (nlp.make_doc(s) for s in SENTENCES), batch_size=batch_size))
        assert _entities(ours) == _entities(stock)
        assert [[(e.start, e.end, e.label_) for e in d.ents] for d in ours] == [
            [(e.start, e.end, e.label_) for e in d.ents] for d in stock
        ]
    assert any(len(list(d.sents)) > 1 for d in stock)
    assert sum(len(d.ents) for d in stock) >= 15


def test_preset_entities_go_to_spacy() -> None:
    nlp = load_model()
    decoder = _entity_decoder()
    doc = nlp.make_doc("Rebels attacked Bor and Malakal.")
    for name, component in nlp.pipeline:
        if name != "ner":
            doc = component(doc)
    doc.set_ents([Span(doc, 2, 3, label="GPE")], default="unmodified")
    (out,) = list(decoder.pipe([doc]))
    assert out.to_array([ENT_IOB, ENT_TYPE])[2, 1] == nlp.vocab.strings["GPE"]
    assert "Bor" in [e.text for e in out.ents]
