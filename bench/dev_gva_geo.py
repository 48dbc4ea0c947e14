"""Development check of US place resolution on GVA news: the dev half (even incident ids) by default.

Runs the in-process pipeline on the articles of one half, scores "location within 25 km" like `gva.py`
and prints misses with GVA's gold city/state/county next to our location. Like `extract_batch`, a page
whose text tells no event gets the event its title tells. spaCy's annotations are cached under /tmp
(the place resolution is re-run each time), so iterating on geo code is quick; with `--fast` the main
events' evidence spans are cached too (re-run without it after extractor changes) and only the place of
each is resolved again.

    .venv/bin/python bench/dev_gva_geo.py --errors 40            # even ids (dev)
    .venv/bin/python bench/dev_gva_geo.py --fast --errors 40     # geo only, cached event spans
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


def _docs(name: str, articles: list[Article], refresh: bool) -> list[Any]:
    from crisisledger.nlp.pipeline import analyse

    path = Path(f"/tmp/crisisledger_dev_gva_{name}_docs.pkl")
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


# where each article's main event is told: (in the title?, evidence start, end), or None
Spans = list[tuple[bool, int, int] | None]


def _titles(half: str, docs: list[Any], untold: list[int], refresh: bool) -> list[Any]:
    """The annotated titles of the pages `untold` (whose text tells no event), by page (None elsewhere)."""
    heads = [docs[i].article.model_copy(update={"text": docs[i].article.title}) for i in untold]
    titles: list[Any] = [None] * len(docs)
    for i, doc in zip(untold, _docs(f"{half}_titles", heads, refresh), strict=True):
        titles[i] = doc
    return titles


def _main_spans(half: str, docs: list[Any], refresh: bool) -> tuple[Spans, list[int]]:
    """The main event's evidence span of every article, read as `extract_batch` does (the title's event
    for a page whose text tells none), and the pages whose title was read."""
    from crisisledger.extractors.record import TITLE_EVENT_TYPES, build_record

    spans: Spans = []
    for doc in docs:
        event = build_record(doc).main_event
        spans.append(None if event is None else (False, event.evidence.start, event.evidence.end))
    untold = [i for i, s in enumerate(spans) if s is None and (docs[i].article.title or "").strip()]
    for i, doc in enumerate(_titles(half, docs, untold, refresh)):
        event = build_record(doc).main_event if doc is not None else None
        if event is not None and (event.figures or event.event_type in TITLE_EVENT_TYPES):
            spans[i] = (True, event.evidence.start, event.evidence.end)
    return spans, untold


def _cached_spans(half: str, docs: list[Any], refresh: bool, fast: bool) -> tuple[Spans, list[Any]]:
    """`_main_spans`, from the cache with `fast`; and the title documents by page."""
    path = Path(f"/tmp/crisisledger_dev_gva_{half}_spans.pkl")
    ids = [d.article.id for d in docs]
    if fast and path.exists() and not refresh:
        with path.open("rb") as fh:
            cached_ids, spans, untold = pickle.load(fh)
        if cached_ids == ids:
            return spans, _titles(half, docs, untold, False)
    spans, untold = _main_spans(half, docs, refresh)
    with path.open("wb") as fh:
        pickle.dump((ids, spans, untold), fh)
    return spans, _titles(half, docs, untold, False)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--half", choices=("even", "odd"), default="even")
    ap.add_argument("--errors", type=int, default=30, help="misses to print (dev half only)")
    ap.add_argument("--seed", type=int, default=0, help="shuffle the printed misses")
    ap.add_argument("--refresh", action="store_true", help="re-run spaCy instead of the cache")
    ap.add_argument("--fast", action="store_true", help="cached main-event spans: re-resolve places only")
    ap.add_argument("--no-url", action="store_true", help="leave out the page address (outlet host cue)")
    ap.add_argument("--text", type=int, default=300, help="characters of text to print per miss")
    args = ap.parse_args(argv)

    from crisisledger.geo.resolve import event_location

    items = _articles(args.half, not args.no_url)
    docs = _docs(args.half, [a for _, _, a in items], args.refresh)
    start = time.perf_counter()
    spans, titles = _cached_spans(args.half, docs, args.refresh, args.fast)
    near, misses = [], []
    for (incident, art, _), doc, span, head in zip(items, docs, spans, titles, strict=True):
        loc = None if span is None else event_location(head if span[0] else doc, span[1], span[2])
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
    score = f"{100 * rate:.1f}% ({sum(near)} of {len(near)})"
    print(f"[{args.half}] location within 25 km: {score} ({secs:.1f} s geo+extract)")
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
