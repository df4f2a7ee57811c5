"""Events from short reports in the languages of ``data/foreign_triggers.yaml``
(French, Spanish, Portuguese, Turkish, Tagalog, Ukrainian, Russian), read by lexicon.

The English path parses sentences with an English model; a local-language
headline, alert or short note is read here instead, the way a coder reading
the local press would: the words that tell the event give its ACLED sub-event
type, a count before a death word its fatalities, the capitalised names after
a locative preposition ("à", "en", "em"), before a case ending ("Şam'da") or
heading the line ("Province Nord : ...") its place through the shared place
resolution, and the document's date its
date. The words are data (``data/foreign_triggers.yaml``); the records are the
same :class:`~warwire.types.Event` the English path makes, with evidence spans.
Only the headline and the lede are read: a long article's later paragraphs
need the parse this path does not have.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date
from itertools import islice

from warwire.extract.fields import placed_share
from warwire.extract.foreign_lexicon import CAPITALISED_RUN, Lexicon, lexicon, read_languages
from warwire.extract.foreign_readings import Reading, distinct
from warwire.extract.foreign_sides import actor_pair, credited, sides
from warwire.extract.roles import ActorLookup, KeywordActors
from warwire.extract.sides import settle_sides
from warwire.resolve.dates import undated_window
from warwire.resolve.gazetteer import Gazetteer, normalise
from warwire.resolve.places import Candidate, resolve
from warwire.taxonomy import EVENT_TYPE_OF, INTER_CIVILIANS, disorder_type
from warwire.types import (
    Analysis,
    Claim,
    Event,
    FieldEvidence,
    Hedge,
    Place,
    Polarity,
    Span,
    Toponym,
    When,
)

__all__ = ["ForeignEventStage", "Lexicon", "foreign_events", "lexicon", "read_languages"]

_LINES = 2  # the headline and the lede
_ACRONYM = 5  # capitals up to this long are an acronym
_RUN = CAPITALISED_RUN
# matched on what is left of the line, so that it starts only where a run of non-letters does
_HEAD = re.compile(rf"(?<!\W)\W*(?P<names>{_RUN}(?:\s*[/–-]\s*{_RUN}){{0,2}})\s*[:,]\s*")
_HEADS = 3  # "Country : Region / Town, ..." heads a line with at most three names
_LETHAL = frozenset(
    {"Armed clash", "Attack", "Air/drone strike", "Shelling/artillery/missile attack",
     "Remote explosive/landmine/IED", "Suicide bomb", "Grenade", "Mob violence"}
)  # fmt: skip


# --------------------------------------------------------------------------- one line


def _lines(text: str) -> Iterator[tuple[int, int]]:
    """The spans of the document's first non-empty lines (headline, lede)."""
    lines = (m.span() for m in re.finditer(r"[^\n]+", text) if m.group().strip())
    yield from islice(lines, _LINES)


def _sub_event(lex: Lexicon, line: str) -> tuple[str, re.Match[str]] | None:
    for sub, pattern in lex.triggers:
        hit = pattern.search(line)
        if hit:
            return sub, hit
    return None


def _fatalities(lex: Lexicon, sub: str, line: str) -> tuple[int, tuple[int, int] | None]:
    """The line's toll: the largest count with a death word, outside a clause that
    gives a running total; one for a killing told of one victim; else none."""
    best: tuple[int, tuple[int, int] | None] = (0, None)
    for match in lex.toll.finditer(line):
        clause = re.split(r"[,;:.]\s", line[: match.start()])[-1] + line[match.start() :]
        if lex.total.search(re.split(r"[,;.]\s", clause)[0]):
            continue  # "le bilan s'élève à 13 morts depuis février": a running total
        value = lex.number(match.group("n") or match.group("after"))
        if value is not None and value > best[0]:
            best = (value, match.span())
    if best[0] == 0 and sub in _LETHAL:
        one = lex.one_death.search(line)
        if one:
            return 1, one.span()
    return best


