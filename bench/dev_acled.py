"""Development check on ACLED *training* files, left out of what the model and gazetteer learn.

For work on geo, figures and event types without looking at the held-out files: the chosen
training files (`--files`, parts of file names) are left out of the ACLED place table and, with
`--retrain`, of the event classifier; then a sample of their notes is extracted in-process and
scored like `acled.py` scores the held-out files. `--errors N` prints N misses per measure.

    .venv/bin/python bench/dev_acled.py --files somalia_2025 burkina --limit 400 --errors 10
"""

from __future__ import annotations

import argparse
import json
import tempfile
from pathlib import Path
from typing import Any

import build_acled_places
from acled import _country_hit, _names_its_place
from common import SHARED_BENCH, event_distance_km, f1_scores, names_part, share
from crisisledger.extractors.acled_csv import HOLDOUT_FILES, AcledRow, is_holdout, read_acled

DEFAULT_FILES = ("somalia_2025", "burkina", "south_sudan")


def _sample(rows: list[AcledRow], limit: int) -> list[AcledRow]:
    rows = [r for r in rows if r.notes.strip()]
    step = max(1, len(rows) // limit)
    return rows[::step][:limit]


def _leave_out(parts: tuple[str, ...], tmp: Path, retrain: bool) -> None:
    """Point the gazetteer (and the classifier) at tables built without the dev files."""
    from crisisledger.geo import gazetteer

    places = tmp / "acled_places.tsv.gz"
    build_acled_places.main(["--exclude", *parts, "--out", str(places)])
    gazetteer.SHIPPED_EXTRA = places
    gazetteer._default.cache_clear()
    if retrain:
        from crisisledger.extractors import actor_names, classifier

        paths = sorted((SHARED_BENCH / "acled").glob("*.csv*"))
        report = classifier.train(paths, tmp, holdout=HOLDOUT_FILES + parts)
        print(f"retrained without the dev files: {report}")
        classifier.MODEL_PATH = tmp / classifier.MODEL_PATH.name
        classifier.load_classifier.cache_clear()
        actor_names.TABLE_PATH = tmp / actor_names.TABLE_PATH.name


def _show(title: str, misses: list[tuple[AcledRow, Any, str]], n: int) -> None:
    if not n or not misses:
        return
    print(f"\n## {title}: {len(misses)} misses, first {min(n, len(misses))}")
    for row, _, got in misses[:n]:
        print(
            f"- gold: {row.country}/{row.admin1}/{row.admin2}/{row.location} "
            f"{row.event_type}/{row.sub_event_type} fat={row.fatalities}"
            f"\n  got: {got}\n  note: {row.notes[:600]}"
        )


def _got(event: dict[str, Any] | None) -> str:
    e = event or {}
    loc = e.get("location") or {}
    return (
        f"{loc.get('country_code')}/{loc.get('admin1')}/{loc.get('name')} ({loc.get('precision')}) "
        f"{e.get('event_type')}/{e.get('sub_event_type')} fat={e.get('fatalities')}"
    )


def _killed_figures(record: Any) -> list[str]:
    """The killed figures of a record's main event, each as "value: text"."""
    main = record.main_event
    if main is None:
        return []
    return [
        f"{record.figures[i].value}: {record.figures[i].text}"
        for i in main.figures
        if record.figures[i].kind == "killed"
    ]


def _dump(path: Path, files: list[str], pairs: list[tuple[AcledRow, Any]], dists: list[float | None]) -> None:
    """One JSON line per note: file, gold place, what was found, distance, for comparing two runs."""
    with open(path, "w", encoding="utf-8") as fh:
        for name, (row, event), km in zip(files, pairs, dists, strict=True):
            gold = f"{row.country}/{row.admin1}/{row.admin2}/{row.location}"
            hit = _country_hit(event, row.country)
            line = {"file": name, "gold": gold, "got": _got(event), "km": km, "country": hit}
            fh.write(json.dumps({**line, "note": row.notes[:300]}) + "\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--files", nargs="*", default=list(DEFAULT_FILES), help="parts of training file names"
    )
    parser.add_argument("--limit", type=int, default=300, help="notes per file, spread over the file")
    parser.add_argument("--retrain", action="store_true", help="also retrain the classifier without them")
    parser.add_argument("--errors", type=int, default=0, help="misses to print per measure")
    parser.add_argument("--dump", type=Path, help="write one JSON line per note (gold, got, km) here")
    parser.add_argument(
        "--only",
        choices=("country", "25km", "fatalities", "event_type"),
        help="print misses of this measure only",
    )
    args = parser.parse_args(argv)
    folder = SHARED_BENCH / "acled"
    if not folder.is_dir():
        print(f"{folder} not found")
        return 1
    parts = tuple(args.files)
    paths = [
        p
        for p in sorted(folder.glob("*.csv*"))
        if any(names_part(p.name, k) for k in parts) and not is_holdout(p)
    ]
    if not paths:
        print(f"no training file matches {parts}")
        return 1
    sampled = [(p.name, r) for p in paths for r in _sample(read_acled(p), args.limit)]
    rows = [r for _, r in sampled]
    with tempfile.TemporaryDirectory() as tmp:
        _leave_out(parts, Path(tmp), args.retrain)
        from crisisledger.model import Article
        from crisisledger.pipeline import extract_articles

        articles = [Article(id=f"dev-{i}", text=r.notes, published=r.event_date) for i, r in enumerate(rows)]
        records = list(extract_articles(articles))
    mains = [r.model_dump(mode="json").get("main_event") for r in records]
    told = [_killed_figures(r) for r in records]
    pairs = list(zip(rows, mains, strict=True))
    dists = [event_distance_km(e, r.latitude, r.longitude) for r, e in pairs]
    weighted, _ = f1_scores(
        [r.sub_event_type or "" for r, _ in pairs],
        [(e or {}).get("sub_event_type") or "(none)" for _, e in pairs],
    )
    named = [(r, e) for r, e in pairs if _names_its_place(r)]
    if args.dump:
        _dump(args.dump, [name for name, _ in sampled], pairs, dists)
    fat = [((e or {}).get("fatalities") or 0) == r.fatalities for r, e in pairs]
    print(f"\nfiles: {[p.name for p in paths]}  notes: {len(rows)}")
    print(f"event_type       {share([(e or {}).get('event_type') == r.event_type for r, e in pairs]):.3f}")
    print(f"sub_type wF1     {weighted:.3f}")
    print(
        f"fatalities exact {share(fat):.3f}   gold>0: "
        f"{share([h for (r, _), h in zip(pairs, fat, strict=True) if (r.fatalities or 0) > 0]):.3f}"
    )
    print(
        f"country          {share([_country_hit(e, r.country) for r, e in pairs]):.3f}   "
        f"on notes naming a place: {share([_country_hit(e, r.country) for r, e in named]):.3f}"
    )
    print(
        f"within 25 km     {share([d is not None and d <= 25 for d in dists]):.3f}   "
        f"161 km: {share([d is not None and d <= 161 for d in dists]):.3f}"
    )
    n = args.errors
    shown = {args.only} if args.only else {"country", "25km", "fatalities", "event_type"}
    if "country" in shown:
        _show("country", [(r, e, _got(e)) for r, e in named if not _country_hit(e, r.country)], n)
    if "25km" in shown:
        _show(
            "25 km",
            [
                (r, e, _got(e))
                for (r, e), d in zip(pairs, dists, strict=True)
                if _country_hit(e, r.country) and not (d is not None and d <= 25)
            ],
            n,
        )
    if "fatalities" in shown:
        _show(
            "fatalities",
            [(r, e, f"{_got(e)} from {t}") for (r, e), h, t in zip(pairs, fat, told, strict=True) if not h],
            n,
        )
    if "event_type" in shown:
        _show(
            "event_type",
            [(r, e, _got(e)) for r, e in pairs if (e or {}).get("event_type") != r.event_type],
            n,
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
