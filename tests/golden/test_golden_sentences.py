"""Our own labelled sentences from many conflicts through the real parse."""

from datetime import date
from pathlib import Path

import pytest
import yaml

from warwire.extract import EventStage, KeywordActors, is_candidate
from warwire.nlp import SentenceStage
from warwire.pipeline import Pipeline
from warwire.testing import NoToponyms
from warwire.types import Analysis, Document, Source

CASES = yaml.safe_load((Path(__file__).parent / "sentences.yaml").read_text())


@pytest.fixture(scope="module")
def results() -> list[Analysis]:
    pipeline = Pipeline([SentenceStage(is_candidate), NoToponyms(), EventStage(KeywordActors())])
    docs = [
        Analysis(
            Document(
                f"g{i}",
                f"g{i}",
                c["text"],
                published=date(2024, 7, 1),
                source=Source(publisher="Desk"),
            )
        )
        for i, c in enumerate(CASES)
    ]
    return pipeline.run(docs)


@pytest.mark.slow
def test_types_and_fatalities(results: list[Analysis]) -> None:
    wrong = []
    for case, analysis in zip(CASES, results, strict=True):
        got = analysis.events[0].sub_event_type if analysis.events else None
        deaths = analysis.events[0].fatalities if analysis.events else None
        if got != case["sub"] or (case["sub"] and deaths != case.get("deaths", deaths)):
            wrong.append((case["text"], case["sub"], got, deaths))
    # a floor, not perfection: the list is meant to grow with hard cases
    assert len(wrong) <= 3, wrong


@pytest.mark.slow
def test_evidence_slices_text(results: list[Analysis]) -> None:
    for analysis in results:
        text = analysis.document.text
        for event in analysis.events:
            assert event.claims
            for ev in event.evidence:
                assert 0 <= ev.span.start < ev.span.end <= len(text)
            assert event.notes == " ".join(event.claims[0].evidence.text_in(text).split())


@pytest.mark.slow
def test_non_events_stay_claims(results: list[Analysis]) -> None:
    for case, analysis in zip(CASES, results, strict=True):
        if case["sub"] is None:
            assert not analysis.events, case["text"]
