"""The analyze pipeline: Article -> parsed Doc -> extractors -> Report.

One function per step so that the same code serves ``analyze`` on one file, batches
through ``nlp.pipe`` and Dask workers.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Iterator
from itertools import chain, islice

from spacy.tokens import Doc

from newsclaims.extract.actors import ActorIndex
from newsclaims.extract.events import extract_events
from newsclaims.extract.figures import extract_figures
from newsclaims.extract.quotes import extract_quotes
from newsclaims.ingest.article import Article
from newsclaims.model import Quote, Report, Span
from newsclaims.nlp import parse, parse_stream
from newsclaims.resolve.stage import resolve_report


def build_report(article: Article, doc: Doc) -> Report:
    """Run every extractor over an article's parsed text."""
    actors = ActorIndex(doc)
    quotes = extract_quotes(doc, actors)
    figures = extract_figures(doc, actors, quotes)
    events = extract_events(doc, actors, quotes, date=article.date)
    report = Report(
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
        quotes=with_sentences(quotes, doc),
        figures=figures,
        events=events,
        warnings=list(article.warnings),
    )
    return resolve_report(report)


def with_sentences(quotes: list[Quote], doc: Doc) -> list[Quote]:
    """``quotes`` with the sentence(s) each content lies in, the evidence shown beside it.

    The sentence bounds are read once per document and found by bisection: asking each
    token for its sentence walks the document, which made long reports quadratic.
    """
    if not quotes:
        return quotes
    bounds = [(sentence.start_char, sentence.end_char) for sentence in doc.sents]
    starts = [start for start, _ in bounds]
    text = doc.text  # built from the tokens on every read: once

    def sentence_of(position: int) -> tuple[int, int]:
        return bounds[max(0, bisect_right(starts, position) - 1)]

    found = []
    for quote in quotes:
        if quote.sentence is None and quote.content.end > quote.content.start:
            first = sentence_of(quote.content.start)[0]
            last = sentence_of(quote.content.end - 1)[1]
            quote = quote.model_copy(
                update={"sentence": Span(start=first, end=last, text=text[first:last])}
            )
        found.append(quote)
    return found


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
