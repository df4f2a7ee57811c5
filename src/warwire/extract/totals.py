"""Which death figures total several events: ACLED never makes them one event's fatalities.

A figure is a total when a cue binds it ("bringing the toll to 45", "a total
of", "45 in all"), when its clause counts over time ("since October", "so far
this year", "over the past three days", "over nine years"), when a campaign is
its subject ("the war has killed"), or when it runs to thousands with no single
attack named near it. "The deadliest attack this year" ranks one event and is
no total; "the toll from Sunday's bombing rose to 21" revises one event's toll.
"""

from __future__ import annotations

from dataclasses import dataclass

from warwire.extract.quantities import Figure, Word, cues, figure_at, match_at, match_before


@dataclass(frozen=True, slots=True)
class Total:
    """A death figure that is not one new event's toll: "running" or "multi_day" when
    it totals several events, "past" when its clause dates it to a year ("the district
    where 19 workers were killed in 2018")."""

    figure: Figure
    kind: str
    relative: bool  # said in passing ("the war, which has killed ..."), not the sentence's point


def toll_before(ws: list[Word], i: int) -> bool:
    """ "the toll rose to 21", "bringing the toll since January to 45", "the number
    killed reached 311": a (revised) toll."""
    to = i > 0 and ws[i - 1].text == "to"
    if not to and not match_before(ws, i, cues()["revised"]):
        return False
    before = ws[max(0, i - 12) : i]
    if any(w.text == "toll" for w in before):
        return True
    # "the number of militants killed reached 311"
    counted = [k for k, w in enumerate(before) if w.text == "number"]
    return bool(counted) and any(
        match_at(before, k, cues()["any"]) for k in range(counted[0], len(before))
    )


SEGMENT_BREAKS = frozenset({",", ";", ":", "—", "–", "(", ")", "[", "]"})


def _segments(ws: list[Word]) -> list[int]:
    seg, out = 0, []
    for w in ws:
        if w.text in SEGMENT_BREAKS:
            seg += 1
        out.append(seg)
    return out


def total_of(ws: list[Word], fig: Figure) -> Total | None:
    """A death figure that totals several events, or None for the event's own."""
    lx, segs = cues(), _segments(ws)
    seg = segs[fig.first] if fig.first < len(ws) else 0
    scope = [i for i, s in enumerate(segs) if s == seg]
    lead = [i for i, s in enumerate(segs) if s == 0]
    relative = any(w.text in {"which", "that"} for w in ws[max(0, fig.first - 5) : fig.first])
    for back in range(0, 8):
        if match_before(ws, fig.first - back, lx["agg_direct"]) and not _single_toll(ws):
            return Total(fig, "running", relative)
    if toll_before(ws, fig.first) and not _single_toll(ws):
        return Total(fig, "running", relative)  # "the toll has reached 782"
    if match_at(ws, fig.last, lx["agg_direct"]) or match_at(ws, fig.last + 1, lx["agg_direct"]):
        return Total(fig, "running", relative)
    if (c := _campaign(ws, fig.first)) is not None:
        return Total(fig, "running", c)
    if _campaign_span(ws, [i for i in scope if i > fig.last], scope):
        return Total(fig, "running", False)  # "say that 500 were killed in the crackdown"
    for idx in (scope, lead if len(lead) <= 8 and seg != 0 else []):
        kind = _window(ws, idx)
        if kind:
            return Total(fig, kind, relative)
    if _in_a_year(ws, scope):
        return Total(fig, "past", True)
    if fig.value >= lx["large_figure"]:
        near = [ws[i].text for i in range(max(0, fig.first - 12), min(len(ws), fig.last + 8))]
        if not any(w in {e[0] for e in lx["agg_single_events"]} for w in near):
            return Total(fig, "running", relative)
    return None


def _in_a_year(ws: list[Word], idx: list[int]) -> bool:
    """ "in 2018" among the words ``idx``: a report names a new incident's day, not its
    year, so a toll its clause dates by a year is an older incident's."""
    return any(ws[i].text == "in" and i + 1 < len(ws) and _year(ws[i + 1].text) for i in idx)


def _year(word: str) -> bool:
    return len(word) == 4 and word.isdigit() and 1900 <= int(word) <= 2100


