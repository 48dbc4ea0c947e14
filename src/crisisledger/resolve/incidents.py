"""Incident merging: group events from different articles that report the same real incident.

Two events are *linked* when they are of the same type family, their dates overlap
within `window_days`, their places are compatible (same GeoNames id, within `max_km`,
or one containing the other: Almaty is in Kazakhstan) and their killed figures are
not wildly apart. Links are applied best first (strongest place match, same sub-type,
closest dates); two groups are joined only when that creates no conflict: no two
events of one article, no two killed figures wildly apart, no two specific places
(city or finer) far apart, no span longer than `max_span_days`, no pair the user
split apart. User merges are applied first and unconditionally (the merged events'
places and tolls then block nothing). Every join records a human-readable reason.

Same-story links between articles (`resolve.stories`: they name the same people, give the same
address or share words rare in the ledger) are
applied before the event links: the main events of the two articles are joined whatever
their types, places, tolls and dates (extracted places and tolls may be wrong, and a follow-up
may come months later; the names are the stronger evidence), unless that puts two events of one
article (or one distinct-event dataset) together or joins what the user split, or the two reports
were published more than `story_region_days` apart and their main events are in different states
or countries (a later story elsewhere that names them recalls the incident as context), unless both
reports give at least `story_region_people` of the same people (victims and suspects named with an
age or as what happened to them: a recall names one, a misplaced report of the story several). A link
by the same ages only (`StoryLink.same_town`) holds when the two main events are at one GeoNames town
or county with the same death toll and the reports do not name different people. An article
without events that tells the story of an article in an incident is attached to that incident.

With the articles' story facts (`stories.Evidence`), an event link (and any join that would put
two such reports in one incident) is dropped when the two reports name different people or give
different addresses or ages and share none (two shootings in one city on one weekend; different
people alone do not count when either report counts several victims: each may tell of another one);
a link between two different towns (unless on the same day at most `near_town_km` apart: a
neighbourhood and its city) needs a shared name or address (an age is too common to tell two towns'
shootings apart); a link from a month's round-up, between two reports dated more than
`silent_gap_days` apart, or to an event with neither its own place nor its own date (a whole region
or country, dated by its report: the extractor's fallbacks) needs a shared name, address or age;
and a link to a short page (no facts: boilerplate or a headline) must rest on the same day, or the
same place (not a containing one) a day apart, and never on such a vague event.

Last, two longer reports (both with story facts, not contradicting each other) whose main events are
at one town or county, at most `lone_days` apart, with the same victims and related types, are joined
when each is the only other incident the ledger holds there within `lone_days` of the other
(`_lone_matches`): in a small town a report a week later is the same story even when it shares no
name; in a big city there are other shootings, and nothing is joined this way.
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from crisisledger.model import Location
from crisisledger.resolve.places import RANK, compare, haversine_km
from crisisledger.resolve.stories import Evidence, StoryLink

Key = tuple[str, int]  # (article id, index of the event in its record)

FAMILIES: dict[str, tuple[str, ...]] = {
    "unrest": ("Protests", "Riots"),
    "armed": ("Battles", "Explosions/Remote violence", "Violence against civilians"),
    "violence": ("Violence against civilians", "Crime"),
    "disaster": ("Disasters",),
}

# Types whose reports of one incident often disagree: one outlet's "attack" is another's "armed
# clash", "riot" or "man-made disaster". Events of these types may be merged across families,
# but only with a specific shared place (city or county, never a whole region or country).
VIOLENT = frozenset(
    {"Battles", "Explosions/Remote violence", "Violence against civilians", "Crime", "Riots",
     "Disasters/Man-made disaster"}
)  # fmt: skip
# Follow-ups of an incident (the arrest of a suspect, a statement, a court date) are coded
# "Strategic developments"; they join a violent incident at the same specific place.
FOLLOW_UPS = frozenset({"Strategic developments/Arrests", "Strategic developments/Other"})
# Imported datasets whose rows are already distinct events (ACLED codes each event once): two rows
# of one such dataset never merge, though each may merge with events extracted from reports.
DISTINCT_DATASETS = ("acled",)


def dataset_of(article_id: str) -> str | None:
    """The distinct-event dataset an article id comes from ("acled:…" → "acled"), or None."""
    prefix = article_id.split(":", 1)[0].lower() if ":" in article_id else ""
    return prefix if prefix in DISTINCT_DATASETS else None


@dataclass(frozen=True)
class EventNode:
    """What the resolver needs to know about one stored event."""

    id: int
    article_id: str
    idx: int
    event_type: str
    sub_event_type: str
    date: dt.date | None
    date_precision: str = "day"
    published: dt.date | None = None
    location: Location | None = None
    fatalities: int = 0
    is_main: bool = False
    injured: int | None = None

    @property
    def key(self) -> Key:
        return (self.article_id, self.idx)

    @property
    def source(self) -> str:
        """What two events of one incident may not share: an article, or a distinct-event dataset."""
        return dataset_of(self.article_id) or f"article:{self.article_id}"


@dataclass
class Settings:
    """Tunable thresholds of the merge rules."""

    window_days: int = 3
    lookback_days: int = 3
    max_km: float = 50.0
    max_span_days: int = 14
    killed_factor: float = 10.0
    weak_gap_days: int = 1
    silent_gap_days: int = 2
    story_region_days: int = 3
    story_region_people: int = 2
    near_town_km: float = 15.0
    lone_days: int = 14


@dataclass
class Cluster:
    """One incident: its events (ids, sorted), articles without events attached to it, and why."""

    members: list[int]
    reasons: list[str] = field(default_factory=list)
    articles: list[str] = field(default_factory=list)


def family(event_type: str, sub_event_type: str, other_type: str, other_sub: str) -> str | None:
    """The family two event types share, or None. Strategic developments match only their sub-type."""
    if event_type == other_type == "Strategic developments":
        return f"Strategic developments/{sub_event_type}" if sub_event_type == other_sub else None
    for name, types in FAMILIES.items():
        if event_type in types and other_type in types:
            return name
    return event_type if event_type == other_type else None


def _kinds(node: EventNode) -> set[str]:
    kinds = {node.event_type, f"{node.event_type}/{node.sub_event_type}"}
    if node.event_type == "Protests" and node.fatalities > 0:
        kinds.add("Riots")  # a protest reported with deaths is about violence (a vigil for victims)
    return kinds


def related(a: EventNode, b: EventNode) -> str | None:
    """A weaker kinship than a family: two violent types, or a follow-up and a violent event."""
    ka, kb = _kinds(a), _kinds(b)
    if ka & VIOLENT and kb & VIOLENT:
        return "violent events"
    if (ka & FOLLOW_UPS and kb & (VIOLENT | FOLLOW_UPS)) or (kb & FOLLOW_UPS and ka & VIOLENT):
        return "a follow-up of a violent event"
    return None


def firm(node: EventNode) -> bool:
    """True when the event has its own day: a day-precise date other than its report's date.

    The extractor falls back to the publication date when a report states no date, so a
    date equal to it may be any day shortly before."""
    return node.date is not None and node.date_precision == "day" and node.date != node.published


def interval(node: EventNode, lookback: int = 0) -> tuple[dt.date, dt.date] | None:
    """The days the event may have happened on, from its date and precision (or its report date).

    A day-precise date that equals the report's date stretches `lookback` days back."""
    d = node.date
    if d is not None and node.date_precision == "day":
        return (d - dt.timedelta(days=lookback), d) if d == node.published else (d, d)
    if d is not None and node.date_precision == "week":
        return d - dt.timedelta(days=3), d + dt.timedelta(days=3)
    if d is not None and node.date_precision == "month":
        return d.replace(day=1), d.replace(day=calendar.monthrange(d.year, d.month)[1])
    if node.published is not None:
        return node.published - dt.timedelta(days=7), node.published
    return None


