"""Property-based: requests generated from the OpenAPI schema never get a 500."""

from __future__ import annotations

import os

import pytest
import schemathesis
from fastapi import FastAPI
from hypothesis import HealthCheck, given, settings

from newsclaims.web import create_app
from newsclaims.web.analysis import Limits

EXAMPLES = int(os.environ.get("NEWSCLAIMS_FUZZ_EXAMPLES", "20"))  # per operation; fast


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


PAGES = ["/", "/search", "/timeline", "/contradictions", "/negotiation", "/actor", "/analyze",
         "/articles/toll-1", "/docs"]  # fmt: skip
PARAMETERS = ["q", "kind", "what", "status", "where", "source", "speaker", "actor", "code",
              "publisher", "since", "until", "scope", "all_copies", "page", "per_page", "view",
              "window", "max_ratio", "name", "item", "start", "end"]  # fmt: skip


def test_no_page_query_makes_a_server_error(client) -> None:
    """The pages are not in the OpenAPI schema: any query string, any values."""
    from hypothesis import strategies as st

    values = st.one_of(
        st.text(max_size=30),
        st.integers(-(10**12), 10**12).map(str),
        st.sampled_from(["", "2023-11-07", "2023-02-31", "all", "figures", "sides", "nan"]),
    )

    @given(
        path=st.sampled_from(PAGES),
        query=st.dictionaries(st.sampled_from(PARAMETERS), values, max_size=5),
    )
    @settings(
        max_examples=EXAMPLES * 3,
        deadline=None,
        derandomize=True,
        suppress_health_check=list(HealthCheck),
        database=None,
    )
    def no_server_error(path: str, query: dict[str, str]) -> None:
        answer = client.get(path, params=query)
        assert answer.status_code < 500, f"{path} {query} -> {answer.status_code}"

    no_server_error()
