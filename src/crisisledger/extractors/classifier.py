"""A small supervised event-type classifier trained on ACLED event notes.

Runtime is pure numpy: `load_classifier()` reads `data/event_classifier.npz` (vocabulary, idf
weights, linear coefficients) and `classify(texts)` predicts ACLED's sub-event type (and so its
event type) with a confidence. Training (`train`, exposed as `crisisledger train`) needs
scikit-learn, which is imported only inside it; see `classifier_train.py`.

Features are TF-IDF (sublinear tf, l2-normalised) over word unigrams, word bigrams and
character 4-grams inside words, produced by `features()` (version 1) or `features_v2()` (version 2:
dates masked and a leading date clause dropped, numbers bucketed, actor-role tokens such as
"R_state"/"R_armed" for the nouns that name who acts) or `features_v3()` (version 3: version 2
plus a "RULE_<sub-type>" token for every rule of `event_types.RULES` the text matches), which
training and prediction share; the model file's meta says which version it uses, and whether to
decode hierarchically (event type by summed probability first, then the best sub-type of that type).
A version 3 model learned the rules as they were when it was trained: retrain after changing them.
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

from crisisledger.extractors.event_types import rule_types
from crisisledger.model import SUB_EVENT_TYPES

if TYPE_CHECKING:
    from crisisledger.extractors.classifier_train import TrainReport

MODEL_PATH = Path(__file__).resolve().parents[1] / "data" / "event_classifier.npz"

# ACLED coders' boilerplate, removed before training and prediction.
_TAG_RE = re.compile(r"\[\s*[a-z][a-z ]*\s*[=:][^\]]*\]", re.IGNORECASE)
_CODED_RE = re.compile(
    r"\([^()]*\bcoded\b[^()]*\)|[^.]*\b(?:fatalities|fatality)\b[^.]*\bcoded\b[^.]*\.?", re.I
)
_CODED_WORD = re.compile(r"\bcoded\b", re.I)
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

_MONTH = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november|december|"
    r"jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)"
)
_ORD = r"(?:st|nd|rd|th)?"
# dates ("3 March 2020", "March 3rd, 2020", "March 2020", "03/04/2020"): "march" the month is no march
_DATE_RE = re.compile(
    rf"\b(?:\d{{1,2}}{_ORD}\s+{_MONTH}\.?(?:,?\s+\d{{4}})?|{_MONTH}\.?\s+\d{{1,2}}{_ORD}(?:,?\s+\d{{4}})?"
    rf"|{_MONTH}\s+\d{{4}}|\d{{1,2}}[/-]\d{{1,2}}[/-]\d{{2,4}})\b",
    re.IGNORECASE,
)
# the coder's opening "On DATE (night),": it says when, not what
_LEAD_DATE_RE = re.compile(
    r"^\s*(?:on|around|between|from|in|during|overnight|late|early|the night of)\b[^,.;]{0,40}?\bDATE\b"
    r"[^,.;]{0,25}?,\s*",
    re.IGNORECASE,
)
# who acts, abstracted: the same pattern ("R_armed killed", "R_state fired on R_crowd") across countries
_ROLE_WORDS = {
    "armed": r"militants?|insurgents?|rebels?|jihadists?|fighters?|gunm[ae]n|bandits?|militiam[ae]n|"
    r"militias?|terrorists?|extremists?|assailants?|attackers?|kidnappers|herders?|vigilantes?|hunters",
    "state": r"police|policem[ae]n|officers?|soldiers?|troops?|army|military|forces|gendarmes?|gendarmerie|"
    r"navy|guards?",
    "crowd": r"protesters?|protestors?|demonstrators?|rioters?|marchers|crowds?|mob|students|workers|"
    r"supporters|activists",
    "civ": r"civilians?|villagers?|residents?|people|man|men|woman|women|child|children|boys?|girls?|"
    r"farmers?|traders?|passengers?|family",
}
_ROLE_RES = [(role, re.compile(rf"(?:{words})")) for role, words in _ROLE_WORDS.items()]


@dataclass(frozen=True)
class Prediction:
    """The predicted ACLED type of one text; confidence is the sub-type's probability."""

    event_type: str
    sub_event_type: str
    confidence: float


def clean_note(text: str) -> str:
    """Remove ACLED coder boilerplate: "[size=…]" tags, "coded as N" remarks, label prefixes."""
    if "[" in text:
        text = _TAG_RE.sub(" ", text)
    if _CODED_WORD.search(text):  # both of _CODED_RE's forms need the word (it is slow on long texts)
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


def normalise(text: str) -> str:
    """`clean_note`, then dates masked as "DATE" and a leading date clause dropped (features v2)."""
    text = _SPACE_RE.sub(" ", _DATE_RE.sub(" DATE ", clean_note(text))).strip()
    return _LEAD_DATE_RE.sub("", text)


