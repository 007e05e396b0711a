"""Throughput benchmark: spaCy parsing alone against the whole newsclaims pipeline.

``make bench`` runs ``python bench/run.py --shared ../shared``. On one fixed sample (an
evenly spaced, size-proportional sample of ``shared/corpora/*.jsonl.gz`` plus the dev
reports) it measures, each phase in a fresh process:

- ``single``: on one process, (a) spaCy's ``nlp.pipe`` alone and (b) the whole pipeline
  (read the files, parse, extract, write Parquet), their ratio a/b (b's throughput over
  a's), and the CPU time of each stage (read, spaCy, our components, extract, write);
- ``parallel``: (b) on ``--workers`` processes (``analyze_parallel``);
- ``store``: read, analyze and store into a fresh SQLite store (``newsclaims.store``,
  skipped when it is not importable), on 1 and on ``--workers`` processes;
- ``dask``: the ``batch --engine dask`` path on a local Dask cluster of 1 and of
  ``--workers`` worker processes.

Worker processes (and the model in them) are started before the clock starts, as a
long run would have them; that start-up time is reported apart (``worker_start_s``).

It prints articles/s, words/s (whitespace-separated words of the analysed text) and the
peak RSS of every process, writes them to ``bench/results.json`` and refreshes the table
between the ``bench:start``/``bench:end`` markers of ``README.md`` and ``bench/README.md``.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
RESULTS = BENCH / "results.json"
README_FILES = (REPO / "README.md", BENCH / "README.md")
START_MARK, END_MARK = "<!-- bench:start -->", "<!-- bench:end -->"
MIB = 1024 * 1024
RSS_POLL_S = 0.05
HELPER_RSS = 64 * MIB  # smaller processes hold no model: helpers, not workers


# --- the sample ------------------------------------------------------------------------


def count_lines(path: Path) -> int:
    with gzip.open(path, "rb") as stream:
        return sum(1 for _ in stream)


def proportional_shares(sizes: dict[str, int], total: int) -> dict[str, int]:
    """``total`` split in proportion to ``sizes`` (largest remainders), at least 1 each."""
    whole = sum(sizes.values())
    exact = {name: total * size / whole for name, size in sizes.items()}
    shares = {name: max(1, int(value)) for name, value in exact.items()}
    by_remainder = sorted(exact, key=lambda name: exact[name] - int(exact[name]), reverse=True)
    for name in by_remainder[: max(0, total - sum(shares.values()))]:
        shares[name] += 1
    return shares


def build_sample(shared: Path, size: int, work: Path) -> tuple[list[str], dict[str, int]]:
    """The bench inputs: one JSONL of evenly spaced corpus records, plus the dev reports.

    Returns the input paths and how many articles each source gave.
    """
    dev = sorted((shared / "eval" / "dev").glob("*.txt"))
    corpora = sorted((shared / "corpora").glob("*.jsonl.gz"))
    if not corpora:
        raise SystemExit(f"bench: no corpora in {shared / 'corpora'}")
    sizes = {path.name: count_lines(path) for path in corpora}
    shares = proportional_shares(sizes, max(size - len(dev), len(corpora)))
    sample = work / "sample.jsonl"
    with sample.open("wb") as out:
        for path in corpora:
            step = sizes[path.name] / shares[path.name]
            wanted = {int(step / 2 + step * k) for k in range(shares[path.name])}
            with gzip.open(path, "rb") as stream:
                for number, line in enumerate(stream):
                    if number in wanted:
                        out.write(line.rstrip(b"\n") + b"\n")
    counts = {name.removesuffix(".jsonl.gz"): share for name, share in shares.items()}
    counts["dev reports"] = len(dev)
    return [str(sample), *map(str, dev)], counts


# --- measuring a phase in its own process ----------------------------------------------


class RssMonitor(threading.Thread):
    """Samples the resident memory of a process and its descendants; keeps each one's peak."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        import psutil

        self.root = psutil.Process(pid)
        self.peaks: dict[int, int] = {}
        self.done = threading.Event()

    def run(self) -> None:
        import psutil

        while not self.done.is_set():
            try:
                processes = [self.root, *self.root.children(recursive=True)]
            except psutil.Error:
                return
            for process in processes:
                try:
                    rss = process.memory_info().rss
                except psutil.Error:
                    continue
                self.peaks[process.pid] = max(rss, self.peaks.get(process.pid, 0))
            self.done.wait(RSS_POLL_S)

    def summary(self) -> dict[str, Any]:
        """Peak RSS (MiB) of the phase's main process and of each process it started.

        Workers are among the others; so are small helpers (multiprocessing's forkserver
        and resource tracker, Dask's nannies), which is why only the largest are kept.
        """
        main = self.peaks.get(self.root.pid, 0)
        others = sorted(
            (rss for pid, rss in self.peaks.items() if pid != self.root.pid), reverse=True
        )
        return {
            "main_mib": round(main / MIB),
            "others_mib": [round(rss / MIB) for rss in others if rss >= HELPER_RSS],
            "max_per_process_mib": round(max(main, *others, 0) / MIB),
        }


