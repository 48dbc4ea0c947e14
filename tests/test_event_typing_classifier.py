"""Event-typing classifier v2 and v3: dates masked, numbers bucketed, role and rule tokens, type first."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from crisisledger.extractors.classifier import (
    Classifier,
    features_v2,
    features_v3,
    load_classifier,
    normalise,
)
from crisisledger.extractors.event_types import classify_by_rules, rule_types


def test_normalise_masks_dates_and_drops_the_leading_date_clause() -> None:
    note = "On 4 March 2021 (night), some 30 nurses marched to the ministry; they met again on May 2."
    assert normalise(note) == "some 30 nurses marched to the ministry; they met again on DATE ."
    assert normalise("Movement of forces: Around 12th June, troops moved in.") == "troops moved in."
    assert (
        normalise("Farmers protested in March 2019 over prices.") == "Farmers protested in DATE over prices."
    )


def test_features_v2_buckets_numbers_and_adds_role_tokens() -> None:
    feats = features_v2("Soldiers shot 3 protesters")
    assert feats[:7] == [
        "soldiers",
        "shot",
        "n2_5",
        "protesters",
        "soldiers shot",
        "shot n2_5",
        "n2_5 protesters",
    ]
    assert "R_state shot" in feats and "n2_5 R_crowd" in feats
    assert feats.count("R_state") == 1 and feats.count("R_crowd") == 1
    assert "#sold" in feats
    assert features_v2("1 12 250 2019 1500000")[:5] == ["n1", "n6_20", "n101_1000", "nyear", "nbig"]


def _model(tmp_path: Path, hierarchical: bool) -> Classifier:
    vocabulary = ["clash", "protest", "march"]
    classes = ["Armed clash", "Attack", "Peaceful protest", "Sexual violence"]
    # "clash" favours Armed clash alone, but Attack + Sexual violence together outweigh it
    coef = np.array([[3.0, 0, 0], [2.6, 0, 0], [0, 3, 1], [2.6, 0, 0]])
    path = tmp_path / "m.npz"
    meta = {"features": 2, "hierarchical": hierarchical}
    Classifier.save(path, vocabulary, np.ones(3), coef, np.zeros(4), classes, meta)
    return Classifier.load(path)


def test_hierarchical_decoding_picks_the_type_first(tmp_path: Path) -> None:
    flat, hier = _model(tmp_path, False), _model(tmp_path, True)
    assert flat.hierarchical is False and hier.hierarchical is True
    assert flat.predict(["Men clash."])[0].sub_event_type == "Armed clash"
    (prediction,) = hier.predict(["Men clash."])
    assert (prediction.event_type, prediction.sub_event_type) == ("Violence against civilians", "Attack")
    assert hier.predict(["A protest on 3 March."])[0].sub_event_type == "Peaceful protest"


def test_rule_types_lists_every_matching_rule_in_order() -> None:
    text = "Rebels fought soldiers near the market, and a teacher was killed by a stray bullet."
    assert list(rule_types(text)) == ["Armed clash", "Attack"]
    assert classify_by_rules(text) == "Armed clash"
    assert list(rule_types("The council approved the budget.")) == []


def test_features_v3_add_one_token_per_matching_rule() -> None:
    feats = features_v3("Rebels fought soldiers, and one teacher was killed.")
    assert feats[-2:] == ["RULE_Armed clash", "RULE_Attack"]
    assert feats[:-2] == features_v2("Rebels fought soldiers, and one teacher was killed.")


def test_shipped_model_reads_rule_tokens() -> None:
    model = load_classifier()
    assert model is not None and model.features is features_v3 and model.hierarchical
    assert "RULE_Air/drone strike" in model.vocabulary
    (prediction,) = model.predict(["An airstrike hit militant positions near the village, killing 6."])
    assert prediction.sub_event_type == "Air/drone strike"
