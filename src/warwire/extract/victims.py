"""Victims counted without a figure, and deaths that are not this event's.

ACLED codes deaths reported without a number as 10 for a large attack and 3 for
a limited one; a single victim written without a number ("was shot dead",
"killed him") is 1 and two named victims are 2; "(protesting) the killing of a
farmer" names a grievance, not this event's dead.
"""

from __future__ import annotations

from warwire.extract.quantities import QUOTES, Word, cues, match_at, match_before, occurs
from warwire.extract.totals import SEGMENT_BREAKS

__all__ = ["convention", "said", "singles", "without_grievance"]

_BE = frozenset({"were", "was", "been", "be", "are", "is", "being", "have", "has", "had"})


def said(ws: list[Word], options: tuple[tuple[str, ...], ...]) -> bool:
    """Whether any of the phrases ``options`` occurs in the words."""
    return occurs(ws, options)


def convention(ws: list[Word]) -> int:
    return 10 if said(ws, cues()["large"]) else 3


def without_grievance(ws: list[Word]) -> list[Word]:
    """Drop "(protesting) the killing of a farmer", "(protesting over) a suspect's death":
    a grievance, not this event's dead."""
    lx = cues()
    out, i = [], 0
    while i < len(ws):
        of = i + 1 < len(ws) and ws[i + 1].text == "of"
        owned = i > 0 and ws[i - 1].text.endswith(("'s", "’s", "s'", "s’"))
        if ws[i].text in lx["grievance_nouns"] and (of or owned):
            back = ws[max(0, i - 6) : i]
            if any(match_before(ws, i - k, lx["grievance"]) for k in range(len(back))):
                while i < len(ws) and ws[i].text not in SEGMENT_BREAKS | {".", "and"}:
                    i += 1
                continue
        out.append(ws[i])
        i += 1
    return out


def singles(ws: list[Word]) -> int:
    """Victims written without a number: "was shot dead" or "killed him" is 1,
    "A and B were killed" is 2."""
    lx = cues()
    for i in range(len(ws)):
        if match_at(ws, i, lx["passive"]):
            if match_before(ws, i, lx["singular_aux"]) and not said(ws[: i - 1], (("anyone",),)):
                return 1
            names = _names_before(ws, i - (1 if i and ws[i - 1].text in _BE else 0))
            if names:
                return names
        if (m := match_at(ws, i, lx["active"])) and i + m < len(ws):
            nxt = ws[i + m].text
            if nxt in lx["singular_objects"]:
                return 1
        if ws[i].text == "dead" and i + 1 < len(ws) and ws[i + 1].text in lx["singular_victims"]:
            return 1
        if ws[i].text in {"death", "killing", "murder"} and i > 1 and ws[i - 1].text == "'s":
            return 1  # "a suspect's death"
    return 0


def _names_before(ws: list[Word], i: int) -> int:
    """ "Ahmed Ali and Omar Said were killed": two named people."""
    names, run, j = 0, 0, i - 1
    while j >= 0 and i - j <= 12:
        w = ws[j]
        if w.capital and w.text[:1].isalpha():
            run += 1
        elif w.text in {"and", ","} and run:
            names, run = names + 1, 0
        else:
            break
        j -= 1
    if run:
        names += 1
    at_start = j < 0 or ws[j].text in SEGMENT_BREAKS | QUOTES
    return names if names >= 2 and at_start else 0
