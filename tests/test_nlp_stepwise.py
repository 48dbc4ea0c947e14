"""NER decoding stepped from Python (nlp.stepwise): the same entities as spaCy's own loop."""

from __future__ import annotations

import os

import spacy
from thinc.api import NumpyOps

from crisisledger.nlp.pipeline import load_spacy
from crisisledger.nlp.stepwise import ner_pipe, stepwise_ner

TEXTS = [
    "Two men were wounded outside a bar in Fresno, California, late on Saturday.",
    "The Red Cross said 14 villagers died when militants attacked Tillaberi.",
    "",
    "Sheriff Dana Whitfield told WKRC that the suspect fled toward Cincinnati.",
    "Rain.",
    "Protesters marched from Tahrir Square to the Interior Ministry in Cairo on Friday afternoon.",
]


def _ents(docs) -> list[list[tuple[int, int, str]]]:
    return [[(e.start_char, e.end_char, e.label_) for e in doc.ents] for doc in docs]


def test_stepwise_ner_finds_what_spacy_finds() -> None:
    nlp = load_spacy()
    for batch_size in (2, 64):
        assert _ents(ner_pipe(nlp, TEXTS, batch_size)) == _ents(nlp.pipe(TEXTS, batch_size=batch_size))
    found = {(e.text, e.label_) for doc in ner_pipe(nlp, TEXTS) for e in doc.ents}
    assert ("Fresno", "GPE") in found and ("Cairo", "GPE") in found


def test_other_pipelines_use_spacys_own_pipe() -> None:
    blank = spacy.blank("en")
    assert stepwise_ner(blank) is None
    assert [d.text for d in ner_pipe(blank, ["A man was hurt.", "Rain."])] == ["A man was hurt.", "Rain."]


def test_the_ner_multiplies_with_numpy() -> None:
    ner = load_spacy().get_pipe("ner")
    assert all(isinstance(n.ops, NumpyOps) and not n.ops.use_blis for n in ner.model.walk())


def test_the_command_line_asks_one_blas_thread() -> None:
    import crisisledger.cli  # noqa: F401

    assert os.environ.get("OPENBLAS_NUM_THREADS")
