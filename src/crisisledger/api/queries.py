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

from sqlalchemy import Table, and_, or_, select
from sqlalchemy.engine import Connection

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
    d = dt.date.fromisoformat(day)
    return or_(i.date_start > d, and_(i.date_start == d, i.id > last_id))


def incident_page(conn: Connection, f: Filters, bbox: tuple[float, float, float, float] | None,
                  cursor: str | None, limit: int | None) -> Page:  # fmt: skip
    """Incidents matching `f` (and `bbox`), after `cursor`, at most `limit` (None: all)."""
    i = t.incidents.c
    where = store_query._where(f)
    if bbox:
        where.append(_bbox_clause(bbox))
    key = decode_cursor("incidents", cursor, 2) if cursor else None
    items: list[dict[str, Any]] = []
    want = None if limit is None else limit + 1
    chunk = CHUNK if f.near or want is None else want  # the radius is checked after the query
    while want is None or len(items) < want:
        q = select(t.incidents).where(*where).order_by(i.date_start.nulls_first(), i.id).limit(chunk)
        if key is not None:
            q = q.where(_after(key))
        rows = conn.execute(q).mappings().all()
        for row in rows:
            key = [row["date_start"].isoformat() if row["date_start"] else None, row["id"]]
            if f.near and (row["lat"] is None or haversine_km(f.near[0], f.near[1], row["lat"],
                                                               row["lon"]) > f.near[2]):  # fmt: skip
                continue
            items.append(store_query.incident_dict(row))
            if want is not None and len(items) >= want:
                break
        if len(rows) < chunk:
            break
    if limit is not None and len(items) > limit:
        items = items[:limit]
        last = items[-1]
        return Page(items, encode_cursor("incidents", [last["date_start"], last["id"]]))
    return Page(items, None)


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
