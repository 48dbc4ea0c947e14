"""ACLED notes (held-out files only): types, fatalities, country, location, actor1."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from common import SHARED_BENCH, Metric, event_distance_km, f1_scores, run_extract, share
from crisisledger.extractors.acled_csv import AcledRow, is_holdout, read_acled

NAME = "acled"


def norm_actor(name: str) -> str:
    """Lower-case, drop ACLED's "(2013-)"/"(Kenya)" qualifiers and punctuation."""
    name = re.sub(r"\([^)]*\)", " ", name.lower())
    return " ".join(re.findall(r"\w+", name))


def _country_code(name: str) -> str | None:
    import pycountry

    try:
        return str(pycountry.countries.lookup(name).alpha_2)
    except LookupError:
        return None


def _country_hit(event: dict[str, Any] | None, gold: str) -> bool:
    loc = (event or {}).get("location") or {}
    if not loc:
        return False
    if loc.get("country") and norm_actor(loc["country"]) == norm_actor(gold):
        return True
    code = _country_code(gold)
    return bool(code and loc.get("country_code") and loc["country_code"].upper() == code)


def _names_its_place(row: AcledRow) -> bool:
    """Whether the note itself names the coded location, an admin area of it, or its country:
    without any of these the place can only be guessed, so this share caps location accuracy."""
    text = row.notes.lower()
    names = (row.location, row.admin1, row.admin2, row.country)
    return any(len(name) > 2 and name.lower() in text for name in names if name)


def _actor1(event: dict[str, Any] | None) -> str:
    for actor in (event or {}).get("actors") or []:
        if actor.get("role") == "actor1":
            return norm_actor(actor.get("name", ""))
    return ""


def run(limit: int | None = None) -> list[Metric]:
    folder = SHARED_BENCH / "acled"
    if not folder.is_dir():
        print(f"[acled] skipped: {folder} not found")
        return []
    rows: list[AcledRow] = []
    for path in sorted(Path(folder).glob("*.csv*")):
        if is_holdout(path):
            rows.extend([r for r in read_acled(path) if r.notes.strip()][:limit])
    articles = []
    for i, row in enumerate(rows):
        article = {"id": f"acled-{i}", "text": row.notes}
        if row.event_date:
            article["published"] = row.event_date.isoformat()
        articles.append(article)
    print(f"[acled] extracting {len(articles)} held-out notes …", flush=True)
    result = run_extract(articles)
    mains = [(result.records.get(a["id"]) or {}).get("main_event") for a in articles]
    n = len(rows)
    typed = [(r, e) for r, e in zip(rows, mains, strict=True) if r.sub_event_type]
    gold_sub = [r.sub_event_type or "" for r, _ in typed]
    pred_sub = [(e or {}).get("sub_event_type") or "(none)" for _, e in typed]
    weighted, macro = f1_scores(gold_sub, pred_sub)
    fatal = [(r, e) for r, e in zip(rows, mains, strict=True) if r.fatalities is not None]
    fatal_hits = [((e or {}).get("fatalities") or 0) == r.fatalities for r, e in fatal]
    pos = [hit for (r, _), hit in zip(fatal, fatal_hits, strict=True) if (r.fatalities or 0) > 0]
    dists = [
        event_distance_km(e, r.latitude, r.longitude) for r, e in zip(rows, mains, strict=True) if r.latitude
    ]
    actors = [(r, e) for r, e in zip(rows, mains, strict=True) if r.actor1]
    named = [(r, e) for r, e in zip(rows, mains, strict=True) if _names_its_place(r)]
    named_dists = [event_distance_km(e, r.latitude, r.longitude) for r, e in named if r.latitude]
    return [
        Metric(NAME, "records with a main event", share([e is not None for e in mains]), n),
        Metric(
            NAME,
            "event_type accuracy",
            share([(e or {}).get("event_type") == r.event_type for r, e in typed]),
            len(typed),
            0.95,
        ),
        Metric(
            NAME,
            "sub_event_type accuracy",
            share([g == p for g, p in zip(gold_sub, pred_sub, strict=True)]),
            len(typed),
        ),
        Metric(NAME, "sub_event_type weighted F1", weighted if typed else None, len(typed), 0.88),
        Metric(NAME, "sub_event_type macro F1", macro if typed else None, len(typed)),
        Metric(NAME, "fatalities exact", share(fatal_hits), len(fatal), 0.95),
        Metric(NAME, "fatalities exact (gold > 0)", share(pos), len(pos), 0.85),
        Metric(
            NAME,
            "country accuracy",
            share([_country_hit(e, r.country) for r, e in zip(rows, mains, strict=True)]),
            n,
            0.99,
        ),
        Metric(
            NAME, "location within 25 km", share([d is not None and d <= 25 for d in dists]), len(dists), 0.80
        ),
        Metric(
            NAME,
            "location within 161 km",
            share([d is not None and d <= 161 for d in dists]),
            len(dists),
            0.92,
        ),
        Metric(
            NAME, "notes naming their place (location, admin or country)", len(named) / n if n else None, n
        ),
        Metric(
            NAME,
            "  country accuracy on those",
            share([_country_hit(e, r.country) for r, e in named]),
            len(named),
        ),
        Metric(
            NAME,
            "  location within 25 km on those",
            share([d is not None and d <= 25 for d in named_dists]),
            len(named_dists),
        ),
        Metric(
            NAME,
            "actor1 match (normalised)",
            share([_actor1(e) == norm_actor(r.actor1) for r, e in actors]),
            len(actors),
        ),
        Metric(
            NAME,
            "notes/s (incl. start-up)",
            n / result.seconds if result.seconds else None,
            n,
            unit="/s",
            note=f"exit {result.returncode}",
        ),
    ]
