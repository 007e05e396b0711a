"""Serve benchmark: N concurrent clients on localhost for T seconds over pages and API calls.

    .venv/bin/python bench/serve_bench.py --ingest examples ../shared/eval/dev
    .venv/bin/python bench/serve_bench.py --db corpus.db --clients 20 --seconds 60

Starts ``newsclaims serve`` as its own process (``--workers`` uvicorn workers, its answer
cache ``--cache-mb``; 0 makes every answer anew) on a free port over the store (``--db``,
or a temporary SQLite file filled by ``newsclaims ingest`` of ``--ingest`` paths), then runs ``--clients`` asyncio clients (httpx, one
connection each) that each pick a route at random from a fixed mix and wait for the
answer before the next. Prints requests/s and p50/p95/p99 latency per route (ms), and
with ``--json`` writes them to a file. The clients share the machine with the server:
on 2 cores they take part of the CPU the server would otherwise have.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx

# (route name, weight, path template). {article} is a stored article id; {word}, {place},
# {actor} and {page} are drawn from the lists below, so the views are asked with filters
# the server has not seen yet as well as with ones it has (the server keeps a view's
# result per store revision: the bench measures both the first and the later asks).
MIX: list[tuple[str, int, str]] = [
    ("page /", 1, "/"),
    ("page /search", 3, "/search?q={word}"),
    ("page /search figures", 2, "/search?kind=figures&status=killed&page={page}"),
    ("page /articles/{id}", 4, "/articles/{article}"),
    ("page /timeline", 2, "/timeline?what=people&status=killed&where={place}"),
    ("page /contradictions", 1, "/contradictions?page={page}"),
    ("page /negotiation", 1, "/negotiation?actor={actor}"),
    ("api search quotes", 4, "/api/v1/search/quotes?q={word}&per_page=50"),
    ("api query figures", 4, "/api/v1/query/figures?status=killed&per_page=50&page={page}"),
    ("api articles/{id}", 3, "/api/v1/articles/{article}"),
    ("api timeline", 2, "/api/v1/timeline?what=people&status=killed&where={place}"),
    ("api contradictions", 1, "/api/v1/contradictions?page={page}"),
    ("api negotiation", 1, "/api/v1/negotiation?per_page=100&actor={actor}"),
    ("api stats", 1, "/api/v1/stats"),
]
CHOICES = {
    "word": ["said", "killed", "ceasefire", "talks", "minister", "oil", "hostages", "election",
             "prices", "hospital", "rejected", "agreement"],
    "place": ["", "Gaza", "Israel", "Syria", "Yemen", "Iraq", "Lebanon", "Ukraine", "Sudan"],
    "actor": ["", "Hamas", "ISR", "USA", "QAT", "EGY", "Russia", "UN"],
    "page": [str(n) for n in range(1, 6)],
}  # fmt: skip


def filled(template: str, articles: list[str], pick: Callable[[list[str]], str]) -> str:
    """The template with an article id and filter values, each chosen by ``pick``."""
    path = template.replace("{article}", quote(pick(articles), safe=""))
    for name, values in CHOICES.items():
        path = path.replace("{" + name + "}", quote(pick(values)))
    return path


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def newsclaims(*args: str) -> list[str]:
    return [sys.executable, "-c", "from newsclaims.cli import run; run()", *args]


def start_server(db: str, port: int, workers: int, cache_mb: int) -> subprocess.Popen[bytes]:
    server = subprocess.Popen(
        newsclaims(
            "serve",
            "--db",
            db,
            "--port",
            str(port),
            "--workers",
            str(workers),
            "--cache-mb",
            str(cache_mb),
        ),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(
                f"the server stopped: {server.stderr.read().decode() if server.stderr else ''}"
            )
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/v1/stats", timeout=2).status_code == 200:
                return server
        except httpx.HTTPError:
            time.sleep(0.2)
    server.terminate()
    raise SystemExit("the server did not answer within 60 s")


async def client(
    base: str,
    articles: list[str],
    until: float,
    rng: random.Random,
    timings: dict[str, list[float]],
    failures: dict[str, int],
) -> None:
    names = [name for name, _, _ in MIX]
    weights = [weight for _, weight, _ in MIX]
    paths = {name: path for name, _, path in MIX}
    async with httpx.AsyncClient(base_url=base, timeout=30) as session:
        while time.monotonic() < until:
            name = rng.choices(names, weights)[0]
            path = filled(paths[name], articles, rng.choice)
            began = time.perf_counter()
            try:
                answer = await session.get(path)
                ok = answer.status_code == 200
            except httpx.HTTPError:
                ok = False
            spent = (time.perf_counter() - began) * 1000
            if ok:
                timings[name].append(spent)
            else:
                failures[name] += 1


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


async def run(base: str, clients: int, seconds: float, seed: int) -> dict[str, Any]:
    async with httpx.AsyncClient(base_url=base, timeout=30) as session:
        listed = (await session.get("/api/v1/search/articles", params={"per_page": 500})).json()
    articles = [row["article_id"] for row in listed["rows"]]
    # Warm every route once with its first filter values (the Vega bundle is built lazily,
    # and so is each view's result): the other values are first asked while clients run.
    async with httpx.AsyncClient(base_url=base, timeout=120) as session:
        for _, _, path in MIX:
            await session.get(filled(path, articles, lambda values: values[0]))
    timings: dict[str, list[float]] = defaultdict(list)
    failures: dict[str, int] = defaultdict(int)
    began = time.monotonic()
    until = began + seconds
    await asyncio.gather(
        *(client(base, articles, until, random.Random(seed + n), timings, failures)
          for n in range(clients))
    )  # fmt: skip
    elapsed = time.monotonic() - began
    routes = {}
    for name, _, _ in MIX:
        values = timings.get(name, [])
        routes[name] = {
            "requests": len(values),
            "failed": failures.get(name, 0),
            "per_s": round(len(values) / elapsed, 1),
            "p50_ms": round(statistics.median(values), 1) if values else None,
            "p95_ms": round(percentile(values, 0.95), 1) if values else None,
            "p99_ms": round(percentile(values, 0.99), 1) if values else None,
        }
    total = sum(len(values) for values in timings.values())
    return {
        "clients": clients,
        "seconds": round(elapsed, 1),
        "articles": len(articles),
        "requests": total,
        "failed": sum(failures.values()),
        "per_s": round(total / elapsed, 1),
        "routes": routes,
    }


def show(result: dict[str, Any]) -> None:
    print(
        f"{result['clients']} clients, {result['seconds']} s, {result['articles']} articles: "
        f"{result['requests']:,} requests ({result['per_s']}/s), {result['failed']} failed"
    )
    print(f"{'route':<24} {'n':>6} {'req/s':>7} {'p50':>7} {'p95':>7} {'p99':>7} {'fail':>5}")
    for name, row in result["routes"].items():
        cells = [
            row[key] if row[key] is not None else "-" for key in ("p50_ms", "p95_ms", "p99_ms")
        ]
        print(f"{name:<24} {row['requests']:>6} {row['per_s']:>7} "
              f"{cells[0]:>7} {cells[1]:>7} {cells[2]:>7} {row['failed']:>5}")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", help="an existing store (default: a temporary one of --ingest)")
    parser.add_argument("--ingest", nargs="*", default=[], help="paths to ingest first")
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--workers", type=int, default=1, help="server processes")
    parser.add_argument(
        "--cache-mb",
        type=int,
        default=64,
        help="the server's answer cache (0: every answer made anew)",
    )
    parser.add_argument("--json", type=Path, help="also write the results here")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="serve-bench-") as folder:
        db = options.db or f"sqlite:///{Path(folder) / 'bench.db'}"
        if options.ingest:
            subprocess.run(newsclaims("ingest", *options.ingest, "--db", db, "--quiet"), check=True)
        port = free_port()
        server = start_server(db, port, options.workers, options.cache_mb)
        try:
            result = asyncio.run(
                run(f"http://127.0.0.1:{port}", options.clients, options.seconds, options.seed)
            )
        finally:
            server.terminate()
            server.wait(timeout=30)
    result["cpus"] = os.cpu_count()
    result["workers"] = options.workers
    result["cache_mb"] = options.cache_mb
    show(result)
    if options.json:
        options.json.write_text(json.dumps(result, indent=2) + "\n")


if __name__ == "__main__":
    main()
