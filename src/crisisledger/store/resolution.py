"""Rebuild the incidents table from the stored events, figures and user decisions.

Runs in one transaction: the incidents are replaced all at once, so a crash leaves
the previous incidents in place. An incident's id is the smallest id of its events,
so it stays the same as long as its first event stays in it.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator
from typing import Any

from sqlalchemy import delete, insert, select
from sqlalchemy.engine import Connection

from crisisledger.model import Location
from crisisledger.resolve.figures import Report, as_dict, summarise
from crisisledger.resolve.incidents import Cluster, EventNode, Key, Settings, cluster
from crisisledger.resolve.places import RANK
from crisisledger.resolve.stories import Evidence, StoryLink, StorySettings, merge_variants, story_links
from crisisledger.resolve.storyfacts import FACTS_VERSION, StoryFacts
from crisisledger.store import schema as t


def load_nodes(conn: Connection) -> tuple[list[EventNode], dict[int, dict[str, Any]]]:
    """Every stored event as an `EventNode`, plus its row (with article source and date)."""
    e, a = t.events, t.articles
    q = select(e, a.c.published, a.c.source).join(a, a.c.id == e.c.article_id).order_by(e.c.id)
    nodes, rows = [], {}
    for row in conn.execute(q).mappings():
        loc = Location.model_validate(row["location"]) if row["location"] else None
        nodes.append(
            EventNode(
                id=row["id"], article_id=row["article_id"], idx=row["idx"],
                event_type=row["event_type"], sub_event_type=row["sub_event_type"],
                date=row["date"], date_precision=row["date_precision"], published=row["published"],
                location=loc, fatalities=row["fatalities"], injured=row["injured"],
                is_main=bool(row["is_main"]),
            )
        )  # fmt: skip
        rows[row["id"]] = dict(row)
    return nodes, rows


def load_decisions(conn: Connection) -> tuple[list[tuple[Key, Key, str]], list[tuple[Key, Key]]]:
    """User decisions as must-link (with reason) and cannot-link pairs of event keys."""
    must: list[tuple[Key, Key, str]] = []
    cannot: list[tuple[Key, Key]] = []
    for d in conn.execute(select(t.decisions).order_by(t.decisions.c.id)).mappings():
        a, b = (d["a_article"], d["a_idx"]), (d["b_article"], d["b_idx"])
        if d["kind"] == "merge":
            must.append((a, b, f"user decision #{d['id']}: merge (event {a} with event {b})"))
        else:
            cannot.append((a, b))
    return must, cannot


def load_facts(conn: Connection, min_words: int = StorySettings.min_words) -> list[StoryFacts]:
    """Stored story facts of the articles of at least `min_words` words (shorter ones link to nothing);
    missing or outdated facts are computed now from the article's title and text and stored."""
    a, f = t.articles.c, t.story_facts.c
    q = select(a.id, a.published, f.words, f.names, f.addresses, f.ages, f.terms).join(
        t.story_facts, f.article_id == a.id
    )
    q = q.where(f.version == FACTS_VERSION, f.words >= min_words)
    facts = [
        StoryFacts.from_row(r["id"], r["published"], r) for r in conn.execute(q.order_by(a.id)).mappings()
    ]
    fresh = select(f.article_id).where(f.article_id == a.id, f.version == FACTS_VERSION).exists()
    stale = conn.execute(select(a.id, a.published).where(~fresh).order_by(a.id)).all()
    for start in range(0, len(stale), 500):
        chunk = dict(stale[start : start + 500])
        texts = conn.execute(select(a.id, a.text, a.title).where(a.id.in_(list(chunk))))
        computed = [StoryFacts.of(aid, chunk[aid], text, title) for aid, text, title in texts]
        conn.execute(delete(t.story_facts).where(f.article_id.in_(list(chunk))))
        conn.execute(insert(t.story_facts), [x.row() for x in computed])
        facts += [x for x in computed if x.words >= min_words]
    return facts


