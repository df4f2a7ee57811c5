"""An event's fatalities from the death counts of the sentences merged into it.

ACLED codes the most conservative reported figure: rival claimants and
restatements take the lowest, a stated figure outranks "dozens", one report's
separate victim groups add up, a revised toll for the same event supersedes,
multi-day counts are not an event's, and weapons-only or political events have
none. An event note (ACLED's own register) closes with the coded count
itself, which then stands for its event.
"""

from __future__ import annotations

import re
from functools import cache
from itertools import pairwise

from warwire.extract.aggregates import AggregateKind
from warwire.extract.merging import Draft
from warwire.extract.numbers import fatalities, is_generic_victim
from warwire.extract.quantities import lexicon, parse_number
from warwire.extract.records import Reading, Where
from warwire.taxonomy import EVENT_TYPE_OF
from warwire.types import Span

LETHAL_TYPES = frozenset(
    {
        "Battles",
        "Explosions/Remote violence",
        "Violence against civilians",
        "Riots",
    }
)


def deaths_of(
    r: Reading, first_place: bool, where: Where | None = None, text: str | None = None
) -> int | None:
    """A reading's deaths for its event: only the first of several places carries them,
    unless the sentence gives each place its own toll ("17 killed: three in A on 26
    July, two in B on 30 July"), when each place takes its own."""
    if r.deaths is None:
        return None
    if r.deaths.mixed or (r.aggregate and r.aggregate.kind is AggregateKind.MULTI_DAY):
        return 0 if first_place else None
    own = _place_toll(r, where, text)
    if own is not None:
        return own
    return r.deaths.value if first_place else None


# a list's items ("four in A, two in B"), or the clauses a breakdown tells its parts in
# ("13 deaths, when 10 died in A, while a raid on B killed 3")
_ITEM_BREAKS = (re.compile(r"[,;:]"), re.compile(r"[;:]|\b(?:when|while|whereas)\b"))


def _place_toll(r: Reading, where: Where | None, text: str | None) -> int | None:
    """The figure told in the same item of a list as the event's place, when the
    sentence's items break its toll down ("nine killed: four in A, two in B and three
    in C"; "four in A, five in B")."""
    if text is None or where is None or where.span is None or r.deaths is None:
        return None
    if not r.sentence.start <= where.span.start < r.sentence.end:
        return None
    places = [w.span.start for w in r.wheres if w.span is not None] or [where.span.start]
    for breaks in _ITEM_BREAKS:
        own = _item_toll(r.sentence, r.deaths.value, where.span.start, text, breaks, places)
        if own is not None:
            return own
    return None


def _item_toll(
    sentence: Span, toll: int, at: int, text: str, breaks: re.Pattern[str], places: list[int]
) -> int | None:
    """The figure of the item holding offset ``at`` when the items add up to ``toll``,
    unless they count different dead (soldiers, assailants) and do not tell two places
    (offsets ``places``): then they are one event's sides."""
    cuts = [sentence.start]
    cuts += [sentence.start + m.end() for m in breaks.finditer(sentence.text_in(text))]
    cuts.append(sentence.end)
    items = [(lo, hi, fatalities(text[lo:hi])) for lo, hi in pairwise(cuts)]
    told = [(lo, hi, f) for lo, hi, f in items if f is not None and f.stated and f.figure]
    parts = [f.value for _, _, f in told]
    if len(parts) < 2 or sum(parts) not in {toll, 2 * toll}:
        return None
    placed = [lo for lo, hi, _ in told if any(lo <= at_ < hi for at_ in places)]
    groups = {f.victims[-1].split()[-1] if f.victims and f.victims[-1] else "" for *_, f in told}
    if len(placed) < 2 and len(groups) == len(told) and "" not in groups:
        return None  # "killed 15 soldiers in X, adding that 30 assailants died": two sides
    own = next((f for lo, hi, f in items if lo <= at < hi), None)
    if own is None or not own.stated or own.figure is None or not 0 < own.value < toll:
        return None
    return own.value


