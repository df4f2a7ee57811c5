from datetime import date, timedelta

import pytest
from report_fakes import ListStore, claim, record

from warwire.report import build_report, make_spec
from warwire.report.figures import band_of, contested, trend


@pytest.mark.parametrize(
    ("change", "band"),
    [(25.1, "large increase"), (25.0, "moderate increase"), (10.0, "moderate increase"),
     (9.9, "limited change"), (-25.0, "limited change"), (-25.1, "large decrease")],
)  # fmt: skip
def test_trendfinder_bands(change: float, band: str) -> None:
    assert band_of(change, 5) == band


def test_trend_scales_the_baseline_to_the_window() -> None:
    # 4 baseline weeks with 8 events: 2 expected in a week; 3 is +50%
    found = trend(3, 8, 7 / 28)
    assert (found.baseline, found.change_pct, found.band) == (2.0, 50.0, "large increase")
    assert trend(0, 0, 0.25).band == "limited change"
    assert trend(2, 0, 0.25).change_pct is None


def _store() -> ListStore:
    window = [
        record("ev-1", "2024-06-04", fatalities=5, claims=[
            claim("the army", 12, "The army said 12 fighters died."),
            claim("the RSF", 5, "The RSF said five of its men died."),
        ]),
        record("ev-2", "2024-06-05", "Violence against civilians", 3, civilian=True,
               admin1="Kassala", actor1="Unidentified gunmen"),
        record("ev-3", "2024-06-09", "Protests", actor1=None),
        record("ev-x", "2024-06-05", country="Chad"),
    ]  # fmt: skip
    before = [record(f"old-{i}", f"2024-05-{10 + i:02d}", fatalities=2) for i in range(8)]
    return ListStore([*window, *before])


def test_key_figures_count_the_window_against_the_baseline() -> None:
    report = build_report(_store(), make_spec("Sudan", week="2024-W23"), draw=False)
    events, dead, civilian = report.figures
    assert (events.value, set(events.event_ids)) == (3, {"ev-1", "ev-2", "ev-3"})
    assert (events.trend.baseline, events.trend.band) == (2.0, "large increase")
    assert (dead.value, dead.note, set(dead.event_ids)) == (8, "claimed 8–15", {"ev-1", "ev-2"})
    assert dead.trend.baseline == 4.0
    assert (civilian.value, civilian.event_ids) == (1, ("ev-2",))
    battles = report.figure("type:Battles")
    assert (battles.value, battles.trend.change_pct) == (1, -50.0)
    assert [n.name for n in report.new_actors] == ["Unidentified gunmen"]
    assert [e["event_id"] for e in report.contested] == ["ev-1"]
    assert 3 <= len(report.highlights) <= 5
    assert sum(sum(w.events.values()) for w in report.weeks) == 11


def test_admin1_limits_every_figure() -> None:
    spec = make_spec("Sudan", week="2024-W23", admin1=("Kassala",))
    report = build_report(_store(), spec, draw=False)
    assert report.figure("events").event_ids == ("ev-2",)
    assert report.figure("events").trend.baseline == 0


def test_contested_needs_disagreement() -> None:
    same = record("a", "2024-06-04", claims=[claim("x", 4, "four"), claim("y", 4, "4 dead")])
    denied = record(
        "b",
        "2024-06-04",
        claims=[claim("x", None, "it happened"), claim("y", None, "it did not", "denied")],
    )
    assert [r["event_id"] for r in contested([same, denied])] == ["b"]


def test_no_events_gives_one_plain_highlight() -> None:
    report = build_report(ListStore([]), make_spec("Sudan", until=date(2024, 6, 9)), draw=False)
    assert [h.event_ids for h in report.highlights] == [()]
    assert report.figure("events").value == 0


def test_figures_from_a_real_store_equal_its_own_counts(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from report_fakes import stored_analysis

    from warwire.store import open_store
    from warwire.store.base import EventQuery

    with open_store(f"sqlite:///{tmp_path / 'r.db'}") as store:
        for i in range(40):
            day = date(2024, 6, 9) - timedelta(days=i * 2)
            region = "North Darfur" if i % 2 else "Kassala"
            store.add(stored_analysis(i, day, i % 5, region, contested=i == 1))
        spec = make_spec("Sudan", week="2024-W23")
        report = build_report(store, spec, draw=False)
        window = EventQuery(country="Sudan", since=spec.since, until=spec.until)
        found = store.events(window)
        assert report.figure("events").value == store.count_events(window) == len(found) == 4
        assert report.figure("fatalities").value == sum(r["fatalities"] for r in found)
        assert report.figure("events").trend.baseline == round(14 / 4, 1)
        [disputed] = report.contested  # the store gives events its own ids
        assert {c["polarity"] for c in disputed["claims"]} == {"asserted", "denied"}
        assert report.version == store.version()
        assert report.sources.independent == 3  # Desk 0, 1, 2
