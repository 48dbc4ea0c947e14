"""Where a US local news story happened: the event place chosen among the article's resolved mentions.

US crime reports name a town several times ("Waukegan police said ..."), the hospital's city once ("taken
to a hospital in Chicago"), streets after states ("California Avenue") and counties that exist in many
states ("Greene County"). `us_event_location` re-reads the resolved mentions of a US article:

- mentions that open a street name ("Houston Street", "Tennessee Ave.") or a hospital's city are set aside,
  and so are words of the people's names the article gives ("Joshua" after "Joshua Reed");
- counties and towns are re-chosen among their namesakes by the article's states (state names, outlets
  named in the text or in the page's address, the states of the towns it names), by the outlet's reach
  and, for a town nothing else points to, by size (see `geo.us_states`);
- among the towns of the event's span (else of its sentence, else of the article), the one the article is
  about wins: named often, in the headline, as a dateline ("IDAHO FALLS --", see `geo.spans`),
  after "in/at", before "police" — not the most populous one;
- a county or state in the span gives way to the article's town inside it (or the outlet's home there),
  and a county named as an authority ("Pulaski County Coroner") to the headline's town; a county far
  better supported than the chosen town, which lies outside it, wins over that town;
- a town far from the outlet's home, in a state the page never names while it names the home's, gives way
  to that home (a Chicago neighbourhood called "Austin" is not the Texas capital) — unless the page names
  no town of the home's state and the town is well supported (a syndicated story: "Waco police said" on
  a Shreveport station's site).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from crisisledger.geo.countries import fold, get_country
from crisisledger.geo.gazetteer import Gazetteer, Place
from crisisledger.geo.places import PlaceMention, distance_km, to_location
from crisisledger.geo.us import STATES, headline
from crisisledger.geo.us_outlet import host_home
from crisisledger.geo.us_states import (
    county_short_names,
    named_states,
    recounty,
    renamesake,
    renear,
    repopulous,
    restate,
    state_scores,
)
from crisisledger.geo.words import STOP_WORDS, name_pattern
from crisisledger.model import Location

if TYPE_CHECKING:
    from crisisledger.nlp.pipeline import ArticleDoc

# "Houston Street", "California Ave.", "Lynn and Michigan streets": a street named after a place.
_STREET_AFTER = re.compile(
    r"^\.?\s+(?:Avenue|Ave\b|Street|St\b|Road|Rd\b|Boulevard|Blvd|Drive|Dr\b|Lane|Ln\b|Way\b|Place\b|"
    r"Pl\b|Court\b|Ct\b|Parkway|Pkwy|Highway|Hwy|Terrace|Circle|Trail|Pike\b|Expressway|Turnpike|"
    r"(?:and|&)\s+(?:[NSEW]\.?\s+)?[A-Z][a-z]+\s+(?:[Ss]treets|[Aa]venues|[Rr]oads|[Dd]rives|[Bb]oulevards)\b)"
)
# "Lynn and Michigan streets": the second of two streets named together.
_STREETS_AFTER = re.compile(r"^\s+(?:[Ss]treets|[Aa]venues|[Rr]oads|[Dd]rives|[Bb]oulevards)\b")
_STREET_BEFORE = re.compile(
    r"(?:\bblock of|\d+(?:st|nd|rd|th)? (?:and|&)|\b\d{2,5})\s+(?:[NSEW]\.?\s+|North |South |East |West )?$"
)
# "taken to a hospital in Chicago", "airlifted to Fort Wayne": where the victim was treated.
_HOSPITAL_BEFORE = re.compile(
    r"\b(?:hospital|medical center|trauma center|children's|childrens|taken|transported|rushed|"
    r"airlifted|flown|life-?flighted)\b[^.;]{0,40}$",
    re.IGNORECASE,
)
_HOSPITAL_AFTER = re.compile(
    r"^\s+(?:Regional|Memorial|General|Medical|Children|Hospital|Trauma)", re.IGNORECASE
)
_LOCATIVE_BEFORE = re.compile(
    r"\b(?:in|at|near|outside|inside|of|on)\s+(?:the\s+)?(?:(?:north|south|east|west)(?:ern)?\s+|"
    r"central\s+|downtown\s+|rural\s+|suburban\s+)?$",
    re.IGNORECASE,
)
_FORCE_AFTER = re.compile(
    r"^(?:'s|’s)?\s+(?:city\s+|county\s+)?(?:police|officers|sheriff|deputies|authorities|detectives|"
    r"fire|home|apartment|house|community|neighborhood|shooting)\b",
    re.IGNORECASE,
)
# "Sheriff Bob Taylor", "Det. Nicole Monroe", "Kelly Taylor": a name written as a person's.
_PERSON_BEFORE = re.compile(
    r"(?:\b(?:Sheriff|Deputy|Officer|Sgt|Lt|Det|Detective|Chief|Capt|Cpl|Mayor|Judge|Dr|Mr|Mrs|Ms|Attorney|"
    r"Coroner|Trooper|Spokesman|Spokeswoman)\.?\s+(?:[A-Z][a-z]+\s+)?(?:[A-Z]\.\s+)?|"
    r"(?<![.!?]\s)(?<!^)\b(?!(?:North|South|East|West|Northeast|Northwest|Southeast|Southwest|Downtown|Central|"
    r"Greater|Upper|Lower|Old|New|Fort|Port|Mount|Lake|Saint|San|Santa|Los|Las|El|La|The|In|At|Near)\b)"
    r"[A-Z][a-z]+\s+(?:[A-Z]\.\s+)?)$"
)
_COUNTY_WORD = re.compile(r"\b(?:County|Co\b|Parish|Borough)", re.IGNORECASE)
# "Cheshire Township", "Star Twp.": a township is no county, whatever county its name matched.
_TOWNSHIP = re.compile(r"\b(?:Township|Twp)\b", re.IGNORECASE)
# "The Summit Apartments", "Andrews Place Apartments": a building or complex named after a place.
_BUILDING_AFTER = re.compile(
    r"^(?:\s+(?:Place|Park|Point|Pointe|Village|Square|Gardens|Court|Ridge))?\s+(?:Apartments|Apts|Homes|"
    r"Townhomes|Condominiums|Condos|Complex|Mall|Plaza|Shopping|Hotel|Motel|Inn|Suites|Church|School|"
    r"High|Middle|Elementary|Academy|College|University|Casino|Tavern|Lounge|Bar|Grill|Club)\b"
)
# A video playlist's "1:37 Title of another story" items: their places are not the story's.
_PLAYLIST_ITEM = re.compile(r"(?:^|\s)\d{1,2}:\d{2}\s+(?![AaPp]\.?[Mm]\b)[A-Z'\"‘“]")


@dataclass
class _Article:
    """A US article's places, ranked once per document."""

    mentions: list[PlaceMention]  # US mentions that can be the scene (streets and hospitals set aside)
    rank: dict[str, float] = field(default_factory=dict)  # place key → support in the whole article
    best: PlaceMention | None = None  # the best-supported town of the article
    headline: set[str] = field(default_factory=set)  # place keys the headline names
    title: PlaceMention | None = None  # the headline's place (not the site name's)
    states: Counter[str] = field(default_factory=Counter)  # US state → support (see `state_scores`)
    named: Counter[str] = field(default_factory=Counter)  # the part of it the page names (`named_states`)


