"""NLP stage: which sentences reach spaCy, and the trimmed spaCy pipeline."""

from __future__ import annotations

from crisisledger.model import Article
from crisisledger.nlp.pipeline import analyse, candidate_sentences, load_spacy, may_name_entities
from crisisledger.nlp.sentences import split_sentences


def test_sentences_without_names_are_not_parsed() -> None:
    assert may_name_entities("Deputies found the car in Lorain County.")
    assert may_name_entities("Okafor was taken to a hospital.")
    assert may_name_entities("SHOTS FIRED near the mall")
    assert not may_name_entities("Police said the man was hit twice.")
    assert not may_name_entities("It’s unclear what led to the argument.")
    assert not may_name_entities('"We heard four pops," she said.')
    assert not may_name_entities("14 rounds were fired.")
    assert not may_name_entities("")


def test_candidate_sentences_of_a_short_article() -> None:
    text = "A man was shot in Dayton on Friday. He is expected to live. Witnesses heard several shots."
    picked = [s.text for s in candidate_sentences(split_sentences(text), len(text))]
    assert picked == ["A man was shot in Dayton on Friday."]


def test_ner_runs_without_the_unused_tok2vec() -> None:
    assert load_spacy().pipe_names == ["ner"]
    text = "Police said Maria Lopez was wounded in Dayton, Ohio. She is expected to recover."
    (doc,) = analyse([Article(id="t", text=text)])
    found = {(e.text, e.label) for e in doc.entities}
    assert ("Dayton", "GPE") in found and ("Ohio", "GPE") in found
    assert all(e.end <= len("Police said Maria Lopez was wounded in Dayton, Ohio.") for e in doc.entities)


def test_a_repeated_sentence_is_parsed_once(monkeypatch) -> None:
    from crisisledger.nlp import pipeline

    parsed: list[str] = []
    nlp = load_spacy()

    class Counting:
        def pipe(self, texts, batch_size=64):
            texts = list(texts)
            parsed.extend(texts)
            return nlp.pipe(texts, batch_size=batch_size)

    monkeypatch.setattr(pipeline, "load_spacy", lambda: Counting())
    monkeypatch.setattr(pipeline, "_PARSED", type(pipeline._PARSED)())
    first = "Gunfire in Toledo, Ohio, left a teenager hurt."
    second = "Officers from Akron arrived within minutes."
    found = pipeline.sentence_entities([first, second, first])
    assert parsed == [first, second]
    assert found[0] == found[2] and ("Toledo", "GPE") in {(e.text, e.label) for e in found[0]}
    assert pipeline.sentence_entities([second]) == [found[1]]
    assert parsed == [first, second]


def test_the_parsed_sentences_cache_is_bounded(monkeypatch) -> None:
    from crisisledger.nlp import pipeline

    monkeypatch.setattr(pipeline, "_PARSED", type(pipeline._PARSED)())
    monkeypatch.setattr(pipeline, "PARSED_CACHE_SIZE", 2)
    pipeline.sentence_entities(["Rain fell in Leeds.", "Snow fell in York."])
    pipeline.sentence_entities(["Hail fell in Hull.", "Snow fell in York."])
    assert list(pipeline._PARSED) == ["Hail fell in Hull.", "Snow fell in York."]
