"""Which state a US article's places lie in: the state support a page gives, and namesakes re-chosen by it.

`named_states` counts the states a page names (state names, outlets in the text, the outlet of its
address); `state_scores` adds the towns it names. A county ("Greene County"), a town written with a
state ("Franklin, Tenn.") or a town resolved in a state the page hardly names ("Wilmington" on a Los
Angeles station's site) is moved to the namesake that support points to; a town far from the outlet's
home to its namesake within the outlet's reach (`renear`); a small namesake nothing on the page points to
to the far larger one (`repopulous`).
"""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

from crisisledger.geo.countries import fold
from crisisledger.geo.gazetteer import Gazetteer, Place
from crisisledger.geo.places import PlaceMention, distance_km, to_location
from crisisledger.geo.stations import outlet_homes
from crisisledger.geo.us import STATES, state_votes
from crisisledger.geo.us_outlet import host_homes
from crisisledger.geo.words import AP_STATES
from crisisledger.model import Location

if TYPE_CHECKING:
    from crisisledger.nlp.pipeline import ArticleDoc

_COUNTY = re.compile(r"\s(?:County|Co\.?|Parish)$")
_STATE_AFTER = re.compile(r",\s*([A-Z][A-Za-z]*\.?(?: [A-Z][a-z]+)?)")


def named_states(doc: ArticleDoc) -> Counter[str]:
    """US state → support from its names and abbreviations, the outlets named in the page and the
    outlet its address names."""
    scores: Counter[str] = Counter(state_votes(doc.text, doc.article.title))
    for (_, st), n in outlet_homes(doc.text, doc.article.title).items():
        scores[STATES[st]] += min(n, 2)
    for (_, st), n in host_homes(doc.article.url).items():
        scores[STATES[st]] += 2 * n
    return scores


def state_scores(named: Counter[str], mentions: list[PlaceMention], gaz: Gazetteer) -> Counter[str]:
    """US state → support: the `named` support plus the towns named in it (a town whose name is shared
    by larger towns in other states counts little)."""
    scores = Counter(named)
    towns: dict[str, float] = {}
    for m in mentions:
        loc = m.location
        if loc.precision in ("city", "point") and loc.admin1:
            towns[f"{loc.name}|{loc.admin1}"] = _cue(loc, gaz)
    for key, cue in towns.items():
        scores[key.split("|", 1)[1]] += cue  # type: ignore[assignment]
    return scores


def _cue(loc: Location, gaz: Gazetteer) -> float:
    """How much a town tells of its state: 2 when it dwarfs its US namesakes, else 0.5."""
    pops = [p.population for p in gaz.lookup(loc.name) if p.country_code == "US" and p.precision == "city"]
    own = max((p.population for p in gaz.lookup(loc.name) if p.admin1 == loc.admin1), default=0)
    return 2.0 if own and own >= 0.8 * sum(pops) else 0.5


def state_after(text: str, end: int) -> str | None:
    """The US state written right after a place: ", Ala.", ", GA", ", Georgia"."""
    m = _STATE_AFTER.match(text, end)
    if m is None:
        return None
    word = m.group(1)
    if word in STATES:
        return STATES[word]
    if word in STATES.values():
        return word
    return AP_STATES.get(fold(word).rstrip(".") + ".")


def recounty(
    m: PlaceMention, states: Counter[str], towns: list[Location], gaz: Gazetteer, text: str
) -> PlaceMention:
    """A county mention re-chosen among its namesakes: one holding a named town, else the best-supported
    state's."""

    cands = [p for p in gaz.lookup(m.text) if p.country_code == "US" and p.precision == "admin2"]
    if len(cands) < 2 or m.container:
        return m
    if state_after(text, m.end) == m.location.admin1:
        return m  # "Greene County, Ala."
    short = fold(_COUNTY.sub("", m.text))
    towns = [t for t in towns if fold(t.name) != short]  # "DeKalb" the town is not a cue for "DeKalb County"

    def score(p: Place) -> tuple[float, int]:
        held = sum(1 for t in towns if t.admin1 == p.admin1 and t.admin2 == p.admin2)
        return 3.0 * held + states.get(p.admin1 or "", 0), p.population

    best = max(cands, key=score)
    if best.admin1 == m.location.admin1 and best.admin2 == m.location.admin2:
        return m
    if score(best)[0] <= states.get(m.location.admin1 or "", 0):
        return m  # no better support than the current choice
    return m.at(to_location(best, "admin2"))


