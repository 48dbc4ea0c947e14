"""The served OpenAPI document, checked against the app with schemathesis (property-based).

Every GET endpoint under /api/v1 is called with generated parameters (a bounded number of examples
each, so the module runs in well under a minute) over a small fixture ledger; a response must never be
a server error (5xx) and must conform to the schema the app publishes (status code, media type, body).
Skips when schemathesis is not installed.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

schemathesis = pytest.importorskip("schemathesis")

from hypothesis import HealthCheck, given, settings  # noqa: E402
from schemathesis.checks import not_a_server_error  # noqa: E402
from schemathesis.specs.openapi.checks import (  # noqa: E402
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from crisisledger.api import create_app  # noqa: E402
from crisisledger.store import Ledger  # noqa: E402
from crisisledger.store.testing import kazakhstan_items  # noqa: E402

EXAMPLES = 25
ALL_CHECKS = list(HealthCheck)
CHECKS = [not_a_server_error, response_schema_conformance, status_code_conformance, content_type_conformance]


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    db = str(tmp_path_factory.mktemp("openapi") / "ledger.db")
    with Ledger.open(db) as ledger:
        ledger.add_records(kazakhstan_items())
        ledger.resolve()
    application = create_app(db)
    yield application
    application.state.ledger.close()


@pytest.fixture(scope="module")
def api_schema(app: Any) -> Any:
    return schemathesis.openapi.from_asgi("/api/v1/openapi.json", app).include(method="GET")


def test_get_endpoints_conform_and_never_fail(api_schema: Any) -> None:
    """Each GET operation, `EXAMPLES` generated calls (schemathesis' pytest plugin is not used: its lazy
    loader does not work with this pytest, so the operations are driven through hypothesis directly)."""
    failures = []
    for result in api_schema.get_all_operations():
        operation = result.ok()

        @given(case=operation.as_strategy())
        @settings(max_examples=EXAMPLES, deadline=None, database=None, suppress_health_check=ALL_CHECKS)
        def check(case: Any) -> None:
            case.call_and_validate(checks=CHECKS)

        try:
            check()
        except Exception as exc:  # collect every operation's failure, then report them all
            failures.append(f"{operation.label}: {exc}")
    assert not failures, "\n\n".join(failures)


def test_every_get_endpoint_is_checked(api_schema: Any) -> None:
    paths = {op.path for op in (r.ok() for r in api_schema.get_all_operations())}
    assert {"/api/v1/incidents", "/api/v1/incidents/{incident_id}", "/api/v1/events",
            "/api/v1/blackouts"} <= paths  # fmt: skip
    assert all(op.method.upper() == "GET" for op in (r.ok() for r in api_schema.get_all_operations()))


def test_schema_file_is_json(app: Any, tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    with TestClient(app) as client:
        spec = client.get("/api/v1/openapi.json").json()
    assert spec["openapi"].startswith("3.") and spec["info"]["title"] == "crisisledger"
