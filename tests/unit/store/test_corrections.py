"""Analyst corrections: set, merge, split, history, and what survives later ingests."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from store_builders import (
    GNA,
    LNA,
    SIRTE,
    TARHUNAH,
    analysis,
    clash,
    make_doc,
    tarhuna_gna,
    tarhuna_partisan,
    unrelated,
)

from warwire.errors import CorrectionError
from warwire.resolve.gazetteer import MemoryGazetteer
from warwire.store import EventQuery, SqlStore, export_events, open_store
from warwire.store.correction_values import FIELDS, apply_change, parse_assignment, resolve_changes
from warwire.store.corrections import correct, history, merge, split
from warwire.types import Place


@pytest.fixture
def store(tmp_path: Path) -> Iterator[SqlStore]:
    with open_store(f"sqlite:///{tmp_path}/c.db") as opened:
        yield opened


def only(store: SqlStore) -> dict[str, Any]:
    (event,) = store.events(EventQuery())
    return event


def test_set_fatalities_is_stored_audited_and_versioned(store: SqlStore) -> None:
    store.add(tarhuna_partisan())
    event = only(store)
    version = store.version()
    (line,) = correct(store, event["event_id"][:8], ["fatalities=3"], "local hospital count",
                      "amira")  # fmt: skip
    assert line["before"] == 14 and line["after"] == 3 and line["by"] == "amira"
    assert line["change"] == "fatalities: 14 → 3" and line["why"] == "local hospital count"
    assert only(store)["fatalities"] == 3
    assert store.version() == version + 1
    changed = list(store.changed_since(version))
    assert [r["event_id"] for r in changed] == [event["event_id"]]
    assert "fatalities" not in only(store)["evidence"]  # the correction is the evidence now
    assert [h["change"] for h in history(store, event["event_id"])] == ["fatalities: 14 → 3"]


def test_type_actor_date_notes_and_place(store: SqlStore) -> None:
    store.add(tarhuna_partisan())
    event_id = only(store)["event_id"]
    correct(store, event_id, ["sub_event_type=air/drone", "actor2=none",
                              "date=2020-05-23..2020-05-25", "notes=Checked with two sources"],
            "video of the strike", "amira")  # fmt: skip
    event = only(store)
    assert event["sub_event_type"] == "Air/drone strike"
    assert event["event_type"] == "Explosions/Remote violence"
    assert event["disorder_type"] == "Political violence"
    assert event["actor2"] is None
    assert (event["date_start"], event["date_end"], event["time_precision"]) == (
        "2020-05-23", "2020-05-25", 2)  # fmt: skip
    assert event["notes"] == "Checked with two sources"
    gazetteer = MemoryGazetteer([Place("Sirte", 31.2, 16.6, "Libya", "LY", "Surt", 7,
                                       feature="PPLA", population=80000)])  # fmt: skip
    correct(store, event_id, {"place": "Sirte, LY"}, "wrong town", "amira", lambda: gazetteer)
    event = only(store)
    assert (event["location"], event["admin1"], event["latitude"]) == ("Sirte", "Surt", 31.2)
    assert store.count_events(EventQuery(event_type="Air/drone strike")) == 1
    correct(store, event_id, ["place=31.5,16.9"], "exact spot from imagery", "amira")
    assert (only(store)["location"], only(store)["longitude"]) == ("Sirte", 16.9)


@pytest.mark.parametrize(
    ("assignment", "message"),
    [
        ("deaths=3", "unknown field 'deaths'"),
        ("fatalities=many", "fatalities must be a whole number"),
        ("fatalities=14", "fatalities is already 14"),
        ("event_type=Protests", "also set sub_event_type= one of Peaceful protest"),
        ("sub_event_type=Battles", "give a sub-event type"),
        ("sub_event_type=shootout", "unknown event type 'shootout'"),
        ("date=24 May", "date must be YYYY-MM-DD"),
        ("place=95,10", "latitude -90..90"),
        ("actor1=", "actor1 cannot be blank"),
        ("fatalities", "expected FIELD=VALUE"),
    ],
)
def test_bad_corrections_are_one_clear_line(store: SqlStore, assignment: str, message: str) -> None:
    store.add(tarhuna_partisan())
    event_id = only(store)["event_id"]
    with pytest.raises(CorrectionError, match=message) as caught:
        correct(store, event_id, [assignment], "a reason", "amira")
    assert "\n" not in str(caught.value)
    assert only(store)["fatalities"] == 14 and history(store, event_id) == []


def test_reason_and_event_are_required(store: SqlStore) -> None:
    store.add(tarhuna_partisan())
    event_id = only(store)["event_id"]
    with pytest.raises(CorrectionError, match="say why"):
        correct(store, event_id, ["fatalities=1"], " ", "amira")
    with pytest.raises(CorrectionError, match="no event with id"):
        correct(store, "ev-nosuch", ["fatalities=1"], "a reason", "amira")


def test_unknown_place_name_says_what_to_give(store: SqlStore) -> None:
    store.add(tarhuna_partisan())
    with pytest.raises(CorrectionError, match="give 'Name, CC' or LAT,LON"):
        correct(store, only(store)["event_id"], ["place=Nowhere Town"], "a reason", "amira",
                lambda: MemoryGazetteer())  # fmt: skip


def test_correction_survives_a_report_merged_in_and_a_revision(store: SqlStore) -> None:
    store.add(tarhuna_partisan())
    event_id = only(store)["event_id"]
    correct(store, event_id, ["fatalities=9", "notes=Seen by our stringer"], "field report",
            "amira")  # fmt: skip
    store.add(tarhuna_gna())  # a second report refolds the event from its reports
    event = only(store)
    assert event["event_id"] == event_id and len(event["doc_ids"]) == 2
    assert event["fatalities"] == 9 and event["notes"] == "Seen by our stringer"
    url = "https://example.org/live/sirte"
    first = make_doc("Gunmen clashed with police in Sirte on March 3, killing 2 officers.",
                     "Reuters", url)  # fmt: skip
    store.add(analysis(first, clash(first, "Gunmen clashed with police in Sirte", "Reuters",
                                    day=date(2021, 3, 3), place=SIRTE, fatalities=2)))  # fmt: skip
    sirte = next(e for e in store.events(EventQuery()) if e["location"] == "Sirte")
    correct(store, sirte["event_id"], ["fatalities=4"], "hospital list", "amira")
    revised = make_doc("Gunmen clashed with police in Sirte on March 3, killing 3 officers.",
                       "Reuters", url)  # fmt: skip
    assert store.add(analysis(revised, clash(revised, "Gunmen clashed with police in Sirte",
                                             "Reuters", day=date(2021, 3, 3), place=SIRTE,
                                             fatalities=3))).status == "revised"  # fmt: skip
    after = store.event(sirte["event_id"])
    assert after is not None and after["fatalities"] == 4


def test_ingest_bridging_two_events_keeps_both_corrections(store: SqlStore) -> None:
    a = make_doc("Clashes near Tarhuna on May 24 between the LNA and unknown gunmen, aa.")
    b = make_doc("Clashes near Tarhuna on May 24 between the GNA and unknown gunmen, bb.")
    store.add(analysis(a, clash(a, "Clashes near Tarhuna", "A", actors=(LNA, None))))
    store.add(analysis(b, clash(b, "Clashes near Tarhuna", "B", actors=(GNA, None))))
    first, second = (e["event_id"] for e in store.events(EventQuery()))
    correct(store, first, ["fatalities=6"], "count from A", "amira")
    correct(store, second, ["notes=B was on the scene"], "note from B", "omar")
    c = make_doc("Clashes near Tarhuna on May 24 between the LNA and the GNA, said cc.")
    store.add(analysis(c, clash(c, "Clashes near Tarhuna", "C", actors=(LNA, GNA))))
    event = only(store)
    assert event["fatalities"] == 6 and event["notes"] == "B was on the scene"
    assert len(history(store, event["event_id"])) == 2


def test_merge_then_split_restores_both_events(store: SqlStore) -> None:
    store.add(tarhuna_partisan())
    store.add(unrelated(1, day=date(2020, 5, 24), place=TARHUNAH))
    keep, gone = (e["event_id"] for e in store.events(EventQuery()))
    correct(store, gone, ["fatalities=2"], "from the clinic", "omar")
    (line,) = merge(store, keep, gone, "same attack, two descriptions", "amira")
    assert line["change"] == f"merged {gone} into {keep}" and line["events"] == [keep, gone]
    event = only(store)
    assert event["event_id"] == keep and len(event["doc_ids"]) == 2
    assert event["fatalities"] == 2  # the merged-away event's correction follows it
    assert [r["kind"] for r in store.changed_since(0)].count("tombstone") == 1
    assert [h["action"] for h in history(store, gone)] == ["set", "merge"]
    with pytest.raises(CorrectionError, match="cannot be merged into itself"):
        merge(store, keep, keep, "a reason", "amira")
    split(store, keep, "different days after all", "amira")
    events = {e["event_id"]: e for e in store.events(EventQuery())}
    assert set(events) == {keep, gone}
    assert events[keep]["fatalities"] == 14 and events[gone]["fatalities"] == 2
    assert len(events[keep]["doc_ids"]) == 1 and len(events[gone]["claims"]) == 1
    assert [h["action"] for h in history(store, keep)] == ["merge", "split"]
    with pytest.raises(CorrectionError, match="has no merge to split"):
        split(store, keep, "again", "amira")


def test_exports_hold_corrected_values_and_the_audit(store: SqlStore) -> None:
    store.add(tarhuna_partisan())
    event_id = only(store)["event_id"]
    correct(store, event_id, ["fatalities=3"], "hospital", "amira")
    csv_out = io.StringIO()
    export_events(store, "acled-csv", csv_out)
    header, row = csv_out.getvalue().splitlines()[:2]
    assert row.split(",")[header.split(",").index("fatalities")] == "3"
    jsonl = io.StringIO()
    export_events(store, "jsonl", jsonl)
    lines = [json.loads(x) for x in jsonl.getvalue().splitlines()]
    (audit,) = [x for x in lines if x["kind"] == "correction"]
    assert (audit["event_id"], audit["field"], audit["before"], audit["after"]) == (
        event_id, "fatalities", 14, 3)  # fmt: skip
    assert next(x for x in lines if x["kind"] == "event")["fatalities"] == 3
    later = io.StringIO()
    export_events(store, "jsonl", later, since_version=store.version())
    assert "correction" not in later.getvalue()


def test_actor_names_resolve_through_the_registry(store: SqlStore) -> None:
    store.add(tarhuna_partisan())
    event_id = only(store)["event_id"]
    lna = only(store)["actor1"]
    with pytest.raises(CorrectionError, match=r"actor1 is already Libyan National Army"):
        correct(store, event_id, ["actor1=haftar"], "an alias of the same actor", "amira")
    (line,) = correct(store, event_id, ["actor2=haftar"], "both sides were LNA units", "amira")
    assert line["after"]["name"] == lna and line["after"]["inter"] is not None  # the registry's
    assert only(store)["actor2"] == lna
    correct(store, event_id, ["actor2=Tarhuna Defence Committee"], "local militia", "amira")
    assert only(store)["actor2"] == "Tarhuna Defence Committee"


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80))
def test_assignment_parser_takes_any_text(text: str) -> None:
    try:
        field, value = parse_assignment(text)
    except CorrectionError as exc:
        assert "\n" not in str(exc)
        return
    assert field in FIELDS and value == value.strip()


@settings(max_examples=200, deadline=None)
@given(st.dates(), st.integers(min_value=-5, max_value=120), st.text(max_size=12))
def test_dates_parse_or_refuse_in_one_line(day: date, days: int, junk: str) -> None:
    event = tarhuna_partisan().events[0]
    for value in (f"{day}..{day + timedelta(days=days)}" if 1 < day.year < 9999 else str(day),
                  junk):  # fmt: skip
        try:
            (change,) = resolve_changes(event, [("date", value)])
        except CorrectionError as exc:
            assert "\n" not in str(exc)
            continue
        after = apply_change(event, "date", change.after).when
        assert after.start is not None and after.end is not None and after.start <= after.end
        days = (after.end - after.start).days
        assert after.time_precision == (1 if days == 0 else 2 if days <= 7 else 3)