_HEADING, _LOCATIVE, _WEAK, _COUNTRY = 0, 1, 2, 3  # how a candidate was found, surest first


def _candidates(
    lex: Lexicon, line: str, base: int, gazetteer: Gazetteer
) -> list[tuple[Candidate, int]]:
    """Place candidates of one line with how they were found: names heading the
    line or after a locative, names after a weak locative ("de"), and country
    names anywhere (in the language's own spelling too)."""
    found: list[tuple[int, int, str, int]] = []
    at = 0
    for _ in range(_HEADS):
        head = _HEAD.match(line[at:])
        if head is None:
            break
        for part in re.finditer(_RUN, head.group("names")):
            start = at + head.start("names") + part.start()
            found.append((start, start + len(part.group()), part.group(), _HEADING))
        at += head.end()
    ranked = (
        (lex.locative, _LOCATIVE),
        (lex.suffix_locative, _LOCATIVE),
        (lex.weak_locative, _WEAK),
    )
    for pattern, rank in ranked:
        for m in pattern.finditer(line):
            found.append((m.start("name"), m.end("name"), m.group("name"), rank))
    for m in re.finditer(_RUN, line):
        if not any(s <= m.start() < e for s, e, _, _ in found) and _country_name(
            lex, m.group(), gazetteer
        ):
            found.append((m.start(), m.end(), m.group(), _COUNTRY))
    out: list[tuple[Candidate, int]] = []
    for start, end, text, rank in sorted(found):
        first, _, rest = text.partition(" ")
        if rest and normalise(first) in lex.not_places:  # "Le Front ...": an article
            start, text = start + len(first) + 1, rest
        key = normalise(text)
        if text.isupper() and len(text) <= _ACRONYM and key not in lex.countries:
            continue  # "AS", "CPC": an acronym is a group or an office, not a place
        if key in lex.not_places or any(c.start == base + start for c, _ in out):
            continue
        code = lex.countries.get(key)
        source = "DEMONYM" if code else "GPE"
        out.append((Candidate(base + start, base + end, text, source, code), rank))
    return out


def _country_name(lex: Lexicon, text: str, gazetteer: Gazetteer) -> bool:
    if normalise(text) in lex.countries:
        return True
    found = gazetteer.lookup(text)
    return bool(found) and _is_country(found[0])


def _is_country(place: Place | None) -> bool:
    return place is not None and (place.feature or "").startswith("PCL")


def _place(toponyms: Sequence[Toponym], ranks: dict[int, int]) -> Toponym | None:
    """The surest town or district, in the country the line names if it names one;
    else that country."""
    placed = [t for t in toponyms if t.place is not None]
    countries = [t for t in placed if _is_country(t.place)]
    named = {t.place.country_code for t in countries if t.place}
    for tier in ((_HEADING, _LOCATIVE), (_WEAK,)):
        for t in placed:
            assert t.place is not None
            if (
                ranks.get(t.span.start) in tier
                and not _is_country(t.place)
                and (not named or t.place.country_code in named)
            ):
                return t
    return countries[0] if countries else None


def foreign_events(
    analysis: Analysis, gazetteer: Gazetteer, actors: ActorLookup | None = None
) -> Analysis:
    """The events of one short report in a language :func:`lexicon` knows."""
    doc = analysis.document
    lex = lexicon(doc.language)
    if lex is None:
        return analysis
    actors = actors or KeywordActors()
    lines = list(_lines(doc.text))
    places = [_locate(lex, doc.doc_id, doc.text, start, end, gazetteer) for start, end in lines]
    readings = [
        r
        for (start, end), here in zip(lines, places, strict=True)
        if (r := _read_line(lex, doc.doc_id, doc.text, start, end, _finer(here, places), actors))
    ]
    kept = distinct(readings)
    code = next((c for r in kept if (c := _code(r.toponym)) is not None), None)
    told = credited(lex, actors, doc.doc_id, doc.text, code)
    events = [_event(doc.doc_id, analysis, r, i, told) for i, r in enumerate(kept)]
    return replace(analysis, events=analysis.events + tuple(events))


