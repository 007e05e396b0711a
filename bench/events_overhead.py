"""How much CAMEO event coding adds to ``analyze`` on a long report (bar: at most 10%).

    .venv/bin/python bench/events_overhead.py                       # ../shared/eval/dev
    .venv/bin/python bench/events_overhead.py --text some-long-report.txt --repeat 7

The long report is the given text, or the dev reports of ``shared/eval/dev`` joined into
one. ``analyze`` is timed as the CLI runs it (parse, then every extractor); event coding
is timed alone on the same parsed document. Prints the medians in milliseconds and the
share that events add to an analyze without them.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from newsclaims.extract.actors import ActorIndex
from newsclaims.extract.cameo_lexicon import cameo_lexicon
from newsclaims.extract.events import extract_events
from newsclaims.ingest.readers import text_article
from newsclaims.nlp import load_pipeline, parse
from newsclaims.pipeline import build_report

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DEV = REPO.parent / "shared" / "eval" / "dev"


def long_report(text_path: Path | None, dev_dir: Path) -> str:
    if text_path is not None:
        return text_path.read_text("utf-8")
    bodies = [path.read_text("utf-8") for path in sorted(dev_dir.glob("*.txt"))]
    if not bodies:
        raise SystemExit(f"no .txt reports in {dev_dir}; pass --text")
    return "Long report\n\n" + "\n\n".join(bodies)


def median_ms(runs: list[float]) -> float:
    return statistics.median(runs) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--text", type=Path, default=None, help="a long report (plain text)")
    parser.add_argument("--dev", type=Path, default=DEFAULT_DEV, help="folder of dev reports")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    text = long_report(args.text, args.dev)
    article = text_article(text)
    load_pipeline()
    cameo_lexicon()
    build_report(article, parse(text))  # warm caches (lexicons, pycountry)

    analyze_runs: list[float] = []
    parse_runs: list[float] = []
    event_runs: list[float] = []
    for _ in range(args.repeat):
        started = time.perf_counter()
        doc = parse(text)
        parse_runs.append(time.perf_counter() - started)
        report = build_report(article, doc)
        analyze_runs.append(time.perf_counter() - started)
        actors = ActorIndex(doc)
        started = time.perf_counter()
        extract_events(doc, actors, report.quotes, date=article.date)
        event_runs.append(time.perf_counter() - started)

    analyze_ms, events_ms = median_ms(analyze_runs), median_ms(event_runs)
    parse_ms = median_ms(parse_runs)
    share = events_ms / (analyze_ms - events_ms)
    print(f"report: {len(text.split()):,} words, {len(report.events)} events")
    print(f"analyze (median of {args.repeat}): {analyze_ms:8.1f} ms")
    print(f"  of which parsing:       {parse_ms:8.1f} ms")
    print(f"events alone:            {events_ms:8.1f} ms")
    print(f"events add {share:.1%} to analyze without them (bar: 10%)")
    # The bound that holds however fast the other extractors become.
    print(f"events / parsing alone: {events_ms / parse_ms:.1%}")


if __name__ == "__main__":
    main()