def _day_text(n: EventNode) -> str:
    span = interval(n)
    if span is None:
        return "no date"
    return span[0].isoformat() if span[0] == span[1] else f"{span[0]}..{span[1]}"


def _spans(a: EventNode, b: EventNode, s: Settings) -> tuple[tuple[dt.date, dt.date] | None, ...]:
    """The two events' intervals; a report-dated event looks back only towards a firmly dated one."""
    if not firm(a) and not firm(b):
        return interval(a), interval(b)
    return interval(a, s.lookback_days), interval(b, s.lookback_days)


def link(a: EventNode, b: EventNode, s: Settings) -> tuple[float, str] | None:
    """Score and reason when events `a` and `b` may be the same incident, else None."""
    if a.source == b.source:
        return None
    fam = family(a.event_type, a.sub_event_type, b.event_type, b.sub_event_type)
    kin = None if fam else related(a, b)
    ia, ib = _spans(a, b, s)
    if (fam is None and kin is None) or ia is None or ib is None:
        return None
    w = dt.timedelta(days=s.window_days)
    if ia[0] - w > ib[1] or ib[0] - w > ia[1]:
        return None
    place = compare(a.location, b.location, s.max_km)
    if not place.ok:
        return None
    if kin and max(RANK[a.location.precision], RANK[b.location.precision]) > RANK["admin2"]:  # type: ignore[union-attr]
        return None
    if not killed_compatible(a, b, s):
        return None
    gap = max(0, (max(ia[0], ib[0]) - min(ia[1], ib[1])).days)
    bonus = 2 if a.sub_event_type == b.sub_event_type else (-3 if kin else 0)
    score = place.strength * 10 + bonus - gap / 10
    types = f"same type family {fam}" if fam else f"related types ({kin})"
    reason = (
        f"event {a.id} (article {a.article_id}) + event {b.id} (article {b.article_id}): "
        f"{types} ({a.event_type}/{a.sub_event_type}; {b.event_type}/{b.sub_event_type}); "
        f"dates {_day_text(a)} and {_day_text(b)} within {s.window_days} days; {place.reason}; "
        f"killed {a.fatalities} and {b.fatalities} compatible"
    )
    return score, reason


