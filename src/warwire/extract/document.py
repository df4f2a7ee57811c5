"""What a document tells every sentence reading: its country, the two sides it
names most, its publisher and reference date, and which sentences are its headline."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from typing import Any

from warwire.extract.headlines import headline_like
from warwire.extract.records import Context, DateLookup, Where
from warwire.extract.roles import ActorLookup
from warwire.resolve.countries import country, short_form_spans
from warwire.resolve.places_home import (
    ADJECTIVE,
    country_votes,
    outlet_of,
    outlet_votes,
    story_weight,
)
from warwire.resolve.places_story import is_dateline
from warwire.types import Analysis, Span

__all__ = [
    "credited",
    "document_context",
    "filed_from",
    "headline_like",
    "headlines_of",
    "main_actors",
    "trailer_start",
]

# body sentences an article must have before its trailing title lines count as page
# furniture (a brief of one line and a list of items keeps its items)
_BODY_BEFORE_TRAILER = 3


def document_context(analysis: Analysis, actors: ActorLookup, dates: DateLookup) -> Context:
    doc = analysis.document
    resolved = [t for t in analysis.toponyms if t.place is not None]
    # where the report was filed from ("WASHINGTON, May 16 -") says nothing of where it happened
    short = short_form_spans(doc.text)
    told = [
        t
        for t in resolved
        if not filed_from(doc.text, t.span.start, t.span.end)
        and not any(s <= t.span.start and t.span.end <= e for s, e, _ in short)
    ]
    weights = [story_weight(doc.text, t) for t in told]
    codes: Counter[str] = Counter()
    for t, weight in zip(told, weights, strict=True):  # a demonym loses a tie to a named place
        if t.place and t.place.country_code:
            codes[t.place.country_code] += weight  # type: ignore[assignment]
    codes.update(code for _, _, code in short)
    publisher = outlet_of(doc)
    # only sides' demonyms ("Turkish-Russian truce violated"): a monitor's own country first
    sides_only = not short and all(w <= ADJECTIVE for w in weights)
    source = _country_of_source(publisher, actors) if codes and sides_only else None
    code = source or (
        codes.most_common(1)[0][0]
        if codes
        else _country_of_actors(analysis, actors) or _country_of_source(publisher, actors)
    )
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
            found = country(code)
            country_place = Where(found.name, None) if found else None
    return Context(
        doc.doc_id,
        doc.text,
        publisher or "unknown",
        doc.reference_date,
        code,
        country_place,
        analysis.toponyms,
        actors,
        dates,
        main_actors(analysis, actors, code),
    )


# "Via: X" / "Source: X" on a line of its own: whom a brief or a repost credits
_CREDIT = re.compile(
    r"^[ \t]*(?:via|source|sources)[ \t]*:[ \t]*(\S[^\n:]{1,60}?)[ \t.]*$", re.I | re.M
)
_CREDIT_WORDS = 6


@lru_cache(maxsize=64)
def credited(text: str) -> str | None:
    """The source a post credits on a line of its own ("Via: the regional governor"),
    which vouches for everything the post tells, where its sentences name nobody."""
    found = [m.group(1).strip() for m in _CREDIT.finditer(text)]
    found = [f for f in found if len(f.split()) <= _CREDIT_WORDS and not f.startswith("http")]
    return found[-1] if found else None


def filed_from(text: str, start: int, end: int) -> bool:
    """A dateline's place, which is where a report was filed. A headline's opening
    place ("Kismayo: four killed in ambush") is where it happened, not a dateline."""
    if not is_dateline(text, start, end):
        return False
    line_end = text.find("\n", end)
    line = text[text.rfind("\n", 0, start) + 1 : line_end if line_end >= 0 else len(text)]
    return not headline_like(line)


def _country_of_actors(analysis: Analysis, actors: ActorLookup) -> str | None:
    """A story that names no place ("Taliban attack kills four soldiers") is told of
    the country its nationality words and its named actors belong to."""
    text = analysis.document.text
    votes = country_votes(text)
    for _, _, actor in actors.find(text, None):
        if actor.country and len(actor.country) == 2:
            votes[actor.country.upper()] += 1
    return votes.most_common(1)[0][0] if votes else None


def _country_of_source(publisher: str | None, actors: ActorLookup) -> str | None:
    """When the story itself tells no country, its source may: an outlet or monitor
    named for its people (see :func:`outlet_country`), or a registered actor with a
    country."""
    if not publisher:
        return None
    votes = outlet_votes(publisher)
    actor = actors.resolve(publisher, None)
    if actor is not None and actor.country and len(actor.country) == 2:
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
    and a headline-like opening line standing alone above the body. A document
    that is its title and nothing else (a headline-only input, a one-line alert)
    has no headline: its one line is the report itself."""
    title = " ".join((analysis.document.title or "").split()).casefold().strip(" .")
    text = analysis.document.text
    found = [
        s.span
        for s in analysis.sentences
        if title and " ".join(s.span.text_in(text).split()).casefold().strip(" .") == title
    ]
    if found and len(found) == len(analysis.sentences):
        return []
    first = analysis.sentences[0].span if analysis.sentences else None
    if first is not None and first not in found and headline_like(first.text_in(text)):
        rest = text[first.end :]
        if rest.startswith("\n") and rest.strip():
            found.append(first)
    return found


def _own_line(text: str, span: Span) -> bool:
    before = text[: span.start].rstrip(" \t")
    after = text[span.end :].lstrip(" \t")
    return (not before or before.endswith("\n")) and (not after or after.startswith("\n"))


def trailer_start(analysis: Analysis) -> int | None:
    """Where the page furniture after an article's last sentence begins: the title
    lines standing alone on their own lines below the body ("related" headlines, video
    titles, teasers), which tell other stories. None when the document has no such
    trailer or too little body to tell a trailer from a list of items."""
    text = analysis.document.text
    sentences = [s for s in analysis.sentences if s.span.text_in(text).strip()]
    start: int | None = None
    lines = 0
    for n in range(len(sentences) - 1, -1, -1):
        span = sentences[n].span
        if not (headline_like(span.text_in(text)) and _own_line(text, span)):
            body = [s for s in sentences[: n + 1] if not headline_like(s.span.text_in(text))]
            # one unfinished last line is the story cut short, not a list of teasers
            return start if lines >= 2 and len(body) >= _BODY_BEFORE_TRAILER else None
        start, lines = span.start, lines + 1
    return None
