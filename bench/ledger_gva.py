"""The ledger on Gun Violence Archive: group articles into incidents, reconcile tolls, ingest speed.

Every GVA article is ingested into a temporary SQLite ledger through the real pipeline
(triage → extraction → `Ledger.add_records` → `Ledger.resolve`, as `crisisledger ingest` does).
Scored against GVA's `incident_id`:
- B-cubed precision / recall / F1 of the grouping of articles into incidents (an article in
  no incident, because no event was found in it, is a cluster of its own; an article whose events
  are in several incidents belongs to the one holding its main event);
- killed / injured exact: for each gold incident, the ledger incident holding most of its
  articles reports exactly `num_killed` / `num_injured` (a missing figure counts as 0) as its
  `fatalities` / `injured`: the toll most of its reports give, else the conservative figure. For
  comparison only (no goal), the same with the incident's latest reported total (GVA's own figure
  is its final count);
- ingest speed in articles/s on SQLite (extraction included) and the resolve time.

    .venv/bin/python bench/ledger_gva.py [--limit N_INCIDENTS] [--half even|odd] [--db PATH]

`--half even` keeps the incidents with an even GVA incident_id (the development half), `--half odd`
the others. `--db PATH` keeps the ingested ledger at PATH; when PATH exists it is not ingested again,
only re-resolved (from scratch) on a copy, so resolution rules can be compared quickly.
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
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


def load(limit: int | None, half: str | None = None) -> tuple[list[Any], dict[str, dict[str, Any]]]:
    """(articles, gold) for the first `limit` incidents (of one `half`, "even" or "odd", if given):
    Article objects and gold per article id."""
    from crisisledger.model import Article

    articles, gold = [], {}
    incidents = iter_jsonl(PATH)
    if half:
        incidents = (i for i in incidents if int(i["incident_id"]) % 2 == (half == "odd"))
    for incident in islice(incidents, limit):
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


def _ingest(db: Path, articles: list[Any]) -> float:
    """Ingest `articles` into the ledger at `db`; returns the seconds taken."""
    from crisisledger.pipeline import records_to_store
    from crisisledger.store import Ledger

    with Ledger.open(db) as ledger:
        start = time.perf_counter()
        for i in range(0, len(articles), BATCH):
            pairs, _ = records_to_store(ledger, articles[i : i + BATCH])
            ledger.add_records(pairs, batch_size=BATCH)
            print(f"\r[{NAME}] {min(i + BATCH, len(articles))}/{len(articles)} articles", end="", flush=True)
        print()
        return time.perf_counter() - start


def _resolve(db: Path) -> tuple[int, float, list[dict[str, Any]], dict[int, list[str]]]:
    """Resolve the ledger at `db` from scratch: (incident count, seconds, incidents, and per main event
    the ids its article was ingested under)."""
    import sqlite3
    from contextlib import closing

    from crisisledger.store import Ledger

    with closing(sqlite3.connect(db)) as conn, conn:  # from scratch: no incident kept from an earlier resolve
        conn.execute("DELETE FROM incident_events")
        conn.execute("DELETE FROM incidents")
        main: dict[int, list[str]] = {}
        for eid, aid, alias in conn.execute(
            "SELECT e.id, e.article_id, a.id FROM events e LEFT JOIN article_aliases a"
            " ON a.article_id = e.article_id WHERE e.is_main"
        ):
            main.setdefault(eid, [aid]).extend([alias] if alias else [])
    with Ledger.open(db) as ledger:
        start = time.perf_counter()
        n_incidents = ledger.resolve()
        resolve_s = time.perf_counter() - start
        return n_incidents, resolve_s, ledger.incidents(), main


def _latest(incident: dict[str, Any] | None, kind: str, field: str) -> int:
    """The incident's latest reported total of `kind` (ties: the highest), else its `field` (0 if none)."""
    if incident is None:
        return 0
    dated = [e for e in (incident.get("timeline") or {}).get(kind, []) if e.get("date")]
    if dated:
        return int(max(dated, key=lambda e: (e["date"], e["value"]))["value"])
    return int(incident.get(field) or 0)