def load_stories(conn: Connection) -> tuple[list[StoryLink], Evidence]:
    """Same-story links between the stored articles (near copies first, then shared names and
    addresses, every spelling of a name read as one), and the story facts of the longer articles as evidence
    for or against event links."""
    a = t.articles.c
    copies = []
    for aid, original in conn.execute(select(a.id, a.duplicate_of).where(a.duplicate_of.is_not(None))):
        first, second = sorted((aid, original))
        copies.append(StoryLink(first, second, (), f"article {aid} is a near copy of {original}"))
    facts = merge_variants(load_facts(conn))
    evidence = Evidence({f.article_id: f for f in facts if f.words >= StorySettings.evidence_words})
    return copies + story_links(facts), evidence


def load_aliases(
    conn: Connection, min_words: int = StorySettings.evidence_words, max_copies: int = 1
) -> dict[str, list[str]]:
    """Exact copies (aliases) per stored article. A short page (under `min_words` words) with more than
    `max_copies` copies is boilerplate (a sign-in form, a newsletter prompt) fetched for many stories:
    its copies are not taken for reports of its incident."""
    al, f = t.article_aliases.c, t.story_facts.c
    q = select(al.id, al.article_id, f.words).join(t.story_facts, f.article_id == al.article_id, isouter=True)
    aliases: dict[str, list[str]] = defaultdict(list)
    words: dict[str, int] = {}
    for alias, original, n in conn.execute(q.order_by(al.id)):
        aliases[original].append(alias)
        words[original] = n or 0
    return {a: c for a, c in aliases.items() if words[a] >= min_words or len(c) <= max_copies}


def _figure_rows(conn: Connection, event_ids: set[int], total: int) -> Iterator[Any]:
    f = t.figures
    if len(event_ids) * 2 >= total:  # most events: one scan
        yield from conn.execute(select(f).where(f.c.event_id.is_not(None))).mappings()
        return
    ids = sorted(event_ids)
    for start in range(0, len(ids), 500):
        yield from conn.execute(select(f).where(f.c.event_id.in_(ids[start : start + 500]))).mappings()


# Kinds whose per-report figure is the event's own count rather than each figure of it: the extractor
# reconciles a report's wounded ("3 people were shot, one fatally" is 2 injured; a victim shot who then
# died is killed, not injured), which the single figures ("3 people were shot") do not.
EVENT_COUNTED = ("injured",)


def _one(values: set[Any]) -> Any:
    return next(iter(values)) if len(values) == 1 else None


def _own_reports(kind: str, value: int | None, figures: list[Report], ev: dict[str, Any]) -> list[Report]:
    """The reports of one event for one kind, from its figures and its own count `value`.

    A killed figure above the event's own toll counts another incident (an earlier attack recalled for
    context) and is left out; a kind in `EVENT_COUNTED` is one report of the event's count, dated by its
    latest figure; a kind without figures is the event's count, if any."""
    if figures and kind not in EVENT_COUNTED:
        return [r for r in figures if r.low <= (value or 0)] if kind == "killed" else figures
    if value is None:
        return figures
    dates = [r.date for r in figures if r.date is not None]
    date = max(dates) if dates else ev["date"] or ev["published"]
    authority, outlet = _one({r.authority for r in figures}), _one({r.outlet for r in figures})
    return [Report(kind, value, value, value, date, authority, outlet or ev["source"], ev["article_id"])]


