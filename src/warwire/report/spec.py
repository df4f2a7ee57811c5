"""What a report covers: a country (optionally some admin1 regions), a window, a baseline.

The window is either ``since``..``until`` (inclusive) or an ISO week
(``2024-W23``). The baseline is the 4 or 52 weeks right before the window,
scaled to the window's length, as ACLED's Trendfinder compares a week with
the average week of the previous 4 or 52.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from warwire.errors import ConfigError

BASELINES = {"4w": 4, "52w": 52}
_WEEK = re.compile(r"^(\d{4})-?W(\d{1,2})$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class ReportSpec:
    country: str
    since: date
    until: date
    baseline_weeks: int = 4
    admin1: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if not self.country.strip():
            raise ConfigError("a report needs a country")
        if self.since > self.until:
            raise ConfigError(f"the window starts ({self.since}) after it ends ({self.until})")
        if self.baseline_weeks not in BASELINES.values():
            raise ConfigError("the baseline is 4 or 52 weeks")

    @property
    def days(self) -> int:
        return (self.until - self.since).days + 1

    @property
    def baseline_since(self) -> date:
        return self.since - timedelta(weeks=self.baseline_weeks)

    @property
    def baseline_until(self) -> date:
        return self.since - timedelta(days=1)

    @property
    def baseline_label(self) -> str:
        return f"previous {self.baseline_weeks} weeks"

    @property
    def place(self) -> str:
        return f"{', '.join(self.admin1)} ({self.country})" if self.admin1 else self.country

    def covers_admin1(self, admin1: str | None) -> bool:
        """True when the report is not limited to regions, or ``admin1`` is one of them."""
        if not self.admin1:
            return True
        return admin1 is not None and admin1.casefold() in {a.casefold() for a in self.admin1}


def iso_week(text: str) -> tuple[date, date]:
    """``2024-W23`` as its Monday and Sunday."""
    match = _WEEK.match(text.strip())
    if not match:
        raise ConfigError(f"bad week {text!r}: expected YYYY-Www such as 2024-W23")
    year, week = int(match.group(1)), int(match.group(2))
    try:
        monday = date.fromisocalendar(year, week, 1)
    except ValueError:
        raise ConfigError(f"bad week {text!r}: {year} has no week {week}") from None
    return monday, monday + timedelta(days=6)


def make_spec(
    country: str,
    *,
    since: date | None = None,
    until: date | None = None,
    week: str | None = None,
    baseline: str = "4w",
    admin1: tuple[str, ...] = (),
    today: date | None = None,
) -> ReportSpec:
    """A spec from the CLI's and the API's options; without a window, the last 7 days."""
    if week and (since or until):
        raise ConfigError("give either --week or --since/--until, not both")
    if baseline not in BASELINES:
        raise ConfigError(f"bad baseline {baseline!r}: use 4w or 52w")
    if week:
        since, until = iso_week(week)
    end = until or today or date.today()
    start = since or end - timedelta(days=6)
    return ReportSpec(country.strip(), start, end, BASELINES[baseline], tuple(admin1))
