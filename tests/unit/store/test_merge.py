from __future__ import annotations

from dataclasses import replace
from datetime import date

from store_builders import GNA, LNA, SIRTE, TARHUNAH, clash, make_doc

from warwire.merge import (
    best_match,
    compatible,
    conservative_fatalities,
    haversine_km,
    independent_sources,
    merge_reports,
)
from warwire.types import Actor, Place, Polarity

A = make_doc("Clashes north of Tarhuna on May 24 left 9 dead, one side said in a statement.")
B = make_doc("Clashes north of Tarhuna on May 24 left 4 dead, the other side said today.")


def _pair(**kw: object) -> tuple:
    a = clash(A, "Clashes north of Tarhuna", "LNA", fatalities=9)
    b = clash(B, "Clashes north of Tarhuna", "GNA", fatalities=4, actors=(GNA, LNA))
    return a, replace(b, **kw) if kw else b


def test_haversine_known_distance() -> None:
    assert 300 < haversine_km(32.43, 13.63, 31.21, 16.59) < 320


def test_both_sides_merge_with_conservative_figure() -> None:
    a, b = _pair()
    assert compatible(a, b)
    merged = merge_reports([a, b], "ev-1")
    assert merged.event_id == "ev-1"
    assert merged.doc_ids == (A.doc_id, B.doc_id)
    assert [c.fatalities for c in merged.claims] == [9, 4]
    assert merged.fatalities == 4
    assert {merged.actor1, merged.actor2} == {LNA, GNA}


def test_far_apart_not_compatible() -> None:
    a, b = _pair(place=SIRTE)
    assert not compatible(a, b)


def test_same_admin1_at_low_precision_compatible() -> None:
    far = Place("Murqub region", 32.2, 14.1, "Libya", "LY", "Murqub", geo_precision=3)
    a, b = _pair(place=far)
    assert haversine_km(32.43, 13.63, 32.2, 14.1) > 10
    assert compatible(a, b)
    precise = replace(far, geo_precision=1)
    exact_a = replace(a, place=replace(TARHUNAH, geo_precision=1))
    assert not compatible(exact_a, replace(b, place=precise))


def test_different_day_not_compatible_but_overlapping_window_is() -> None:
    a, b = _pair()
    other_day = replace(b, when=replace(b.when, start=date(2020, 5, 27), end=date(2020, 5, 27)))
    assert not compatible(a, other_day)
    week = replace(b, when=replace(b.when, start=date(2020, 5, 20), end=date(2020, 5, 26),
                                   time_precision=2))  # fmt: skip
    assert compatible(a, week)


def test_type_and_actor_compatibility() -> None:
    a, b = _pair(sub_event_type="Government regains territory")
    assert compatible(a, b)
    assert merge_reports([a, b], "x").sub_event_type == "Government regains territory"
    a, b = _pair(event_type="Explosions/Remote violence", sub_event_type="Air/drone strike")
    assert not compatible(a, b)
    a, b = _pair(actor1=Actor("Military Forces of Turkey"), actor2=LNA)
    assert not compatible(a, b)
    a, b = _pair(actor1=None, actor2=None)
    assert compatible(a, b)


def test_reports_from_one_document_never_merge() -> None:
    a, _ = _pair()
    assert not compatible(a, replace(a, event_id="e2"))


def test_best_match_prefers_same_day_over_window() -> None:
    a, b = _pair()
    month = replace(b.when, start=date(2020, 5, 1), end=date(2020, 5, 31), time_precision=3)
    window = replace(b, event_id="w", when=month)
    assert best_match(a, [window, b]) is b
    assert best_match(a, []) is None


def test_denial_is_not_a_figure() -> None:
    a, b = _pair()
    denial = replace(b, fatalities=0, claims=tuple(
        replace(c, polarity=Polarity.DENIED, fatalities=1) for c in b.claims))  # fmt: skip
    assert conservative_fatalities([a, denial]) == 9
    merged = merge_reports([a, denial], "x")
    assert [c.polarity for c in merged.claims] == [Polarity.ASSERTED, Polarity.DENIED]


def test_silence_is_not_zero() -> None:
    a, b = _pair(fatalities=0, claims=())
    assert conservative_fatalities([a, b]) == 9
    assert conservative_fatalities([replace(a, fatalities=0, claims=())]) == 0


def test_more_precise_place_wins_and_claims_deduplicated() -> None:
    a, b = _pair()
    vague = replace(a, place=replace(TARHUNAH, geo_precision=3))
    merged = merge_reports([vague, b, b], "x")
    assert merged.place == b.place
    assert len(merged.claims) == 2


def test_independent_sources_counts_outlets_not_articles() -> None:
    outlets = {"d1": "South Front", "d2": "South Front", "d3": "Libya Observer", "d4": None}
    assert independent_sources(["d1", "d2"], outlets) == 1
    assert independent_sources(["d1", "d2", "d3"], outlets) == 2
    assert independent_sources(["d1", "d4"], outlets.get) == 2
