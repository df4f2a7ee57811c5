"""What a document tells every sentence reading: its country, the two sides it
names most, its publisher and reference date, and which sentences are its headline."""

from __future__ import annotations

from collections import Counter
from typing import Any

from warwire.extract.records import Context, DateLookup, Where
from warwire.extract.roles import ActorLookup
from warwire.types import Analysis, Span

__all__ = ["document_context", "headlines_of", "main_actors"]


def document_context(analysis: Analysis, actors: ActorLookup, dates: DateLookup) -> Context:
    doc = analysis.document
    resolved = [t for t in analysis.toponyms if t.place is not None]
    codes = Counter(t.place.country_code for t in resolved if t.place and t.place.country_code)
    code = codes.most_common(1)[0][0] if codes else None
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
    """The sentences that repeat the document's title (a scraped page's headline)."""
    title = " ".join((analysis.document.title or "").split()).casefold().strip(" .")
    if not title:
        return []
    text = analysis.document.text
    return [
        s.span
        for s in analysis.sentences
        if " ".join(s.span.text_in(text).split()).casefold().strip(" .") == title
    ]
