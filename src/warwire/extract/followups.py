"""Follow-up sentences of a story: "Smaller rallies were also held in A and B."

ACLED codes one event per location per day. A report that dates its first event
often goes on to tell the same kind of event at other places in sentences that
name no day of their own ("Demonstrations spread to A", "Similar protests took
place in B"). The learned mention gate reads one sentence at a time, so it reads
these as undated and drops them, though they inherited the story's day. A draft
the gate dropped comes back when it continues the story:

- a kept draft of the same kind of incident (see
  :func:`~warwire.extract.merging.family`) whose own sentence states that day;
- every one of its mentions comes after that draft's, in the body, undated;
- it is at a place of its own, named in its sentence, that no kept draft of
  that kind and day has;
- its sentence is not told in the present, the perfect or the future only
  (a road "has been closed because of the protests" is no new protest).

The anchoring rules have already dropped habits, plans and retold history.
"""

from __future__ import annotations

from collections.abc import Collection

from warwire.extract import mentions
from warwire.extract.merging import Draft, family
from warwire.types import Span

# the mention model's features of a sentence told in no past tense
_NOT_TOLD = frozenset({"pres_only", "perf_only&nodate", "fut&nodate", "hab&nodate", "quote"})


def _dated_first(draft: Draft) -> int | None:
    """Where the draft's first dated mention starts, when the text states its day."""
    starts = [r.sentence.start for r in draft.readings if r.dated and r.when.time_precision == 1]
    return min(starts) if starts else None


def _same_day(a: Draft, b: Draft) -> bool:
    return a.when.start is not None and (a.when.start, a.when.end) == (b.when.start, b.when.end)


def _told_past(text: str) -> bool:
    model = mentions.default_model()
    return not (model.featurize(text) & _NOT_TOLD)


def followups(
    drafts: list[Draft], kept: list[Draft], text: str, headlines: Collection[Span]
) -> list[Draft]:
    """``kept`` (the drafts the mention gate kept) with the follow-ups it had dropped
    put back, in the drafts' order."""
    anchors = [(d, at) for d in kept if (at := _dated_first(d)) is not None]
    if not anchors:
        return kept
    ids = {id(d) for d in kept}

    def continues(draft: Draft) -> bool:
        where = draft.where
        if where is None or where.span is None:
            return False
        if any(r.dated or r.sentence in headlines for r in draft.readings):
            return False
        first = min(r.sentence.start for r in draft.readings)
        kind = family(draft.sub)
        story = [
            d for d, at in anchors if family(d.sub) == kind and _same_day(d, draft) and at < first
        ]
        if not story:
            return False
        places = {
            d.where.name.casefold()
            for d in kept
            if d.where is not None and family(d.sub) == kind and _same_day(d, draft)
        }
        if where.name.casefold() in places:
            return False
        return all(_told_past(r.sentence.text_in(text)) for r in draft.readings)

    return [d for d in drafts if id(d) in ids or continues(d)]
