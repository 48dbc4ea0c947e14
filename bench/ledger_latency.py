"""Ledger scale: `resolve()` time and query latency with many incidents, on SQLite and PostgreSQL.

Synthetic events (one per article; 40 countries, 200 places each, three years, the ACLED event
types) are bulk-inserted straight into the articles and events tables, `Ledger.resolve()` turns
them into incidents (timed; again after adding 1,000 events), then the typical analyst query —
one country, a 90-day window and an event type — is run `QUERIES` times with random parameters
through `Ledger.incidents`
(p50 / p95 in ms). PostgreSQL runs in a throw-away schema on 127.0.0.1:5432 and is skipped
when the server does not answer.

    .venv/bin/python bench/ledger_latency.py [--limit N_EVENTS]   # default 100,000
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import Metric

NAME = "ledger_latency"
DEFAULT_EVENTS = 100_000
QUERIES = 200
INCREMENT = 1000  # events added after the first resolve, then resolved again
TYPES = (("Battles", "Armed clash"), ("Protests", "Peaceful protest"), ("Riots", "Mob violence"),
         ("Explosions/Remote violence", "Air/drone strike"), ("Violence against civilians", "Attack"),
         ("Strategic developments", "Arrests"))  # fmt: skip
COUNTRIES = [f"{chr(65 + i // 26)}{chr(65 + i % 26)}" for i in range(40)]
START = dt.date(2021, 1, 1)
DAYS = 3 * 365


def _places(rng: random.Random) -> dict[str, list[dict[str, Any]]]:
    out = {}
    for n, cc in enumerate(COUNTRIES):
        lat0, lon0 = -40 + 2 * n, -100 + 5 * n
        out[cc] = [{"name": f"Town {cc}{k}", "country": f"Country {cc}", "country_code": cc,
                    "admin1": f"Region {cc}{k % 5}", "lat": lat0 + rng.uniform(0, 8),
                    "lon": lon0 + rng.uniform(0, 8), "precision": "city", "geonames_id": n * 100 + k}
                   for k in range(200)]  # fmt: skip
    return out


def populate(ledger: Any, n_events: int, seed: int = 7, first: int = 0) -> None:
    """Bulk-insert `n_events` synthetic one-event articles numbered from `first` (no extraction)."""
    from sqlalchemy import insert

    from crisisledger.resolve.storyfacts import StoryFacts
    from crisisledger.store import schema as t

    rng = random.Random(seed)
    places = _places(rng)
    now = dt.datetime(2024, 1, 1)
    for start in range(first, first + n_events, 5000):
        articles, events, facts = [], [], []
        for i in range(start, min(first + n_events, start + 5000)):
            cc = rng.choice(COUNTRIES)
            loc = rng.choice(places[cc])
            day = START + dt.timedelta(days=rng.randrange(DAYS))
            etype, sub = rng.choice(TYPES)
            aid = f"syn:{i}"
            articles.append({"id": aid, "text_hash": f"{i:064d}", "published": day, "text": f"synthetic {i}",
                             "record": {}, "ingested_at": now, "source": "bench"})  # fmt: skip
            facts.append(StoryFacts.of(aid, day, articles[-1]["text"]).row())  # as the writer stores them
            events.append({"article_id": aid, "idx": 0, "is_main": True, "event_type": etype,
                           "sub_event_type": sub, "date": day, "date_precision": "day", "location": loc,
                           "place": loc["name"], "country_code": cc, "lat": loc["lat"], "lon": loc["lon"],
                           "geonames_id": loc["geonames_id"], "actors": [], "fatalities": rng.randrange(4),
                           "injured": None, "arrested": None})  # fmt: skip
        with ledger.engine.begin() as conn:
            conn.execute(insert(t.articles), articles)
            conn.execute(insert(t.events), events)
            conn.execute(insert(t.story_facts), facts)


def _queries(ledger: Any, n: int, seed: int = 11) -> list[float]:
    from crisisledger.store import Filters

    rng = random.Random(seed)
    times = []
    for _ in range(n):
        since = START + dt.timedelta(days=rng.randrange(DAYS - 90))
        f = Filters(country=rng.choice(COUNTRIES), since=since, until=since + dt.timedelta(days=90),
                    event_type=rng.choice(TYPES)[0])  # fmt: skip
        t0 = time.perf_counter()
        ledger.incidents(f)
        times.append((time.perf_counter() - t0) * 1000)
    return times


@contextmanager
def _backend(name: str) -> Iterator[str | None]:
    from crisisledger.store.testing import pg_schema, server_available

    if name == "sqlite":
        with tempfile.TemporaryDirectory() as tmp:
            yield str(Path(tmp) / "latency.db")
    elif server_available():
        with pg_schema() as url:
            yield url
    else:
        yield None


def measure(backend: str, n_events: int, queries: int = QUERIES) -> dict[str, Any] | None:
    """Populate, resolve and query one back end; None when it is unavailable."""
    from crisisledger.store import Ledger

    with _backend(backend) as url:
        if url is None:
            return None
        with Ledger.open(url) as ledger:
            populate(ledger, n_events)
            t0 = time.perf_counter()
            incidents = ledger.resolve()
            resolve_s = time.perf_counter() - t0
            times = _queries(ledger, queries)
            populate(ledger, INCREMENT, seed=8, first=n_events)
            t0 = time.perf_counter()
            ledger.resolve()
            again_s = time.perf_counter() - t0
    q = statistics.quantiles(times, n=20)
    p50 = statistics.median(times)
    return {
        "incidents": incidents,
        "resolve_s": resolve_s,
        "again_s": again_s,
        "p50_ms": p50,
        "p95_ms": q[18],
    }


def run(limit: int | None = None) -> list[Metric]:
    """`bench/run.py` entry: `limit` is the number of synthetic events (default 100,000)."""
    n = limit or DEFAULT_EVENTS
    out = []
    for backend in ("sqlite", "postgresql"):
        r = measure(backend, n)
        if r is None:
            print(f"[{NAME}] {backend} skipped: server unavailable")
            continue
        note = f"{n:,} events, {r['incidents']:,} incidents; country + 90 days + type"
        out += [
            Metric(NAME, f"query p50 ({backend})", r["p50_ms"], QUERIES, unit="ms", note=note),
            Metric(NAME, f"query p95 ({backend})", r["p95_ms"], QUERIES, unit="ms", note=note),
            Metric(NAME, f"resolve time, all new ({backend})", r["resolve_s"], n, unit="s", note=note),
            Metric(
                NAME,
                f"resolve time, +{INCREMENT:,} events ({backend})",
                r["again_s"],
                n,
                unit="s",
                note="incremental: unchanged incidents are not rewritten",
            ),
        ]
    return out


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, help=f"number of synthetic events (default {DEFAULT_EVENTS:,})")
    args = parser.parse_args()
    for metric in run(args.limit):
        print(f"{metric.name:30} {metric.formatted():>12}  n={metric.n}  {metric.note}")
