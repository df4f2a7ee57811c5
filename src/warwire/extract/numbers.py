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
from functools import cache, lru_cache
from typing import Any

from warwire.extract.quantities import (
    QUOTES,
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
from warwire.extract.totals import SEGMENT_BREAKS, Total, toll_before, total_of
from warwire.extract.victims import convention, said, singles, without_grievance

__all__ = ["Fatalities", "Figure", "Total", "fatalities", "find_figures", "parse_number"]

# "six fighters from both sides", "two of the five": a figure inside the noun phrase
_INSIDE: tuple[tuple[str, ...], ...] = (
    ("of", "the"),
    ("of", "those"),
    *((p,) for p in ("of", "from", "on", "in", "at", "among", "between", "with", "by")),
)
_WINDOW = 10  # words between a figure and the verb that says what it counts
_DETERMINERS = frozenset({"the", "all", "those", "these", "its", "their", "his", "her"})
_PASSIVE = frozenset({"were", "was", "been", "be", "are", "is", "being"})
_BE = _PASSIVE | {"have", "has", "had"}
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


@dataclass(slots=True)
class _Fig:
    fig: Figure
    role: str | None = None  # death | injury | mixed | other | past
    obj: bool = False  # counted as the object of a verb before it ("killing five")
    part: bool = False  # a part of another count ("including two", "two of the five")
    inherit: str | None = None  # a list item's role when nothing after it says otherwise


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
        _left_role(ws, figs, k)
    for k in range(len(figs) - 1, -1, -1):
        if figs[k].role is None:
            _right_role(ws, figs, k)
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


def _figures(ws: list[Word]) -> list[_Fig]:
    lx, i = cues(), 0
    out: list[_Fig] = []
    while i < len(ws):
        fig = figure_at(ws, i) or _overlong(ws, i)
        source = fig is not None and match_before(ws, fig.first, lx["source_openers"])
        if fig is None or source or _is_date(ws, fig, lx) or _restated(ws, fig, out):
            i += 1
            continue
        out.append(_Fig(fig))
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


def _restated(ws: list[Word], fig: Figure, before: list[_Fig]) -> bool:
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
    modal = after == "may" and fig.last + 1 < len(ws) and ws[fig.last + 1].text in _BE | {"not"}
    digits = ws[fig.first].text[:1].isdigit() or ws[fig.last - 1].text[:1].isdigit()
    if after in lx["durations"]:
        return True  # "the past 24 hours", "two days": a span of time, not people
    return digits and ((after in lx["months"] and not modal) or before in lx["months"])


def _left_role(ws: list[Word], figs: list[_Fig], k: int) -> None:
    """What the verb before a figure makes of it: "killing five", "left five dead"."""
    lx, f = cues(), figs[k]
    i = f.fig.first
    while i > 0 and ws[i - 1].text in QUOTES:
        i -= 1  # troops "neutralised" a dozen
    if i > 0 and ws[i - 1].text in _DETERMINERS and ws[i].text not in {"a", "an"}:
        i -= 1  # "killing all three", "killed the two"
    if n := match_before(ws, i, lx["active"]):
        f.role, f.obj = "death", True
        if match_before(ws, i - n, lx["past_cues"]):
            f.role = "past"
    elif toll_before(ws, i):
        f.role, f.obj = "death", True  # "the toll rose to 21"
    elif match_before(ws, i, lx["injuries"]):
        f.role, f.obj = "injury", True
    elif match_before(ws, i, lx["lost"]):
        if any(w.text in lx["lost_people"] for w in ws[f.fig.last : f.fig.last + 5]):
            f.role, f.obj = "death", True
    elif match_before(ws, i, lx["result_verbs"]):
        f.role = _result(ws, f.fig.last)
        f.obj = f.role is not None
    elif k > 0 and (sep := match_before(ws, i, lx["enumeration"])):
        prev = figs[k - 1]
        listed = prev.role or prev.inherit  # "a teacher, two pupils and a guard"
        if prev.obj and listed in {"death", "injury"} and i - sep - prev.fig.last <= 5:
            gap = ws[prev.fig.last : i - sep]
            if not any(w.text in SEGMENT_BREAKS - {","} for w in gap) and _item(ws, f.fig.last):
                f.inherit, f.obj, f.part = listed, True, prev.part
    # "a child among them", "two of them" — but "ten citizens, among them three women"
    # names the whole before its parts
    next3 = range(f.fig.last, _before_comma(ws, f.fig.last, f.fig.last + 3))
    if _subset_before(ws, f.fig.first) or any(match_at(ws, j, lx["parts"]) for j in next3):
        f.part = True  # "including two children", "a child among them", "two of them"


def _before_comma(ws: list[Word], start: int, end: int) -> int:
    """The end of words ``start``..``end``, cut at the first comma."""
    return next(
        (j for j in range(start, min(len(ws), end)) if ws[j].text == ","), min(len(ws), end)
    )


def _item(ws: list[Word], j: int) -> bool:
    """A list item ends without a verb of its own ("five soldiers, a local official said")
    and counts people (", a claim that ..." does not)."""
    lx = cues()
    if j < len(ws) and ws[j].text in lx["not_victims"]:
        return False
    for i in range(j, min(len(ws), j + 8)):
        if ws[i].text in {",", "and", ".", ";"}:
            return True
        if match_at(ws, i, lx["clause_breaks"]) or match_at(ws, i, lx["passive"]):
            return False
    return True


def _result(ws: list[Word], j: int) -> str | None:
    """After "left five ...": dead, hurt, or something else ("homeless")."""
    lx = cues()
    for i in range(j, min(len(ws), j + 8)):
        if match_at(ws, i, lx["mixed"]):
            return "mixed"
        if match_at(ws, i, lx["results"]):
            return "death"
        if match_at(ws, i, lx["injuries"]):
            return "injury"
        if len(ws[i].text) > 1 and match_at(ws, i, lx["enumeration"]) > 1:
            continue  # "as well as"
        if ws[i].text in {";", ":", "."} or match_at(ws, i, lx["clause_breaks"]):
            return None
    return None


def _subset_before(ws: list[Word], i: int) -> bool:
    return any(match_before(ws, i - k, cues()["subset_cues"]) for k in range(3) if i - k > 0)


@cache
def _role_starts() -> frozenset[str]:
    """The first words of every phrase ``_right_role`` looks for."""
    keys = ("mixed", "passive", "injuries", "others", "active", "enumeration", "clause_breaks")
    return frozenset(p[0] for key in keys for p in cues()[key] if p)


def _right_role(ws: list[Word], figs: list[_Fig], k: int) -> None:
    """What the words after a figure make of it: "six soldiers ... were killed"."""
    lx, f = cues(), figs[k]
    starts = {g.fig.first: g for g in figs}
    i, seen, depth = f.fig.last, 0, 0
    if [w.text for w in ws[i : i + 2]] == ["of", "the"] and match_at(ws, i + 2, lx["injuries"]):
        i += 3  # "four of the wounded later died": the wounded are who died, not the verb
    while i < len(ws) and seen <= _WINDOW:
        w = ws[i].text
        if w == "(":
            depth += 1
        elif w == ")":
            depth = max(0, depth - 1)
        if depth or w in QUOTES or w == ")":
            i += 1
            continue
        if w in _role_starts():  # most words start none of these phrases
            if match_at(ws, i, lx["mixed"]):
                f.role = "mixed"
                return
            if n := match_at(ws, i, lx["passive"]):
                f.role = None if _active(ws, i, n) else "death"
                return
            if match_at(ws, i, lx["injuries"]):
                f.role = "injury"
                return
            if match_at(ws, i, lx["others"]):
                f.role = "other"  # "42 people abducted"
                return
            if match_at(ws, i, lx["active"]):
                return
            if (n := match_at(ws, i, lx["enumeration"])) > 1 and i + n not in starts:
                return  # "and", "as well as" before no figure: another clause
            if n > 1:
                i += n
                continue
            if match_at(ws, i, lx["clause_breaks"]):
                return
        if w in {";", ":", "."}:
            return
        if w == "and" and i + 1 not in starts:
            return  # "two gunmen stormed the hotel and people were killed"
        nxt = starts.get(i)
        if nxt is not None:
            if match_before(ws, i, _INSIDE) or match_before(ws, i, lx["subset_cues"]):
                # "two of the five": the five is not more dead; "three people including a
                # policeman were killed": the policeman is one of the three
                nxt.part = True
                i = nxt.fig.last
                continue
            if match_before(ws, i, lx["enumeration"]) and nxt.role in {"death", "injury"}:
                f.role = nxt.role  # "a child, three women and a man were killed"
            return
        if w == ",":
            skip = _aside(ws, i)
            if skip is None:
                return
            i = skip
            continue
        i += 1
        seen += 1


def _aside(ws: list[Word], i: int) -> int | None:
    """Past ", including two children," or ", who were on patrol,": the index after it."""
    lx = cues()
    j = i + 1
    if j >= len(ws):
        return None
    fig = figure_at(ws, j)
    opens = match_at(ws, j, lx["subset_cues"]) or ws[j].text in {"who", "which", "all", "most"}
    if fig is not None and match_at(ws, fig.last, lx["subset_cues"]):
        opens = 1  # ", two of them children,"
    elif fig is not None:
        return j  # ", three women and a man": the list goes on
    if not opens:
        return None
    for end in range(j, min(len(ws), j + 14)):
        if ws[end].text == ",":
            return end + 1
        if ws[end].text in {";", ":", "."}:
            return None
    return None


def _active(ws: list[Word], i: int, n: int) -> bool:
    """ "two gunmen killed a policeman": the figure before a transitive verb is its agent."""
    if ws[i].text not in {"killed", "murdered", "executed", "massacred", "neutralised"} | {
        "neutralized",
        "eliminated",
        "martyred",
        "lynched",
        "beheaded",
        "shot",
        "gunned",
    }:
        return False
    if i > 0 and ws[i - 1].text in _PASSIVE:
        return False  # "has killed" is active, "were killed" is not
    j = i + n
    if j >= len(ws):
        return False
    nxt = ws[j].text
    return (
        nxt in _DETERMINERS | {"a", "an", "him", "them", "his", "one", "dozens", "scores"}
        or figure_at(ws, j) is not None
        or (ws[j].capital and nxt not in cues()["months"] | cues()["weekdays"])
    )


def _has_whole(figs: list[_Fig], f: _Fig) -> bool:
    """A part ("including two children") is dropped when the count it belongs to is dead."""
    before = [g for g in figs if g.fig.start < f.fig.start and not g.part]
    return any(g.role == "death" for g in before)


def _groups(ws: list[Word], own: list[_Fig]) -> list[_Fig]:
    """Separate victim groups add up; a restated count ("the three") and a total
    followed by its breakdown ("17 ...: three in A, two in B ...") do not."""
    out: list[_Fig] = []
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
