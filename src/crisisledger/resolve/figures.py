"""Figures over time: reconcile the numbers many reports give for one incident.

For each kind (killed, injured, …) the reports are split into **totals** and **parts**.
A figure is a part when it counts a group ("police", "children") or a place other
than the incident's own place or country ("103 killed in Almaty" inside a Kazakhstan
incident), or when a larger figure of the same kind comes from the same article, date
and authority ("164 dead, 103 of them in Almaty": the breakdown is the smaller one);
parts are listed apart and never compared with totals.

From the totals we derive (a report's date is `figure.date`, else its article's
publication date; its lower bound is `min` when set, else `value`; its upper bound
`max` when set, else `value`):

- **conflicts**: a *drop* is a dated total whose upper bound is below 90% of the
  highest lower bound reported on an earlier day (not an injured total whose report gives, that
  day, more killed than any earlier day: the wounded who died are counted as killed); a
  *disagreement* is two totals dated within one day of each other, from different named authorities, whose
  bounds do not overlap.
- **conservative** (ACLED-style lowest credible figure): drop-flagged totals are not
  credible, nor are lone *outliers* (a dated total no other total confirms, above both a total of an
  earlier day and one of a later day; the totals after it are no drops), except for kinds in
  `REVISED_DOWN` (the injured: first reports count everyone hurt or shot, the dead among them, and
  later ones leave out the dead and those treated at the scene, so a lower later count is a revision);
  among the credible totals of the most recent report date (all of them when none is dated), keep
  those attributed to an authority when there are any, and take the lowest lower bound. Tolls are
  revised as counting goes on, so the latest report date carries the most reliable figure, and the
  lowest figure of that date is the conservative one.
- **range**: lowest lower bound and highest upper bound over credible totals.
- **latest_official**: the most recently dated total attributed to an authority
  (ties: the lowest value).
- **timeline**: every total in date order (undated last), with authority and outlet.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, fields
from typing import Any

DROP_RATIO = 0.9
# Kinds whose later, lower totals stay credible (see the module's docstring): a death toll does not fall.
REVISED_DOWN = frozenset({"injured"})
UNCREDIBLE = ("drop", "outlier")  # flags of totals that are not credible


@dataclass(frozen=True)
class Report:
    """One reported figure as the resolver sees it."""

    kind: str
    value: int
    low: int
    high: int
    date: dt.date | None
    authority: str | None = None
    outlet: str | None = None
    article_id: str | None = None
    qualifier: str = "exact"
    group: str | None = None
    location: str | None = None


@dataclass
class KindSummary:
    """What the ledger derives for one kind of figure of one incident."""

    conservative: int | None = None
    range: tuple[int, int] | None = None
    latest_official: dict[str, Any] | None = None
    timeline: list[dict[str, Any]] = field(default_factory=list)
    parts: list[dict[str, Any]] = field(default_factory=list)
    conflicts: list[dict[str, Any]] = field(default_factory=list)


def is_part(report: Report, incident_places: Iterable[str]) -> bool:
    """True when the figure counts a group or a place narrower than the incident's."""
    if report.group:
        return True
    if not report.location:
        return False
    return report.location.casefold() not in {p.casefold() for p in incident_places if p}


def _entry(r: Report, flags: list[str] | None = None) -> dict[str, Any]:
    entry = {
        "value": r.value,
        "min": r.low,
        "max": r.high,
        "qualifier": r.qualifier,
        "date": r.date.isoformat() if r.date else None,
        "authority": r.authority,
        "outlet": r.outlet,
        "article_id": r.article_id,
    }
    if r.group or r.location:
        entry.update(group=r.group, location=r.location)
    if flags:
        entry["flags"] = flags
    return entry


def _order(r: Report) -> tuple[bool, dt.date, int, str]:
    return (r.date is None, r.date or dt.date.max, r.value, r.authority or "")


def _never(_: Report) -> bool:
    return False


def _outliers(totals: list[Report]) -> dict[int, str]:
    """Flags of the lone outliers in `totals`: a dated total that no other total confirms (bounds that
    overlap its own) and that exceeds both a total of an earlier day and one of a later day (1, then 17,
    then 1 again: a figure of another incident or a misreading, not a toll that fell)."""
    out: dict[int, str] = {}
    for i, r in enumerate(totals):
        if r.date is None or any(o is not r and o.low <= r.high and r.low <= o.high for o in totals):
            continue
        below = [e for e in totals if e.date is not None and e.high < DROP_RATIO * r.low]
        before = [e for e in below if e.date < r.date]  # type: ignore[operator]
        after = [e for e in below if e.date > r.date]  # type: ignore[operator]
        if before and after:
            first, then = before[-1], after[0]
            out[i] = (
                f"outlier: {r.value} between {first.value} on {first.date} and {then.value} on {then.date}"
            )
    return out


