"""The place a headline names, resolved with the article's context, and the home city of the outlet
that filed a US story."""

from __future__ import annotations

import re
from collections import Counter

from crisisledger.geo.admin_hints import admin_hints, hint_matches
from crisisledger.geo.context import Context
from crisisledger.geo.countries import fold, lookup_country
from crisisledger.geo.gazetteer import Gazetteer, Place
from crisisledger.geo.places import PlaceMention, distance_km, to_location
from crisisledger.geo.scoring import LOCAL_FORCE, accept, score_place
from crisisledger.geo.spans import CAPS, Span, candidates, known_name
from crisisledger.geo.us import STATES
from crisisledger.geo.words import STOP_WORDS, name_pattern
from crisisledger.model import Location


def title_place(
    title: str, text: str, mentions: list[PlaceMention], ctx: Context, gaz: Gazetteer
) -> tuple[PlaceMention | None, bool]:
    """The place a headline names, resolved with the article's context: a name written after "in/at/near"
    first, else one the body also names or that opens "X man/police" (in the US also "X teens/gunman",
    accepted however small: a sign-in wall's page names no town). Only city-level places."""
    best: tuple[int, float, PlaceMention] | None = None
    near = [m.location for m in mentions if m.location.precision in ("city", "point")]
    for m in CAPS.finditer(title):
        runs = list(_WORD.finditer(m.group()))
        i = 0
        while i < len(runs):
            for j in range(min(len(runs), i + 4), i, -1):
                s, e = m.start() + runs[i].start(), m.start() + runs[j - 1].end()
                frag = title[s:e].rstrip(".,:;")
                if known_name(frag) or j == i + 1:
                    i = j
                    break
            else:
                i += 1
                continue
            sp = Span(frag, s, s + len(frag), False, fold(frag))
            if (
                sp.key in STOP_WORDS
                or len(sp.key) < 3
                or lookup_country(frag) is not None
                or frag in _STATE_NAMES
                or _PART_OF_NAME.match(title[sp.end :])  # "Kimball High School", "Preston St."
                or name_pattern(frag, "", r"\s+(?:section|neighbou?rhood|community)\b", re.I).search(text)
            ):
                continue
            cands = [p for p in candidates(gaz, sp) if p.precision in ("city", "point", "admin2")]
            if not cands:
                continue
            hints = admin_hints(title, sp.end)
            score, _, place = max(
                (score_place(p, sp, hints, ctx, gaz) + (2.0 if _near_any(p, near) else 0.0), -k, p)
                for k, p in enumerate(cands)
            )
            matched = bool(hints) and hint_matches(place, hints, gaz)
            crowd = place.country_code == "US" and bool(_TITLE_FORCE.match(title[sp.end : sp.end + 30]))
            if not accept(sp, place, score, title, ctx, hint_match=matched or crowd, hints=hints):
                continue
            before = title[max(0, s - 14) : s]
            locative = bool(_LOCATIVE_END.search(before))
            in_body = name_pattern(frag, r"(?<!\w)", r"(?!\w)", re.I).search(text) is not None
            force = crowd or bool(LOCAL_FORCE.match(title[sp.end : sp.end + 30]))
            if not (locative or in_body or force or matched):
                continue
            rank = 2 if locative else 1
            pm = PlaceMention(frag, s, s + len(frag), to_location(place), score)
            if best is None or (rank, score) > best[:2]:
                best = (rank, score, pm)
    return (best[2], best[0] == 2) if best else (None, False)


_STATE_NAMES = set(STATES.values())
# "2 Blytheville teens charged", "Bartow gunman shot ...": a US headline's town before its people.
_TITLE_FORCE = re.compile(
    r"^(?:'s|’s)?\s+(?:teens|men|women|boys|girls|gunman|shooter|suspects?|victims?)\b", re.IGNORECASE
)
_WORD = re.compile(r"\S+")
_LOCATIVE_END = re.compile(r"\b(?:in|at|near|outside)\s+(?:the\s+)?$", re.IGNORECASE)


# A name that continues into a street, school or building name, or a day ("Christmas Day").
_PART_OF_NAME = re.compile(
    r"^\s+(?:High|Middle|Elementary|School|Academy|Hospital|Medical|University|College|St\b|St\.|Street|"
    r"Ave|Avenue|Road|Rd|Blvd|Boulevard|Drive|Dr\b|Lane|Way|Court|Place|Park|Mall|Plaza|Center|Centre|"
    r"Homes|Dwellings|Apartments|Courts|Village|Heights|Twp|Township|Day|Church|Station|Bridge)\b"
)


def _near_any(p: Place, places: list[Location], km: float = 40.0) -> bool:
    """Whether a gazetteer entry lies within `km` of any of the places."""
    for loc in places:
        if loc.lat is None or loc.lon is None:
            continue
        if distance_km(p.lat, p.lon, loc.lat, loc.lon) <= km:
            return True
    return False


def home_location(homes: Counter[tuple[str, str]], gaz: Gazetteer) -> Location | None:
    """The most named outlet home city as a `Location`, or None when the gazetteer lacks it."""
    (city, st), _ = homes.most_common(1)[0]
    for p in gaz.lookup(city):
        if p.country_code == "US" and p.admin1 == STATES[st] and p.precision == "city":
            return to_location(p)
    return None
