"""IODA's public API v2: country and region signals, and a detector that turns them into blackouts.

Client: `GET {base}/signals/raw/{entityType}/{entityCode}?from=&until=&datasource=&maxPoints=` (times in
Unix epoch seconds). The answer is an envelope `{"type", "metadata", "requestParameters", "error",
"perf", "data", "copyright"}` whose `data` is a list (one per entity) of lists of series objects with
`entityType`, `entityCode`, `entityName`, `datasource`, `subtype`, `from`, `until`, `step`, `nativeStep`
and `values` (numbers or null, one per `step` seconds from `from`). Signals used: `bgp` (visible /24s),
`ping-slash24` (active probing: /24 blocks up) and `merit-nt` (telescope: unique source IPs).

Detector (IODA's published rule): each value is compared with the median of a sliding history window
of that signal; below `warning` × median it is a warning alert, below `critical` × median a critical
one. Windows and thresholds: BGP 24 h, 99 % / 50 %; active probing 7 days, 80 % / 50 %; telescope
7 days, 25 % / 10 %. Alerted values are kept out of the history (so a long outage does not become the
new normal), missing values are skipped, and no alert is raised before half a window of history exists.
Consecutive alerts of one signal form an alert run; runs of any signal that overlap or lie within
`merge_gap` of each other form one outage, returned as a `Blackout` reported by IODA.
"""

from __future__ import annotations

import bisect
import datetime as dt
import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from crisisledger.model import Blackout

API_BASE = "https://api.ioda.inetintel.cc.gatech.edu/v2"
SOURCE = "IODA"
HOUR = 3600
DAY = 24 * HOUR


@dataclass(frozen=True)
class Rule:
    """Detection settings of one signal."""

    datasource: str  # IODA's datasource name
    name: str  # the name used in `Blackout.services`
    history: int  # seconds of history
    warning: float  # alert below this fraction of the history median
    critical: float


RULES: dict[str, Rule] = {
    "bgp": Rule("bgp", "bgp", DAY, 0.99, 0.50),
    "ping-slash24": Rule("ping-slash24", "active_probing", 7 * DAY, 0.80, 0.50),
    "merit-nt": Rule("merit-nt", "telescope", 7 * DAY, 0.25, 0.10),
}
LEVELS = {"warning": 1, "critical": 2}


class IodaError(Exception):
    """The API could not be reached or answered with an error; the message says which."""


@dataclass
class Series:
    """One signal of one entity: `values[i]` is at `start + i * step` (epoch seconds); None when missing."""

    entity_type: str
    entity_code: str
    entity_name: str
    datasource: str
    start: int
    step: int
    values: list[float | None]

    def points(self) -> list[tuple[int, float | None]]:
        return [(self.start + i * self.step, v) for i, v in enumerate(self.values)]


@dataclass
class Alert:
    """One value below a threshold."""

    time: int
    datasource: str
    level: str
    value: float
    median: float


@dataclass
class Outage:
    """Consecutive alerts (of one or more signals) of one entity."""

    entity_type: str
    entity_code: str
    entity_name: str
    start: int  # epoch seconds of the first alerted value
    end: int  # end of the last alerted value's interval
    signals: list[str] = field(default_factory=list)  # IODA datasource names
    level: str = "warning"
    ongoing: bool = False  # still alerting at the last value of the window

    def to_blackout(self) -> Blackout:
        """The outage as the contract's BLACKOUT (country code for countries; the region name as area)."""
        start = dt.datetime.fromtimestamp(self.start, dt.UTC)
        end = dt.datetime.fromtimestamp(self.end, dt.UTC)
        country = self.entity_code.upper() if self.entity_type == "country" else None
        return Blackout(country_code=country, area=self.entity_name if self.entity_type == "region" else None,
                        status="ongoing" if self.ongoing else "restored", start=start.date(),
                        end=None if self.ongoing else end.date(),
                        duration_hours=round((self.end - self.start) / HOUR, 2),
                        services=[RULES[s].name for s in self.signals if s in RULES], reported_by=SOURCE,
                        start_char=0, end_char=0)  # fmt: skip


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float) or math.isnan(value):
        return None
    return float(value)


def parse_signals(payload: dict[str, Any]) -> list[Series]:
    """The scalar series of an API v2 `signals/raw` answer (nested-value datasources are skipped).

    Raises `IodaError` when the envelope reports an error or has no data list."""
    if payload.get("error"):
        raise IodaError(f"IODA API error: {payload['error']}")
    data = payload.get("data")
    if not isinstance(data, list):
        raise IodaError("IODA API answer has no data list")
    out: list[Series] = []
    for group in data:
        for s in group if isinstance(group, list) else [group]:
            if not isinstance(s, dict) or not isinstance(s.get("values"), list):
                continue
            if any(isinstance(v, list | dict) for v in s["values"]):
                continue
            code = str(s.get("entityCode", ""))
            out.append(Series(entity_type=str(s.get("entityType", "")), entity_code=code,
                              entity_name=str(s.get("entityName") or code),
                              datasource=str(s.get("datasource", "")), start=int(s["from"]),
                              step=int(s.get("step") or s.get("nativeStep") or 300),
                              values=[_number(v) for v in s["values"]]))  # fmt: skip
    return out


