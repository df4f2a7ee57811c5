"""The notebook path: text in (never mistaken for paths), records out, a typed DataFrame."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import warwire
from warwire.errors import InputError
from warwire.export import analysis_records
from warwire.types import Analysis

ARTICLES = [
    ("Gunmen attacked a police post in Maiduguri on Tuesday, killing four officers, "
     "police said.", "2024-03-06"),
    ("Rebels clashed with the army near Goma on Saturday; the army said 12 fighters "
     "were killed.", "2024-03-11"),
    ("An air strike hit a market in Idlib on Monday, killing seven civilians, "
     "rescuers said.", "2024-03-19"),
]  # fmt: skip


@pytest.fixture(scope="module")
def analyses() -> list[Analysis]:
    return [warwire.extract_text(text, published=day, source="Test Wire") for text, day in ARTICLES]


def test_three_texts_to_weekly_counts_by_country(analyses: list[Analysis]) -> None:
    frame = warwire.to_dataframe(analyses)
    assert len(frame) == 3
    assert str(frame["event_date"].dtype).startswith("datetime64")
    assert frame["fatalities"].dtype == "int64"
    assert sorted(frame["fatalities"]) == [4, 7, 12]
    assert all(isinstance(claims, list) and claims for claims in frame["claims"])
    weekly = frame.groupby([pd.Grouper(key="event_date", freq="W"), "country"]).size()
    assert weekly.sum() == 3
    assert set(weekly.index.get_level_values("country")) == {"Nigeria", "Syria",
        "Democratic Republic of the Congo"}  # fmt: skip


def test_published_anchors_relative_days_and_source_is_the_publisher(
    analyses: list[Analysis],
) -> None:
    first = analyses[0]
    assert first.document.source.publisher == "Test Wire"
    assert str(first.events[0].when.event_date) == "2024-03-05"  # the Tuesday before


def test_frames_of_other_kinds_keep_their_columns_when_empty(analyses: list[Analysis]) -> None:
    docs = warwire.to_dataframe(analyses, kind="document")
    assert str(docs["published"].dtype).startswith("datetime64") and len(docs) == 3
    claims = warwire.to_dataframe([], kind="claim")
    assert {"claimant", "hedge", "quantity_value", "quantity_unit"} <= set(claims.columns)
    with pytest.raises(ValueError, match="kind must be one of"):
        warwire.to_dataframe(analyses, kind="events")


def test_dataframe_takes_records_too(analyses: list[Analysis]) -> None:
    records = [r for a in analyses for r in analysis_records(a)]
    assert list(warwire.to_dataframe(records)["event_id"]) == list(
        warwire.to_dataframe(analyses)["event_id"]
    )


def test_a_string_is_one_input_not_one_per_character(analyses: list[Analysis]) -> None:
    found = list(warwire.extract("some text that is not a file"))
    assert len(found) == 1
    assert "warwire.extract_text" in found[0].detail  # type: ignore[union-attr]
    assert callable(warwire.extract)  # the warwire.extract subpackage did not shadow it


def test_text_that_cleans_to_nothing_is_an_input_error() -> None:
    with pytest.raises(InputError):
        warwire.extract_text("   ")
    with pytest.raises(TypeError):
        warwire.extract_text(["a list"])  # type: ignore[arg-type]


def test_extract_and_database_give_the_same_event_ids(
    analyses: list[Analysis], tmp_path: Path
) -> None:
    printed = {r["event_id"] for a in analyses for r in analysis_records(a) if r["kind"] == "event"}
    with warwire.open_store(f"sqlite:///{tmp_path / 'w.db'}") as store:
        for analysis in analyses:
            store.add(analysis)
        stored = {e["event_id"] for e in warwire.query_events(store)}
    assert printed == stored and all(i.startswith("ev-") for i in printed)