def _key(loc: Location) -> str:
    return f"{loc.name}|{loc.admin1}|{loc.precision}"


def _usable(m: PlaceMention, text: str) -> bool:
    if m.location.country_code != "US" or m.location.precision == "country":
        return False
    if m.location.precision == "admin2" and (
        not (m.dateline or _COUNTY_WORD.search(m.text)) or _TOWNSHIP.search(m.text)
    ):
        return False  # a bare "Lee" or "Sutter": a name far more often than a county
    if _BUILDING_AFTER.match(text[m.end : m.end + 40]):
        return False
    after, before = text[m.end : m.end + 16], text[max(0, m.start - 24) : m.start]
    return not (
        _STREET_AFTER.match(text[m.end : m.end + 48])
        or _STREETS_AFTER.match(after)
        or _STREET_BEFORE.search(before)
    )


def _playlists(text: str) -> list[tuple[int, int]]:
    """Spans of video playlists: three or more "1:37 Title" items, each within 300 characters of the
    last; the last item's title is taken to run to the paragraph's end, at most 150 characters."""
    items = [m.start() for m in _PLAYLIST_ITEM.finditer(text)]
    out: list[tuple[int, int]] = []
    run: list[int] = []
    for pos in [*items, len(text) + 1000]:
        if run and pos - run[-1] > 300:
            if len(run) >= 3:
                brk = text.find("\n", run[-1] + 1)
                out.append((run[0], min(run[-1] + 150, brk if brk > 0 else len(text))))
            run = []
        run.append(pos)
    return out


