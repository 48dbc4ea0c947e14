"""MUC-3/4: incident type mapped to ACLED's taxonomy, and human-target deaths / injuries."""

from __future__ import annotations

import re
from typing import Any

from common import SHARED_BENCH, Metric, iter_jsonl, run_extract, share

NAME = "muc4"
PATH = SHARED_BENCH / "muc4" / "muc34_dev_tst1_tst2.jsonl.gz"

# MUC incident type -> (accepted event types, accepted sub-event types); either matching counts.
TYPE_MAP: dict[str, tuple[set[str], set[str]]] = {
    "ATTACK": ({"Violence against civilians", "Battles"}, set()),
    "BOMBING": ({"Explosions/Remote violence"}, set()),
    "KIDNAPPING": (set(), {"Abduction/forced disappearance"}),
    "ARSON": ({"Riots"}, {"Looting/property destruction"}),
    "ROBBERY": ({"Crime"}, {"Looting/property destruction"}),
}


def _type(template: dict[str, Any]) -> str | None:
    values = [v.strip() for v in template.get("INCIDENT: TYPE") or []]
    for value in values:
        first = value.split("/")[0].strip()
        if first in TYPE_MAP:
            return first
    return None


def _matches(event: dict[str, Any] | None, muc_type: str) -> bool:
    types, subs = TYPE_MAP[muc_type]
    return bool(event) and (event.get("event_type") in types or event.get("sub_event_type") in subs)


def victim_counts(templates: list[dict[str, Any]]) -> dict[str, int | None]:
    """Doc-level DEATH / INJURY totals over all templates; None when a count is not a number."""
    totals: dict[str, int | None] = {"DEATH": 0, "INJURY": 0}
    for template in templates:
        numbers = {}
        for entry in template.get("HUM TGT: NUMBER") or []:
            head, _, key = entry.partition(":")
            numbers[key.strip()] = head.strip()
        for entry in template.get("HUM TGT: EFFECT OF INCIDENT") or []:
            effect, _, key = entry.partition(":")
            effect = effect.strip()
            if effect not in totals:
                continue
            raw = numbers.get(key.strip(), "")
            count = int(raw) if re.fullmatch(r"\d+", raw) else None
            current = totals[effect]
            totals[effect] = None if current is None or count is None else current + count
    return totals


def run(limit: int | None = None) -> list[Metric]:
    if not PATH.is_file():
        print(f"[muc4] skipped: {PATH} not found")
        return []
    docs = list(iter_jsonl(PATH))[:limit]
    articles = [{"id": d["docid"], "text": d["text"]} for d in docs]
    print(f"[muc4] extracting {len(articles)} documents …", flush=True)
    result = run_extract(articles)
    main_hits, any_hits, quiet, killed, injured = [], [], [], [], []
    for doc in docs:
        record = result.records.get(doc["docid"]) or {}
        main, events = record.get("main_event"), record.get("events") or []
        typed = [t for t in (_type(tpl) for tpl in doc.get("templates") or []) if t]
        if not typed:
            quiet.append(main is None)
            continue
        main_hits.append(_matches(main, typed[0]))
        any_hits.append(all(any(_matches(e, t) for e in events) for t in set(typed)))
        counts = victim_counts([t for t in doc["templates"] if _type(t)])
        ours_k = sum(e.get("fatalities") or 0 for e in events)
        ours_i = sum(e.get("injured") or 0 for e in events)
        if counts["DEATH"] is not None:
            killed.append(ours_k == counts["DEATH"])
        if counts["INJURY"] is not None:
            injured.append(ours_i == counts["INJURY"])
    return [
        Metric(NAME, "main event type matches 1st template", share(main_hits), len(main_hits)),
        Metric(NAME, "every template type found among events", share(any_hits), len(any_hits)),
        Metric(NAME, "no main event on docs without incident", share(quiet), len(quiet)),
        Metric(NAME, "killed exact (doc total, countable)", share(killed), len(killed)),
        Metric(NAME, "injured exact (doc total, countable)", share(injured), len(injured)),
    ]
