"""Three to five highlight sentences, each pointing at the events behind it.

Sentences are built from the figures only (no free text from documents), so
every claim in a highlight can be checked against the appendix.
"""

from __future__ import annotations

from warwire.report.figures import fatalities, highest_claimed
from warwire.report.model import Figure, Highlight, Ranked, Trend
from warwire.store.base import Record


def change_words(trend: Trend) -> str:
    if trend.change_pct is None:
        return "where the baseline had none" if trend.current else "as in the baseline"
    return f"a {trend.band} ({trend.change_pct:+.0f}%) against the baseline"


def _plural(n: int, word: str, many: str | None = None) -> str:
    return f"{n} {word if n == 1 else many or word + 's'}"


def overall(events: Figure, dead: Figure, place: str, baseline: str) -> Highlight:
    verb = "was" if events.value == 1 else "were"
    text = (f"{_plural(events.value, 'event')} {verb} recorded in {place}, "
            f"{change_words(events.trend)} ({baseline}); "
            f"they left at least {_plural(dead.value, 'fatality', 'fatalities')}.")  # fmt: skip
    return Highlight(text, events.event_ids)


def deadliest(found: list[Record]) -> Highlight | None:
    killing = [r for r in found if fatalities(r) > 0]
    if not killing:
        return None
    top = max(killing, key=lambda r: (fatalities(r), highest_claimed(r), r["event_id"]))
    where = top.get("location") or top.get("admin1") or "an unknown place"
    who = f" by {top['actor1']}" if top.get("actor1") else ""
    high = highest_claimed(top)
    claimed = f" (claims ran to {high})" if high > fatalities(top) else ""
    text = (f"The deadliest event ({top['sub_event_type'].lower()}{who}, {where}, "
            f"{top.get('event_date') or 'undated'}) killed at least {fatalities(top)}"
            f"{claimed}.")  # fmt: skip
    return Highlight(text, (top["event_id"],))


def leading_actor(actors: list[Ranked]) -> Highlight | None:
    if not actors:
        return None
    top = actors[0]
    return Highlight(f"{top.name} took part in {_plural(top.count, 'event')}, "
                     "more than any other actor.", top.event_ids)  # fmt: skip


def hotspot(rows: list[tuple[str, Trend, tuple[str, ...]]]) -> Highlight | None:
    rising = [row for row in rows if row[0] != "unknown" and row[1].current > 0]
    if not rising:
        return None
    name, trend, event_ids = max(
        rising, key=lambda row: (row[1].current - row[1].baseline, row[1].current, row[0])
    )
    return Highlight(f"{name} saw {_plural(trend.current, 'event')}, "
                     f"{change_words(trend)}.", event_ids)  # fmt: skip


def civilians(figure: Figure) -> Highlight | None:
    if not figure.value:
        return None
    return Highlight(f"{_plural(figure.value, 'event')} targeted civilians, "
                     f"{change_words(figure.trend)}.", figure.event_ids)  # fmt: skip


def contested_line(found: list[Record]) -> Highlight | None:
    if not found:
        return None
    return Highlight(f"Sides gave conflicting accounts of {_plural(len(found), 'event')}; "
                     "every claimant's figure is listed under Contested figures.",
                     tuple(r["event_id"] for r in found))  # fmt: skip


def highlights(
    figures: dict[str, Figure],
    found: list[Record],
    actors: list[Ranked],
    admin1: list[tuple[str, Trend, tuple[str, ...]]],
    disputed: list[Record],
    place: str,
    baseline: str,
) -> list[Highlight]:
    if not found:
        return [Highlight(f"No events were recorded in {place} in this window.", ())]
    candidates = [
        overall(figures["events"], figures["fatalities"], place, baseline),
        deadliest(found),
        leading_actor(actors),
        hotspot(admin1),
        civilians(figures["civilian"]),
        contested_line(disputed),
    ]
    return [h for h in candidates if h is not None][:5]
