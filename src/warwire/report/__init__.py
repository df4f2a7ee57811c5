"""Situation reports written from the database, every figure traceable to its events.

``build_report(store, spec)`` reads the store once and computes a
:class:`Report`; ``render(report, fmt)`` writes it as HTML, Markdown or PDF,
so every format shows the same numbers. Modules: :mod:`.spec` (what a report
covers), :mod:`.gather` (store reads), :mod:`.figures`, :mod:`.highlights`,
:mod:`.alerts` (the numbers and words), :mod:`.charts`, :mod:`.maps`
(drawings), :mod:`.formatting`, :mod:`.pdf` (formats).
"""

from __future__ import annotations

from warwire.errors import ConfigError
from warwire.report.build import build_report
from warwire.report.model import Report
from warwire.report.spec import ReportSpec, iso_week, make_spec

FORMATS = ("html", "pdf", "md")

__all__ = ["FORMATS", "Report", "ReportSpec", "build_report", "iso_week", "make_spec", "render"]


def render(report: Report, fmt: str, assets: str = "") -> bytes:
    """The report in ``fmt``; Markdown refers to its drawings as ``{assets}{name}.svg``."""
    from warwire.report import pdf
    from warwire.report.formatting import render_html, render_markdown

    if fmt == "html":
        return render_html(report).encode()
    if fmt == "md":
        return render_markdown(report, assets).encode()
    if fmt == "pdf":
        return pdf.html_to_pdf(render_html(report))
    raise ConfigError(f"unknown report format {fmt!r}: use one of {', '.join(FORMATS)}")