def county_short_names(mentions: list[PlaceMention]) -> list[PlaceMention]:
    """ "DeKalb" in a story about DeKalb County, Georgia: the county, not a town of another state."""

    counties = {
        fold(_COUNTY.sub("", m.location.name)): m.location
        for m in mentions
        if m.location.precision == "admin2"
    }
    out = []
    for m in mentions:
        county = counties.get(fold(m.location.name)) if m.location.precision == "city" else None
        if county is not None and county.admin1 != m.location.admin1:
            m = m.at(county)
        out.append(m)
    return out


_TOWNSHIP = re.compile(r"\s+(?:Township|Twp\.?|Borough|Village)$", re.IGNORECASE)


def restate(m: PlaceMention, text: str, gaz: Gazetteer) -> PlaceMention | None:
    """A town written with another state than its resolved one ("Franklin Township, Mich.") moved to
    that state's namesake, or None when the gazetteer has none there."""
    if m.location.precision not in ("city", "point"):
        return m
    state = state_after(text, m.end)
    if state is None or state == m.location.admin1:
        return m

    for name in dict.fromkeys((m.text, _TOWNSHIP.sub("", m.text))):
        for p in gaz.lookup(name):
            if p.country_code == "US" and p.admin1 == state and p.precision == "city":
                return m.at(to_location(p))
    return None


def renamesake(m: PlaceMention, states: Counter[str], gaz: Gazetteer) -> PlaceMention:
    """A town resolved in a state the page hardly names, moved to its namesake in a state it names
    ("Wilmington" on a Los Angeles station's site)."""
    loc, top = m.location, max(states.values())
    if loc.precision not in ("city", "point") or states.get(loc.admin1 or "", 0) >= 0.5 * top:
        return m
    cands = [
        p
        for p in gaz.lookup(m.text)
        if p.country_code == "US" and p.precision == "city" and states.get(p.admin1 or "", 0) >= 0.5 * top
    ]
    if not cands or (states.get(loc.admin1 or "", 0) > 0 and _cue(loc, gaz) == 2.0):
        return m  # none, or a city dwarfing its namesakes in a state the page names ("Brooklyn")

    best = max(cands, key=lambda p: (states[p.admin1 or ""], p.population))
    return m.at(to_location(best))


def renear(m: PlaceMention, homes: list[Location], gaz: Gazetteer, reach: float = 120.0) -> PlaceMention:
    """A town resolved far from every home of the outlet, moved to its namesake within the outlet's reach
    ("Newark" on a New York station's site is the New Jersey city)."""
    loc = m.location
    if loc.precision != "city" or m.container or loc.lat is None or loc.lon is None:
        return m
    if not homes or _near(loc.lat, loc.lon, homes, reach):
        return m
    cands = [p for p in _namesakes(m, gaz) if _near(p.lat, p.lon, homes, reach)]
    if not cands:
        return m
    best = max(cands, key=lambda p: p.population)
    return m.at(to_location(best))


def repopulous(
    m: PlaceMention, states: Counter[str], gaz: Gazetteer, own: float, homes: list[Location]
) -> PlaceMention:
    """A town resolved to a small namesake although nothing else on the page points to its state (`own`:
    the support the town gives its state by itself) and no outlet home lies near it, moved to its far
    more populous namesake ("Hampton" alone is the Virginia city)."""
    loc = m.location
    if loc.precision != "city" or m.container or states.get(loc.admin1 or "", 0) > own:
        return m
    if loc.lat is None or loc.lon is None or _near(loc.lat, loc.lon, homes, 150.0):
        return m
    cands = _namesakes(m, gaz)
    if not cands:
        return m
    top = max(cands, key=lambda p: p.population)
    mine = max((p.population for p in cands if p.admin1 == loc.admin1 and p.admin2 == loc.admin2), default=0)
    if top.admin1 == loc.admin1 or top.population < 3 * max(mine, 1):
        return m
    return m.at(to_location(top))


def _namesakes(m: PlaceMention, gaz: Gazetteer) -> list[Place]:
    """The US towns written like the mention with the very name of its resolved town."""
    name = fold(m.location.name)
    towns = (p for p in gaz.lookup(m.text) if p.country_code == "US" and p.precision == "city")
    return [p for p in towns if fold(p.name) == name]


def _near(lat: float, lon: float, homes: list[Location], reach: float) -> bool:
    return any(h.lat is not None and h.lon is not None and distance_km(lat, lon, h.lat, h.lon) <= reach
               for h in homes)  # fmt: skip
