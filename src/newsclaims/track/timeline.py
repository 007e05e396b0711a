"""Timelines: the series of one quantity (people killed in Gaza) per source over time.

A point keeps its qualifier: ``at least 100`` is a lower bound (``low`` 100, no ``high``),
``up to 50`` an upper bound, ``between 10 and 20`` a range; the chart draws them as such,
never as plain values. A point's date is the day its sentence states, else the report's.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Sequence
from datetime import date, timedelta
from pathlib import Path
from statistics import median
from typing import Any

from rich.console import Group, RenderableType
from rich.text import Text
from sqlalchemy.engine import Connection

from newsclaims.resolve.sources import NAME_PREFIX
from newsclaims.store.queries import TOLL, Filters, figure_rows

BAR_WIDTH = 40
_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)
CHART_SUFFIXES = (".html", ".png", ".svg", ".json")
# How each qualifier is drawn in the HTML/PNG chart.
QUALIFIER_SHAPES = {
    "exact": "circle",
    "approx": "diamond",
    "at_least": "triangle-up",
    "at_most": "triangle-down",
    "range": "square",
    "vague": "cross",
}
QUALIFIER_MARKS = {"exact": "", "approx": "~", "at_least": "≥ ", "at_most": "≤ ", "vague": "? "}


def timeline_points(
    connection: Connection,
    filters: Filters,
    numberless: bool = False,
    placeless: bool = False,
    unregistered: bool = False,
) -> list[dict[str, Any]]:
    """The figures matching ``filters`` as timeline points, oldest first.

    A figure without any number (``thousands``) is left out unless ``numberless``, and so
    is the same claim repeated within one article (headline and body); copies from other
    versions of a story already are. In the toll view (scope ``toll``), a point far below
    its own source's series around it is a part, not the toll (:func:`mark_parts`), and a
    running toll whose place the tool cannot tell, or can only guess from its article
    (``where_basis`` ``article``), is left out unless ``placeless``: a toll is some
    place's, and one shown without the place its sentence or source gives cannot be
    checked against any (half of those guessed were wrong on a labelled sample). So is a
    running toll told by a source the registry does not know (an id ``name:...``) unless
    ``unregistered``, or ``filters.source`` asks for sources: in three samples read blind,
    8 of 19 such points were right (a toll is an institution's series, and a name the
    tool cannot place among them is most often a phrase read as a source).

    >>> trusted_place({"where": "Gaza", "where_basis": "sentence"})
    True
    >>> trusted_place({"where": "Gaza", "where_basis": "article"}), trusted_place({"where": None})
    (False, False)
    """
    points: list[dict[str, Any]] = []
    seen: set[tuple[Any, ...]] = set()
    for row in figure_rows(connection, filters):
        low, high = bounds(row["qualifier"], row["value"], row["low"], row["high"])
        if row["value"] is None and low is None and high is None and not numberless:
            continue
        claim = (
            row["article_id"],
            row["value"],
            row["qualifier"],
            low,
            high,
            row["source_id"] or row["source_name"],
            row["quantity"] or row["what"],
            row["status"],
            row["where"],
            row["scope"],
        )
        if claim in seen:
            continue
        seen.add(claim)
        points.append(timeline_point(row, low, high))
    mark_parts([point for point in points if point["scope"] == TOLL])
    if filters.scope == TOLL:
        any_source = unregistered or filters.source is not None
        points = [
            point
            for point in points
            if not point["part"]
            and (placeless or trusted_place(point))
            and (any_source or registered(point))
        ]
    return points


# Where a point's place comes from when the tool can tell it: stated by its clause, named
# by its source (or the source's own place), or the one place its sentence is set in.
TRUSTED_PLACE_BASES = frozenset({"stated", "source", "sentence"})


def trusted_place(point: dict[str, Any]) -> bool:
    """Whether the point's place comes from its own sentence or source, not guessed."""
    return point["where"] is not None and point.get("where_basis") in TRUSTED_PLACE_BASES


def registered(point: dict[str, Any]) -> bool:
    """Whether the point's source has an id the tool made from something it resolved (a
    registry id, a state or a state's body, a person), or is no one (the report's own
    voice): not an id made from a name it could not resolve (``name:...``). An id of an
    unknown kind (``pse-which``) passes: only ``name:`` ids were read blind and gated.

    >>> registered({"source_id": "pse-health-ministry"}), registered({"source_id": None})
    (True, True)
    >>> registered({"source_id": "name:official-figures"})
    False
    """
    return not (point["source_id"] or "").startswith(NAME_PREFIX)


