"""An article's country context: votes from country names (weighted by how they are written), place
names several candidates share, organisation names, groups and US state cues."""

from __future__ import annotations

import re
from collections import Counter

from crisisledger.geo.countries import Country, fold, is_demonym, prose_country
from crisisledger.geo.gazetteer import Gazetteer, Place, skeleton
from crisisledger.geo.spans import Span
from crisisledger.nlp.pipeline import ArticleDoc

# "Saudi-led coalition", "Turkish-backed fighters": an actor's adjective, not where the event happened.
_ACTOR_SUFFIX = re.compile(
    r"^-(?:led|backed|allied|supported|sponsored|affiliated|trained|based)\b", re.IGNORECASE
)


# "US forces", "UK government": a country named as an actor, not as the place.
_ACTOR_NOUN = re.compile(
    r"^(?:'s|’s)?\s+(?:special\s+|armed\s+|military\s+|security\s+)?(?:forces|troops|army|military|soldiers|"
    r"air\s*force|navy|government|officials|authorities|embassy|drones?|jets|warplanes|aircraft|"
    r"coalition|contingent|peacekeepers)\b",
    re.IGNORECASE,
)


# "airstrikes by France", "shelling carried out by Turkey": a country named as the agent.
_AGENT_BEFORE = re.compile(
    r"\b(?:by|from|border\s+with|(?:fled|crossed|driven|drove\s+them)\s+(?:over\s+|back\s+)?(?:in)?to)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# "near the Burkina Faso border": the event lies on either side.
_BORDER_AFTER = re.compile(r"^(?:'s)?\s+border\b", re.IGNORECASE)


# "in northern Yemen", "near Syria's": a country named as the place of the event.
_PLACE_BEFORE = re.compile(
    r"\b(?:in|inside|near|across|into|throughout|of)\s+(?:the\s+)?(?:(?:north|south|east|west|central)"
    r"(?:ern|-?east|-?west)?(?:ern)?\s+)?$",
    re.IGNORECASE,
)


# A compass word alone: the name of some country's region ("East", "Centre") but a part of many names.
_COMPASS = re.compile(r"^(?:North|South|East|West|Central|Centre|Upper|Lower)(?:ern)?$", re.IGNORECASE)


def vote_coherence(place_spans: list[tuple[Span, list[Place], list[str]]], ctx: Context) -> None:
    """Votes for the countries and admin1 areas that several different names can all lie in
    ("Lynn" and "Chelsea" → Massachusetts), for texts whose country is not settled by names."""
    by_country: dict[str, set[str]] = {}
    by_admin1: dict[tuple[str, str], set[str]] = {}
    for sp, cands, _ in place_spans:
        for p in cands:
            by_country.setdefault(p.country_code, set()).add(sp.key)
            if p.admin1:
                by_admin1.setdefault((p.country_code, p.admin1), set()).add(sp.key)
    for (code, a1), keys in by_admin1.items():
        if len(keys) >= 2:
            ctx.coherent[admin1_key(code, a1)] += len(keys) - 1
    if not ctx.countries:
        best = max((len(k) for k in by_country.values()), default=0)
        if best >= 2:
            for code, keys in by_country.items():
                if len(keys) == best:
                    ctx.countries[code] += 2
                    ctx.coherence[code] += 2


def admin1_key(code: str, admin1: str) -> tuple[str, str]:
    """Key of an admin1 area in the context's counters: spellings of one name share it."""
    return code, skeleton(admin1) or fold(admin1)


class Context:
    def __init__(self) -> None:
        self.countries: Counter[str] = Counter()  # votes: a country name 4 (8 near the top)
        self.admin1: Counter[tuple[str, str]] = Counter()
        self.coherent: Counter[tuple[str, str]] = Counter()  # admin1 areas several names can share
        self.named: Counter[str] = Counter()  # votes from country names and places only (no demonyms)
        self.own: dict[str, Counter[str]] = {}  # per folded name: the votes it gave itself
        self.states: Counter[str] = Counter()  # US state name → votes (see `geo.us.state_votes`)
        self.actors: Counter[str] = Counter()  # votes from demonyms and actors' adjectives ("Somali bandits")
        self.coherence: Counter[str] = Counter()  # votes from names that may all lie in one country

    def vote(self, key: str, code: str, n: int, named: bool = True) -> None:
        self.countries[code] += n
        if named:
            self.named[code] += n
            self.own.setdefault(key, Counter())[code] += n
        elif key:
            self.actors[code] += n

    def settle_coherence(self) -> None:
        """Drop the votes of countries that only several names' namesakes point to, once places or
        names point to another country ("Kuba" and "Kuba South" both have a Brazilian namesake, but
        "Juba county" is named outright)."""
        other = {code for code, n in self.countries.items() if n > self.coherence[code]}
        if not other:
            return
        for code, n in self.coherence.items():
            if code not in other:
                self.countries[code] -= n
        self.countries += Counter()

    def supported(self, key: str, code: str) -> bool:
        """Whether a country has votes from anything but the name `key` (other names, groups, demonyms)."""
        return self.countries[code] - self.own.get(key, Counter())[code] > 0

    def contested(self, key: str) -> bool:
        """Whether anything but the name `key` votes for some country; a demonym alone does not ("Somali
        herders raided Wajir": who acted, not where)."""
        own = self.own.get(key, Counter())
        return any(n - own[code] - self.actors[code] > 0 for code, n in self.countries.items())

    def fits(self, p: Place) -> bool:
        """Whether a place's country agrees with the cues found so far: country names, places and groups
        (demonyms do not count), or there are none. A small namesake abroad ("Talala" in a note on Boko
        Haram) should not outvote them."""
        if p.population >= 100000 or p.precision not in ("city", "point"):
            return True
        cues = {code for code, n in self.countries.items() if n - self.actors[code] > 0}
        return not cues or p.country_code in cues

    @property
    def dominant(self) -> str | None:
        return self.countries.most_common(1)[0][0] if self.countries else None


def country_named(sp: Span) -> Country | None:
    """The country a span names, also in an official long form ("Republic of the Union of Myanmar")."""
    c = prose_country(sp.text)
    if c is None and sp.strong and " of " in sp.text:
        c = prose_country(sp.text.rpartition(" of ")[2].removeprefix("the "))
    return c


def org_areas(doc: ArticleDoc, gaz: Gazetteer) -> Counter[str]:
    """Countries named in an organisation's name ("Police Forces of Kenya", "Islamic State Somalia
    Province"), or holding the admin1 area at its head ("Tamil Nadu Congress Committee"): where it
    acts, not a place mention. The United States is left out: its agencies act abroad."""
    votes: Counter[str] = Counter()
    for ent in doc.entities:
        if ent.label not in ("ORG", "FAC"):
            continue
        words = ent.text.removeprefix("the ").split()
        country = next(
            (
                c.code
                for k in (2, 1)
                for i in range(len(words) - k + 1)
                if (c := prose_country(name := " ".join(words[i : i + k]))) and not is_demonym(name)
            ),
            None,
        )
        if country is not None:
            votes.update([country] if country != "US" else [])
            continue
        for k in range(min(3, len(words) - 1), 0, -1):
            if k == 1 and _COMPASS.match(words[0]):
                break  # "East Delhi Municipal Corporation": not Cameroon's East region
            codes = {p.country_code for p in gaz.lookup(" ".join(words[:k])) if p.precision == "admin1"}
            if codes:
                if len(codes) == 1:
                    votes[codes.pop()] += 1
                break
    return votes


def country_weight(sp: Span, text: str, title_end: int) -> tuple[int, bool]:
    """Votes for a country mention: a name written as the place of the event counts most, a demonym or
    an actor's "-led" adjective least (it names who acted, not where)."""
    if (
        sp.norp
        or is_demonym(sp.text)
        or _ACTOR_SUFFIX.match(text[sp.end : sp.end + 12])
        or _ACTOR_NOUN.match(text[sp.end : sp.end + 24])
        or _AGENT_BEFORE.search(text[max(0, sp.start - 30) : sp.start])
        or _BORDER_AFTER.match(text[sp.end : sp.end + 10])
    ):
        return 1, False
    if _PLACE_BEFORE.search(text[max(0, sp.start - 30) : sp.start]):
        return 8, True
    return (8 if sp.start < max(title_end, 200) else 4), True
