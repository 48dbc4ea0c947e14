"""Choosing the place of an event (the most specific place in its span or sentence, a coded place, the
dateline, the headline) and the article's main place."""

from __future__ import annotations

import math
import re
from collections import Counter

from crisisledger.geo.analysis import analyse_places
from crisisledger.geo.countries import fold
from crisisledger.geo.gazetteer import letters, same_admin
from crisisledger.geo.places import PlaceMention, capital_location, country_location
from crisisledger.geo.us_event import us_event_location
from crisisledger.model import Location
from crisisledger.nlp.pipeline import ArticleDoc

SPECIFICITY = {"point": 2.0, "city": 2.0, "admin2": 1.2, "admin1": 0.6, "country": -2.0}


def _areas(mentions: list[PlaceMention]) -> set[tuple[str | None, str | None]]:
    return {
        (m.location.country_code, m.location.admin1) for m in mentions if m.location.precision == "admin1"
    }


def _best(mentions: list[PlaceMention], named: list[PlaceMention] | None = None) -> PlaceMention | None:
    """The most specific, best-scored place among `mentions`, against the admin1 areas among `named`
    (the mentions themselves by default)."""
    if not mentions:
        return None
    areas = _areas(mentions if named is None else named)
    ranked = [
        (
            m.score
            + SPECIFICITY[m.location.precision]
            - 0.15 * i
            + _within_bonus(m.location, areas)
            - _outside_penalty(m, areas),
            m,
        )
        for i, m in enumerate(mentions)
    ]
    return max(ranked, key=lambda t: t[0])[1]


def _area_of(mentions: list[PlaceMention], m: PlaceMention) -> PlaceMention:
    """The first admin1 area the text names in the country of `m` (`m` itself when none)."""
    code = m.location.country_code
    areas = [a for a in mentions if a.location.precision == "admin1" and a.location.country_code == code]
    return areas[0] if areas else m


def _outside_penalty(m: PlaceMention, areas: set[tuple[str | None, str | None]]) -> float:
    """ "The Shaykhabad area of Saydabad district, Logar": a town found only under another of its names
    ("Shaykhabad" for a town in Farah) outside every admin1 area the text names in its country."""
    loc = m.location
    if loc.precision not in ("city", "point", "admin2") or letters(loc.name) == letters(m.text):
        return 0.0
    named = [a1 for cc, a1 in areas if cc == loc.country_code and a1]
    inside = not named or any(loc.admin1 and same_admin(loc.admin1, a1) for a1 in named)
    return 0.0 if inside else 3.0


def _within_bonus(loc: Location, areas: set[tuple[str | None, str | None]]) -> float:
    """ "Saraqeb in Idleb governorate": a town inside an admin1 area also named beats the area."""
    inside = loc.precision in ("city", "point", "admin2") and (loc.country_code, loc.admin1) in areas
    return 2.0 if inside else 0.0


def _best_in(mentions: list[PlaceMention], start: int, end: int) -> PlaceMention | None:
    """Best place named in [start, end); admin areas written after a place count only when it is unknown."""
    inside = [m for m in mentions if start <= m.start < end]
    return _best([m for m in inside if not m.container], inside) or (inside[0] if inside else None)


def event_location(doc: ArticleDoc, start: int, end: int) -> Location | None:
    """Best location for an event evidenced by text[start:end]: the most specific place in the span,
    else in its sentence, else the article's main place, else its country (precision "country")."""
    mentions, dominant, extra = analyse_places(doc)
    if dominant == "US":  # US local news: see `geo.us_event`
        return us_event_location(doc, mentions, extra.title, extra.home, start, end)
    specific = [m for m in mentions if m.location.precision != "country"]
    if extra.settled:
        specific = _in_country(specific, dominant)
    pick = _best_in(specific, start, end)
    if pick is None:
        sentence = doc.sentence_at(start)
        if sentence is not None:
            pick = _best_in(specific, sentence.start, sentence.end)
    if pick is not None and _outside_penalty(pick, _areas(specific)):
        pick = _area_of(specific, pick)  # "Shaykhabad area of Saydabad district, Logar": in Logar
    coded = _coded_place(specific, doc.text)
    if coded is not None:
        pick = coded  # "(coded as Boni at geoprecision 2)": the note says where its event was coded
    dateline = next((m for m in specific if m.dateline and m.location.precision == "city"), None)
    if dateline is not None and (pick is None or not _same_area(pick.location, dateline.location)):
        pick = dateline  # a report filed from a place is about that place unless it names one nearby
    title = extra.title
    if pick is None:
        pick = title or main_place(doc)
    elif pick.location.precision in ("admin1", "admin2") and pick.location.country_code == "US":
        inside = title if title and _inside(title.location, pick.location) else None
        pick = _city_within(specific, pick) or inside or pick
    elif title is not None and extra.title_locative and _prefer_title(pick, title, doc):
        pick = title
    if pick is not None:
        return pick.location
    if extra.home is not None:
        return extra.home
    if dominant and dominant != "US" and _CAPITAL.search(doc.text):
        return capital_location(dominant)  # "lawyers marched in the capital"
    if dominant:
        return country_location(dominant)
    return None


