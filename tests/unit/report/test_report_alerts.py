from collections import Counter
from datetime import date, timedelta

from report_fakes import ListStore, record

from warwire.report import build_report, make_spec
from warwire.report.alerts import rolling_highs

END = date(2024, 6, 9)


def test_rolling_high_is_the_busiest_earlier_run() -> None:
    daily = Counter({END - timedelta(days=400): 1, END - timedelta(days=100): 30,
                     END - timedelta(days=90): 25, END - timedelta(days=5): 99})  # fmt: skip
    assert rolling_highs(daily, END, 30, 1) == 55
    assert rolling_highs(daily, END, 30, 3) is None  # history too short for three years


def _history(recent: int) -> ListStore:
    old = [record(f"o{i}", (END - timedelta(days=40 + 20 * i)).isoformat(), fatalities=10)
           for i in range(18)]  # fmt: skip
    new = [record(f"n{i}", (END - timedelta(days=i)).isoformat(), fatalities=recent // 5)
           for i in range(5)]  # fmt: skip
    return ListStore([*old, *new])


def test_fatalities_alert_fires_at_a_one_year_high() -> None:
    report = build_report(_history(120), make_spec("Sudan", until=END), draw=False)
    alert = next(a for a in report.alerts if a.rule == "fatalities_high")
    assert alert.level == "medium"
    assert "120 fatalities" in alert.message and "at least 100" in alert.rule_text
    assert set(alert.event_ids) == {f"n{i}" for i in range(5)}


def test_no_fatalities_alert_below_the_minimum() -> None:
    report = build_report(_history(60), make_spec("Sudan", until=END), draw=False)
    assert not [a for a in report.alerts if a.rule == "fatalities_high"]
