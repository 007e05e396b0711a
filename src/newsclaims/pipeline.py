"""The analyze pipeline: Article -> parsed Doc -> extractors -> Report.

One function per step so that the same code serves ``analyze`` on one file, batches
through ``nlp.pipe`` and Dask workers.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import chain, islice

from spacy.tokens import Doc

from newsclaims.extract.actors import ActorIndex
from newsclaims.extract.events import extract_events
from newsclaims.extract.figures import extract_figures
from newsclaims.extract.quotes import extract_quotes
from newsclaims.ingest.article import Article
from newsclaims.model import Report
from newsclaims.nlp import parse, parse_stream


def build_report(article: Article, doc: Doc) -> Report:
    """Run every extractor over an article's parsed text."""
    actors = ActorIndex(doc)
    quotes = extract_quotes(doc, actors)
    figures = extract_figures(doc, actors, quotes)
    events = extract_events(doc, actors, quotes, date=article.date)
    return Report(
        id=article.id,
        text=article.text,
        headline=article.headline,
        dateline=article.dateline,
        agency=article.agency,
        date=article.date,
        publisher=article.publisher,
        url=article.url,
        source_path=article.source_path,
        entities=actors.entities,
        quotes=quotes,
        figures=figures,
        events=events,
        warnings=list(article.warnings),
    )


def analyze_article(article: Article, model: str | None = None) -> Report:
    """Analyze one article."""
    return build_report(article, parse(article.text, model))


def analyze_stream(
    articles: Iterable[Article], model: str | None = None, batch_size: int = 32
) -> Iterator[Report]:
    """Analyze articles lazily, parsing them in batches through ``nlp.pipe``."""
    pairs = ((article.text, article) for article in articles)
    for doc, article in parse_stream(pairs, model=model, batch_size=batch_size):
        yield build_report(article, doc)


def analyze_parallel(
    articles: Iterable[Article],
    workers: int | None = None,
    model: str | None = None,
    batch_size: int = 32,
) -> Iterator[Report]:
    """Analyze articles on ``workers`` processes (default: all cores), in input order.

    Each worker process loads the model once and analyzes chunks of ``batch_size``
    articles; only a few chunks per worker are in flight, so the input is streamed,
    never held whole. ``workers=1``, or an input of less than one chunk, runs here in
    this process (starting processes would cost more than it saves).
    """
    from newsclaims.scale import default_workers, process_pool_reports

    count = workers or default_workers()
    stream = iter(articles)
    head = list(islice(stream, batch_size))
    if count <= 1 or len(head) < batch_size:
        yield from analyze_stream(chain(head, stream), model=model, batch_size=batch_size)
        return
    yield from process_pool_reports(chain(head, stream), count, model, batch_size)
