"""`crisisledger ingest` speed on SQLite and PostgreSQL: the same GVA articles through the CLI.

Each backend gets a fresh ledger (a temporary SQLite file; a throw-away PostgreSQL schema). The
first run extracts, stores and resolves every article; the second run is the same command again,
which must add nothing (ingest is idempotent) and shows the cost of skipping known articles.

    .venv/bin/python bench/ledger_ingest.py [--limit N_ARTICLES]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import tempfile
import time
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path

import gva
from common import CLI, SHARED_BENCH, Metric

NAME = "ledger_ingest"
DEFAULT_ARTICLES = 1000


def _articles(limit: int) -> list[dict[str, str]]:
    out = []
    for i, (incident, article) in enumerate(gva.load(limit)):
        published = gva._date(article.get("dct") or "") or gva._date(incident.get("date") or "")
        item = {"id": f"gva-{i}", "text": article["content"], "published": published}
        out.append({k: v for k, v in item.items() if v})
    return out


def _ingest(db: str, path: Path) -> tuple[float, str]:
    start = time.perf_counter()
    done = subprocess.run(
        [str(CLI), "ingest", "--db", db, "--no-progress", str(path)], capture_output=True, text=True
    )
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise RuntimeError(f"ingest failed ({done.returncode}): {done.stderr[-500:]}")
    return seconds, (done.stdout + done.stderr).strip().splitlines()[-1]


def _ledger(backend: str, tmp: Path) -> AbstractContextManager[str] | None:
    if backend == "sqlite":
        return nullcontext(str(tmp / "ledger.db"))
    from crisisledger.store.testing import pg_schema, server_available

    return pg_schema() if server_available() else None


def run(limit: int | None = None) -> list[Metric]:
    if not (SHARED_BENCH / "gva" / "gva_2014-2016.jsonl.gz").is_file():
        print(f"[{NAME}] skipped: gva_2014-2016.jsonl.gz not found")
        return []
    articles = _articles(limit or DEFAULT_ARTICLES)
    out: list[Metric] = []
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "articles.jsonl"
        path.write_text("".join(json.dumps(a) + "\n" for a in articles), encoding="utf-8")
        for backend in ("sqlite", "postgresql"):
            ledger = _ledger(backend, Path(tmp))
            if ledger is None:
                print(f"[{NAME}] {backend} skipped: server unavailable")
                continue
            with ledger as db:
                print(f"[{NAME}] ingesting {len(articles)} GVA articles into {backend} …", flush=True)
                first, summary = _ingest(db, path)
                again, again_summary = _ingest(db, path)
            n = len(articles)
            out += [
                Metric(NAME, f"ingest speed ({backend})", n / first, n, unit="articles/s",
                       note=f"{first:.0f} s, extraction and resolve included; {summary}"),
                Metric(NAME, f"re-ingest of the same files ({backend})", n / again, n, unit="articles/s",
                       note=f"{again:.1f} s; {again_summary}"),
            ]  # fmt: skip
    return out


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, help=f"number of GVA articles (default {DEFAULT_ARTICLES:,})")
    args = parser.parse_args()
    for metric in run(args.limit):
        print(f"{metric.name:40} {metric.formatted():>18}  n={metric.n}  {metric.note}")
