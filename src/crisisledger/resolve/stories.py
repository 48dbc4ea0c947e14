"""Same-story links between articles, from the people, addresses and ages they give.

Local reports of one incident name the same people (victims, suspects, relatives), and
two different incidents rarely share a full name within a few days. The facts of an article
(names, people, street addresses, ages) are read by `resolve.storyfacts` when it is stored.

Two articles are linked as one story when both have at least `min_words` words
(shorter pages are boilerplate: sign-in forms, newsletter prompts, bylines; a brief of a few
sentences still names its story's people) and they share a name
found in at most `max_articles` articles (a common name tells stories apart poorly), and
- they were published within `near_days` of each other and the shared names are two or more, or
  one is a *person* (a name given with an age or as what happened to them: "Ann Lee, 23," / "Ann
  Lee was shot"), or they also give the same age (one rare name and one age are one person, wherever
  the extractor placed the two reports); a single other name holds only if the two stories are at
  the same place and were published within `name_days`; or
- within `follow_days` (a follow-up months or years later: an arrest, a trial), a shared name is a
  person and they share a second name, an age or an address; or they share a person only and are
  at the same place (`StoryLink.same_place`: checked by the resolver against the articles' main
  events). Names none of which is a person (an official's, a place's or an outlet's words read as a
  name) link weeks later no more than one such name does; or
- they give the same street address ("the 1200 block of Elm Street") within `address_days`, and the
  ages both give (if any) are not all different; or
- they give the very same ages (every age one gives, the other gives too) within `age_days`, and are
  at the same place (`same_place`): a follow-up weeks later (an arrest, a charge) that names no one
  still gives the victim's age (one age alone is common, but the same ages in one town within weeks
  are one story), unless more than `max_articles` later articles give those ages within `age_days`; or
- they share at least `min_terms` rare terms (words found in at most `term_articles` articles of the
  ledger: "laundromat", a street's or a business's name, a rare word of the story) within `term_days`.
  The ledger's own document frequency decides what is rare, so only a ledger of `term_ledger`
  articles or more tells it (in a few dozen articles, every word of a story is rare).

Reports spell a name differently ("Demontez"/"Damontez", "Adline"/"Adeline", "Jonathon"/"Jonathan"):
`merge_variants` first gives every spelling of a name one form across the ledger, so the rules above
and the evidence see one name.

`Evidence` turns the same facts against event links: two reports that name different rare people,
give different addresses or different ages, and share none of them, tell different stories.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from crisisledger.resolve.storyfacts import STOP, StoryFacts, person_names

__all__ = [
    "STOP",
    "Evidence",
    "StoryFacts",
    "StoryLink",
    "StorySettings",
    "merge_variants",
    "person_names",
    "story_links",
]


@dataclass
class StorySettings:
    """Thresholds of the same-story rule."""

    near_days: int = 3
    follow_days: int = 1095  # a trial or a sentence may come years after the incident
    address_days: int = 30
    name_days: int = 10
    min_words: int = 60
    evidence_words: int = 100  # facts of shorter pages (a brief) are too few to tell stories apart
    max_articles: int = 10
    term_articles: int = 5
    term_days: int = 3
    min_terms: int = 3
    term_same_place: bool = False
    term_ledger: int = 200
    age_days: int = 60


@dataclass
class Evidence:
    """The story facts of every article, to tell whether two reports agree or contradict each other.

    A name counts only when it is rare: found in at most `rare_articles` articles (a name in many
    articles is an official's, a politician's or a boilerplate credit, and tells stories apart poorly)."""

    facts: dict[str, StoryFacts]
    rare_articles: int = StorySettings.max_articles
    df: dict[str, int] = field(init=False)
    _rare: dict[str, frozenset[str]] = field(init=False, default_factory=dict, repr=False)
    _streets: dict[str, frozenset[str]] = field(init=False, default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        df: dict[str, int] = defaultdict(int)
        for f in self.facts.values():
            for name in f.names:
                df[name] += 1
        self.df = dict(df)

    def rare(self, f: StoryFacts) -> frozenset[str]:
        """The article's rare names."""
        found = self._rare.get(f.article_id)
        if found is None:
            found = self._rare[f.article_id] = frozenset(
                n for n in f.names if self.df.get(n, 0) <= self.rare_articles
            )
        return found

    def streets(self, f: StoryFacts) -> frozenset[str]:
        """The streets of the article's addresses (see `streets`)."""
        found = self._streets.get(f.article_id)
        if found is None:
            found = self._streets[f.article_id] = streets(f)
        return found

    def agreement(self, a: str, b: str, ages: bool = True) -> bool:
        """True when articles `a` and `b` share a rare name, an address or (with `ages`) an age."""
        fa, fb = self.facts.get(a), self.facts.get(b)
        if fa is None or fb is None:
            return False
        same_age = ages and fa.ages & fb.ages
        return bool(self.rare(fa) & self.rare(fb) or fa.addresses & fb.addresses or same_age)

    def different_people(self, a: str, b: str) -> bool:
        """True when articles `a` and `b` both name rare people (given with an age or as what happened to
        them) and share no rare name."""
        fa, fb = self.facts.get(a), self.facts.get(b)
        if fa is None or fb is None:
            return False
        na, nb = self.rare(fa), self.rare(fb)
        return bool(na & fa.persons and nb & fb.persons and not na & nb)

    def contradiction(self, a: str, b: str, people: bool = True) -> str | None:
        """Why articles `a` and `b` seem to tell different stories, or None.

        They do when they share no rare name, no street and no age, and they disagree on at
        least one of them: each names rare people (names given with an age or as what happened to
        them), or each gives an address, or each gives ages. Other names (a bystander, a place or
        an agency read as a name) tell too little to set two reports apart. Two addresses on one
        street ("the 1200 block of Elm Street", "Elm and Oak streets") may be one scene, and two ages
        a year apart one person (reports disagree by a birthday), so neither sets reports apart.
        Without `people` (an incident with several victims: each report may tell of another one),
        different people alone set nothing apart."""
        fa, fb = self.facts.get(a), self.facts.get(b)
        if fa is None or fb is None:
            return None
        na, nb = self.rare(fa), self.rare(fb)
        if na & nb:
            return None
        near_ages = fb.ages | {a + d for a in fb.ages for d in (-1, 1)}
        pairs = (("people", na & fa.persons, nb & fb.persons),
                 ("addresses", self.streets(fa), self.streets(fb)), ("ages", fa.ages, near_ages))  # fmt: skip
        if any(x & y for _, x, y in pairs):
            return None
        differ = [what for what, x, y in pairs if x and y and (people or what != "people")]
        return f"they give different {' and '.join(differ)}" if differ else None


