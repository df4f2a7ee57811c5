"""POST /api/documents: one request body in, one stored analysis out.

Fetching or decoding the body is the API's own; cleaning, analysing and
storing go through the CLI's ingest path, with its error policy.
:class:`Ingestor` holds it so the API tests can swap it for a fake through
FastAPI's dependency overrides, and so the spaCy-backed pipeline is built
once per app, not once per request.
"""

from __future__ import annotations

import threading
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING, Any, Protocol

from pydantic import BaseModel, ConfigDict, Field, model_validator

from warwire.clean.language import NOT_EXTRACTED
from warwire.config import Settings
from warwire.errors import InputError, PipelineError
from warwire.store.base import IngestResult, Store
from warwire.types import Rejection

if TYPE_CHECKING:
    from warwire.pipeline import Pipeline


class IngestRequest(BaseModel):
    """One document to ingest: exactly one of ``text``, ``html`` or ``url``."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    text: str | None = Field(None, min_length=1, description="plain text of the article")
    html: str | None = Field(None, min_length=1, description="raw HTML of the page")
    url: str | None = Field(
        None, pattern=r"^https?://\S+$", description="http(s) URL to fetch (public hosts only)"
    )
    title: str | None = None
    published: date | None = Field(None, description="YYYY-MM-DD; resolves relative dates")
    source: str | None = Field(None, description="publisher name")
    id: str | None = Field(None, max_length=500, description="input id shown in messages")

    @model_validator(mode="after")
    def _exactly_one_content(self) -> IngestRequest:
        given = [k for k in ("text", "html", "url") if getattr(self, k)]
        if len(given) != 1:
            raise ValueError(
                "give exactly one of 'text', 'html' or 'url'"
                + (f" (got {', '.join(given)})" if given else "")
            )
        return self

    def input_id(self) -> str:
        return self.id or self.url or "api"


class IngestResponse(BaseModel):
    doc_id: str
    status: str
    events_added: int = 0
    events_merged: int = 0
    syndicated_from: str | None = None
    warnings: list[str] = []

    @classmethod
    def of(cls, result: IngestResult) -> IngestResponse:
        return cls(
            doc_id=result.doc_id,
            status=result.status,
            events_added=result.events_added,
            events_merged=result.events_merged,
            syndicated_from=result.syndicated_from,
            warnings=list(result.warnings),
        )


class IngestFn(Protocol):
    def __call__(self, request: IngestRequest, store: Store) -> IngestResult: ...


class Ingestor:
    """Fetch/decode, clean, analyse and store one document; raises warwire errors."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._pipeline: Pipeline | None = None
        self._lock = threading.Lock()

    def pipeline(self) -> Pipeline:
        with self._lock:
            if self._pipeline is None:
                from warwire.pipeline import default_pipeline

                self._pipeline = default_pipeline(self.settings)
            return self._pipeline

    def raw_document(self, request: IngestRequest) -> Any:
        """The request as a :class:`~warwire.types.RawDocument`, fetched if it is a URL."""
        from warwire.ingest import fetch_url, read_bytes

        input_id = request.input_id()
        if request.url:
            fetched = fetch_url(request.url, self.settings)
            raw = read_bytes(
                fetched.content,
                input_id,
                self.settings,
                media_type_hint=fetched.content_type,
                url=fetched.url,
            )
        else:
            body = request.text if request.text is not None else request.html
            hint = "text" if request.text is not None else "html"
            data = (body or "").encode("utf-8")
            raw = read_bytes(data, input_id, self.settings, media_type_hint=hint)
        overrides: dict[str, Any] = {}
        if request.title:
            overrides["title"] = request.title
        if request.published:
            overrides["published"] = request.published
        if request.source:
            overrides["publisher"] = request.source
        return replace(raw, **overrides) if overrides else raw

    def __call__(self, request: IngestRequest, store: Store) -> IngestResult:
        """The one ingest path of the CLI (:func:`warwire.pipeline.ingest_documents`):
        a document that breaks a stage is an InputError (a 4xx naming the stage
        and reason), never an unexpected 500; an unread language is stored, and says so."""
        from warwire.pipeline import clean, ingest_documents

        raw = self.raw_document(request)
        document = clean(raw, self.settings)
        out = list(ingest_documents([document], store, self.settings, self.pipeline()))
        rejections = [r for r in out if isinstance(r, Rejection)]
        for rejection in rejections:
            if rejection.reason != NOT_EXTRACTED:
                raise InputError(raw.input_id, rejection.reason, rejection.detail)
        results = [r for r in out if isinstance(r, IngestResult)]
        if len(results) != 1:
            raise PipelineError(f"ingest gave {len(results)} results for one document")
        warnings = tuple(r.detail for r in rejections)
        return replace(results[0], warnings=warnings) if warnings else results[0]
