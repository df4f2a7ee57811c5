"""What a document tells every sentence reading: its country, the two sides it
names most, its publisher and reference date, and which sentences are its headline."""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from warwire.extract.records import Context, DateLookup, Where
from warwire.extract.roles import ActorLookup
from warwire.resolve.countries import country_of_demonym
from warwire.resolve.places_story import is_dateline
from warwire.types import Analysis, Span

__all__ = ["document_context", "headline_like", "headlines_of", "main_actors"]

_HEADLINE_WORDS = 25


def document_context(analysis: Analysis, actors: ActorLookup, dates: DateLookup) -> Context:
    doc = analysis.document
    resolved = [t for t in analysis.toponyms if t.place is not None]
    # where the report was filed from ("WASHINGTON, May 16 -") says nothing of where it happened
    told = [t for t in resolved if not is_dateline(doc.text, t.span.start, t.span.end)]
    codes = Counter(t.place.country_code for t in told if t.place and t.place.country_code)
    code = codes.most_common(1)[0][0] if codes else _country_of_actors(analysis, actors)
    country_place: Where | None = None
    if code:
        whole = [
            t
            for t in resolved
            if t.place
            and t.place.country_code == code
            and (t.place.feature or "").startswith("PCL")
        ]
        if whole:
            country_place = Where(
                whole[0].place.name if whole[0].place else whole[0].text, None, whole[0]
            )
        else:
            from warwire.resolve.countries import country

            found = country(code)
            country_place = Where(found.name, None) if found else None
    publisher = doc.source.original_source or doc.source.publisher or "unknown"
    return Context(
        doc.doc_id,
        doc.text,
        publisher,
        doc.reference_date,
        code,
        country_place,
        analysis.toponyms,
        actors,
        dates,
        main_actors(analysis, actors, code),
    )


_WORD = re.compile(r"\b[A-Z][a-z]+\b")


def _country_of_actors(analysis: Analysis, actors: ActorLookup) -> str | None:
    """A story that names no place ("Taliban attack kills four soldiers") is told of
    the country its nationality words and its named actors belong to."""
    text = analysis.document.text
    votes: Counter[str] = Counter()
    for word in _WORD.findall(text):
        found = country_of_demonym(word)
        if found is not None:
            votes[found.iso2] += 1
    for _, _, actor in actors.find(text, None):
        if actor.country and len(actor.country) == 2:
            votes[actor.country.upper()] += 1
    return votes.most_common(1)[0][0] if votes else None


def main_actors(analysis: Analysis, actors: ActorLookup, code: str | None) -> tuple[Any, ...]:
    """The two armed actors the document mentions most: the likely sides of a clash."""
    counts: Counter[str] = Counter()
    by_name = {}
    text = analysis.document.text
    for sentence in analysis.sentences:
        if not sentence.parsed:
            continue
        for _, _, actor in actors.find(sentence.span.text_in(text), code):
            if actor.inter in {1, 2, 3, 4, 8}:
                counts[actor.name] += 1
                by_name[actor.name] = actor
    return tuple(by_name[name] for name, _ in counts.most_common(2))


def headlines_of(analysis: Analysis) -> list[Span]:
    """The sentences that repeat the document's title (a scraped page's headline),
    and a headline-like opening line standing alone above the body."""
    title = " ".join((analysis.document.title or "").split()).casefold().strip(" .")
    text = analysis.document.text
    found = [
        s.span
        for s in analysis.sentences
        if title and " ".join(s.span.text_in(text).split()).casefold().strip(" .") == title
    ]
    first = analysis.sentences[0].span if analysis.sentences else None
    if first is not None and first not in found and headline_like(first.text_in(text)):
        rest = text[first.end :]
        if rest.startswith("\n") and rest.strip():
            found.append(first)
    return found


def headline_like(sentence_text: str) -> bool:
    """A short line without closing punctuation reads as a headline ("Gunmen kill
    three in raid"), which tells past events in the present tense."""
    plain = sentence_text.strip()
    return bool(plain) and plain[-1] not in ".!?\"'”’" and len(plain.split()) <= _HEADLINE_WORDS