def run_phase(name: str, options: dict[str, Any], work: Path, timeout: float) -> dict[str, Any]:
    """Run ``name`` in a fresh Python process, watching its memory; its result dict.

    A phase that runs past ``timeout`` seconds is stopped and reported as an error (an
    extractor that loops on some article must not hang ``make bench``).
    """
    result_file = work / f"{name}-{options.get('workers', 1)}.json"
    command = [
        sys.executable, str(Path(__file__).resolve()), "--phase", name,
        "--phase-options", json.dumps(options), "--phase-result", str(result_file),
    ]  # fmt: skip
    load = os.getloadavg()[0]
    process = subprocess.Popen(command, cwd=REPO, start_new_session=True)
    monitor = RssMonitor(process.pid)
    monitor.start()
    try:
        code = process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)  # the phase and the workers it started
        process.wait()
        code = None
    finally:
        monitor.done.set()
        monitor.join()
    if code is None:
        return {"error": f"phase {name} ran past {timeout:.0f} s and was stopped"}
    if code != 0:
        return {"error": f"phase {name} exited with {code}"}
    result = json.loads(result_file.read_text())
    result["peak_rss"] = monitor.summary()
    result["load_average_before"] = round(load, 2)
    return result


class Clock:
    """Wall time, and CPU time of this process and every process under it, of a block.

    On a shared machine the wall time depends on what else runs; the CPU time does not,
    so articles per CPU-second tell what dedicated cores would give.
    """

    wall: float = 0.0
    cpu: float = 0.0

    def __enter__(self) -> Clock:
        self._wall, self._cpu = time.perf_counter(), tree_cpu_s()
        return self

    def __exit__(self, *exc: object) -> None:
        self.wall = time.perf_counter() - self._wall
        self.cpu = tree_cpu_s() - self._cpu


def tree_cpu_s() -> float:
    import psutil

    me = psutil.Process()
    total = 0.0
    for process in [me, *me.children(recursive=True)]:
        try:
            times = process.cpu_times()
        except psutil.Error:
            continue
        total += times.user + times.system
    return total


def rates(articles: int, words: int, clock: Clock) -> dict[str, Any]:
    return {
        "articles": articles,
        "seconds": round(clock.wall, 2),
        "articles_per_s": round(articles / clock.wall, 2),
        "words_per_s": round(words / clock.wall),
        "cpu_s": round(clock.cpu, 2),
        "articles_per_cpu_s": round(articles / clock.cpu, 2),
    }


# --- the phases (each runs in its own process) -----------------------------------------


def _articles(inputs: list[str]) -> Iterator[Any]:
    from newsclaims.scale import iter_inputs

    return iter_inputs(inputs)


def _words(articles: Iterable[Any]) -> int:
    return sum(len(article.text.split()) for article in articles)


