"""The JSON API and the pages over a store, the same tests on SQLite and on PostgreSQL."""

from __future__ import annotations

import csv
import html
import io
import re
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from fastapi.testclient import TestClient
from report_builders import actor, figure, report
from web_reports import COUNTER_SENTENCE, SCRIPT_TEXT, TOLL_SENTENCE, web_reports

from newsclaims.store.connect import open_store
from newsclaims.store.writer import ReportWriter
from newsclaims.web import create_app
from newsclaims.web.app import CSP


def test_stats_count_what_was_stored(client: TestClient) -> None:
    counts = client.get("/api/v1/stats").json()
    assert counts["articles"] == 7
    assert counts["quotes"] == 4
    assert counts["figures"] == 3
    assert counts["events"] == 3


def test_search_quotes_by_speaker_and_words(client: TestClient) -> None:
    found = client.get("/api/v1/search/quotes", params={"speaker": "al-Qudra"}).json()
    assert found["total"] == 1
    assert found["rows"][0]["text"] == "We are counting the dead every hour"
    words = client.get("/api/v1/search/quotes", params={"q": "COUNTING"}).json()
    assert [row["article_id"] for row in words["rows"]] == ["toll-1"]


def test_search_articles_by_headline_or_text(client: TestClient) -> None:
    found = client.get("/api/v1/search/articles", params={"q": "doha"}).json()
    assert [row["article_id"] for row in found["rows"]] == ["talks-1"]
    dated = client.get(
        "/api/v1/search/articles", params={"since": "2023-11-10", "until": "2023-11-11"}
    ).json()
    assert {row["article_id"] for row in dated["rows"]} == {"talks-1", "script-1"}


def test_pages_split_results_and_count_them_all(client: TestClient) -> None:
    first = client.get("/api/v1/search/articles", params={"per_page": 3}).json()
    second = client.get("/api/v1/search/articles", params={"per_page": 3, "page": 2}).json()
    third = client.get("/api/v1/search/articles", params={"per_page": 3, "page": 3}).json()
    assert first["total"] == second["total"] == third["total"] == 7
    assert [len(page["rows"]) for page in (first, second, third)] == [3, 3, 1]
    ids = {row["article_id"] for page in (first, second, third) for row in page["rows"]}
    assert len(ids) == 7


def test_query_figures_with_cli_filters(client: TestClient) -> None:
    found = client.get(
        "/api/v1/query/figures",
        params={"where": "Gaza", "status": "killed", "source": "Israeli officials"},
    ).json()
    assert [row["value"] for row in found["rows"]] == [4000]
    (row,) = found["rows"]
    assert row["source_id"] == "isr-government"
    assert row["sentence"] == COUNTER_SENTENCE  # the evidence the store gives


def test_a_filter_that_does_not_apply_is_a_400_with_its_reason(client: TestClient) -> None:
    answer = client.get("/api/v1/query/figures", params={"speaker": "x"})
    assert answer.status_code == 400
    assert "speaker" in answer.json()["detail"]


@pytest.mark.parametrize(
    ("path", "params"),
    [
        ("/api/v1/search/quotes", {"since": "2023-02-31"}),
        ("/api/v1/search/quotes", {"since": "tomorrow"}),
        ("/api/v1/search/quotes", {"page": "0"}),
        ("/api/v1/search/quotes", {"per_page": "100000"}),
        ("/api/v1/search/quotes", {"q": "a\x00b"}),
        ("/api/v1/search/nothing", {}),
        ("/api/v1/timeline", {"scope": "forever"}),
        ("/api/v1/contradictions", {"max_ratio": "0.5"}),
        ("/api/v1/contradictions", {"window": "-1"}),
        ("/api/v1/search/figures", {"since": "2023-11-09", "until": "2023-11-01"}),
    ],
)
def test_bad_parameters_are_422_with_a_message(client: TestClient, path: str, params: dict) -> None:
    answer = client.get(path, params=params)
    assert answer.status_code == 422, answer.text
    assert answer.json()["detail"]


def test_bad_parameters_on_pages_answer_a_page(client: TestClient) -> None:
    answer = client.get("/search", params={"since": "2023-13-01"})
    assert answer.status_code == 422
    assert "text/html" in answer.headers["content-type"]
    assert "is not a day" in answer.text


def test_deep_pages_are_refused_not_scanned(client: TestClient) -> None:
    answer = client.get("/api/v1/search/quotes", params={"page": 100_000, "per_page": 5000})
    assert answer.status_code == 400


