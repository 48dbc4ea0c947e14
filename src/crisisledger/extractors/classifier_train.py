"""Training of the event-type classifier (needs scikit-learn: the `train` extra).

Held-out honesty: whole files are held out (`acled_csv.HOLDOUT_FILES`); the model is fitted on the
other files only and scored on the held-out ones, and that same model is the one shipped.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np

from crisisledger.extractors.acled_csv import AcledRow, is_holdout, read_acled
from crisisledger.extractors.actor_names import TABLE_PATH, build_actor_table, write_actor_table
from crisisledger.extractors.classifier import FEATURES, MODEL_PATH, Classifier, clean_note
from crisisledger.model import SUB_EVENT_TYPES


@dataclass
class TrainReport:
    """What was trained on, and its scores on the held-out files."""

    train_files: list[str]
    holdout_files: list[str]
    train_rows: int
    holdout_rows: int
    features: int
    classes: list[str]
    scores: dict[str, dict[str, float]] = field(default_factory=dict)
    model_path: str = ""
    model_bytes: int = 0
    seconds: float = 0.0

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


def _labelled(
    rows: list[AcledRow], prepare: Callable[[str], str] = clean_note
) -> tuple[list[str], list[str]]:
    """Cleaned notes and sub-event types of rows with a known sub-type, duplicates removed."""
    seen: set[tuple[str, str]] = set()
    texts, labels = [], []
    for row in rows:
        sub = row.sub_event_type
        if not sub or sub not in SUB_EVENT_TYPES:
            continue
        text = prepare(row.notes)
        if not text or (text, sub) in seen:
            continue
        seen.add((text, sub))
        texts.append(text)
        labels.append(sub)
    return texts, labels


def _scores(gold: list[str], pred: list[str]) -> dict[str, float]:
    from sklearn.metrics import accuracy_score, f1_score

    return {
        "accuracy": float(accuracy_score(gold, pred)),
        "f1_weighted": float(f1_score(gold, pred, average="weighted", zero_division=0)),
        "f1_macro": float(f1_score(gold, pred, average="macro", zero_division=0)),
        "n": float(len(gold)),
    }


def evaluate(model: Classifier, rows: list[AcledRow]) -> dict[str, float]:
    """Sub-type and type accuracy / F1 of `model` on rows with a known sub-type (not deduplicated)."""
    rows = [r for r in rows if r.sub_event_type in SUB_EVENT_TYPES and r.notes.strip()]
    preds = model.predict([r.notes for r in rows])
    sub = _scores([r.sub_event_type or "" for r in rows], [p.sub_event_type for p in preds])
    typ = _scores([r.event_type or "" for r in rows], [p.event_type for p in preds])
    out = {f"sub_{k}": v for k, v in sub.items()}
    out.update({f"type_{k}": v for k, v in typ.items() if k != "n"})
    return out


@dataclass
class Fitted:
    """A fitted model's arrays, as `Classifier.save` writes them."""

    vocabulary: list[str]
    idf: np.ndarray
    coef: np.ndarray
    intercept: np.ndarray
    classes: list[str]
    meta: dict[str, object]

    def classifier(self) -> Classifier:
        return Classifier(self.vocabulary, self.idf, self.coef, self.intercept, self.classes, self.meta)

    def save(self, path: Path, **meta: object) -> None:
        args = (self.vocabulary, self.idf, self.coef, self.intercept, self.classes)
        Classifier.save(path, *args, {**meta, **self.meta})


def fit_model(
    rows: list[AcledRow],
    max_features: int = 120_000,
    c: float = 30.0,
    version: int = 3,
    hierarchical: bool = True,
) -> Fitted:
    """Fit the classifier on `rows` (see `classifier.FEATURES` for `version`)."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    prepare, analyzer = FEATURES[version]
    texts, labels = _labelled(rows, prepare)
    vectorizer = TfidfVectorizer(
        analyzer=analyzer, sublinear_tf=True, min_df=2, max_features=max_features, dtype=np.float32
    )
    matrix = vectorizer.fit_transform(texts)
    model = LogisticRegression(C=c, max_iter=300, class_weight="balanced")
    model.fit(matrix, labels)
    vocabulary = [""] * len(vectorizer.vocabulary_)
    for term, i in vectorizer.vocabulary_.items():
        vocabulary[i] = term
    classes = [str(x) for x in model.classes_]
    meta: dict[str, object] = {
        "C": c,
        "max_features": max_features,
        "balanced": True,
        "features": version,
        "hierarchical": hierarchical,
        "rows": len(texts),
    }
    return Fitted(vocabulary, vectorizer.idf_, model.coef_, model.intercept_, classes, meta)


def train(
    acled_paths: list[Path],
    out_dir: Path | None = None,
    holdout: tuple[str, ...] | None = None,
    max_features: int = 120_000,
    c: float = 30.0,
) -> TrainReport:
    """Fit the classifier on the non-held-out ACLED files, score it on the held-out ones, save it.

    `holdout`: substrings of file names to hold out (default: `acled_csv.HOLDOUT_FILES`).
    The model is written to `out_dir/event_classifier.npz` (default: the package's data folder), and
    the actor-name table learned from the same rows to `out_dir/acled_actors.tsv`.
    """
    start = time.perf_counter()

    def held(path: Path) -> bool:
        return any(k in path.name for k in holdout) if holdout is not None else is_holdout(path)

    train_paths = sorted(p for p in acled_paths if not held(p))
    test_paths = sorted(p for p in acled_paths if held(p))
    train_rows = [row for p in train_paths for row in read_acled(p)]
    fitted = fit_model(train_rows, max_features=max_features, c=c)
    path = (out_dir / MODEL_PATH.name) if out_dir else MODEL_PATH
    fitted.save(path, train_files=[p.name for p in train_paths])
    # the table of frequent ACLED actor names, learned from the same training rows (names only)
    write_actor_table(build_actor_table(train_rows), (out_dir / TABLE_PATH.name) if out_dir else TABLE_PATH)
    shipped = Classifier.load(path)
    report = TrainReport(
        train_files=[p.name for p in train_paths],
        holdout_files=[p.name for p in test_paths],
        train_rows=int(str(fitted.meta["rows"])),
        holdout_rows=0,
        features=len(fitted.vocabulary),
        classes=fitted.classes,
        model_path=str(path),
        model_bytes=path.stat().st_size,
    )
    for p in test_paths:
        rows = read_acled(p)
        report.scores[p.name] = evaluate(shipped, rows)
        report.holdout_rows += int(report.scores[p.name]["sub_n"])
    if test_paths:
        report.scores["all held-out"] = evaluate(shipped, [r for p in test_paths for r in read_acled(p)])
    report.seconds = time.perf_counter() - start
    return report


def label_counts(rows: list[AcledRow]) -> Counter[str]:
    """How many rows each sub-event type has (for the model card)."""
    return Counter(r.sub_event_type for r in rows if r.sub_event_type)
