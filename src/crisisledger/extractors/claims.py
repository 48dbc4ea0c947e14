"""Attributed statements: who said what, in direct or reported speech.

One claim per sentence per speaker. The speaker is a person, named in full when the article gave the full
name earlier ("said Tokayev" -> "Kassym-Jomart Tokayev"); titles are dropped. `statement` is the reported
clause (the text after "X said that ...", or before "..., X said"), else the sentence. `quote` holds the
quoted fragments of the sentence, joined by " … " (quotes may be curly, straight, guillemets, or
mismatched as machine translation leaves them).
`reported_by` is the outlet found by `attribution_for`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from crisisledger.extractors.attribution import attribution_for, find_authorities
from crisisledger.extractors.outlets import canonical_outlet
from crisisledger.model import Claim
from crisisledger.nlp.pipeline import ArticleDoc
from crisisledger.nlp.sentences import Sentence

_VERB = re.compile(
    r"\b(?:said|says|say|told|tells|added|adds|explained|explains|explain|stated|states|claimed|claims|accused|"
    r"accuses|warned|warns|described|describes|called|calls|denied|denies|noted|stressed|insisted|"
    r"declared|announced|[Aa]ccording\s+to|in\s+(?:his|her|a|their)\s+(?:speech|address|statement))\b"
)
_QUOTE = re.compile(r"[“\"«„”]\s*(?P<q>[^“\"«„”»\n]{2,}?)\s*[”\"»“]")
_TITLES = re.compile(
    r"^(?:(?:the|a|former|acting|interim|then)\s+)*(?:(?:[A-Z][a-z]+|[A-Z]{2,})\s+)?"
    r"(?:President|Prime\s+Minister|Premier|Minister|Foreign\s+Minister|Interior\s+Minister|Mr\.?|Mrs\.?|"
    r"Ms\.?|Dr\.?|General|Gen\.|Colonel|Col\.|Secretary|Mayor|Governor|Chancellor|King|Queen|Prince|"
    r"Senator|Sen\.|Spokesman|Spokeswoman|Ambassador|Chairman|Leader|Commander|Akim|Deputy|Judge|Pope)\s+",
    re.I,
)
_NAME = r"(?:[A-Z][a-zà-ÿ'’]+(?:-[A-Z]?[a-zà-ÿ'’]+)*|[A-Z]\.)"
_NAME_BEFORE = re.compile(rf"(?P<n>{_NAME}(?:\s+{_NAME}){{0,2}})(?:'s)?[\s,]*$")
_NAME_AFTER = re.compile(rf"^[\s,]*(?:{_TITLES.pattern[1:]})?(?P<n>{_NAME}(?:\s+{_NAME}){{0,2}})", re.I)
_ADJACENT = re.compile(r"^[\s,]*(?:(?:the|a|former|[A-Z][\w.-]*)\s+){0,4}$")
_TITLE_BEFORE = re.compile(
    r"\b(?:president|prime minister|premier|minister|spokes(?:man|woman|person)|leader|chief|governor|mayor|"
    r"general|commander|ambassador|secretary|chairman|senator|king|queen)\s*,?\s*$",
    re.I,
)
_PRONOUN_BEFORE = re.compile(r"\b(?:he|she)\s+(?:also\s+|later\s+|then\s+)?$", re.I)
_NOT_NAMES = {
    "The",
    "This",
    "That",
    "It",
    "He",
    "She",
    "They",
    "We",
    "I",
    "But",
    "And",
    "In",
    "On",
    "At",
    "As",
    "According",
    "Police",
    "Officials",
    "Authorities",
    "Government",
    "Ministry",
    "President",
    "Minister",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "Earlier",
    "Later",
}


@dataclass(frozen=True)
class _Speaker:
    name: str
    start: int
    end: int


def _strip_title(name: str) -> str:
    name = re.sub(r"['’]s$", "", name.strip(" ,.")).strip()
    while True:
        stripped = _TITLES.sub("", name, count=1)
        if stripped == name:
            return name
        name = stripped


class _Names:
    """Full names seen so far in the article, for resolving later surname-only mentions."""

    def __init__(self) -> None:
        self.full: list[str] = []

    def add(self, name: str) -> None:
        if len(name.split()) > 1 and name not in self.full:
            self.full.append(name)

    def resolve(self, name: str, before: str = "") -> str:
        """The full name for a surname: a PERSON seen earlier, else a capitalised run ending in it."""
        if len(name.split()) > 1:
            return name
        for full in reversed(self.full):
            parts = full.replace("-", " ").split()
            if name in full.split() or name == parts[-1] or name in parts:
                return full
        for m in re.finditer(rf"\b((?:{_NAME}\s+){{1,2}}){re.escape(name)}\b", before):
            full = _strip_title(m.group(0))
            if len(full.split()) > 1 and full.split()[0] not in _NOT_NAMES:
                self.add(full)
                return full
        return name


def _is_person_like(doc: ArticleDoc, name: str, start: int, end: int, names: _Names) -> bool:
    """Accept a capitalised name when spaCy calls it a person or it matches a person named earlier."""
    first = name.split()[0]
    if first in _NOT_NAMES or canonical_outlet(name) or find_authorities(name):
        return False
    labels = {e.label for e in doc.entities if e.start < end and e.end > start}
    if labels & {"GPE", "LOC", "NORP", "FAC"}:
        return False
    if "PERSON" in labels or _TITLE_BEFORE.search(doc.text[max(0, start - 40) : start]):
        return True
    return names.resolve(name) != name


def _speakers(
    doc: ArticleDoc, sentence: Sentence, names: _Names, last: str | None
) -> list[tuple[_Speaker, int]]:
    """(speaker, verb offset) pairs found around each speech verb of the sentence."""
    out: list[tuple[_Speaker, int]] = []
    text = sentence.text
    quoted = [(m.start() + sentence.start, m.end() + sentence.start) for m in _QUOTE.finditer(text)]
    persons = [
        p
        for p in doc.entities_in(sentence.start, sentence.end, {"PERSON"})
        if not canonical_outlet(p.text)
        and not find_authorities(p.text)
        and not any(qs <= p.start < qe for qs, qe in quoted)  # a name inside a quotation is not its speaker
    ]
    for verb in _VERB.finditer(text):
        vs, ve = verb.start() + sentence.start, verb.end() + sentence.start
        found: _Speaker | None = None
        after = [p for p in persons if 0 <= p.start - ve <= 30 and "according" in verb.group(0)]
        before = [p for p in persons if 0 <= vs - p.end <= 60 and "according" not in verb.group(0)]
        direct = [p for p in persons if 0 <= p.start - ve <= 30 and _ADJACENT.match(doc.text[ve : p.start])]
        for group in (after, before[-1:], direct[:1]):
            if group:
                p = group[0]
                found = _Speaker(_strip_title(p.text), p.start, p.end)
                break
        if found is None:
            found = _regex_speaker(doc, sentence, verb, names, last)
        if found is not None and found.name:
            out.append((found, verb.start()))
    return out


def _regex_speaker(
    doc: ArticleDoc, sentence: Sentence, verb: re.Match[str], names: _Names, last: str | None
) -> _Speaker | None:
    text = sentence.text
    m = _NAME_AFTER.match(text[verb.end() :])
    if m:
        s = sentence.start + verb.end() + m.start("n")
        name = _strip_title(m.group("n"))
        if name and _is_person_like(doc, name, s, s + len(m.group("n")), names):
            return _Speaker(name, s, s + len(m.group("n")))
    head = text[max(0, verb.start() - 60) : verb.start()]
    b = _NAME_BEFORE.search(head)
    if b:
        s = sentence.start + verb.start() - len(head) + b.start("n")
        name = _strip_title(b.group("n"))
        if name and _is_person_like(doc, name, s, s + len(b.group("n")), names):
            return _Speaker(name, s, s + len(b.group("n")))
    if last and _PRONOUN_BEFORE.search(text[: verb.start()]):
        return _Speaker(last, -1, -1)
    return None


def _quote(text: str) -> str | None:
    """The quoted words of the sentence; several quotations are joined with " … "."""
    quotes = [m.group("q").strip(" ,.") for m in _QUOTE.finditer(text)]
    quotes = list(dict.fromkeys(q for q in quotes if q))
    return " … ".join(quotes) if quotes else None


def _clean(fragment: str, told: bool = False) -> str:
    if told:  # "told reporters that ..." / "told AFP ..." -> drop the addressee
        fragment = re.sub(r"^\s*(?:[\w.'’-]+\s+){1,4}?(?=that\b)", "", fragment)
    fragment = re.sub(r"^[\s,:;\-–—]*(?:that\s+)?", "", fragment)
    return fragment.strip(' ,;:.-–—“”"«»„').strip()


def _statement(text: str, verb: tuple[int, int], speaker: tuple[int, int]) -> str:
    """The reported clause: after 'X said (that)', before ', X said' / ', said X'; else the sentence."""
    left = min(verb[0], speaker[0]) if speaker[0] >= 0 else verb[0]
    right = max(verb[1], speaker[1])
    told = text[verb[0] : verb[1]].lower() in {"told", "tells"}
    before, after = _clean(text[:left]), _clean(text[right:], told)
    if text[verb[0] : verb[1]].lower().startswith("according"):
        before, after = after, before
    for candidate in (after, before) if speaker[0] < verb[0] and len(after.split()) >= 3 else (before, after):
        if len(candidate.split()) >= 3:
            return candidate
    return text.strip()


def extract_claims(doc: ArticleDoc) -> list[Claim]:
    """Every attributed statement in the article, one per sentence and speaker."""
    names = _Names()
    claims: list[Claim] = []
    last: str | None = None
    for sentence in doc.sentences:
        for p in doc.entities_in(sentence.start, sentence.end, {"PERSON"}):
            names.add(_strip_title(p.text))
        seen: set[str] = set()
        for speaker, verb_at in _speakers(doc, sentence, names, last):
            name = names.resolve(speaker.name, doc.text[: sentence.start])
            if name in seen:
                continue
            seen.add(name)
            verb = _VERB.match(sentence.text, verb_at)
            span = (verb_at, verb.end() if verb else verb_at)
            rel = (
                (speaker.start - sentence.start, speaker.end - sentence.start)
                if speaker.start >= 0
                else (-1, -1)
            )
            statement = _statement(sentence.text, span, rel)
            claims.append(
                Claim(
                    speaker=name,
                    statement=statement,
                    quote=_quote(sentence.text),
                    reported_by=attribution_for(doc, sentence.start, sentence.end).outlet,
                    start=sentence.start,
                    end=sentence.end,
                )
            )
            last = name
    return claims
