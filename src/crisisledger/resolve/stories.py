"""Same-story links between articles, from the people they name.

Local reports of one incident name the same people (victims, suspects, relatives), and
two different incidents rarely share a full name within a few days. An article's
*names* are runs of two or three capitalised words (an initial may sit between them)
none of which is a stop word, a calendar word, a title or a street/agency word, nor
appears in lower case elsewhere in the same text, nor is possessive ("Fatal Shooting" in a headline is
not a name when the body says "fatal shooting"); a name is kept as "first last".

Two articles are linked as one story when both have at least `min_words` words
(shorter pages are boilerplate: sign-in forms, newsletter prompts, bylines) and they
share at least one name published within `near_days` of each other, or at least two
names within `follow_days` (a follow-up weeks later names the victim and the suspect).
A name found in more than `max_articles` articles is too common to tell stories apart.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass

_WORD = r"[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)?"
_RUN = re.compile(rf"\b{_WORD}(?:\s+(?:[A-Z]\.\s+)?{_WORD})+\b")
_LOWER = re.compile(r"\b[a-z][a-z'-]+\b")
_INITIAL = re.compile(r"[A-Z]\.")

_STOP_TEXT = """
    a an and the of in on at for to from by with after before about as but or not no is was are were be
    been this that these those he she it they we you his her its their our my your who what when where
    why how all any some more most many much one two three first last next new old good great big little
    also just than then there here up down out over under into near via per mr mrs ms dr jr sr sgt lt
    capt officer officers january february march april may june july august september october november
    december jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday
    saturday sunday police department county sheriff sheriffs office street road avenue drive boulevard
    lane court place chief deputy detective trooper news press city township village town state highway
    interstate route north south east west northeast northwest southeast southwest saint st hospital
    medical center school high university church park district attorney judge copyright facebook twitter
    share email click related coverage video photo channel update updated breaking local national view
    caption children las los san santa el la de fort port mount lake beach bay valley springs heights
    hills island river falls creek
"""
STOP = frozenset(_STOP_TEXT.split())


def person_names(text: str) -> frozenset[str]:
    """The person-like names in `text`, case-folded as "first last".

    Runs of capitalised words are cut at excluded words, so "Police Chief Ann Lee" gives "ann lee";
    a piece of two or three words is a name, a longer one is taken for an organisation's."""
    lower = set(_LOWER.findall(text))
    out = set()
    for m in _RUN.finditer(text):
        piece: list[str] = []
        for w in [*m.group(0).split(), "."]:
            if _INITIAL.fullmatch(w) and w != ".":
                continue
            if w != "." and w.casefold() not in STOP and w.casefold() not in lower and not w.endswith("'s"):
                piece.append(w)
                continue
            if 2 <= len(piece) <= 3:
                out.add(f"{piece[0]} {piece[-1]}".casefold())
            piece = []
    return frozenset(out)


@dataclass(frozen=True)
class StoryFacts:
    """What story linking needs to know about one article."""

    article_id: str
    published: dt.date | None
    names: frozenset[str]
    words: int

    @classmethod
    def of(cls, article_id: str, published: dt.date | None, text: str) -> StoryFacts:
        """Facts of an article from its text."""
        return cls(article_id, published, person_names(text), len(text.split()))


@dataclass
class StorySettings:
    """Thresholds of the same-story rule."""

    near_days: int = 3
    follow_days: int = 30
    min_words: int = 100
    max_articles: int = 50


@dataclass(frozen=True)
class StoryLink:
    """Two articles of one story, the names they share and why they were linked."""

    a: str
    b: str
    names: tuple[str, ...]
    reason: str


def story_links(facts: list[StoryFacts], settings: StorySettings | None = None) -> list[StoryLink]:
    """Pairs of articles that tell one story, strongest (most shared names) first."""
    s = settings or StorySettings()
    usable = [f for f in facts if f.words >= s.min_words and f.published is not None and f.names]
    by_name: dict[str, list[int]] = defaultdict(list)
    for i, f in enumerate(usable):
        for name in f.names:
            by_name[name].append(i)
    shared: dict[tuple[int, int], set[str]] = defaultdict(set)
    for name, idx in by_name.items():
        if len(idx) > s.max_articles:
            continue
        for x in range(len(idx)):
            for y in range(x + 1, len(idx)):
                shared[(idx[x], idx[y])].add(name)
    links = []
    for (i, j), names in shared.items():
        fa, fb = usable[i], usable[j]
        gap = abs((fa.published - fb.published).days)  # type: ignore[operator]
        if gap <= s.near_days or (len(names) >= 2 and gap <= s.follow_days):
            a, b = sorted((fa.article_id, fb.article_id))
            shown = tuple(sorted(names))
            reason = (
                f"articles {a} and {b} tell one story: they name {', '.join(shown)} "
                f"and were published {gap} day(s) apart"
            )
            links.append(StoryLink(a, b, shown, reason))
    return sorted(links, key=lambda k: (-len(k.names), k.a, k.b))
