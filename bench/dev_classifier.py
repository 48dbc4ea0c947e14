"""Leave-files-out cross-validation of the event-type classifier (training files only).

Each fold fits on all ACLED training files but one group and scores that group (all its rows with a
sub-event type, not de-duplicated), like `classifier_train.evaluate`. Held-out files are never read.
A variant is a name with `fit_model` options ("v3,version=3"); `--save` keeps each fold's model for
reuse; `--pipeline N` scores the whole typing pipeline (rules + that fold's model) on N rows spread
over each fold instead of the classifier alone, and `--dump` keeps what decided each row;
`--replay DUMP` re-scores those dumped rows with the current `events._chosen_type` and
`codebook.codebook_refine` and the saved fold models (seconds, no refitting, no re-analysis; valid
for changes after the rules: a rule edit changes the dumped rule types and the models' RULE tokens).

    .venv/bin/python bench/dev_classifier.py --save /tmp/cv --variants shipped v2,version=2
    .venv/bin/python bench/dev_classifier.py --save /tmp/cv --pipeline 1000 --dump /tmp/cv/dump
    .venv/bin/python bench/dev_classifier.py --save /tmp/cv --replay /tmp/cv/dump
"""

from __future__ import annotations

import argparse
import pickle
import time
from pathlib import Path
from typing import Any

import numpy as np

from common import SHARED_BENCH
from crisisledger.extractors import classifier_train as ct
from crisisledger.extractors.acled_csv import AcledRow, is_holdout, read_acled
from crisisledger.extractors.classifier import Classifier
from crisisledger.model import SUB_EVENT_TYPES