def killed_compatible(a: EventNode, b: EventNode, s: Settings) -> bool:
    """False when two death tolls cannot be one incident's.

    Tolls rise as counting goes on, so a later report may exceed an earlier one by any factor;
    but two reports published within a day of each other, or a later report far below an
    earlier one, are incompatible when one exceeds `killed_factor` times the other plus 10."""
    if a.fatalities == 0 or b.fatalities == 0:
        return True
    early, late = sorted((a, b), key=lambda n: n.published or n.date or dt.date.min)
    gap = abs(
        ((late.published or late.date or dt.date.min) - (early.published or early.date or dt.date.min)).days
    )
    if early.fatalities > s.killed_factor * late.fatalities + 10:
        return False
    return gap > 1 or late.fatalities <= s.killed_factor * early.fatalities + 10


def _specific_conflict(a: EventNode, b: EventNode, s: Settings) -> bool:
    la, lb = a.location, b.location
    if la is None or lb is None or max(RANK[la.precision], RANK[lb.precision]) > RANK["admin2"]:
        return bool(la and lb and not compare(la, lb, s.max_km).ok and la.country_code != lb.country_code)
    return not compare(la, lb, s.max_km).ok


CELL_DEG = 0.5  # grid cells for the distance rule (degrees of latitude and longitude)

_Entry = tuple[dt.date, dt.date, EventNode]


def _cell(lat: float, lon: float) -> tuple[str, int, int]:
    return ("g", math.floor(lat / CELL_DEG), math.floor(lon / CELL_DEG))


