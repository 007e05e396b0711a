"""Scale: analyze many articles on local worker processes or a Dask cluster, into Parquet.

The input is cut, in input order, into shards of ``shard_size`` articles. Shard ``i`` is
written as ``OUT/<table>/part-<i>.parquet`` for each table in :data:`TABLE_SCHEMAS`
(one row per article, quote, figure, event, entity), so a local run and a Dask run of the
same input write the same files, row for row, and ``pyarrow.dataset`` or
``pandas.read_parquet("OUT/quotes")`` reads a table whole.

Local runs parse on a pool of worker processes (:func:`process_pool_reports`, behind
``pipeline.analyze_parallel``): each worker loads the spaCy model once and is fed chunks
of articles, with a bounded number of chunks in flight so that memory stays flat
however long the input; the pool is kept for later runs in the same process. Dask runs
send each shard to a worker, which analyzes it and writes its own files (so ``OUT``
must be a path or URL the workers can write).
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any, TypeVar

import pyarrow as pa
import pyarrow.fs as pafs
import pyarrow.parquet as pq

from newsclaims.ingest import Article, InputError, iter_articles
from newsclaims.ingest.article import RecordError
from newsclaims.ingest.readers import (
    DATE_FIELDS,
    MAX_ARTICLE_BYTES,
    TEXT_FIELDS,
    TITLE_FIELDS,
    accepted,
)
from newsclaims.ingest.rejects import Rejects
from newsclaims.model import ActorRef, Entity, Event, Figure, Quote, Report, Span

Chunk = TypeVar("Chunk")
Result = TypeVar("Result")

DEFAULT_SHARD_SIZE = 1024
# Chunks queued per worker: enough that no worker waits for the next chunk, few enough
# that a long input never piles up in memory.
CHUNKS_IN_FLIGHT_PER_WORKER = 2
PARQUET_READ_BATCH = 256
PART_NAME = "part-{index:05d}.parquet"
ARTICLE_RECORD_FIELDS = {
    *TEXT_FIELDS, *TITLE_FIELDS, *DATE_FIELDS, "id", "url", "publisher", "source", "dateline"
}  # fmt: skip


class BatchError(ValueError):
    """A batch run that cannot start or finish; its message is one line for the user."""


def default_workers() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - macOS and Windows have no affinity call
        return os.cpu_count() or 1


# --- local worker processes ------------------------------------------------------------


def _pool_context() -> multiprocessing.context.BaseContext:
    """Forkserver where there is one (safe beside threads, imports spaCy only once), else spawn."""
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["newsclaims.pipeline"])
        return context
    return multiprocessing.get_context("spawn")


def ordered_process_map(
    function: Callable[[Chunk], Result],
    chunks: Iterable[Chunk],
    executor: Executor,
    window: int,
) -> Iterator[Result]:
    """``map(function, chunks)`` on ``executor``: lazy, in input order.

    At most ``window`` chunks are submitted ahead of the one being yielded, so neither
    the input nor the results are ever held whole. Stopping early cancels the chunks
    not yet started.
    """
    in_flight: deque[Future[Result]] = deque()
    try:
        for chunk in chunks:
            in_flight.append(executor.submit(function, chunk))
            if len(in_flight) >= window:
                yield in_flight.popleft().result()
        while in_flight:
            yield in_flight.popleft().result()
    finally:
        for future in in_flight:
            future.cancel()


_POOLS: dict[tuple[int, str | None], ProcessPoolExecutor] = {}
_POOLS_LOCK = threading.Lock()


def worker_pool(workers: int, model: str | None) -> ProcessPoolExecutor:
    """The pool of ``workers`` processes for ``model``, started on first use and kept.

    Kept for the life of this process, so that every later run in it (a second
    ``analyze_parallel``, an ingest after a warm-up) finds the workers started and
    their model loaded; :func:`shutdown_pools` gives them back.
    """
    with _POOLS_LOCK:
        pool = _POOLS.get((workers, model))
        if pool is None:
            pool = ProcessPoolExecutor(
                max_workers=workers,
                mp_context=_pool_context(),
                initializer=init_worker,
                initargs=(model, os.getpid()),
            )
            _POOLS[workers, model] = pool
        return pool


def shutdown_pools() -> None:
    """Stop every worker pool of this process (the next run starts a new one)."""
    with _POOLS_LOCK:
        pools = list(_POOLS.values())
        _POOLS.clear()
    for pool in pools:
        pool.shutdown(wait=True, cancel_futures=True)


def terminate_pools() -> None:
    """Stop every worker pool now, killing chunks still being analysed (after an
    interrupted run: waiting for them would only delay the exit)."""
    with _POOLS_LOCK:
        pools = list(_POOLS.values())
        _POOLS.clear()
    for pool in pools:
        for process in list((pool._processes or {}).values()):  # no public way to stop
            process.terminate()
        pool.shutdown(wait=True, cancel_futures=True)


def init_worker(model: str | None, parent_pid: int) -> None:
    """Set up a worker process: tied to the life of the process that started the pool,
    deaf to Ctrl-C (the parent decides when to stop), its model loaded."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    die_with_parent(parent_pid)
    preload_model(model)


