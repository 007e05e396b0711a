"""The web face's command: serve."""

from __future__ import annotations

import os
from typing import Annotated

import typer

from newsclaims.cli.app import app, error_console
from newsclaims.cli.options import DbOption

# --- serve: the web face (issue 10) ---


@app.command()
def serve(
    db: DbOption = None,
    host: Annotated[
        str, typer.Option(help="Address to listen on (127.0.0.1: this machine only).")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
    allow_store: Annotated[
        bool, typer.Option("--allow-store", help="Let /analyze store texts when asked.")
    ] = False,
    max_bytes: Annotated[
        int, typer.Option(min=1, help="Largest text /analyze accepts, in bytes.")
    ] = 200_000,
    workers: Annotated[
        int,
        typer.Option(
            min=1,
            max=64,
            help="Server processes, each with its own caches (on 2 cores one serves most).",
        ),
    ] = 1,
    cache_mb: Annotated[
        int,
        typer.Option(
            min=0,
            max=100_000,
            help="Answers kept per process until the store changes, in MB (0: none).",
        ),
    ] = 64,
) -> None:
    """Browse the store in a web browser, and a JSON API (/api/v1, /docs).

    Read-only: pages and API never write, and /analyze stores nothing unless started
    with --allow-store. Listens on this machine only unless --host says otherwise.
    Views and answers are computed once and kept until the store changes (an ingest
    into it shows at the next request); --cache-mb bounds what each process keeps.

    Example:

      newsclaims serve --db corpus.db   (then open http://127.0.0.1:8000/)
    """

    import uvicorn

    from newsclaims.store.connect import database_url, open_store
    from newsclaims.web import create_app
    from newsclaims.web.analysis import Limits
    from newsclaims.web.app import SERVE_ENV

    open_store(db).dispose()  # create or upgrade the schema once, then read only
    web = create_app(
        db,
        allow_store=allow_store,
        limits=Limits(max_bytes=max_bytes),
        cache_mb=cache_mb,
        warm=True,
    )
    error_console.print(f"serving on http://{host}:{port}/  (Ctrl+C stops)", highlight=False)
    if workers == 1:
        uvicorn.run(web, host=host, port=port, log_level="warning")
        return
    # Several processes: each worker builds its own app from the environment.
    os.environ.update({
        SERVE_ENV["db"]: database_url(db), SERVE_ENV["allow_store"]: "1" if allow_store else "0",
        SERVE_ENV["max_bytes"]: str(max_bytes), SERVE_ENV["cache_mb"]: str(cache_mb),
    })  # fmt: skip
    uvicorn.run(
        "newsclaims.web.app:app_from_environment", factory=True, workers=workers,
        host=host, port=port, log_level="warning",
    )  # fmt: skip