def scores(limit: int | None = None, half: str | None = None, db: Path | None = None) -> dict[str, Any]:
    """Ingest (unless `db` exists) and score; returns the numbers as a dict."""
    articles, gold = load(limit, half)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp) / "ledger.db"
        if db is not None and db.exists():
            shutil.copyfile(db, work)
            ingest_s = None
        else:
            ingest_s = _ingest(work, articles)
            if db is not None:
                shutil.copyfile(work, db)
        n_incidents, resolve_s, found, main = _resolve(work)
    pred = {aid: f"solo:{aid}" for aid in gold}
    by_id = {}
    for inc in found:  # an article with events in several incidents belongs to its main event's
        by_id[inc["id"]] = inc
        mains = {aid for eid in inc["event_ids"] for aid in main.get(eid, ())}
        for aid in inc["article_ids"]:
            if aid in pred and (pred[aid].startswith("solo:") or aid in mains):
                pred[aid] = f"inc:{inc['id']}"
    gold_ids = {aid: str(inc["incident_id"]) for aid, inc in gold.items()}
    p, r, f = bcubed(gold_ids, pred)
    killed = injured = latest_killed = latest_injured = 0
    incidents = {str(inc["incident_id"]): inc for inc in gold.values()}
    members: dict[str, list[str]] = {}
    for aid, gid in gold_ids.items():
        members.setdefault(gid, []).append(aid)
    for gid, g in incidents.items():
        votes = Counter(pred[a] for a in members[gid] if pred[a].startswith("inc:"))
        best = by_id[int(votes.most_common(1)[0][0][4:])] if votes else None
        true_killed, true_injured = int(g.get("num_killed") or 0), int(g.get("num_injured") or 0)
        killed += (best["fatalities"] if best else 0) == true_killed
        injured += ((best["injured"] if best else None) or 0) == true_injured
        latest_killed += _latest(best, "killed", "fatalities") == true_killed
        latest_injured += _latest(best, "injured", "injured") == true_injured
    n = len(incidents)
    return {"articles": len(articles), "gold_incidents": n, "ledger_incidents": n_incidents,
            "bcubed_precision": p, "bcubed_recall": r, "bcubed_f1": f,
            "killed_exact": killed / n if n else None, "injured_exact": injured / n if n else None,
            "killed_latest_exact": latest_killed / n if n else None,
            "injured_latest_exact": latest_injured / n if n else None,
            "ingest_seconds": ingest_s, "articles_per_s": len(articles) / ingest_s if ingest_s else None,
            "resolve_seconds": resolve_s, "pred": pred, "gold": gold_ids, "found": by_id}  # fmt: skip


def run(limit: int | None = None, half: str | None = None, db: Path | None = None) -> list[Metric]:
    """`bench/run.py` entry: `limit` is a number of GVA incidents."""
    if not PATH.is_file():
        print(f"[{NAME}] skipped: {PATH.name} not found")
        return []
    s = scores(limit, half, db)
    n, m = s["gold_incidents"], s["articles"]
    note = f"{m} articles, {s['ledger_incidents']} ledger incidents"
    return [
        Metric(NAME, "B-cubed precision", s["bcubed_precision"], m),
        Metric(NAME, "B-cubed recall", s["bcubed_recall"], m),
        Metric(NAME, "B-cubed F1", s["bcubed_f1"], m, goal=0.95, note=note),
        Metric(NAME, "incident killed exact", s["killed_exact"], n, goal=0.90),
        Metric(NAME, "incident injured exact", s["injured_exact"], n, goal=0.80),
        Metric(NAME, "incident killed exact, latest report", s["killed_latest_exact"], n),
        Metric(NAME, "incident injured exact, latest report", s["injured_latest_exact"], n),
        Metric(NAME, "ingest speed (SQLite, extraction included)", s["articles_per_s"], m, unit="articles/s"),
        Metric(NAME, "resolve time", s["resolve_seconds"], n, unit="s"),
    ]


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, help="number of GVA incidents (default: all)")
    parser.add_argument("--half", choices=("even", "odd"), help="only incidents with an even or odd id")
    parser.add_argument("--db", type=Path, help="keep the ingested ledger here; reuse it when it exists")
    args = parser.parse_args()
    for metric in run(args.limit, args.half, args.db):
        print(f"{metric.name:45} {metric.formatted():>16}  n={metric.n}  {metric.note}")
