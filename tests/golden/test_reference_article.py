"""The reference article (../shared/examples) through sentences -> events."""

from datetime import date
from pathlib import Path

import pytest

from warwire.extract import EventStage, KeywordActors, is_candidate
from warwire.nlp import SentenceStage
from warwire.pipeline import Pipeline
from warwire.testing import NoToponyms
from warwire.types import Analysis, Document, Source

ARTICLE = (
    Path(__file__).resolve().parents[3] / "shared/examples/turkey-dives-into-libyan-conflict.md"
)
NOT_EVENTS = (
    "not going to surrender",
    "preparing for a push",
    "reach the Egyptian-Libyan",
    "grows on a daily basis",
)


@pytest.fixture(scope="module")
def analysis() -> Analysis:
    if not ARTICLE.exists():
        pytest.skip("../shared is not present")
    raw = ARTICLE.read_text(encoding="utf-8")
    body = raw[raw.index("*The Tripoli") : raw.index("\n*\n")]  # the cleaner's job, done by hand
    doc = Document(
        "ref",
        "ref",
        body,
        published=date(2020, 5, 26),
        original_published=date(2020, 5, 25),
        source=Source(publisher="Global Research", original_source="South Front"),
    )
    pipeline = Pipeline([SentenceStage(is_candidate), NoToponyms(), EventStage(KeywordActors())])
    return pipeline.run([Analysis(document=doc)])[0]


@pytest.mark.slow
def test_territory_is_two_events(analysis: Analysis) -> None:
    taken = {
        e.location_text
        for e in analysis.events
        if e.event_type == "Battles" and e.sub_event_type != "Armed clash"
    }
    assert {"Asabiah", "Mazdah"} <= taken


@pytest.mark.slow
def test_must_events(analysis: Analysis) -> None:
    events = analysis.events
    clash = [
        e for e in events if e.sub_event_type == "Armed clash" and e.when.start == date(2020, 5, 24)
    ]
    assert clash and clash[0].location_text == "Tarhuna"
    assert clash[0].claims[0].claimant == "South Front"
    killed = [e for e in events if e.fatalities == 1]
    assert killed and killed[0].claims[0].hedge == "claimed"
    drones = [e for e in events if any(q.count == 13 for q in e.equipment)]
    assert drones and drones[0].claims[0].hedge == "claimed" and drones[0].when.time_precision == 2
    hawk = [e for e in events if any(q.name == "MIM-23 Hawk" for q in e.equipment)]
    assert hawk and hawk[0].claims[0].hedge == "reportedly" and hawk[0].location_text == "Misrata"
    wing = [q for e in events for q in e.equipment if q.name == "Wing Loong II"]
    assert wing and wing[0].origin == "China" and wing[0].supplied_by == "UAE"
    withdrawn = [e for e in events if e.sub_event_type == "Non-violent transfer of territory"]
    assert withdrawn and withdrawn[0].when.start == date(2020, 5, 23)


@pytest.mark.slow
def test_aggregates_are_claims_not_fatalities(analysis: Analysis) -> None:
    values = {c.quantity.value: c for c in analysis.claims if c.quantity}
    assert values[100].hedge == "according_to" and values[100].quantity.qualifier == "more than"  # type: ignore[union-attr]
    assert values[311].hedge == "reportedly"
    assert all(e.fatalities not in {100, 311} for e in analysis.events)


@pytest.mark.slow
def test_no_not_events_and_exact_evidence(analysis: Analysis) -> None:
    text = analysis.document.text
    for event in analysis.events:
        sentence = event.evidence[0].span.text_in(text)
        assert not any(p in sentence for p in NOT_EVENTS[2:]), sentence
        assert "surrender" not in sentence or event.sub_event_type == "Armed clash"
        for ev in event.evidence:
            assert ev.span.text_in(text).strip()
    relations = {(r.subject, r.predicate, r.object) for r in analysis.relations}
    # state backers are coded as their forces (KeywordActors names them by ISO code)
    assert ("Military Forces of AE", "supports", "LNA") in relations
    assert ("Military Forces of EG", "supports", "LNA") in relations