def _hospital(m: PlaceMention, text: str) -> bool:
    return bool(
        _HOSPITAL_BEFORE.search(text[max(0, m.start - 60) : m.start]) or _HOSPITAL_AFTER.match(text[m.end :])
    )


def _person_words(doc: ArticleDoc) -> set[str]:
    """Folded words of the names of two or more words spaCy found as people ("Brady Osborne" → "brady",
    "osborne")."""
    return {
        fold(w).strip(".,'’s")
        for e in doc.entities
        if e.label == "PERSON" and " " in e.text.strip()
        for w in e.text.split()
    }


def _personal(m: PlaceMention, names: set[str], text: str, head: str) -> bool:
    """Whether a town mention is a word of a person's name the article gives ("Evans" with "Saeve Evans"):
    not when it is a dateline, written "in X" in the headline `head` or followed by "police", "home"..."""
    if m.location.precision not in ("city", "point") or m.dateline:
        return False
    name = fold(m.text)
    return (
        name in names
        and not name_pattern(name, r"\b(?:in|at|near|outside)\s+", r"\b").search(head)
        and not _FORCE_AFTER.match(text[m.end : m.end + 24])
    )


def _analyse(
    doc: ArticleDoc, mentions: list[PlaceMention], title: PlaceMention | None, home: Location | None = None
) -> _Article:
    text = doc.text
    gaz = Gazetteer.default()
    names = _person_words(doc)
    head = fold(headline(doc.article.title or ""))
    lists = _playlists(text)
    usable = [
        r
        for m in mentions
        if _usable(m, text)
        and not any(a <= m.start < b for a, b in lists)
        and not _personal(m, names, text, head)
        and (r := restate(m, text, gaz)) is not None
    ]
    named = named_states(doc)
    homes = [h for h in (host_home(doc.article.url), home) if h is not None]
    if named:
        usable = [renamesake(m, named, gaz) for m in usable]
    if homes:
        usable = [renear(m, homes, gaz) for m in usable]
        title = renear(title, homes, gaz) if title is not None else None
    states = state_scores(named, usable, gaz)
    areas = {m.location.admin1 for m in usable if m.location.precision == "admin2"}
    usable = [m if m.location.admin1 in areas else repopulous(m, states, gaz, 0.5, homes) for m in usable]
    towns = [m.location for m in usable if m.location.precision in ("city", "point")]
    states = state_scores(named, usable, gaz)
    if any(m.location.precision == "admin2" for m in usable):
        usable = [
            recounty(m, states, towns, gaz, text) if m.location.precision == "admin2" else m for m in usable
        ]
        usable = county_short_names(usable)
    top = max(states.values(), default=0)
    art = _Article(usable, states=states, named=named)
    art.title = title
    site = title is not None and title.start >= len(head)  # the site's name: "- KSLA News 12 Shreveport"
    by_key: dict[str, list[PlaceMention]] = {}
    for m in usable:
        by_key.setdefault(_key(m.location), []).append(m)
    for key, group in by_key.items():
        loc = group[0].location
        support = min(len(group), 4) * 1.0 + 0.15 * max(m.score for m in group)
        if title is not None and _key(title.location) == key:
            support += 1.0 if site else 2.5
            if not site:
                art.headline.add(key)
        elif head and name_pattern(fold(loc.name), r"(?<!\w)", r"(?!\w)").search(head):
            support += 1.5
            art.headline.add(key)
        if any(m.dateline for m in group):
            support += 2.0
        if any(
            _LOCATIVE_BEFORE.search(text[max(0, m.start - 14) : m.start])
            or _FORCE_AFTER.match(text[m.end : m.end + 24])
            for m in group
        ):
            support += 1.0
        if all(_hospital(m, text) for m in group):
            support -= 2.0
        if all(_PERSON_BEFORE.search(text[max(0, m.start - 30) : m.start]) for m in group):
            support -= 3.0  # "Brady Osborne": a person's name, not the town
        if top >= 2 and states.get(loc.admin1 or "", 0) < 0.5 * top:
            support -= 3.0  # a namesake in a state the article does not point to ("Kensington", N.Y.)
        support -= 0.4 * min(group[0].start / 1500, 2.0)
        art.rank[key] = support
    cities = [m for m in usable if m.location.precision in ("city", "point") and not m.container]
    if cities:
        art.best = max(cities, key=lambda m: (art.rank[_key(m.location)], -m.start))
    return art