def test_article_by_id_with_report_items_and_story(client: TestClient) -> None:
    body = client.get("/api/v1/articles/toll-1").json()
    (article,) = body["articles"]
    report = article["report"]
    for item in report["figures"]:
        assert report["text"][item["span"]["start"] : item["span"]["end"]] == item["span"]["text"]
    assert set(article["stored_items"]) == {
        item["id"] for kind in ("quotes", "figures") for item in report[kind]
    }
    assert article["story_versions"][0]["article_id"] == "toll-1"
    assert client.get("/api/v1/articles/nope").status_code == 404


def test_timeline_points_oldest_first_with_their_spans(client: TestClient) -> None:
    points = client.get("/api/v1/timeline", params={"what": "people", "where": "Gaza"}).json()
    assert points["total"] == 3
    assert [point["span"]["text"] for point in points["rows"]] == [
        "At least 10,000",
        "4,000",
        "At least 10,500",
    ]  # oldest first (one day's in storing order)


def test_the_toll_view_leaves_out_tolls_with_no_place_unless_asked(tmp_path: Path) -> None:
    # The UN counts no one place's dead: its name gives the toll no place.
    text = "Toll rises\n\nThe toll rose to 12,000, the United Nations said."
    united_nations = actor("the United Nations", kind="organization")
    placeless = report("placeless-1", text, date="2023-11-10", headline="Toll rises",
                       figures=[figure(text, "12,000", 12_000, what="people",
                                       status="killed", source=united_nations)])  # fmt: skip
    url = f"sqlite:///{tmp_path / 'placeless.db'}"
    engine = open_store(url)
    ReportWriter(engine).write([*web_reports(), placeless])
    engine.dispose()
    with TestClient(create_app(url)) as client:

        def shown(**asked: str) -> set[str]:
            rows = client.get("/api/v1/timeline", params=asked).json()["rows"]
            return {row["article_id"] for row in rows}

        assert "placeless-1" not in shown()
        assert "placeless-1" in shown(placeless="true")
        page = client.get("/timeline").text
        assert 'name="placeless"' in page and "place is unknown" in page
        ticked = client.get("/timeline", params={"placeless": "true"}).text
        assert "placeless=true" in ticked and "12,000" in ticked
        assert "place is unknown" not in ticked and "told by sources" in ticked
        both = client.get("/timeline", params={"placeless": "true", "unregistered": "true"})
        assert "Left out:" not in both.text


def test_the_toll_view_leaves_out_tolls_by_unknown_sources_unless_asked(tmp_path: Path) -> None:
    text = "Toll rises\n\nThe toll in Gaza rose to 12,000, the Lomar Watch group said."
    watchers = actor("the Lomar Watch group", kind="organization")
    unknown = report("unknown-1", text, date="2023-11-10", headline="Toll rises",
                     figures=[figure(text, "12,000", 12_000, what="people", status="killed",
                                     where="Gaza", source=watchers)])  # fmt: skip
    url = f"sqlite:///{tmp_path / 'unknown.db'}"
    engine = open_store(url)
    ReportWriter(engine).write([*web_reports(), unknown])
    engine.dispose()
    with TestClient(create_app(url)) as client:

        def shown(**asked: str) -> set[str]:
            rows = client.get("/api/v1/timeline", params=asked).json()["rows"]
            return {row["article_id"] for row in rows}

        assert "unknown-1" not in shown()
        assert "unknown-1" in shown(unregistered="true")
        ticked = client.get("/timeline", params={"unregistered": "true"}).text
        assert "told by sources" not in ticked and "12,000" in ticked


def test_contradictions_set_both_claims_side_by_side(client: TestClient) -> None:
    pairs = client.get("/api/v1/contradictions", params={"where": "Gaza"}).json()
    assert pairs["total"] == 1
    (pair,) = pairs["rows"]
    assert {pair["a"]["article_id"], pair["b"]["article_id"]} == {"toll-1", "counter-1"}
    assert client.get("/api/v1/contradictions", params={"view": "agrees"}).json()["total"] == 0


def test_negotiation_moves_per_actor(client: TestClient) -> None:
    every = {"unaddressed": "true"}
    moves = client.get("/api/v1/negotiation", params=every).json()["rows"]
    assert {(move["actor"], move["move"]) for move in moves} >= {
        ("Israel", "rejection"),
        ("Egypt", "proposal"),
    }
    hamas = client.get("/api/v1/negotiation", params=every | {"actor": "hamas"}).json()["rows"]
    assert {move["actor"] for move in hamas} == {"Hamas"}


