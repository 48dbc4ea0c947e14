"""IndiaPoliceEvents: does a sentence report a killing (KILL) / an arrest (ARREST)?"""

from __future__ import annotations

import csv
from collections import defaultdict
from typing import Any

from common import SHARED_BENCH, Metric, iter_jsonl, open_text, prf, run_extract

NAME = "india_police"
FOLDER = SHARED_BENCH / "india_police_events"


def _sentences() -> dict[int, list[dict[str, Any]]]:
    by_doc: dict[int, list[dict[str, Any]]] = defaultdict(list)
    with open_text(FOLDER / "sents.csv.gz") as handle:
        for row in csv.DictReader(handle):
            by_doc[int(row["doc_id"])].append(row)
    return by_doc


def _spans(text: str, sentences: list[dict[str, Any]]) -> list[tuple[int, int] | None]:
    """Character span of each sentence in the document text (found in order), None if not found."""
    spans: list[tuple[int, int] | None] = []
    cursor = 0
    for sent in sentences:
        needle = sent["sent_text"].strip()
        at = text.find(needle, cursor) if needle else -1
        if at < 0:
            spans.append(None)
            continue
        spans.append((at, at + len(needle)))
        cursor = at + len(needle)
    return spans


def run(limit: int | None = None) -> list[Metric]:
    if not (FOLDER / "docs.jsonl.gz").is_file():
        print(f"[india_police] skipped: {FOLDER} not found")
        return []
    docs = list(iter_jsonl(FOLDER / "docs.jsonl.gz"))[:limit]
    sentences = _sentences()
    articles = [{"id": str(d["doc_id"]), "text": d["doc_text"]} for d in docs]
    print(f"[india_police] extracting {len(articles)} documents …", flush=True)
    result = run_extract(articles)
    gold: dict[str, list[bool]] = {"KILL": [], "ARREST": []}
    pred: dict[str, list[bool]] = {"KILL": [], "ARREST": []}
    kinds = {"KILL": "killed", "ARREST": "arrested"}
    for doc in docs:
        figures = (result.records.get(str(doc["doc_id"])) or {}).get("figures") or []
        sents = sorted(sentences.get(int(doc["doc_id"]), []), key=lambda s: int(s["sent_id"]))
        for sent, span in zip(sents, _spans(doc["doc_text"], sents), strict=True):
            if span is None:
                continue
            for label, kind in kinds.items():
                gold[label].append(sent[label] == "1")
                pred[label].append(
                    any(f.get("kind") == kind and span[0] <= f.get("start", -1) < span[1] for f in figures)
                )
    metrics = []
    for label in kinds:
        p, r, f = prf(gold[label], pred[label])
        n = sum(gold[label])
        metrics += [
            Metric(NAME, f"{label} precision", p, n),
            Metric(NAME, f"{label} recall", r, n),
            Metric(NAME, f"{label} F1", f, n),
        ]
    return metrics
