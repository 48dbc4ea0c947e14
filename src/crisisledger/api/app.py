"""`create_app`: the FastAPI application with every route under /api/v1."""

from __future__ import annotations

import datetime as dt
import io
import os
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path as FilePath
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Body, Depends, FastAPI, HTTPException, Path, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel

from crisisledger import __version__
from crisisledger.api import dashboard, queries, submit
from crisisledger.api.settings import ApiSettings
from crisisledger.api.tokens import TokenStore, default_path
from crisisledger.store import Filters, Ledger
from crisisledger.store import export as exporter
from crisisledger.store import schema as t

PREFIX = "/api/v1"
MEDIA = {"jsonl": "application/x-ndjson", "csv": "text/csv", "geojson": "application/geo+json"}
MAX_INT = 2**31 - 1  # the database's INTEGER: larger numbers would be a server error, not a 422
bearer = HTTPBearer(auto_error=False, description="a token from `crisisledger token create`")
Cred = Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]
Limit = Annotated[int | None, Query(ge=1, le=MAX_INT, description="page size (default 100, at most 1000)")]
Cursor = Annotated[str | None, Query(description="opaque cursor from the previous page's next_cursor")]
Day = Annotated[dt.date | None, Query()]


def _state(request: Request) -> Any:
    return request.app.state


def _unauthorized() -> HTTPException:
    return HTTPException(401, "a valid bearer token is required", headers={"WWW-Authenticate": "Bearer"})


def write_auth(request: Request, cred: Cred) -> None:
    """Every write needs a token."""
    if not _state(request).tokens.check(cred.credentials if cred else None):
        raise _unauthorized()


async def read_auth(request: Request, cred: Cred) -> None:
    """Reads need a token only when the server was started with `auth_reads` (the check is a file stat
    and a hash: cheap enough for the event loop)."""
    state = _state(request)
    if state.settings.auth_reads and not state.tokens.check(cred.credentials if cred else None):
        raise _unauthorized()


def invalid(name: str, msg: str) -> HTTPException:
    """A 422 shaped like FastAPI's own validation errors (as the OpenAPI document declares them)."""
    return HTTPException(422, [{"loc": ["query", name], "msg": msg, "type": "value_error"}])


def _limit(request: Request, limit: int | None) -> int:
    s: ApiSettings = _state(request).settings
    if limit is not None and limit > s.max_limit:
        raise invalid("limit", f"limit must be at most {s.max_limit}")
    return limit or s.default_limit


def _floats(name: str, value: str | None, n: int) -> list[float] | None:
    if value is None:
        return None
    try:
        parts = [float(x) for x in value.split(",")]
    except ValueError:
        parts = []
    if len(parts) != n:
        raise invalid(name, f"{name} must be {n} comma-separated numbers")
    return parts


def _page(request: Request, table: Any, where: list[Any], cursor: str | None, limit: int | None,
          hidden: set[str] = frozenset()) -> JSONResponse:  # type: ignore[assignment]  # fmt: skip
    with _state(request).ledger.engine.connect() as conn:
        try:
            page = queries.table_page(conn, table, where, cursor, _limit(request, limit), hidden)
        except queries.CursorError as exc:
            raise invalid("cursor", str(exc)) from None
    return JSONResponse({"items": page.items, "next_cursor": page.next_cursor})


def _dates(column: Any, since: dt.date | None, until: dt.date | None) -> list[Any]:
    clauses = (column >= since if since else None, column <= until if until else None)
    return [c for c in clauses if c is not None]


class PageOut(BaseModel):
    """One page of a list: its rows and the cursor of the next page (null on the last)."""

    items: list[dict[str, Any]]
    next_cursor: str | None


router = APIRouter(prefix=PREFIX, dependencies=[Depends(read_auth)])


DOWNLOADS = {200: {"description": "a page (json) or a file (format=jsonl, csv or geojson)", "content": {
    MEDIA["jsonl"]: {"schema": {"type": "string"}}, MEDIA["csv"]: {"schema": {"type": "string"}},
    MEDIA["geojson"]: {"schema": {"type": "object"}}}}}  # fmt: skip


@router.get("/incidents", response_model=PageOut, summary="Incidents (pages, or a jsonl/csv/geojson file)",
            responses=DOWNLOADS)  # type: ignore[arg-type]  # fmt: skip
