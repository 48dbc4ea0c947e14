"""Read stored events back (one row per extracted or imported event) with the incident filters."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.engine import Connection

from crisisledger.resolve.places import haversine_km
from crisisledger.store import schema as t
from crisisledger.store.query import Filters, common_clauses


def _where(f: Filters) -> list[Any]:
    e, a = t.events.c, t.articles.c
    clauses = common_clauses(f, t.events, e.date, e.date)
    if f.text:
        pattern = f"%{f.text}%"
        clauses.append(or_(e.place.ilike(pattern), a.title.ilike(pattern), a.text.ilike(pattern)))
    return clauses


def find_events(conn: Connection, f: Filters) -> list[dict[str, Any]]:
    """Events matching `f` (dates, type, killed, place, text), by date then id, JSON-ready."""
    e, a, ie = t.events, t.articles, t.incident_events
    q = (select(e.c.id, e.c.article_id, e.c.event_type, e.c.sub_event_type, e.c.date, e.c.date_precision,
                e.c.location, e.c.actors, e.c.fatalities, e.c.injured, e.c.arrested, e.c.lat, e.c.lon,
                a.c.source, a.c.url, a.c.published, ie.c.incident_id)
         .join(a, a.c.id == e.c.article_id).outerjoin(ie, ie.c.event_id == e.c.id)
         .where(*_where(f)).order_by(e.c.date, e.c.id))  # fmt: skip
    out = []
    for row in conn.execute(q).mappings():
        if f.near and (row["lat"] is None or haversine_km(*f.near[:2], row["lat"], row["lon"]) > f.near[2]):
            continue
        out.append({k: v.isoformat() if isinstance(v, dt.date) else v for k, v in row.items()
                    if k not in ("lat", "lon")})  # fmt: skip
        if f.limit and len(out) >= f.limit:
            break
    return out
