"""Error responses as RFC 9457 problem details (``application/problem+json``).

One shape for every error the API returns — validation, auth, not found,
too large, store trouble — so a client parses failures once: ``type``,
``title``, ``status``, ``detail`` and ``instance`` (the request path), plus
members of our own (``errors`` for validation, ``reason`` for rejected input).
``detail`` is the human sentence older clients already read.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from http import HTTPStatus
from typing import Any

from fastapi.responses import JSONResponse

MEDIA_TYPE = "application/problem+json"


def problem_body(
    status: int, detail: str, instance: str | None = None, **extra: Any
) -> dict[str, Any]:
    """The members of one problem; ``type`` stays ``about:blank`` (the status says it)."""
    try:
        title = HTTPStatus(status).phrase
    except ValueError:
        title = "Error"
    body: dict[str, Any] = {"type": "about:blank", "title": title, "status": status}
    body["detail"] = detail
    if instance:
        body["instance"] = instance
    body.update(extra)
    return body


class ProblemResponse(JSONResponse):
    media_type = MEDIA_TYPE


def problem(
    status: int,
    detail: str,
    instance: str | None = None,
    headers: Mapping[str, str] | None = None,
    **extra: Any,
) -> ProblemResponse:
    return ProblemResponse(
        problem_body(status, detail, instance, **extra),
        status_code=status,
        headers=dict(headers) if headers else None,
    )


def problem_bytes(status: int, detail: str, instance: str | None = None) -> bytes:
    """The encoded body, for middleware that answers before the app runs."""
    return json.dumps(problem_body(status, detail, instance)).encode()