def _keys(n: EventNode, max_km: float) -> tuple[set[Any], set[Any]] | None:
    """Blocking keys of a located event: (keys to look up, keys to file it under); None when broad.

    A broad event (a whole country, or a place with neither region nor coordinates) may match
    any event of its country. Others match through their region (containment), their name, or
    the grid cells within `max_km` of their point (filed under every cell of that disk's box)."""
    loc = n.location
    assert loc is not None
    has_point = loc.lat is not None and loc.lon is not None
    if loc.precision == "country" or (not loc.admin1 and not has_point):
        return None
    own: set[Any] = {("n", loc.name.casefold())}
    if loc.admin1:
        own.add(("a1", loc.admin1.casefold()))
    if loc.precision == "admin1":
        own.add(("a1", loc.name.casefold()))
    filed = set(own)
    if has_point and RANK[loc.precision] <= RANK["admin2"]:
        lat, lon = float(loc.lat), float(loc.lon)  # type: ignore[arg-type]
        own.add(_cell(lat, lon))
        dlat = max_km / 111.0
        dlon = max_km / (111.0 * max(0.05, math.cos(math.radians(min(89.0, abs(lat) + dlat)))))
        lo_c, hi_c = _cell(lat - dlat, lon - dlon), _cell(lat + dlat, lon + dlon)
        filed |= {("g", i, j) for i in range(lo_c[1], hi_c[1] + 1) for j in range(lo_c[2], hi_c[2] + 1)}
    return own, filed


def _prune(entries: list[_Entry], lo: dt.date, w: dt.timedelta) -> list[_Entry]:
    return [t for t in entries if t[1] + w >= lo]


def _candidate_pairs(nodes: list[EventNode], s: Settings) -> list[tuple[float, int, int, str]]:
    """Linked pairs: blocked by country, then by region, name and grid cell, swept in date order.

    Each event is compared with the earlier events still within the date window that share a
    blocking key with it (or with all of them when either is broad), so the cost grows with the
    number of events times the number of nearby concurrent ones, not with the square of all."""
    blocks: dict[str, list[_Entry]] = defaultdict(list)
    for n in nodes:
        span = interval(n, s.lookback_days)
        if span is not None and n.location is not None:
            blocks[(n.location.country_code or "").upper()].append((span[0], span[1], n))
    pairs: dict[tuple[int, int], tuple[float, int, int, str]] = {}
    w = dt.timedelta(days=s.window_days)
    for block in blocks.values():
        block.sort(key=lambda t: (t[0], t[2].id))
        everyone: list[_Entry] = []
        broad: list[_Entry] = []
        keyed: dict[Any, list[_Entry]] = defaultdict(list)
        for entry in block:
            lo, n = entry[0], entry[2]
            keys = _keys(n, s.max_km)
            if keys is None:
                everyone = _prune(everyone, lo, w)
                others = everyone
            else:
                others = []
                for key in keys[0]:
                    keyed[key] = _prune(keyed[key], lo, w)
                    others += keyed[key]
            broad = _prune(broad, lo, w)
            for _, _, m in others + broad:
                pair = (min(m.id, n.id), max(m.id, n.id))
                if pair in pairs or m.id == n.id:
                    continue
                found = link(m, n, s)
                if found is not None:
                    pairs[pair] = (found[0], pair[0], pair[1], found[1])
            everyone.append(entry)
            if keys is None:
                broad.append(entry)
            else:
                for key in keys[1]:
                    keyed[key].append(entry)
    return sorted(pairs.values(), key=lambda p: (-p[0], p[1], p[2]))


