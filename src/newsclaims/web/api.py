"""The JSON API under ``/api/v1``: the same queries and views as the pages, and analyze.

Lists are paginated (``page``, ``per_page``) and answer ``{"total", "page", "per_page",
"rows"}``; ``format=csv`` or ``format=parquet`` downloads the same page of rows as a file.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Annotated, Any

from fastapi import APIRouter, Body, Depends, HTTPException, Query, Request, Response
from fastapi import Path as PathParam
from pydantic import BaseModel, Field
from sqlalchemy.engine import Connection

from newsclaims.web import views
from newsclaims.web.analysis import analyze_request
from newsclaims.web.app import connection
from newsclaims.web.downloads import download
from newsclaims.web.params import (
    MAX_TEXT,
    FilterParams,
    Format,
    ItemKind,
    Kind,
    Page,
    PairView,
    Placeless,
    Unaddressed,
    Unregistered,
    filter_params,
    text_value,
    toll_by_default,
)
from newsclaims.web.reads import store_counts, stored_articles, stored_items, story_versions

router = APIRouter(prefix="/api/v1", tags=["api"])
MAX_PER_PAGE = 5000

Db = Annotated[Connection, Depends(connection)]
Filters = Annotated[FilterParams, Depends(filter_params)]
PageNumber = Annotated[int, Query(ge=1, le=100_000, description="1 is the first page")]
PerPage = Annotated[int, Query(ge=1, le=MAX_PER_PAGE, description="rows per page")]
Output = Annotated[Format, Query(alias="format", description="json, csv or parquet")]
Words = Annotated[str | None, Query(max_length=MAX_TEXT, description="words to look for")]


def listing(
    rows: Sequence[dict[str, Any]], total: int, page: Page, output: Format, name: str
) -> Any:
    """One page of rows, as JSON or as a download."""
    if output is not Format.json:
        return download(rows, output, name)
    return {"total": total, "page": page.number, "per_page": page.size, "rows": list(rows)}


@router.get("/stats", summary="How many articles and items the store holds")
def stats(db: Db) -> dict[str, int]:
    return store_counts(db)


@router.get("/search/{kind}", summary="Articles, quotes, figures, events or actors")
def search(
    kind: Kind,
    db: Db,
    params: Filters,
    q: Words = None,
    page: PageNumber = 1,
    per_page: PerPage = 50,
    output: Output = Format.json,
) -> Any:
    """Matches of ``q`` (in an item's evidence, an article's headline or text, an actor's
    name) and the command line's filters (``newsclaims query --help``), newest first."""
    chosen = Page(page, per_page)
    result = views.search(db, kind.value, q, params, chosen)
    return listing(result.rows, result.total, chosen, output, kind.value)


@router.get("/query/{kind}", summary="Quotes, figures, events or actors (newsclaims query)")
def query(
    kind: ItemKind,
    db: Db,
    params: Filters,
    text: Words = None,
    page: PageNumber = 1,
    per_page: PerPage = 50,
    output: Output = Format.json,
) -> Any:
    """The rows of ``newsclaims query KIND`` with the same filters."""
    chosen = Page(page, per_page)
    result = views.search(db, kind.value, text, params, chosen)
    return listing(result.rows, result.total, chosen, output, kind.value)


@router.get("/articles/{article_id:path}", summary="An article: metadata, text, report, story")
def article(article_id: Annotated[str, PathParam(max_length=500)], db: Db) -> dict[str, Any]:
    """Every article stored under ``article_id`` with its whole report (items at their
    offsets into ``text``), the store's resolved rows by item id, and its story's versions."""
    found = stored_articles(db, article_id)
    if not found:
        raise HTTPException(404, f"no article {article_id!r} in this store")
    return {
        "articles": [
            {
                "article_id": stored.article_id,
                "version": stored.version,
                "headline": stored.headline,
                "date": stored.date,
                "publisher": stored.publisher,
                "url": stored.url,
                "report": {**json.loads(stored.report_json), "text": stored.text},
                "stored_items": stored_items(db, stored.pk),
                "story_versions": story_versions(db, stored.story_pk),
            }
            for stored in found
        ]
    }


