"""The HTML pages: search, article, timeline, contradictions, negotiation, analyze, docs.

Server-rendered with Jinja2 (autoescaped); the only scripts are the package's own
static files. Every result shows its evidence: the sentence with the item marked, the
headline, publisher, date, a link to the item on its article page, and the URL.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, File, Form, HTTPException, Query, Request, UploadFile
from fastapi import Path as PathParam
from fastapi.responses import HTMLResponse, Response
from sqlalchemy.engine import Connection

from newsclaims.model import Report
from newsclaims.store.queries import source_candidates
from newsclaims.track.negotiation import by_actor
from newsclaims.track.timeline import shown_value, source_label
from newsclaims.web import views
from newsclaims.web.analysis import AnalysisRefused, analyze_request
from newsclaims.web.app import connection
from newsclaims.web.charts import timeline_spec, vega_script
from newsclaims.web.evidence import Evidence, briefs_needed, evidence
from newsclaims.web.params import (
    MAX_TEXT,
    FilterParams,
    Page,
    PairView,
    Placeless,
    Unaddressed,
    Unregistered,
    filter_params,
    text_value,
    toll_by_default,
)
from newsclaims.web.reads import (
    article_briefs,
    search_articles,
    store_counts,
    stored_articles,
    stored_items,
    story_versions,
)
from newsclaims.web.report_view import report_view

router = APIRouter(include_in_schema=False)
PER_PAGE = 25
MAX_PER_PAGE = 200
OVERVIEW_ROWS = 5  # per kind when searching everywhere
CHART_POINTS = 2000  # points drawn at most; the table and the API give them all
TABLE_ROWS = 100  # rows of a view's table per page (the chart draws every page's points)

Db = Annotated[Connection, Depends(connection)]
Filters = Annotated[FilterParams, Depends(filter_params)]
PageNumber = Annotated[int, Query(ge=1, le=100_000)]
PerPage = Annotated[int, Query(ge=1, le=MAX_PER_PAGE)]
Words = Annotated[str | None, Query(max_length=MAX_TEXT)]


def render(request: Request, template: str, **context: Any) -> HTMLResponse:
    page = request.app.state.templates.TemplateResponse(request, template, context)
    return page


def with_evidence(db: Connection, rows: Sequence[Mapping[str, Any]]) -> list[Evidence]:
    briefs = article_briefs(db, briefs_needed(rows))
    return [evidence(row, briefs) for row in rows]


def page_links(request: Request, page: Page, total: int) -> dict[str, str | int | None]:
    """Links to the previous and next pages, keeping every other parameter."""
    last = max(1, -(-total // page.size))

    def link(number: int) -> str:
        kept = [(k, v) for k, v in request.query_params.multi_items() if k != "page"]
        return f"{request.url.path}?{urlencode([*kept, ('page', str(number))])}"

    return {
        "page": page.number,
        "last": last,
        "total": total,
        "prev": link(page.number - 1) if page.number > 1 else None,
        "next": link(page.number + 1) if page.number < last else None,
    }


def with_param(request: Request, name: str, value: str) -> str:
    """This page's URL with ``name`` set to ``value`` (and back to its first page)."""
    kept = [(k, v) for k, v in request.query_params.multi_items() if k not in (name, "page")]
    return f"{request.url.path}?{urlencode([*kept, (name, value)])}"


def source_offers(
    request: Request, db: Connection, words: str | None, name: str
) -> list[dict[str, Any]]:
    """Source ids whose names contain ``words``, each with a link that filters by it."""
    wanted = text_value(words, name)
    if wanted is None:
        return []
    return [
        {**row, "link": with_param(request, name, row["source_id"])}
        for row in source_candidates(db, wanted)
    ]


def api_link(request: Request, path: str, output: str) -> str:
    """The API URL of the same result as a download."""
    kept = [(k, v) for k, v in request.query_params.multi_items() if k != "format"]
    return f"/api/v1/{path}?{urlencode([*kept, ('format', output)])}"


@router.get("/", response_class=HTMLResponse)
def index(request: Request, db: Db) -> HTMLResponse:
    recent = search_articles(db, None, FilterParams().filters(), 0, 10)
    return render(request, "index.html", counts=store_counts(db), recent=recent.rows)