def _reports(
    conn: Connection, rows: dict[int, dict[str, Any]], event_ids: set[int]
) -> dict[int, list[Report]]:
    """The figure reports of the given events that count them (see `_own_reports`)."""
    figures: dict[int, list[Report]] = defaultdict(list)
    for r in _figure_rows(conn, event_ids, len(rows)):
        if r["event_id"] not in event_ids:
            continue
        ev = rows[r["event_id"]]
        low = r["min"] if r["min"] is not None else r["value"]
        high = r["max"] if r["max"] is not None else r["value"]
        figures[r["event_id"]].append(
            Report(
                kind=r["kind"], value=r["value"], low=low, high=max(low, high),
                date=r["date"] or ev["published"], authority=r["attributed_to"],
                outlet=r["reported_by"] or ev["source"], article_id=r["article_id"],
                qualifier=r["qualifier"], group=r["group"], location=r["location"],
            )
        )  # fmt: skip
    out: dict[int, list[Report]] = {}
    for eid in event_ids:
        ev, own = rows[eid], figures.get(eid, [])
        counts = {"killed": ev["fatalities"] or None, "injured": ev["injured"], "arrested": ev["arrested"]}
        by_kind: dict[str, list[Report]] = {k: [] for k, v in counts.items() if v is not None}
        for r in own:
            by_kind.setdefault(r.kind, []).append(r)
        out[eid] = [r for kind, rs in by_kind.items() for r in _own_reports(kind, counts.get(kind), rs, ev)]
    return out


