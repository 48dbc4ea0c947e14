"""Latency of `GET /api/v1/incidents` under 50 concurrent clients on loopback.

Builds a throw-away SQLite ledger of `limit` (default 10,000) fake one-event incidents from hand-built
records (no extraction), serves it with `crisisledger serve` (uvicorn, one process) on 127.0.0.1, and
sends a bounded number of requests from 50 concurrent httpx clients: the first page (100 incidents),
a country + date filter, and a next page through a cursor.

    .venv/bin/python bench/api_latency.py [--limit N] [--requests N] [--db URL]
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import random
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

from crisisledger.model import Location
from crisisledger.store import Ledger
from crisisledger.store.testing import event, figure, item

CLIENTS = 50
COUNTRIES = ("KZ", "KG", "UZ", "TJ", "AF", "SY", "YE", "SO", "NG", "ML")
TYPES = (("Protests", "Peaceful protest"), ("Riots", "Violent demonstration"), ("Battles", "Armed clash"),
         ("Explosions/Remote violence", "Air/drone strike"))  # fmt: skip


def fake_items(n: int, seed: int = 7) -> list[tuple]:
    """`n` one-event articles at distinct places and days (so every one becomes its own incident)."""
    rng = random.Random(seed)
    out = []
    for i in range(n):
        code = COUNTRIES[i % len(COUNTRIES)]
        lat, lon = -60 + (i % 1200) * 0.1, -170 + (i // 1200) * 3.0  # >= 11 km apart, never merged
        loc = Location(name=f"Place {i}", country=code, country_code=code, lat=lat, lon=lon)
        day = (dt.date(2015, 1, 1) + dt.timedelta(days=rng.randrange(3000))).isoformat()
        killed = rng.choice((0, 0, 1, 2, 5, 12))
        typ = TYPES[i % len(TYPES)]
        out.append(item(f"fake-{i}", f"Fake report {i} about {typ[1].lower()} in place {i}.", day,
                        [event(*typ, day, loc, fatalities=killed, figures=[0] if killed else [])],
                        [figure("killed", killed)] if killed else [], source=f"Outlet {i % 17}"))  # fmt: skip
    return out


def build(db: str, n: int) -> float:
    """Fill ledger `db` with `n` fake incidents; returns the seconds it took."""
    start = time.perf_counter()
    with Ledger.open(db) as ledger:
        ledger.add_records(fake_items(n), batch_size=1000)
        ledger.resolve()
    return time.perf_counter() - start


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


async def _load(base: str, requests: int) -> tuple[dict[str, list[float]], int]:
    first = httpx.get(f"{base}/incidents", params={"limit": 100}).json()
    queries: list[tuple[str, dict[str, Any]]] = [
        ("first page", {"limit": 100}),
        ("country+since", {"country": "KZ", "since": "2020-01-01"}),
        ("next page", {"limit": 100, "cursor": first["next_cursor"]}),
    ]
    times: dict[str, list[float]] = {name: [] for name, _ in queries}
    errors = 0
    counter = iter(range(requests))

    async def client() -> None:
        nonlocal errors
        async with httpx.AsyncClient(base_url=base, timeout=60) as c:
            for n in counter:
                name, params = queries[n % len(queries)]
                t0 = time.perf_counter()
                resp = await c.get("/incidents", params=params)
                times[name].append(time.perf_counter() - t0)
                errors += resp.status_code != 200 or not resp.json()["items"]

    await asyncio.gather(*(client() for _ in range(CLIENTS)))
    return times, errors


def _ms(xs: list[float], q: int) -> float:
    return round(statistics.quantiles(xs, n=100)[q - 1] * 1000, 1) if len(xs) > 1 else round(xs[0] * 1000, 1)


def run(limit: int | None = None, requests: int = 3000, db: str | None = None) -> dict[str, Any]:
    """Build a ledger of `limit` incidents (default 10,000), load it, return p50/p95 latencies in ms."""
    n = limit or 10_000
    with tempfile.TemporaryDirectory() as tmp:
        db = db or str(Path(tmp) / "bench.db")
        build_s = build(db, n)
        port = _free_port()
        cmd = [sys.executable, "-c", "from crisisledger.cli import main; main()", "serve", "--db", db,
               "--port", str(port)]  # fmt: skip
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, start_new_session=True)
        base = f"http://127.0.0.1:{port}/api/v1"
        try:
            for _ in range(300):
                try:
                    httpx.get(f"{base}/openapi.json")
                    break
                except httpx.TransportError:
                    time.sleep(0.1)
            start = time.perf_counter()
            times, errors = asyncio.run(_load(base, requests))
            wall = time.perf_counter() - start
        finally:
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(timeout=10)
    every = [x for xs in times.values() for x in xs]
    return {
        "incidents": n, "build_s": round(build_s, 1), "clients": CLIENTS, "requests": len(every),
        "errors": errors, "req_per_s": round(len(every) / wall, 1), "p50_ms": _ms(every, 50),
        "p95_ms": _ms(every, 95),
        "by_query": {k: {"p50_ms": _ms(v, 50), "p95_ms": _ms(v, 95)} for k, v in times.items()},
    }  # fmt: skip


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="incidents (default 10,000)")
    parser.add_argument("--requests", type=int, default=3000)
    parser.add_argument("--db", help="ledger to fill (default: a temporary SQLite file)")
    args = parser.parse_args()
    print(json.dumps(run(args.limit, args.requests, args.db), indent=1))