def fatalities_of(draft: Draft, text: str | None = None) -> tuple[int, Span | None]:
    """ACLED's conservative figure for a merged event.

    One claimant's figures for distinct victim groups add up ("17 LNA fighters
    were killed ... GNA forces lost four men"); restatements and rival
    claimants' figures for the same deaths take the lowest; a revised toll ("the
    death toll rose to 21") supersedes the earlier counts.
    """
    if EVENT_TYPE_OF[draft.sub] not in LETHAL_TYPES and draft.sub not in {
        "Excessive force against protesters"
    }:
        return 0, None
    stated: list[tuple[int, Span | None, Reading]] = []
    rule: list[tuple[int, Span | None]] = []
    for r in draft.readings:
        value = deaths_of(r, draft.first_place, draft.where, text)
        if value is None or r.deaths is None:
            continue
        fig = r.deaths.figure
        span = (
            Span(r.sentence.doc_id, r.sentence.start + fig.start, r.sentence.start + fig.end)
            if fig
            else None
        )
        if r.deaths.stated:
            if value > 0:
                stated.append((value, span, r))
        elif value > 0:
            rule.append((value, span))
    # "dozens were killed" (12) yields to "at least 40 were killed" in another sentence
    precise = [item for item in stated if item[2].deaths and not item[2].deaths.rough]
    stated = precise or stated
    # "Four soldiers were wounded" (0) does not undo "seven soldiers were killed"
    if not stated:
        return min(rule, key=lambda p: p[0]) if rule else (0, None)
    revised = [(v, s) for v, s, r in stated if r.deaths and r.deaths.revised]
    if revised:
        return max(revised, key=lambda p: p[0])
    totals = [_claimant_total(group) for group in _by_claimant(stated).values()]
    return min(totals, key=lambda p: p[0])


def _by_claimant(
    stated: list[tuple[int, Span | None, Reading]],
) -> dict[str, list[tuple[int, Span | None, Reading]]]:
    out: dict[str, list[tuple[int, Span | None, Reading]]] = {}
    for item in stated:
        out.setdefault(item[2].claimant, []).append(item)
    return out


def _claimant_total(items: list[tuple[int, Span | None, Reading]]) -> tuple[int, Span | None]:
    """One report's deaths: separate named victim groups add, restatements don't."""
    value, span, first = items[0]
    counted = set(first.deaths.victims if first.deaths else ())
    for other_value, _, r in items[1:]:
        victims = set(r.deaths.victims if r.deaths else ())
        specific = victims and not any(is_generic_victim(v) for v in victims | counted)
        if specific and r.sentence != first.sentence and not victims & counted:
            value += other_value
            counted |= victims
        elif not specific or victims & counted:
            value = min(value, other_value) if r.sentence != first.sentence else value
    return value, span


# the note's last sentence: after the last full stop that ends a sentence, before any
# trailing "[size=...]" tags
_LAST_SENTENCE = re.compile(r"(?:^|(?<=[.!?])\s+)([^.!?\n]+?)\s*[.!?]?\s*(?:\[[^\]]*\]\s*)*$")
_MOST_PARAGRAPHS = 2  # a title line and the note itself
# a sentence that opens with a count of fatalities ("3 fatalities.", "No fatalities.")
_CLOSINGS = re.compile(r"(?:^|[.!?\]]\s+)(?:[\w,-]+\s+){0,2}fatalit(?:y|ies)\b", re.I)


@cache
def _closing_noun() -> re.Pattern[str]:
    nouns = "|".join(re.escape(n) for n in lexicon()["note_closing"]["nouns"])
    return re.compile(rf"\b(?:{nouns})\b", re.I)


def note_toll(text: str, doc_id: str) -> tuple[int, Span] | None:
    """The closing count of an event note ("... . 12 fatalities."), with its span.

    Only a short text (a note, perhaps under a title line) is a note: an article's
    last line is never its event's coded count, and its running totals stay claims.
    """
    closing = lexicon()["note_closing"]
    plain = text.strip()
    paragraphs = [p for p in re.split(r"\n\s*\n", plain) if p.strip()]
    if len(paragraphs) > _MOST_PARAGRAPHS or len(plain.split()) > closing["longest_note_words"]:
        return None
    last = _LAST_SENTENCE.search(plain)
    if last is None or last.start(1) == 0:
        return None  # the whole text is one sentence: no closing line
    if len(_CLOSINGS.findall(plain)) > 1:
        return None  # several notes in one text: no single event to give the count to
    line = last.group(1)
    offset = text.find(plain) + last.start(1)
    said = " ".join(line.lower().replace(",", " ").split())
    if any(said.startswith(phrase) for phrase in closing["none"]):
        return 0, Span(doc_id, offset, offset + len(line))
    noun = _closing_noun().search(line)
    if noun is None:
        return None
    figure = line[: noun.start()].strip().lower()
    for qualifier in sorted(lexicon()["qualifiers"], key=len, reverse=True):
        if figure.startswith(qualifier + " "):  # "at least 5 fatalities": ACLED keeps the 5
            figure = figure[len(qualifier) :].strip()
            break
    value = parse_number(figure) if figure else None
    if value is None:
        return None
    return value, Span(doc_id, offset, offset + noun.end())