async def list_incidents(
    request: Request, country: str | None = None,
    bbox: Annotated[str | None, Query(description="min_lon,min_lat,max_lon,max_lat")] = None,
    lat: Annotated[float | None, Query(ge=-90, le=90)] = None,
    lon: Annotated[float | None, Query(ge=-180, le=180)] = None,
    radius_km: Annotated[float | None, Query(gt=0)] = None,
    since: Day = None, until: Day = None,
    type: Annotated[str | None, Query(description="event type or sub-event type")] = None,
    min_killed: Annotated[int | None, Query(ge=0, le=MAX_INT)] = None,
    q: Annotated[str | None, Query(description="text in the place name or the articles")] = None,
    limit: Limit = None, cursor: Cursor = None, format: Literal["json", "jsonl", "csv", "geojson"] = "json",
) -> Any:  # fmt: skip
    """Incidents by start date then id; `next_cursor` fetches the next page. Downloads hold every match
    (from `cursor` on, at most `limit` when given)."""
    near = None
    if (lat, lon, radius_km) != (None, None, None):
        if None in (lat, lon, radius_km):
            raise invalid("radius_km", "lat, lon and radius_km go together")
        near = (lat, lon, radius_km)
    box = _floats("bbox", bbox, 4)
    f = Filters(country=country, since=since, until=until, event_type=type, min_killed=min_killed,
                near=near, text=q)  # type: ignore[arg-type]  # fmt: skip
    area = tuple(box) if box else None
    size = _limit(request, limit) if format == "json" or limit is not None else None
    ledger = _state(request).ledger
    try:  # one hop to a worker thread for the database (the rest is cheap and stays on the event loop)
        if format == "json":  # the database writes each row's JSON: no per-row Python work
            body = await run_in_threadpool(_json_page, ledger, f, area, cursor, size)
            return Response(body, media_type="application/json")
        page = await run_in_threadpool(_dict_page, ledger, f, area, cursor, size)
    except queries.CursorError as exc:
        raise invalid("cursor", str(exc)) from None
    out = io.StringIO()
    exporter.write(page.items, format, out)
    headers = {"Content-Disposition": f'attachment; filename="incidents.{format}"'}
    if page.next_cursor:
        headers["X-Next-Cursor"] = page.next_cursor
    return Response(out.getvalue(), media_type=MEDIA[format], headers=headers)


def _json_page(ledger: Ledger, f: Filters, area: Any, cursor: str | None, size: int | None) -> bytes:
    with ledger.engine.connect() as conn:
        return queries.incident_page_json(conn, f, area, cursor, size or 1)


def _dict_page(ledger: Ledger, f: Filters, area: Any, cursor: str | None, size: int | None) -> queries.Page:
    with ledger.engine.connect() as conn:
        return queries.incident_page(conn, f, area, cursor, size)


@router.get(
    "/incidents/{incident_id}",
    summary="One incident with its sources, figures and merge reasons",
    responses={404: {"description": "no such incident"}},
)
def get_incident(
    request: Request, incident_id: Annotated[int, Path(le=MAX_INT, ge=-MAX_INT)]
) -> dict[str, Any]:
    with _state(request).ledger.engine.connect() as conn:
        inc = queries.incident_detail(conn, incident_id)
    if inc is None:
        raise HTTPException(404, f"no incident {incident_id}")
    return inc


@router.get("/events", response_model=PageOut, summary="List stored events")
def list_events(request: Request, country: str | None = None, type: str | None = None,
                article_id: str | None = None, since: Day = None, until: Day = None,
                limit: Limit = None, cursor: Cursor = None) -> JSONResponse:  # fmt: skip
    e = t.events.c
    where = _dates(e.date, since, until)
    if country:
        where.append(e.country_code == country.upper())
    if type:
        where.append((e.event_type == type) | (e.sub_event_type == type))
    if article_id:
        where.append(e.article_id == article_id)
    return _page(request, t.events, where, cursor, limit)


@router.get("/articles", response_model=PageOut, summary="List stored articles (without their text)")
def list_articles(request: Request, source: str | None = None, since: Day = None, until: Day = None,
                  q: Annotated[str | None, Query(description="text in the title or body")] = None,
                  limit: Limit = None, cursor: Cursor = None) -> JSONResponse:  # fmt: skip
    a = t.articles.c
    where = _dates(a.published, since, until)
    if source:
        where.append(a.source == source)
    if q:
        where.append(a.title.ilike(f"%{q}%") | a.text.ilike(f"%{q}%"))
    return _page(request, t.articles, where, cursor, limit, queries.LIST_HIDDEN)


@router.get(
    "/articles/{article_id}",
    summary="One article with its text and extracted record",
    responses={404: {"description": "no such article"}},
)
def get_article(request: Request, article_id: str) -> dict[str, Any]:
    from sqlalchemy import select

    with _state(request).ledger.engine.connect() as conn:
        row = conn.execute(select(t.articles).where(t.articles.c.id == article_id)).mappings().first()
    if row is None:
        raise HTTPException(404, f"no article {article_id!r}")
    return queries.jsonable(dict(row))


