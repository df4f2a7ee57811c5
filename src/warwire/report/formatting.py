"""A :class:`~warwire.report.model.Report` as HTML or Markdown, from Jinja2 templates.

HTML is autoescaped; Markdown escapes every value through ``finalize`` unless
the renderer built it as markup on purpose (links), so no text from a
document can inject markup in either format. Both formats link every number
to the set of events it counts (``#set-...``) and each event to its entry in
the evidence appendix (``#ev-...``).
"""

from __future__ import annotations

import base64
import re
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any
from urllib.parse import quote

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup, escape

from warwire import __version__
from warwire.report.figures import highest_claimed
from warwire.report.model import Report, Trend
from warwire.store.base import Record

TEMPLATES = files("warwire").joinpath("web", "templates")
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|~])")


@dataclass(frozen=True, slots=True)
class EventSet:
    """A list of events that one or more numbers of the report count."""

    key: str
    labels: tuple[str, ...]
    event_ids: tuple[str, ...]


#: the anchor of the evidence appendix: numbers that count every event of the window link here
APPENDIX = "appendix"


def slug(text: str) -> str:
    return "set-" + re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def change_text(trend: Trend) -> str:
    if trend.change_pct is None:
        return "new" if trend.current else "none"
    return f"{trend.change_pct:+.0f}%"


def trend_text(trend: Trend) -> str:
    return f"{trend.band} {change_text(trend)} (baseline {trend.baseline:g})"


def event_sets(report: Report) -> tuple[dict[str, str], dict[str, EventSet]]:
    """The anchor each number links to (by label), and the distinct sets listed under them.

    Numbers counting the same events share one list; numbers counting every
    event of the window link to the appendix itself. Long lists of links are
    what make the PDF slow, so none is printed twice.
    """
    found: list[tuple[str, tuple[str, ...]]] = []
    found += [(f"figure {f.key}", f.event_ids) for f in [*report.figures, *report.type_figures]]
    found += [(f"admin1 {name}", event_ids) for name, _, event_ids in report.admin1]
    found += [(f"actor {r.name}", r.event_ids) for r in report.actors]
    found += [(f"new actor {r.name}", r.event_ids) for r in report.new_actors]
    found += [(f"place {r.name}", r.event_ids) for r in report.places]
    found += [(f"highlight {i}", h.event_ids) for i, h in enumerate(report.highlights, 1)]
    found += [(f"alert {a.rule}", a.event_ids) for a in report.alerts]
    everything = {e["event_id"] for e in report.events}
    anchors: dict[str, str] = {}
    labels: dict[tuple[str, ...], list[str]] = {}
    for label, event_ids in found:
        if everything and set(event_ids) == everything:
            anchors[label] = APPENDIX
        else:
            labels.setdefault(tuple(sorted(event_ids)), []).append(label)
    sets: dict[str, EventSet] = {}
    for event_ids, names in labels.items():
        key = slug(names[0])
        while key in sets:
            key += "-x"
        sets[key] = EventSet(key, tuple(names), event_ids)
        anchors.update((name, key) for name in names)
    return anchors, sets


def svg_uri(svg: str) -> str:
    """SVG as a data: URI for an <img>: self-contained and isolated from the page."""
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()


def _context(report: Report) -> dict[str, Any]:
    anchors, sets = event_sets(report)
    return {
        "r": report,
        "sets": sets,
        "set_of": anchors.__getitem__,
        "in_appendix": {e["event_id"] for e in report.events},
        "change": change_text,
        "trend_text": trend_text,
        "highest": highest_claimed,
        "publishers": publishers,
        "svg_uri": svg_uri,
        "warwire_version": __version__,
    }


def publishers(record: Record) -> str:
    """The event's sources: one name per article, reposts marked as such."""
    names = []
    for source in record.get("sources", []):
        name = source.get("publisher") or source.get("doc_id") or "unknown"
        names.append(f"{name} (repost)" if source.get("syndicated_from") else str(name))
    return "; ".join(dict.fromkeys(names))


@cache
def _html_env() -> Environment:
    return Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=True,
                       undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)  # fmt: skip


def md_escape(value: Any) -> Any:
    """Every value printed into Markdown: text escaped, deliberate markup kept."""
    if isinstance(value, Markup):
        return value
    text = str(escape(" ".join(str(value).split())))
    return _MD_SPECIAL.sub(r"\\\1", text)


@cache
def _md_env() -> Environment:
    env = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=False,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                      finalize=md_escape)  # fmt: skip
    env.filters["link"] = lambda text, href: Markup(f"[{md_escape(text)}](#{escape(href)})")
    env.filters["anchor"] = lambda key: Markup(f'<a id="{escape(key)}"></a>')
    return env


def render_html(report: Report, stylesheet: str | None = None) -> str:
    """The report as one HTML page; CSS inline unless ``stylesheet`` (a URL) is given."""
    css = None if stylesheet else TEMPLATES.joinpath("report.css").read_text(encoding="utf-8")
    context = {**_context(report), "css": css, "stylesheet": stylesheet}
    return _html_env().get_template("report.html").render(context)


def render_markdown(report: Report, assets: str = "") -> str:
    """The report as Markdown; charts and maps are ``{assets}{name}.svg`` beside the file."""
    context = _context(report)

    def num(value: object, label: str) -> Markup:
        return Markup(f"[{value}](#{escape(context['set_of'](label))})")

    folder = Markup(escape(quote(assets)))
    return _md_env().get_template("report.md").render({**context, "num": num, "assets": folder})
