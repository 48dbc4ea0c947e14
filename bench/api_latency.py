"""Latency of `GET /api/v1/incidents` under 50 concurrent clients on loopback, on SQLite and PostgreSQL.

For each back end (PostgreSQL only when 127.0.0.1:5432 answers; a fresh schema, dropped afterwards)
builds a throw-away ledger of `limit` (default 100,000) fake one-event incidents: the first 1,000 go
through the real write + resolve path (hand-built records, no extraction); the rest are copies of
those incidents' rows with new ids, places and dates, bulk-inserted into the incidents table (the list
endpoint reads only that table). Serves it with `crisisledger serve --workers 2` on 127.0.0.1 and sends
a bounded number of requests from 50 concurrent keep-alive clients (a minimal asyncio HTTP/1.1 client,
so the load generator costs little CPU on this small machine): the first page (100 incidents), a
country + date filter, and a next page through a cursor. An error is any answer other than a 200 with
a JSON body holding items.

    .venv/bin/python bench/api_latency.py [--limit N] [--requests N] [--workers N] [--backend B]
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
from urllib.parse import urlencode

import httpx
from sqlalchemy import insert, select

from crisisledger.model import Location
from crisisledger.store import Ledger
from crisisledger.store import schema as t
from crisisledger.store.testing import event, figure, item, pg_schema, server_available

CLIENTS = 50
WORKERS = 2
BACKENDS = ("sqlite", "postgresql")
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


REAL = 1000  # incidents made by the real write + resolve path; the rest are copies of their rows


def build(db: str, n: int) -> float:
    """Fill ledger `db` with `n` fake incidents; returns the seconds it took."""
    start = time.perf_counter()
    with Ledger.open(db) as ledger:
        ledger.add_records(fake_items(min(n, REAL)), batch_size=1000)
        ledger.resolve()
        with ledger.engine.begin() as conn:
            templates = [
                dict(r) for r in conn.execute(select(t.incidents).order_by(t.incidents.c.id)).mappings()
            ]
            first = max(r["id"] for r in templates) + 1
            rng = random.Random(11)
            for lo in range(len(templates), n, 5000):
                conn.execute(insert(t.incidents), [_copy(templates[i % len(templates)], first + i, i, rng)
                                                   for i in range(lo, min(n, lo + 5000))])  # fmt: skip
    return time.perf_counter() - start


def _copy(row: dict[str, Any], new_id: int, i: int, rng: random.Random) -> dict[str, Any]:
    """Incident row `row` moved to its own place (>= 11 km from every other) and day."""
    code = COUNTRIES[i % len(COUNTRIES)]
    lat, lon = round(-60 + (i % 1200) * 0.1, 4), round(-170 + (i // 1200) * 0.3, 4)
    day = dt.date(2015, 1, 1) + dt.timedelta(days=rng.randrange(3000))
    loc = {**(row["location"] or {}), "name": f"Place {i}", "country": code, "country_code": code,
           "lat": lat, "lon": lon}  # fmt: skip
    return {**row, "id": new_id, "date_start": day, "date_end": day, "place": loc["name"], "country": code,
            "country_code": code, "lat": lat, "lon": lon, "location": loc}  # fmt: skip


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class _Client:
    """One keep-alive HTTP/1.1 connection (answers carry Content-Length: uvicorn's plain responses)."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def get(self, target: str) -> tuple[int, bytes]:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection("127.0.0.1", self.port)
        assert self.reader is not None
        self.writer.write(f"GET {target} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode())
        head = await self.reader.readuntil(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        length = next(
            int(v) for k, _, v in (x.partition(":") for x in lines[1:]) if k.lower() == "content-length"
        )
        return int(lines[0].split()[1]), await self.reader.readexactly(length)

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()


def _ok(status: int, body: bytes) -> bool:
    try:
        return status == 200 and bool(json.loads(body)["items"])
    except (ValueError, KeyError, TypeError):
        return False


async def _load(port: int, requests: int) -> tuple[dict[str, list[float]], int]:
    path = "/api/v1/incidents"
    first = httpx.get(f"http://127.0.0.1:{port}{path}", params={"limit": 100}).json()
    queries: list[tuple[str, dict[str, Any]]] = [
        ("first page", {"limit": 100}),
        ("country+since", {"country": "KZ", "since": "2020-01-01"}),
        ("next page", {"limit": 100, "cursor": first["next_cursor"]}),
    ]
    targets = [(name, f"{path}?{urlencode(params)}") for name, params in queries]
    times: dict[str, list[float]] = {name: [] for name, _ in queries}
    errors = 0
    counter = iter(range(requests))

    async def client() -> None:
        nonlocal errors
        conn = _Client(port)
        try:
            for n in counter:
                name, target = targets[n % len(targets)]
                t0 = time.perf_counter()
                try:
                    status, body = await conn.get(target)
                except (OSError, asyncio.IncompleteReadError, ValueError, StopIteration):
                    conn.close()
                    conn = _Client(port)
                    status, body = 0, b""
                times[name].append(time.perf_counter() - t0)
                errors += not _ok(status, body)
        finally:
            conn.close()

    await asyncio.gather(*(client() for _ in range(CLIENTS)))
    return times, errors


def _ms(xs: list[float], q: int) -> float:
    return round(statistics.quantiles(xs, n=100)[q - 1] * 1000, 1) if len(xs) > 1 else round(xs[0] * 1000, 1)


def measure(db: str, n: int, requests: int = 3000, workers: int = WORKERS) -> dict[str, Any]:
    """Fill ledger `db` (a path or URL) with `n` incidents, serve it, load it; p50/p95 latencies in ms."""
    build_s = build(db, n)
    port = _free_port()
    cmd = [sys.executable, "-c", "from crisisledger.cli import main; main()", "serve", "--db", db,
           "--port", str(port), "--workers", str(workers)]  # fmt: skip
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, start_new_session=True)
    try:
        for _ in range(600):
            try:
                httpx.get(f"http://127.0.0.1:{port}/api/v1/openapi.json").raise_for_status()
                break
            except httpx.HTTPError:
                time.sleep(0.1)
        asyncio.run(_load(port, 2 * CLIENTS))  # warm-up: every worker connected, caches filled
        start = time.perf_counter()
        times, errors = asyncio.run(_load(port, requests))
        wall = time.perf_counter() - start
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=20)
    every = [x for xs in times.values() for x in xs]
    return {
        "backend": "postgresql" if db.startswith("postgres") else "sqlite", "incidents": n,
        "build_s": round(build_s, 1), "clients": CLIENTS, "workers": workers, "requests": len(every),
        "errors": errors, "req_per_s": round(len(every) / wall, 1), "p50_ms": _ms(every, 50),
        "p95_ms": _ms(every, 95),
        "by_query": {k: {"p50_ms": _ms(v, 50), "p95_ms": _ms(v, 95)} for k, v in times.items()},
    }  # fmt: skip


def run(limit: int | None = None, requests: int = 3000, backends: tuple[str, ...] = BACKENDS,
        workers: int = WORKERS) -> dict[str, dict[str, Any]]:  # fmt: skip
    """{"sqlite": {...}, "postgresql": {...}}: `measure` on each back end, with `limit` incidents
    (default 100,000). PostgreSQL is measured when its test server answers, in a throw-away schema."""
    n = limit or 100_000
    out: dict[str, dict[str, Any]] = {}
    if "sqlite" in backends:
        with tempfile.TemporaryDirectory() as tmp:
            out["sqlite"] = measure(str(Path(tmp) / "bench.db"), n, requests, workers)
    if "postgresql" in backends and server_available():
        with pg_schema() as url:
            out["postgresql"] = measure(url, n, requests, workers)
    return out


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="incidents (default 100,000)")
    parser.add_argument("--requests", type=int, default=3000)
    parser.add_argument("--workers", type=int, default=WORKERS)
    parser.add_argument("--backend", choices=BACKENDS, action="append", help="default: both")
    args = parser.parse_args()
    print(json.dumps(run(args.limit, args.requests, tuple(args.backend or BACKENDS), args.workers), indent=1))
