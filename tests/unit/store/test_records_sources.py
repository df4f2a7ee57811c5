from __future__ import annotations

import json

import pytest
from store_builders import tarhuna_gna, tarhuna_partisan

from warwire.errors import ConfigError
from warwire.resolve.sources import lookup_source, normalize, parse_registry
from warwire.store import records


def test_event_and_claim_round_trip() -> None:
    for analysis in (tarhuna_partisan(), tarhuna_gna()):
        for event in analysis.events:
            assert records.event(json.loads(json.dumps(records.encode(event)))) == event
        for claim in analysis.claims:
            assert records.claim(json.loads(json.dumps(records.encode(claim)))) == claim
        for rel in analysis.relations:
            assert records.relation(records.encode(rel)) == rel


def test_registry_lookups() -> None:
    sf = lookup_source("SouthFront")
    assert sf is not None and "sanctioned" in sf.categories
    assert lookup_source(url="https://www.rt.com/news/1/") is not None
    assert lookup_source("the associated press") is not None
    assert lookup_source(None, "https://news.bbc.co.uk/x").name == "BBC"  # type: ignore[union-attr]
    assert lookup_source("Unknown Gazette") is None
    assert normalize("The  Libya-Observer") == "libya observer"


def test_registry_entries_complete() -> None:
    from warwire.resolve.sources import load_registry

    entries = load_registry().entries
    assert len(entries) >= 20
    for entry in entries:
        assert entry.reason and entry.reference.startswith("https://")
        if "partisan" in entry.categories:
            assert entry.side


def test_bad_registry_refused() -> None:
    with pytest.raises(ConfigError):
        parse_registry([{"name": "X", "categories": ["truthful"], "reason": "r",
                         "reference": "https://x"}])  # fmt: skip
    with pytest.raises(ConfigError):
        parse_registry({"name": "X"})


def test_place_basis_round_trips_and_older_records_still_load() -> None:
    from dataclasses import replace

    event = tarhuna_gna().events[0]
    assert event.place is not None
    based = replace(event, place=replace(event.place, place_basis="near town"))
    data = json.loads(json.dumps(records.encode(based)))
    assert records.event(data) == based
    del data["place"]["place_basis"]  # stored before the field existed
    older = records.event(data)
    assert older.place is not None and older.place.place_basis is None


def test_a_name_with_an_open_bracket_is_no_address() -> None:
    # a note's speaker span can run into its "[size=..." tag: no URL, no crash
    assert lookup_source(publisher="local residents. [size=no report") is None
