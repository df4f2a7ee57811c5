from datetime import date
from pathlib import Path

import pytest

from warwire.errors import InputError
from warwire.evaluate.acled import (
    NONE,
    GoldRow,
    RowResult,
    haversine_km,
    load_gold,
    render,
    summarise,
    weighted_f1,
)


def gold(event_type: str, **kw: object) -> GoldRow:
    return GoldRow(row_id="r", notes="n", event_type=event_type, **kw)  # type: ignore[arg-type]


def test_weighted_f1_perfect_and_none() -> None:
    assert weighted_f1([("Battles", "Battles"), ("Riots", "Riots")]) == 1.0
    assert weighted_f1([("Battles", NONE)]) == 0.0


def test_weighted_f1_weights_by_support() -> None:
    pairs = [("Battles", "Battles")] * 3 + [("Riots", "Battles")]
    # Battles: p=3/4, r=1 -> f1=6/7, support 3; Riots: f1=0, support 1
    assert weighted_f1(pairs) == pytest.approx((6 / 7 * 3) / 4)


def test_haversine_tripoli_to_misrata() -> None:
    assert haversine_km(32.89, 13.19, 32.38, 15.09) == pytest.approx(187, abs=3)


def test_summarise_counts_only_detected_for_place_date_and_fatalities() -> None:
    results = [
        RowResult(
            gold(
                "Battles",
                sub_event_type="Armed clash",
                event_date=date(2024, 1, 2),
                latitude=1.0,
                longitude=1.0,
                fatalities=3,
            ),
            predicted_type="Battles",
            predicted_sub_type="Armed clash",
            predicted_date=date(2024, 1, 2),
            distance_km=10.0,
            predicted_fatalities=3,
        ),
        RowResult(gold("Riots", latitude=1.0, longitude=1.0, fatalities=0)),
    ]
    report = summarise(results)
    assert report.rows == 2
    assert report.detection_rate == 0.5
    assert report.event_type_accuracy == 0.5
    assert report.sub_event_type_accuracy == 1.0
    assert report.place_within_25km == 1.0
    assert report.date_accuracy == 1.0
    assert report.fatalities_accuracy == 1.0
    assert report.confusion == {"Battles": {"Battles": 1}, "Riots": {NONE: 1}}
    assert "detection rate" in render(report)


def test_load_gold_reads_optional_columns(tmp_path: Path) -> None:
    path = tmp_path / "g.csv"
    path.write_text(
        "event_id_cnty,event_date,event_type,notes,latitude,longitude,fatalities\n"
        'A1,2024-03-01,Battles,"On 1 March 2024, fighting.",15.5,32.5,4\n'
        "A2,,Protests,A march.,,,\n",
        encoding="utf-8",
    )
    rows = load_gold(path)
    assert rows[0] == GoldRow("A1", "On 1 March 2024, fighting.", "Battles", None,
                              date(2024, 3, 1), 15.5, 32.5, 4)  # fmt: skip
    assert rows[1].event_date is None and rows[1].fatalities is None


def test_load_gold_rejects_missing_columns_and_bad_values(tmp_path: Path) -> None:
    path = tmp_path / "g.csv"
    path.write_text("event_type\nBattles\n", encoding="utf-8")
    with pytest.raises(InputError, match="notes"):
        load_gold(path)
    path.write_text("event_type,notes,event_date\nBattles,x,not-a-date\n", encoding="utf-8")
    with pytest.raises(InputError, match=":2"):
        load_gold(path)
    with pytest.raises(InputError):
        load_gold(tmp_path / "missing.csv")


def test_shipped_gold_set_is_well_formed() -> None:
    path = Path(__file__).resolve().parents[2] / "data" / "acled_style_gold.csv"
    from warwire.taxonomy import EVENT_TYPE_OF, SUB_EVENT_TYPES

    rows = load_gold(path)
    assert len(rows) >= 70
    assert {r.event_type for r in rows} == set(SUB_EVENT_TYPES)
    for row in rows:
        assert EVENT_TYPE_OF[row.sub_event_type or ""] == row.event_type, row.row_id
        assert row.notes.startswith("On ")


def test_summarise_says_how_places_fall_short_among_gold_with_coordinates() -> None:
    placed = gold("Battles", latitude=1.0, longitude=1.0, country="Chad")
    results = [
        RowResult(placed, predicted_type="Battles", distance_km=3.0),
        RowResult(placed, predicted_type="Battles", place_faults=frozenset({"place_none"})),
        RowResult(placed, predicted_type="Battles", place_faults=frozenset({"place_country"})),
        RowResult(
            placed, predicted_type="Battles", place_faults=frozenset({"place_wrong_country"})
        ),
        RowResult(
            gold("Battles"), predicted_type="Battles", place_faults=frozenset({"place_none"})
        ),
    ]
    report = summarise(results)
    assert report.place_within_25km == 0.25
    assert report.place_no_coordinates == 0.25
    assert report.place_country_level == 0.25
    assert report.place_wrong_country == 0.25
    assert "country level              0.250" in render(report)


def test_place_faults_of_a_record() -> None:
    from warwire.evaluate.common import place_faults

    town = {"country": "Chad", "location": "Abeche", "latitude": 13.8, "longitude": 20.8}
    assert not any(place_faults(town, "Chad").values())
    assert place_faults({**town, "latitude": None}, "Chad")["place_none"]
    assert place_faults({**town, "location": "Chad"}, "Chad")["place_country"]
    assert place_faults(town, "Sudan")["place_wrong_country"]