def _warm_up(inputs: list[str], batch_size: int) -> None:
    """Load the model and touch every extractor once, outside the clock."""
    from itertools import islice

    from newsclaims.pipeline import analyze_stream

    list(analyze_stream(islice(_articles(inputs), 4), batch_size=batch_size))


def our_components(nlp: Any) -> list[str]:
    """The pipeline components newsclaims adds to the model (off for "spaCy alone")."""
    return [
        name
        for name, component in nlp.pipeline
        if getattr(component, "__module__", "").startswith("newsclaims")
    ]


def phase_single(options: dict[str, Any]) -> dict[str, Any]:
    """(a) spaCy parsing alone and (b) the whole pipeline, in this one process.

    (a) runs ``nlp.pipe`` over the texts with only the model's own components; (b) reads
    the files, parses (with our components), extracts and writes Parquet, streaming, as
    ``newsclaims batch --workers 1`` does. Then every ``--stage-every``-th article goes
    through the same steps one stage at a time, to say where our time goes.
    """
    from newsclaims.nlp import load_pipeline
    from newsclaims.pipeline import analyze_stream, build_report
    from newsclaims.scale import ParquetDataset, reports_to_tables, write_reports

    inputs, batch_size, repeat = options["inputs"], options["batch_size"], options["repeat"]
    work = Path(options["work"])
    _warm_up(inputs, batch_size)
    nlp = load_pipeline()
    articles = list(_articles(inputs))
    texts = [article.text for article in articles]
    best: dict[str, Clock] = {}
    for round_number in range(repeat):
        with nlp.select_pipes(disable=our_components(nlp)), Clock() as parse:
            for _doc in nlp.pipe(texts, batch_size=batch_size):
                pass
        with Clock() as full:
            out = ParquetDataset(str(work / f"single-full-{round_number}"))
            out.prepare(overwrite=True)
            write_reports(analyze_stream(_articles(inputs), batch_size=batch_size), out)
        if "parse" not in best or parse.wall < best["parse"].wall:
            best["parse"] = parse
        if "full" not in best or full.wall < best["full"].wall:
            best["full"] = full

    subset = articles[:: options["stage_every"]]
    with Clock() as read:
        list(_articles(inputs))
    ours = our_components(nlp)
    components: dict[str, float] = {}
    with Clock() as step:
        docs = [nlp.make_doc(article.text) for article in subset]
    components["tokenizer"] = step.cpu
    for name, component in nlp.pipeline:
        with Clock() as step:
            if hasattr(component, "pipe"):
                docs = list(component.pipe(docs, batch_size=batch_size))
            else:
                docs = [component(doc) for doc in docs]
        components[name] = step.cpu
    with Clock() as extract:
        reports = [build_report(a, doc) for a, doc in zip(subset, docs, strict=True)]
    with Clock() as serialize:
        out = ParquetDataset(str(work / "single-stages"))
        out.prepare(overwrite=True)
        out.write_shard(0, reports_to_tables(enumerate(reports)))
    words = _words(articles)
    return {
        "parse_only": rates(len(articles), words, best["parse"]),
        "full": rates(len(articles), words, best["full"]),
        "ratio_full_to_parse": round(best["parse"].wall / best["full"].wall, 3),
        "ratio_full_to_parse_cpu": round(best["parse"].cpu / best["full"].cpu, 3),
        "stages_cpu_s": {
            "articles": len(subset),
            "read (all articles)": round(read.cpu, 2),
            "spaCy (tokenizer and model components)": round(
                sum(cpu for name, cpu in components.items() if name not in ours), 2
            ),
            "our components (" + ", ".join(ours) + ")": round(
                sum(components[name] for name in ours), 2
            ),
            "extract (build_report)": round(extract.cpu, 2),
            "serialize (Parquet)": round(serialize.cpu, 2),
        },
        "components_cpu_s": {name: round(cpu, 2) for name, cpu in components.items()},
        "words": words,
    }


