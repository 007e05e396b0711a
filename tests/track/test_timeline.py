"""Timelines: one quantity per source over time, qualifiers kept, as JSON and charts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from report_builders import figure, report, span_of

from newsclaims.cli import main
from newsclaims.store.connect import open_store
from newsclaims.store.writer import ReportWriter

DAY1 = (
    "Israeli strikes on Gaza continued. At least 4,000 people have been killed in the "
    "besieged enclave, the health ministry said, and 12,000 were wounded."
)
DAY2 = "In the Gaza Strip, 4,651 people were killed, the health ministry said on Thursday."
ARMY = "The Israeli army said between 1,000 and 1,500 people had been killed in the Gaza Strip."
LEBANON = "Officials said 20 people were killed in southern Lebanon."


def seed(db_url: str) -> None:
    engine = open_store(db_url)
    killed = {"what": "people", "status": "killed"}
    ReportWriter(engine).write(
        [
            report("d1", DAY1, date="2023-10-20", publisher="Al Jazeera", figures=[
                figure(DAY1, "At least 4,000", 4000, qualifier="at_least", **killed,
                       where="the besieged enclave", source="the health ministry"),
                figure(DAY1, "12,000", 12000, what="people", status="wounded",
                       where="Gaza", source="the health ministry")]),
            report("d2", DAY2, date="2023-10-27", publisher="Al Jazeera", figures=[
                figure(DAY2, "4,651", 4651, **killed, where="the Gaza Strip",
                       when="on Thursday", source="the health ministry")]),
            report("army", ARMY, date="2023-10-21", publisher="The Guardian", figures=[
                figure(ARMY, "between 1,000 and 1,500", None, qualifier="range", low=1000,
                       high=1500, **killed, where="the Gaza Strip", source="The Israeli army")]),
            report("lb", LEBANON, date="2023-10-21", publisher="Reuters", figures=[
                figure(LEBANON, "20", 20, **killed, where="southern Lebanon")]),
        ]
    )  # fmt: skip
    engine.dispose()


def timeline_json(capsys: pytest.CaptureFixture[str], *args: str) -> list[dict]:
    assert main(["timeline", "--format", "json", *args]) == 0
    return json.loads(capsys.readouterr().out)


def test_one_series_gathers_every_wording_of_the_place(
    db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    seed(db_url)
    points = timeline_json(
        capsys, "--what", "people", "--status", "killed", "--where", "Gaza", "--db", db_url
    )
    assert [(p["date"], p["article_id"]) for p in points] == [
        ("2023-10-20", "d1"), ("2023-10-21", "army"), ("2023-10-26", "d2"),
    ]  # fmt: skip
    assert {p["where"] for p in points} == {"Gaza"}
    first = points[0]
    assert (first["qualifier"], first["value"], first["low"], first["high"]) == (
        "at_least",
        4000,
        4000,
        None,
    )  # a lower bound, not a value
    assert (points[1]["low"], points[1]["high"]) == (1000, 1500)
    assert first["source"] == "the health ministry" and first["publisher"] == "Al Jazeera"
    assert DAY1[first["span"]["start"] : first["span"]["end"]] == "At least 4,000"


def test_filters_by_source_and_dates(db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    seed(db_url)
    army = timeline_json(capsys, "--source", "isr-military", "--db", db_url)
    assert [p["article_id"] for p in army] == ["army"]
    window = timeline_json(capsys, "--since", "2023-10-21", "--until", "2023-10-21", "--db", db_url)
    assert sorted(p["article_id"] for p in window) == ["army", "lb"]
    unattributed = [p for p in timeline_json(capsys, "--where", "southern Lebanon", "--db", db_url)]
    assert [p["source"] for p in unattributed] == [None]


def test_terminal_and_file_charts(
    db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seed(db_url)
    html = tmp_path / "gaza.html"
    assert main(["timeline", "--status", "killed", "--where", "gaza", "--chart", str(html),
                 "--db", db_url]) == 0  # fmt: skip
    shown = capsys.readouterr().out
    assert "people killed · Gaza" in shown and "≥ 4,000" in shown and "1,000–1,500" in shown
    page = html.read_text()
    assert "vega" in page.lower()
    # Offline: the Vega bundles are inlined, no script is loaded from anywhere.
    assert "<script src=" not in page.replace("'", '"') and "cdn.jsdelivr" not in page
    assert "pse-health-ministry" in page  # one line per source id, the sentence in tooltips
    spec = tmp_path / "gaza.json"
    assert main(["timeline", "--where", "gaza", "--chart", str(spec), "--db", db_url]) == 0
    shapes = json.loads(spec.read_text())
    assert "triangle-up" in json.dumps(shapes)


def test_png_chart(tmp_path: Path) -> None:
    from newsclaims.track.timeline import write_chart

    point = {
        "date": "2023-10-20", "value": 40.0, "qualifier": "at_least", "low": 40.0, "high": None,
        "what": "people", "status": "killed", "where": "Gaza", "where_basis": "stated",
        "scope": "toll", "source": None,
        "source_name": None, "source_id": None, "quantity": "people", "publisher": "Test",
        "article_id": "a", "story": 1, "span": {"start": 0, "end": 11, "text": "at least 40"},
        "sentence": "At least 40 people were killed.", "headline": "Strikes", "url": None,
    }  # fmt: skip
    write_chart([point], tmp_path / "chart.png")
    assert (tmp_path / "chart.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_unknown_chart_type_is_a_user_error(db_url: str, capsys) -> None:
    assert main(["timeline", "--chart", "x.gif", "--db", db_url]) == 2
    assert "newsclaims: error: --chart" in capsys.readouterr().err


DAILY = (
    "Israeli strikes went on across Gaza. Rescuers in Gaza searched the rubble. "
    "The health ministry said 31,000 people had been "
    "killed since October 7, and 90 in the past 24 hours."
)


def test_a_days_count_is_its_own_series_and_places_say_where_they_come_from(
    db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    engine = open_store(db_url)
    killed = {"what": "people", "status": "killed", "source": "The health ministry"}
    ReportWriter(engine).write(
        [
            report("daily", DAILY, date="2024-03-01", figures=[
                figure(DAILY, "31,000", 31000, when="since October 7", **killed),
                figure(DAILY, "90", 90, scope="period", **killed)]),
        ]
    )  # fmt: skip
    engine.dispose()
    tolls = timeline_json(capsys, "--status", "killed", "--where", "Gaza", "--db", db_url)
    # The health ministry of the place its article is set in counts there: its place.
    assert [(p["value"], p["scope"], p["where_basis"]) for p in tolls] == [
        (31000, "toll", "source")
    ]
    every = timeline_json(capsys, "--status", "killed", "--scope", "all", "--db", db_url)
    assert sorted((p["value"], p["scope"]) for p in every) == [(90, "period"), (31000, "toll")]
    assert main(["query", "figures", "--scope", "period", "--format", "json", "--db", db_url]) == 0
    assert [row["value"] for row in json.loads(capsys.readouterr().out)] == [90]


HISTORY = "In the 2014 war, 2,251 Palestinians were killed in Gaza, the UN said."


def test_a_sentence_recounting_an_earlier_year_is_background(
    db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    engine = open_store(db_url)
    ReportWriter(engine).write([
        report("history", HISTORY, date="2023-11-01", figures=[
            figure(HISTORY, "2,251", 2251, what="Palestinians", status="killed", where="Gaza",
                   source="the UN", sentence=span_of(HISTORY, HISTORY))]),
    ])  # fmt: skip
    engine.dispose()
    assert timeline_json(capsys, "--status", "killed", "--db", db_url) == []
    points = timeline_json(capsys, "--status", "killed", "--background", "--db", db_url)
    assert [(p["value"], p["background"], p["quantity"], p["source_id"]) for p in points] == [
        (2251, True, "people", "un")
    ]


def test_a_count_far_below_its_sources_toll_is_a_part(
    db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    engine = open_store(db_url)
    texts = {
        "t1": ("2023-11-01", "The health ministry in Gaza said 9,000 people had been killed."),
        "t2": ("2023-11-02", "The health ministry in Gaza said 45 people had been killed."),
        "t3": ("2023-11-03", "The health ministry in Gaza said 9,300 people had been killed."),
        "t4": ("2023-11-04", "The health ministry in Gaza said 9,500 people had been killed."),
    }
    reports = []
    for article_id, (day, text) in texts.items():
        number = text.split(" said ")[1].split(" ")[0]
        reports.append(report(article_id, text, date=day, figures=[figure(
            text, number, float(number.replace(",", "")), what="people", status="killed",
            where="Gaza", source="the health ministry in Gaza")]))  # fmt: skip
    ReportWriter(engine).write(reports)
    engine.dispose()
    toll = timeline_json(capsys, "--what", "people", "--status", "killed", "--db", db_url)
    assert [p["value"] for p in toll] == [9000, 9300, 9500]  # 45 is a day's, not the toll
    every = timeline_json(capsys, "--status", "killed", "--scope", "all", "--db", db_url)
    assert [(p["value"], p["part"]) for p in every if p["part"]] == [(45, True)]


PLACELESS = "More than 9,000 people have been killed, the UN said."


def test_a_toll_whose_place_the_tool_cannot_tell_is_left_out_unless_asked(
    db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    engine = open_store(db_url)
    ReportWriter(engine).write([
        report("nowhere", PLACELESS, date="2023-11-01", figures=[
            figure(PLACELESS, "More than 9,000", 9000, qualifier="at_least", what="people",
                   status="killed", source="the UN")]),
        report("lb", LEBANON, date="2023-10-21", figures=[
            figure(LEBANON, "20", 20, what="people", status="killed", where="southern Lebanon")]),
    ])  # fmt: skip
    engine.dispose()
    toll = timeline_json(capsys, "--status", "killed", "--db", db_url)
    assert [(p["value"], p["where"]) for p in toll] == [(20, "southern Lebanon")]
    every = timeline_json(capsys, "--status", "killed", "--placeless", "--db", db_url)
    assert sorted((p["value"], p["where"]) for p in every) == [
        (20, "southern Lebanon"),
        (9000, None),
    ]


# The place of these counts is only the one the article is mostly set in.
GUESSED = (
    "Israeli tanks pushed into Gaza. Fighting raged in Gaza on Monday. More than 9,000 "
    "people have been killed, the UN said."
)
MINISTRY = (
    "Israeli tanks pushed into Gaza. Fighting raged in Gaza on Monday. More than 9,500 "
    "people have been killed, the Palestinian health ministry said."
)


def test_a_toll_whose_place_is_only_the_articles_is_left_out_unless_asked(
    db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    engine = open_store(db_url)
    ReportWriter(engine).write([
        report("guessed", GUESSED, date="2023-11-01", figures=[
            figure(GUESSED, "More than 9,000", 9000, qualifier="at_least", what="people",
                   status="killed", source="the UN")]),
        report("ministry", MINISTRY, date="2023-11-02", figures=[
            figure(MINISTRY, "More than 9,500", 9500, qualifier="at_least", what="people",
                   status="killed", source="the Palestinian health ministry")]),
    ])  # fmt: skip
    engine.dispose()
    toll = timeline_json(capsys, "--status", "killed", "--db", db_url)
    # A local authority's count is of its own place, the one the article is set in.
    assert [(p["low"], p["where"], p["where_basis"]) for p in toll] == [(9500, "Gaza", "source")]
    every = timeline_json(capsys, "--status", "killed", "--placeless", "--db", db_url)
    assert sorted((p["low"], p["where"], p["where_basis"]) for p in every) == [
        (9000, "Gaza", "article"),
        (9500, "Gaza", "source"),
    ]


UNREGISTERED = "More than 9,000 people have been killed in Gaza, according to official figures."


def test_a_toll_by_a_source_the_registry_does_not_know_is_left_out_unless_asked(
    db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    engine = open_store(db_url)
    ReportWriter(engine).write([
        report("figures", UNREGISTERED, date="2023-11-01", figures=[
            figure(UNREGISTERED, "More than 9,000", 9000, qualifier="at_least", what="people",
                   status="killed", where="Gaza", source="official figures")]),
    ])  # fmt: skip
    engine.dispose()
    assert timeline_json(capsys, "--status", "killed", "--db", db_url) == []
    every = timeline_json(capsys, "--status", "killed", "--unregistered", "--db", db_url)
    assert [(p["low"], p["source_id"]) for p in every] == [(9000, "name:figures")]
    asked = timeline_json(capsys, "--source", "name:figures", "--db", db_url)
    assert [p["low"] for p in asked] == [9000]
