"""Corrections survive re-ingest, later reports and revisions: on SQLite and a real PostgreSQL."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from store_builders import (
    SIRTE,
    TARHUNAH,
    analysis,
    clash,
    make_doc,
    tarhuna_gna,
    tarhuna_partisan,
    unrelated,
)

from warwire.store import EventQuery
from warwire.store.corrections import correct, history, merge

URL = "https://example.org/live/sirte-checkpoint"
FIRST = "Gunmen clashed with police at a Sirte checkpoint on March 3, killing 2 officers."
REVISED = "Gunmen clashed with police at a Sirte checkpoint on March 3, killing 3 officers."


def sirte(text: str) -> Any:
    doc = make_doc(text, "Reuters", URL)
    dead = int(text.split("killing ")[1][0])
    return analysis(doc, clash(doc, "Gunmen clashed with police", "Reuters", day=date(2021, 3, 3),
                               place=SIRTE, fatalities=dead))  # fmt: skip


def documents() -> list[Any]:
    return [tarhuna_partisan(), unrelated(1, day=date(2020, 5, 24), place=TARHUNAH),
            unrelated(2), unrelated(3, day=date(2021, 3, 9)), sirte(FIRST)]  # fmt: skip


def snapshot(store: Any) -> str:
    found = store.events(EventQuery())
    for event in found:
        event.pop("timestamp", None)
    return json.dumps(found, sort_keys=True)


def test_reingest_keeps_every_correction(store_factory: Any) -> None:
    store = store_factory()
    for item in documents():
        store.add(item)
    by_place = {(e["location"], e["sub_event_type"], e["event_date"]): e["event_id"]
                for e in store.events(EventQuery())}  # fmt: skip
    clash_id = by_place[("Tarhunah", "Armed clash", "2020-05-24")]
    attack_id = by_place[("Tarhunah", "Attack", "2020-05-24")]
    sirte_id = by_place[("Sirte", "Armed clash", "2021-03-03")]
    two = by_place[("Sirte", "Attack", "2021-03-01")]
    three = by_place[("Sirte", "Attack", "2021-03-09")]
    correct(store, clash_id, ["fatalities=9", "notes=Counted by the hospital"], "hospital", "amira")
    correct(store, attack_id, ["sub_event_type=Abduction/forced disappearance"], "video", "omar")
    correct(store, sirte_id, ["fatalities=5", "date=2021-03-02"], "police statement", "amira")
    merge(store, two, three, "one attack reported twice", "amira")
    audit = {e: history(store, e) for e in (clash_id, attack_id, sirte_id, two)}
    before, version = snapshot(store), store.version()

    again = [store.add(item) for item in documents()]  # the same documents once more
    assert {r.status for r in again} == {"unchanged"}
    assert snapshot(store) == before and store.version() == version
    assert {e: history(store, e) for e in audit} == audit

    store.add(tarhuna_gna())  # a new report merges in: the event is refolded, then re-corrected
    clash_event = store.event(clash_id)
    assert clash_event is not None and len(clash_event["doc_ids"]) == 2
    assert (clash_event["fatalities"], clash_event["notes"]) == (9, "Counted by the hospital")
    assert store.add(sirte(REVISED)).status == "revised"  # the page changed: refolded too
    # the corrected date no longer matches the revised report, so the event is new; the
    # corrections find it through the page's revision history
    (revised,) = store.events(EventQuery(since=date(2021, 3, 2), until=date(2021, 3, 2)))
    assert (revised["fatalities"], revised["event_date"]) == (5, "2021-03-02")
    assert [h["applies_to"] for h in history(store, sirte_id)] == [revised["event_id"]] * 2
    attack = store.event(attack_id)
    assert attack is not None and attack["event_type"] == "Violence against civilians"
    assert attack["sub_event_type"] == "Abduction/forced disappearance"
    merged = store.event(two)
    assert merged is not None and len(merged["doc_ids"]) == 2 and store.event(three) is None
    assert store.count_events(EventQuery(event_type="Abduction/forced disappearance")) == 1
    for event_id in (clash_id, attack_id, two):  # nothing re-recorded
        assert history(store, event_id) == audit[event_id]
