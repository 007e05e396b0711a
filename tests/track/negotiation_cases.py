"""Builders the negotiation rule tests share: two sides, a report telling one event, and
every move the CLI shows for a store of such reports (``--unaddressed``)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from report_builders import actor, event, report, span_of

from newsclaims.cli import main
from newsclaims.store.connect import open_store
from newsclaims.store.writer import ReportWriter

ISRAEL = actor("Israel", code="ISR", kind="country", canonical="ISR")
HAMAS = actor("Hamas", code="PSEREB", kind="group", canonical="Hamas")


def moves_made(
    db_url: str, capsys: pytest.CaptureFixture[str], *reports: Any
) -> dict[str, list[str]]:
    """Each actor's moves (their types, sorted) once ``reports`` are stored."""
    engine = open_store(db_url)
    ReportWriter(engine).write(list(reports))
    engine.dispose()
    assert main(["negotiation", "--unaddressed", "--format", "json", "--db", db_url]) == 0
    per_actor = json.loads(capsys.readouterr().out)
    return {name: sorted(m["move"] for m in moves) for name, moves in per_actor.items()}


def told(
    article_id: str,
    text: str,
    evidence: str,
    code: str,
    source: Any,
    sentence: str | None = None,
    headline: str = "War in Gaza",
) -> Any:
    """A report of ``text`` whose one event, coded ``code``, stands at ``evidence``."""
    return report(article_id, text, date="2024-02-01", headline=headline, events=[
        event(text, evidence, code, source, sentence=span_of(text, sentence or text))])  # fmt: skip


def moves_shown(
    db_url: str, capsys: pytest.CaptureFixture[str], *reports: Any, actor_name: str = ""
) -> dict[str, list[str]]:
    """Each actor's moves as shown (``move>counterpart``), once ``reports`` are stored;
    with ``actor_name``, only that actor's (``--actor``)."""
    engine = open_store(db_url)
    ReportWriter(engine).write(list(reports))
    engine.dispose()
    chosen = ["--actor", actor_name] if actor_name else []
    assert main(["negotiation", "--unaddressed", "--format", "json", "--db", db_url, *chosen]) == 0
    per_actor = json.loads(capsys.readouterr().out)
    return {
        name: [f"{m['move']}>{m['counterpart']}" if m["counterpart"] else m["move"] for m in moves]
        for name, moves in per_actor.items()
    }