def _start_workers(inputs: list[str], workers: int, batch_size: int) -> float:
    """Start the worker pool (model loaded) on a first chunk per worker; seconds taken.

    The pool is kept for the process, so the timed run after it measures throughput, not
    start-up, as the Dask phases (whose cluster is also started before the clock) do.
    """
    from itertools import islice

    from newsclaims.pipeline import analyze_parallel

    started = time.perf_counter()
    first = list(islice(_articles(inputs), max(workers, 1) * batch_size))
    list(analyze_parallel(first, workers=workers, batch_size=batch_size))
    return time.perf_counter() - started


def phase_parallel(options: dict[str, Any]) -> dict[str, Any]:
    """The whole pipeline on ``workers`` processes (``analyze_parallel``), Parquet out."""
    from newsclaims.pipeline import analyze_parallel
    from newsclaims.scale import ParquetDataset, write_reports

    inputs, workers, batch_size = options["inputs"], options["workers"], options["batch_size"]
    start_s = _start_workers(inputs, workers, batch_size)
    out = ParquetDataset(str(Path(options["work"]) / f"parallel-{workers}"))
    out.prepare(overwrite=True)
    with Clock() as clock:
        reports = analyze_parallel(_articles(inputs), workers=workers, batch_size=batch_size)
        counts = write_reports(reports, out)
    return {
        **rates(counts.rows["articles"], options["words"], clock),
        "worker_start_s": round(start_s, 2),
    }


def phase_store(options: dict[str, Any]) -> dict[str, Any]:
    """Read, analyze and store into a fresh SQLite store on ``workers`` processes."""
    try:
        from newsclaims.store.connect import open_store
        from newsclaims.store.ingest import ingest_articles
    except ImportError as error:
        return {"skipped": f"newsclaims.store is not importable ({error})"}
    from newsclaims.ingest import iter_articles

    inputs, workers, batch_size = options["inputs"], options["workers"], options["batch_size"]
    start_s = _start_workers(inputs, workers, batch_size)
    database = Path(options["work"]) / f"store-{workers}.sqlite"
    database.unlink(missing_ok=True)
    engine = open_store(f"sqlite:///{database}")
    with Clock() as clock:
        articles = iter_articles(inputs)
        counts = ingest_articles(engine, articles, workers=workers, batch_size=batch_size)
    engine.dispose()
    return {
        **rates(counts.read, options["words"], clock),
        "worker_start_s": round(start_s, 2),
        "stored": counts.stored,
        "skipped_duplicates": counts.skipped,
    }


def phase_dask(options: dict[str, Any]) -> dict[str, Any]:
    """``batch --engine dask`` on a warmed-up local cluster of ``workers`` processes."""
    from distributed import Client, LocalCluster

    from newsclaims.scale import BatchSettings, preload_model, run_dask

    workers = options["workers"]
    started = time.perf_counter()
    with (
        LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        Client(cluster) as client,
    ):
        client.wait_for_workers(workers)
        client.run(preload_model, None)
        start_s = time.perf_counter() - started
        settings = BatchSettings(
            batch_size=options["batch_size"], shard_size=options["dask_shard_size"]
        )
        with Clock() as clock:
            counts = run_dask(
                _articles(options["inputs"]),
                Path(options["work"]) / f"dask-{workers}",
                scheduler=cluster.scheduler_address,
                settings=settings,
                overwrite=True,
            )
    return {
        **rates(counts.rows["articles"], options["words"], clock),
        "worker_start_s": round(start_s, 2),
        "shards": counts.shards,
    }


PHASES: dict[str, Callable[[dict[str, Any]], dict[str, Any]]] = {
    "single": phase_single,
    "parallel": phase_parallel,
    "store": phase_store,
    "dask": phase_dask,
}


# --- orchestration and reporting -------------------------------------------------------


def machine() -> dict[str, Any]:
    import spacy

    from newsclaims.nlp import default_model_name

    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    ) if Path("/proc/cpuinfo").exists() else platform.processor()  # fmt: skip
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "python": platform.python_version(),
        "spacy": spacy.__version__,
        "model": default_model_name(),
    }


