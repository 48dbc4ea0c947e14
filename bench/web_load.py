"""Dashboard first load with 10,000 incidents in Debian's Chromium (headless, driven by Playwright).

Builds a throw-away SQLite ledger of `limit` (default 10,000) incidents written straight into the
incidents table (the map and the timeline read only that table), serves it with `crisisledger serve`
on 127.0.0.1, opens `/` three times in fresh browser contexts (nothing cached) and reports the median
time from navigation start until the page marks itself ready (`window.__firstLoadMs`: map, timeline
and count drawn) and the median wall time of the same loads as seen from Playwright.
Returns {"skipped": reason} without Playwright, /usr/bin/chromium or the built front end.

    .venv/bin/python bench/web_load.py [--limit N]
"""

from __future__ import annotations

import argparse
import json
import os
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

from crisisledger.store.testing import synthetic_incidents
from crisisledger.web.browser import CHROMIUM, CHROMIUM_ARGS, browser_unavailable

RUNS = 3


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _loads(url: str, runs: int) -> tuple[list[float], list[float], str]:
    from playwright.sync_api import sync_playwright

    in_page, wall, count = [], [], ""
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        try:
            for _ in range(runs):
                context = browser.new_context(viewport={"width": 1400, "height": 900})
                page = context.new_page()
                start = time.perf_counter()
                page.goto(url)
                page.wait_for_selector("body[data-ready='1']", timeout=60_000)
                wall.append((time.perf_counter() - start) * 1000)
                in_page.append(float(page.evaluate("window.__firstLoadMs")))
                count = page.text_content("#count") or ""
                context.close()
        finally:
            browser.close()
    return in_page, wall, count


def run(limit: int | None = None, runs: int = RUNS) -> dict[str, Any]:
    """Median first-load time of the dashboard over `limit` incidents (default 10,000), in ms."""
    n = limit or 10_000
    reason = browser_unavailable()
    if reason:
        return {"skipped": reason, "incidents": n}
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "web.db")
        synthetic_incidents(db, n)
        port = _free_port()
        cmd = [sys.executable, "-c", "from crisisledger.cli import main; main()", "serve", "--db", db,
               "--port", str(port), "--tokens", str(Path(tmp) / "tokens.json")]  # fmt: skip
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, start_new_session=True)
        try:
            for _ in range(600):
                try:
                    httpx.get(
                        f"http://127.0.0.1:{port}/api/v1/incidents", params={"limit": 1}
                    ).raise_for_status()
                    break
                except httpx.HTTPError:
                    time.sleep(0.1)
            in_page, wall, count = _loads(f"http://127.0.0.1:{port}/", runs)
        finally:
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(timeout=20)
    return {"incidents": n, "runs": runs, "first_load_ms": round(statistics.median(in_page)),
            "wall_ms": round(statistics.median(wall)), "all_first_load_ms": [round(x) for x in in_page],
            "count_shown": count}  # fmt: skip


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="incidents (default 10,000)")
    args = parser.parse_args()
    print(json.dumps(run(args.limit), indent=1))
