"""Any result as a download: JSON, CSV or Parquet, from the same rows.

Nested values (a point's ``span``, a pair's two sides) become flat columns
(``span_start``, ``a_date``...) in CSV and Parquet; JSON keeps them nested.

>>> flat_rows([{"a": {"date": "2023-11-08", "span": {"start": 3}}, "score": 1.5}])
[{'a_date': '2023-11-08', 'a_span_start': 3, 'score': 1.5}]
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator, Sequence
from typing import Any

from fastapi import Response

from newsclaims.web.params import Format

MEDIA_TYPES = {
    Format.json: "application/json",
    Format.csv: "text/csv; charset=utf-8",
    Format.parquet: "application/vnd.apache.parquet",
}


def flat_rows(rows: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    return [dict(_flatten(row)) for row in rows]


def _flatten(row: dict[str, Any], prefix: str = "") -> Iterator[tuple[str, Any]]:
    for key, value in row.items():
        if isinstance(value, dict):
            yield from _flatten(value, f"{prefix}{key}_")
        elif isinstance(value, (list, set, tuple)):
            yield f"{prefix}{key}", json.dumps(sorted(value) if isinstance(value, set) else value)
        else:
            yield f"{prefix}{key}", value


def download(rows: Sequence[dict[str, Any]], output: Format, name: str) -> Response:
    """``rows`` as a file named ``name``.csv/.parquet/.json."""
    if output is Format.csv:
        body: bytes = _csv(rows).encode("utf-8")
    elif output is Format.parquet:
        body = _parquet(rows)
    else:
        body = json.dumps(list(rows), ensure_ascii=False, default=str).encode("utf-8")
    return Response(
        body,
        media_type=MEDIA_TYPES[output],
        headers={"Content-Disposition": f'attachment; filename="{name}.{output.value}"'},
    )


def _columns(flat: Sequence[dict[str, Any]]) -> list[str]:
    return list(dict.fromkeys(key for row in flat for key in row))


def _csv(rows: Sequence[dict[str, Any]]) -> str:
    flat = flat_rows(rows)
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=_columns(flat), extrasaction="ignore")
    writer.writeheader()
    writer.writerows(flat)
    return buffer.getvalue()


def _parquet(rows: Sequence[dict[str, Any]]) -> bytes:
    import pyarrow as pa
    import pyarrow.parquet as pq

    flat = flat_rows(rows)
    columns = {name: [row.get(name) for row in flat] for name in _columns(flat)}
    table = pa.table({name: _arrow_column(values) for name, values in columns.items()})
    sink = io.BytesIO()
    pq.write_table(table, sink)
    return sink.getvalue()


def _arrow_column(values: list[Any]) -> Any:
    """One column; whole numbers mixed with fractions become floats, other mixtures text."""
    import pyarrow as pa

    kinds = {type(value) for value in values if value is not None}
    if kinds <= {int, float} and float in kinds:
        values = [None if value is None else float(value) for value in values]
    try:
        return pa.array(values)
    except (pa.ArrowInvalid, pa.ArrowTypeError):
        return pa.array([None if value is None else str(value) for value in values])
