"""Development check of US place resolution on GVA news: the dev half (even incident ids) by default.

Runs the in-process pipeline on the articles of one half, scores "location within 25 km" like `gva.py`
and prints misses with GVA's gold city/state/county next to our location. spaCy's annotations are
cached under /tmp (the place resolution is re-run each time), so iterating on geo code is quick.

    .venv/bin/python bench/dev_gva_geo.py --errors 40            # even ids (dev)
    .venv/bin/python bench/dev_gva_geo.py --half odd --errors 0  # the other half: score only
"""

from __future__ import annotations

import argparse
import pickle
import random
import time
from pathlib import Path
from typing import Any

from common import haversine_km, share
from crisisledger.model import Article
from gva import _date, load


def _articles(half: str, url: bool) -> list[tuple[dict[str, Any], dict[str, Any], Article]]:
    want = 0 if half == "even" else 1
    out = []
    for i, (incident, art) in enumerate(load()):
        if int(incident["incident_id"]) % 2 != want or incident.get("latitude") is None:
            continue
        published = _date(art.get("dct") or "") or _date(incident.get("date") or "")
        article = Article(
            id=f"gva-{i}",
            text=art["content"],
            title=art.get("title") or None,
            published=published,  # type: ignore[arg-type]
            url=(art.get("uri") or None) if url else None,
        )
        out.append((incident, art, article))
    return out


def _docs(half: str, articles: list[Article], refresh: bool) -> list[Any]:
    from crisisledger.nlp.pipeline import analyse

    path = Path(f"/tmp/crisisledger_dev_gva_{half}_docs.pkl")
    if path.exists() and not refresh:
        with path.open("rb") as fh:
            docs = pickle.load(fh)
        if [d.article.id for d in docs] == [a.id for a in articles]:
            for doc, article in zip(docs, articles, strict=True):
                doc.article = article  # the cached annotations, this run's input fields (url)
            return docs
    docs = analyse(articles)
    with path.open("wb") as fh:
        pickle.dump(docs, fh)
    return docs


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--half", choices=("even", "odd"), default="even")
    ap.add_argument("--errors", type=int, default=30, help="misses to print (dev half only)")
    ap.add_argument("--seed", type=int, default=0, help="shuffle the printed misses")
    ap.add_argument("--refresh", action="store_true", help="re-run spaCy instead of the cache")
    ap.add_argument("--no-url", action="store_true", help="leave out the page address (outlet host cue)")
    ap.add_argument("--text", type=int, default=300, help="characters of text to print per miss")
    args = ap.parse_args(argv)

    from crisisledger.extractors.record import build_record

    items = _articles(args.half, not args.no_url)
    docs = _docs(args.half, [a for _, _, a in items], args.refresh)
    start = time.perf_counter()
    near, misses = [], []
    for (incident, art, _), doc in zip(items, docs, strict=True):
        event = build_record(doc).main_event
        loc = event.location if event else None
        glat, glon = float(incident["latitude"]), float(incident["longitude"])
        dist = None
        if loc is not None and loc.lat is not None and loc.lon is not None:
            dist = haversine_km(loc.lat, loc.lon, glat, glon)
        ok = dist is not None and dist <= 25
        near.append(ok)
        if not ok:
            misses.append((incident, art, loc, dist))
    secs = time.perf_counter() - start
    rate = share(near) or 0.0
    print(f"[{args.half}] location within 25 km: {100 * rate:.1f}% of {len(near)} ({secs:.1f} s geo+extract)")
    if args.half != "even" or not args.errors:
        return 0
    random.Random(args.seed).shuffle(misses)
    for incident, art, loc, dist in misses[: args.errors]:
        gold = f"{incident.get('city_or_county')}, {incident.get('state')} | {incident.get('address') or ''}"
        ours = "none" if loc is None else f"{loc.name}, {loc.admin2}, {loc.admin1} ({loc.precision})"
        far = "-" if dist is None else f"{dist:.0f} km"
        text = " ".join(art["content"].split())[: args.text]
        print(f"\n- #{incident['incident_id']} gold: {gold}\n  ours: {ours} [{far}]")
        print(f"  title: {art.get('title')}\n  url: {art.get('uri')}\n  text: {text}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
