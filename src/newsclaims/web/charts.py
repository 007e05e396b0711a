"""The timeline chart for the browser: a Vega-Lite spec (Altair) and the Vega scripts.

The scripts (Vega, Vega-Lite, Vega-Embed) come from vl-convert, which ships them inside
the package: the page loads them from this server, never from a CDN, so the chart draws
offline. Each point links to its evidence on the article page.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import Any

from newsclaims.track.timeline import timeline_spec as chart_spec
from newsclaims.web.evidence import article_link

# What the bundle leaves in the page: the three libraries as globals.
GLOBALS = "window.vegaEmbed = vegaEmbed; window.vegaLite = vegaLite; window.vega = vega;"


def timeline_spec(points: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """The CLI's chart as a Vega-Lite spec, each point linking to its evidence."""
    links = [
        article_link(
            point["article_id"],
            (point.get("span") or {}).get("start"),
            (point.get("span") or {}).get("end"),
            point.get("item_id"),
        )
        for point in points
    ]
    return chart_spec(points, links)


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
