"""The Ray actor: work units in, encoded analyses and Rejections out.

One actor holds one pipeline (spaCy loaded once, in ``__init__``). A unit
becomes raw documents through the same readers as the single-process path,
then cleaned documents, then one ``Pipeline.run`` over the whole batch. A
stage that fails on a document already becomes that document's Rejection
inside the pipeline; should the batch fail as a whole, each document is tried
again alone (``RETRIES`` times) and only the one that still fails is
rejected, with its error class and traceback as in a single process (for
``--errors FILE``). Every unit ends with a ``done`` row, which is how the driver counts
finished inputs.
"""

from __future__ import annotations

import io
import json
import logging
import pickle
from collections.abc import Callable, Iterator
from typing import Any

from warwire.config import Settings
from warwire.errors import failure
from warwire.ingest.files import kind_of, read_document_bytes
from warwire.ingest.jsonl import parse_line, parse_record
from warwire.ingest.raw import reject, rejection, too_large
from warwire.ingest.warc import read_warc
from warwire.pipeline import Pipeline, clean, default_pipeline
from warwire.types import Analysis, Document, RawDocument, Rejection

log = logging.getLogger(__name__)

RETRIES = 2
PipelineFactory = Callable[[Settings], Pipeline]
Row = dict[str, Any]


def raw_documents(unit: Row, settings: Settings) -> Iterator[RawDocument | Rejection]:
    """What one unit holds, read by the readers ``warwire extract`` uses."""
    kind, where, data = unit["kind"], str(unit["unit"]), bytes(unit["data"])
    if kind == "raw":
        yield pickle.loads(data)
    elif kind == "line":
        limit = settings.max_document_bytes * 2 + 4096
        if len(data) > limit:
            yield reject(where, "too_large", f"{where}: line exceeds {limit} bytes")
        else:
            yield parse_line(data, where, settings, first=where.endswith(":1"))
    elif kind == "record":
        yield parse_record(json.loads(data), where, settings)
    elif kind_of(where) == "warc":
        yield from read_warc(io.BytesIO(data), where, settings)
    elif len(data) > settings.max_document_bytes:
        yield rejection(too_large(where, len(data), settings))
    else:
        yield from read_document_bytes(data, where, settings, kind_of(where))


def _row(unit: Row, kind: str, payload: object = None) -> Row:
    return {"source": unit["source"], "total": unit["total"], "kind": kind,
            "payload": pickle.dumps(payload)}  # fmt: skip


class PipelineActor:
    """A callable class for ``map_batches``: constructed once per actor."""

    def __init__(
        self,
        settings: Settings,
        skip_db: str | None = None,
        factory: PipelineFactory | None = None,
    ) -> None:
        self.settings = settings
        self.pipeline = (factory or default_pipeline)(settings)
        self.store = None
        if skip_db:  # ingest: documents already stored are not analysed again
            from warwire.store import open_store

            self.store = open_store(skip_db)

    def __call__(self, batch: dict[str, Any]) -> dict[str, list[Any]]:
        units = [
            dict(zip(batch, values, strict=True)) for values in zip(*batch.values(), strict=True)
        ]
        out: list[Row] = []
        pending: list[tuple[Row, Document]] = []
        for unit in units:
            for item in self._documents(unit):
                if isinstance(item, Document):
                    pending.append((unit, item))
                else:
                    kind = "rejection" if isinstance(item, Rejection) else "unchanged"
                    out.append(_row(unit, kind, item))
        analyses = self._analyse([doc for _, doc in pending])
        out.extend(
            _row(unit, "analysis", a) for (unit, _), a in zip(pending, analyses, strict=True)
        )
        out.extend(_row(unit, "done") for unit in units)
        return {key: [row[key] for row in out] for key in ("source", "total", "kind", "payload")}

    def _documents(self, unit: Row) -> Iterator[Document | Rejection | str]:
        try:
            raws = list(raw_documents(unit, self.settings))
        except Exception as exc:  # a reader bug must not cost the rest of the batch
            log.debug("reading %s failed", unit["unit"], exc_info=True)
            yield failure("read", exc, str(unit["unit"]))
            return
        for raw in raws:
            doc = raw if isinstance(raw, Rejection) else clean(raw, self.settings)
            if isinstance(doc, Document) and self._stored(doc):
                yield doc.doc_id  # already stored: reported as unchanged
            else:
                yield doc

    def _stored(self, doc: Document) -> bool:
        return self.store is not None and self.store.has_document(doc.doc_id)

    def _analyse(self, docs: list[Document]) -> list[Analysis | Rejection]:
        if not docs:
            return []
        try:
            return list(self.pipeline.run([Analysis(document=d) for d in docs]))
        except Exception:
            log.debug("batch of %d failed; retrying one by one", len(docs), exc_info=True)
        return [self._alone(doc) for doc in docs]

    def _alone(self, doc: Document) -> Analysis | Rejection:
        for attempt in range(1, RETRIES + 1):
            try:
                (analysis,) = self.pipeline.run([Analysis(document=doc)])
                return analysis
            except Exception as exc:
                if attempt == RETRIES:  # the single process's rejection: class and traceback
                    return failure("engine", exc, doc.input_id)
        raise AssertionError("unreachable: RETRIES >= 1")