def cluster(
    nodes: list[EventNode],
    settings: Settings | None = None,
    must_link: Sequence[tuple[Key, Key, str]] = (),
    cannot_link: Sequence[tuple[Key, Key]] = (),
    stories: Sequence[StoryLink] = (),
    evidence: Evidence | None = None,
) -> list[Cluster]:
    """Group events into incidents; returns clusters sorted by their smallest event id."""
    s = settings or Settings()
    by_id = {n.id: n for n in nodes}
    by_key = {n.key: n.id for n in nodes}
    group = {n.id: n.id for n in nodes}
    members: dict[int, list[int]] = {n.id: [n.id] for n in nodes}
    reasons: dict[int, list[str]] = {n.id: [] for n in nodes}
    forbidden = {frozenset((by_key[a], by_key[b])) for a, b in cannot_link if a in by_key and b in by_key}

    def join(x: int, y: int, reason: str) -> None:
        gx, gy = sorted((group[x], group[y]))
        for m in members[gy]:
            group[m] = gx
        members[gx].extend(members.pop(gy))
        reasons[gx].extend(reasons.pop(gy))
        reasons[gx].append(reason)

    def allowed(x: int, y: int, story: bool = False) -> bool:
        mx, my = members[group[x]], members[group[y]]
        days = [d for m in mx + my if firm(by_id[m]) and (d := by_id[m].date) is not None]
        if not story and days and (max(days) - min(days)).days > s.max_span_days:
            return False
        for a in mx:
            for b in my:
                na, nb = by_id[a], by_id[b]
                if na.source == nb.source or frozenset((a, b)) in forbidden:
                    return False
                if story or a in vouched or b in vouched:
                    continue
                if not killed_compatible(na, nb, s):
                    return False
                pair = frozenset((na.article_id, nb.article_id))
                if pair not in storied and _specific_conflict(na, nb, s):
                    return False
                if pair not in storied and contradicts(na, nb):
                    return False
        return True

    def contradicts(a: EventNode, b: EventNode) -> bool:
        return evidence is not None and _contradiction(a, b, evidence) is not None

    vouched: set[int] = set()  # events the user merged: their places and tolls block no join
    for a, b, why in must_link:
        if a in by_key and b in by_key and group[by_key[a]] != group[by_key[b]]:
            join(by_key[a], by_key[b], why)
            vouched |= {by_key[a], by_key[b]}
    storied = {frozenset((k.a, k.b)) for k in stories}
    main = _main_events(nodes)
    lone_links: list[tuple[StoryLink, int | None, int | None]] = []
    for k in stories:  # the names are stronger evidence than places and dates: these joins go first
        ma, mb = main.get(k.a), main.get(k.b)
        if k.same_place and (ma is None or mb is None or not _same_place(by_id[ma], by_id[mb], s)):
            continue
        if k.same_town and not _one_victim_story(by_id[ma], by_id[mb], evidence):  # type: ignore[index]
            continue
        if ma is not None and mb is not None and _place_names_only(k, by_id[ma], by_id[mb]):
            continue
        if (
            ma is not None
            and mb is not None
            and k.people < s.story_region_people
            and _other_region_later(by_id[ma], by_id[mb], s)
        ):
            continue
        if ma is None or mb is None:
            lone_links.append((k, ma, mb))
        elif group[ma] != group[mb] and allowed(ma, mb, story=True):
            join(ma, mb, k.reason)
    for _, x, y, why in _candidate_pairs(nodes, s):
        if evidence is not None and not _supported(by_id[x], by_id[y], evidence, s):
            continue
        if group[x] != group[y] and allowed(x, y):
            join(x, y, why)
    for x, y, why in _lone_matches(nodes, group, s):
        told = evidence is not None and {by_id[x].article_id, by_id[y].article_id} <= evidence.facts.keys()
        if told and group[x] != group[y] and not contradicts(by_id[x], by_id[y]) and allowed(x, y):
            join(x, y, why)
    attached: dict[int, list[tuple[str, str]]] = defaultdict(list)
    placed: set[str] = set()
    for k, ma, mb in lone_links:
        lone, known = (k.b, ma) if mb is None else (k.a, mb)
        if known is not None and lone not in placed:
            placed.add(lone)
            attached[known].append((lone, k.reason))
    extra: dict[int, list[tuple[str, str]]] = defaultdict(list)
    for x, items in attached.items():
        extra[group[x]].extend(items)
    return [
        Cluster(sorted(m), reasons[g] + [r for _, r in extra[g]], sorted(a for a, _ in extra[g]))
        for g, m in sorted(members.items())
    ]


def _lone_matches(nodes: list[EventNode], group: dict[int, int], s: Settings) -> list[tuple[int, int, str]]:
    """Pairs of main events at one town or county (one GeoNames place), dated at most `lone_days`
    apart, with the same victims (killed, and injured when both count them) and related types, when
    each is the only other incident the ledger holds at that place within `lone_days` of the other: a
    report a week later that shares nothing with the first is its story when the town had no other
    shooting then (a big city has, and nothing is linked there)."""
    out = []
    for events in _town_events(nodes).values():
        near = {n.id: _near(events, n, s) for _, n in events}
        others = {i: {group[m.id] for m in ms} - {group[i]} for i, ms in near.items()}
        for _, n in events:
            if len(others[n.id]) != 1:
                continue
            for m in near[n.id]:
                if m.id < n.id and others[m.id] == {group[n.id]} and _same_victims(m, n) and related(m, n):
                    where = n.location.name if n.location else "one place"
                    out.append((m.id, n.id, f"event {m.id} (article {m.article_id}) + event {n.id} (article "
                                f"{n.article_id}): the only incidents at {where} within {s.lone_days} days, "
                                "with the same victims"))  # fmt: skip
    return out


