"""Ingest benchmark: the shared corpora into one store, then again (must add nothing).

    .venv/bin/python bench/ingest_corpora.py                          # all ~23,700 articles
    .venv/bin/python bench/ingest_corpora.py --limit 200 --db /tmp/sample.db

Prints, per pass, articles read, stored, versions linked, skipped, seconds and articles/s,
then the store's totals (articles, stories, figures, quotes, events). The second pass
re-reads everything and must store 0 (it only hashes texts: no NLP runs).
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from collections.abc import Iterator
from itertools import islice
from pathlib import Path

import sqlalchemy as sa

from newsclaims.ingest import Article, iter_articles
from newsclaims.store.connect import open_store
from newsclaims.store.ingest import ingest_articles
from newsclaims.store.schema import articles, events, figures, quotes, stories

CORPORA = ("aljazeera-2017-2024", "nexis-gaza-4papers", "reuters21578")


def corpus_articles(shared: Path, limit: int | None) -> Iterator[Article]:
    for name in CORPORA:
        path = shared / "corpora" / f"{name}.jsonl.gz"
        yield from islice(iter_articles([path]), limit)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path(__file__).parents[1].parent / "shared")
    parser.add_argument("--db", help="database URL or file (default: a temporary SQLite file)")
    parser.add_argument("--limit", type=int, help="articles per corpus (default: all)")
    parser.add_argument("--workers", type=int, default=None)
    parser.add_argument("--batch-size", type=int, default=32)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        db = args.db or f"sqlite:///{Path(scratch) / 'corpora.db'}"
        engine = open_store(db)
        passes = []
        for label in ("first pass", "re-ingest"):
            started = time.perf_counter()
            counts = ingest_articles(
                engine, corpus_articles(args.shared, args.limit),
                workers=args.workers, batch_size=args.batch_size,
            )  # fmt: skip
            seconds = time.perf_counter() - started
            passes.append({"pass": label, "read": counts.read, "stored": counts.stored,
                           "versions": counts.versions, "skipped": counts.skipped,
                           "seconds": round(seconds, 1),
                           "articles_per_s": round(counts.read / seconds, 2)})  # fmt: skip
            print(json.dumps(passes[-1]))
        with engine.connect() as connection:
            totals = {
                table.name: connection.scalar(sa.select(sa.func.count()).select_from(table))
                for table in (articles, stories, figures, quotes, events)
            }
        engine.dispose()
    print(json.dumps({"totals": totals}))
    if passes[1]["stored"] != 0:
        raise SystemExit("re-ingest stored articles: idempotency is broken")


if __name__ == "__main__":
    main()
