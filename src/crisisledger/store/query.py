"""Read incidents back: filters (country, dates, type, killed, radius, text) and JSON-ready dicts."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from typing import Any

from sqlalchemy import exists, or_, select
from sqlalchemy.engine import Connection

from crisisledger.geo.countries import lookup_country
from crisisledger.model import EVENT_TYPES, SUB_EVENT_TYPES
from crisisledger.resolve.places import haversine_km
from crisisledger.store import schema as t


@dataclass
class Filters:
    """Incident filters; every one is optional."""

    country: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    event_type: str | None = None
    min_killed: int | None = None
    near: tuple[float, float, float] | None = None  # lat, lon, km
    text: str | None = None
    limit: int | None = None


def incident_dict(row: Any) -> dict[str, Any]:
    """The JSON form of one incidents-table row (the fields scripts read)."""
    s = row["summary"]
    return {
        "id": row["id"],
        "event_type": row["event_type"],
        "sub_event_type": row["sub_event_type"],
        "date_start": row["date_start"].isoformat() if row["date_start"] else None,
        "date_end": row["date_end"].isoformat() if row["date_end"] else None,
        "location": row["location"],
        "article_ids": row["article_ids"],
        "fatalities": row["fatalities"],
        "injured": row["injured"],
        "arrested": row["arrested"],
        "ranges": s["ranges"],
        "latest_official": s["latest_official"],
        "timeline": s["timeline"],
        "parts": s["parts"],
        "conflicts": s["conflicts"],
        "conservative": s["conservative"],
        "event_ids": s["event_ids"],
    }


def type_clause(type_column: Any, sub_column: Any, value: str) -> Any:
    """An ACLED type matches `type_column`, a sub-event type `sub_column` (one indexed equality);
    anything else is tried on both."""
    if value in EVENT_TYPES:
        return type_column == value
    if value in SUB_EVENT_TYPES:
        return sub_column == value
    return or_(type_column == value, sub_column == value)


def common_clauses(f: Filters, table: Any, start: Any, end: Any) -> list[Any]:
    """The clauses every stored table filters alike (country, dates, type, killed, radius box) on
    `table`'s columns; the date range keeps rows whose [start, end] meets [since, until]."""
    c = table.c
    clauses: list[Any] = []
    if f.country:
        country = lookup_country(f.country)  # a code or a name; one indexed equality either way
        clauses.append(c.country_code == (country.code if country else f.country.upper()))
    if f.since:
        clauses.append(end >= f.since)
    if f.until:
        clauses.append(start <= f.until)
    if f.event_type:
        clauses.append(type_clause(c.event_type, c.sub_event_type, f.event_type))
    if f.min_killed is not None:
        clauses.append(c.fatalities >= f.min_killed)
    if f.near:  # a box around the point; the exact radius is checked on the rows
        lat, lon, km = f.near
        dlat = km / 111.0
        dlon = km / (111.0 * max(0.01, math.cos(math.radians(lat))))
        clauses += [c.lat.between(lat - dlat, lat + dlat), c.lon.between(lon - dlon, lon + dlon)]
    return clauses


def where_clauses(f: Filters) -> list[Any]:
    """The WHERE clauses of the incidents matching `f` (the exact radius is checked on the rows)."""
    i = t.incidents.c
    clauses = common_clauses(f, t.incidents, i.date_start, i.date_end)
    if f.text:
        pattern = f"%{f.text}%"
        e, a, ie = t.events, t.articles, t.incident_events
        in_articles = exists(
            select(ie.c.event_id).join(e, e.c.id == ie.c.event_id).join(a, a.c.id == e.c.article_id)
            .where(ie.c.incident_id == i.id, or_(a.c.title.ilike(pattern), a.c.text.ilike(pattern)))
        )  # fmt: skip
        clauses.append(or_(i.place.ilike(pattern), in_articles))
    return clauses


def find_incidents(conn: Connection, f: Filters) -> list[dict[str, Any]]:
    """Incidents matching `f`, by start date then id."""
    q = select(t.incidents).where(*where_clauses(f)).order_by(t.incidents.c.date_start, t.incidents.c.id)
    if f.limit and not f.near:
        q = q.limit(f.limit)
    out = []
    for row in conn.execute(q).mappings():
        if f.near and haversine_km(f.near[0], f.near[1], row["lat"], row["lon"]) > f.near[2]:
            continue
        out.append(incident_dict(row))
        if f.limit and len(out) >= f.limit:
            break
    _add_blackouts(conn, out)
    return out


def _add_blackouts(conn: Connection, incidents: list[dict[str, Any]]) -> None:
    """Give each incident its `blackouts`: the merged Internet blackouts linked to it."""
    from crisisledger.store.blackouts import for_incidents

    linked: dict[int, list[dict[str, Any]]] = {}
    ids = [i["id"] for i in incidents]
    for start in range(0, len(ids), 500):
        linked.update(for_incidents(conn, ids[start : start + 500]))
    for inc in incidents:
        inc["blackouts"] = linked.get(inc["id"], [])


def get_incident(conn: Connection, incident_id: int) -> dict[str, Any] | None:
    """One incident with its events (and their articles) and the reasons for each merge."""
    row = conn.execute(select(t.incidents).where(t.incidents.c.id == incident_id)).mappings().first()
    if row is None:
        return None
    out = incident_dict(row)
    _add_blackouts(conn, [out])
    out["reasons"] = row["reasons"]
    e, a, ie = t.events, t.articles, t.incident_events
    q = (
        select(e.c.id, e.c.article_id, e.c.idx, e.c.event_type, e.c.sub_event_type, e.c.date, e.c.place,
               e.c.fatalities, e.c.injured, e.c.arrested, a.c.title, a.c.source, a.c.published,
               a.c.duplicate_of)
        .join(ie, ie.c.event_id == e.c.id).join(a, a.c.id == e.c.article_id)
        .where(ie.c.incident_id == incident_id).order_by(e.c.id)
    )  # fmt: skip
    out["events"] = [
        {k: v.isoformat() if isinstance(v, dt.date) else v for k, v in r.items()}
        for r in conn.execute(q).mappings()
    ]
    return out


def incident_of_event(conn: Connection, event_id: int) -> int | None:
    """The id of the incident an event belongs to."""
    ie = t.incident_events
    return conn.scalar(select(ie.c.incident_id).where(ie.c.event_id == event_id))
