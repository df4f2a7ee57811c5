"""``POST /api/events/{id}/corrections`` (bearer token) and ``GET /api/events/{id}/history``.

Thin adapters over :mod:`warwire.store.corrections`: a correction sets fields,
merges another event into this one, or splits the latest merge; each answers
with the audit records it made and the event as it now reads. A correction
bumps the dataset version, so cached reads of the event are never stale.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Path, Security
from fastapi.security import HTTPBearer
from pydantic import BaseModel, ConfigDict, Field, model_validator

from warwire.api.deps import get_store, require_token
from warwire.api.schemas import EventRecord, Page
from warwire.api.views import envelope, event_detail
from warwire.errors import CorrectionError
from warwire.store.base import Store

router = APIRouter(prefix="/api", tags=["corrections"])
IdPath = Annotated[str, Path(min_length=1, max_length=200)]
BEARER = HTTPBearer(auto_error=False, description="WARWIRE_TOKEN, for writes")
Value = str | int | float | None


class CorrectionRequest(BaseModel):
    """Exactly one of ``set``, ``merge`` or ``split``, with the reason."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    set: dict[str, Value] | None = Field(
        None,
        description="fields to set: fatalities, event_type, sub_event_type, actor1, actor2 "
        "(null clears), place (name, 'Name, CC' or 'LAT,LON'), date (YYYY-MM-DD[..YYYY-MM-DD]), "
        "notes",
        examples=[{"fatalities": 3}],
    )
    merge: str | None = Field(None, max_length=200, description="event id folded into this one")
    split: bool = Field(False, description="undo the latest merge into this event")
    why: str = Field(min_length=3, max_length=1000, description="the reason, kept in the audit")
    by: str | None = Field(None, max_length=200, description="who corrects (default: api)")

    @model_validator(mode="after")
    def _one_action(self) -> CorrectionRequest:
        given = [k for k in ("set", "merge", "split") if getattr(self, k)]
        if len(given) != 1:
            raise ValueError("give exactly one of 'set', 'merge' or 'split'")
        return self


class CorrectionRecord(BaseModel):
    """One audit line."""

    model_config = ConfigDict(extra="allow")

    kind: str = "correction"
    correction_id: int
    action: str = Field(description="set, merge or split")
    event_id: str = Field(description="the event the analyst named")
    applies_to: str = Field(description="the live event the correction shapes now")
    field: str | None = None
    before: Any = None
    after: Any = None
    events: list[str] = Field([], description="for merge and split: kept, merged-away")
    why: str
    by: str
    at: str = Field(description="ISO 8601, UTC")
    version: int = Field(description="the dataset version the correction made")
    active: bool = True
    change: str = Field(description="the change in words, as the history table shows it")


class CorrectionResponse(BaseModel):
    corrections: list[CorrectionRecord]
    event: EventRecord


class HistoryResponse(Page):
    """The one list envelope; a history is one page (``limit`` null, ``next`` null)."""

    items: list[CorrectionRecord]


def _sql_store(store: Store) -> Any:
    from warwire.store.sql import SqlStore

    if not isinstance(store, SqlStore):
        raise HTTPException(501, "this store does not take corrections")
    return store


@router.post(
    "/events/{event_id}/corrections",
    status_code=201,
    response_model=CorrectionResponse,
    summary="Correct an event (set fields, merge, split); needs the bearer token",
    dependencies=[Security(BEARER), Depends(require_token)],
    responses={404: {"description": "no such event"}, 422: {"description": "bad correction"}},
)
def post_correction(
    event_id: IdPath, body: CorrectionRequest, store: Annotated[Store, Depends(get_store)]
) -> dict[str, Any]:
    from warwire.store import corrections

    sql = _sql_store(store)
    who = body.by or "api"
    try:
        if body.set is not None:
            made = corrections.correct(sql, event_id, body.set, body.why, who)
        elif body.merge:
            made = corrections.merge(sql, event_id, body.merge, body.why, who)
        else:
            made = corrections.split(sql, event_id, body.why, who)
    except CorrectionError as exc:
        status = 404 if str(exc).startswith("no event") else 422
        raise HTTPException(status, str(exc)) from None
    return {"corrections": made, "event": event_detail(store, made[-1]["applies_to"])}


@router.get(
    "/events/{event_id}/history",
    response_model=HistoryResponse,
    summary="Every correction of an event, oldest first",
    responses={404: {"description": "no such event"}},
)
def get_history(event_id: IdPath, store: Annotated[Store, Depends(get_store)]) -> dict[str, Any]:
    from warwire.store import corrections
    from warwire.store.sql import SqlStore

    if not isinstance(store, SqlStore):  # a store that keeps no corrections has none
        if store.event(event_id) is None:
            raise HTTPException(404, f"no event {event_id!r}")
        return envelope([], 0, None, 0, None)
    try:
        items = corrections.history(store, event_id)
    except CorrectionError as exc:
        raise HTTPException(404, str(exc)) from None
    return envelope(items, len(items), None, 0, None)