def _town_id(n: EventNode) -> int | None:
    """The GeoNames id of an event's town or county; None without one or at a wider place."""
    loc = n.location
    if loc is None or loc.geonames_id is None or RANK[loc.precision] > RANK["admin2"]:
        return None
    return loc.geonames_id


def _town_events(nodes: list[EventNode]) -> dict[int, list[tuple[dt.date, EventNode]]]:
    """Main events at a town or county, per GeoNames place, sorted by the first day they may be on."""
    out: dict[int, list[tuple[dt.date, EventNode]]] = defaultdict(list)
    for n in nodes:
        town, span = _town_id(n), interval(n)
        if n.is_main and span is not None and town is not None:
            out[town].append((span[0], n))
    for events in out.values():
        events.sort(key=lambda e: (e[0], e[1].id))
    return out


def _near(events: list[tuple[dt.date, EventNode]], n: EventNode, s: Settings) -> list[EventNode]:
    """The events of other sources at most `lone_days` from `n` (an interval spans a month at most)."""
    span = interval(n)
    assert span is not None
    lo = bisect.bisect_left(events, span[0] - dt.timedelta(days=s.lone_days + 31), key=lambda e: e[0])
    hi = bisect.bisect_right(events, span[1] + dt.timedelta(days=s.lone_days), key=lambda e: e[0])
    return [m for _, m in events[lo:hi] if m.source != n.source and _gap(m, n) <= s.lone_days]


def _same_victims(a: EventNode, b: EventNode) -> bool:
    """True when two events count victims and the same killed (and injured, when both count them)."""
    if a.fatalities != b.fatalities or (victims(a) == 0 and victims(b) == 0):
        return False
    return a.injured is None or b.injured is None or a.injured == b.injured


def _supported(a: EventNode, b: EventNode, evidence: Evidence, s: Settings) -> bool:
    """False when the two articles' story facts contradict an event link, or when one report has no
    facts (a short page: boilerplate, a headline, a brief; not a dataset row) and the link rests on a
    place containing the other ("Chicago is in Cook County") or on days apart: a short page's event is
    the least reliable, so only the same day, or the same place a day apart, holds for it. Two longer
    reports that share no rare name, address or age must be dated at most `silent_gap_days` apart:
    reports of one incident days apart name its victim or its street, while two shootings in one city
    in one week share neither."""
    if _contradiction(a, b, evidence):
        return False
    if any(n.date_precision in ("month", "year") and n.article_id in evidence.facts for n in (a, b)):
        return evidence.agreement(a.article_id, b.article_id)  # a month's round-up: only by what it shares
    if (
        _two_towns(a, b)
        and not _near_same_day(a, b, s)
        and not evidence.agreement(a.article_id, b.article_id, ages=False)
    ):
        return False
    if a.article_id in evidence.facts and b.article_id in evidence.facts:
        if evidence.agreement(a.article_id, b.article_id):
            return True
        return not (_vague(a) or _vague(b)) and _gap(a, b) <= s.silent_gap_days
    if dataset_of(a.article_id) or dataset_of(b.article_id):
        return True
    if _vague(a) or _vague(b):
        return False
    gap = _gap(a, b)
    return gap == 0 or (gap <= s.weak_gap_days and compare(a.location, b.location, s.max_km).strength > 2)


def _gap(a: EventNode, b: EventNode) -> float:
    """Days between the two events' intervals (0 when they overlap; infinite when one has no date)."""
    ia, ib = interval(a), interval(b)
    if ia is None or ib is None:
        return math.inf
    return max(0, (max(ia[0], ib[0]) - min(ia[1], ib[1])).days)


