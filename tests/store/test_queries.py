"""Queries: every filter, on both backends, over reports written through the store."""

from __future__ import annotations

import pytest
from report_builders import actor, event, figure, quote, report

from newsclaims.store.connect import open_store, refresh_statistics
from newsclaims.store.errors import StoreError
from newsclaims.store.queries import Filters, check_filters, run_query
from newsclaims.store.writer import ReportWriter

GAZA = (
    "Israeli strikes hit Gaza overnight. At least 40 people were killed in the besieged "
    "enclave, the health ministry said."
)
STRIP = "In the Gaza Strip, 35 people were killed on Monday, according to the army."
WEST_BANK = "Five people were killed in the occupied West Bank, the Palestinian Red Crescent said."
TALKS = "Qatar said Hamas had accepted a truce proposal. Israel rejected the plan."


@pytest.fixture
def store(db_url: str):
    engine = open_store(db_url)
    ministry = actor("the health ministry", kind="organization")
    ReportWriter(engine).write(
        [
            report("gaza", GAZA, date="2023-11-07", publisher="Al Jazeera", figures=[
                figure(GAZA, "At least 40", 40, qualifier="at_least", what="People",
                       status="killed", where="the besieged enclave", source=ministry)],
                   quotes=[quote(GAZA, "At least 40 people were killed in the besieged enclave",
                                 ministry)]),
            report("strip", STRIP, date="2023-11-08", publisher="The Guardian", figures=[
                figure(STRIP, "35", 35, what="people", status="killed", where="the Gaza Strip",
                       when="on Monday", source="the army")]),
            report("west-bank", WEST_BANK, date="2023-11-09", publisher="Al Jazeera", figures=[
                figure(WEST_BANK, "Five", 5, what="people", status="killed",
                       where="occupied West Bank", source="the Palestinian Red Crescent")]),
            report("talks", TALKS, date="2023-11-10", publisher="Reuters", events=[
                event(TALKS, "Hamas had accepted", "081",
                      actor("Hamas", code="PSEREB", kind="group", canonical="Hamas")),
                event(TALKS, "Israel rejected the plan", "127",
                      actor("Israel", code="ISR", kind="country", canonical="ISR"))]),
        ]
    )  # fmt: skip
    with engine.connect() as connection:
        yield connection
    engine.dispose()


def ids(result) -> list[str]:
    return [row["article_id"] for row in result.rows]


def test_place_wordings_are_one_place(store) -> None:
    for wording in ("Gaza", "the Gaza Strip", "gaza strip"):
        assert ids(run_query(store, "figures", Filters(where=wording))) == [
            "gaza",
            "strip",
        ]  # the strip figure is dated Monday
    assert ids(run_query(store, "figures", Filters(where="West Bank"))) == ["west-bank"]


def test_figure_filters(store) -> None:
    killed = Filters(what="people", status="Killed")
    assert run_query(store, "figures", killed).total == 3
    # --what is the quantity, never a status: "killed" counts no quantity.
    assert run_query(store, "figures", Filters(what="killed")).total == 0
    assert run_query(store, "figures", Filters(what="wounded")).total == 0
    assert ids(run_query(store, "figures", Filters(source="ARMY"))) == ["strip"]
    assert ids(run_query(store, "figures", Filters(publisher="jazeera"))) == ["west-bank", "gaza"]
    assert ids(run_query(store, "figures", Filters(text="least"))) == ["gaza"]
    # The stated day ("on Monday" of a Wednesday report) is the figure's date.
    monday = Filters(since=_day("2023-11-06"), until=_day("2023-11-06"))
    assert ids(run_query(store, "figures", monday)) == ["strip"]


def test_limit_keeps_the_total(store) -> None:
    result = run_query(store, "figures", Filters(), limit=1)
    assert len(result.rows) == 1 and result.total == 3
    assert result.rows[0]["article_id"] == "west-bank"  # newest first


def test_pages_and_totals_agree(store) -> None:
    every = run_query(store, "figures", Filters(), limit=None)
    assert every.total == len(every.rows) == 3
    for limit in (1, 2, 3, 5):
        page = run_query(store, "figures", Filters(), limit=limit)
        assert (page.rows, page.total) == (every.rows[:limit], 3)
    counted_only = run_query(store, "figures", Filters(), limit=0)
    assert (counted_only.rows, counted_only.total) == ([], 3)
    nothing = run_query(store, "figures", Filters(source="nobody"), limit=None)
    assert (nothing.rows, nothing.total) == ([], 0)
    jazeera = run_query(store, "figures", Filters(publisher="JAZEERA"), limit=1)
    assert (ids(jazeera), jazeera.total) == (["west-bank"], 2)
    assert set(every.rows[0]) >= {"article_id", "publisher", "date", "value", "text", "story"}
    assert "_total" not in every.rows[0]


def test_text_without_letters(store) -> None:
    # Digits and signs have no case: matched as they are, "%" and "_" literally.
    assert ids(run_query(store, "figures", Filters(text="40"))) == ["gaza"]
    assert ids(run_query(store, "figures", Filters(text="3"))) == ["strip"]
    assert run_query(store, "figures", Filters(text="4%")).total == 0
    assert run_query(store, "figures", Filters(text="_")).total == 0
    assert ids(run_query(store, "figures", Filters(text="LEAST 4"))) == ["gaza"]


def test_queries_after_refreshing_statistics(store) -> None:
    refresh_statistics(store.engine)  # PostgreSQL: VACUUM (ANALYZE), outside a transaction
    # A source by its id or a name that resolves to it, never a substring of a name.
    assert ids(run_query(store, "figures", Filters(source="pse-health-ministry"))) == ["gaza"]
    assert ids(run_query(store, "figures", Filters(source="Gaza's Ministry of Health"))) == ["gaza"]
    assert ids(run_query(store, "figures", Filters(source="ministry"))) == []
    assert run_query(store, "events", Filters(publisher="reuters")).total == 2


def test_quotes_events_and_actors(store) -> None:
    assert ids(run_query(store, "quotes", Filters(speaker="Health Ministry"))) == ["gaza"]
    assert run_query(store, "events", Filters(actor="psereb")).rows[0]["code"] == "081"
    assert [r["code"] for r in run_query(store, "events", Filters(code="12")).rows] == ["127"]
    actors = {row["name"]: row for row in run_query(store, "actors", Filters()).rows}
    assert actors["the health ministry"]["quotes"] == 1
    assert actors["the health ministry"]["figures"] == 1
    assert actors["Israel"]["events_as_source"] == 1
    only_israel = run_query(store, "actors", Filters(actor="isr"))
    assert [row["name"] for row in only_israel.rows] == ["Israel"]


def test_a_filter_that_does_not_apply_is_refused() -> None:
    with pytest.raises(StoreError, match="--status does not filter events"):
        check_filters("events", Filters(status="killed"))


def _day(text: str):
    from datetime import date

    return date.fromisoformat(text)
