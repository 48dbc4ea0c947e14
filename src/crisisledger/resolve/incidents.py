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
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from crisisledger.model import Location
from crisisledger.resolve.places import RANK, compare

Key = tuple[str, int]  # (article id, index of the event in its record)

FAMILIES: dict[str, tuple[str, ...]] = {
    "unrest": ("Protests", "Riots"),
    "armed": ("Battles", "Explosions/Remote violence", "Violence against civilians"),
    "violence": ("Violence against civilians", "Crime"),
    "disaster": ("Disasters",),
}


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

    @property
    def key(self) -> Key:
        return (self.article_id, self.idx)


@dataclass
class Settings:
    """Tunable thresholds of the merge rules."""

    window_days: int = 3
    max_km: float = 50.0
    max_span_days: int = 14
    killed_factor: float = 10.0


@dataclass
class Cluster:
    """One incident: its events (ids, sorted) and why they were put together."""

    members: list[int]
    reasons: list[str] = field(default_factory=list)


def family(event_type: str, sub_event_type: str, other_type: str, other_sub: str) -> str | None:
    """The family two event types share, or None. Strategic developments match only their sub-type."""
    if event_type == other_type == "Strategic developments":
        return f"Strategic developments/{sub_event_type}" if sub_event_type == other_sub else None
    for name, types in FAMILIES.items():
        if event_type in types and other_type in types:
            return name
    return event_type if event_type == other_type else None


def interval(node: EventNode) -> tuple[dt.date, dt.date] | None:
    """The days the event may have happened on, from its date and precision (or its report date)."""
    d = node.date
    if d is not None and node.date_precision == "day":
        return d, d
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


def link(a: EventNode, b: EventNode, s: Settings) -> tuple[float, str] | None:
    """Score and reason when events `a` and `b` may be the same incident, else None."""
    if a.article_id == b.article_id:
        return None
    fam = family(a.event_type, a.sub_event_type, b.event_type, b.sub_event_type)
    ia, ib = interval(a), interval(b)
    if fam is None or ia is None or ib is None:
        return None
    w = dt.timedelta(days=s.window_days)
    if ia[0] - w > ib[1] or ib[0] - w > ia[1]:
        return None
    place = compare(a.location, b.location, s.max_km)
    if not place.ok:
        return None
    if not killed_compatible(a, b, s):
        return None
    gap = max(0, (max(ia[0], ib[0]) - min(ia[1], ib[1])).days)
    score = place.strength * 10 + (2 if a.sub_event_type == b.sub_event_type else 0) - gap / 10
    reason = (
        f"event {a.id} (article {a.article_id}) + event {b.id} (article {b.article_id}): "
        f"same type family {fam} ({a.event_type}/{a.sub_event_type}; {b.event_type}/{b.sub_event_type}); "
        f"dates {_day_text(a)} and {_day_text(b)} within {s.window_days} days; {place.reason}; "
        f"killed {a.fatalities} and {b.fatalities} compatible"
    )
    return score, reason


def killed_compatible(a: EventNode, b: EventNode, s: Settings) -> bool:
    """False when both report deaths and one toll exceeds `killed_factor` times the other plus 10."""
    lo, hi = sorted((a.fatalities, b.fatalities))
    return lo == 0 or hi <= s.killed_factor * lo + 10


def _specific_conflict(a: EventNode, b: EventNode, s: Settings) -> bool:
    la, lb = a.location, b.location
    if la is None or lb is None or max(RANK[la.precision], RANK[lb.precision]) > RANK["admin2"]:
        return bool(la and lb and not compare(la, lb, s.max_km).ok and la.country_code != lb.country_code)
    return not compare(la, lb, s.max_km).ok


def _candidate_pairs(nodes: list[EventNode], s: Settings) -> list[tuple[float, int, int, str]]:
    """Linked pairs, blocked by country and swept in date order."""
    blocks: dict[str, list[tuple[dt.date, dt.date, EventNode]]] = defaultdict(list)
    for n in nodes:
        span = interval(n)
        if span is not None and n.location is not None:
            blocks[(n.location.country_code or "").upper()].append((span[0], span[1], n))
    pairs = []
    w = dt.timedelta(days=s.window_days)
    for block in blocks.values():
        block.sort(key=lambda t: (t[0], t[2].id))
        active: list[tuple[dt.date, dt.date, EventNode]] = []
        for lo, hi, n in block:
            active = [t for t in active if t[1] + w >= lo]
            for _, _, m in active:
                found = link(m, n, s)
                if found is not None:
                    pairs.append((found[0], min(m.id, n.id), max(m.id, n.id), found[1]))
            active.append((lo, hi, n))
    pairs.sort(key=lambda p: (-p[0], p[1], p[2]))
    return pairs


def cluster(
    nodes: list[EventNode],
    settings: Settings | None = None,
    must_link: Sequence[tuple[Key, Key, str]] = (),
    cannot_link: Sequence[tuple[Key, Key]] = (),
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

    def allowed(x: int, y: int) -> bool:
        mx, my = members[group[x]], members[group[y]]
        spans = [interval(by_id[m]) for m in mx + my if by_id[m].date_precision == "day"]
        days = [d for span in spans if span for d in span]
        if days and (max(days) - min(days)).days > s.max_span_days:
            return False
        for a in mx:
            for b in my:
                na, nb = by_id[a], by_id[b]
                if na.article_id == nb.article_id or frozenset((a, b)) in forbidden:
                    return False
                if a in vouched or b in vouched:
                    continue
                if not killed_compatible(na, nb, s) or _specific_conflict(na, nb, s):
                    return False
        return True

    vouched: set[int] = set()  # events the user merged: their places and tolls block no join
    for a, b, why in must_link:
        if a in by_key and b in by_key and group[by_key[a]] != group[by_key[b]]:
            join(by_key[a], by_key[b], why)
            vouched |= {by_key[a], by_key[b]}
    for _, x, y, why in _candidate_pairs(nodes, s):
        if group[x] != group[y] and allowed(x, y):
            join(x, y, why)
    return [Cluster(sorted(m), reasons[g]) for g, m in sorted(members.items())]
