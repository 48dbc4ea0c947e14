"""Development check of killed / injured figures on the Gun Violence Archive, EVEN incident ids only.

The NLP step (sentences, spaCy entities) is cached in a temporary folder, so reruns only time the
extractors. Scores the main event's fatalities / injured as `gva.py` does (no main event = 0 / 0),
prints misses, and with `--save` / `--compare` lists the articles whose result changed.

    .venv/bin/python bench/dev_gva_figures.py --errors 20 --kind injured
"""

from __future__ import annotations

import argparse
import json
import pickle
import tempfile
from pathlib import Path
from typing import Any

from common import share, states_number
from gva import _date, load

CACHE = Path(tempfile.gettempdir()) / "crisisledger_dev_gva_docs.pkl"


def _docs(half: str) -> tuple[list[tuple[dict[str, Any], dict[str, Any]]], list[Any]]:
    from crisisledger.model import Article
    from crisisledger.nlp.pipeline import analyse

    pairs = [(i, a) for i, a in load() if (int(i["incident_id"]) % 2 == 0) == (half == "even")]
    cache = CACHE.with_suffix(f".{half}.pkl")
    if cache.is_file():
        return pairs, pickle.loads(cache.read_bytes())
    articles = []
    for n, (incident, article) in enumerate(pairs):
        published = _date(article.get("dct") or "") or _date(incident.get("date") or "")
        articles.append(
            Article(
                id=f"gva-{n}",
                text=article["content"],
                title=article.get("title") or None,
                published=published,
            )
        )
    docs = [d for k in range(0, len(articles), 64) for d in analyse(articles[k : k + 64])]
    cache.write_bytes(pickle.dumps(docs))
    return pairs, docs


def _titles(half: str, pairs: list[tuple[dict[str, Any], dict[str, Any]]], docs: list[Any]) -> list[Any]:
    """The NLP of each article's title (None without one), cached like the texts'."""
    from crisisledger.model import Article
    from crisisledger.nlp.pipeline import analyse

    cache = CACHE.with_suffix(f".{half}.titles.pkl")
    if cache.is_file():
        return list(pickle.loads(cache.read_bytes()))
    titled = [(n, (a.get("title") or "").strip()) for n, (_, a) in enumerate(pairs)]
    titled = [(n, t) for n, t in titled if t]
    heads = analyse([Article(id=f"t{n}", text=t, published=docs[n].article.published) for n, t in titled])
    out: list[Any] = [None] * len(pairs)
    for (n, _), doc in zip(titled, heads, strict=True):
        out[n] = doc
    cache.write_bytes(pickle.dumps(out))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--half", choices=["even", "odd"], default="even")
    parser.add_argument("--errors", type=int, default=0, help="misses to print")
    parser.add_argument("--kind", choices=["killed", "injured", "both"], default="both")
    parser.add_argument("--chars", type=int, default=600, help="article characters to print")
    parser.add_argument("--save", help="write per-article results to this JSON file")
    parser.add_argument("--compare", help="list articles whose result differs from this JSON file")
    parser.add_argument("--skip", type=int, default=0, help="skip the first N misses")
    parser.add_argument("--show", type=int, nargs="*", default=[], help="print these articles' figures")
    args = parser.parse_args(argv)
    if args.half == "odd" and args.errors:
        print("odd half: scores only")
        args.errors = 0
    from crisisledger.extractors.record import (
        build_record,
        build_title_record,
        needs_title,
        with_title,
    )

    pairs, docs = _docs(args.half)
    titles = _titles(args.half, pairs, docs)
    got: list[tuple[int, int]] = []
    figs_of: list[list[str]] = []
    for doc, title in zip(docs, titles, strict=True):
        record = build_record(doc, locate=None)
        if title is not None and needs_title(record):  # as `pipeline.extract_batch` does
            record = with_title(record, build_title_record(title, locate=None))
        figures, main = record.figures, record.main_event
        got.append(((main.fatalities or 0) if main else 0, (main.injured or 0) if main else 0))
        figs_of.append(
            [
                f"{f.kind}={f.value}{'/' + f.group if f.group else ''}{' (title)' * f.in_title} «{f.text}»"
                for f in figures
            ]
        )
    gold = [(int(i.get("num_killed") or 0), int(i.get("num_injured") or 0)) for i, _ in pairs]
    k_hit = [g[0] == o[0] for g, o in zip(gold, got, strict=True)]
    i_hit = [g[1] == o[1] for g, o in zip(gold, got, strict=True)]
    print(f"{args.half} half: {len(pairs)} articles")
    print(f"killed exact  {share(k_hit):.4f}   injured exact {share(i_hit):.4f}")
    texts = [a["content"] for _, a in pairs]
    for k, name in ((0, "killed"), (1, "injured")):
        stated = [
            g[k] == o[k]
            for g, o, t in zip(gold, got, texts, strict=True)
            if g[k] > 0 and states_number(t, g[k])
        ]
        over = sum(o[k] > g[k] for g, o in zip(gold, got, strict=True))
        under = sum(o[k] < g[k] for g, o in zip(gold, got, strict=True))
        print(f"{name:8} stated {share(stated):.4f} (n={len(stated)})   over {over}  under {under}")
    if args.save:
        Path(args.save).write_text(json.dumps(got))
    if args.compare:
        old = [tuple(x) for x in json.loads(Path(args.compare).read_text())]
        for n, (o, g, now) in enumerate(zip(old, gold, got, strict=True)):
            if o != now:
                mark = "+" if (now == g) > (o == g) else "-" if (o == g) > (now == g) else "~"
                print(f"{mark} #{n} gold={g} before={o} now={now}  {pairs[n][1].get('title') or ''}"[:160])
    for n in args.show:
        text = pairs[n][1]["content"][: args.chars].replace("\n", " ")
        print(f"\n#{n} gold={gold[n]} got={got[n]}\n  figures: {figs_of[n]}\n  text: {text}")
    shown = 0
    skipped = 0
    for n, ((_incident, article), g, o) in enumerate(zip(pairs, gold, got, strict=True)):
        if shown >= args.errors:
            break
        bad = (args.kind in ("killed", "both") and g[0] != o[0]) or (
            args.kind in ("injured", "both") and g[1] != o[1]
        )
        if not bad:
            continue
        if skipped < args.skip:
            skipped += 1
            continue
        shown += 1
        text = article["content"][: args.chars].replace("\n", " ")
        print(f"\n#{n} gold killed/injured={g} got={o}\n  figures: {figs_of[n][:12]}\n  text: {text}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
