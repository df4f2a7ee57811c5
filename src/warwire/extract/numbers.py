"""A sentence's own death toll, by ACLED's rules.

Every figure in a sentence is tied to what it counts: the dead ("six soldiers
were killed", "killing six", "left six dead"), the injured, the arrested or
nothing. Only the dead count; separate groups add up ("a child, three women
and a man" is 5), parts of a count do not ("six, including two children", "two
of the five"). A figure that totals several events ("bringing the toll to 45",
"since October", "the war has killed thousands", anything in the thousands
without a single attack named) is kept apart in ``totals``: it is never the
event's fatalities; so is a figure beyond plausibility (``largest_toll``),
which becomes a claim flagged ``implausible``. Deaths reported without a
number are coded 10 for a large attack and 3 for a limited one; a single
victim written without a number ("was shot dead", "killed him") is 1;
injuries only are 0.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from warwire.extract.figure_roles import BE, Fig, left_role, right_role
from warwire.extract.quantities import (
    Figure,
    Word,
    cues,
    figure_at,
    find_figures,
    lexicon,
    match_at,
    match_before,
    occurs,
    parse_number,
    words,
)
from warwire.extract.totals import SEGMENT_BREAKS, Total, total_of
from warwire.extract.victims import convention, said, singles, without_grievance

__all__ = ["Fatalities", "Figure", "Total", "fatalities", "find_figures", "parse_number"]

_BREAKDOWN = frozenset({":", "(", "-", "–", "—", ";"})


@dataclass(frozen=True, slots=True)
class Fatalities:
    """A death count read from one sentence; ``figure`` is None for rule-coded counts."""

    value: int
    figure: Figure | None
    stated: bool  # False when the number comes from the no-number convention
    mixed: bool = False  # "killed or injured": not a death toll
    victims: tuple[str, ...] = ()  # who died, per summed figure ("lna fighters", "men")
    revised: bool = False  # "the toll rose to N": supersedes earlier figures for the event
    totals: tuple[Total, ...] = ()  # figures over several events: never this event's
    rough: bool = False  # only "dozens", or a part of the dead: yields to any precise figure


def is_generic_victim(victim: str) -> bool:
    """ "people", "others" or nothing: could be anyone, so never a separate group."""
    return victim.split()[-1] in cues()["generic_victims"] if victim else True


def _article_one(ws: list[Word], fig: Figure) -> bool:
    """The figure is "a" or "an": one victim named in passing, not a count."""
    return fig.value == 1 and fig.last - fig.first == 1 and ws[fig.first].text in {"a", "an"}


def fatalities(text: str) -> Fatalities | None:
    """The conservative death count a sentence reports, or None if it reports none."""
    return _read(text)


@lru_cache(maxsize=4096)
def _read(text: str) -> Fatalities | None:
    lx = cues()
    ws = _without_causes(without_grievance(words(text)))
    figs = _figures(ws)
    for k in range(len(figs)):
        left_role(ws, figs, k)
    for k in range(len(figs) - 1, -1, -1):
        if figs[k].role is None:
            right_role(ws, figs, k)
        if figs[k].role is None:
            figs[k].role = figs[k].inherit
    deaths = [f for f in figs if f.role == "death" and not f.part]
    deaths += [f for f in figs if f.role == "death" and f.part and not _has_whole(figs, f)]
    deaths.sort(key=lambda f: f.fig.start)
    numbered = [f for f in deaths if not f.fig.vague and f.fig.value <= lx["largest_toll"]]
    totals = tuple(t for f in numbered if (t := total_of(ws, f.fig)) is not None)
    totals += tuple(_implausible(f.fig) for f in deaths if f.fig.value > lx["largest_toll"])
    own = [f for f in numbered if all(t.figure is not f.fig for t in totals)]
    revised = _revised(ws)
    self_death = 1 if occurs(ws, lx["self_death"]) else 0
    precise = [f for f in own if not _rough(ws, f.fig)]
    own = precise or own  # "dozens were killed; the rebels said 47 died": the figure
    if own:
        groups = _groups(ws, own)
        total = sum(f.fig.value for f in groups)
        victims = tuple(_victim(ws, f.fig.last) for f in groups)
        # "dozens", a part of the dead ("a child is among the dead") or one victim told
        # with an article ("a man was found dead"): a lower bound that yields to any
        # whole, precise figure told of the incident
        rough = not precise or all(f.part or _article_one(ws, f.fig) for f in groups)
        return Fatalities(total, groups[0].fig, True, False, victims, revised, totals, rough)
    if totals:
        return Fatalities(0, None, True, totals=totals)
    if deaths:  # "killing several people": deaths without a number
        return Fatalities(convention(ws), deaths[0].fig, stated=False)
    if said(ws, lx["none"]):
        return Fatalities(0, None, stated=True)
    if single := singles(ws):
        return Fatalities(single, None, stated=True)
    if self_death:
        return Fatalities(1, None, stated=True)
    mixed = [f for f in figs if f.role == "mixed"]
    if mixed or (said(ws, lx["mixed"]) and not _death_outside_mixed(ws)):
        return Fatalities(0, mixed[0].fig if mixed else None, stated=True, mixed=True)
    if said(ws, lx["any"]):
        return Fatalities(convention(ws), None, stated=False)
    if said(ws, lx["injuries"]):
        return Fatalities(0, None, stated=True)
    return None


def _without_causes(ws: list[Word]) -> list[Word]:
    """Drop an "after ..." clause up to its comma: what led to the event, not its dead
    ("after fighting in which 12 were killed" tells the event's own toll)."""
    out, inside = [], False
    for i, w in enumerate(ws):
        if w.text in SEGMENT_BREAKS or w.text in {"which", "that", "whom"}:
            inside = False
        elif match_at(ws, i, cues()["background_marks"]) and (i == 0 or ws[i - 1].text != "the"):
            inside = i + 1 >= len(ws) or ws[i + 1].text != "which"
        if not inside:
            out.append(w)
    return out


def _implausible(fig: Figure) -> Total:
    """A death figure past ``largest_toll`` (data): a claim flagged ``implausible``
    beside the sentence's event, never its fatalities, nor replaced by a guess."""
    return Total(replace(fig, qualifier="implausible"), "implausible", True)


def _revised(ws: list[Word]) -> bool:
    """ "the toll rose to 21": a revised figure that supersedes earlier ones."""
    tolls = [i for i, w in enumerate(ws) if w.text == "toll"]
    return any(match_at(ws, j, cues()["revised"]) for t in tolls for j in range(t, t + 12))


def _death_outside_mixed(ws: list[Word]) -> bool:
    lx, i = cues(), 0
    while i < len(ws):
        if n := match_at(ws, i, lx["mixed"]):
            i += n
        elif match_at(ws, i, lx["any"]):
            return True
        else:
            i += 1
    return False


def _figures(ws: list[Word]) -> list[Fig]:
    lx, i = cues(), 0
    out: list[Fig] = []
    while i < len(ws):
        fig = figure_at(ws, i) or _overlong(ws, i)
        source = fig is not None and match_before(ws, fig.first, lx["source_openers"])
        if fig is None or source or _is_date(ws, fig, lx) or _restated(ws, fig, out):
            i += 1
            continue
        out.append(Fig(fig))
        i = max(fig.last, i + 1)
    return out


_DIGIT_RUN = re.compile(r"\d{1,3}(?:,\d{3})+|\d+")
_STORABLE = 10**18  # below 2**63: any figure kept fits the store


def _overlong(ws: list[Word], i: int) -> Figure | None:
    """A digit string too long to be a quantity ("killed 1000...0 people"): kept at
    its lower bound 10**(digits-1), at most ``_STORABLE``, so it is flagged, not lost."""
    text = ws[i].text
    if not _DIGIT_RUN.fullmatch(text) or parse_number(text) is not None:
        return None
    digits = len(text) - text.count(",")
    return Figure(min(10 ** (digits - 1), _STORABLE), None, ws[i].start, ws[i].end, i, i + 1)


_ROUGH = frozenset(lexicon()["numbers"]["vague"])


def _rough(ws: list[Word], fig: Figure) -> bool:
    """ "dozens", "hundreds": ACLED's stand-ins, worth less than any stated figure."""
    return any(w.start == fig.start and w.text in _ROUGH for w in ws[fig.first : fig.last])


def _restated(ws: list[Word], fig: Figure, before: list[Fig]) -> bool:
    """ "three (3) terrorists", "a man aged 35": no new count."""
    prev = ws[fig.first - 1].text if fig.first > 0 else ""
    return prev in {"aged", "age", "no"} or (
        prev == "(" and bool(before) and before[-1].fig.value == fig.value
    )


def _is_date(ws: list[Word], fig: Figure, lx: dict[str, Any]) -> bool:
    """ "on 20 June", "June 20", "between 5 and 6 June": a day of the month; "24 hours",
    "three days": a span of time."""
    before = ws[fig.first - 1].text if fig.first > 0 else ""
    after = ws[fig.last].text if fig.last < len(ws) else ""
    modal = after == "may" and fig.last + 1 < len(ws) and ws[fig.last + 1].text in BE | {"not"}
    digits = ws[fig.first].text[:1].isdigit() or ws[fig.last - 1].text[:1].isdigit()
    if after in lx["durations"]:
        return True  # "the past 24 hours", "two days": a span of time, not people
    return digits and ((after in lx["months"] and not modal) or before in lx["months"])


def _has_whole(figs: list[Fig], f: Fig) -> bool:
    """A part ("including two children") is dropped when the count it belongs to is dead."""
    before = [g for g in figs if g.fig.start < f.fig.start and not g.part]
    return any(g.role == "death" for g in before)


def _groups(ws: list[Word], own: list[Fig]) -> list[Fig]:
    """Separate victim groups add up; a restated count ("the three") and a total
    followed by its breakdown ("17 ...: three in A, two in B ...") do not."""
    out: list[Fig] = []
    for f in own:
        first = f.fig.first
        anaphor = first > 0 and ws[first - 1].text in {"the", "all", "those", "these"}
        if anaphor and any(o.fig.value == f.fig.value for o in out):
            continue
        out.append(f)
    if len(out) > 2 and out[0].fig.value == sum(f.fig.value for f in out[1:]):
        gap = ws[out[0].fig.last : out[1].fig.first]
        if any(w.text in _BREAKDOWN for w in gap):  # "17 ...: three in A, two in B"
            return out[:1]
    return out


def _victim(ws: list[Word], j: int) -> str:
    """The words naming who died right after a figure ("17 lna fighters were ...")."""
    found: list[str] = []
    for w in ws[j : j + 4]:
        if w.text in cues()["victim_stops"] or not w.text[0].isalpha() or len(found) == 3:
            break
        found.append(w.text)
    return " ".join(found)
