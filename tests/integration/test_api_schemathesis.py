"""The API against its own OpenAPI document, by schemathesis (in process, over
ASGI): every phase it runs (examples, coverage, fuzzing; stateful left out,
its links are not declared), with the token and without, must find nothing:
no 5xx, every status and media type documented, every body as its schema
says, schema-valid requests accepted and schema-violating ones refused.

Three operations judge what the schema cannot say, and answer 422 for a
well-formed request they must refuse: POST /api/documents (a page with no
article, a URL that cannot be fetched), a correction (a field the event does
not have, nothing to change) and /api/report (a week together with
since/until, a window past the calendar's start). For those 422 also counts
as acceptance; every other check still holds for them.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

schemathesis = pytest.importorskip("schemathesis")

from schemathesis.engine import Status, events  # noqa: E402

from warwire.api import create_app  # noqa: E402
from warwire.config import Settings  # noqa: E402
from warwire.ingest.fetch import Fetched  # noqa: E402
from warwire.pipeline import ingest  # noqa: E402
from warwire.store import open_store  # noqa: E402

pytestmark = pytest.mark.slow

TOKEN = "schema-token"
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
ACCEPTED = ["2xx", "3xx", "401", "403", "404", "409", "429"]
JUDGED = [("/api/documents", "POST"), ("/api/events/{event_id}/corrections", "POST"),
          ("/api/report", "GET")]  # fmt: skip
FETCHES = ("/api/documents", "POST")


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    db = tmp_path_factory.mktemp("schemathesis") / "st.db"
    settings = Settings(db=f"sqlite:///{db}", token=TOKEN, max_body_bytes=200_000)
    store = open_store(settings.db)
    list(ingest([str(EXAMPLES)], settings, store))  # real events, claims and documents
    # a posted URL is fetched from a stand-in site: the contract is judged, not the
    # network (none here; the fetcher's own tests cover refusals and timeouts)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("warwire.ingest.fetch_url", _stand_in_site)
        yield create_app(settings, store)
    store.close()


def _stand_in_site(url: str, settings: Settings) -> Fetched:
    page = (
        "<html><head><title>Convoy ambushed</title></head><body><article><p>"
        "Gunmen ambushed a supply convoy near Dori on Tuesday, killing three drivers, "
        "the regional governor said.</p></article></body></html>"
    )
    return Fetched(url, page.encode(), "text/html")


def _config(token: bool) -> object:
    judged = [
        {"include-path": path, "include-method": method,
         "checks": {"positive_data_acceptance": {"expected-statuses": [*ACCEPTED, "422"]}}}
        for path, method in JUDGED if (path, method) != FETCHES
    ]  # fmt: skip
    # a posted URL is fetched (here from a stand-in site); a host that cannot be reached
    # is the gateway's documented 502; every other 5xx is still a failure
    accepted = [*ACCEPTED, "422", "502"]
    not_5xx = ["1xx", "2xx", "3xx", "4xx", "502"]
    judged.append(
        {"include-path": FETCHES[0], "include-method": FETCHES[1],
         "checks": {"positive_data_acceptance": {"expected-statuses": accepted},
                    "not_a_server_error": {"expected-statuses": not_5xx}}}
    )  # fmt: skip
    data: dict[str, object] = {
        "workers": 1,
        "generation": {"max-examples": 25},
        "phases": {"stateful": {"enabled": False}},
        "checks": {"positive_data_acceptance": {"expected-statuses": ACCEPTED}},
        "operations": judged,
    }
    if token:
        data["headers"] = {"Authorization": f"Bearer {TOKEN}"}
    return schemathesis.config.SchemathesisConfig.from_dict(data)


def _failures(app, token: bool) -> tuple[int, Counter[str], dict[str, str]]:  # type: ignore[no-untyped-def]
    schema = schemathesis.openapi.from_asgi("/openapi.json", app, config=_config(token))
    checked, found, sample = 0, Counter[str](), {}
    for event in schemathesis.engine.from_schema(schema).execute():
        if isinstance(event, events.NonFatalError | events.FatalError):
            found[f"error: {event.info.title}"] += 1  # type: ignore[union-attr]
            continue
        if not isinstance(event, events.ScenarioFinished):
            continue
        for checks in event.recorder.checks.values():
            for check in checks:
                checked += 1
                if check.status == Status.FAILURE and check.failure_info:
                    key = f"{event.recorder.label}: {check.failure_info.failure.title}"
                    found[key] += 1
                    sample.setdefault(key, check.failure_info.code_sample)
    return checked, found, sample


@pytest.mark.parametrize("token", [True, False], ids=["with-token", "without-token"])
def test_schemathesis_finds_nothing(app, token: bool) -> None:  # type: ignore[no-untyped-def]
    checked, found, sample = _failures(app, token)
    assert checked > 500  # it really ran
    assert not found, "\n".join(f"{n} x {k}\n    {sample.get(k, '')}" for k, n in found.items())
