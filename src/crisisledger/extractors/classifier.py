"""A small supervised event-type classifier trained on ACLED event notes.

Runtime is pure numpy: `load_classifier()` reads `data/event_classifier.npz` (vocabulary, idf
weights, linear coefficients) and `classify(texts)` predicts ACLED's sub-event type (and so its
event type) with a confidence. Training (`train`, exposed as `crisisledger train`) needs
scikit-learn, which is imported only inside it; see `classifier_train.py`.

Features are TF-IDF (sublinear tf, l2-normalised) over word unigrams, word bigrams and
character 4-grams inside words, all produced by `features()`, which training and prediction share.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from crisisledger.model import SUB_EVENT_TYPES

if TYPE_CHECKING:
    from crisisledger.extractors.classifier_train import TrainReport

MODEL_PATH = Path(__file__).resolve().parents[1] / "data" / "event_classifier.npz"

# ACLED coders' boilerplate, removed before training and prediction.
_TAG_RE = re.compile(r"\[\s*[a-z][a-z ]*\s*[=:][^\]]*\]", re.IGNORECASE)
_CODED_RE = re.compile(
    r"\([^()]*\bcoded\b[^()]*\)|[^.]*\b(?:fatalities|fatality)\b[^.]*\bcoded\b[^.]*\.?", re.I
)
_PREFIXES = (
    "movement of forces|looting|non-violent activity|property destruction|other|security measures|arrests"
    "|training|defusal|recruitment|change to armed group|detonation|agreement|weapons seizure"
    "|non-violent transfer of territory|displacement|headquarters or base established|strikes|interception"
    "|elections/referendum|complex attack|raid|explosive remnants of war|coup/military takeover|defection"
)
_PREFIX_RE = re.compile(rf"^\s*(?:{_PREFIXES})\s*:\s*", re.IGNORECASE)
_SPACE_RE = re.compile(r"\s+")
_TOKEN_RE = re.compile(r"\w+")
_DIGITS_RE = re.compile(r"\d+")


@dataclass(frozen=True)
class Prediction:
    """The predicted ACLED type of one text; confidence is the sub-type's probability."""

    event_type: str
    sub_event_type: str
    confidence: float


def clean_note(text: str) -> str:
    """Remove ACLED coder boilerplate: "[size=…]" tags, "coded as N" remarks, label prefixes."""
    text = _TAG_RE.sub(" ", text)
    text = _CODED_RE.sub(" ", text)
    text = _PREFIX_RE.sub("", text)
    return _SPACE_RE.sub(" ", text).strip()


def features(text: str) -> list[str]:
    """Word unigrams and bigrams plus in-word character 4-grams of lower-cased text (digits -> 0)."""
    tokens = [_DIGITS_RE.sub("0", tok) for tok in _TOKEN_RE.findall(text.lower())]
    out = list(tokens)
    out.extend(f"{a} {b}" for a, b in pairwise(tokens))
    for tok in tokens:
        if len(tok) > 3:
            padded = f"<{tok}>"
            out.extend("#" + padded[i : i + 4] for i in range(len(padded) - 3))
    return out


class Classifier:
    """A linear softmax classifier over TF-IDF features, evaluated with numpy only."""

    def __init__(
        self,
        vocabulary: list[str],
        idf: np.ndarray,
        coef: np.ndarray,
        intercept: np.ndarray,
        classes: list[str],
    ) -> None:
        self.vocabulary = {term: i for i, term in enumerate(vocabulary)}
        self.idf = idf.astype(np.float32)
        self.weights = np.ascontiguousarray(coef.astype(np.float32).T)  # (features, classes)
        self.intercept = intercept.astype(np.float32)
        self.classes = classes

    @classmethod
    def load(cls, path: Path) -> Classifier:
        """Read a model written by `save` (no pickle)."""
        with np.load(path, allow_pickle=False) as data:
            vocabulary = bytes(data["vocabulary"]).decode("utf-8").split("\n")
            classes = bytes(data["classes"]).decode("utf-8").split("\n")
            return cls(vocabulary, data["idf"], data["coef"], data["intercept"], classes)

    @staticmethod
    def save(
        path: Path,
        vocabulary: list[str],
        idf: np.ndarray,
        coef: np.ndarray,
        intercept: np.ndarray,
        classes: list[str],
        meta: dict[str, object] | None = None,
    ) -> None:
        """Write the model as a compressed npz: strings as UTF-8 bytes, coefficients as float16."""
        path.parent.mkdir(parents=True, exist_ok=True)
        np.savez_compressed(
            path,
            vocabulary=np.frombuffer("\n".join(vocabulary).encode("utf-8"), dtype=np.uint8),
            classes=np.frombuffer("\n".join(classes).encode("utf-8"), dtype=np.uint8),
            idf=idf.astype(np.float32),
            coef=coef.astype(np.float16),
            intercept=intercept.astype(np.float32),
            meta=np.frombuffer(json.dumps(meta or {}).encode("utf-8"), dtype=np.uint8),
        )

    def vectorize(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        """Feature indexes and l2-normalised sublinear TF-IDF values of one (cleaned) text."""
        counts = Counter(i for i in map(self.vocabulary.get, features(text)) if i is not None)
        if not counts:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
        idx = np.fromiter(counts.keys(), dtype=np.int64, count=len(counts))
        tf = np.fromiter((1.0 + math.log(c) for c in counts.values()), dtype=np.float32, count=len(counts))
        vals = tf * self.idf[idx]
        return idx, vals / np.float32(np.sqrt(np.dot(vals, vals)))

    def probabilities(self, text: str) -> np.ndarray:
        """Class probabilities (softmax of the linear scores) for one text."""
        idx, vals = self.vectorize(clean_note(text))
        scores = self.intercept + vals @ self.weights[idx]
        scores = np.exp(scores - scores.max())
        return scores / scores.sum()

    def predict(self, texts: list[str]) -> list[Prediction]:
        """The most probable sub-event type of each text, with its event type."""
        out = []
        for text in texts:
            probs = self.probabilities(text)
            best = int(probs.argmax())
            sub = self.classes[best]
            out.append(Prediction(SUB_EVENT_TYPES.get(sub, ""), sub, float(probs[best])))
        return out


@lru_cache(maxsize=4)
def load_classifier(path: Path | None = None) -> Classifier | None:
    """The shipped classifier (cached), or None when its model file is absent."""
    path = path or MODEL_PATH
    return Classifier.load(path) if path.is_file() else None


def classify(texts: list[str]) -> list[Prediction | None]:
    """Predict each text's ACLED type; a list of None when no model is installed."""
    model = load_classifier()
    if model is None:
        return [None] * len(texts)
    return list(model.predict(texts))


def train(
    acled_paths: list[Path], out_dir: Path | None = None, holdout: tuple[str, ...] | None = None
) -> TrainReport:
    """Train and save the classifier (needs scikit-learn); see `classifier_train.train`."""
    from crisisledger.extractors.classifier_train import train as _train

    return _train(acled_paths, out_dir, holdout)
