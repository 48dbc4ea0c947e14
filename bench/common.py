"""Shared helpers of the benchmark: data paths, calling the CLI, metrics, distances."""

from __future__ import annotations

import gzip
import json
import math
import os
import re
import subprocess
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
SHARED_BENCH = REPO.parent / "shared" / "bench"
CLI = REPO / ".venv" / "bin" / "crisisledger"


@dataclass
class Metric:
    """One benchmark figure, with the goal it is measured against (if any)."""

    dataset: str
    name: str
    value: float | None
    n: int
    goal: float | None = None  # a share (0-1) or a rate, met when value >= goal
    unit: str = "%"  # "%" for shares, otherwise printed as is
    note: str = ""

    def formatted(self, value: float | None = None) -> str:
        value = self.value if value is None else value
        if value is None:
            return "n/a"
        return f"{100 * value:.1f}%" if self.unit == "%" else f"{value:,.1f} {self.unit}".strip()

    @property
    def status(self) -> str:
        if self.goal is None:
            return ""
        if self.value is None:
            return "not measured"
        return "met" if self.value >= self.goal else "not met"


@dataclass
class ExtractRun:
    """The CLI's output for a batch of articles, with its cost."""

    records: dict[str, dict[str, Any]]
    seconds: float
    peak_rss_mb: float
    returncode: int
    stderr: str


def names_part(file_name: str, part: str) -> bool:
    """Whether an ACLED file name holds `part` from a word start ("mali" names acled_mali_…, not
    acled_somalia_…)."""
    return re.search(rf"(?<![a-z]){re.escape(part.lower())}", file_name.lower()) is not None


def open_text(path: Path) -> Any:
    """Open a (possibly gzip) text file."""
    return gzip.open(path, "rt", encoding="utf-8") if path.suffix == ".gz" else open(path, encoding="utf-8")


def iter_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    with open_text(path) as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def run_extract(articles: list[dict[str, Any]], timeout: float = 3600) -> ExtractRun:
    """Run `crisisledger extract -` once on JSON Lines articles; records keyed by id.

    Peak memory is the child's own maximum resident set (os.wait4), not other children's.
    """
    with tempfile.TemporaryDirectory() as tmp:
        src, dst, err = Path(tmp, "in.jsonl"), Path(tmp, "out.jsonl"), Path(tmp, "err.txt")
        src.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in articles), encoding="utf-8")
        start = time.perf_counter()
        with src.open("rb") as fin, dst.open("wb") as fout, err.open("wb") as ferr:
            proc = subprocess.Popen([str(CLI), "extract", "-"], stdin=fin, stdout=fout, stderr=ferr)
            deadline = start + timeout
            while True:
                pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
                if pid:
                    break
                if time.perf_counter() > deadline:
                    proc.kill()
                    pid, status, usage = os.wait4(proc.pid, 0)
                    break
                time.sleep(0.05)
            proc.returncode = os.waitstatus_to_exitcode(status)
        seconds = time.perf_counter() - start
        records: dict[str, dict[str, Any]] = {}
        for line in dst.read_text(encoding="utf-8", errors="replace").splitlines():
            try:
                record = json.loads(line)
            except json.JSONDecodeError:
                continue
            if isinstance(record, dict) and "id" in record:
                records[str(record["id"])] = record
        stderr = err.read_text(errors="replace")[-2000:]
        if proc.returncode not in (0, 1) or len(records) < len(articles):
            print(
                f"  warning: extract exited {proc.returncode}, {len(records)}/{len(articles)} records\n"
                + stderr
            )
        return ExtractRun(records, seconds, usage.ru_maxrss / 1024, proc.returncode, stderr)


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


def event_distance_km(event: dict[str, Any] | None, lat: float | None, lon: float | None) -> float | None:
    """Distance from an event's location to a gold point; None when either is missing."""
    loc = (event or {}).get("location") or {}
    if lat is None or lon is None or loc.get("lat") is None or loc.get("lon") is None:
        return None
    return haversine_km(float(loc["lat"]), float(loc["lon"]), lat, lon)


def share(hits: list[bool]) -> float | None:
    return sum(hits) / len(hits) if hits else None


def f1_scores(gold: list[str], pred: list[str]) -> tuple[float, float]:
    """Weighted and macro F1 over the gold labels (a missing prediction is its own wrong label)."""
    labels = sorted(set(gold))
    support = Counter(gold)
    f1s = {}
    for label in labels:
        tp = sum(g == p == label for g, p in zip(gold, pred, strict=True))
        fp = sum(p == label and g != label for g, p in zip(gold, pred, strict=True))
        fn = support[label] - tp
        f1s[label] = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    if not labels:
        return 0.0, 0.0
    weighted = sum(f1s[lab] * support[lab] for lab in labels) / len(gold)
    return weighted, sum(f1s.values()) / len(labels)


def prf(gold: list[bool], pred: list[bool]) -> tuple[float | None, float | None, float | None]:
    """Precision, recall and F1 of boolean predictions."""
    tp = sum(g and p for g, p in zip(gold, pred, strict=True))
    fp = sum(p and not g for g, p in zip(gold, pred, strict=True))
    fn = sum(g and not p for g, p in zip(gold, pred, strict=True))
    precision = tp / (tp + fp) if tp + fp else None
    recall = tp / (tp + fn) if tp + fn else None
    f1 = 2 * tp / (2 * tp + fp + fn) if tp else (0.0 if fp + fn else None)
    return precision, recall, f1


_NUMBER_WORDS = (
    *("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"),
    *("eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen"),
    *("nineteen", "twenty"),
)


def states_number(text: str, number: int) -> bool:
    """Whether the text states the number in digits or (up to twenty) in words."""
    if re.search(rf"(?<![\d,.]){number}(?![\d,])", text):
        return True
    return number < len(_NUMBER_WORDS) and re.search(rf"\b{_NUMBER_WORDS[number]}\b", text, re.I) is not None