@router.get("/search", response_class=HTMLResponse)
def search(
    request: Request,
    db: Db,
    params: Filters,
    q: Words = None,
    kind: Annotated[
        str | None, Query(pattern=r"^(articles|quotes|figures|events|actors)?$")
    ] = None,
    page: PageNumber = 1,
    per_page: PerPage = PER_PAGE,
) -> HTMLResponse:
    context: dict[str, Any] = {"q": q or "", "kind": kind or "", "params": params}
    if not kind:
        found = views.search_everywhere(db, q, params, OVERVIEW_ROWS)
        context["sections"] = [
            (name, result, with_evidence(db, result.rows) if name not in _NO_EVIDENCE else [])
            for name, result in found.items()
        ]
        context["kind_links"] = {name: with_param(request, "kind", name) for name in found}
        return render(request, "search.html", **context)
    chosen = Page(page, per_page)
    result = views.search(db, kind, q, params, chosen)
    context.update(
        rows=result.rows,
        proofs=with_evidence(db, result.rows) if kind not in _NO_EVIDENCE else [],
        pages=page_links(request, chosen, result.total),
        ignored=views.given_outside(params, kind),
        downloads={fmt: api_link(request, f"search/{kind}", fmt) for fmt in _FORMATS},
    )
    return render(request, "search.html", **context)


_NO_EVIDENCE = {"articles", "actors"}
_FORMATS = ("csv", "json", "parquet")


@router.get("/articles/{article_id:path}", response_class=HTMLResponse)
def article(
    request: Request,
    db: Db,
    article_id: Annotated[str, PathParam(max_length=500)],
    item: Annotated[str | None, Query(max_length=100)] = None,
    start: Annotated[int | None, Query(ge=0)] = None,
    end: Annotated[int | None, Query(ge=0)] = None,
) -> HTMLResponse:
    found = stored_articles(db, article_id)
    if not found:
        raise HTTPException(404, f"no article {article_id!r} in this store")
    shown = []
    for stored in found:
        report = Report.model_validate({**json.loads(stored.report_json), "text": stored.text})
        view = report_view(report, stored_items(db, stored.pk))
        selected = _selected(view.items, item, start, end)
        shown.append(
            {
                "stored": stored,
                "report": report,
                "view": view,
                "selected": selected,
                "versions": story_versions(db, stored.story_pk),
            }
        )
    return render(request, "article.html", article_id=article_id, shown=shown)


def _selected(items: Sequence[Any], item: str | None, start: int | None, end: int | None) -> Any:
    """The item a link points at: by id, else by its exact offsets."""
    for candidate in items:
        if item is not None and candidate.item_id == item:
            return candidate
    if start is None or end is None:
        return None
    return next((c for c in items if (c.start, c.end) == (start, end)), None)


@router.get("/timeline", response_class=HTMLResponse)
def timeline(
    request: Request,
    db: Db,
    params: Filters,
    page: PageNumber = 1,
    per_page: PerPage = TABLE_ROWS,
    placeless: Placeless = False,
    unregistered: Unregistered = False,
) -> HTMLResponse:
    options = views.TollOptions(placeless, unregistered)
    points = views.timeline(db, toll_by_default(params), options)
    drawn = [point for point in points if point["date"]][:CHART_POINTS]  # undated: table only
    chosen = Page(page, per_page)
    listed = chosen.cut(points)
    return render(
        request,
        "timeline.html",
        params=params,
        total=len(points),
        points=listed,
        labels=[source_label(point) for point in listed],
        shown=[shown_value(point) for point in listed],
        proofs=with_evidence(db, listed),
        pages=page_links(request, chosen, len(points)),
        spec=timeline_spec(drawn) if drawn else None,
        drawn=len(drawn),
        offers=source_offers(request, db, params.source, "source") if not points else [],
        downloads={fmt: api_link(request, "timeline", fmt) for fmt in _FORMATS},
        options=options,
    )


@router.get("/contradictions", response_class=HTMLResponse)
def contradictions(
    request: Request,
    db: Db,
    params: Filters,
    view: PairView = PairView.contradicts,
    window: Annotated[int, Query(ge=0, le=366)] = 0,
    max_ratio: Annotated[float, Query(ge=0, le=1e6)] = 3.0,
    page: PageNumber = 1,
    per_page: PerPage = PER_PAGE,
) -> HTMLResponse:
    found = views.pairs(db, params, views.PairOptions(view, window, max_ratio))
    chosen = Page(page, per_page)
    pairs = chosen.cut(found)
    sides = [side for pair in pairs for side in (pair["a"], pair["b"])]
    proofs = with_evidence(db, sides)
    return render(
        request,
        "contradictions.html",
        params=params,
        view=view.value,
        window=window,
        max_ratio=max_ratio,
        pairs=[
            (pair, shown_value(pair["a"]), shown_value(pair["b"]), proofs[2 * n], proofs[2 * n + 1])
            for n, pair in enumerate(pairs)
        ],
        pages=page_links(request, chosen, len(found)),
        downloads={fmt: api_link(request, "contradictions", fmt) for fmt in _FORMATS},
    )


