"""analyze_parallel: the same reports as analyze_stream, in order, streamed, on processes."""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterator
from itertools import count, islice

import pytest

from newsclaims.ingest import Article
from newsclaims.ingest.readers import text_article
from newsclaims.nlp import ModelNotFoundError
from newsclaims.pipeline import analyze_parallel, analyze_stream
from newsclaims.scale import shutdown_pools

PLACES = ["Cairo", "Geneva", "Doha", "Vienna", "Ankara", "Oslo", "Amman"]
SPEAKERS = ["Foreign Minister Ayman Safadi", "U.S. envoy Amos Hochstein", "Mayor Ana Lopez"]


def generated_article(number: int) -> Article:
    """A short wire-style report, different for every ``number``."""
    place = PLACES[number % len(PLACES)]
    speaker = SPEAKERS[number % len(SPEAKERS)]
    return text_article(
        f"Talks resume in {place} ({number})\n\n"
        f"{place.upper()} (Reuters) - {speaker} said on Monday that {number + 3} "
        f'delegates had arrived in {place}. "We expect progress," he told reporters.\n'
    )


def test_parallel_reports_equal_the_in_process_ones_in_input_order(nlp):
    articles = [generated_article(number) for number in range(9)]
    expected = list(analyze_stream(articles, batch_size=2))
    reports = list(analyze_parallel(articles, workers=2, batch_size=2))
    assert [report.id for report in reports] == [article.id for article in articles]
    assert reports == expected


def test_parallel_run_uses_worker_processes_and_streams_an_endless_input():
    pulled = 0

    def endless() -> Iterator[Article]:
        nonlocal pulled
        for number in count():
            pulled += 1
            yield generated_article(number)

    reports = analyze_parallel(endless(), workers=2, batch_size=2)
    first = list(islice(reports, 3))
    assert multiprocessing.active_children(), "expected worker processes"
    reports.close()
    assert [report.headline for report in first] == [
        generated_article(number).headline for number in range(3)
    ]
    # The head chunk, plus at most two chunks in flight per worker, plus one refill.
    assert pulled <= 2 * (1 + 2 * 2 + 2)


@pytest.mark.parametrize(("workers", "size"), [(1, 5), (2, 1)])
def test_one_worker_or_less_than_a_chunk_runs_in_this_process(nlp, workers, size):
    shutdown_pools()  # the pools earlier tests kept
    assert not multiprocessing.active_children()
    articles = [generated_article(number) for number in range(size)]
    reports = analyze_parallel(articles, workers=workers, batch_size=2)
    first = next(reports)
    assert not multiprocessing.active_children()
    assert [first, *reports] == list(analyze_stream(articles, batch_size=2))


def test_a_missing_model_is_reported_from_the_workers():
    articles = [generated_article(number) for number in range(4)]
    with pytest.raises(ModelNotFoundError, match="no_such_model_xyz"):
        list(analyze_parallel(articles, workers=2, model="no_such_model_xyz", batch_size=2))


def test_a_second_run_finds_the_workers_started(nlp):
    articles = [generated_article(number) for number in range(6)]
    list(analyze_parallel(articles, workers=2, batch_size=2))
    workers = {process.pid for process in multiprocessing.active_children()}
    assert list(analyze_parallel(articles, workers=2, batch_size=2)) == list(
        analyze_stream(articles, batch_size=2)
    )
    assert workers and workers <= {process.pid for process in multiprocessing.active_children()}
