"""PLOVER sentence scoring: the events-plv-dev README's metric, on invented rows."""

from __future__ import annotations

import json

import pytest

from newsclaims.cli import main
from newsclaims.evaluation_plover import (
    GoldSentence,
    PloverScores,
    SentenceResult,
    predicted_roots,
    read_plover_tsv,
)
from newsclaims.model import ActorRef, Event, Span

HEADER = "\tsentence\tmarked_sentence\tsource\ttarget\tgold_root\n"


def _event(code: str, source: str) -> Event:
    return Event(
        id="e1", span=Span(start=0, end=1, text="x"), code=code, source_actor=ActorRef(text=source)
    )


def _result(root: str, sources: list[str], events: list[Event]) -> SentenceResult:
    return SentenceResult(GoldSentence("s", root, sources=sources), predicted_roots(events))


def test_repeated_sentences_are_scored_once(tmp_path):
    path = tmp_path / "set.tsv"
    path.write_text(
        HEADER
        + "0\tChad and Niger met.\tm\tChad\tNiger\tCONSULT\n"
        + "1\tChad and Niger met.\tm\tNiger\tChad\tCONSULT\n"
    )
    [sentence] = read_plover_tsv(path)
    assert sentence.root == "CONSULT" and sentence.sources == ["Chad", "Niger"]


def test_precision_counts_roots_recall_counts_sentences_and_statements_are_ignored():
    scores = PloverScores()
    # Two events of one root count once; a wrong second root costs precision only.
    scores.add(_result("ASSAULT", ["rebels"], [_event("190", "Rebels"), _event("195", "x")]))
    scores.add(_result("REJECT", ["Iran"], [_event("120", "Tehran"), _event("112", "Iran")]))
    scores.add(_result("AID", ["Japan"], [_event("010", "Japan")]))  # 01: no mapped event
    assert scores.predicted == 3 and scores.correct == 2
    assert scores.precision == pytest.approx(2 / 3) and scores.recall == pytest.approx(2 / 3)
    assert scores.coverage == pytest.approx(2 / 3)
    # "Rebels" overlaps "rebels"; "Tehran" does not overlap "Iran".
    assert scores.source_agreement == pytest.approx(1 / 2)
    per_root = scores.per_root()
    assert per_root["ACCUSE"].gold == 0 and per_root["ACCUSE"].predicted == 1
    # Macro-F1 averages the gold roots only: ASSAULT 1, REJECT 1, AID 0.
    assert scores.macro_f1 == pytest.approx(2 / 3)


def test_missing_column_is_a_one_line_error(tmp_path, capsys):
    path = tmp_path / "bad.tsv"
    path.write_text("sentence\tgold_root\nIran met Iraq.\tCONSULT\n")
    code = main(["eval", "--plover", str(path)])
    err = capsys.readouterr().err
    assert code == 2 and "no column source, target" in err and len(err.strip().splitlines()) == 1


def test_cli_scores_invented_sentences_and_ends_with_key_values(tmp_path, capsys):
    path = tmp_path / "set.tsv"
    path.write_text(
        HEADER
        + "0\tRebels attacked an army base in northern Mali on Monday.\tm\tRebels\tarmy\tASSAULT\n"
        + "1\tThe weather was mild in Paris on Sunday.\tm\tweather\tParis\tCONSULT\n"
    )
    assert main(["eval", "--plover", str(path)]) == 0
    last = capsys.readouterr().out.strip().splitlines()[-1]
    assert last.startswith("plv_precision=1.0000 plv_recall=0.5000 ")
    assert last.endswith("sentences=2")
    assert main(["eval", "--plover", str(path), "--json"]) == 0
    scores = json.loads(capsys.readouterr().out)
    assert scores["per_root"]["ASSAULT"] == {
        "support": 1, "predicted": 1, "tp": 1, "precision": 1.0, "recall": 1.0, "f1": 1.0
    }  # fmt: skip
    assert scores["coverage"] == 0.5 and scores["source_agreement"] == 1.0