def markdown(results: dict[str, Any]) -> str:
    """The results as the README table."""
    single = results["single"]
    sample = results["sample"]
    workers = results["workers"]
    # (label, rates, the phase that ran them: its peak RSS and load)
    rows = [
        ("spaCy `nlp.pipe` alone, 1 process", single["parse_only"], single),
        ("newsclaims read+parse+extract+Parquet, 1 process", single["full"], single),
    ]
    for label, key in (
        (f"newsclaims, {workers} processes", f"parallel_{workers}"),
        ("newsclaims + SQLite store, 1 process", "store_1"),
        (f"newsclaims + SQLite store, {workers} processes", f"store_{workers}"),
        ("Dask local cluster, 1 worker", "dask_1"),
        (f"Dask local cluster, {workers} workers", f"dask_{workers}"),
    ):
        phase = results.get(key, {})
        if "articles_per_s" in phase:
            rows.append((label, phase, phase))
    lines = [
        f"Sample: {sample['articles']} articles ({sample['mean_words']:.0f} words on average; "
        + ", ".join(f"{count} {name}" for name, count in sample["sources"].items())
        + f"). Machine: {results['machine']['cores']} × {results['machine']['cpu']}, "
        f"spaCy {results['machine']['spacy']} `{results['machine']['model']}`; "
        f"measured {results['measured_at']}.",
        "",
        "| run | articles/s | words/s | articles per CPU-second | peak RSS per process (MiB) "
        "| load before |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for label, phase, ran in rows:
        memory = ran["peak_rss"]["max_per_process_mib"] if "peak_rss" in ran else ""
        lines.append(
            f"| {label} | {phase['articles_per_s']:.2f} | {phase['words_per_s']:,} "
            f"| {phase['articles_per_cpu_s']:.2f} | {memory} "
            f"| {ran.get('load_average_before', '')} |"
        )
    lines += ["", "Ratios: " + ", ".join(f"{k} = {v}" for k, v in results["ratios"].items())]
    stages = dict(single["stages_cpu_s"])
    subset = stages.pop("articles")
    lines += [
        "",
        f"CPU seconds by stage, one process, {subset} of the articles: "
        + ", ".join(f"{name} {seconds}" for name, seconds in stages.items()),
    ]
    starts = [
        f"{key} {phase['worker_start_s']} s"
        for key, phase in results.items()
        if isinstance(phase, dict) and "worker_start_s" in phase
    ]
    if starts:
        lines += ["", "Worker start-up, once per run and not in the rates: " + ", ".join(starts)]
    skipped = [f"{key}: {phase['skipped']}" for key, phase in results.items() if isinstance(phase, dict) and "skipped" in phase]  # fmt: skip
    if skipped:
        lines += ["", "Skipped: " + "; ".join(skipped)]
    return "\n".join(lines) + "\n"


def refresh_readmes(table: str) -> list[str]:
    """Put ``table`` between the bench markers of each README that has them."""
    refreshed = []
    for path in README_FILES:
        if not path.exists():
            continue
        text = path.read_text(encoding="utf-8")
        if START_MARK not in text or END_MARK not in text:
            continue
        head, rest = text.split(START_MARK, 1)
        _, tail = rest.split(END_MARK, 1)
        path.write_text(f"{head}{START_MARK}\n{table}{END_MARK}{tail}", encoding="utf-8")
        refreshed.append(str(path.relative_to(REPO)))
    return refreshed


def ratio(numerator: dict[str, Any] | None, denominator: dict[str, Any] | None) -> float | None:
    if not numerator or not denominator:
        return None
    if "articles_per_s" not in numerator or "articles_per_s" not in denominator:
        return None
    return round(numerator["articles_per_s"] / denominator["articles_per_s"], 3)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--sample", type=int, default=300, help="articles in the sample")
    parser.add_argument("--workers", type=int, default=2, help="processes for the parallel runs")
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--dask-shard-size", type=int, default=16)
    parser.add_argument("--repeat", type=int, default=1, help="single-process rounds (best kept)")
    parser.add_argument(
        "--stage-every", type=int, default=3, help="time stages on every n-th article"
    )
    parser.add_argument("--skip", action="append", default=[], choices=sorted(PHASES))
    parser.add_argument(
        "--phase-timeout", type=float, default=900, help="seconds before a phase is stopped"
    )
    parser.add_argument("--results", type=Path, default=RESULTS)
    parser.add_argument("--phase", choices=sorted(PHASES), help=argparse.SUPPRESS)
    parser.add_argument("--phase-options", help=argparse.SUPPRESS)
    parser.add_argument("--phase-result", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.phase:
        result = PHASES[args.phase](json.loads(args.phase_options))
        args.phase_result.write_text(json.dumps(result))
        return 0
    if not (args.shared / "corpora").is_dir():
        print(f"bench: needs the shared corpora at {args.shared}/corpora", file=sys.stderr)
        return 2

    with tempfile.TemporaryDirectory(prefix="newsclaims-bench-") as tmp:
        work = Path(tmp)
        inputs, sources = build_sample(args.shared, args.sample, work)
        options: dict[str, Any] = {
            "inputs": inputs,
            "work": tmp,
            "batch_size": args.batch_size,
            "repeat": args.repeat,
            "stage_every": args.stage_every,
            "dask_shard_size": args.dask_shard_size,
        }
        results: dict[str, Any] = {
            "measured_at": time.strftime("%Y-%m-%d %H:%M"),
            "machine": machine(),
            "workers": args.workers,
            "batch_size": args.batch_size,
        }
        print(f"bench: {sum(sources.values())} articles from {sources}", flush=True)
        single = run_phase("single", options, work, args.phase_timeout)
        if "error" in single:
            print(f"bench: {single['error']}", file=sys.stderr)
            return 1
        results["single"] = single
        options["words"] = single["words"]
        articles = single["parse_only"]["articles"]
        results["sample"] = {
            "articles": articles,
            "words": single["words"],
            "mean_words": round(single["words"] / articles, 1),
            "sources": sources,
        }
        _show("single", single)
        plan = [("parallel", args.workers), ("store", 1), ("store", args.workers)]
        plan += [("dask", 1), ("dask", args.workers)]
        for name, workers in plan:
            if name in args.skip:
                continue
            result = run_phase(name, {**options, "workers": workers}, work, args.phase_timeout)
            results[f"{name}_{workers}"] = result
            _show(f"{name} x{workers}", result)
    workers = args.workers
    results["ratios"] = {
        "full_to_parse_1_process": single["ratio_full_to_parse"],
        "full_to_parse_1_process_cpu": single["ratio_full_to_parse_cpu"],
        f"parallel_{workers}_to_full_1": ratio(results.get(f"parallel_{workers}"), single["full"]),
        f"store_{workers}_to_store_1": ratio(results.get(f"store_{workers}"), results.get("store_1")),
        f"dask_{workers}_to_dask_1": ratio(results.get(f"dask_{workers}"), results.get("dask_1")),
    }  # fmt: skip
    args.results.write_text(json.dumps(results, indent=2) + "\n")
    table = markdown(results)
    print("\n" + table)
    # A trial run written elsewhere (--results) leaves the READMEs' table alone.
    refreshed = refresh_readmes(table) if args.results.resolve() == RESULTS else []
    print(
        f"bench: wrote {args.results}"
        + (f"; refreshed {', '.join(refreshed)}" if refreshed else "")
    )
    return 0


def _show(label: str, result: dict[str, Any]) -> None:
    if "skipped" in result or "error" in result:
        print(f"bench: {label}: {result.get('skipped') or result.get('error')}", flush=True)
        return
    shown = {k: v for k, v in result.items() if k not in {"words"}}
    print(f"bench: {label}: {json.dumps(shown)}", flush=True)


if __name__ == "__main__":
    sys.exit(main())