def streets(f: StoryFacts) -> frozenset[str]:
    """The streets of an article's addresses, without block numbers, directions and suffixes
    ("1200 n elm st" and "elm ave & oak st" → "elm", "oak")."""
    out = set()
    for address in f.addresses:
        for part in address.split(" & "):
            words = [w for w in part.split() if not w.isdigit() and w not in _DIRECTIONS]
            out.add(" ".join(words[:-1] or words))
    return frozenset(out)


_DIRECTIONS = frozenset({"n", "s", "e", "w"})


@dataclass(frozen=True)
class StoryLink:
    """Two articles of one story, the names they share and why they were linked.

    A link with `same_place` holds only when the two articles' main events are at compatible places;
    `people` counts the shared names that both articles give as their story's people."""

    a: str
    b: str
    names: tuple[str, ...]
    reason: str
    same_place: bool = False
    by_terms: bool = False
    people: int = 0
    same_town: bool = False


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


def _link(fa: StoryFacts, fb: StoryFacts, shared: set[str], what: str, gap: int,
          same_place: bool = False, limit: int | None = None) -> StoryLink:  # fmt: skip
    """The link of two articles; its reason lists the first `limit` of the `shared` facts (all by default)."""
    a, b = sorted((fa.article_id, fb.article_id))
    shown = tuple(sorted(shared))
    listed = ", ".join(shown[:limit])
    if limit is not None and len(shown) > limit:
        listed += f" (and {len(shown) - limit} more)"
    reason = f"articles {a} and {b} tell one story: they {what} {listed}"
    reason += f" and were published {gap} day(s) apart"
    people = len(shared & fa.persons & fb.persons)
    return StoryLink(
        a, b, shown, reason + (" at the same place" if same_place else ""), same_place, people=people
    )


