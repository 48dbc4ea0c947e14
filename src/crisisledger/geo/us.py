"""US state context for local news: which state an article is about.

`state_votes(text, title)` counts the state names the text writes ("Delaware State Police", "South
Florida"), AP abbreviations after a place ("Felton, Minn."), postal codes after a place ("Columbus, GA",
"LUMBERTON, NC (WMBF) -" opening a paragraph)
and the state of a TV station or newspaper named in the page furniture. The title and the top of the
page count double. Place resolution uses the votes to choose among US namesakes (Monroe, Connecticut
rather than Monroe, Louisiana).

`institution_prefix(name)` finds the place that opens the name of a local institution ("Gresham Police
Department" → "Gresham", "Laramie County Sheriff's Office" → "Laramie County").
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from crisisledger.geo.words import AP_STATES

STATES: dict[str, str] = {
    "AL": "Alabama", "AK": "Alaska", "AZ": "Arizona", "AR": "Arkansas", "CA": "California",
    "CO": "Colorado", "CT": "Connecticut", "DE": "Delaware", "FL": "Florida", "GA": "Georgia",
    "HI": "Hawaii", "ID": "Idaho", "IL": "Illinois", "IN": "Indiana", "IA": "Iowa", "KS": "Kansas",
    "KY": "Kentucky", "LA": "Louisiana", "ME": "Maine", "MD": "Maryland", "MA": "Massachusetts",
    "MI": "Michigan", "MN": "Minnesota", "MS": "Mississippi", "MO": "Missouri", "MT": "Montana",
    "NE": "Nebraska", "NV": "Nevada", "NH": "New Hampshire", "NJ": "New Jersey", "NM": "New Mexico",
    "NY": "New York", "NC": "North Carolina", "ND": "North Dakota", "OH": "Ohio", "OK": "Oklahoma",
    "OR": "Oregon", "PA": "Pennsylvania", "RI": "Rhode Island", "SC": "South Carolina",
    "SD": "South Dakota", "TN": "Tennessee", "TX": "Texas", "UT": "Utah", "VT": "Vermont",
    "VA": "Virginia", "WA": "Washington", "WV": "West Virginia", "WI": "Wisconsin", "WY": "Wyoming",
    "DC": "District of Columbia",
}  # fmt: skip

# Newspapers and city-less TV names that imply a state (the city-named ones are found as places).
OUTLETS: dict[str, str] = {
    "Plain Dealer": "Ohio",
    "Star-Ledger": "New Jersey",
    "Courier-Journal": "Kentucky",
    "Post-Gazette": "Pennsylvania",
    "Star Tribune": "Minnesota",
    "Oregonian": "Oregon",
    "Sun-Sentinel": "Florida",
    "Times-Picayune": "Louisiana",
    "Tennessean": "Tennessee",
    "Clarion-Ledger": "Mississippi",
    "Post and Courier": "South Carolina",
    "Inquirer": "Pennsylvania",
    "Daily News": "",  # ambiguous: listed so it casts no vote
}

_NAMES = sorted(set(STATES.values()), key=len, reverse=True)
# "Washington" is far more often the capital or a surname; "Kansas City" and "Indiana" in
# "Indiana Jones" are guarded by the look-ahead.
_FULL = re.compile(
    r"(?<![\w-])("
    + "|".join(re.escape(n) for n in _NAMES if n != "Washington")
    + r"|Washington(?= [Ss]tate))"
    r"(?![\w-])(?! City)"
)
_AP = re.compile(
    r"[A-Za-z],\s+("
    + "|".join(re.escape(k.title()) for k in sorted(AP_STATES, key=len, reverse=True))
    + r")(?![\w])"
)
_POSTAL = re.compile(r"[a-z.],\s+(" + "|".join(STATES) + r")(?![A-Za-z])")
# "LUMBERTON, NC (WMBF) -": a dateline in capitals with the postal code.
_POSTAL_DATELINE = re.compile(
    r"(?m)^\W{0,3}[A-Z][A-Z.'’ -]{2,30},\s+(" + "|".join(STATES) + r")(?=\s*(?:\(|-|–|—|$))"
)
_OUTLET = re.compile("|".join(re.escape(n) for n in OUTLETS))

_INSTITUTION = re.compile(
    r"^((?:[A-Z][\w'’.]*[ -]){1,3}?)(?:County |Parish )?(?:Police|Sheriff'?s?|Fire|Metropolitan|Metro|"
    r"City Police|Municipal|Regional|Memorial|Medical|General Hospital|Township|District Attorney)\b"
)
_COUNTY_INSTITUTION = re.compile(
    r"^((?:[A-Z][\w'’.]*[ -]){1,3}?(?:County|Parish))\s+(?:Sheriff|Police|Coroner|Jail|Court|"
    r"Prosecutor|District|Attorney|Emergency|Fire|Medical|Board|Commission|Detention|Sheriff's)"
)


@lru_cache(maxsize=1)
def _ap_map() -> dict[str, str]:
    return {k.title(): v for k, v in AP_STATES.items()}


# " - WTVM.com-Columbus, GA News Weather & Sports", " | WBTV Charlotte": the site's name after a headline.
_FURNITURE = re.compile(r"\s+(?:[|–—]|-{1,2})\s+|\s*\|\s*")


def headline(title: str) -> str:
    """A page title without the site name written after it ("Boy hurt in Monroe - WXYZ" → "Boy hurt in
    Monroe")."""
    return _FURNITURE.split(title, maxsplit=1)[0].strip()


_RECENT: dict[tuple[str, str | None, int], Counter[str]] = {}


def state_votes(text: str, title: str | None = None, top: int = 400) -> Counter[str]:
    """State name → votes from the state names, abbreviations and outlets in the title and text. The
    headline counts double; the site name after it ("- WTVM Columbus, GA") only as much as the text."""
    key = (text, title, top)
    hit = _RECENT.get(key)
    if hit is None:
        if len(_RECENT) > 8:
            _RECENT.clear()
        hit = _RECENT[key] = _state_votes(text, title, top)
    return Counter(hit)  # a copy: callers add their own votes


def _state_votes(text: str, title: str | None, top: int) -> Counter[str]:
    votes: Counter[str] = Counter()
    ap = _ap_map()
    head = headline(title or "")
    furniture = (title or "")[len(head) :] if title and title.startswith(head) else ""
    for part, base in ((head, 2), (furniture, 0), (text, 1)):
        for m in _FULL.finditer(part):
            votes[m.group(1)] += max(base, 1) + (1 if m.start() < top and base else 0)
        for m in _AP.finditer(part):
            name = ap.get(m.group(1))
            if name:
                votes[name] += base + 1
        for m in _POSTAL.finditer(part):
            votes[STATES[m.group(1)]] += base + 1
        for m in _POSTAL_DATELINE.finditer(part):
            votes[STATES[m.group(1)]] += base + 1
        for m in _OUTLET.finditer(part):
            if OUTLETS[m.group()]:
                votes[OUTLETS[m.group()]] += max(base, 1)
    return votes


def institution_prefix(name: str) -> tuple[str, bool] | None:
    """The place opening an institution's name, and whether it is a county: "Conway Police" →
    ("Conway", False), "Bibb County Sheriff's Office" → ("Bibb County", True); None otherwise."""
    m = _COUNTY_INSTITUTION.match(name)
    if m:
        return m.group(1).strip(" -"), True
    m = _INSTITUTION.match(name + " ")
    if m:
        place = m.group(1).strip(" -")
        if place and place.split()[0] not in ("The", "State", "Police", "City"):
            return place, False
    return None
