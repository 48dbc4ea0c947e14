"""Read queries of the API: incident pages with stable keyset cursors, generic table lists, incident detail.

Cursors are opaque (URL-safe base64 of JSON) and name the last row of the page by its sort key:
(date_start, id) for incidents (no date first), the primary key for every other table. A page
therefore never repeats or skips rows when rows are added before or after it.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Table, and_, or_, select, tuple_
from sqlalchemy.engine import Connection

from crisisledger.api import rowjson
from crisisledger.resolve.places import haversine_km
from crisisledger.store import Filters
from crisisledger.store import query as store_query
from crisisledger.store import schema as t

CHUNK = 500
LIST_HIDDEN = {"minhash", "text", "record"}  # article columns left out of list pages


class CursorError(ValueError):
    """A cursor that this server did not make, or made for another list."""


def encode_cursor(kind: str, key: list[Any]) -> str:
    raw = json.dumps([kind, *key], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(kind: str, cursor: str, size: int) -> list[Any]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        data = json.loads(raw)
    except (binascii.Error, ValueError, UnicodeDecodeError) as exc:
        raise CursorError("malformed cursor") from exc
    if not isinstance(data, list) or len(data) != size + 1 or data[0] != kind:
        raise CursorError(f"not a cursor of {kind}")
    return data[1:]


@dataclass
class Page:
    items: list[dict[str, Any]]
    next_cursor: str | None


def jsonable(row: dict[str, Any], hidden: set[str] = frozenset()) -> dict[str, Any]:  # type: ignore[assignment]
    """A row with dates as ISO strings and binary or hidden columns left out."""
    out = {}
    for k, v in row.items():
        if k in hidden or isinstance(v, bytes):
            continue
        out[k] = v.isoformat() if isinstance(v, dt.date) else v
    return out


def _bbox_clause(bbox: tuple[float, float, float, float]) -> Any:
    i = t.incidents.c
    min_lon, min_lat, max_lon, max_lat = bbox
    lon = i.lon.between(min_lon, max_lon) if min_lon <= max_lon else or_(i.lon >= min_lon, i.lon <= max_lon)
    return and_(i.lat.between(min_lat, max_lat), lon)


def _after(cursor: list[Any]) -> Any:
    i = t.incidents.c
    day, last_id = cursor
    if day is None:
        return or_(and_(i.date_start.is_(None), i.id > last_id), i.date_start.is_not(None))
    return tuple_(i.date_start, i.id) > tuple_(dt.date.fromisoformat(day), last_id)


def _scan(conn: Connection, f: Filters, bbox: tuple[float, float, float, float] | None, cursor: str | None,
          limit: int | None, columns: list[Any]) -> tuple[list[Any], bool]:  # fmt: skip
    """Rows (of `columns` plus date_start, id, lat, lon) of the incidents matching `f` and `bbox`, after
    `cursor`, in (date_start nulls first, id) order: at most `limit` (None: all), and whether more follow.

    Undated and dated incidents are read as two scans, each in an index's order (a single
    "nulls first" order has no index on PostgreSQL and made every page sort the table)."""
    i = t.incidents.c
    where = store_query.where_clauses(f)
    if bbox:
        where.append(_bbox_clause(bbox))
    key = decode_cursor("incidents", cursor, 2) if cursor else None
    picked: list[Any] = []
    want = None if limit is None else limit + 1
    chunk = CHUNK if f.near or want is None else want  # the radius is checked after the query
    cols = [*columns, i.date_start.label("_day"), i.id.label("_id"), i.lat.label("_lat"), i.lon.label("_lon")]
    segments = ((i.date_start.is_(None), (i.id,)), (i.date_start.is_not(None), (i.date_start, i.id)))
    for dated, (segment, order) in enumerate(segments):
        if not dated and key is not None and key[0] is not None:
            continue  # the cursor is already past the undated incidents
        while want is None or len(picked) < want:
            q = select(*cols).where(*where, segment).order_by(*order).limit(chunk)
            if key is not None:
                q = q.where(_after(key))
            rows = conn.execute(q).all()
            for row in rows:
                key = [row._day.isoformat() if row._day else None, row._id]
                if f.near and (row._lat is None or haversine_km(f.near[0], f.near[1], row._lat,
                                                                 row._lon) > f.near[2]):  # fmt: skip
                    continue
                picked.append(row)
                if want is not None and len(picked) >= want:
                    break
            if len(rows) < chunk:
                break
    if limit is not None and len(picked) > limit:
        return picked[:limit], True
    return picked, False


def _next(rows: list[Any], more: bool) -> str | None:
    if not more:
        return None
    last = rows[-1]
    return encode_cursor("incidents", [last._day.isoformat() if last._day else None, last._id])


def incident_page(conn: Connection, f: Filters, bbox: tuple[float, float, float, float] | None,
                  cursor: str | None, limit: int | None) -> Page:  # fmt: skip
    """Incidents matching `f` (and `bbox`), after `cursor`, at most `limit` (None: all), as dicts."""
    rows, more = _scan(conn, f, bbox, cursor, limit, list(t.incidents.c))
    return Page([store_query.incident_dict(r._mapping) for r in rows], _next(rows, more))


def incident_page_json(conn: Connection, f: Filters, bbox: tuple[float, float, float, float] | None,
                       cursor: str | None, limit: int) -> bytes:  # fmt: skip
    """The JSON body of one page, `{"items": [...], "next_cursor": ...}`, each item made by the database
    (`rowjson`): Python only joins the rows' texts."""
    rows, more = _scan(conn, f, bbox, cursor, limit, [rowjson.incident_json(conn.dialect.name).label("j")])
    items = ",".join(r.j for r in rows)
    return f'{{"items":[{items}],"next_cursor":{json.dumps(_next(rows, more))}}}'.encode()