SHOWN_TERMS = 8


def _term_link(fa: StoryFacts, fb: StoryFacts, terms: set[str], gap: int, s: StorySettings) -> StoryLink:
    """The link of two articles sharing rare `terms` (its reason lists the first `SHOWN_TERMS`)."""
    what = f"share {len(terms)} words found in at most {s.term_articles} articles of the ledger:"
    found = _link(fa, fb, terms, what, gap, s.term_same_place, limit=SHOWN_TERMS)
    return replace(found, by_terms=True)


def _name_link(
    fa: StoryFacts, fb: StoryFacts, names: set[str], gap: int, s: StorySettings
) -> StoryLink | None:
    """The link two articles sharing rare `names` make, if any (see the module's rules)."""
    persons = names & (fa.persons | fb.persons)
    if gap <= s.near_days and (persons or len(names) >= 2):
        return _link(fa, fb, names, "name", gap)
    if gap <= s.near_days and fa.ages & fb.ages:
        same = ", ".join(f"age {a}" for a in sorted(fa.ages & fb.ages))
        return _link(fa, fb, names, f"give the {same} and name", gap)
    if gap > s.follow_days or not persons:
        return _link(fa, fb, names, "name", gap, same_place=True) if gap <= s.name_days else None
    if len(names) >= 2:
        return _link(fa, fb, names, "name", gap)
    ages, addresses = fa.ages & fb.ages, fa.addresses & fb.addresses
    if ages or addresses:
        more = [f"age {a}" for a in sorted(ages)] + sorted(addresses)
        return _link(fa, fb, names, f"give the age or address {', '.join(more)} and name", gap)
    return _link(fa, fb, names, "name", gap, same_place=True)


VARIANT_MIN = 4  # a shorter first or last name ("Ann", "Lee") has too many namesakes one letter away


def _deletions(word: str) -> set[str]:
    """The word and its forms with one letter left out: two words one edit apart share one of them."""
    return {word} | {word[:i] + word[i + 1 :] for i in range(len(word))}


def merge_variants(facts: list[StoryFacts], min_len: int = VARIANT_MIN) -> list[StoryFacts]:
    """The facts with every spelling of a name written one way across the ledger.

    Two names of two words are spellings of one name when one word is the same and the other, of at
    least `min_len` letters in either, is one letter apart (a letter added, left out, changed or two
    swapped: "demontez jones" and "damontez jones", "adline king" and "adeline king"); a name takes the
    alphabetically first spelling of its group. People keep their ages."""
    names = sorted({n for f in facts for n in f.names})
    parent = {n: n for n in names}

    def root(n: str) -> str:
        while parent[n] != n:
            parent[n] = n = parent[parent[n]]
        return n

    groups: dict[tuple[str, str, str], list[str]] = defaultdict(list)
    for n in names:
        words = n.split()
        if len(words) != 2:
            continue
        for k, (kept, varied) in enumerate((words[::-1], words)):
            if len(varied) >= min_len - 1:
                for form in _deletions(varied) if len(varied) >= min_len else {varied}:
                    groups[(str(k), kept, form)].append(n)
    for group in groups.values():
        for n in group[1:]:
            a, b = root(group[0]), root(n)
            if a != b:
                parent[max(a, b)] = min(a, b)
    spelling = {n: root(n) for n in names if root(n) != n}
    if not spelling:
        return facts

    def person(p: str) -> str:
        name, age = p.split("|", 1)
        return f"{spelling.get(name, name)}|{age}"

    out = []
    for f in facts:
        if any(n in spelling for n in f.names):
            spelt = frozenset(spelling.get(n, n) for n in f.names)
            f = replace(f, names=spelt, people=frozenset(map(person, f.people)))
        out.append(f)
    return out


