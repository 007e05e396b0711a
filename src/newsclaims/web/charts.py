"""The timeline chart for the browser: a Vega-Lite spec (Altair) and the Vega scripts.

The scripts (Vega, Vega-Lite, Vega-Embed) come from vl-convert, which ships them inside
the package: the page loads them from this server, never from a CDN, so the chart draws
offline. Each point links to its evidence on the article page.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import Any

from newsclaims.track.timeline import QUALIFIER_SHAPES, chart_rows
from newsclaims.web.evidence import article_link

# What the bundle leaves in the page: the three libraries as globals.
GLOBALS = "window.vegaEmbed = vegaEmbed; window.vegaLite = vegaLite; window.vega = vega;"


def timeline_spec(points: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """A Vega-Lite spec: one colour per source, one shape per qualifier, a panel per series."""
    import altair as alt

    rows = chart_rows(points)
    for row, point in zip(rows, points, strict=True):
        span = point.get("span") or {}
        row["href"] = article_link(
            point["article_id"], span.get("start"), span.get("end"), point.get("item_id")
        )
    data = alt.Data(values=rows)
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
        alt.Tooltip("sentence:N", title="sentence"),
    ]
    base = alt.Chart(data)
    # One line per source through the values it stands on, as `newsclaims timeline --chart`.
    lines = base.mark_line(opacity=0.5, strokeWidth=1.5).encode(
        x=x, y=alt.Y("y:Q", title="count"), color=color, detail="source:N"
    )
    ranges = base.mark_rule(strokeWidth=2).encode(x=x, y="low:Q", y2="high:Q", color=color)
    marks = base.mark_point(filled=True, size=80, cursor="pointer").encode(
        x=x,
        y=alt.Y("y:Q", title="count"),
        color=color,
        shape=alt.Shape("qualifier:N", scale=shapes, title="qualifier"),
        tooltip=tooltip,
        href="href:N",
    )
    layered = alt.layer(lines, ranges, marks)
    chart: Any
    if len({row["series"] for row in rows}) > 1:
        chart = (
            layered.properties(width=680, height=260)
            .facet(row=alt.Row("series:N", title=None))
            .resolve_scale(y="independent")
        )
    else:
        title = rows[0]["series"] if rows else "figures"
        chart = layered.properties(title=title, width=680, height=320)
    spec: dict[str, Any] = chart.to_dict()
    return spec


@cache
def vega_script() -> str:
    """Vega, Vega-Lite and Vega-Embed as one script (built once, about 0.9 MB)."""
    import altair as alt
    import vl_convert

    version = ".".join(alt.SCHEMA_VERSION.lstrip("v").split(".")[:2])
    known = vl_convert.get_vegalite_versions()
    return str(
        vl_convert.javascript_bundle(GLOBALS, vl_version=version if version in known else None)
    )