@router.get("/figures", response_model=PageOut, summary="List stored casualty figures")
def list_figures(
    request: Request,
    kind: str | None = None,
    article_id: str | None = None,
    event_id: Annotated[int | None, Query(le=MAX_INT, ge=-MAX_INT)] = None,
    limit: Limit = None,
    cursor: Cursor = None,
) -> JSONResponse:
    c = t.figures.c
    where = [
        w
        for w in (
            c.kind == kind if kind else None,
            c.article_id == article_id if article_id else None,
            c.event_id == event_id if event_id is not None else None,
        )
        if w is not None
    ]
    return _page(request, t.figures, where, cursor, limit)


@router.get("/claims", response_model=PageOut, summary="List stored claims")
def list_claims(request: Request, article_id: str | None = None, speaker: str | None = None,
                limit: Limit = None, cursor: Cursor = None) -> JSONResponse:  # fmt: skip
    c = t.claims.c
    where = [
        w
        for w in (
            c.article_id == article_id if article_id else None,
            c.speaker.ilike(f"%{speaker}%") if speaker else None,
        )
        if w is not None
    ]
    return _page(request, t.claims, where, cursor, limit)


@router.get("/blackouts", response_model=PageOut, summary="List stored Internet blackouts")
def list_blackouts(request: Request, country: str | None = None, since: Day = None, until: Day = None,
                   limit: Limit = None, cursor: Cursor = None) -> JSONResponse:  # fmt: skip
    b = t.blackouts.c
    where = []
    if country:
        where.append(b.country_code == country.upper())
    if since:
        where.append(b.end.is_(None) | (b.end >= since))
    if until:
        where.append(b.start <= until)
    return _page(request, t.blackouts, where, cursor, limit)


ArticlesBody = Annotated[
    dict[str, Any] | list[Any],
    Body(description="one article or a list, each shaped like `ArticleIn` (the contract's JSON Lines input)"),
]


@router.post(
    "/articles",
    dependencies=[Depends(write_auth)],
    summary="Submit articles for extraction",
    responses={401: {"description": "no valid token"}, 422: {"description": "no valid item"}},
)
def post_articles(request: Request, payload: ArticlesBody) -> JSONResponse:
    """Extract, store and resolve the valid items; each invalid one gets its errors (the rest is stored)."""
    state = _state(request)
    if isinstance(payload, list) and not payload:
        raise HTTPException(422, "no articles given")
    if isinstance(payload, list) and len(payload) > state.settings.max_batch:
        raise HTTPException(413, f"at most {state.settings.max_batch} articles per request")
    good, bad = submit.validate(payload)
    results = bad
    if good:
        with state.write_lock:
            results = results + submit.ingest(state.ledger, good)
    results.sort(key=lambda r: r["index"])
    body = {"stored": sum(r["status"] == "added" for r in results), "items": results}
    return JSONResponse(body, status_code=200 if good else 422)


@router.post(
    "/extract",
    dependencies=[Depends(write_auth)],
    summary="Extract the record of a text without storing it (a dry run of POST /articles)",
    responses={401: {"description": "no valid token"}},
)
def extract_text(body: dashboard.ExtractIn) -> dict[str, Any]:
    """The record the extractor makes of the text, and the spans of the text to highlight."""
    return dashboard.post_extract(body)


router.include_router(dashboard.router)


def create_app(db: str | None = None, settings: ApiSettings | None = None) -> FastAPI:
    """The API over ledger `db` (path or URL; default $CRISISLEDGER_DB or ./crisisledger.db)."""
    settings = settings or ApiSettings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        app.state.ledger.close()

    app = FastAPI(title="crisisledger", version=__version__, openapi_url=f"{PREFIX}/openapi.json",
                  docs_url=f"{PREFIX}/docs", redoc_url=None, lifespan=lifespan)  # fmt: skip
    app.state.settings = settings
    app.state.ledger = Ledger.open(db, settings.resolve)
    app.state.tokens = TokenStore(settings.tokens_path or default_path(db))
    app.state.write_lock = threading.Lock()
    app.include_router(router)
    if settings.dashboard:
        from crisisledger.web import mount

        mount(app)
    return app


def create_app_from_env() -> FastAPI:
    """The app each worker of `crisisledger serve --workers N` builds: the ledger from $CRISISLEDGER_DB,
    the token file from $CRISISLEDGER_TOKENS, read authentication when $CRISISLEDGER_AUTH_READS is 1."""
    tokens = os.environ.get("CRISISLEDGER_TOKENS")
    settings = ApiSettings(auth_reads=os.environ.get("CRISISLEDGER_AUTH_READS") == "1",
                           tokens_path=FilePath(tokens) if tokens else None)  # fmt: skip
    return create_app(os.environ.get("CRISISLEDGER_DB"), settings)