def table_page(conn: Connection, table: Table, where: list[Any], cursor: str | None, limit: int,
               hidden: set[str] = frozenset()) -> Page:  # type: ignore[assignment]  # fmt: skip
    """Rows of `table` matching `where`, ordered by primary key, after `cursor`."""
    pk = table.c.id
    q = select(table).where(*where).order_by(pk).limit(limit + 1)
    if cursor:
        (last,) = decode_cursor(table.name, cursor, 1)
        q = q.where(pk > last)
    rows = [jsonable(dict(r), hidden) for r in conn.execute(q).mappings()]
    if len(rows) > limit:
        rows = rows[:limit]
        return Page(rows, encode_cursor(table.name, [rows[-1]["id"]]))
    return Page(rows, None)


def incident_detail(conn: Connection, incident_id: int) -> dict[str, Any] | None:
    """An incident with its events, articles, figures, claims, blackouts, timeline and merge reasons."""
    inc = store_query.get_incident(conn, incident_id)
    if inc is None:
        return None
    event_ids = [e["id"] for e in inc["events"]]
    article_ids = sorted({e["article_id"] for e in inc["events"]})
    a = t.articles
    arts = conn.execute(select(a).where(a.c.id.in_(article_ids)).order_by(a.c.published, a.c.id)).mappings()
    inc["articles"] = [jsonable(dict(r), {"minhash", "record"}) for r in arts]
    f = t.figures
    figs = conn.execute(select(f).where(f.c.event_id.in_(event_ids)).order_by(f.c.id)).mappings()
    inc["figures"] = [jsonable(dict(r)) for r in figs]
    c = t.claims
    claims = conn.execute(select(c).where(c.c.article_id.in_(article_ids)).order_by(c.c.id)).mappings()
    inc["claims"] = [jsonable(dict(r)) for r in claims]
    b = t.blackouts
    cover = or_(b.c.article_id.in_(article_ids))
    code = (inc.get("location") or {}).get("country_code")
    if code and inc["date_start"] and inc["date_end"]:
        start, end = dt.date.fromisoformat(inc["date_start"]), dt.date.fromisoformat(inc["date_end"])
        cover = or_(cover, and_(b.c.country_code == code.upper(), b.c.start <= end,
                                or_(b.c.end.is_(None), b.c.end >= start)))  # fmt: skip
    outages = conn.execute(select(b).where(cover).order_by(b.c.id)).mappings()
    inc["blackouts"] = [jsonable(dict(r)) for r in outages]
    inc["merge_explanation"] = inc["reasons"] or ["a single event: nothing was merged"]
    return inc
