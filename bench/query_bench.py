"""Query benchmark: 100k stored figures, the corpus queries timed (bar: under 200 ms).

    .venv/bin/python bench/query_bench.py                      # a temporary SQLite file
    .venv/bin/python bench/query_bench.py --db postgresql://me@localhost/bench

Fills an empty store with synthetic reports through the normal writer (10 figures each,
spread over places, sources, publishers and 200 days), then runs each query ``--repeat``
times on one connection and prints the median and the slowest run, in milliseconds.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from newsclaims.model import ActorRef, Figure, Report, Span
from newsclaims.resolve.stage import resolve_report
from newsclaims.store.connect import open_store, refresh_statistics
from newsclaims.store.queries import Filters, run_query
from newsclaims.store.schema import figures
from newsclaims.store.writer import ReportWriter
from newsclaims.track.timeline import timeline_points

PLACES = ["Gaza", "the Gaza Strip", "the West Bank", "Rafah", "Khan Younis", "Jenin", "Lebanon",
          "northern Gaza", "Israel", "Syria"]  # fmt: skip
WHATS = [("people", "killed"), ("people", "injured"), ("hostages", "held"),
         ("hostages", "released"), ("children", "killed"), ("aid trucks", "entered")]  # fmt: skip
SOURCES = ["the health ministry", "the Israeli military", "UNRWA", "the civil defence",
           "the World Health Organization", None]  # fmt: skip
PUBLISHERS = ["Al Jazeera", "Reuters", "The Guardian", "Jerusalem Post", "New York Times"]
QUALIFIERS = ["exact", "exact", "approx", "at_least", "at_most", "range"]
START = date(2023, 10, 7)
BAR_MS = 200.0
VOCABULARY = [
    "".join(random.Random(n).choices("abcdefghijklmnopqrstuvwxyz", k=6)) for n in range(5000)
]


def synthetic_report(number: int, rng: random.Random, per_report: int) -> Report:
    parts, items = [], []
    for index in range(per_report):
        what, status = rng.choice(WHATS)
        value = float(rng.randint(1, 30_000))
        qualifier = rng.choice(QUALIFIERS)
        place = rng.choice(PLACES)
        source = rng.choice(SOURCES)
        # Random filler words keep reports apart, as real ones are (no false versions).
        filler = " ".join(rng.choice(VOCABULARY) for _ in range(6))
        sentence = f"{filler}: {value:.0f} {what} {status} in {place}. "
        offset = sum(len(part) for part in parts) + sentence.index(f"{value:.0f}")
        parts.append(sentence)
        items.append(
            Figure(
                id=f"f{index}",
                span=Span(start=offset, end=offset + len(f"{value:.0f}"), text=f"{value:.0f}"),
                value=value, qualifier=qualifier,
                low=value if qualifier == "range" else None,
                high=value * 1.2 if qualifier == "range" else None,
                what=what, status=status, where=place,
                source=ActorRef(text=source, kind="organization") if source else None,
            )
        )  # fmt: skip
    day = START + timedelta(days=rng.randrange(200))
    # As the pipeline hands reports to the store: resolved (places, quantities, sources).
    return resolve_report(Report(
        id=f"bench-{number}", text="".join(parts), date=day.isoformat(),
        publisher=rng.choice(PUBLISHERS), figures=items,
    ))  # fmt: skip


def fill(engine: sa.Engine, total_figures: int, per_report: int, batch: int) -> float:
    rng = random.Random(7)
    writer = ReportWriter(engine)
    started = time.perf_counter()
    reports = [synthetic_report(n, rng, per_report) for n in range(total_figures // per_report)]
    for start in range(0, len(reports), batch):
        writer.write(reports[start : start + batch])
    refresh_statistics(engine)  # as ingest does after writing
    return time.perf_counter() - started


QUERIES: dict[str, Filters] = {
    "people killed in Gaza (what+status+where)": Filters(what="people", status="killed", where="Gaza"),
    "Gaza in November (where+dates)": Filters(where="the Gaza Strip", since=date(2023, 11, 1),
                                             until=date(2023, 11, 30)),
    "source by name ('the health ministry')": Filters(source="the health ministry"),
    "publisher + text": Filters(publisher="jazeera", text="1"),
    "hostages held, one month": Filters(what="hostages", status="held", since=date(2023, 12, 1),
                                        until=date(2023, 12, 31)),
    "everything (newest 50)": Filters(),
}  # fmt: skip


def timed(run: Callable[[], Any], repeat: int) -> tuple[float, float, Any]:
    times, result = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        result = run()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), max(times), result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="an EMPTY database URL (default: a temporary SQLite file)")
    parser.add_argument("--figures", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        db = args.db or f"sqlite:///{Path(scratch) / 'bench.db'}"
        engine = open_store(db)
        with engine.connect() as connection:
            stored = connection.scalar(sa.select(sa.func.count()).select_from(figures)) or 0
        fill_seconds = 0.0
        if stored < args.figures:
            fill_seconds = fill(engine, args.figures - stored, per_report=10, batch=500)
        results = []
        load_before = os.getloadavg()[0]
        with engine.connect() as connection:
            stored = connection.scalar(sa.select(sa.func.count()).select_from(figures))
            for name, filters in QUERIES.items():
                median, worst, result = timed(
                    lambda f=filters: run_query(connection, "figures", f, limit=50), args.repeat
                )
                results.append({"query": name, "median_ms": round(median, 1),
                                "max_ms": round(worst, 1), "matches": result.total})  # fmt: skip
            timeline_filters = Filters(what="people", status="killed", where="Gaza")
            median, worst, points = timed(
                lambda: timeline_points(connection, timeline_filters), max(1, args.repeat // 2)
            )
            results.append({"query": "timeline: people killed in Gaza (all points)",
                            "median_ms": round(median, 1), "max_ms": round(worst, 1),
                            "matches": len(points)})  # fmt: skip
        engine.dispose()
    load = [round(load_before, 2), round(os.getloadavg()[0], 2)]
    summary = {"backend": sa.make_url(db).get_backend_name(), "figures": stored,
               "fill_seconds": round(fill_seconds, 1), "load_1min": load, "queries": results,
               "bar_ms": BAR_MS,
               "all_under_bar": all(r["max_ms"] < BAR_MS for r in results[:-1])}  # fmt: skip
    if args.json:
        print(json.dumps(summary, indent=2))
        return
    print(
        f"{summary['backend']}: {stored:,} figures (filled in {fill_seconds:.1f} s); "
        f"1-minute load {load[0]:.2f} before the queries, {load[1]:.2f} after"
    )
    for row in results:
        print(f"  {row['median_ms']:8.1f} ms median  {row['max_ms']:8.1f} ms max  "
              f"{row['matches']:>7,} matches  {row['query']}")  # fmt: skip
    verdict = "all list queries under" if summary["all_under_bar"] else "NOT all under"
    print(f"{verdict} {BAR_MS:.0f} ms")


if __name__ == "__main__":
    main()
