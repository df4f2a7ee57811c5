"""Storing is an error boundary per document: one analysis the store chokes on
is a rejection of stage ``store`` and the rest are stored; a database that
refuses everything (StoreError) still ends the run."""

from __future__ import annotations

from typing import Any

import pytest
from store_builders import tarhuna_gna, tarhuna_partisan

from warwire.errors import StoreError
from warwire.store import store_all
from warwire.store.base import IngestResult
from warwire.types import Analysis, Rejection


class Choosy:
    """Stores anything but the documents of ``bad``; raises ``error`` for those."""

    def __init__(self, bad: str, error: Exception) -> None:
        self.bad, self.error = bad, error

    def add(self, analysis: Analysis) -> IngestResult:
        if analysis.document.doc_id == self.bad:
            raise self.error
        return IngestResult(analysis.document.doc_id, "added")


def test_a_document_the_store_chokes_on_is_one_rejection() -> None:
    first, second = tarhuna_partisan(), tarhuna_gna()
    store: Any = Choosy(first.document.doc_id, OverflowError("int too big to convert"))
    out = list(store_all([first, second], store))
    assert isinstance(out[0], Rejection) and isinstance(out[1], IngestResult)
    assert (out[0].stage, out[0].reason, out[0].error) == ("store", "stage_failed", "OverflowError")
    assert out[0].input_id == first.document.input_id and out[0].traceback


def test_a_refusing_database_ends_the_run() -> None:
    first = tarhuna_partisan()
    store: Any = Choosy(first.document.doc_id, StoreError("database is locked"))
    with pytest.raises(StoreError):
        list(store_all([first], store))
