"""Leave-files-out cross-validation of the event-type classifier alone (training files only).

Each fold fits on all ACLED training files but one group and scores that group (all its rows with a
sub-event type, not de-duplicated), like `classifier_train.evaluate`. Held-out files are never read.

    .venv/bin/python bench/dev_classifier.py --variants base hier
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable

import numpy as np

from common import SHARED_BENCH
from crisisledger.extractors import classifier_train as ct
from crisisledger.extractors.acled_csv import AcledRow, is_holdout, read_acled
from crisisledger.model import SUB_EVENT_TYPES

GROUPS: dict[str, tuple[str, ...]] = {
    "burkina+mali": ("burkina", "mali"),
    "somalia+ssudan": ("somalia_2025", "south_sudan"),
    "bangla+sasia": ("bangladesh", "south_asia"),
    "usa": ("usa",),
    "afghanistan": ("afghanistan",),
    "car+nga+mmr": ("_car_", "nigeria", "myanmar"),
}


def load() -> dict[str, list[AcledRow]]:
    """Rows of every training file, by file name."""
    paths = sorted(p for p in (SHARED_BENCH / "acled").glob("*.csv*") if not is_holdout(p))
    return {p.name: read_acled(p) for p in paths}


def scores(gold_sub: list[str], pred_sub: list[str]) -> dict[str, float]:
    from sklearn.metrics import f1_score

    gold_type = [SUB_EVENT_TYPES[s] for s in gold_sub]
    pred_type = [SUB_EVENT_TYPES.get(s, "") for s in pred_sub]
    return {
        "type": float(np.mean([g == p for g, p in zip(gold_type, pred_type, strict=True)])),
        "acc": float(np.mean([g == p for g, p in zip(gold_sub, pred_sub, strict=True)])),
        "wf1": float(f1_score(gold_sub, pred_sub, average="weighted", zero_division=0)),
        "mf1": float(f1_score(gold_sub, pred_sub, average="macro", zero_division=0)),
    }


Fit = Callable[[list[AcledRow]], Callable[[list[str]], list[str]]]


def cv(fit: Fit, data: dict[str, list[AcledRow]], groups: list[str]) -> dict[str, dict[str, float]]:
    """Per-fold scores of `fit` (rows -> predictor of notes' sub-types)."""
    out = {}
    for name in groups:
        parts = GROUPS[name]
        train = [r for f, rows in data.items() if not any(k in f for k in parts) for r in rows]
        test = [
            r
            for f, rows in data.items()
            if any(k in f for k in parts)
            for r in rows
            if r.sub_event_type in SUB_EVENT_TYPES and r.notes.strip()
        ]
        predict = fit(train)
        out[name] = scores([r.sub_event_type or "" for r in test], predict([r.notes for r in test]))
        out[name]["n"] = len(test)
        print(f"  {name}: " + "  ".join(f"{k} {v:.3f}" for k, v in out[name].items()), flush=True)
    return out


def shipped_fit(**kwargs: object) -> Fit:
    """The shipped training function (classifier_train.train), with options."""

    def fit(rows: list[AcledRow]) -> Callable[[list[str]], list[str]]:
        model = ct.fit_model(rows, **kwargs).classifier()  # type: ignore[arg-type]
        return lambda texts: [p.sub_event_type for p in model.predict(texts)]

    return fit


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--groups", nargs="*", default=list(GROUPS))
    parser.add_argument("--variants", nargs="*", default=["shipped"])
    args = parser.parse_args(argv)
    data = load()
    for variant in args.variants:
        start = time.perf_counter()
        kwargs = dict(kv.split("=") for kv in variant.split(",")[1:]) if "," in variant else {}
        fit = shipped_fit(**{k: _value(v) for k, v in kwargs.items()})
        res = cv(fit, data, args.groups)
        total = sum(r["n"] for r in res.values())
        mean = {k: sum(r[k] * r["n"] for r in res.values()) / total for k in ("type", "acc", "wf1", "mf1")}
        print(f"\n## {variant}  ({time.perf_counter() - start:.0f} s)")
        for name, r in [*res.items(), ("pooled", {**mean, "n": total})]:
            print(
                f"{name:16s} n={int(r['n']):6d} type {r['type']:.3f}  sub acc {r['acc']:.3f}  "
                f"wF1 {r['wf1']:.3f}  mF1 {r['mf1']:.3f}"
            )
        folds = list(res.values())
        print(f"mean over folds: type {np.mean([r['type'] for r in folds]):.3f}", end="  ")
        print(f"wF1 {np.mean([r['wf1'] for r in folds]):.3f}  mF1 {np.mean([r['mf1'] for r in folds]):.3f}")
    return 0


def _value(text: str) -> object:
    for cast in (int, float):
        try:
            return cast(text)
        except ValueError:
            pass
    return {"true": True, "false": False}.get(text, text)


if __name__ == "__main__":
    raise SystemExit(main())