def test_negotiation_shows_moves_naming_the_other_party_unless_asked(client: TestClient) -> None:
    moves = client.get("/api/v1/negotiation").json()["rows"]
    assert [(move["actor"], move["move"], move["counterpart"]) for move in moves] == [
        ("Israel", "rejection", "Hamas")
    ]
    page = client.get("/negotiation").text
    assert "tick the box" in page and 'name="unaddressed"' in page
    assert "tick the box" not in client.get("/negotiation", params={"unaddressed": "true"}).text


def test_csv_download_has_the_same_rows(client: TestClient) -> None:
    answer = client.get("/api/v1/search/quotes", params={"format": "csv"})
    assert answer.headers["content-type"].startswith("text/csv")
    assert "attachment" in answer.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(answer.text)))
    assert len(rows) == client.get("/api/v1/search/quotes").json()["total"]
    assert SCRIPT_TEXT[SCRIPT_TEXT.index("The page") :].startswith(
        next(row["text"] for row in rows if row["article_id"] == "script-1")
    )


def test_parquet_download_flattens_nested_fields(client: TestClient) -> None:
    answer = client.get("/api/v1/contradictions", params={"format": "parquet"})
    table = pq.read_table(io.BytesIO(answer.content))
    assert table.num_rows == 1
    assert {"a_article_id", "b_article_id", "a_span_text"} <= set(table.column_names)


def test_pages_answer_with_evidence(client: TestClient) -> None:
    for path in ("/", "/search", "/search?q=killed", "/search?kind=figures", "/timeline",
                 "/contradictions", "/negotiation", "/analyze", "/docs", "/articles/toll-1"):  # fmt: skip
        answer = client.get(path)
        assert answer.status_code == 200, path
        assert answer.headers["content-security-policy"] == CSP
    contradictions = client.get("/contradictions", params={"where": "Gaza"}).text
    assert sentences(contradictions) == {TOLL_SENTENCE, COUNTER_SENTENCE}


def sentences(page: str) -> set[str]:
    """The evidence sentences of a page, as a reader sees them."""
    quoted = re.findall(r'<blockquote class="sentence">(.*?)</blockquote>', page, re.DOTALL)
    return {html.unescape(re.sub(r"<[^>]+>", "", sentence)) for sentence in quoted}


def test_article_text_and_metadata_are_escaped(client: TestClient) -> None:
    page = client.get("/articles/script-1").text
    assert "<script>document" not in page
    assert "&lt;script&gt;document.title=" in page
    assert "<img src=x" not in page
    assert "javascript:alert(3)" not in page  # a URL that is not http(s) is not linked
    assert "<i>Test</i>" not in page


def test_openapi_schema_and_offline_docs(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    assert "/api/v1/search/{kind}" in schema["paths"]
    docs = client.get("/docs").text
    assert "/api/v1/timeline" in docs
    assert "cdn" not in docs.lower()


def test_vega_scripts_are_served_from_the_package(client: TestClient) -> None:
    script = client.get("/assets/vega.js")
    assert script.status_code == 200
    assert "vegaEmbed" in script.text


def test_browsing_cannot_write(app) -> None:
    import sqlalchemy as sa

    with app.state.engine.connect() as connection, pytest.raises(sa.exc.DBAPIError):
        connection.execute(sa.text("DELETE FROM quotes"))


def test_actor_record_gathers_quotes_figures_and_events(client: TestClient) -> None:
    rows = client.get("/api/v1/actor", params={"name": "the health ministry in Gaza"}).json()[
        "rows"
    ]
    assert {row["item"] for row in rows} == {"quote", "figure"}
    assert {row["article_id"] for row in rows} == {"toll-1", "toll-2"}
    israel = client.get("/api/v1/actor", params={"name": "isr-government"}).json()["rows"]
    assert {row["item"] for row in israel} == {"figure"}
    offers = client.get("/actor", params={"name": "ministry"}).text
    assert 'href="/actor?name=pse-health-ministry"' in offers
    page = client.get("/actor", params={"name": "Hamas"})
    assert page.status_code == 200 and "Hamas had accepted a truce proposal" in page.text
    assert client.get("/actor").status_code == 422


def test_versions_of_a_story_are_linked(client: TestClient) -> None:
    versions = client.get("/api/v1/articles/story-v2").json()["articles"][0]["story_versions"]
    assert [(row["article_id"], row["version"]) for row in versions] == [
        ("story-v1", 1),
        ("story-v2", 2),
    ]
    page = client.get("/articles/story-v2").text
    assert 'href="/articles/story-v1"' in page