_BUCKETS = ((0, "n0"), (1, "n1"), (5, "n2_5"), (20, "n6_20"), (100, "n21_100"), (1000, "n101_1000"))


@lru_cache(maxsize=65536)
def _role(token: str) -> str | None:
    return next((f"R_{role}" for role, rx in _ROLE_RES if rx.fullmatch(token)), None)


def _bucket(token: str) -> str:
    """A number as its order of size ("n1", "n2_5", …, "nyear"); other tokens unchanged."""
    if not token.isdigit():
        return token
    n = int(token) if len(token) < 7 else 10**7
    for top, name in _BUCKETS:
        if n <= top:
            return name
    return "nyear" if len(token) == 4 else "nbig"


def features_v2(text: str) -> list[str]:
    """Version 2: unigrams and bigrams (numbers bucketed), role tokens and the bigrams they form,
    and in-word character 4-grams."""
    tokens = [_bucket(tok) for tok in _TOKEN_RE.findall(text.lower())]
    out = list(tokens)
    out.extend(f"{a} {b}" for a, b in pairwise(tokens))
    roles = [_role(tok) or tok for tok in tokens]
    out.extend(f"{a} {b}" for a, b in pairwise(roles) if a.startswith("R_") or b.startswith("R_"))
    out.extend(r for r in roles if r.startswith("R_"))
    for tok in tokens:
        if len(tok) > 3:
            padded = f"<{tok}>"
            out.extend("#" + padded[i : i + 4] for i in range(len(padded) - 3))
    return out


def features_v3(text: str) -> list[str]:
    """Version 3: version 2, plus a token for each rule type (`event_types.RULES`) the text matches,
    so the model learns how far each rule's cue words hold in ACLED's coding."""
    return features_v2(text) + [f"RULE_{sub}" for sub in dict.fromkeys(rule_types(text))]


FEATURES = {1: (clean_note, features), 2: (normalise, features_v2), 3: (normalise, features_v3)}


class Classifier:
    """A linear softmax classifier over TF-IDF features, evaluated with numpy only."""

    def __init__(
        self,
        vocabulary: list[str],
        idf: np.ndarray,
        coef: np.ndarray,
        intercept: np.ndarray,
        classes: list[str],
        meta: dict[str, object] | None = None,
    ) -> None:
        meta = meta or {}
        self.prepare, self.features = FEATURES[int(str(meta.get("features", 1)))]
        self.hierarchical = bool(meta.get("hierarchical", False))
        self.vocabulary = {term: i for i, term in enumerate(vocabulary)}
        self.idf = idf.astype(np.float32)
        self.weights = np.ascontiguousarray(coef.astype(np.float32).T)  # (features, classes)
        self.intercept = intercept.astype(np.float32)
        self.classes = classes
        types = sorted({SUB_EVENT_TYPES.get(c, "") for c in classes})
        self._type_of = np.array([types.index(SUB_EVENT_TYPES.get(c, "")) for c in classes])
        self._types = len(types)

    @classmethod
    def load(cls, path: Path) -> Classifier:
        """Read a model written by `save` (no pickle)."""
        with np.load(path, allow_pickle=False) as data:
            vocabulary = bytes(data["vocabulary"]).decode("utf-8").split("\n")
            classes = bytes(data["classes"]).decode("utf-8").split("\n")
            meta = json.loads(bytes(data["meta"]).decode("utf-8")) if "meta" in data.files else {}
            return cls(vocabulary, data["idf"], data["coef"], data["intercept"], classes, meta)

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
        counts = Counter(i for i in map(self.vocabulary.get, self.features(text)) if i is not None)
        if not counts:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
        idx = np.fromiter(counts.keys(), dtype=np.int64, count=len(counts))
        tf = np.fromiter((1.0 + math.log(c) for c in counts.values()), dtype=np.float32, count=len(counts))
        vals = tf * self.idf[idx]
        return idx, vals / np.float32(np.sqrt(np.dot(vals, vals)))

    def probabilities(self, text: str) -> np.ndarray:
        """Class probabilities (softmax of the linear scores) for one text."""
        idx, vals = self.vectorize(self.prepare(text))
        scores = self.intercept + vals @ self.weights[idx]
        scores = np.exp(scores - scores.max())
        return scores / scores.sum()

    def best(self, probs: np.ndarray) -> int:
        """The most probable class, or (hierarchical) the best sub-type of the most probable type."""
        if not self.hierarchical:
            return int(probs.argmax())
        by_type = np.bincount(self._type_of, weights=probs, minlength=self._types)
        return int(np.where(self._type_of == by_type.argmax(), probs, -1.0).argmax())

    def predict(self, texts: list[str]) -> list[Prediction]:
        """The most probable sub-event type of each text, with its event type."""
        out = []
        for text in texts:
            probs = self.probabilities(text)
            best = self.best(probs)
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
