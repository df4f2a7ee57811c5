"""POST /api/documents keeps the batch's error boundary: a document that breaks
a stage is a 422 naming the stage, never a 500, and the store is untouched."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from warwire.api.ingest import Ingestor, IngestRequest
from warwire.config import Settings
from warwire.errors import InputError
from warwire.pipeline import Pipeline
from warwire.store.base import IngestResult
from warwire.types import Analysis


class Exploding:
    name = "explode"
    needs = frozenset({"document"})
    adds = frozenset({"boom"})

    def __call__(self, batch: Sequence[Analysis]) -> list[Analysis]:
        raise OverflowError("int too large to convert")


class NoStore:
    def add(self, analysis: Analysis) -> None:
        raise AssertionError("a rejected document must not be stored")

    def has_document(self, doc_id: str) -> bool:
        return False


def test_stage_failure_is_an_input_error_naming_the_stage() -> None:
    ingestor = Ingestor(Settings())
    ingestor._pipeline = Pipeline([Exploding()])
    with pytest.raises(InputError) as caught:
        ingestor(IngestRequest(text="Gunmen shelled a market on Monday."), NoStore())  # type: ignore[arg-type]
    assert caught.value.reason == "stage_failed"
    assert "explode failed: OverflowError" in caught.value.detail


def test_stage_failure_over_http_is_422(client, auth, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    ingestor = Ingestor(Settings())
    ingestor._pipeline = Pipeline([Exploding()])
    client.app.state.ingestor = ingestor
    response = client.post(
        "/api/documents", json={"text": "Gunmen shelled a market."}, headers=auth
    )
    assert response.status_code == 422
    assert response.json()["reason"] == "stage_failed"


@pytest.mark.parametrize(
    "body", ['{"text":' + "[" * 900 + "]" * 900 + "}", '{"text": 1' + "0" * 1500 + "}"]
)
def test_hostile_json_bodies_are_4xx(client, auth, body: str) -> None:  # type: ignore[no-untyped-def]
    headers = {**auth, "Content-Type": "application/json"}
    response = client.post("/api/documents", content=body, headers=headers)
    assert 400 <= response.status_code < 500


class Recording:
    def __init__(self) -> None:
        self.stored: list[Analysis] = []

    def add(self, analysis: Analysis) -> IngestResult:
        self.stored.append(analysis)
        return IngestResult(analysis.document.doc_id, "added")

    def has_document(self, doc_id: str) -> bool:
        return any(a.document.doc_id == doc_id for a in self.stored)


def test_a_language_not_read_is_stored_with_a_warning_not_refused() -> None:
    from warwire.clean.language import LanguageGate

    ingestor = Ingestor(Settings())
    ingestor._pipeline = Pipeline([LanguageGate(frozenset({"en"}))])
    store = Recording()
    text = (
        "Bewaffnete Männer haben am Montag in einem Dorf im Norden des Landes mehrere "
        "Bauern angegriffen und ihre Häuser in Brand gesetzt, berichtete die Polizei."
    )
    result = ingestor(IngestRequest(text=text), store)  # type: ignore[arg-type]
    assert result.status == "added" and result.warnings == ("not extracted: language de",)
    assert [a.document.language for a in store.stored] == ["de"]
