"""``GET /api/report``: the situation report as an HTML page (see :mod:`warwire.report`).

The page links its stylesheet (``/api/report.css``) instead of inlining it, so
it works under the API's content security policy (styles from 'self' only);
its charts and maps are ``data:`` images, which the policy allows.
"""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, HTTPException, Query
from fastapi.responses import HTMLResponse, Response

from warwire.api.deps import get_store
from warwire.api.params import IsoDay, Week
from warwire.errors import ConfigError
from warwire.store.base import Store

router = APIRouter(prefix="/api", tags=["reports"])


@router.get("/report", response_class=HTMLResponse)
def report_page(
    store: Annotated[Store, Depends(get_store)],
    country: Annotated[
        str, Query(min_length=1, max_length=200, pattern=r"\S", description="country name")
    ],
    admin1: Annotated[list[str] | None, Query(max_length=50, description="region(s)")] = None,
    since: Annotated[IsoDay | None, Query(description="first day, YYYY-MM-DD")] = None,
    until: Annotated[IsoDay | None, Query(description="last day, YYYY-MM-DD")] = None,
    week: Week = None,
    baseline: Literal["4w", "52w"] = "4w",
) -> HTMLResponse:
    """A situation report for a country and window; every number links to its events."""
    from warwire.report import build_report, make_spec
    from warwire.report.formatting import render_html

    try:
        spec = make_spec(country, since=since, until=until, week=week, baseline=baseline,
                         admin1=tuple(admin1 or ()))  # fmt: skip
    except ConfigError as exc:
        raise HTTPException(422, str(exc)) from None
    html = render_html(build_report(store, spec), stylesheet="/api/report.css")
    return HTMLResponse(html)


@router.get("/report.css", include_in_schema=False)
def report_stylesheet() -> Response:
    from warwire.report.formatting import TEMPLATES

    css = TEMPLATES.joinpath("report.css").read_text(encoding="utf-8")
    return Response(css, media_type="text/css", headers={"cache-control": "max-age=3600"})