def _code(toponym: Toponym | None) -> str | None:
    return toponym.place.country_code if toponym and toponym.place else None


@dataclass(frozen=True, slots=True)
class _Located:
    toponym: Toponym | None  # the place coded
    span: Span | None  # the name as written (a village the gazetteer lacks too)

    @property
    def town(self) -> bool:
        return self.toponym is not None and not _is_country(self.toponym.place)


def _locate(
    lex: Lexicon, doc_id: str, text: str, start: int, end: int, gazetteer: Gazetteer
) -> _Located:
    found = _candidates(lex, text[start:end], start, gazetteer)
    toponyms = resolve(text, [c for c, _ in found], gazetteer, doc_id) if found else []
    toponym = _place(toponyms, {c.start: rank for c, rank in found})
    span = toponym.span if toponym else None
    if toponym is None or _is_country(toponym.place):
        # "à Kelo" the gazetteer lacks: coded to the country named, under its own name
        placed = {t.span.start for t in toponyms if t.place is not None}
        unknown = next((c for c, r in found if r == _LOCATIVE and c.start not in placed), None)
        span = Span(doc_id, unknown.start, unknown.end) if unknown else span
    return _Located(toponym, span)


def _finer(here: _Located, lines: Sequence[_Located]) -> _Located:
    """A headline naming only its country takes the town its lede names there."""
    named = here.span is not None and (here.toponym is None or here.span != here.toponym.span)
    if here.town or named:  # a town, or a village the gazetteer lacks, of its own
        return here
    code = here.toponym.place.country_code if here.toponym and here.toponym.place else None
    return next((o for o in lines if o.town and (code is None or _country_of(o) == code)), here)


def _country_of(located: _Located) -> str | None:
    place = located.toponym.place if located.toponym else None
    return place.country_code if place else None


def _read_line(
    lex: Lexicon,
    doc_id: str,
    text: str,
    start: int,
    end: int,
    here: _Located,
    actors: ActorLookup,
) -> Reading | None:
    line = text[start:end]
    told = _sub_event(lex, line)
    if told is None:
        return None
    sub, hit = told
    toponym, location = here.toponym, here.span
    code = toponym.place.country_code if toponym and toponym.place else None
    deaths, where = _fatalities(lex, sub, line)
    named = sides(lex, actors, line, Span(doc_id, start, end), code)
    first, second = actor_pair(named)
    armed = {a.name for a, _, _ in named if a.inter not in {None, INTER_CIVILIANS}}
    if (
        sub == "Armed clash"
        and len(armed) < 2
        and any(a.inter == INTER_CIVILIANS for a, _, _ in named)
    ):
        sub = "Attack"  # "une embuscade" on civilians: one side's attack, no clash
    actor1, actor2 = settle_sides(
        actors, sub, first[0] if first else None, second[0] if second else None, code, [line]
    )
    if actor1 is None and sub == "Arrests" and code:
        actor1 = actors.state_forces(code, "police")  # ACLED: arrests are the police's
    return Reading(
        sub=sub,
        line=Span(doc_id, start, end),
        trigger=Span(doc_id, start + hit.start(), start + hit.end()),
        toponym=toponym,
        location=location.text_in(text) if location else None,
        location_span=location,
        deaths=deaths,
        deaths_span=Span(doc_id, start + where[0], start + where[1]) if where else None,
        actor1=actor1,
        actor2=actor2,
        actor1_span=first[1] if first else None,
        actor2_span=second[1] if second else None,
    )


