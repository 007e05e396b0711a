"""CSV output is safe to open in a spreadsheet: no cell runs as a formula."""

from __future__ import annotations

import csv
import io

from newsclaims.model import Entity, Report
from newsclaims.render import write_csv
from newsclaims.track.show import write_csv_rows

FORMULAS = ['=HYPERLINK("http://evil","x")', "+1+2", "-3+cmd|' /C calc'!A0", "@SUM(A1)"]


def test_corpus_csv_cells_starting_like_a_formula_are_quoted():
    stream = io.StringIO()
    write_csv_rows([{"text": formula, "value": -5.0} for formula in FORMULAS], stream)
    rows = list(csv.DictReader(io.StringIO(stream.getvalue())))
    assert [row["text"] for row in rows] == ["'" + formula for formula in FORMULAS]
    assert {row["value"] for row in rows} == {"-5.0"}  # numbers are left as numbers


def test_analyze_csv_cells_starting_like_a_formula_are_quoted():
    text = " ".join(FORMULAS)
    entities, start = [], 0
    for formula in FORMULAS:
        start = text.index(formula, start)
        entities.append(Entity(text=formula, start=start, end=start + len(formula), label="ORG"))
    stream = io.StringIO()
    write_csv([Report(id="=cmd", text=text, entities=entities)], stream)
    rows = list(csv.DictReader(io.StringIO(stream.getvalue())))
    assert [row["text"] for row in rows] == ["'" + formula for formula in FORMULAS]
    assert {row["article_id"] for row in rows} == {"'=cmd"}
    assert {row["start"][0] for row in rows} != {"'"}