def victims(node: EventNode) -> int:
    """The people the event killed or injured, as its report counts them."""
    return node.fatalities + (node.injured or 0)


def _contradiction(a: EventNode, b: EventNode, evidence: Evidence) -> str | None:
    """Why the two events' articles tell different stories, or None; with several victims (in either
    report), articles naming different people may tell of different victims of one incident."""
    return evidence.contradiction(a.article_id, b.article_id, people=max(victims(a), victims(b)) <= 1)


def _vague(n: EventNode) -> bool:
    """True when the event has neither its own place nor its own date: a whole region or country, dated
    by its report (the extractor's fallbacks when the text tells neither); not a dataset row's."""
    own_date = n.date is not None and (n.date_precision != "day" or n.date != n.published)
    broad = n.location is not None and RANK[n.location.precision] >= RANK["admin1"]
    return broad and not own_date and not dataset_of(n.article_id)


def _two_towns(a: EventNode, b: EventNode) -> bool:
    """True when the events are in two different cities (or finer places), however near."""
    la, lb = a.location, b.location
    if la is None or lb is None or max(RANK[la.precision], RANK[lb.precision]) > RANK["city"]:
        return False
    return la.geonames_id is not None and lb.geonames_id is not None and la.geonames_id != lb.geonames_id


def _near_same_day(a: EventNode, b: EventNode, s: Settings) -> bool:
    """True when the two events are dated the same day at most `near_town_km` apart: a neighbourhood
    and its city, or twin towns across a river or a state line, as good as one place."""
    la, lb = a.location, b.location
    if la is None or lb is None or None in (la.lat, la.lon, lb.lat, lb.lon) or _gap(a, b) > 0:
        return False
    return haversine_km(la.lat, la.lon, lb.lat, lb.lon) <= s.near_town_km  # type: ignore[arg-type]


def _same_place(a: EventNode, b: EventNode, s: Settings) -> bool:
    """True when two events are at compatible places, one of them at least a city or county."""
    la, lb = a.location, b.location
    if la is None or lb is None or min(RANK[la.precision], RANK[lb.precision]) > RANK["admin2"]:
        return False
    return compare(la, lb, s.max_km).ok


def _place_names_only(k: StoryLink, a: EventNode, b: EventNode) -> bool:
    """True when the names the link rests on are all the names of the two events' places or counties:
    read as a person's name in a report ("Pembroke Pines police said"), they tell no story apart."""
    places = {x.casefold() for n in (a, b) if n.location for x in (n.location.name, n.location.admin2) if x}
    return bool(k.names) and set(k.names) <= places


def _one_victim_story(a: EventNode, b: EventNode, evidence: Evidence | None) -> bool:
    """True when two events may be one story told weeks apart by the same ages only: the same town or
    county (one GeoNames place), the same death toll, and their reports do not name different people."""
    town = _town_id(a)
    if town is None or town != _town_id(b) or a.fatalities != b.fatalities:
        return False
    return evidence is None or not evidence.different_people(a.article_id, b.article_id)


def _other_region_later(a: EventNode, b: EventNode, s: Settings) -> bool:
    """True when the two events' reports were published more than `story_region_days` apart and the
    events are in different countries or first-level regions (states): a follow-up weeks later that
    names the people of an incident elsewhere recalls it (a victim quoted as context) more often
    than it tells it; within a few days, the names win over a misread place."""
    la, lb = a.location, b.location
    if la is None or lb is None or a.published is None or b.published is None:
        return False
    if abs((a.published - b.published).days) <= s.story_region_days:
        return False
    if la.country_code and lb.country_code and la.country_code.upper() != lb.country_code.upper():
        return True
    return bool(la.admin1 and lb.admin1 and la.admin1.casefold() != lb.admin1.casefold())


def _main_events(nodes: list[EventNode]) -> dict[str, int]:
    """Each article's main event id (else its first event)."""
    out: dict[str, int] = {}
    for n in sorted(nodes, key=lambda n: (not n.is_main, n.idx)):
        out.setdefault(n.article_id, n.id)
    return out