# A toll point whose number is less than a third of its own source's toll on the days
# around it (at least two other points) counts a part: a day's dead ("45 people have
# been killed" in a daily update), one strike's. It is not the running toll, however its
# sentence reads; the toll view leaves it out, and --scope all shows it.
PART_RATIO = 3.0
PART_WINDOW_DAYS = 3
PART_NEIGHBOURS = 2


def mark_parts(points: list[dict[str, Any]]) -> None:
    """Set each point's ``part``: far below its source's series on the days around it.

    >>> day = lambda d, v: {"date": f"2023-11-{d:02}", "value": v, "low": None, "high": None,
    ...                     "source_id": "m", "quantity": "people", "status": "killed",
    ...                     "where": "Gaza", "scope": "toll"}
    >>> points = [day(1, 9000), day(2, 45), day(3, 9300), day(4, 9500)]
    >>> mark_parts(points); [point["part"] for point in points]
    [False, True, False, False]
    """
    series: dict[tuple[Any, ...], list[tuple[date, float, dict[str, Any]]]] = defaultdict(list)
    for point in points:
        point["part"] = False
        number = point["value"] if point["value"] is not None else point["low"] or point["high"]
        if number is None or point["date"] is None or point["scope"] != TOLL:
            continue
        key = (point["source_id"] or point.get("source_name") or point.get("publisher"),
               point["quantity"], point["status"], point["where"])  # fmt: skip
        series[key].append((date.fromisoformat(point["date"]), float(number), point))
    window = timedelta(days=PART_WINDOW_DAYS)
    for members in series.values():
        members.sort(key=lambda member: member[0])
        days = [day for day, _, _ in members]
        for index, (day, number, point) in enumerate(members):
            # The source's other points of the days around: found by bisection, so a long
            # series costs n log n, not n squared.
            first, last = bisect_left(days, day - window), bisect_right(days, day + window)
            around = [members[i][1] for i in range(first, last) if i != index]
            if len(around) >= PART_NEIGHBOURS and number * PART_RATIO < median(around):
                point["part"] = True


def timeline_point(row: dict[str, Any], low: float | None, high: float | None) -> dict[str, Any]:
    """A figure row as a timeline point: the claim, who made it, and its evidence."""
    return {
        "date": row["date"],
        "value": row["value"],
        "qualifier": row["qualifier"],
        "low": low,
        "high": high,
        "what": row["what"],
        "quantity": row["quantity"],
        "side": row["side"],
        "status": row["status"],
        "where": row["where"],
        "where_basis": row["where_basis"],
        "scope": row["scope"] or TOLL,
        "part": False,  # set by mark_parts for toll points
        "background": row["background"],
        "source": row["source"],
        "source_name": row["source_name"],
        "source_id": row["source_id"],
        "publisher": row["publisher"],
        "article_id": row["article_id"],
        "item_id": row["item_id"],
        "story": row["story"],
        "span": {"start": row["start"], "end": row["end"], "text": row["text"]},
        "sentence": row["sentence"],
        "headline": row["headline"],
        "url": row["url"],
    }


def bounds(
    qualifier: str, value: float | None, low: float | None, high: float | None
) -> tuple[float | None, float | None]:
    """The bounds a claim states: a lower bound for ``at_least``, both for a range...

    >>> bounds("at_least", 100, None, None), bounds("at_most", 50, None, None)
    ((100, None), (None, 50))
    >>> bounds("range", None, 10, 20), bounds("exact", 7, None, None)
    ((10, 20), (None, None))
    """
    if qualifier == "at_least":
        return (low if low is not None else value), None
    if qualifier == "at_most":
        return None, (high if high is not None else value)
    return low, high


def source_label(point: dict[str, Any]) -> str:
    """Who a point is attributed to, by source id (or name, for rows stored without
    one), or whose reporter states it.

    >>> source_label({"source_id": "pse-health-ministry", "source_name": "the ministry",
    ...               "source": None, "publisher": "X"})
    'pse-health-ministry'
    >>> source_label({"source_id": None, "source_name": None, "source": None, "publisher": "X"})
    'X (no source given)'
    """
    if point.get("source_id"):
        return str(point["source_id"])
    named = point["source_name"] or point["source"]
    if named:
        return _LEADING_THE.sub("", " ".join(str(named).split()))
    return f"{point['publisher'] or 'reporter'} (no source given)"