GROUPS: dict[str, tuple[str, ...]] = {
    "burkina+mali": ("burkina", "_mali_"),  # "mali" alone would match somalia_2025 too
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


def split(data: dict[str, list[AcledRow]], name: str) -> tuple[list[AcledRow], list[AcledRow]]:
    """Training rows of fold `name` (all other files) and its typed test rows."""
    parts = GROUPS[name]
    train = [r for f, rows in data.items() if not any(k in f for k in parts) for r in rows]
    test = [
        r
        for f, rows in data.items()
        if any(k in f for k in parts)
        for r in rows
        if r.sub_event_type in SUB_EVENT_TYPES and r.notes.strip()
    ]
    return train, test


def cv(
    fit: FoldFit,
    data: dict[str, list[AcledRow]],
    groups: list[str],
    pipeline: int = 0,
    dump: Path | None = None,
) -> dict[str, dict[str, float]]:
    """Per-fold scores of the classifier alone, or (`pipeline` > 0) of the whole typing pipeline on
    that many rows spread over the fold; `dump` keeps what decided each row (`pipeline_fold`)."""
    out = {}
    for name in groups:
        train, test = split(data, name)
        model = fit.model(name, train)
        if pipeline:
            test = _spread(test, pipeline)
            pred, inputs = pipeline_fold(model, test)
            if dump:
                dump.mkdir(parents=True, exist_ok=True)
                gold = [r.sub_event_type for r in test]
                with open(dump / f"{name}.pkl", "wb") as fh:
                    pickle.dump({"gold": gold, "pred": pred, "inputs": inputs, "classes": model.classes}, fh)
        else:
            pred = [p.sub_event_type for p in model.predict([r.notes for r in test])]
        out[name] = scores([r.sub_event_type or "" for r in test], pred)
        out[name]["n"] = len(test)
        print(f"  {name}: " + "  ".join(f"{k} {v:.3f}" for k, v in out[name].items()), flush=True)
    return out


class FoldFit:
    """The shipped training function (classifier_train.fit_model) with options; with `save`, each
    fold's model is kept as `save/<variant>/<fold>.npz` and reused when already there."""

    def __init__(self, variant: str, save: Path | None, **kwargs: object) -> None:
        self.kwargs, self.dir = kwargs, (save / variant if save else None)

    def model(self, name: str, rows: list[AcledRow]) -> Classifier:
        path = self.dir / f"{name}.npz" if self.dir else None
        if path and path.is_file():
            return Classifier.load(path)
        fitted = ct.fit_model(rows, **self.kwargs)  # type: ignore[arg-type]
        if path:
            path.parent.mkdir(parents=True, exist_ok=True)
            fitted.save(path)
        return fitted.classifier()


def _spread(rows: list[AcledRow], limit: int) -> list[AcledRow]:
    step = max(1, len(rows) // limit)
    return rows[::step][:limit]


def pipeline_fold(model: Classifier, rows: list[AcledRow]) -> tuple[list[str], list[dict[str, object]]]:
    """The whole typing pipeline (rules + `model`, no geo) on `rows`: each main event's sub-type
    ("(none)" without one) and what decided it (the rules' type, the classifier's text and
    probabilities), for trying other ways of combining them offline."""
    from crisisledger.extractors import classifier, events
    from crisisledger.extractors.figures import extract_figures
    from crisisledger.model import Article
    from crisisledger.nlp.pipeline import analyse

    classifier.load_classifier.cache_clear()
    real_load, real_sub = classifier.load_classifier, events._sub_event_type
    calls: list[tuple[events._Draft, str]] = []

    def sub_event_type(draft: events._Draft, text: str, note: bool) -> str:
        calls.append((draft, text))
        return real_sub(draft, text, note)

    classifier.load_classifier = lambda path=None: model  # type: ignore[assignment]
    events._sub_event_type = sub_event_type
    subs: list[str] = []
    inputs: list[dict[str, object]] = []
    try:
        articles = [Article(id=str(i), text=r.notes, published=r.event_date) for i, r in enumerate(rows)]
        for doc in analyse(articles):
            calls.clear()
            _, main = events.build_events(doc, extract_figures(doc))
            subs.append(main.sub_event_type if main else "(none)")
            found = [
                (d, t)
                for d, t in calls
                if main and doc.sentences[min(d.sentences)].start == main.evidence.start
            ]
            draft, text = found[0] if found else (None, "")
            inputs.append(
                {
                    "ruled": events._ruled_type(draft) if draft else None,
                    "rule_subs": list(draft.sub_types) if draft else [],
                    "text": text,
                    "probs": model.probabilities(text) if draft else None,
                }
            )
    finally:
        classifier.load_classifier = real_load
        events._sub_event_type = real_sub
    return subs, inputs


def replay(fit: FoldFit, dump: Path, groups: list[str]) -> dict[str, dict[str, float]]:
    """Scores of the dumped pipeline rows of each fold under the current combination and refinements."""
    from crisisledger.extractors import codebook, events

    out = {}
    for name in groups:
        with open(dump / f"{name}.pkl", "rb") as fh:
            saved = pickle.load(fh)
        model = fit.model(name, [])
        real = events.classify
        events.classify = lambda texts, m=model: list(m.predict(texts))  # type: ignore[misc]
        try:
            pred = [
                _replayed(events, codebook, p, i) for p, i in zip(saved["pred"], saved["inputs"], strict=True)
            ]
        finally:
            events.classify = real
        out[name] = {**scores(saved["gold"], pred), "n": len(pred)}
    return out


def _replayed(events: Any, codebook: Any, pred: str, inputs: dict[str, Any]) -> str:
    """One dumped row's sub-type under the current code, as a short note (untyped rows keep theirs)."""
    if not inputs["text"]:
        return pred
    ruled = inputs["ruled"]
    family = events.family_of(ruled) if ruled else "violence"
    draft = events._Draft(family, sub_types=list(inputs["rule_subs"]))
    return str(
        codebook.codebook_refine(events._chosen_type(draft, inputs["text"], True), inputs["text"], True)
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--groups", nargs="*", default=list(GROUPS))
    parser.add_argument("--variants", nargs="*", default=["shipped"])
    parser.add_argument("--save", type=Path, help="keep (and reuse) each fold's model under this folder")
    parser.add_argument(
        "--pipeline", type=int, default=0, help="score the whole typing pipeline on N rows per fold"
    )
    parser.add_argument("--dump", type=Path, help="with --pipeline: pickle what decided each row here")
    parser.add_argument(
        "--replay", type=Path, help="re-score a --dump folder with the current code (needs --save)"
    )
    args = parser.parse_args(argv)
    data = {} if args.replay else load()
    for variant in args.variants:
        start = time.perf_counter()
        kwargs = dict(kv.split("=") for kv in variant.split(",")[1:]) if "," in variant else {}
        fit = FoldFit(variant, args.save, **{k: _value(v) for k, v in kwargs.items()})
        res = (
            replay(fit, args.replay, args.groups)
            if args.replay
            else cv(fit, data, args.groups, args.pipeline, args.dump)
        )
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