_CACHE: dict[int, tuple[ArticleDoc, str, _Article]] = {}


def _article(
    doc: ArticleDoc, mentions: list[PlaceMention], title: PlaceMention | None, home: Location | None
) -> _Article:
    hit = _CACHE.get(id(doc))
    if hit is not None and hit[0] is doc and hit[1] == doc.text:
        return hit[2]
    art = _analyse(doc, mentions, title, home)
    if len(_CACHE) > 64:
        _CACHE.clear()
    _CACHE[id(doc)] = (doc, doc.text, art)
    return art


def _inside(loc: Location, area: Location) -> bool:
    if loc.admin1 != area.admin1:
        return False
    return area.precision == "admin1" or (loc.admin2 is not None and loc.admin2 == area.admin2)


def _distance_km(a: Location, b: Location) -> float:
    if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
        return math.inf
    return distance_km(a.lat, a.lon, b.lat, b.lon)


def us_event_location(
    doc: ArticleDoc,
    mentions: list[PlaceMention],
    title: PlaceMention | None,
    home: Location | None,
    start: int,
    end: int,
) -> Location | None:
    """The place of the event evidenced by text[start:end] in a US article (see the module doc)."""
    art = _article(doc, mentions, title, home)
    loc = _place(doc, art, home, start, end)
    loc = _county_over(art, loc)
    if loc is not None and loc.precision == "admin2":
        town = _town_inside(art, loc)
        loc = town.location if town is not None else loc
    if loc is None or loc.precision not in ("city", "point") or not art.named:
        return loc
    lead = max(art.named.values())
    if lead < 2 or art.named.get(loc.admin1 or "", 0) > 0:
        return loc
    # a town of a state the page never names, while it names another: rather the outlet's home there,
    # unless the town lies within the outlet's reach (a station covering towns across a state line)
    for other in (host_home(doc.article.url), home):
        if other is not None and art.named.get(other.admin1 or "", 0) == lead:
            if art.rank.get(_key(loc), 0.0) >= 3.0 and not _names_town_in(art, other):
                return loc  # a well-supported town of a syndicated story
            return other if _distance_km(loc, other) > _REACH_KM else loc
    return _town_of_named_state(art, lead) or loc


def _town_of_named_state(art: _Article, lead: float) -> Location | None:
    """The best-supported town of the one state the page names most, for a town of a state it never
    names ("Monroe" resolved in Michigan on a page naming Connecticut and Bridgeport: the Connecticut
    town is missing from the gazetteer, and a town the page names there is nearer than any namesake)."""
    states = [st for st, n in art.named.items() if n == lead]
    if len(states) != 1:
        return None
    towns = [
        m
        for m in art.mentions
        if m.location.admin1 == states[0] and m.location.precision in ("city", "point") and not m.container
    ]
    best = max(towns, key=lambda m: art.rank[_key(m.location)], default=None)
    return best.location if best is not None else None


_REACH_KM = 150.0


def _county_over(art: _Article, loc: Location | None) -> Location | None:
    """The article's county when it far outranks the chosen town, which lies outside it ("Noxubee County
    deputies ..." with "a Columbus teen"): the best-supported town inside the county, else the county."""
    if loc is None or loc.precision not in ("city", "point"):
        return loc
    counties = [m for m in art.mentions if m.location.precision == "admin2"]
    if not counties:
        return loc
    top = max(counties, key=lambda m: art.rank[_key(m.location)]).location
    if _inside(loc, top) or art.rank[_key(top)] - art.rank.get(_key(loc), 0.0) < _COUNTY_GAP:
        return loc
    inner = [
        m for m in art.mentions if m.location.precision in ("city", "point") and _inside(m.location, top)
    ]
    return max(inner, key=lambda m: art.rank[_key(m.location)]).location if inner else top