def series_label(point: dict[str, Any]) -> str:
    """``people killed · Gaza``, with the scope when it is not a running toll."""
    counted = point.get("quantity") or point["what"]
    what = " ".join(part for part in (counted, point["status"]) if part) or "figures"
    parts = [what, point["where"], None if point["scope"] == TOLL else f"per {point['scope']}"]
    return " · ".join(part for part in parts if part)


def shown_value(point: dict[str, Any]) -> str:
    """A point as the text says it: ``≥ 100``, ``10–20``, ``~3,000``."""
    if point["qualifier"] == "range" and point["low"] is not None and point["high"] is not None:
        return f"{point['low']:,.0f}–{point['high']:,.0f}"
    number = point["value"] if point["value"] is not None else point["low"] or point["high"]
    mark = QUALIFIER_MARKS.get(point["qualifier"], "")
    return f"{mark}{number:,.0f}" if number is not None else mark.strip()


def terminal_chart(points: Sequence[dict[str, Any]]) -> RenderableType:
    """Bars per source and day: ``▶`` marks a lower bound, ``░`` the span of a range."""
    if not points:
        return Text("no figures match", style="dim")
    parts: list[RenderableType] = []
    by_series: dict[str, list[tuple[str, dict[str, Any]]]] = defaultdict(list)
    for point in points:
        label = source_label(point)
        by_series[series_label(point)].append((label, point))
    for series, members in by_series.items():
        top = max(_largest(point) for _, point in members) or 1.0
        sources = {label for label, _ in members}
        parts.append(
            Text(f"{series}  ({len(members)} points, {len(sources)} sources)", style="bold")
        )
        by_source: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for label, point in members:
            by_source[label].append(point)
        for source, own in sorted(by_source.items(), key=lambda item: -len(item[1])):
            parts.append(Text(f"  {source}", style="cyan"))
            parts.extend(_bar_line(point, top) for point in own)
        parts.append(Text(""))
    return Group(*parts)


def _largest(point: dict[str, Any]) -> float:
    numbers = [n for n in (point["value"], point["low"], point["high"]) if n is not None]
    return float(max(numbers)) if numbers else 0.0


def _bar_line(point: dict[str, Any], top: float) -> Text:
    def cells(number: float | None) -> int:
        return round(BAR_WIDTH * (number or 0) / top)

    line = Text(f"    {point['date'] or 'undated':<10} ")
    qualifier = point["qualifier"]
    if qualifier == "range" and point["low"] is not None and point["high"] is not None:
        start, end = cells(point["low"]), cells(point["high"])
        line.append("█" * start, style="green")
        line.append("░" * max(1, end - start), style="green")
        used = max(end, start + 1)
    elif qualifier == "at_least":
        used = cells(point["low"])
        line.append("█" * used + "▶", style="yellow")
        used += 1
    elif qualifier == "at_most":
        used = cells(point["high"])
        line.append("◀" + "░" * used, style="magenta")
        used += 1
    else:
        used = cells(point["value"])
        line.append("█" * used, style="green" if qualifier == "exact" else "blue")
    line.append(" " * max(1, BAR_WIDTH + 2 - used) + shown_value(point))
    line.append(f"  {point['publisher'] or ''} {point['article_id']}", style="dim")
    return line


