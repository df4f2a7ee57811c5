"""Quality gate: the full default pipeline over our ACLED-style gold notes.

Floors sit a little under what was measured in round 4 (detection 0.96, event
type 0.92, sub-event type 0.88, fatalities 0.92, place within 25 km 0.81, date 1.00) so a
regression fails the build while small gazetteer changes do not.
"""

from pathlib import Path

import pytest

from warwire.config import Settings
from warwire.evaluate.acled import evaluate_file

GOLD = Path(__file__).resolve().parents[2] / "data" / "acled_style_gold.csv"


@pytest.mark.slow
def test_extraction_quality_floors() -> None:
    report = evaluate_file(GOLD, Settings())
    assert report.rows >= 70
    assert report.detection_rate >= 0.92
    assert report.event_type_accuracy >= 0.88
    assert report.sub_event_type_accuracy >= 0.84
    assert (report.fatalities_accuracy or 0) >= 0.89
    assert (report.place_within_25km or 0) >= 0.77
    assert (report.date_accuracy or 0) >= 0.95
