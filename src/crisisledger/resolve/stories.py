"""Same-story links between articles, from the people, addresses and ages they give.

Local reports of one incident name the same people (victims, suspects, relatives), and
two different incidents rarely share a full name within a few days. The facts of an article
(names, street addresses, ages) are read by `resolve.storyfacts` when it is stored.

Two articles are linked as one story when both have at least `min_words` words
(shorter pages are boilerplate: sign-in forms, newsletter prompts, bylines) and
- they share at least one name and were published within `near_days` of each other, or
- they share at least two names within `follow_days` (a follow-up months later names the victim
  and the suspect), or
- they give the same street address ("the 1200 block of Elm Street") within `address_days`, and the
  ages both give (if any) are not all different.
A name or address found in more than `max_articles` articles is too common to tell stories apart.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from crisisledger.resolve.storyfacts import STOP, StoryFacts, person_names

__all__ = ["STOP", "StoryFacts", "StoryLink", "StorySettings", "person_names", "story_links"]


@dataclass
class StorySettings:
    """Thresholds of the same-story rule."""

    near_days: int = 3
    follow_days: int = 365
    address_days: int = 30
    min_words: int = 100
    max_articles: int = 50


@dataclass(frozen=True)
class StoryLink:
    """Two articles of one story, the names they share and why they were linked."""

    a: str
    b: str
    names: tuple[str, ...]
    reason: str


def _shared(usable: list[StoryFacts], keys: Iterable[tuple[int, frozenset[str]]],
            limit: int) -> dict[tuple[int, int], set[str]]:  # fmt: skip
    """Pairs of articles (indexes into `usable`) and the keys they share, skipping too common keys."""
    by_key: dict[str, list[int]] = defaultdict(list)
    for i, values in keys:
        for value in values:
            by_key[value].append(i)
    shared: dict[tuple[int, int], set[str]] = defaultdict(set)
    for value, idx in by_key.items():
        if len(idx) > limit:
            continue
        for x in range(len(idx)):
            for y in range(x + 1, len(idx)):
                shared[(idx[x], idx[y])].add(value)
    return shared


def _link(fa: StoryFacts, fb: StoryFacts, shared: set[str], what: str, gap: int) -> StoryLink:
    a, b = sorted((fa.article_id, fb.article_id))
    shown = tuple(sorted(shared))
    reason = (
        f"articles {a} and {b} tell one story: they {what} {', '.join(shown)} "
        f"and were published {gap} day(s) apart"
    )
    return StoryLink(a, b, shown, reason)


def story_links(facts: list[StoryFacts], settings: StorySettings | None = None) -> list[StoryLink]:
    """Pairs of articles that tell one story, strongest (most shared names) first."""
    s = settings or StorySettings()
    usable = [f for f in facts if f.words >= s.min_words and f.published is not None]
    links: dict[tuple[int, int], StoryLink] = {}
    for (i, j), names in _shared(usable, enumerate(f.names for f in usable), s.max_articles).items():
        fa, fb = usable[i], usable[j]
        gap = abs((fa.published - fb.published).days)  # type: ignore[operator]
        if gap <= s.near_days or (len(names) >= 2 and gap <= s.follow_days):
            links[(i, j)] = _link(fa, fb, names, "name", gap)
    for (i, j), places in _shared(usable, enumerate(f.addresses for f in usable), s.max_articles).items():
        fa, fb = usable[i], usable[j]
        gap = abs((fa.published - fb.published).days)  # type: ignore[operator]
        if (i, j) in links or gap > s.address_days or (fa.ages and fb.ages and not fa.ages & fb.ages):
            continue
        links[(i, j)] = _link(fa, fb, places, "give the address", gap)
    return sorted(links.values(), key=lambda k: (-len(k.names), k.a, k.b))