_COUNTY_GAP = 2.0


def _town_inside(art: _Article, area: Location) -> PlaceMention | None:
    """The best-supported town of the article inside a county, when well enough supported."""
    inner = [
        m
        for m in art.mentions
        if m.location.precision in ("city", "point") and not m.container and _inside(m.location, area)
    ]
    best = max(inner, key=lambda m: art.rank[_key(m.location)], default=None)
    return best if best is not None and art.rank[_key(best.location)] >= _INNER_MIN else None


_INNER_MIN = 2.0
_AUTHORITY_AFTER = re.compile(
    r"^(?:'s|’s)?\s+(?:Coroner|Sheriff|Sheriff's|Sheriff’s|Prosecutor|District Attorney|Medical Examiner|"
    r"Court|Jail|Commission|Emergency|Dispatch|Deputies|Police)\b"
)


def _authority(m: PlaceMention, text: str) -> bool:
    """Whether a county mention names an authority ("Pulaski County Coroner"), not the scene."""
    return bool(_AUTHORITY_AFTER.match(text[m.end : m.end + 24]))


def _names_town_in(art: _Article, home: Location) -> bool:
    """Whether the page names a town of the outlet home's state (a syndicated story about a town of
    another state names none there: "Waco police said" on a Shreveport station's site)."""
    return any(
        m.location.precision in ("city", "point") and m.location.admin1 == home.admin1 for m in art.mentions
    )


def _place(doc: ArticleDoc, art: _Article, home: Location | None, start: int, end: int) -> Location | None:
    """`us_event_location` before the check of the state of the town it finds."""
    rank, title = art.rank, art.title

    def town_in(lo: int, hi: int) -> PlaceMention | None:
        inside = [
            m
            for m in art.mentions
            if lo <= m.start < hi and m.location.precision in ("city", "point") and not m.container
        ]
        return max(inside, key=lambda m: (rank[_key(m.location)], -m.start)) if inside else None

    def area_in(lo: int, hi: int) -> PlaceMention | None:
        inside = [
            m for m in art.mentions if lo <= m.start < hi and m.location.precision in ("admin2", "admin1")
        ]
        return min(inside, key=lambda m: (m.location.precision != "admin2", m.start)) if inside else None

    sentence = doc.sentence_at(start)
    pick = town_in(start, end) or (town_in(sentence.start, sentence.end) if sentence else None)
    area = area_in(start, end) or (area_in(sentence.start, sentence.end) if sentence else None)
    if (
        pick is not None
        and area is not None
        and area.location.precision == "admin2"
        and not _inside(pick.location, area.location)
        and rank[_key(area.location)] + 0.5 >= rank[_key(pick.location)]
        and _key(pick.location) not in art.headline
    ):
        pick = None  # "shot in Sevier County" beats a town of another county the span names
    if pick is None and area is not None:
        inner = art.best if art.best is not None and _inside(art.best.location, area.location) else None
        if inner is None and title is not None and _inside(title.location, area.location):
            inner = title
        if inner is None and area.location.precision == "admin2":
            inner = _town_inside(art, area.location)
        best = art.best
        if (
            inner is None
            and best is not None
            and _key(best.location) in art.headline
            and _authority(area, doc.text)
        ):
            inner = best  # "Pulaski County Coroner said" under "Boy dies in Redfield shooting"
        if inner is None and area.location.precision == "admin1":
            site = host_home(doc.article.url)  # "Tennessee police said" on a Nashville station's site
            return site if site is not None and site.admin1 == area.location.admin1 else area.location
        return (inner or area).location
    best = art.best
    datelines = (m for m in art.mentions if m.dateline)
    dateline = next((m for m in datelines if m.location.precision == "city"), None)
    if dateline is not None and (pick is None or pick.location.admin1 != dateline.location.admin1):
        return dateline.location  # a report filed from a place is about that place unless it names one nearby
    if pick is None:
        if best is not None:
            return best.location
        if title is not None:
            return title.location
        area = next((m for m in art.mentions if m.location.precision == "admin2"), None)
        if area is not None:
            return area.location
        site = host_home(doc.article.url)
        if site is not None and art.states.get(site.admin1 or "", 0) < max(art.states.values(), default=0):
            site = None  # a station's home in a state the story is not about
        return (
            _scan(doc, art.states)
            or site
            or next((m.location for m in art.mentions if m.location.precision == "admin1"), None)
            or home
            or _country()
        )
    if title is not None and (_title_scene(doc, title, pick) or _title_untold(doc, title, pick)):
        return title.location  # "Child shot in LaGrange" over "an Atlanta hospital"
    if best is not None and best is not pick and _key(best.location) != _key(pick.location):
        gap = rank[_key(best.location)] - rank[_key(pick.location)]
        if gap >= 2.0 and _distance_km(best.location, pick.location) > 25.0:
            # the span names a place the article is not about (a hospital, a suspect's home)
            return best.location
    return pick.location