def _location(members: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The broadest place among the events (the incident spans it); ties: the most frequent."""
    locs = [m["location"] for m in members if m["location"]]
    if not locs:
        return None
    counts = Counter(str(sorted(loc.items())) for loc in locs)
    return max(locs, key=lambda loc: (RANK[loc.get("precision", "city")], counts[str(sorted(loc.items()))]))


def consensus(members: list[dict[str, Any]], column: str) -> int | None:
    """The middle count of `column` ("fatalities", "injured") among the incident's reports (each article's
    main event is one report; a count not reported is no vote; of an even number of reports, the lower
    middle count: the conservative one), or None when no report counts it, when just two reports give two
    different death tolls (a toll of 0 is also a source that does not count the dead: a dataset row, a
    brief), or when a higher death toll was published after every report of that count (a toll that rose).
    On None the summary's figure stands. A later, higher count of the injured is no rise (see
    `figures.REVISED_DOWN`). A lone report far above or below the others moves the middle count no more
    than one that agrees: the extractor already reads each report's own toll conservatively."""
    main = [m for m in members if m["is_main"] and m[column] is not None]
    if not main or (column == "fatalities" and len(main) == 2 and main[0][column] != main[1][column]):
        return None  # two reports that disagree on the dead: one may not count them (0 is also "not told")
    counts = sorted(m[column] for m in main)
    value = counts[(len(counts) - 1) // 2]
    if column == "fatalities":
        dates = [m["published"] for m in main if m[column] == value and m.get("published")]
        if dates and any(m[column] > value and (m.get("published") or dates[0]) > max(dates) for m in main):
            return None
    return int(value)


def incident_row(c: Cluster, rows: dict[int, dict[str, Any]], reports: dict[int, list[Report]],
                 aliases: dict[str, list[str]]) -> dict[str, Any]:  # fmt: skip
    """The incidents-table row for one cluster: its `fatalities` and `injured` are the middle counts of its
    reports (`consensus`), else the conservative figures of its summary."""
    members = [rows[i] for i in c.members]
    weights = Counter(
        (m["event_type"], m["sub_event_type"]) for m in members for _ in range(1 + m["is_main"])
    )
    first: dict[tuple[str, str], int] = {}
    for m in members:
        first.setdefault((m["event_type"], m["sub_event_type"]), len(first))
    etype, sub = max(weights, key=lambda k: (weights[k], -first[k]))
    days = [m["date"] for m in members if m["date"] and m["date_precision"] == "day"]
    days = days or [m["date"] or m["published"] for m in members if m["date"] or m["published"]]
    loc = _location(members)
    places = [p for p in ((loc or {}).get("name"), (loc or {}).get("country")) if p]
    summaries = summarise([r for i in c.members for r in reports.get(i, [])], places)
    conservative: dict[str, int | None] = {}
    for kind, s in summaries.items():
        value = s.conservative
        if value is None and s.parts:
            value = max(p["min"] for p in s.parts)  # no total: at least the largest part
        conservative[kind] = value
    articles = sorted({m["article_id"] for m in members} | set(c.articles))
    article_ids = sorted({*articles, *(x for a in articles for x in aliases.get(a, []))})
    killed, hurt = consensus(members, "fatalities"), consensus(members, "injured")
    summary = {
        "conservative": conservative,
        "ranges": {k: as_dict(s)["range"] for k, s in summaries.items() if s.range},
        "latest_official": {k: s.latest_official for k, s in summaries.items() if s.latest_official},
        "timeline": {k: s.timeline for k, s in summaries.items() if s.timeline},
        "parts": {k: s.parts for k, s in summaries.items() if s.parts},
        "conflicts": {k: s.conflicts for k, s in summaries.items() if s.conflicts},
        "event_ids": c.members,
    }
    return {
        "id": c.members[0], "event_type": etype, "sub_event_type": sub,
        "date_start": min(days) if days else None, "date_end": max(days) if days else None,
        "place": (loc or {}).get("name"), "country": (loc or {}).get("country"),
        "country_code": ((loc or {}).get("country_code") or "").upper() or None,
        "lat": (loc or {}).get("lat"), "lon": (loc or {}).get("lon"), "location": loc,
        "fatalities": conservative.get("killed") or 0 if killed is None else killed,
        "injured": conservative.get("injured") if hurt is None else hurt,
        "arrested": conservative.get("arrested"), "article_ids": article_ids,
        "summary": summary, "reasons": c.reasons,
    }  # fmt: skip


def _article_ids(c: Cluster, rows: dict[int, dict[str, Any]], aliases: dict[str, list[str]]) -> list[str]:
    articles = {rows[i]["article_id"] for i in c.members} | set(c.articles)
    return sorted({*articles, *(x for a in articles for x in aliases.get(a, []))})


def _stored(conn: Connection) -> dict[int, tuple[frozenset[int], list[str]]]:
    """The stored incidents: id → (event ids, article ids)."""
    events: dict[int, set[int]] = defaultdict(set)
    for event_id, incident_id in conn.execute(
        select(t.incident_events.c.event_id, t.incident_events.c.incident_id)
    ):
        events[incident_id].add(event_id)
    i = t.incidents.c
    return {
        iid: (frozenset(events.get(iid, ())), list(aids))
        for iid, aids in conn.execute(select(i.id, i.article_ids))
    }


def _delete(conn: Connection, ids: list[int]) -> None:
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        conn.execute(delete(t.incident_events).where(t.incident_events.c.incident_id.in_(chunk)))
        conn.execute(delete(t.incidents).where(t.incidents.c.id.in_(chunk)))


def rebuild(conn: Connection, settings: Settings | None = None) -> int:
    """Re-cluster every event into incidents inside the caller's transaction; returns the count.

    Incremental: an incident whose events and article ids are unchanged keeps its stored row;
    only new or changed incidents are summarised and written, and vanished ones are deleted.
    """
    nodes, rows = load_nodes(conn)
    must, cannot = load_decisions(conn)
    stories, evidence = load_stories(conn)
    clusters = cluster(nodes, settings, must, cannot, stories, evidence)
    aliases = load_aliases(conn)
    stored = _stored(conn)
    keep: set[int] = set()
    changed: list[Cluster] = []
    for c in clusters:
        old = stored.get(c.members[0])
        if old and old[0] == frozenset(c.members) and old[1] == _article_ids(c, rows, aliases):
            keep.add(c.members[0])
        else:
            changed.append(c)
    _delete(conn, [iid for iid in stored if iid not in keep])
    reports = _reports(conn, rows, {e for c in changed for e in c.members})
    incident_rows = [incident_row(c, rows, reports, aliases) for c in changed]
    for start in range(0, len(incident_rows), 1000):
        conn.execute(insert(t.incidents), incident_rows[start : start + 1000])
    links = [{"event_id": e, "incident_id": c.members[0]} for c in changed for e in c.members]
    for start in range(0, len(links), 5000):
        conn.execute(insert(t.incident_events), links[start : start + 5000])
    return len(clusters)
