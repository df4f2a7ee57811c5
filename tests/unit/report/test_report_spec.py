from datetime import date

import pytest

from warwire.errors import ConfigError
from warwire.report import iso_week, make_spec


def test_iso_week_runs_monday_to_sunday() -> None:
    assert iso_week("2024-W23") == (date(2024, 6, 3), date(2024, 6, 9))
    assert iso_week("2020W53") == (date(2020, 12, 28), date(2021, 1, 3))


@pytest.mark.parametrize("bad", ["2024-23", "W23", "2023-W53", "2024-W00"])
def test_bad_weeks_are_one_clear_error(bad: str) -> None:
    with pytest.raises(ConfigError, match="bad week"):
        iso_week(bad)


def test_spec_baseline_precedes_the_window() -> None:
    spec = make_spec("Sudan", week="2024-W23", baseline="52w")
    assert (spec.since, spec.until, spec.days) == (date(2024, 6, 3), date(2024, 6, 9), 7)
    assert spec.baseline_until == date(2024, 6, 2)
    assert spec.baseline_since == date(2023, 6, 5)


def test_spec_refuses_contradictions() -> None:
    with pytest.raises(ConfigError, match="either"):
        make_spec("Sudan", week="2024-W23", since=date(2024, 1, 1))
    with pytest.raises(ConfigError, match="after it ends"):
        make_spec("Sudan", since=date(2024, 2, 1), until=date(2024, 1, 1))
    with pytest.raises(ConfigError, match="baseline"):
        make_spec("Sudan", week="2024-W23", baseline="3w")


def test_admin1_filter_is_case_blind() -> None:
    spec = make_spec("Sudan", week="2024-W23", admin1=("North Darfur",))
    assert spec.covers_admin1("north darfur")
    assert not spec.covers_admin1("Kassala")
    assert not spec.covers_admin1(None)
    assert spec.place == "North Darfur (Sudan)"
