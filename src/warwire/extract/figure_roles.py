"""What a figure in a sentence counts: the dead, the injured, something else.

A figure's role is read from the words on its left ("killing six", "the death of
two") and, failing that, on its right ("six were killed", "six soldiers died",
"six, including two children"); :mod:`warwire.extract.numbers` adds up the dead.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from warwire.extract.quantities import (
    QUOTES,
    Figure,
    Word,
    cues,
    figure_at,
    match_at,
    match_before,
)
from warwire.extract.totals import SEGMENT_BREAKS, toll_before

# "six fighters from both sides", "two of the five": a figure inside the noun phrase
_INSIDE: tuple[tuple[str, ...], ...] = (
    ("of", "the"),
    ("of", "those"),
    *((p,) for p in ("of", "from", "on", "in", "at", "among", "between", "with", "by")),
)
_WINDOW = 10  # words between a figure and the verb that says what it counts
_DETERMINERS = frozenset({"the", "all", "those", "these", "its", "their", "his", "her"})
_PASSIVE = frozenset({"were", "was", "been", "be", "are", "is", "being"})
BE = _PASSIVE | {"have", "has", "had"}


@dataclass(slots=True)
class Fig:
    """A figure of a sentence and what it counts, as the reading goes."""

    fig: Figure
    role: str | None = None  # death | injury | mixed | other | past
    obj: bool = False  # counted as the object of a verb before it ("killing five")
    part: bool = False  # a part of another count ("including two", "two of the five")
    inherit: str | None = None  # a list item's role when nothing after it says otherwise


def left_role(ws: list[Word], figs: list[Fig], k: int) -> None:
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
    """The first words of every phrase ``right_role`` looks for."""
    keys = ("mixed", "passive", "injuries", "others", "active", "enumeration", "clause_breaks")
    return frozenset(p[0] for key in keys for p in cues()[key] if p)


def right_role(ws: list[Word], figs: list[Fig], k: int) -> None:
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