def _conflicts(totals: list[Report], explained: Callable[[Report], bool] = _never) -> dict[int, list[str]]:
    """Flags per index in `totals` ("outlier: …", "drop: …", "disagrees: …"); an `explained` total is
    no drop, and nor is a total below a lone outlier only."""
    outliers = _outliers(totals)
    flags: dict[int, list[str]] = {i: [f] for i, f in outliers.items()}
    dated = [(i, r) for i, r in enumerate(totals) if r.date is not None]
    for i, r in dated:
        earlier = [e for j, e in dated if e.date < r.date and j not in outliers]  # type: ignore[operator]
        if earlier and not explained(r):
            top = max(earlier, key=lambda e: e.low)
            if r.high < DROP_RATIO * top.low:
                flags.setdefault(i, []).append(f"drop: {r.value} after {top.value} on {top.date}")
        for j, o in dated:
            if j == i or not (r.authority and o.authority) or r.authority == o.authority:
                continue
            close = abs((r.date - o.date).days) <= 1  # type: ignore[operator]
            if close and (r.high < o.low or o.high < r.low):
                flags.setdefault(i, []).append(f"disagrees: {o.authority} gave {o.value} on {o.date}")
    return flags


def summarise_kind(
    reports: list[Report], incident_places: Iterable[str], explained: Callable[[Report], bool] = _never
) -> KindSummary:
    """Derive the conservative, range, latest official, timeline, parts and conflicts of one kind; an
    `explained` total that falls below an earlier one is a revision, not a drop."""
    places = list(incident_places)
    candidates = [r for r in reports if not is_part(r, places)]
    largest: dict[tuple[str | None, dt.date | None, str | None], int] = {}
    for r in candidates:
        key = (r.article_id, r.date, r.authority)
        largest[key] = max(largest.get(key, r.high), r.high)
    whole = [
        r
        for r in candidates
        if r.article_id is None or r.high == largest[(r.article_id, r.date, r.authority)]
    ]
    totals = sorted(whole, key=_order)
    parts = sorted((r for r in reports if not any(r is w for w in whole)), key=_order)
    summary = KindSummary(parts=[_entry(r) for r in _unique(parts)])
    totals = _unique(totals)
    if not totals:
        return summary
    flags = _conflicts(totals, explained)
    summary.timeline = [_entry(r, flags.get(i)) for i, r in enumerate(totals)]
    summary.conflicts = [_entry(totals[i], f) for i, f in sorted(flags.items())]
    credible = [
        r for i, r in enumerate(totals) if not any(f.startswith(UNCREDIBLE) for f in flags.get(i, []))
    ]
    if not credible or totals[0].kind in REVISED_DOWN:
        credible = totals
    summary.range = (min(r.low for r in credible), max(r.high for r in credible))
    dates = [r.date for r in credible if r.date is not None]
    latest = [r for r in credible if r.date == max(dates)] if dates else credible
    official = [r for r in latest if r.authority] or latest
    summary.conservative = min(r.low for r in official)
    attributed = [r for r in credible if r.authority and r.date is not None]
    if attributed:
        last = max(r.date for r in attributed if r.date is not None)
        best = min((r for r in attributed if r.date == last), key=lambda r: r.value)
        summary.latest_official = {"value": best.value, "authority": best.authority, "date": last.isoformat()}
    return summary


def _unique(reports: list[Report]) -> list[Report]:
    """Drop repeats of the same figure (same bounds, date, authority and outlet), keeping order."""
    seen: set[tuple[Any, ...]] = set()
    out = []
    for r in reports:
        key = (r.value, r.low, r.high, r.date, r.authority, r.outlet, r.group, r.location)
        if key not in seen:
            seen.add(key)
            out.append(r)
    return out


def summarise(reports: Iterable[Report], incident_places: Iterable[str]) -> dict[str, KindSummary]:
    """Summaries per kind, for every kind that has at least one report."""
    by_kind: dict[str, list[Report]] = {}
    for r in reports:
        by_kind.setdefault(r.kind, []).append(r)
    places = list(incident_places)
    died = _wounded_died(by_kind.get("killed", []), places)
    return {
        kind: summarise_kind(rs, places, died if kind == "injured" else _never)
        for kind, rs in sorted(by_kind.items())
    }


def _wounded_died(killed: list[Report], places: list[str]) -> Callable[[Report], bool]:
    """Whether an injured total falls because wounded people died: its article reports, on its date, more
    killed than any report of an earlier day (a victim first counted as wounded, then as killed)."""
    totals = [r for r in killed if r.date is not None and not is_part(r, places)]

    def explained(r: Report) -> bool:
        if r.date is None:
            return False
        before = max((k.high for k in totals if k.date < r.date), default=0)  # type: ignore[operator]
        return any(k.article_id == r.article_id and k.date == r.date and k.low > before for k in totals)

    return explained


def as_dict(summary: KindSummary) -> dict[str, Any]:
    """JSON-ready form of a kind summary."""
    out = {f.name: getattr(summary, f.name) for f in fields(summary)}  # shallow: entries are JSON already
    out["range"] = list(summary.range) if summary.range else None
    return out
