"""Anchoring: a mention is an event only when it reports one specific occurrence.

Trigger words appear in sentences that report no incident at all: habits and
patterns ("the group frequently attacks convoys"), states that last ("has been
fighting for the city since February"), generic present-tense statements
("militants attack villages in the region"), and background history dated
well before the report. ACLED codes incidents, so these stay out of the event
list. Headlines are exempt from the tense test: they report past incidents in
the present ("Gunmen kill three").

The cue words live in ``data/anchoring.yaml``; this module only reads them.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import Any

from warwire.extract.clause_cues import (
    accused,
    described,
    fled,
    old_year,
    patterned,
    planned,
    trend,
    victims_described,
)
from warwire.extract.clause_cues import clause as _clause
from warwire.extract.frames import framed
from warwire.extract.merging import Draft, family
from warwire.extract.records import Context, Reading
from warwire.extract.syntax import Tree
from warwire.knowledge import data_mapping, phrase_pattern
from warwire.types import Sentence, Span, When

__all__ = [
    "Cues",
    "background",
    "cues",
    "echoes_dropped",
    "families",
    "history",
    "reported",
    "set_in_past",
    "stale",
    "unanchored",
]

_PRESENT_SIMPLE = frozenset({"VBZ", "VBP"})


@dataclass(frozen=True, slots=True)
class Cues:
    habitual: re.Pattern[str]
    remembered: re.Pattern[str]
    retold: re.Pattern[str]
    ongoing_since: re.Pattern[str]
    history_window_days: int
    explosion_subtypes: frozenset[str]
    attack: re.Pattern[str]
    accident: re.Pattern[str]
    figurative: tuple[re.Pattern[str], ...]
    fiction: tuple[bool, ...]
    figurative_min: int
    harm: re.Pattern[str]
    disaster: re.Pattern[str]
    crime: re.Pattern[str]
    opening: re.Pattern[str]
    remembered_since: re.Pattern[str]
    sequel: re.Pattern[str]
    trend: re.Pattern[str]
    pattern_modifiers: frozenset[str]
    continuing_modifiers: frozenset[str]
    retold_speakers: re.Pattern[str]
    accusation_heads: frozenset[str]
    not_violence: re.Pattern[str]
    that_time: re.Pattern[str]
    flight_verbs: frozenset[str]
    dispersed: re.Pattern[str]
    plan_heads: frozenset[str]
    plan_modals: frozenset[str]
    concessive: frozenset[str]
    victim_participles: frozenset[str]


@cache
def cues() -> Cues:
    """The packaged cue lists, parsed once per process."""
    data = data_mapping("anchoring.yaml")
    return Cues(
        phrase_pattern(list(data.get("habitual") or [])),
        phrase_pattern(list(data.get("remembered") or [])),
        phrase_pattern(list(data.get("retold") or [])),
        phrase_pattern(list(data.get("ongoing_since") or [])),
        int(data.get("history_window_days", 45)),
        frozenset(data.get("explosion_subtypes") or ()),
        phrase_pattern(list(data.get("attack_cues") or [])),
        phrase_pattern(list(data.get("accident_cues") or [])),
        tuple(phrase_pattern(list(words)) for words in (data.get("figurative") or {}).values()),
        tuple(field in set(data.get("fiction") or ()) for field in data.get("figurative") or {}),
        int(data.get("figurative_min", 3)),
        phrase_pattern(list(data.get("harm_cues") or [])),
        phrase_pattern(list(data.get("disaster_cues") or [])),
        phrase_pattern(list(data.get("crime_cues") or [])),
        re.compile(r"^\W*" + phrase_pattern(list(data.get("opening") or [])).pattern, re.I),
        re.compile(
            phrase_pattern(list(data.get("remembered_since") or [])).pattern + r"\s*$", re.I
        ),
        _sequel(data),
        phrase_pattern(list(data.get("trend") or [])),
        frozenset(str(w).lower() for w in data.get("pattern_modifiers") or ()),
        frozenset(str(w).lower() for w in data.get("continuing_modifiers") or ()),
        phrase_pattern(list(data.get("retold_speakers") or [])),
        frozenset(str(w).lower() for w in data.get("accusation_heads") or ()),
        phrase_pattern(list(data.get("not_violence") or [])),
        re.compile(r"^\W*" + phrase_pattern(list(data.get("that_time") or [])).pattern, re.I),
        frozenset(str(w).lower() for w in data.get("flight_verbs") or ()),
        _dispersed(data),
        frozenset(str(w).lower() for w in data.get("plan_heads") or ()),
        frozenset(str(w).lower() for w in data.get("plan_modals") or ()),
        frozenset(str(w).lower() for w in data.get("concessive") or ()),
        frozenset(str(w).lower() for w in data.get("victim_participles") or ()),
    )


def _dispersed(data: dict[str, Any]) -> re.Pattern[str]:
    """ "in a number of the province's cities", "in at least 12 towns": many places at once."""
    counts = phrase_pattern(list(data.get("dispersed_counts") or [])).pattern
    places = phrase_pattern(list(data.get("dispersed_places") or [])).pattern
    return re.compile(
        rf"\b(?:in|across|throughout)\s+(?:at\s+least\s+|more\s+than\s+|over\s+)?"
        rf"(?:{counts}|\d+)\s+(?:[\w'’-]+\s+){{0,2}}?{places}",
        re.I,
    )


def _sequel(data: dict[str, Any]) -> re.Pattern[str]:
    """ "It came (two days) after ...", "This follows ..." opening a sentence."""

    def words(key: str) -> str:
        return phrase_pattern(list(data.get(key) or [])).pattern

    after = rf"{words('sequel_after')}(?:\s+[\w-]+){{0,3}}?\s+after\b"
    return re.compile(
        rf"^\W*{words('sequel_subjects')}\s+(?:also\s+)?(?:{after}|{words('sequel_verbs')})",
        re.I,
    )


def _perfect(tree: Tree, pos: int) -> bool:
    """ "has been fighting", "have been trying to capture": the trigger's verb, or the
    verb it completes, under has/have."""
    toks = tree.tokens
    at: int | None = pos
    while at is not None:
        aux = [toks[c].lemma.lower() for c in tree.kids(at, "aux")]
        if "have" in aux:
            return True
        if toks[at].pos in {"VERB", "AUX"} and toks[at].dep not in {"xcomp", "conj"}:
            return False
        at = tree.head(at)
    return False


def _tensed(tree: Tree, verb: int) -> int:
    """The verb that carries the tense of a list of verbs ("attack ..., kidnap ... and
    plant ...": the first)."""
    while tree.tokens[verb].dep == "conj" and (head := tree.head(verb)) is not None:
        verb = _clause(tree, head)
    return verb


_SHARING = frozenset({"conj", "advcl", "xcomp"})


def _shared(tree: Tree, verb: int) -> set[int]:
    """The verb and the verbs whose subject, tense and adverbs it shares: up a list
    ("beaten, starved and tortured") or a clause with no subject or conjunction of
    its own."""
    out = {verb}
    while tree.tokens[verb].dep in _SHARING and (head := tree.head(verb)) is not None:
        if tree.kids(verb, "nsubj", "nsubjpass", "mark"):
            break
        verb = _clause(tree, head)
        out.add(verb)
    return out


def _in_clause(tree: Tree, pattern: re.Pattern[str], text: str, base: int, trigger: int) -> bool:
    """Does a cue phrase sit in the trigger's own clause (not in a side clause)?"""
    home = _shared(tree, _clause(tree, trigger))  # "are routinely beaten and tortured"
    for match in pattern.finditer(text):
        start = base + match.start()
        at = next((i for i, t in enumerate(tree.tokens) if t.start <= start < t.end), None)
        if at is not None and _clause(tree, at) in home:
            return True
    return False


def _in_description(tree: Tree, trigger: int, text: str, base: int, found: Cues) -> bool:
    """ "a zone where the army and rebels clash from time to time, though the government has
    declared a truce": a side clause of a relative clause describing what a place or a party
    is like (simple present, or a cue of habit), or a concession in the present perfect."""
    toks = tree.tokens
    at = _clause(tree, trigger)
    marks = {toks[k].text.lower() for k in tree.kids(_tensed(tree, at), "mark")}
    if marks & found.concessive and _perfect(tree, trigger):
        return True  # "even though the government has declared a truce": what stands
    while toks[at].dep == "advcl" and (head := tree.head(at)) is not None:
        at = _clause(tree, head)
        if toks[at].dep == "relcl":
            return toks[at].tag in _PRESENT_SIMPLE or _in_clause(
                tree, found.habitual, text, base, at
            )
    return False


def _recalled(tree: Tree, trigger: int, text: str, base: int, since: re.Pattern[str]) -> bool:
    """Is the trigger's clause one opened by "after"/"since" that a span of years
    measures from ("a decade after fighters stormed the school")?"""
    toks = tree.tokens
    clause = _tensed(tree, _clause(tree, trigger))
    for mark in tree.kids(clause, "mark"):
        if toks[mark].text.lower() in {"after", "since"}:
            return bool(since.search(text[: toks[mark].start - base]))
    return False


def unanchored(
    tree: Tree,
    trigger: int,
    text: str,
    stated: When | None,
    headline: bool,
    reference: date | None = None,
    sub: str = "",
    asserted: bool = True,
) -> str | None:
    """Why the trigger's sentence reports no specific occurrence, or None when it does.

    ``text`` is the sentence's text; its first character is the first token's start;
    ``reference`` is the report's date, against which a year the clause names is old;
    ``sub`` the sub-event type it reads as; a plan not ``asserted`` stays a threat's claim."""
    found = cues()
    base = tree.tokens[0].start if tree.tokens else 0
    at = tree.tokens[trigger].start - base
    if any(m.start() <= at < m.end() for m in found.not_violence.finditer(text)):
        return "figurative"  # "a heart attack", "a dawn raid on a rival's shares"
    frame = framed(tree, trigger, sub, text, lambda p: _in_clause(tree, p, text, base, trigger))
    if frame is not None:
        return "test" if frame.tests else "framed"
    if old_year(tree, trigger, reference, found.history_window_days):
        return "remembered"
    if accused(tree, trigger, found.accusation_heads):
        return "alleged"
    if asserted and planned(tree, trigger, found.plan_heads, found.plan_modals):
        return "planned"
    if fled(tree, trigger, found.flight_verbs):
        return "background"
    if not headline and victims_described(tree, trigger, found.victim_participles):
        return "background"
    if _in_clause(tree, found.habitual, text, base, trigger):
        return "habitual"
    if _in_description(tree, trigger, text, base, found):
        return "habitual"
    if _in_clause(tree, found.dispersed, text, base, trigger):
        return "dispersed"  # "in a number of cities": a sum of incidents, none of them
    if _in_clause(tree, found.remembered, text, base, trigger) or found.opening.match(text):
        return "remembered"
    if _recalled(tree, trigger, text, base, found.remembered_since):
        return "remembered"
    if found.retold.search(text):
        return "retold"
    if stated is None and found.retold_speakers.search(text):
        return "retold"  # "prosecutors said the soldiers shot the men": a retelling
    if trend(tree, trigger, text, base, found.trend):
        return "trend"
    if patterned(tree, trigger, found.pattern_modifiers, found.continuing_modifiers):
        return "habitual"
    if found.sequel.match(text) and (stated is None or stated.time_precision != 1):
        return "sequel"
    if _perfect(tree, trigger) and _in_clause(tree, found.ongoing_since, text, base, trigger):
        return "ongoing"
    if stated is None and described(tree, trigger):
        return "background"
    # "militants attack posts", "they plant bombs on the roads": a trigger verb, or the
    # verb whose clause a trigger noun sits in, in the simple present tells a pattern
    token = tree.tokens[_tensed(tree, _clause(tree, trigger))]
    if not headline and stated is None and token.tag in _PRESENT_SIMPLE and token.pos == "VERB":
        return "generic"
    return None


def stale(when: When | None, reference: date | None) -> bool:
    """Does ``when`` end more than the history window before the report?"""
    if when is None or when.end is None or reference is None:
        return False
    return (reference - when.end).days > cues().history_window_days


def _stale(draft: Draft, reference: date, window: int) -> bool:
    own = [r.when for r in draft.readings if r.dated and r.when.end is not None]
    return bool(own) and all((reference - w.end).days > window for w in own if w.end)


def background(drafts: list[Draft], reference: date | None) -> list[Draft]:
    """Drop incidents dated well before the report when it reports something newer:
    a report on today's attack that recalls last year's is not a report of both."""
    if reference is None:
        return drafts
    window = cues().history_window_days
    fresh = [d for d in drafts if not _stale(d, reference, window)]
    return fresh or drafts


def reported(
    drafts: list[Draft], text: str, headlines: Collection[Span], one_line: bool = False
) -> list[Draft]:
    """Keep the incidents at least one of whose mentions the learned mention model
    reads as a report of a specific occurrence (:mod:`warwire.extract.mentions`);
    ``one_line``: the document is one headline, read as one (short, undated, in
    the present: see :func:`warwire.extract.mentions.p_event`)."""
    from warwire.extract import mentions

    cut = mentions.threshold()

    def score(s: Span) -> float:
        if one_line:
            return mentions.p_event(s.text_in(text), one_line=True)
        return mentions.p_event(s.text_in(text), headline=s in headlines)

    def best(draft: Draft) -> float:
        return max(score(s) for s in {r.sentence for r in draft.readings})  # once per sentence

    return [d for d in drafts if best(d) >= cut]


def families(readings: list[Reading], body: bool) -> set[str]:
    """The kinds of incident (see :func:`~warwire.extract.merging.family`) that body
    ``readings`` tell; none for a headline's."""
    return {family(r.decision.sub_event_type) for r in readings} if body else set()


def echoes_dropped(
    drafts: list[Draft], headlines: frozenset[Span], dismissed: set[str]
) -> list[Draft]:
    """A headline tells in brief what its body tells: when the body tells an incident of
    the headline's kind only as background, habit, a retelling or a plan ("Inquiry
    faults police over 2019 protests"), the headline's mention is no news either."""

    def echo(draft: Draft) -> bool:
        kind = family(draft.sub)
        if not all(r.sentence in headlines for r in draft.readings) or kind not in dismissed:
            return False
        return not any(
            family(d.sub) == kind and not all(r.sentence in headlines for r in d.readings)
            for d in drafts
        )

    return [d for d in drafts if not echo(d)]


_YEAR_IN = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


def history(ctx: Context, sentence: Sentence, stated: When | None) -> bool:
    """Dated two years or more before the article (background, anniversaries, verdicts)
    or after it (plans)."""
    if ctx.reference is None:
        return False
    if stated is not None and stated.start is not None and stated.start > ctx.reference:
        return True  # "a march next Saturday": planned, not yet happened
    if stated is not None and stated.end is not None:
        return (ctx.reference - stated.end).days > 730
    years = [int(y) for y in _YEAR_IN.findall(sentence.span.text_in(ctx.text))]
    return bool(years) and max(years) <= ctx.reference.year - 2


_SET_IN = re.compile(
    r"^\W*(?:back |as early as |as far back as )?(?:in|during|by) (?:the )?(?:early |mid-?|late )?"
    r"(?:(?:spring|summer|autumn|fall|winter|january|february|march|april|may|june|july|august|"
    r"september|october|november|december) (?:of )?)?(1[89]\d\d|20\d\d)s?\b",
    re.I,
)


def set_in_past(ctx: Context, plain: str) -> bool:
    """A sentence that opens on a year two or more years before the report ("In 1994,
    ...", "Back in the summer of 2011 ...") sets the story of its paragraph in that past."""
    opening = _SET_IN.match(plain)
    return (
        opening is not None
        and ctx.reference is not None
        and int(opening.group(1)) <= ctx.reference.year - 2
    )
