"""Writing reports: exactly once per text, one transaction per batch, stories linked."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from report_builders import actor, event, figure, quote, report

from newsclaims.store.connect import open_store
from newsclaims.store.queries import Filters, run_query, stored_reports
from newsclaims.store.schema import actors, articles, events, figures, mentions, quotes, stories
from newsclaims.store.writer import ReportWriter

BODY = (
    "Officials said at least 40 people were killed in the strikes on the port city, and "
    "about 120 were wounded. Rescue workers said dozens more were feared trapped under the "
    "rubble of two residential buildings, while hospitals appealed for fuel and blood. The "
    "army said it had targeted a weapons depot and accused the group of hiding among "
    "civilians. Aid agencies warned that the single crossing into the area had been closed "
    "for a week and that stocks of flour would run out within days."
)
UPDATE = BODY.replace("about 120 were wounded", "about 150 were wounded")
OTHER = (
    "Farmers blocked the main highway with tractors on Monday in protest at new rules on "
    "fertiliser use, causing queues of up to 20 km, police said. The agriculture minister "
    "agreed to meet union leaders later in the week but said the rules would not be "
    "withdrawn, because they were needed to meet water quality targets set by the courts. "
    "Union leaders said more protests would follow if the talks brought no change at all."
)
TABLES = (stories, articles, actors, mentions, quotes, figures, events)


def strike_report(article_id: str, text: str):
    army = actor("The army", code="XXXMIL", kind="organization")
    return report(
        article_id,
        text,
        figures=[
            figure(text, "at least 40", 40, qualifier="at_least", what="people",
                   status="killed", source="Officials"),
            figure(text, "about 1", float(text.split("about ")[1].split()[0]),
                   qualifier="approx", what="people", status="wounded", source="Officials"),
        ],
        quotes=[quote(text, "it had targeted a weapons depot", army)],
        events=[event(text, "accused the group", "112", army, actor("the group", kind="group"))],
    )  # fmt: skip


def row_counts(engine: sa.Engine) -> dict[str, int]:
    with engine.connect() as connection:
        return {
            table.name: connection.scalar(sa.select(sa.func.count()).select_from(table))
            for table in TABLES
        }


def test_writing_the_same_reports_twice_adds_nothing(db_url: str) -> None:
    engine = open_store(db_url)
    writer = ReportWriter(engine)
    batch = [strike_report("a", BODY), report("b", OTHER)]
    first = writer.write(batch)
    counts = row_counts(engine)
    second = ReportWriter(engine).write(batch)
    assert (first.stored, first.skipped) == (2, 0)
    assert (second.stored, second.skipped) == (0, 2)
    assert row_counts(engine) == counts
    assert counts["articles"] == 2 and counts["figures"] == 2 and counts["events"] == 1
    engine.dispose()


def test_the_same_text_twice_in_one_batch_is_stored_once(db_url: str) -> None:
    engine = open_store(db_url)
    result = ReportWriter(engine).write([report("a", OTHER), report("copy-of-a", OTHER)])
    assert (result.stored, result.skipped) == (1, 1)
    engine.dispose()


def test_an_edited_copy_is_a_version_of_the_story(db_url: str) -> None:
    engine = open_store(db_url)
    ReportWriter(engine).write([strike_report("first", BODY), report("other", OTHER)])
    # A later run (a fresh writer, so the story index is rebuilt from the database).
    result = ReportWriter(engine).write([strike_report("update", UPDATE)])
    assert (result.stored, result.versions) == (1, 1)
    with engine.connect() as connection:
        rows = connection.execute(
            sa.select(articles.c.article_id, articles.c.story_pk, articles.c.version)
        ).all()
        stories_of = {article_id: (story, version) for article_id, story, version in rows}
        assert stories_of["update"] == (stories_of["first"][0], 2)
        assert stories_of["other"][0] != stories_of["first"][0]
        # The repeated toll is a copy; the changed one is new, so counted per story.
        per_story = run_query(connection, "figures", Filters(what="people"))
        every_copy = run_query(connection, "figures", Filters(what="people", all_copies=True))
    assert sorted(row["value"] for row in per_story.rows) == [40, 120, 150]
    assert every_copy.total == 4
    engine.dispose()


def test_a_failing_batch_stores_none_of_it(db_url: str) -> None:
    engine = open_store(db_url)
    writer = ReportWriter(engine)
    with pytest.raises(AttributeError):
        writer.write([strike_report("good", BODY), "not a report"])  # type: ignore[list-item]
    assert row_counts(engine)["articles"] == 0
    assert writer.write([strike_report("good", BODY)]).stored == 1
    assert row_counts(engine)["stories"] == 1
    engine.dispose()


def test_whole_report_is_kept_and_actors_are_shared(db_url: str) -> None:
    engine = open_store(db_url)
    original = strike_report("a", BODY)
    ReportWriter(engine).write([original, strike_report("b", OTHER + " " + BODY)])
    with engine.connect() as connection:
        rebuilt = stored_reports(connection, "a")
        army = connection.scalars(sa.select(actors.c.name).where(actors.c.code == "XXXMIL")).all()
    assert rebuilt == [original]
    assert army == ["The army"]
    engine.dispose()