_RUN = re.compile(
    r"(?<![\w.])((?:(?:St\.|Ft\.|Mt\.|[A-Z][a-z]+)[ -]){0,2}[A-Z][a-z]+)(\s+(?:County|Parish))?"
)


def _scan(doc: ArticleDoc, states: Counter[str]) -> Location | None:
    """Last resort when no place was resolved: a town or county of the article's leading state named in
    the headline or the first paragraphs ("A Uniontown man ...", "Pasco County deputies ...")."""

    if not states:
        return None
    lead = max(states.values())
    gaz = Gazetteer.default()
    best: tuple[float, Place] | None = None
    lead_text = doc.text[:1500]
    for a, b in _playlists(lead_text):
        lead_text = lead_text[:a] + " " * (min(b, len(lead_text)) - a) + lead_text[b:]
    for part, bonus in ((headline(doc.article.title or ""), 1.0), (lead_text, 0.0)):
        for m in _RUN.finditer(part):
            name, county = m.group(1), bool(m.group(2))
            if fold(name.split()[0]) in STOP_WORDS or name in _STATE_NAMES:
                continue
            want = "admin2" if county else "city"
            for p in gaz.lookup(name + m.group(2) if county else name):
                if p.country_code != "US" or p.precision != want or states.get(p.admin1 or "", 0) < lead:
                    continue
                score = bonus + (1.0 if county else 0.0) + 0.3 * math.log10(p.population + 10)
                if best is None or score > best[0]:
                    best = (score, p)
                break
    return to_location(best[1]) if best else None


_STATE_NAMES = frozenset(STATES.values())


_TITLE_LOCATIVE = re.compile(r"\b(?:in|at|near|outside)\s+(?:the\s+)?$", re.IGNORECASE)


def _title_scene(doc: ArticleDoc, title: PlaceMention, pick: PlaceMention) -> bool:
    """Whether the headline's "shot in X" should beat the span's town: X is written after "in/at/near"
    in the headline, lies in the same state, far from the span's town, whose name the headline lacks."""
    head = headline(doc.article.title or "")
    a, b = pick.location, title.location
    return (
        title.start < len(head)
        and bool(_TITLE_LOCATIVE.search(head[max(0, title.start - 14) : title.start]))
        and b.precision in ("city", "point")
        and a.precision in ("city", "point")
        and a.admin1 == b.admin1
        and _distance_km(a, b) > 25.0
        and fold(a.name) not in fold(head)
    )


def _title_untold(doc: ArticleDoc, title: PlaceMention, pick: PlaceMention) -> bool:
    """Whether the headline's town should beat the span's town of the same state because the text never
    names it: the page's text is then about something else (a sign-in wall, a list of other stories),
    not the headline's event ("Yarmouth girl shot" over a body on Boston's sights)."""
    head = headline(doc.article.title or "")
    a, b = pick.location, title.location
    if not (
        title.start < len(head)
        and b.precision in ("city", "point")
        and a.precision in ("city", "point")
        and a.admin1 == b.admin1
        and _distance_km(a, b) > 25.0
    ):
        return False
    body = fold(doc.text)
    names = (fold(title.text), fold(b.name))
    return not any(name_pattern(n, r"(?<!\w)", r"(?!\w)").search(body) for n in names)


def _country() -> Location | None:
    c = get_country("US")
    if c is None:
        return None
    return Location(name=c.name, country=c.name, country_code="US", lat=c.lat, lon=c.lon, precision="country")