@router.get("/timeline", summary="The series of one quantity per source (newsclaims timeline)")
def timeline(
    db: Db,
    params: Filters,
    page: PageNumber = 1,
    per_page: PerPage = 1000,
    output: Output = Format.json,
    placeless: Placeless = False,
    unregistered: Unregistered = False,
) -> Any:
    """Timeline points, oldest first; ``scope`` defaults to ``toll`` (running counts), whose
    points with no place of their own or by sources the registry does not know are left
    out unless ``placeless=true`` / ``unregistered=true``."""
    options = views.TollOptions(placeless, unregistered)
    points = views.timeline(db, toll_by_default(params), options)
    chosen = Page(page, per_page)
    return listing(chosen.cut(points), len(points), chosen, output, "timeline")


@router.get("/contradictions", summary="Contradicting or agreeing pairs, or counter-claims")
def contradictions(
    db: Db,
    params: Filters,
    view: PairView = PairView.contradicts,
    window: Annotated[int, Query(ge=0, le=366, description="days apart")] = 0,
    max_ratio: Annotated[float, Query(ge=0, le=1e6, description="0: no limit")] = 3.0,
    page: PageNumber = 1,
    per_page: PerPage = 100,
    output: Output = Format.json,
) -> Any:
    """As ``newsclaims contradictions`` (``view=agrees``: ``--agree``; ``sides``: ``--sides``)."""
    found = views.pairs(db, params, views.PairOptions(view, window, max_ratio))
    chosen = Page(page, per_page)
    return listing(chosen.cut(found), len(found), chosen, output, view.value)


@router.get("/negotiation", summary="Negotiation moves per actor (newsclaims negotiation)")
def negotiation(
    db: Db,
    params: Filters,
    page: PageNumber = 1,
    per_page: PerPage = 200,
    output: Output = Format.json,
    unaddressed: Unaddressed = False,
) -> Any:
    """Moves oldest first (filters: actor, publisher, since, until); those naming the
    other party, every move with ``unaddressed=true``."""
    found = views.moves(db, params, unaddressed)
    chosen = Page(page, per_page)
    return listing(chosen.cut(found), len(found), chosen, output, "negotiation")


@router.get("/actor", summary="Everything one person or institution said, claimed or did")
def actor(
    db: Db,
    params: Filters,
    name: Annotated[str, Query(min_length=1, max_length=MAX_TEXT)],
    output: Output = Format.json,
) -> Any:
    """Quotes by, figures from and events of ``name`` (as the CLI matches names), oldest
    first, each row with its ``item`` kind; at most 200 of each kind, the newest."""
    wanted = text_value(name, "name")
    record = views.actor_record(db, wanted, params) if wanted else []
    rows = [{"item": kind, **row} for kind, row in record]
    return listing(rows, len(rows), Page(1, max(1, len(rows))), output, "actor")


class AnalyzeRequest(BaseModel):
    """A text to analyze, with what is known about it."""

    text: str = Field(description="The report's text (a first line + blank line: headline)")
    headline: str | None = Field(None, max_length=1000)
    date: str | None = Field(None, pattern=r"^\d{4}-\d{2}-\d{2}$")
    publisher: str | None = Field(None, max_length=200)
    url: str | None = Field(None, max_length=2000)
    store: bool = Field(False, description="Also store it (only on a server started so)")


@router.post("/analyze", summary="Analyze a text; nothing is stored unless asked")
async def analyze(request: Request, body: Annotated[AnalyzeRequest, Body()]) -> Response:
    """The report of one text (the JSON of ``newsclaims analyze --format json``)."""
    report, stored = await analyze_request(
        request.app.state,
        body.store,
        text=body.text,
        headline=body.headline,
        date=body.date,
        publisher=body.publisher,
        url=body.url,
    )
    payload = report.model_dump(mode="json")
    payload["stored"] = stored
    return Response(json.dumps(payload, ensure_ascii=False), media_type="application/json")
