"""Blackouts in the ledger: records from datasets, merging with blackouts from text, links to incidents.

- `add_records(conn, blackouts)` stores `RecordBlackout`s (idempotent by source and source id).
- `rebuild(conn)` replaces the merged blackouts and their incident links. Blackouts from text
  (`blackouts` table) and from records (`blackout_records`) are one blackout when they are in the
  same country, their dates overlap within `MERGE_DAYS` and their areas are compatible (one is
  nationwide or unknown, or they share a region or a name); a merged blackout holds at most one row
  of each dataset (two KeepItOn rows are two blackouts by the dataset's own account). A blackout is
  linked to the incidents of its country (of its region, when both are known below country level)
  whose dates overlap its own within `LINK_DAYS`. Ids are renumbered by start date on each rebuild;
  call it again after incidents are rebuilt (the links of replaced incidents are deleted with them).
- `find(conn, …)` lists merged blackouts with their sources and linked incident ids.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import delete, insert, select
from sqlalchemy.engine import Connection

from crisisledger.geo.countries import fold
from crisisledger.ingest.shutdown_rows import NATIONWIDE, RecordBlackout
from crisisledger.store import schema as t

MERGE_DAYS = 2
LINK_DAYS = 3


def add_records(conn: Connection, blackouts: Iterable[RecordBlackout]) -> tuple[int, int]:
    """Store record blackouts not stored yet; returns (added, already stored)."""
    rows = [b.as_row() for b in blackouts]
    if not rows:
        return 0, 0
    r = t.blackout_records.c
    known: set[tuple[str, str]] = set()
    for source in {row["source"] for row in rows}:
        ids = [row["source_id"] for row in rows if row["source"] == source]
        for i in range(0, len(ids), 500):
            q = select(r.source_id).where(r.source == source, r.source_id.in_(ids[i : i + 500]))
            known.update((source, sid) for sid in conn.scalars(q))
    new = [row for row in rows if (row["source"], row["source_id"]) not in known]
    if new:
        conn.execute(insert(t.blackout_records), new)
    return len(new), len(rows) - len(new)


@dataclass
class Member:
    """One report of a blackout: a dataset row ("record") or an article's blackout ("text")."""

    kind: str
    id: int
    source: str
    country_code: str
    area: str | None
    location: dict[str, Any] | None
    start: dt.date
    end: dt.date
    services: list[str] = field(default_factory=list)
    article_id: str | None = None

    def region(self) -> str | None:
        loc = self.location or {}
        return fold(loc["admin1"]) if loc.get("admin1") and loc.get("precision") != "country" else None

    def nationwide(self) -> bool:
        return not self.area or self.area == NATIONWIDE


def _end(start: dt.date, end: dt.date | None, hours: float | None) -> dt.date:
    if end is not None:
        return end
    return start + dt.timedelta(days=math.ceil(hours / 24) - 1 if hours and hours > 24 else 0)


def load_members(conn: Connection) -> list[Member]:
    """Every dated, located blackout report from records and from text."""
    out = []
    for r in conn.execute(select(t.blackout_records)).mappings():
        if r["start"] is None:
            continue
        out.append(
            Member(
                "record",
                r["id"],
                r["source"],
                r["country_code"],
                r["area"],
                r["location"],
                r["start"],
                _end(r["start"], r["end"], r["duration_hours"]),
                list(r["services"]),
            )
        )
    b, a = t.blackouts, t.articles
    q = select(b, a.c.published, a.c.source.label("outlet")).join(a, a.c.id == b.c.article_id)
    for r in conn.execute(q).mappings():
        start = r["start"] or r["published"]
        if start is None or not r["country_code"]:
            continue
        label = r["reported_by"] or r["outlet"] or "news report"
        area = NATIONWIDE if (r["area"] or "").lower() in ("", NATIONWIDE) else r["area"]
        out.append(Member("text", r["id"], label, r["country_code"], area, None, start,
                          _end(start, r["end"], r["duration_hours"]), list(r["services"]),
                          r["article_id"]))  # fmt: skip
    return out


def compatible_area(a: Member, b: Member) -> bool:
    """Nationwide/unknown fits anything; else the same region or a shared name."""
    if a.nationwide() or b.nationwide():
        return True
    if a.region() and a.region() == b.region():
        return True
    names = [
        {fold(p).strip() for p in (m.area or "").replace(";", ",").split(",") if p.strip()} for m in (a, b)
    ]
    return bool(names[0] & names[1])


def cluster(members: list[Member], days: int = MERGE_DAYS) -> list[list[Member]]:
    """Groups of reports of the same blackout (see the module docstring)."""
    parent = list(range(len(members)))
    datasets: list[set[str]] = [{m.source} if m.kind == "record" else set() for m in members]

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    order = sorted(range(len(members)), key=lambda i: (members[i].country_code, members[i].start))
    slack = dt.timedelta(days=days)
    for n, i in enumerate(order):
        a = members[i]
        for j in order[n + 1 :]:
            b = members[j]
            if b.country_code != a.country_code or b.start > a.end + slack:
                break
            ra, rb = root(i), root(j)
            if ra == rb or datasets[ra] & datasets[rb] or not compatible_area(a, b):
                continue
            parent[rb] = ra
            datasets[ra] |= datasets[rb]
    groups: dict[int, list[Member]] = defaultdict(list)
    for i in order:
        groups[root(i)].append(members[i])
    return list(groups.values())


