"""The ``events`` stage: sentence readings merged into ACLED events and claims.

The stage runs in steps, each in its own module: sentence readings (mentions:
:mod:`~warwire.extract.assemble`, one per trigger, anchored by
:mod:`~warwire.extract.anchoring`), then the document-level steps listed in
:data:`DOCUMENT_STEPS` (coreference, background, accidents, figurative speech,
the learned mention gate), then the fields of each event
(:mod:`~warwire.extract.fields`) and the relations.

ACLED codes one event per location per day: "captured A and B" is two events,
several sentences about the same happening (same type, place and day) are one
event with several claims, shelling during a battle at the same place and day
belongs to the battle, and a casualty sentence ("Six attackers were killed")
completes the event before it. Whatever is not an asserted single happening
(intent, denial, condition, running total) stays a standalone claim.
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import timedelta

from warwire.extract.anchoring import (
    background,
    cues,
    echoes_dropped,
    families,
    history,
    reported,
    set_in_past,
    stale,
    unanchored,
)
from warwire.extract.assemble import read_sentence
from warwire.extract.breakdown import broken_down
from warwire.extract.coreference import corefer, locate_back
from warwire.extract.document import (
    document_context,
    headline_like,
    headlines_of,
    trailer_start,
)
from warwire.extract.fields import events_of
from warwire.extract.frames import tallied, tested
from warwire.extract.genres import accidents, figurative
from warwire.extract.merging import Draft, home_for, upgrade
from warwire.extract.records import Context, DateLookup, Reading, headline_total, is_event
from warwire.extract.referents import Seen
from warwire.extract.relations import backer_name, find_relations, first_statements
from warwire.extract.roles import ActorLookup, KeywordActors
from warwire.extract.speakers import NOBODY_NAMED, default_claimant
from warwire.extract.syntax import Tree
from warwire.extract.tolls import LETHAL_TYPES
from warwire.resolve.countries import country
from warwire.taxonomy import EVENT_TYPE_OF
from warwire.types import Analysis, Claim, Hedge, Polarity, Quantity, Relation, Sentence, Span, When

log = logging.getLogger(__name__)

DocumentStep = Callable[[list[Draft], Context, frozenset[Span]], list[Draft]]

# what happens to a document's draft events once every sentence is read, in order;
# each step takes the drafts and returns those it keeps (merged or not)
DOCUMENT_STEPS: tuple[tuple[str, DocumentStep], ...] = (
    ("coreference", lambda drafts, ctx, heads: corefer(drafts, heads)),
    ("background", lambda drafts, ctx, heads: background(drafts, ctx.reference)),
    ("accidents", lambda drafts, ctx, heads: accidents(drafts, ctx.text)),
    ("figurative", lambda drafts, ctx, heads: figurative(drafts, ctx.text)),
    ("tallies", lambda drafts, ctx, heads: tallied(drafts, ctx.text, heads, _one_line(ctx.text))),
    ("mention-gate", lambda drafts, ctx, heads: _gate(drafts, ctx.text, heads)),
)
_GENERIC = frozenset({"forces", "troops", "fighters", "militants", "groups", "men", "units"})


_BREAKS = re.compile(
    r"^\W*(?:separately|meanwhile|elsewhere|earlier|previously|in (?:another|a separate)|"
    r"(?:just |more )?recently|last (?:week|month|year)|in \d{4}|since|before that|"
    r"on top of (?:this|that)|in addition|additionally|moreover|furthermore)\b",
    re.I,
)


# a sentence that only says where the incident just told happened
_TOOK_PLACE = re.compile(
    r"^\W*(?:it|this|the (?:attack|incident|assault|blast|explosion|killings?|raid|ambush|"
    r"clash(?:es)?|strike|shooting|bombing|abduction|kidnapping|violence|fighting))\s+"
    r"(?:\w+\s+)?(?:happened|took place|occurred|was carried out|unfolded)\b",
    re.I,
)

_EARLIER = re.compile(r"^\W*(?:earlier|previously|before that|prior to that)\b", re.I)


def _earlier(sentence_text: str, last: When | None) -> When | None:
    """ "Earlier, X happened": before the last dated sentence, within about its month."""
    if not _EARLIER.match(sentence_text) or last is None or last.start is None:
        return None
    end = last.start
    start = min(end.replace(day=1), end - timedelta(days=14))
    return When(start, end, 3)


# why a sentence is not news that also dates what follows it in its paragraph
_PAST_TOLD = frozenset({"remembered", "retold"})


def _seen_in(ctx: Context, sentence: Sentence) -> list[Seen]:
    text = sentence.span.text_in(ctx.text)
    base = sentence.span.start
    return [Seen(base + s, a) for s, _, a in ctx.actors.find(text, ctx.country_code)]


def analyse_document(analysis: Analysis, actors: ActorLookup, dates: DateLookup) -> Analysis:
    """Events, standalone claims and relations for one document.

    Walks the sentences in order, remembering the actors named so far (for "the
    group", "the army") and the story's date: a sentence without its own date
    takes the last event date of its paragraph, else the lead's, unless it
    opens with "Separately", "Earlier" and the like.
    """
    ctx = document_context(analysis, actors, dates)
    headlines = frozenset(headlines_of(analysis))
    lone = _one_line(ctx.text)
    drafts: list[Draft] = []
    claims: list[Claim] = []
    relations: list[Relation] = []
    seen: list[Seen] = []
    lead: When | None = None
    para_when: When | None = None
    paragraph = -1
    speaker: str | None = None
    last_stated: When | None = None
    last_told: When | None = None  # the last date a sentence stated, at any precision
    past: int | None = None  # the paragraph whose story has turned to the past
    para_speaker: str | None = None  # the source the paragraph's account is credited to
    default = default_claimant(ctx)
    nobody = {ctx.publisher, default, *NOBODY_NAMED}
    trailer = trailer_start(analysis)
    sources: dict[str, Reading] = {}  # the named sources the story credits, first mention each
    dismissed: set[str] = set()  # the kinds of incident the body tells only as not news
    testing = False  # the story reports a weapons test
    for sentence in analysis.sentences:
        if trailer is not None and sentence.span.start >= trailer:
            continue  # related headlines and video titles below the story tell other stories
        para = ctx.text.rfind("\n\n", 0, sentence.span.start)
        if para != paragraph:  # a past the last paragraph turned to goes on until a day is stated
            carried = para if past == paragraph else None
            paragraph, para_when, para_speaker, past = para, None, None, carried
        plain = sentence.span.text_in(ctx.text)
        if not sentence.parsed:
            if set_in_past(ctx, plain):
                past = paragraph  # "In 1994 the city was besieged." sets what follows in 1994
            continue
        seen.extend(_seen_in(ctx, sentence))
        breaks = bool(_BREAKS.match(plain))
        inherited = None if breaks else (para_when or lead)
        if breaks:
            inherited = _earlier(plain, last_stated)
        then = bool(cues().that_time.match(plain)) and last_told is not None
        if then:  # "On that occasion ...": the time the sentence before told
            inherited = last_told
        readings, stated = read_sentence(ctx, sentence, inherited, tuple(seen), speaker)
        readings = [part for r in readings for part in broken_down(ctx, r)]
        if then and stated is None and stale(last_told, ctx.reference):
            dismissed.update(families(readings, sentence.span not in headlines))
            continue  # it goes on telling a past incident
        last_told = stated or last_told
        if stated is not None and stated.time_precision == 1:
            last_stated = stated
        body = sentence.span not in headlines and not lone
        if history(ctx, sentence, stated):
            past = paragraph
            dismissed.update(families(readings, body))
            continue  # "the massacre of 1994": background, not news
        if past == paragraph and stated is None:
            dismissed.update(families(readings, body))
            continue  # the undated sentences after it go on telling that past
        past = None
        if not readings and drafts and _TOOK_PLACE.match(plain):
            locate_back(drafts[-1], ctx, sentence.span)  # "It happened in X district"
        tree = Tree.of(sentence)
        if readings:
            headline = sentence.span in headlines or headline_like(plain) or lone
            why = [
                unanchored(
                    tree,
                    r.decision.hit.token,
                    plain,
                    stated,
                    headline,
                    ctx.reference,
                    r.decision.sub_event_type,
                    r.polarity is Polarity.ASSERTED,
                )
                for r in readings
            ]
            testing = testing or "test" in why
            if any(w in _PAST_TOLD for w in why):
                past = paragraph
            told = [r for r, w in zip(readings, why, strict=True) if w is not None]
            dismissed.update(families(told, body and not headline))
            readings = [r for r, w in zip(readings, why, strict=True) if w is None]
        if readings and (sentence.span in headlines or headline_like(plain) or lone):
            readings = [headline_total(r) for r in readings]
        readings = [_go_on(r, para_speaker, default) for r in readings]
        named = next((r.claimant for r in readings if r.claimant not in nobody), None)
        sources.update((r.claimant, r) for r in readings if r.claimant not in nobody)
        speaker, para_speaker = named or speaker, named or para_speaker
        for raw in find_relations(tree, ctx.text):
            subject = _party(actors, raw.subject, ctx.country_code)
            obj = _party(actors, raw.object, ctx.country_code)
            if subject != obj and raw.object.lower() not in _GENERIC:
                relations.append(Relation(subject, raw.predicate, obj, raw.evidence))
        for r in readings[:1]:
            if r.aggregate is not None:
                claims.append(_aggregate_claim(ctx, r))
        for r in readings:
            for actor, span in ((r.actor1, r.actor1_span), (r.actor2, r.actor2_span)):
                if actor is not None:
                    seen.append(Seen(span.start if span else sentence.span.start, actor))
            if not is_event(r):
                if r.polarity.value != "asserted":
                    claims.append(
                        Claim(
                            r.claimant,
                            r.hedge,
                            r.polarity,
                            r.sentence,
                            subject=r.decision.sub_event_type,
                        )
                    )
                continue
            if not breaks and sentence.span not in headlines and r.when.time_precision == 1:
                # only a day the story states carries over; a headline's or an
                # undated sentence's guessed window does not
                para_when = r.when
                lead = lead or r.when
            lethal_before = drafts and EVENT_TYPE_OF[drafts[-1].sub] in LETHAL_TYPES
            if r.casualty_only and lethal_before and not breaks:
                prev = drafts[-1]
                own = [w for w in r.wheres if w.span is not None]
                if not own or (prev.where and own[0].name == prev.where.name):
                    prev.readings.append(r)
                    upgrade(prev, r.decision.sub_event_type)
                    continue
            wheres = r.wheres or (None,)
            placeless = (
                stated is None and not breaks and all(w is None or w.span is None for w in wheres)
            )
            for n, where in enumerate(wheres):
                home = home_for(drafts, r, where, placeless, paragraph, not breaks)
                if home is not None:
                    home.readings.append(r)
                    upgrade(home, r.decision.sub_event_type)
                    continue
                drafts.append(
                    Draft(
                        r.decision.sub_event_type,
                        where,
                        r.when,
                        [r],
                        n == 0,
                        len(wheres),
                        paragraph,
                    )
                )
    for _name, step in DOCUMENT_STEPS:
        drafts = step(drafts, ctx, headlines)
    drafts = tested(echoes_dropped(drafts, headlines, dismissed), testing)
    events = events_of(drafts, ctx, _sole_source(sources, nobody))
    return replace(
        analysis,
        events=analysis.events + tuple(events),
        claims=analysis.claims + tuple(_with_id(c) for c in dict.fromkeys(claims)),
        relations=analysis.relations + first_statements(relations),
    )


_ONE_LINE_WORDS = 60


def _sole_source(sources: dict[str, Reading], nobody: set[str]) -> Claim | None:
    """The one named source a story credits, if it credits only one: a report told on
    one source's word is that source's account throughout, also where a sentence
    does not repeat "the source said"."""
    if len(sources) != 1:
        return None
    ((name, r),) = sources.items()
    hedge = Hedge.ACCORDING_TO if r.hedge is Hedge.NONE else r.hedge
    return Claim(name, hedge, r.polarity, r.sentence)


def _go_on(r: Reading, para_speaker: str | None, default: str) -> Reading:
    """An unattributed sentence after a source's account in the same paragraph goes
    on with that account ("The source said the shelling hit A. In B, a house was also
    struck.")."""
    if para_speaker is None or r.claimant != default or r.hedge is not Hedge.NONE:
        return r
    return replace(r, claimant=para_speaker)


def _one_line(text: str) -> bool:
    """A headline-only input or a one-line alert: its line tells past events in a
    headline's present tense ("Militants attack base in X"), however it ends."""
    plain = text.strip()
    return "\n" not in plain and len(plain.split()) <= _ONE_LINE_WORDS


_LABEL_WORDS = 2  # "Martyr info", "Casualty list": a label, not a headline


def _gate(drafts: list[Draft], text: str, headlines: frozenset[Span]) -> list[Draft]:
    """The learned mention gate; a document that is one headline is read as one."""
    plain = text.strip()
    lone = _one_line(plain) and headline_like(plain) and len(plain.split()) > _LABEL_WORDS
    return reported(drafts, text, headlines, one_line=lone)


def _party(actors: ActorLookup, name: str, country_code: str | None) -> str:
    """A relation's party as a canonical actor; a state backer is its military.

    "supplied by the UAE" and "Turkish-backed" name states; ACLED codes the
    state's forces, so both sides of the story use one name for them.
    """
    bare = re.sub(r"^the\s+", "", name.strip(), flags=re.IGNORECASE)
    state = country(backer_name(bare))
    if state is not None:
        return actors.state_forces(state.iso2).name
    return actors.resolve_or_keep(name, country_code).name


def _with_id(claim: Claim) -> Claim:
    """Standalone claims are records of their own: each needs a stable id."""
    if claim.claim_id:
        return claim
    span = claim.evidence
    key = f"{span.doc_id}|{span.start}|{span.end}|{claim.polarity}|{claim.subject}"
    return replace(claim, claim_id=hashlib.sha1(key.encode()).hexdigest()[:16])


def _aggregate_claim(ctx: Context, r: Reading) -> Claim:
    agg = r.aggregate
    assert agg is not None
    where = r.wheres[0].name if r.wheres else None
    return Claim(
        claimant=r.claimant,
        hedge=r.hedge,
        polarity=r.polarity,
        evidence=r.sentence,
        subject=agg.subject,
        quantity=Quantity(agg.value, agg.qualifier, agg.unit),
        when=r.when,
        place=where,
    )


class EventStage:
    """Pipeline stage "events": needs sentences and toponyms, adds events/claims/relations.

    The actor registry and date resolver are injected (fakes in tests); the
    defaults load lazily on first call, never in the constructor.
    """

    name = "events"
    needs = frozenset({"sentences", "toponyms"})
    adds = frozenset({"events", "claims", "relations"})

    def __init__(self, actors: ActorLookup | None = None, dates: DateLookup | None = None) -> None:
        self._actors = actors
        self._dates = dates

    def _defaults(self) -> tuple[ActorLookup, DateLookup]:
        if self._actors is None:
            try:
                from warwire.resolve.actors import default_registry

                self._actors = default_registry()
            except ImportError:  # pragma: no cover - registry not installed
                log.warning("actor registry unavailable; keeping actor names as written")
                self._actors = KeywordActors()
        if self._dates is None:
            import warwire.resolve.dates as dates_module

            self._dates = dates_module
        assert self._dates is not None
        return self._actors, self._dates

    def __call__(self, batch: Sequence[Analysis]) -> list[Analysis]:
        actors, dates = self._defaults()
        return [analyse_document(a, actors, dates) for a in batch]