def _same_ages(usable: list[StoryFacts], s: StorySettings) -> dict[tuple[int, int], int]:
    """Pairs of articles (indexes into `usable`, of `evidence_words` or more) giving the same set of
    ages, published within `age_days`, with the days between them. An article followed within
    `age_days` by more than `max_articles` others giving its ages links to none of them (ages that
    common tell stories apart poorly), so the cost grows with the articles, not their square."""
    by_ages: dict[frozenset[int], list[int]] = defaultdict(list)
    for i, f in enumerate(usable):
        if f.ages and f.words >= s.evidence_words:
            by_ages[f.ages].append(i)
    out: dict[tuple[int, int], int] = {}
    for idx in by_ages.values():
        idx.sort(key=lambda i: (usable[i].published, i))
        for x, i in enumerate(idx):
            later = idx[x + 1 : x + 2 + s.max_articles]
            days = [(usable[j].published - usable[i].published).days for j in later]  # type: ignore[operator]
            if len(later) > s.max_articles and days[-1] <= s.age_days:
                continue  # ages this common within the window tell stories apart poorly
            near = [(j, d) for j, d in zip(later, days, strict=True) if d <= s.age_days]
            out.update({(min(i, j), max(i, j)): d for j, d in near})
    return out


def story_links(facts: list[StoryFacts], settings: StorySettings | None = None) -> list[StoryLink]:
    """Pairs of articles that tell one story, strongest (most shared names) first."""
    s = settings or StorySettings()
    usable = [f for f in facts if f.words >= s.min_words and f.published is not None]
    links: dict[tuple[int, int], StoryLink] = {}
    for (i, j), names in _shared(usable, enumerate(f.names for f in usable), s.max_articles).items():
        fa, fb = usable[i], usable[j]
        gap = abs((fa.published - fb.published).days)  # type: ignore[operator]
        found = _name_link(fa, fb, names, gap, s)
        if found is not None:
            links[(i, j)] = found
    for (i, j), places in _shared(usable, enumerate(f.addresses for f in usable), s.max_articles).items():
        fa, fb = usable[i], usable[j]
        gap = abs((fa.published - fb.published).days)  # type: ignore[operator]
        if (i, j) in links or gap > s.address_days or (fa.ages and fb.ages and not fa.ages & fb.ages):
            continue
        links[(i, j)] = _link(fa, fb, places, "give the address", gap)
    for (i, j), gap in _same_ages(usable, s).items():
        if (i, j) not in links:
            fa, fb = usable[i], usable[j]
            ages = {f"age {a}" for a in fa.ages}
            found = _link(fa, fb, ages, "give the same ages only:", gap, same_place=True)
            links[(i, j)] = replace(found, same_town=True)
    by_terms = enumerate(f.terms for f in usable) if len(usable) >= s.term_ledger else iter(())
    for (i, j), terms in _shared(usable, by_terms, s.term_articles).items():
        fa, fb = usable[i], usable[j]
        gap = abs((fa.published - fb.published).days)  # type: ignore[operator]
        if (i, j) not in links and len(terms) >= s.min_terms and gap <= s.term_days:
            links[(i, j)] = _term_link(fa, fb, terms, gap, s)
    return sorted(links.values(), key=lambda k: (k.same_place, k.by_terms, -len(k.names), k.a, k.b))
