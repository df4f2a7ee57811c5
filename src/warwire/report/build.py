"""One report from the store: gather, compute, draw. Renderers only format the result."""

from __future__ import annotations

from datetime import UTC, datetime

from warwire.report import alerts, charts, figures, highlights, maps
from warwire.report.gather import gather
from warwire.report.model import Report
from warwire.report.spec import ReportSpec
from warwire.store.base import Store

TOP = 10


def build_report(store: Store, spec: ReportSpec, draw: bool = True) -> Report:
    """The report of ``spec``; ``draw=False`` skips the charts and maps (figures only)."""
    data = gather(store, spec)
    calc = figures.Figures(data)
    key = calc.key_figures()
    by_key = {f.key: f for f in key}
    admin1 = calc.admin1_trends()
    actors = figures.ranked(data.events, figures.actor_names, TOP)
    disputed = figures.contested(data.events)
    report = Report(
        spec=spec,
        generated=datetime.now(UTC).replace(microsecond=0),
        version=data.version,
        cut_off=data.cut_off,
        sources=data.sources,
        figures=key,
        type_figures=calc.type_figures(),
        admin1=admin1,
        highlights=highlights.highlights(
            by_key, data.events, actors, admin1, disputed, spec.place, spec.baseline_label
        ),
        actors=actors,
        places=figures.ranked(data.events, figures.place_name, TOP),
        new_actors=figures.new_actors(data),
        contested=disputed,
        alerts=alerts.alerts(data, by_key["events"]),
        weeks=figures.weekly(data),
        events=data.events,
    )
    if draw:
        iso = next((r["iso"] for r in data.events if r.get("iso")), None)
        iso = iso or next((r["iso"] for r in data.history if r.get("iso")), None)
        centres = maps.admin1_centres(data.history)
        report.maps["events"] = maps.events_map(data.events, spec.country, iso)
        areas = maps.country_areas(spec.country, iso)
        report.maps["change"] = maps.change_map(admin1, centres, spec.country, iso, areas)
        report.charts["weekly"] = charts.weekly_chart(report.weeks)
    return report
