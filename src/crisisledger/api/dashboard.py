"""Endpoints of the dashboard: compact map points, per-day aggregates, merged blackouts, dry-run extraction.

- `GET /api/v1/map`: every matching incident as a short row (id, lat, lon, type, dates, place, killed).
- `GET /api/v1/timeline`: incidents and killed per day and type (by the incident's start date).
- `GET /api/v1/ledger-blackouts`: merged blackouts with the ISO numeric code the world map uses.
- `POST /api/v1/extract`: the record of a text, with highlight spans, without storing anything.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from sqlalchemy import func, select

from crisisledger.model import Record
from crisisledger.store import Filters
from crisisledger.store import blackouts as store_blackouts
from crisisledger.store import query as store_query
from crisisledger.store import schema as t

MAP_MAX = 100_000
MAP_COLUMNS = ["id", "lat", "lon", "event_type", "sub_event_type", "date_start", "date_end", "place",
               "country_code", "killed"]  # fmt: skip
Day = Annotated[dt.date | None, Query()]


def _filters(country: str | None, since: dt.date | None, until: dt.date | None, type: str | None,
             q: str | None, min_killed: int | None = None) -> Filters:  # fmt: skip
    return Filters(country=country or None, since=since, until=until, event_type=type or None,
                   text=q or None, min_killed=min_killed)  # fmt: skip


def _iso(d: dt.date | None) -> str | None:
    return d.isoformat() if d else None


def numeric_code(alpha2: str | None) -> str | None:
    """The ISO 3166-1 numeric code (as world-atlas ids it, e.g. "398") of an alpha-2 code."""
    import pycountry

    c = pycountry.countries.get(alpha_2=alpha2.upper()) if alpha2 else None
    return c.numeric if c else None


router = APIRouter()


@router.get("/map", summary="Matching incidents as compact rows for the map")
def map_points(request: Request, country: str | None = None, since: Day = None, until: Day = None,
               type: str | None = None, q: str | None = None,
               min_killed: Annotated[int | None, Query(ge=0, le=2**31 - 1)] = None,
               ) -> JSONResponse:  # fmt: skip
    """Rows of `columns` (killed is the incident's toll), by start date; `truncated` past 100,000."""
    i = t.incidents.c
    cols = (i.id, i.lat, i.lon, i.event_type, i.sub_event_type, i.date_start, i.date_end, i.place,
            i.country_code, i.fatalities)  # fmt: skip
    where = store_query.where_clauses(_filters(country, since, until, type, q, min_killed))
    stmt = select(*cols).where(*where).order_by(i.date_start, i.id).limit(MAP_MAX + 1)
    with request.app.state.ledger.engine.connect() as conn:
        rows = [[r[0], r[1], r[2], r[3], r[4], _iso(r[5]), _iso(r[6]), r[7], r[8], r[9]]
                for r in conn.execute(stmt)]  # fmt: skip
    return JSONResponse({"columns": MAP_COLUMNS, "rows": rows[:MAP_MAX], "truncated": len(rows) > MAP_MAX})


@router.get("/timeline", summary="Incidents and killed per day and event type")
def timeline(request: Request, country: str | None = None, since: Day = None, until: Day = None,
             type: str | None = None, q: str | None = None) -> JSONResponse:  # fmt: skip
    """`days`: [date, event type, incidents, killed] by date (undated incidents are left out)."""
    i = t.incidents.c
    where = store_query.where_clauses(_filters(country, since, until, type, q))
    stmt = (select(i.date_start, i.event_type, func.count(), func.coalesce(func.sum(i.fatalities), 0))
            .where(i.date_start.is_not(None), *where).group_by(i.date_start, i.event_type)
            .order_by(i.date_start, i.event_type))  # fmt: skip
    with request.app.state.ledger.engine.connect() as conn:
        days = [[d.isoformat(), typ, int(n), int(k)] for d, typ, n, k in conn.execute(stmt)]
    return JSONResponse({"columns": ["date", "event_type", "incidents", "killed"], "days": days})


@router.get("/ledger-blackouts", summary="Merged Internet blackouts with their linked incidents")
def ledger_blackouts(request: Request, country: str | None = None, since: Day = None,
                     until: Day = None) -> JSONResponse:  # fmt: skip
    """Blackouts merged from reports and datasets; `numeric` is the country's ISO numeric code."""
    with request.app.state.ledger.engine.connect() as conn:
        items = store_blackouts.find(conn, country or None, since, until)
    for b in items:
        b["numeric"] = numeric_code(b["country_code"])
    return JSONResponse({"items": items})


class ExtractIn(BaseModel):
    """A text to extract (nothing is stored)."""

    text: str = Field(min_length=1, max_length=200_000)
    published: dt.date | None = None
    title: str | None = None
    source: str | None = None


def _occurrences(text: str, name: str) -> list[tuple[int, int]]:
    if len(name) < 2:
        return []
    return [(m.start(), m.end()) for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text)]


def highlights(text: str, record: Record) -> list[dict[str, Any]]:
    """Spans of the text to mark: figures, claims and blackouts by offset; places and actors by name."""
    out: list[dict[str, Any]] = []
    for f in (f for f in record.figures if not f.in_title):  # a title's figures: not in the text
        ranged = f.min is not None or f.max is not None
        label = f"{f.kind} {f.value}" + (f" ({f.min}–{f.max})" if ranged else "")
        out.append({"start": f.start, "end": f.end, "kind": "figure", "label": label})
    for c in record.claims:
        out.append({"start": c.start, "end": c.end, "kind": "claim", "label": f"claim by {c.speaker}"})
    for b in record.blackouts:
        out.append({"start": b.start_char, "end": b.end_char, "kind": "blackout",
                    "label": f"blackout {b.status}"})  # fmt: skip
    places = {e.location.name for e in record.events if e.location}
    actors = {a.name for e in record.events for a in e.actors}
    for kind, names in (("place", places), ("actor", actors)):
        for name in sorted(names):
            out += [{"start": s, "end": e, "kind": kind, "label": f"{kind}: {name}"}
                    for s, e in _occurrences(text, name)]  # fmt: skip
    valid = (h for h in out if 0 <= h["start"] < h["end"] <= len(text))
    return sorted(valid, key=lambda h: (h["start"], h["end"]))


def post_extract(body: ExtractIn) -> dict[str, Any]:
    """The record of `body.text` and the spans to highlight (a dry run: the ledger is not touched)."""
    from crisisledger.pipeline import extract

    try:
        record = extract(body.text, published=body.published, id="preview", title=body.title,
                         source=body.source)  # fmt: skip
    except Exception as exc:  # the extractor's failure is the client's answer, not a server crash
        raise HTTPException(422, f"extraction failed: {type(exc).__name__}: {exc}") from None
    return {"record": record.model_dump(mode="json"), "highlights": highlights(body.text, record)}
