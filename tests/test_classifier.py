"""The event-type classifier: note cleaning, features, and numpy-vs-scikit-learn equivalence."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from crisisledger.extractors.acled_csv import parse_acled_date
from crisisledger.extractors.classifier import Classifier, clean_note, features, load_classifier

TRAIN = [
    ("Hundreds of teachers marched peacefully to the ministry demanding unpaid wages.", "Peaceful protest"),
    ("Students held a sit-in outside the university to protest fee increases.", "Peaceful protest"),
    ("Residents rallied in the town square against the new tax law.", "Peaceful protest"),
    ("Nurses gathered at the hospital gate and protested over salaries.", "Peaceful protest"),
    ("A fighter jet bombed a militant camp, killing 4 fighters.", "Air/drone strike"),
    ("A drone strike hit a vehicle carrying insurgents near the border.", "Air/drone strike"),
    ("Warplanes carried out airstrikes on rebel positions overnight.", "Air/drone strike"),
    ("An air raid destroyed a weapons depot of the armed group.", "Air/drone strike"),
    ("Soldiers and rebels exchanged fire for two hours in the village.", "Armed clash"),
    ("Militants attacked an army post and fighting lasted until dawn.", "Armed clash"),
    ("Police clashed with gunmen at a checkpoint; 3 gunmen were killed.", "Armed clash"),
    ("Government troops fought insurgents near the river crossing.", "Armed clash"),
]


def test_clean_note_removes_coder_boilerplate() -> None:
    note = "Movement of forces: On 3 May 2020, troops moved to the town. [size=no report] [women targeted: X]"
    assert clean_note(note) == "On 3 May 2020, troops moved to the town."
    assert clean_note("Two men were shot dead. Unknown fatalities coded as 3. Police came.") == (
        "Two men were shot dead. Police came."
    )
    assert clean_note("People gathered in the park. [size =around 50]") == "People gathered in the park."
    assert clean_note("Plain text stays [as it is].") == "Plain text stays [as it is]."


def test_features_words_bigrams_and_char_grams() -> None:
    assert features("Shot 12 men") == [
        "shot",
        "0",
        "men",
        "shot 0",
        "0 men",
        "#<sho",
        "#shot",
        "#hot>",
    ]


def test_load_classifier_without_model_file_is_none(tmp_path: Path) -> None:
    assert load_classifier(tmp_path / "missing.npz") is None


def test_acled_dates_of_every_vintage() -> None:
    for value in (
        "31 December 2020",
        "2020-12-31",
        "31-Dec-20",
        "31-12-20",
        "31-December-2020",
        "2020-12-31T00:00:00Z",
    ):
        assert parse_acled_date(value) is not None and parse_acled_date(value).isoformat() == "2020-12-31"
    assert parse_acled_date("not a date") is None


def test_numpy_predictor_equals_scikit_learn(tmp_path: Path) -> None:
    text_mod = pytest.importorskip("sklearn.feature_extraction.text")
    linear = pytest.importorskip("sklearn.linear_model")
    texts, labels = [t for t, _ in TRAIN], [lab for _, lab in TRAIN]
    vectorizer = text_mod.TfidfVectorizer(analyzer=features, sublinear_tf=True, dtype=np.float32)
    matrix = vectorizer.fit_transform(texts)
    model = linear.LogisticRegression(C=10.0, max_iter=500).fit(matrix, labels)
    vocabulary = sorted(vectorizer.vocabulary_, key=vectorizer.vocabulary_.get)
    path = tmp_path / "model.npz"
    Classifier.save(path, vocabulary, vectorizer.idf_, model.coef_, model.intercept_, list(model.classes_))
    ours = Classifier.load(path)
    probes = [
        "Dozens of farmers marched to parliament to protest land prices.",
        "An airstrike by military aircraft killed 7 militants in their hideout.",
        "Rebels and the army fought a gun battle near the market.",
        "Nothing in this sentence matches anything seen before: zebra.",
        "[size=no report]",
    ]
    expected = model.predict_proba(vectorizer.transform([clean_note(p) for p in probes]))
    for probe, row in zip(probes, expected, strict=True):
        idx, vals = ours.vectorize(clean_note(probe))
        reference = vectorizer.transform([clean_note(probe)]).toarray()[0]
        dense = np.zeros_like(reference)
        dense[idx] = vals
        np.testing.assert_allclose(dense, reference, atol=1e-6)
        np.testing.assert_allclose(ours.probabilities(probe), row, atol=2e-3)
    predictions = ours.predict(probes)
    assert [p.sub_event_type for p in predictions] == list(model.classes_[expected.argmax(axis=1)])
    assert predictions[1].event_type == "Explosions/Remote violence"
    assert predictions[0].event_type == "Protests"
    assert 0 < predictions[0].confidence <= 1


def test_clean_note_without_tags_or_coding_remarks_is_only_respaced() -> None:
    assert clean_note("  Looting:  Shops were   emptied (fatalities unknown).") == (
        "Shops were emptied (fatalities unknown)."
    )
    assert clean_note("Three were killed (two CODED as civilians).") == "Three were killed ."