def _merged(group: list[Member]) -> dict[str, Any]:
    wide = [m for m in group if m.nationwide()]
    lead = wide[0] if wide else next((m for m in group if m.location), group[0])
    return {
        "country_code": group[0].country_code,
        "area": NATIONWIDE if wide else lead.area,
        "location": lead.location,
        "start": min(m.start for m in group),
        "end": max(m.end for m in group),
        "services": sorted({s for m in group for s in m.services}),
        "sources": sorted({m.source for m in group}),
        "members": [
            {"kind": m.kind, "id": m.id, "source": m.source, "article_id": m.article_id} for m in group
        ],
    }


def _links(conn: Connection, blackouts: list[dict[str, Any]], days: int) -> list[dict[str, Any]]:
    i = t.incidents.c
    by_country: dict[str, list[Any]] = defaultdict(list)
    q = select(i.id, i.country_code, i.date_start, i.date_end, i.location).where(i.date_start.is_not(None))
    for row in conn.execute(q):
        by_country[row.country_code].append(row)
    slack = dt.timedelta(days=days)
    out = []
    for b in blackouts:
        loc = b["location"] or {}
        region = fold(loc["admin1"]) if loc.get("admin1") and b["area"] != NATIONWIDE else None
        for inc in by_country.get(b["country_code"], []):
            end = inc.date_end or inc.date_start
            if inc.date_start > b["end"] + slack or end < b["start"] - slack:
                continue
            inc_region = (inc.location or {}).get("admin1")
            if region and inc_region and fold(inc_region) != region:
                continue
            reason = f"same region ({loc['admin1']})" if region and inc_region else "same country"
            out.append({"blackout_id": b["id"], "incident_id": inc.id, "reason": reason})
    return out


def rebuild(conn: Connection, merge_days: int = MERGE_DAYS, link_days: int = LINK_DAYS) -> tuple[int, int]:
    """Replace the merged blackouts and their links; returns (blackouts, links)."""
    groups = cluster(load_members(conn), merge_days)
    merged = sorted(
        (_merged(g) for g in groups), key=lambda b: (b["start"], b["country_code"], b["area"] or "")
    )
    for n, b in enumerate(merged, start=1):
        b["id"] = n
    conn.execute(delete(t.blackout_links))
    conn.execute(delete(t.ledger_blackouts))
    if merged:
        conn.execute(insert(t.ledger_blackouts), merged)
    links = _links(conn, merged, link_days)
    if links:
        conn.execute(insert(t.blackout_links), links)
    return len(merged), len(links)


def links_of(conn: Connection, blackout_ids: list[int] | None = None) -> dict[int, list[int]]:
    """Linked incident ids per blackout id."""
    lk = t.blackout_links.c
    q = select(lk.blackout_id, lk.incident_id).order_by(lk.blackout_id, lk.incident_id)
    out: dict[int, list[int]] = defaultdict(list)
    for bid, iid in conn.execute(q):
        if blackout_ids is None or bid in blackout_ids:
            out[bid].append(iid)
    return out


def blackout_dict(row: Any, incident_ids: list[int]) -> dict[str, Any]:
    """The JSON form of a merged blackout."""
    d = dict(row)
    for k in ("start", "end"):
        d[k] = d[k].isoformat() if d[k] else None
    d["incident_ids"] = incident_ids
    return d


def find(conn: Connection, country: str | None = None, since: dt.date | None = None,
         until: dt.date | None = None) -> list[dict[str, Any]]:  # fmt: skip
    """Merged blackouts (by start date) in a country (code or name) and overlapping [since, until]."""
    from crisisledger.geo.countries import lookup_country

    b = t.ledger_blackouts.c
    q = select(t.ledger_blackouts).order_by(b.start, b.id)
    if country:
        c = lookup_country(country)
        q = q.where(b.country_code == (c.code if c else country.upper()))
    if since:
        q = q.where(b.end >= since)
    if until:
        q = q.where(b.start <= until)
    rows = list(conn.execute(q).mappings())
    links = links_of(conn, [r["id"] for r in rows]) if rows else {}
    return [blackout_dict(r, links.get(r["id"], [])) for r in rows]


def for_incidents(conn: Connection, incident_ids: list[int]) -> dict[int, list[dict[str, Any]]]:
    """Short descriptions of the blackouts linked to each incident (for the incident export)."""
    lk, b = t.blackout_links.c, t.ledger_blackouts.c
    q = (select(lk.incident_id, b.id, b.area, b.start, b.end, b.sources)
         .join(t.ledger_blackouts, b.id == lk.blackout_id)
         .where(lk.incident_id.in_(incident_ids)))  # fmt: skip
    out: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for iid, bid, area, start, end, sources in conn.execute(q):
        out[iid].append({"id": bid, "area": area, "start": start.isoformat() if start else None,
                         "end": end.isoformat() if end else None, "sources": sources})  # fmt: skip
    return out