def _in_country(mentions: list[PlaceMention], dominant: str | None) -> list[PlaceMention]:
    """The places in the text's leading country, when it names some, and places abroad written under
    their own name: a town abroad found under another name ("Kuba South" for Cubatão, in a note on
    Juba county) is not the event's."""
    if not any(m.location.country_code == dominant for m in mentions):
        return mentions
    return [m for m in mentions if m.location.country_code == dominant or _same_name(m)]


def _same_name(m: PlaceMention) -> bool:
    """Whether a mention was found under the name written (in any spelling), not under another name."""
    return letters(m.location.name) == letters(m.text) or fold(m.location.name).startswith(fold(m.text))


_CAPITAL = re.compile(
    r"\b(?:in|at|near|around|across|outside)\s+the\s+(?:national\s+)?capital\b(?!\s+of\b)", re.I
)


_CODED = re.compile(r"\bcoded\s+(?:to|as|at)\s+(?:the\s+)?(?:location\s+of\s+)?$", re.IGNORECASE)


def _coded_place(mentions: list[PlaceMention], text: str) -> PlaceMention | None:
    """A place written right after "coded to/as" (a coder's note on where the event was placed)."""
    for m in mentions:
        if _CODED.search(text[max(0, m.start - 30) : m.start]):
            return m
    return None


def _inside(place: Location, area: Location) -> bool:
    """Whether a place lies in a US state or county (by its admin names)."""
    if place.country_code != area.country_code or place.admin1 != area.admin1:
        return False
    return area.precision == "admin1" or not place.admin2 or place.admin2 == area.admin2


def _prefer_title(pick: PlaceMention, title: PlaceMention, doc: ArticleDoc) -> bool:
    """A headline's "shot in X" beats a different city the event's sentence names (a hospital's city,
    the station's home), unless the title's place is written inside the picked one."""
    a, b = pick.location, title.location
    if a.precision not in ("city", "point") or b.precision not in ("city", "point"):
        return False
    if a.admin1 != b.admin1 or a.country_code != b.country_code or fold(a.name).startswith(fold(b.name)):
        return False  # another state's namesake, or "Clinton" for Clinton Township
    if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
        return False
    dy, dx = (a.lat - b.lat) * 111.0, (a.lon - b.lon) * 111.0 * math.cos(math.radians(a.lat))
    if dx * dx + dy * dy < 25.0**2:
        return False  # the same town's area either way
    return fold(a.name) not in fold(doc.article.title or "")


def _city_within(mentions: list[PlaceMention], area: PlaceMention) -> PlaceMention | None:
    """The article's best-supported city inside a US state or county the event span names ("Delaware
    State Police investigated ..." in a story about Ocean View), or None. (Only for US news: elsewhere a
    district named by the event is often where it happened.)"""
    a = area.location
    inside = [
        m
        for m in mentions
        if m.location.precision in ("city", "point")
        and m.location.country_code == a.country_code
        and m.location.admin1 == a.admin1
        and (a.precision == "admin1" or not m.location.admin2 or m.location.admin2 == a.admin2)
    ]
    if not inside:
        return None
    counts = Counter(m.location.name for m in inside)
    return max(inside, key=lambda m: (m.dateline, counts[m.location.name], m.score))


def _same_area(a: Location, b: Location) -> bool:
    return a.country_code == b.country_code and (a.admin1 == b.admin1 or not a.admin1 or not b.admin1)


def main_place(doc: ArticleDoc) -> PlaceMention | None:
    """The article's principal place: the best-supported specific place in its dominant country."""
    mentions, dominant, _ = analyse_places(doc)
    specific = [m for m in mentions if m.location.precision != "country"]
    if dominant:
        specific = [m for m in specific if m.location.country_code == dominant] or specific
    if not specific:
        return None
    counts = Counter(m.location.name for m in specific)
    ranked = [
        (m.score + SPECIFICITY[m.location.precision] + 0.8 * counts[m.location.name] - 0.05 * i, m)
        for i, m in enumerate(specific)
    ]
    return max(ranked, key=lambda t: t[0])[1]