def _single_toll(ws: list[Word]) -> bool:
    """ "the death toll from Sunday's car bombing": one event's updated figure."""
    single = {e[0] for e in cues()["agg_single_events"]}
    for i, w in enumerate(ws):
        if w.text == "toll" and i + 1 < len(ws) and ws[i + 1].text in {"from", "of", "in"}:
            after = [x.text for x in ws[i + 2 : i + 7]]
            day = after[0].endswith(("'s", "’s")) if after else False
            named = day or (bool(after) and after[0] in {"the", "this", "that", "yesterday"})
            if named and any(a.rstrip("s") in single or a in single for a in after):
                return not _window(ws, list(range(len(ws))))
    return False


def _campaign(ws: list[Word], first: int) -> bool | None:
    """ "the conflict has killed more than 1,000": a campaign's toll (relative clause?)."""
    lx = cues()
    n = match_before(ws, first, lx["agg_campaign_verbs"])
    if not n:
        return None
    back = ws[max(0, first - n - 16) : first - n]
    if not any(match_at(back, i, lx["agg_campaigns"]) for i in range(len(back))):
        return None
    return any(w.text in {"which", "that"} for w in back[-4:])


def _campaign_span(ws: list[Word], after: list[int], scope: list[int]) -> bool:
    """ "500 were killed in the crackdown": the toll of a whole campaign (named among
    ``after``), unless ``scope`` names the incident's own day ("the crackdown on Friday's
    march")."""
    lx = cues()
    for i in after:
        n = match_at(ws, i, lx["agg_campaign_after"])
        if n and any(match_at(ws, j, lx["agg_campaign_spans"]) for j in range(i + n, i + n + 2)):
            return not any(_incident_day(ws, k) for k in scope)
    return False


def _incident_day(ws: list[Word], i: int) -> bool:
    """A day of its own at word ``i``: "Friday", "yesterday", "3 May"."""
    lx, word = cues(), ws[i].text
    if word in lx["weekdays"] or match_at(ws, i, lx["agg_incident_days"]):
        return True
    if word not in lx["months"]:
        return False
    near = [ws[k].text for k in (i - 1, i + 1) if 0 <= k < len(ws)]
    return any(w.isdigit() and int(w) <= 31 for w in near)


def scope_of(ws: list[Word]) -> str | None:
    """ "running" or "multi_day" when the sentence counts over several events."""
    every = list(range(len(ws)))
    return _window(ws, every) or ("running" if _campaign_span(ws, every, every) else None)


def _window(ws: list[Word], idx: list[int]) -> str | None:
    """A running or multi-day cue among the words ``idx``, unless it ranks one event
    ("the deadliest attack this year")."""
    lx = cues()

    def ranked(i: int) -> bool:  # asked only where a running cue stands: it is the costly test
        near = ws[max(0, i - 4) : i]
        return any(match_at(near, j, lx["agg_superlatives"]) for j in range(len(near)))

    for i in idx:
        if match_at(ws, i, lx["agg_running"]) and not ranked(i):
            return "running"
        if ws[i].text == "since" and i + 1 < len(ws) and not ranked(i):
            nxt = ws[i + 1].text
            if nxt in lx["months"] | lx["weekdays"] | {"the", "last", "early", "late", "mid"}:
                return "running"
            if nxt.isdigit() and len(nxt) == 4:
                return "running"
        if n := match_at(ws, i, lx["agg_multi_day"]):
            j = i + n
            if j < len(ws) and figure_at(ws, j) is not None:
                j = (figure_at(ws, j) or Figure(0, None, 0, 0)).last
            if j < len(ws) and match_at(ws, j, lx["agg_years"]):
                return "running"
            if j < len(ws) and match_at(ws, j, lx["agg_multi_day_units"]):
                return "multi_day"
        if ws[i].text in {"over", "in", "for"} and i + 1 < len(ws):
            fig = figure_at(ws, i + 1)
            if fig and fig.last < len(ws) and match_at(ws, fig.last, lx["agg_years"]):
                return "running"  # "over nine years"
        if ws[i].text in {"between", "from"} and _day_range(ws, i):
            return "running"
    return None


def _day_range(ws: list[Word], i: int) -> bool:
    """ "between 5 and 9 June", "from 27 to 30 September": several days."""
    months = cues()["months"]
    span = [w.text for w in ws[i + 1 : i + 6]]
    return len(span) >= 4 and span[1] in {"and", "to"} and any(s in months for s in span[2:5])
