"""The ledger on Gun Violence Archive: group articles into incidents, reconcile tolls, ingest speed.

Every GVA article is ingested into a temporary SQLite ledger through the real pipeline
(triage → extraction → `Ledger.add_records` → `Ledger.resolve`, as `crisisledger ingest` does).
Scored against GVA's `incident_id`:
- B-cubed precision / recall / F1 of the grouping of articles into incidents (an article in
  no incident, because no event was found in it, is a cluster of its own);
- killed / injured exact: for each gold incident, the ledger incident holding most of its
  articles reports exactly `num_killed` / `num_injured` (a missing figure counts as 0);
- ingest speed in articles/s on SQLite (extraction included) and the resolve time.

    .venv/bin/python bench/ledger_gva.py [--limit N_INCIDENTS]
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
import time
from collections import Counter
from itertools import islice
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import SHARED_BENCH, Metric, iter_jsonl

NAME = "ledger_gva"
PATH = SHARED_BENCH / "gva" / "gva_2014-2016.jsonl.gz"
BATCH = 50


def _date(value: str) -> dt.date | None:
    for fmt in ("%Y-%m-%d", "%B %d, %Y"):
        try:
            return dt.datetime.strptime(value.strip(), fmt).date()
        except ValueError:
            continue
    return None


def load(limit: int | None) -> tuple[list[Any], dict[str, dict[str, Any]]]:
    """(articles, gold) for the first `limit` incidents: Article objects and gold per article id."""
    from crisisledger.model import Article

    articles, gold = [], {}
    for incident in islice(iter_jsonl(PATH), limit):
        for a in incident.get("articles") or []:
            if not (a.get("content") or "").strip():
                continue
            aid = f"gva:{incident['incident_id']}:{a['id']}"
            published = _date(a.get("dct") or "") or _date(incident.get("date") or "")
            articles.append(Article(id=aid, text=a["content"], title=a.get("title") or None,
                                    published=published, url=a.get("uri") or None))  # fmt: skip
            gold[aid] = incident
    return articles, gold


def bcubed(gold: dict[str, str], pred: dict[str, str]) -> tuple[float, float, float]:
    """B-cubed precision, recall, F1 of clustering `pred` (item → cluster) against `gold`."""
    g_members: dict[str, set[str]] = {}
    p_members: dict[str, set[str]] = {}
    for item in gold:
        g_members.setdefault(gold[item], set()).add(item)
        p_members.setdefault(pred[item], set()).add(item)
    p = r = 0.0
    for item in gold:
        same = len(g_members[gold[item]] & p_members[pred[item]])
        p += same / len(p_members[pred[item]])
        r += same / len(g_members[gold[item]])
    p, r = p / len(gold), r / len(gold)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def scores(limit: int | None = None) -> dict[str, Any]:
    """Ingest and score; returns the numbers as a dict."""
    from crisisledger.pipeline import records_to_store
    from crisisledger.store import Ledger

    articles, gold = load(limit)
    with tempfile.TemporaryDirectory() as tmp, Ledger.open(Path(tmp) / "ledger.db") as ledger:
        start = time.perf_counter()
        for i in range(0, len(articles), BATCH):
            pairs, _ = records_to_store(ledger, articles[i : i + BATCH])
            ledger.add_records(pairs, batch_size=BATCH)
            print(f"\r[{NAME}] {min(i + BATCH, len(articles))}/{len(articles)} articles", end="", flush=True)
        ingest_s = time.perf_counter() - start
        start = time.perf_counter()
        n_incidents = ledger.resolve()
        resolve_s = time.perf_counter() - start
        found = ledger.incidents()
    print()
    pred = {aid: f"solo:{aid}" for aid in gold}
    by_id = {}
    for inc in found:
        by_id[inc["id"]] = inc
        for aid in inc["article_ids"]:
            if aid in pred:
                pred[aid] = f"inc:{inc['id']}"
    gold_ids = {aid: str(inc["incident_id"]) for aid, inc in gold.items()}
    p, r, f = bcubed(gold_ids, pred)
    killed = injured = 0
    incidents = {str(inc["incident_id"]): inc for inc in gold.values()}
    for gid, g in incidents.items():
        votes = Counter(pred[a] for a, x in gold_ids.items() if x == gid and pred[a].startswith("inc:"))
        best = by_id[int(votes.most_common(1)[0][0][4:])] if votes else None
        killed += (best["fatalities"] if best else 0) == int(g.get("num_killed") or 0)
        injured += ((best["injured"] if best else None) or 0) == int(g.get("num_injured") or 0)
    n = len(incidents)
    return {"articles": len(articles), "gold_incidents": n, "ledger_incidents": n_incidents,
            "bcubed_precision": p, "bcubed_recall": r, "bcubed_f1": f,
            "killed_exact": killed / n if n else None, "injured_exact": injured / n if n else None,
            "ingest_seconds": ingest_s, "articles_per_s": len(articles) / ingest_s if ingest_s else None,
            "resolve_seconds": resolve_s}  # fmt: skip


def run(limit: int | None = None) -> list[Metric]:
    """`bench/run.py` entry: `limit` is a number of GVA incidents."""
    if not PATH.is_file():
        print(f"[{NAME}] skipped: {PATH.name} not found")
        return []
    s = scores(limit)
    n, m = s["gold_incidents"], s["articles"]
    note = f"{m} articles, {s['ledger_incidents']} ledger incidents"
    return [
        Metric(NAME, "B-cubed precision", s["bcubed_precision"], m),
        Metric(NAME, "B-cubed recall", s["bcubed_recall"], m),
        Metric(NAME, "B-cubed F1", s["bcubed_f1"], m, goal=0.95, note=note),
        Metric(NAME, "incident killed exact", s["killed_exact"], n, goal=0.90),
        Metric(NAME, "incident injured exact", s["injured_exact"], n, goal=0.80),
        Metric(NAME, "ingest speed (SQLite, extraction included)", s["articles_per_s"], m, unit="articles/s"),
        Metric(NAME, "resolve time", s["resolve_seconds"], n, unit="s"),
    ]


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, help="number of GVA incidents (default: all)")
    args = parser.parse_args()
    for metric in run(args.limit):
        print(f"{metric.name:45} {metric.formatted():>16}  n={metric.n}  {metric.note}")