def chart_rows(points: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """The points as flat rows for Vega-Lite: ``y`` is where the mark stands."""
    rows = []
    for point in points:
        low, high = point["low"], point["high"]
        y = point["value"]
        if point["qualifier"] == "at_least":
            y = low
        elif point["qualifier"] == "at_most":
            y = high
        elif point["qualifier"] == "range" and low is not None and high is not None:
            y = (low + high) / 2
        rows.append(
            {
                "date": point["date"],
                "y": y,
                "low": low,
                "high": high,
                "shown": shown_value(point),
                "qualifier": point["qualifier"],
                "source": source_label(point),
                "written": point["source_name"] or point["source"] or "",
                "series": series_label(point),
                "publisher": point["publisher"],
                "article_id": point["article_id"],
                "headline": point["headline"],
                "sentence": point["sentence"] or point["span"]["text"],
            }
        )
    return rows


# The chart's rows travel as one named dataset: Altair then validates and copies the
# chart's few marks, not every row (2,000 rows took 1.1 s that way, 0.05 s this way).
CHART_DATA = "points"


def timeline_chart(
    points: Sequence[dict[str, Any]], links: Sequence[str] | None = None, width: int = 680
) -> Any:
    """The Altair (Vega-Lite) chart of timeline points: one line per source id through the
    values it stands on, a shape per qualifier (a lower bound points up), a rule from low
    to high for a range, the sentence in each point's tooltip, a panel per series.
    ``links`` (one per point) make each point open its evidence (the web page)."""
    rows = linked_rows(points, links)
    return chart_layout(rows, bool(links), width).properties(datasets={CHART_DATA: rows})


def timeline_spec(
    points: Sequence[dict[str, Any]], links: Sequence[str] | None = None, width: int = 680
) -> dict[str, Any]:
    """:func:`timeline_chart` as a Vega-Lite spec, built without walking every row."""
    rows = linked_rows(points, links)
    spec: dict[str, Any] = chart_layout(rows, bool(links), width).to_dict()
    spec["datasets"] = {CHART_DATA: rows}
    return spec


def linked_rows(
    points: Sequence[dict[str, Any]], links: Sequence[str] | None
) -> list[dict[str, Any]]:
    """The chart's rows, each with its point's link (``href``) when ``links`` are given."""
    rows = chart_rows(points)
    for row, link in zip(rows, links or [], strict=False):
        row["href"] = link
    return rows


def chart_layout(rows: Sequence[dict[str, Any]], linked: bool, width: int) -> Any:
    """The chart's marks over the named dataset :data:`CHART_DATA` (``rows`` decide panels)."""
    import altair as alt

    data = alt.Data(name=CHART_DATA)
    x = alt.X("date:T", title="date", scale=alt.Scale(padding=24))  # points off the edges
    color = alt.Color("source:N", title="source", legend=alt.Legend(orient="bottom", columns=2))
    shapes = alt.Scale(domain=list(QUALIFIER_SHAPES), range=list(QUALIFIER_SHAPES.values()))
    tooltip = [
        "date:T",
        "shown:N",
        "qualifier:N",
        alt.Tooltip("source:N", title="source id"),
        alt.Tooltip("written:N", title="as written"),
        "publisher:N",
        "headline:N",
        "article_id:N",
        alt.Tooltip("sentence:N", title="sentence"),
    ]
    base = alt.Chart(data)
    y = alt.Y("y:Q", title="count")
    lines = base.mark_line(opacity=0.5, strokeWidth=1.5).encode(
        x=x, y=y, color=color, detail="source:N"
    )
    ranges = base.mark_rule(strokeWidth=2).encode(x=x, y="low:Q", y2="high:Q", color=color)
    mark = base.mark_point(filled=True, size=80, cursor="pointer" if linked else "default")
    encoding: dict[str, Any] = {"href": "href:N"} if linked else {}
    marks = mark.encode(
        x=x,
        y=y,
        color=color,
        shape=alt.Shape("qualifier:N", scale=shapes, title="qualifier"),
        tooltip=tooltip,
        **encoding,
    )
    layered = alt.layer(lines, ranges, marks)
    series = list(dict.fromkeys(row["series"] for row in rows))
    if len(series) > 1:
        return (
            layered.properties(width=width, height=260)
            .facet(row=alt.Row("series:N", title=None))
            .resolve_scale(y="independent")
        )
    return layered.properties(title=series[0] if series else "figures", width=width, height=320)


def write_chart(points: Sequence[dict[str, Any]], path: Path) -> None:
    """Save the chart: ``.html`` (Vega bundles inlined: works offline), ``.png``,
    ``.svg`` or the ``.json`` spec."""
    if path.suffix.lower() not in CHART_SUFFIXES:
        raise ValueError(f"{path}: chart files end in {', '.join(CHART_SUFFIXES)}")
    path.parent.mkdir(parents=True, exist_ok=True)
    timeline_chart(points).save(str(path), inline=path.suffix.lower() == ".html")
