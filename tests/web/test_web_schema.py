"""Property-based: requests generated from the OpenAPI schema never get a 500."""

from __future__ import annotations

import pytest
import schemathesis
from fastapi import FastAPI
from hypothesis import HealthCheck, given, settings

from newsclaims.web import create_app
from newsclaims.web.analysis import Limits

EXAMPLES = 20  # per operation: enough to try every parameter's odd values, still fast


@pytest.fixture(scope="module")
def web_schema(store_url: str, nlp) -> object:
    app: FastAPI = create_app(store_url, limits=Limits(max_bytes=5_000, seconds=30))
    return schemathesis.openapi.from_asgi("/openapi.json", app)


def test_no_request_makes_a_server_error(web_schema) -> None:
    # Schemathesis's own pytest loader does not run under this pytest; its strategies do.
    operations = [result.ok() for result in web_schema.get_all_operations()]
    assert len(operations) >= 8
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=EXAMPLES,
            deadline=None,
            derandomize=True,
            suppress_health_check=list(HealthCheck),
            database=None,
        )
        def no_server_error(case) -> None:
            response = case.call()
            assert response.status_code < 500, (
                f"{case.method} {case.formatted_path} {case.query} {case.body!r} -> "
                f"{response.status_code}: {response.text[:300]}"
            )

        no_server_error()
