"""A split of what ingest merged lasts through later ingests: SQLite and PostgreSQL."""

from __future__ import annotations

from typing import Any

from store_builders import GNA, LNA, analysis, clash, make_doc, tarhuna_gna, tarhuna_partisan

from warwire.store import EventQuery
from warwire.store.corrections import correct, split_out


def test_split_out_survives_reingest_and_a_bridging_report(store_factory: Any) -> None:
    store = store_factory()
    partisan, gna = tarhuna_partisan(), tarhuna_gna()
    store.add(partisan)
    store.add(gna)
    (event,) = store.events(EventQuery())
    split_out(store, event["event_id"], gna.document.doc_id, "two clashes", "amira")
    apart = next(e["event_id"] for e in store.events(EventQuery()) if e != event
                 and gna.document.doc_id in e["doc_ids"])  # fmt: skip
    correct(store, apart, ["fatalities=6"], "hospital list", "omar")
    assert {store.add(a).status for a in (partisan, gna)} == {"unchanged"}
    doc = make_doc("Clashes near Tarhuna on May 24 between the LNA and the GNA, said cc.")
    store.add(analysis(doc, clash(doc, "Clashes near Tarhuna", "C", actors=(LNA, GNA))))
    found = {e["event_id"]: e for e in store.events(EventQuery())}
    assert set(found) == {event["event_id"], apart}
    assert gna.document.doc_id in found[apart]["doc_ids"] and found[apart]["fatalities"] == 6
    assert partisan.document.doc_id in found[event["event_id"]]["doc_ids"]