def _event(
    doc_id: str, analysis: Analysis, r: Reading, index: int, told: tuple[str, Span] | None
) -> Event:
    doc = analysis.document
    place: Place | None = r.toponym.place if r.toponym else None
    lex = lexicon(doc.language)
    stated = _stated_day(lex, doc.text, r.line, doc.reference_date) if lex else None
    when = stated or undated_window(doc.reference_date)
    location = r.location
    digest = hashlib.sha1(
        f"{doc_id}|{r.sub}|{location}|{when.start}|{when.end}|{index}".encode()
    ).hexdigest()[:16]
    evidence = [FieldEvidence("event", r.line), FieldEvidence("sub_event_type", r.trigger)]
    for name, span in (("actor1", r.actor1_span), ("actor2", r.actor2_span),
                       ("location", r.location_span),
                       ("fatalities", r.deaths_span)):  # fmt: skip
        if span is not None:
            evidence.append(FieldEvidence(name, span))
    publisher = doc.source.original_source or doc.source.publisher or "unknown"
    claim = Claim(publisher, Hedge.NONE, Polarity.ASSERTED, r.line, fatalities=r.deaths)
    if told is not None:
        claim = Claim(told[0], Hedge.ACCORDING_TO, Polarity.ASSERTED, told[1], fatalities=r.deaths)
    confidence = 0.3 + 0.15 * bool(r.actor1) + 0.1 * bool(r.actor2) + 0.1 * bool(place)
    confidence += 0.1 * (place is not None and place.geo_precision < 3)
    event_type = EVENT_TYPE_OF[r.sub]
    return Event(
        event_id=digest,
        doc_ids=(doc_id,),
        event_type=event_type,
        sub_event_type=r.sub,
        disorder_type=disorder_type(r.sub),
        actor1=r.actor1,
        actor2=r.actor2,
        place=place,
        location_text=location,
        when=when,
        fatalities=r.deaths,
        claims=(claim,),
        civilian_targeting=event_type == "Violence against civilians",
        notes=" ".join(r.line.text_in(doc.text).split()),
        confidence=round(min(confidence, 0.9) * placed_share(place), 2),
        evidence=tuple(evidence),
    )


def _stated_day(lex: Lexicon, text: str, line: Span, reference: date | None) -> When | None:
    """The day the line names ("le 28 février"), in the report's year or the one
    before; a day a running total counts from ("depuis le 9 février") is none."""
    if reference is None:
        return None
    said = line.text_in(text)
    for m in lex.day.finditer(said):
        if lex.total.search(said[max(0, m.start() - 14) : m.start()]):
            continue
        year = int(m.group("y")) if m.group("y") else reference.year
        try:
            day = date(year, lex.months[" ".join(m.group("m").lower().split())], int(m.group("d")))
        except (ValueError, KeyError):
            continue
        if not m.group("y") and day > reference:
            day = day.replace(year=year - 1)  # "le 28 décembre" read in January
        return When(day, day, 1, Span(line.doc_id, line.start + m.start(), line.start + m.end()))
    return None


class ForeignEventStage:
    """Pipeline stage "foreign-events": events of documents in a language the lexicon
    reads; documents in other languages pass through untouched."""

    name = "foreign-events"
    needs = frozenset({"language"})
    adds = frozenset({"events"})

    def __init__(
        self, gazetteer: Gazetteer | None = None, actors: ActorLookup | None = None
    ) -> None:
        self._gazetteer = gazetteer
        self._actors = actors

    def _defaults(self) -> tuple[Gazetteer, ActorLookup]:
        if self._gazetteer is None:
            from warwire.resolve.gazetteer import default_gazetteer

            self._gazetteer = default_gazetteer()
        if self._actors is None:
            from warwire.resolve.actors import default_registry

            self._actors = default_registry()
        return self._gazetteer, self._actors

    def __call__(self, batch: Sequence[Analysis]) -> list[Analysis]:
        if not any(lexicon(a.document.language) for a in batch):
            return list(batch)
        gazetteer, actors = self._defaults()
        return [foreign_events(a, gazetteer, actors) for a in batch]
