"""Gun Violence Archive: killed / injured / location per news article, and extraction speed."""

from __future__ import annotations

import datetime as dt
from typing import Any

from common import SHARED_BENCH, Metric, event_distance_km, iter_jsonl, run_extract, share, states_number

NAME = "gva"
MIN_CHARS = 200  # shorter "articles" are crawl boilerplate (see the data README)


def _date(value: str) -> str | None:
    for fmt in ("%Y-%m-%d", "%B %d, %Y"):
        try:
            return dt.datetime.strptime(value.strip(), fmt).date().isoformat()
        except ValueError:
            continue
    return None


def load(limit: int | None = None) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    """(incident, article) pairs of articles with real content."""
    path = SHARED_BENCH / "gva" / "gva_2014-2016.jsonl.gz"
    pairs = []
    for incident in iter_jsonl(path):
        for article in incident.get("articles") or []:
            if len(article.get("content") or "") >= MIN_CHARS:
                pairs.append((incident, article))
    return pairs[:limit] if limit else pairs


def run(limit: int | None = None) -> list[Metric]:
    if not (SHARED_BENCH / "gva" / "gva_2014-2016.jsonl.gz").is_file():
        print("[gva] skipped: gva_2014-2016.jsonl.gz not found")
        return []
    pairs = load(limit)
    articles = []
    for i, (incident, article) in enumerate(pairs):
        item = {
            "id": f"gva-{i}",
            "text": article["content"],
            "title": article.get("title") or None,
            "url": article.get("uri") or None,  # the page's (archived) address, as the contract allows
        }
        published = _date(article.get("dct") or "") or _date(incident.get("date") or "")
        if published:
            item["published"] = published
        articles.append({k: v for k, v in item.items() if v is not None})
    print(f"[gva] extracting {len(articles)} articles …", flush=True)
    result = run_extract(articles)
    killed, injured, killed_s, injured_s, near = [], [], [], [], []
    for art, (incident, article) in zip(articles, pairs, strict=True):
        event = (result.records.get(art["id"]) or {}).get("main_event")
        text = article["content"]
        gold_k, gold_i = int(incident.get("num_killed") or 0), int(incident.get("num_injured") or 0)
        ours_k = (event or {}).get("fatalities") or 0
        ours_i = (event or {}).get("injured") or 0
        killed.append(ours_k == gold_k)
        injured.append(ours_i == gold_i)
        if gold_k > 0 and states_number(text, gold_k):
            killed_s.append(ours_k == gold_k)
        if gold_i > 0 and states_number(text, gold_i):
            injured_s.append(ours_i == gold_i)
        if incident.get("latitude") is not None:
            dist = event_distance_km(event, float(incident["latitude"]), float(incident["longitude"]))
            near.append(dist is not None and dist <= 25)
    n = len(articles)
    return [
        Metric(NAME, "killed exact", share(killed), n, 0.85),
        Metric(NAME, "killed exact (number stated in text)", share(killed_s), len(killed_s)),
        Metric(NAME, "injured exact", share(injured), n, 0.75),
        Metric(NAME, "injured exact (number stated in text)", share(injured_s), len(injured_s)),
        Metric(NAME, "location within 25 km", share(near), len(near), 0.85),
        Metric(
            "speed",
            "articles/s (GVA, wall time incl. start-up)",
            n / result.seconds if result.seconds else None,
            n,
            50,
            unit="/s",
            note=f"{result.seconds:.0f} s, exit {result.returncode}",
        ),
        Metric("speed", "peak RSS of extract", result.peak_rss_mb, n, unit="MB"),
    ]
