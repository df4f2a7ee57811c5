"""The weekly trend chart, drawn with matplotlib to SVG text (no display, no network).

Only the object-oriented API is used (no pyplot state), so reports can be
drawn from the API's worker threads.
"""

from __future__ import annotations

import io
import threading
from typing import Any

from warwire.report.model import BANDS, Week

#: one colour per ACLED event type, shared by the charts and the maps
TYPE_COLOURS = {
    "Battles": "#c0392b",
    "Explosions/Remote violence": "#e67e22",
    "Violence against civilians": "#8e44ad",
    "Protests": "#2980b9",
    "Riots": "#16a085",
    "Strategic developments": "#7f8c8d",
}
BAND_COLOURS = dict(zip(BANDS, ("#b2182b", "#ef8a62", "#bdbdbd", "#2166ac"), strict=True))
OTHER = "#34495e"
#: rc_context changes matplotlib's global settings: one drawing saves at a time
_SAVING = threading.Lock()


def colour(event_type: str) -> str:
    return TYPE_COLOURS.get(event_type, OTHER)


def new_figure(width: float, height: float) -> Any:
    from matplotlib.figure import Figure

    return Figure(figsize=(width, height), dpi=96, layout="constrained")


def to_svg(figure: Any) -> str:
    """The figure as SVG text with live text and stable ids (same data, same bytes)."""
    import matplotlib

    out = io.StringIO()
    with _SAVING, matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": "warwire"}):
        figure.savefig(out, format="svg", metadata={"Date": None})
    return out.getvalue()


def weekly_chart(weeks: list[Week]) -> str:
    """Stacked weekly bars by event type: events above, fatalities below."""
    kinds = sorted({k for w in weeks for k in (*w.events, *w.fatalities)})
    figure = new_figure(10, 5.6)
    top, bottom = figure.subplots(2, 1, sharex=True)
    edges = [i - 0.45 for i in range(len(weeks))] + [len(weeks) - 0.55]
    x = list(range(len(weeks)))
    for axis, values in ((top, "events"), (bottom, "fatalities")):
        base = [0] * len(weeks)
        for kind in kinds:  # one filled step outline per type: far cheaper than 52 bars
            heights = [
                b + getattr(w, values).get(kind, 0) for w, b in zip(weeks, base, strict=True)
            ]
            axis.stairs(heights, edges, baseline=base, fill=True, color=colour(kind), label=kind)
            base = heights
        axis.set_ylabel(f"{values} per week")
        axis.set_ylim(bottom=0)
        axis.spines[["top", "right"]].set_visible(False)
    step = max(1, len(weeks) // 13)
    bottom.set_xticks(x[::step], [w.end.isoformat() for w in weeks][::step], rotation=45,
                      ha="right", fontsize=8)  # fmt: skip
    bottom.set_xlabel("week ending")
    if kinds:
        top.legend(loc="upper left", fontsize=8, frameon=False, ncols=2)
    return to_svg(figure)