@router.get("/negotiation", response_class=HTMLResponse)
def negotiation(
    request: Request,
    db: Db,
    params: Filters,
    page: PageNumber = 1,
    per_page: PerPage = TABLE_ROWS,
    unaddressed: Unaddressed = False,
) -> HTMLResponse:
    moves = views.moves(db, params, unaddressed)
    chosen = Page(page, per_page)
    listed = chosen.cut(moves)
    proofs = with_evidence(db, listed)
    proof_of = {id(move): proof for move, proof in zip(listed, proofs, strict=True)}
    actors = [
        (name, [(move, proof_of[id(move)]) for move in own])
        for name, own in by_actor(listed).items()
    ]
    return render(
        request,
        "negotiation.html",
        params=params,
        unaddressed=unaddressed,
        actors=actors,
        total=len(moves),
        pages=page_links(request, chosen, len(moves)),
        downloads={fmt: api_link(request, "negotiation", fmt) for fmt in _FORMATS},
    )


@router.get("/actor", response_class=HTMLResponse)
def actor(
    request: Request,
    db: Db,
    params: Filters,
    name: Annotated[str, Query(min_length=1, max_length=MAX_TEXT)],
) -> HTMLResponse:
    """Everything a person or institution said, claimed or did, over time."""
    wanted = text_value(name, "name")
    record = views.actor_record(db, wanted or "", params) if wanted else []
    proofs = with_evidence(db, [row for _, row in record])
    return render(
        request,
        "actor.html",
        name=wanted or "",
        params=params,
        record=[(kind, row, proof) for (kind, row), proof in zip(record, proofs, strict=True)],
        per_kind=views.ACTOR_ROWS,
        offers=source_offers(request, db, wanted, "name"),
    )


@router.get("/analyze", response_class=HTMLResponse)
def analyze_form(request: Request) -> HTMLResponse:
    return render(request, "analyze.html", **_analyze_context(request))


@router.post("/analyze", response_class=HTMLResponse)
async def analyze(
    request: Request,
    text: Annotated[str, Form()] = "",
    file: Annotated[UploadFile | None, File()] = None,
    store: Annotated[bool, Form()] = False,
) -> HTMLResponse:
    context = _analyze_context(request)
    # Browsers send a textarea's line breaks as CRLF; the text pasted had LF (an upload
    # keeps its bytes exactly).
    text = text.replace("\r\n", "\n")
    upload = None
    if file is not None and file.filename:
        upload = (await file.read(context["max_bytes"] + 1), file.filename)
    try:
        report, stored = await analyze_request(request.app.state, store, text=text, upload=upload)
    except AnalysisRefused as refused:
        context.update(text=text, error=str(refused))
        page = render(request, "analyze.html", **context)
        page.status_code = refused.status
        return page
    context.update(text=text, report=report, view=report_view(report), stored=stored)
    return render(request, "analyze.html", **context)


def _analyze_context(request: Request) -> dict[str, Any]:
    settings = request.app.state.settings
    return {
        "max_bytes": settings.limits.max_bytes,
        "seconds": settings.limits.seconds,
        "allow_store": settings.allow_store,
        "text": "",
    }


@router.get("/docs", response_class=HTMLResponse)
def docs(request: Request) -> HTMLResponse:
    """The API's reference from its OpenAPI schema, served from here (works offline)."""
    schema = request.app.openapi()
    operations = [
        (path, method.upper(), operation)
        for path, methods in schema.get("paths", {}).items()
        for method, operation in methods.items()
    ]
    return render(request, "docs.html", operations=operations, info=schema.get("info", {}))


@router.get("/assets/vega.js")
def vega(request: Request) -> Response:
    """Vega, Vega-Lite and Vega-Embed, from the installed vl-convert package."""
    return Response(
        vega_script(),
        media_type="text/javascript; charset=utf-8",
        headers={"Cache-Control": "public, max-age=86400"},
    )