def alerts(series: Series, rule: Rule | None = None, since: int | None = None) -> list[Alert]:
    """The alerts of one series under its rule (only for values at or after `since`, if given)."""
    rule = rule or RULES[series.datasource]
    history: list[tuple[int, float]] = []  # (time, value) of non-alerted values, oldest first
    found: list[Alert] = []
    for time, value in series.points():
        if value is None:
            continue
        cut = bisect.bisect_left(history, (time - rule.history, -math.inf))
        del history[:cut]
        alert = None
        if history and history[-1][0] - history[0][0] >= rule.history / 2 - series.step:
            ordered = sorted(v for _, v in history)
            n = len(ordered)
            median = ordered[n // 2] if n % 2 else (ordered[n // 2 - 1] + ordered[n // 2]) / 2
            if median > 0 and value < rule.critical * median:
                alert = Alert(time, series.datasource, "critical", value, median)
            elif median > 0 and value < rule.warning * median:
                alert = Alert(time, series.datasource, "warning", value, median)
        if alert is None:
            history.append((time, value))
        elif since is None or time >= since:
            found.append(alert)
    return found


def _runs(series: Series, found: list[Alert]) -> list[tuple[int, int, str, bool]]:
    """(start, end, level, ongoing) of consecutive alerts: no non-alerted value between them."""
    alerted = {a.time: a for a in found}
    runs: list[tuple[int, int, str, bool]] = []
    current: list[Alert] = []
    present = [(t, v) for t, v in series.points() if v is not None]
    for time, _ in present:
        if time in alerted:
            current.append(alerted[time])
        elif current:
            runs.append(_run(current, series.step, False))
            current = []
    if current:
        runs.append(_run(current, series.step, current[-1].time == present[-1][0]))
    return runs


def _run(run: list[Alert], step: int, ongoing: bool) -> tuple[int, int, str, bool]:
    level = max((a.level for a in run), key=LEVELS.__getitem__)
    return run[0].time, run[-1].time + step, level, ongoing


def detect(series: Iterable[Series], since: int | None = None, min_level: str = "warning",
           merge_gap: int = HOUR) -> list[Outage]:  # fmt: skip
    """Outages per entity from its signals; runs whose worst level is below `min_level` are ignored."""
    by_entity: dict[tuple[str, str], list[tuple[Series, tuple[int, int, str, bool]]]] = {}
    for s in series:
        if s.datasource not in RULES:
            continue
        for run in _runs(s, alerts(s, since=since)):
            if LEVELS[run[2]] >= LEVELS[min_level]:
                by_entity.setdefault((s.entity_type, s.entity_code), []).append((s, run))
    outages: list[Outage] = []
    for (etype, code), items in by_entity.items():
        current: Outage | None = None
        for s, (start, end, level, ongoing) in sorted(items, key=lambda x: x[1][0]):
            if current is None or start > current.end + merge_gap:
                current = Outage(etype, code, s.entity_name, start, end, [], level, ongoing)
                outages.append(current)
            current.end = max(current.end, end)
            current.ongoing = current.ongoing or ongoing
            current.level = max(current.level, level, key=LEVELS.__getitem__)
            if s.datasource not in current.signals:
                current.signals.append(s.datasource)
    return sorted(outages, key=lambda o: (o.start, o.entity_code))


def fetch_signals(
    entity_code: str,
    since: int,
    until: int,
    entity_type: str = "country",
    base_url: str = API_BASE,
    timeout: float = 30.0,
    client: Any = None,
) -> list[Series]:
    """The three signals of one entity from `since - history` to `until` (epoch seconds), one request each.

    Raises `IodaError` with a readable message when the API cannot be reached or answers badly."""
    import httpx

    own = client is None
    http = client or httpx.Client(timeout=timeout, headers={"User-Agent": "crisisledger-ioda/1"})
    out: list[Series] = []
    try:
        for rule in RULES.values():
            start = since - rule.history
            url = f"{base_url.rstrip('/')}/signals/raw/{entity_type}/{entity_code}"
            params: dict[str, int | str] = {"from": start, "until": until, "datasource": rule.datasource,
                      "maxPoints": (until - start) // 300 + 2}  # fmt: skip
            try:
                response = http.get(url, params=params)
                response.raise_for_status()
                payload = response.json()
            except httpx.HTTPStatusError as exc:
                raise IodaError(f"IODA API answered HTTP {exc.response.status_code} for {url}") from None
            except httpx.HTTPError as exc:
                raise IodaError(
                    f"cannot reach the IODA API at {base_url} ({type(exc).__name__}: {exc})"
                ) from None
            except ValueError:
                raise IodaError(f"IODA API answer for {url} is not JSON") from None
            out += [s for s in parse_signals(payload) if s.datasource == rule.datasource]
    finally:
        if own:
            http.close()
    return out