PR_SET_PDEATHSIG = 1  # linux/prctl.h
PARENT_CHECK_S = 1.0


def die_with_parent(parent_pid: int) -> None:
    """End this process when ``parent_pid`` ends, even by SIGKILL.

    On Linux the kernel sends SIGKILL when the direct parent dies (``PR_SET_PDEATHSIG``);
    a worker's direct parent is the forkserver, which exits when the main process does.
    A watchdog thread also checks the main process itself every second, which covers
    other systems and a parent that died before the ``prctl`` call.
    """
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):  # pragma: no cover - no prctl: the watchdog alone
            pass
    threading.Thread(target=_watch_parent, args=(parent_pid,), daemon=True).start()


def _watch_parent(parent_pid: int) -> None:
    while process_alive(parent_pid):
        time.sleep(PARENT_CHECK_S)
    os._exit(1)


def process_alive(pid: int) -> bool:
    """Whether ``pid`` runs (a zombie, dead but not yet reaped, does not)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # pragma: no cover - alive, but someone else's
        return True
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return True  # no /proc: trust kill(0)
    return stat.rpartition(")")[2].split()[0] not in ("Z", "X")


def preload_model(model: str | None) -> None:
    """Load the model in a worker before its first chunk or shard arrives."""
    from newsclaims.nlp import load_pipeline

    try:
        load_pipeline(model)
    except Exception:  # the first chunk raises it again, where the caller sees it
        return


@dataclass(frozen=True)
class _ChunkJob:
    """One chunk for a worker process: what to analyze and how."""

    articles: list[Article]
    model: str | None
    batch_size: int


def _analyze_chunk(job: _ChunkJob) -> list[Report]:
    from newsclaims.pipeline import analyze_stream

    return list(analyze_stream(job.articles, model=job.model, batch_size=job.batch_size))


def process_pool_reports(
    articles: Iterable[Article], workers: int, model: str | None, batch_size: int
) -> Iterator[Report]:
    """Reports for ``articles`` in input order, analyzed in chunks of ``batch_size``."""
    iterator = iter(articles)
    jobs = (
        _ChunkJob(chunk, model, batch_size)
        for chunk in iter(lambda: list(islice(iterator, batch_size)), [])
    )
    pool = worker_pool(workers, model)
    window = CHUNKS_IN_FLIGHT_PER_WORKER * workers
    try:
        for reports in ordered_process_map(_analyze_chunk, jobs, pool, window):
            yield from reports
    except BrokenProcessPool:
        # A worker died (killed, out of memory): the pool is useless; the next run starts anew.
        with _POOLS_LOCK:
            if _POOLS.get((workers, model)) is pool:
                del _POOLS[workers, model]
        raise


# --- inputs and shards -----------------------------------------------------------------


def iter_inputs(
    paths: Iterable[str | Path], max_bytes: int = MAX_ARTICLE_BYTES, rejects: Rejects | None = None
) -> Iterator[Article]:
    """Every article under ``paths``: what ``iter_articles`` reads, plus Parquet files.

    A Parquet file holds one article a row, with the fields of a JSON record (``text``,
    ``title``, ``date``, ``id``...); the ``articles`` table that a batch run writes is one.
    In a folder, Parquet files are read after the other files, each set in name order.
    A row or file that cannot be read goes to ``rejects`` (raised without it).
    """
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from iter_articles([path], max_bytes=max_bytes, rejects=rejects)
            for child in sorted(path.rglob("*.parquet")):
                yield from accepted(iter_parquet_items(child), rejects)
        elif path.suffix.lower() == ".parquet":
            yield from accepted(iter_parquet_items(path), rejects)
        else:
            yield from iter_articles([raw], max_bytes=max_bytes, rejects=rejects)


def iter_parquet_items(path: Path) -> Iterator[Article | RecordError]:
    """Each row of a Parquet file as an article, or as the error that rejects it."""
    from newsclaims.ingest.readers import record_article

    try:
        parquet = pq.ParquetFile(path)
    except (OSError, pa.ArrowInvalid) as error:
        yield RecordError(f"{path}: not a readable Parquet file ({error})", str(path))
        return
    # Only what a record reader looks at: an articles table also holds every report.
    columns = [name for name in parquet.schema_arrow.names if name in ARTICLE_RECORD_FIELDS]
    number = 0
    for batch in parquet.iter_batches(batch_size=PARQUET_READ_BATCH, columns=columns):
        for record in batch.to_pylist():
            try:
                yield record_article(record, f"{path}:{number}")
            except InputError as error:
                yield RecordError(str(error), str(path), number)
            number += 1


@dataclass(frozen=True)
class Shard:
    """Articles ``start .. start + len(articles)`` of the input: output part ``index``."""

    index: int
    start: int
    articles: list[Article]


def iter_shards(articles: Iterable[Article], shard_size: int) -> Iterator[Shard]:
    """Cut the input, in order, into shards of ``shard_size`` articles (the last may be short)."""
    iterator = iter(articles)
    for index in range(2**62):
        chunk = list(islice(iterator, shard_size))
        if not chunk:
            return
        yield Shard(index=index, start=index * shard_size, articles=chunk)


# --- Parquet tables --------------------------------------------------------------------

_STR = pa.string()
_INT = pa.int64()
_FLOAT = pa.float64()

TABLE_SCHEMAS: dict[str, pa.Schema] = {
    "articles": pa.schema(
        [("seq", _INT), ("id", _STR), ("headline", _STR), ("dateline", _STR),
         ("agency", _STR), ("date", _STR), ("publisher", _STR), ("url", _STR),
         ("source_path", _STR), ("chars", _INT), ("entities", _INT), ("quotes", _INT),
         ("figures", _INT), ("events", _INT), ("warnings", pa.list_(_STR)),
         ("text", _STR), ("report_json", _STR)]
    ),
    "quotes": pa.schema(
        [("article_id", _STR), ("quote_id", _STR), ("kind", _STR), ("start", _INT),
         ("end", _INT), ("text", _STR), ("speaker", _STR), ("speaker_canonical", _STR),
         ("speaker_code", _STR), ("speaker_kind", _STR), ("speaker_role", _STR),
         ("cue", _STR), ("cue_lemma", _STR), ("cue_start", _INT), ("cue_end", _INT),
         ("in_headline", pa.bool_())]
    ),
    "figures": pa.schema(
        [("article_id", _STR), ("figure_id", _STR), ("start", _INT), ("end", _INT),
         ("text", _STR), ("value", _FLOAT), ("qualifier", _STR), ("low", _FLOAT),
         ("high", _FLOAT), ("what", _STR), ("status", _STR), ("where", _STR),
         ("when", _STR), ("source", _STR), ("source_canonical", _STR), ("source_code", _STR),
         ("quote_id", _STR), ("sentence_start", _INT), ("sentence_end", _INT)]
    ),
    "events": pa.schema(
        [("article_id", _STR), ("event_id", _STR), ("start", _INT), ("end", _INT),
         ("text", _STR), ("code", _STR), ("label", _STR), ("source_actor", _STR),
         ("source_name", _STR), ("source_code", _STR), ("target_actor", _STR),
         ("target_name", _STR), ("target_code", _STR), ("date", _STR), ("place", _STR),
         ("negated", pa.bool_()), ("reported_by", _STR), ("reported_by_code", _STR),
         ("sentence_start", _INT), ("sentence_end", _INT)]
    ),
    "entities": pa.schema(
        [("article_id", _STR), ("start", _INT), ("end", _INT), ("text", _STR),
         ("label", _STR), ("canonical", _STR), ("code", _STR), ("kind", _STR),
         ("role", _STR), ("country", _STR)]
    ),
}  # fmt: skip


# Columns copied as they are from the model, beside the ones built by hand below.
ARTICLE_FIELDS = ("headline", "dateline", "agency", "date", "publisher", "url", "source_path")
ITEM_KINDS = ("entities", "quotes", "figures", "events")
FIGURE_FIELDS = ("value", "qualifier", "low", "high", "what", "status", "where", "when", "quote_id")
EVENT_FIELDS = ("code", "label", "date", "place", "negated")
ENTITY_ACTOR_FIELDS = ("canonical", "code", "kind", "role", "country")


def _actor(prefix: str, actor: ActorRef | None, *details: str) -> dict[str, Any]:
    """``{prefix: text, prefix_canonical: ..., prefix_code: ...}`` for one actor reference.

    >>> _actor("speaker", ActorRef(text="Blinken", canonical="Antony Blinken"), "canonical")
    {'speaker': 'Blinken', 'speaker_canonical': 'Antony Blinken'}
    """
    if actor is None:
        return {}
    return {prefix: actor.text} | {f"{prefix}_{name}": getattr(actor, name) for name in details}


def _article_row(report: Report, seq: int) -> dict[str, Any]:
    return {
        "seq": seq,
        "id": report.id,
        **{name: getattr(report, name) for name in ARTICLE_FIELDS},
        "chars": len(report.text),
        **{kind: len(getattr(report, kind)) for kind in ITEM_KINDS},
        "warnings": report.warnings,
        "text": report.text,
        "report_json": report.model_dump_json(),
    }


def _quote_row(quote: Quote) -> dict[str, Any]:
    cue = quote.cue
    return {
        "quote_id": quote.id,
        "kind": quote.kind,
        **_span(quote.content),
        **_actor("speaker", quote.speaker, "canonical", "code", "kind", "role"),
        **({"cue": cue.text, "cue_lemma": cue.lemma, "cue_start": cue.start, "cue_end": cue.end}
           if cue else {}),
        "in_headline": quote.in_headline,
    }  # fmt: skip


def _figure_row(figure: Figure) -> dict[str, Any]:
    return {
        "figure_id": figure.id,
        **_span(figure.span),
        **{name: getattr(figure, name) for name in FIGURE_FIELDS},
        **_actor("source", figure.source, "canonical", "code"),
        **_sentence(figure.sentence),
    }


def _event_row(event: Event) -> dict[str, Any]:
    target = event.target_actor
    return {
        "event_id": event.id,
        **_span(event.span),
        **{name: getattr(event, name) for name in EVENT_FIELDS},
        **_actor("source_actor", event.source_actor),
        "source_name": event.source_actor.name,
        "source_code": event.source_actor.code,
        **_actor("target_actor", target),
        **({"target_name": target.name, "target_code": target.code} if target else {}),
        **_actor("reported_by", event.reported_by, "code"),
        **_sentence(event.sentence),
    }


def _entity_row(entity: Entity) -> dict[str, Any]:
    actor = entity.actor
    return {
        "start": entity.start,
        "end": entity.end,
        "text": entity.text,
        "label": entity.label,
        **({name: getattr(actor, name) for name in ENTITY_ACTOR_FIELDS} if actor else {}),
    }


def _span(span: Span) -> dict[str, Any]:
    return {"start": span.start, "end": span.end, "text": span.text}


def _sentence(sentence: Span | None) -> dict[str, Any]:
    return {"sentence_start": sentence.start, "sentence_end": sentence.end} if sentence else {}


def report_rows(report: Report, seq: int) -> dict[str, list[dict[str, Any]]]:
    """The report as flat rows, one list per table; ``seq`` is its place in the input."""
    tagged = {"article_id": report.id}
    return {
        "articles": [_article_row(report, seq)],
        "quotes": [tagged | _quote_row(quote) for quote in report.quotes],
        "figures": [tagged | _figure_row(figure) for figure in report.figures],
        "events": [tagged | _event_row(event) for event in report.events],
        "entities": [tagged | _entity_row(entity) for entity in report.entities],
    }


def reports_to_tables(numbered: Iterable[tuple[int, Report]]) -> dict[str, pa.Table]:
    """One Arrow table per kind for ``(seq, report)`` pairs, with the fixed schemas."""
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLE_SCHEMAS}
    for seq, report in numbered:
        for name, table_rows in report_rows(report, seq).items():
            rows[name].extend(table_rows)
    return {
        name: pa.Table.from_pylist(rows[name], schema=schema)
        for name, schema in TABLE_SCHEMAS.items()
    }


@dataclass
class BatchCounts:
    """What a run wrote: rows per table, and shards."""

    rows: dict[str, int] = field(default_factory=lambda: dict.fromkeys(TABLE_SCHEMAS, 0))
    shards: int = 0

    def add(self, other: BatchCounts) -> None:
        for name, count in other.rows.items():
            self.rows[name] += count
        self.shards += other.shards

    def summary(self) -> str:
        """``12 articles, 30 quotes, ... in 1 shard``."""
        tables = ", ".join(f"{count:,} {name}" for name, count in self.rows.items())
        return f"{tables} in {self.shards:,} shard{'s' if self.shards != 1 else ''}"


class ParquetDataset:
    """The folder (or pyarrow filesystem URL, e.g. ``s3://bucket/run``) a run writes to.

    Built from a plain string so that it travels to Dask workers as one.
    """

    def __init__(self, location: str) -> None:
        if "://" in location:
            self.filesystem, self.root = pafs.FileSystem.from_uri(location)
        else:
            self.filesystem, self.root = pafs.LocalFileSystem(), str(Path(location).resolve())

    @staticmethod
    def location_of(out: str | Path) -> str:
        """``out`` as the workers must see it: a URL as given, a local path made absolute."""
        text = str(out)
        return text if "://" in text else str(Path(text).resolve())

    def part_path(self, table: str, index: int) -> str:
        return f"{self.root}/{table}/{PART_NAME.format(index=index)}"

    def existing_parts(self) -> list[str]:
        found: list[str] = []
        for table in TABLE_SCHEMAS:
            selector = pafs.FileSelector(f"{self.root}/{table}", allow_not_found=True)
            found += [
                info.path
                for info in self.filesystem.get_file_info(selector)
                if info.base_name.startswith("part-")
            ]
        return sorted(found)

    def prepare(self, overwrite: bool) -> None:
        """Create the table folders; refuse (or, with ``overwrite``, clear) earlier parts.

        Stale parts of a longer earlier run would otherwise be read as part of this one.
        """
        existing = self.existing_parts()
        if existing and not overwrite:
            raise BatchError(
                f"{self.root} already holds {len(existing)} Parquet parts "
                "(use --overwrite to replace them, or another --out)"
            )
        for path in existing:
            self.filesystem.delete_file(path)
        for table in TABLE_SCHEMAS:
            self.filesystem.create_dir(f"{self.root}/{table}", recursive=True)

    def write_shard(self, index: int, tables: dict[str, pa.Table]) -> BatchCounts:
        """Write shard ``index`` of every table, each as one Parquet file."""
        for name, table in tables.items():
            pq.write_table(table, self.part_path(name, index), filesystem=self.filesystem)
        return BatchCounts(rows={name: table.num_rows for name, table in tables.items()}, shards=1)


def write_reports(
    reports: Iterable[Report], dataset: ParquetDataset, shard_size: int = DEFAULT_SHARD_SIZE
) -> BatchCounts:
    """Write reports, in order, as shards of ``shard_size`` (part 0, 1, ...)."""
    counts = BatchCounts()
    numbered = enumerate(reports)
    for index in range(2**62):
        shard = list(islice(numbered, shard_size))
        if not shard:
            break
        counts.add(dataset.write_shard(index, reports_to_tables(shard)))
    return counts


# --- engines ---------------------------------------------------------------------------


@dataclass(frozen=True)
class BatchSettings:
    """How a batch run analyzes: model, nlp.pipe batch size, articles per shard."""

    model: str | None = None
    batch_size: int = 32
    shard_size: int = DEFAULT_SHARD_SIZE

    def check(self) -> None:
        if self.batch_size < 1 or self.shard_size < 1:
            raise BatchError("--batch-size and --shard-size must be at least 1")
        if self.shard_size % self.batch_size:
            # Both engines then cut the same nlp.pipe batches, so their output is identical.
            raise BatchError(
                f"--shard-size ({self.shard_size}) must be a multiple of --batch-size "
                f"({self.batch_size})"
            )


def run_local(
    articles: Iterable[Article],
    out: str | Path,
    workers: int | None = None,
    settings: BatchSettings | None = None,
    overwrite: bool = False,
) -> BatchCounts:
    """Analyze on ``workers`` local processes (1: in this process) and write the shards."""
    from newsclaims.pipeline import analyze_parallel

    settings = settings or BatchSettings()
    settings.check()
    dataset = ParquetDataset(ParquetDataset.location_of(out))
    dataset.prepare(overwrite)
    reports = analyze_parallel(
        articles, workers=workers, model=settings.model, batch_size=settings.batch_size
    )
    return write_reports(reports, dataset, settings.shard_size)


# Dask may run several tasks of a worker on threads; the model is shared, so one at a time.
_SHARD_LOCK = threading.Lock()


def analyze_shard(shard: Shard, location: str, settings: BatchSettings) -> BatchCounts:
    """Dask task: analyze one shard and write its part of every table."""
    from newsclaims.pipeline import analyze_stream

    with _SHARD_LOCK:
        reports = list(
            analyze_stream(shard.articles, model=settings.model, batch_size=settings.batch_size)
        )
    tables = reports_to_tables(enumerate(reports, start=shard.start))
    return ParquetDataset(location).write_shard(shard.index, tables)


def run_dask(
    articles: Iterable[Article],
    out: str | Path,
    scheduler: str | None = None,
    workers: int | None = None,
    settings: BatchSettings | None = None,
    overwrite: bool = False,
    connect_timeout: float = 30.0,
) -> BatchCounts:
    """Analyze shard by shard on a Dask cluster (``scheduler`` address, else a local one).

    Shards are read here and sent to the workers a few at a time (two per worker in
    flight); each worker writes its shard's files under ``out``.
    """
    from distributed import Client, LocalCluster, as_completed

    settings = settings or BatchSettings()
    settings.check()
    location = ParquetDataset.location_of(out)
    ParquetDataset(location).prepare(overwrite)
    cluster = None
    try:
        if scheduler:
            client = Client(scheduler, timeout=connect_timeout)
        else:
            cluster = LocalCluster(
                n_workers=workers or default_workers(),
                threads_per_worker=1,
                processes=True,
                dashboard_address=None,
            )
            client = Client(cluster)
    except (OSError, TimeoutError) as error:
        raise BatchError(f"cannot reach the Dask scheduler at {scheduler}: {error}") from None
    counts = BatchCounts()
    try:
        client.wait_for_workers(1, timeout=connect_timeout)
        window = CHUNKS_IN_FLIGHT_PER_WORKER * max(len(client.scheduler_info()["workers"]), 1)
        pending = as_completed()
        for shard in iter_shards(articles, settings.shard_size):
            pending.add(client.submit(analyze_shard, shard, location, settings, pure=False))
            while pending.count() >= window:
                counts.add(next(pending).result())
        for future in pending:
            counts.add(future.result())
    except TimeoutError as error:
        raise BatchError(f"no Dask worker joined the scheduler: {error}") from None
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    return counts


def run_batch(
    inputs: list[str],
    out: str | Path,
    engine: str = "local",
    scheduler: str | None = None,
    workers: int | None = None,
    settings: BatchSettings | None = None,
    overwrite: bool = False,
    max_bytes: int = MAX_ARTICLE_BYTES,
    connect_timeout: float = 30.0,
    rejects: Rejects | None = None,
) -> tuple[BatchCounts, float]:
    """Run ``engine`` (``local`` or ``dask``) over ``inputs``; the counts and seconds taken."""
    started = time.perf_counter()
    articles = iter_inputs(inputs, max_bytes=max_bytes, rejects=rejects)
    if engine == "dask":
        counts = run_dask(articles, out, scheduler, workers, settings, overwrite, connect_timeout)
    elif engine == "local":
        if scheduler:
            raise BatchError("--scheduler needs --engine dask")
        counts = run_local(articles, out, workers, settings, overwrite)
    else:
        raise BatchError(f"unknown engine {engine!r} (local or dask)")
    return counts, time.perf_counter() - started


def read_table(out: str | Path, table: str) -> pa.Table:
    """A whole table of a run, its parts in order (for checks and small analyses)."""
    dataset = ParquetDataset(ParquetDataset.location_of(out))
    selector = pafs.FileSelector(f"{dataset.root}/{table}", allow_not_found=True)
    parts = sorted(
        info.path
        for info in dataset.filesystem.get_file_info(selector)
        if info.base_name.startswith("part-")
    )
    if not parts:
        return TABLE_SCHEMAS[table].empty_table()
    return pa.concat_tables(
        pq.read_table(part, filesystem=dataset.filesystem, schema=TABLE_SCHEMAS[table])
        for part in parts
    )
