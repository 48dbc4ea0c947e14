"""Scoring a place name's gazetteer candidates in the article's context, and whether the best one is
accepted as a place mention."""

from __future__ import annotations

import math
import re
from collections import Counter
from difflib import SequenceMatcher

from crisisledger.geo.admin_hints import hint_matches, hint_state
from crisisledger.geo.context import Context, admin1_key
from crisisledger.geo.countries import fold
from crisisledger.geo.gazetteer import Gazetteer, Place, admin_key, letters, same_admin, skeleton
from crisisledger.geo.spans import ADMIN1_TYPES, AREAS, LOCATIVE, TYPE_PREC, Span, is_stop

_IN_PAREN = re.compile(r"[A-Za-z]\s*\([^()]{0,45}$")  # "Town (District Admin1": inside a place's parentheses


_CONTAINER = re.compile(r"\w[\w'’.-]*\s*(?:\(|,)\s*$")  # "Hombori (Douentza", "Watamu, Kilifi"


# "warplanes struck Ariha", "shelling on Kafr Nobol", "an attack on Gwoza": what a strike or an attack
# hit is a place.
STRUCK = re.compile(
    r"\b(?:struck|targeted|hit|attacked|ambushed|(?:air|drone)\s*strikes?\s+on|"
    r"(?:shelling|attacks?|assaults?|raids?|offensive|ambush(?:es)?|incursions?)\s+(?:on|against|in)(?:\s+the)?)\s+$",
    re.I,
)


# "Conway police said", "Gresham officers": a town named by its own force.
LOCAL_FORCE = re.compile(
    r"^(?:'s)?\s+(?:city\s+|county\s+)?(?:police|officers|sheriff|deputies|authorities|detectives|"
    r"firefighters|residents?|man|woman|boy|girl|teen|mother|father|home|dad|mom|toddler|child|"
    r"student|couple|family)\b",
    re.IGNORECASE,
)


def score_place(p: Place, sp: Span, hints: list[str], ctx: Context, gaz: Gazetteer) -> float:
    pop = p.population if p.precision in ("city", "point") or p.population < 10**9 else 10**7
    score = 0.45 * math.log10(max(pop, 1000 if p.geonames_id is None else 500) + 10)
    dom = ctx.dominant
    if dom and p.country_code == dom:
        score += 3.0
    elif ctx.countries.get(p.country_code):
        score += 1.5
    if p.admin1 and ctx.admin1.get(admin1_key(p.country_code, p.admin1)):
        score += 1.5
    elif p.admin1 and ctx.coherent.get(admin1_key(p.country_code, p.admin1)):
        score += 0.8
    if hints and hint_matches(p, hints, gaz):
        score += 5.0
    if p.country_code == "US" and ctx.states and p.admin1:
        score += _state_bonus(p.admin1, ctx.states)
    if sp.type_hint:
        want = TYPE_PREC.get(
            sp.type_hint,
            "admin1" if sp.type_hint in ADMIN1_TYPES else None,
        )
        if want and p.precision == want:
            score += 2.0
        elif want == "admin2" and p.precision == "admin1":
            score += 1.0
    elif p.precision in ("city", "point"):
        score += 0.6
    if fold(p.name) == sp.key:
        score += 0.3
    if sp.dateline and p.precision == "city":
        score += 1.0
    return score


def slot_bonus(p: Place, sp: Span, cands: list[Place]) -> float:
    """ "(Pobe-Mengao, Soum)": an admin area rather than a town of that name in another country (a
    same-country town of the name, "(Sylhet)", stays the better point)."""
    if not sp.admin_slot or p.precision not in AREAS:
        return 0.0
    return 0.0 if any(c.precision == "city" and c.country_code == p.country_code for c in cands) else 1.5


def alias_penalty(p: Place, sp: Span, cands: list[Place]) -> float:
    """A town found only under another of its names ("Kita" for Quito, "Obo" for Obihiro) when a town of
    that very name exists: the namesake first."""
    if p.precision not in ("city", "point") or fold(p.name) == sp.key:
        return 0.0
    if p.population >= 100000 and _transliteration(p.name, sp.text):
        return 0.0  # "Amara" for the city Al 'Amarah: its name in another spelling, not another name
    exact = [c.population for c in cands if c.precision in ("city", "point") and fold(c.name) == sp.key]
    if exact and _respelled(p, sp.text, max(exact)):
        return 0.0  # "Derna" for Darnah (100,000), not a village of that spelling abroad
    if exact:
        return 0.7
    skel = skeleton(sp.text)
    if len(skel) >= 3 and skeleton(p.name) != skel and not _transliteration(p.name, sp.text):
        spelled = any(c.precision in AREAS and skeleton(c.name) == skel for c in cands)
        return 0.7 if spelled else 0.0  # "Kufra": the area Al Kufrah, not a town with it among its names
    return 0.0


def _respelled(p: Place, written: str, namesake: int) -> bool:
    """Whether a town is the written name in another spelling (same skeleton: "Derna" / "Darnah") and a
    town of 20,000+ at least ten times as large as its namesake of that very spelling."""
    skel = skeleton(written)
    return len(skel) >= 3 and skeleton(p.name) == skel and p.population >= max(20000, 10 * namesake)


def _state_bonus(state: str, states: Counter[str]) -> float:
    """Score for a US place in `state` given the article's state votes: the leading state much more."""
    n = states.get(state, 0)
    if not n:
        return 0.0
    best = max(states.values())
    return 3.5 if n == best else 1.5 * n / best


def accept(
    sp: Span,
    best: Place,
    score: float,
    text: str,
    ctx: Context,
    hint_codes: set[str] | None = None,
    hint_admin1: set[tuple[str, str]] | None = None,
    hint_match: bool = False,
    hints: list[str] | None = None,
) -> bool:
    if is_stop(sp) or len(sp.key) < 3:
        return False
    if hint_codes and best.country_code not in hint_codes:
        return False  # "Bondo (Koro, Mopti)": the admin names written with it lie in another country
    if hints and not hint_match and best.precision in ("city", "point"):
        named = {hint_state(h) for h in hints} - {None}
        if named and best.admin1 not in named:
            return False  # "Felton, Minn." when the gazetteer lacks the Minnesota Felton
    if (
        ctx.dominant == "US"
        and not sp.dateline
        and best.precision in ("city", "point")
        and (best.country_code != "US" or fold(best.name) != sp.key)
        and not (hint_match or fold(best.name).startswith(sp.key))
    ):
        return False  # US news: a foreign place or an alternate name ("Mercy", "Sgt") is page noise
    if hint_admin1 and best.precision in ("city", "point", "admin2") and not hint_match:
        same = {a1 for cc, a1 in hint_admin1 if cc == best.country_code}
        if same and best.admin1 and not any(same_admin(best.admin1, a) for a in same):
            return False  # "Shirin Tagab district, Faryab": a namesake in another province
    if (
        not hint_codes
        and (_small(best) or alias(best, sp))
        and ctx.contested(sp.key)
        and not ctx.supported(sp.key, best.country_code)
    ):
        return False  # a small or otherwise-named foreign place that nothing else in the text points to
    if not hint_codes and _foreign(best, sp, ctx):
        return False  # "Malian army patrol between Boni and Hombori": not Bonn, nor Yoro in Honduras
    if sp.type_hint in ("neighborhood", "neighbourhood"):
        return False  # a part of a city the gazetteer does not hold: the city named nearby is better
    if sp.strong:
        return True
    in_context = best.country_code == ctx.dominant or bool(ctx.countries.get(best.country_code))
    before = text[max(0, sp.start - 14) : sp.start]
    locative = (
        bool(
            LOCATIVE.search(before)
            or _CONTAINER.search(before)
            or _IN_PAREN.search(text[max(0, sp.start - 50) : sp.start])
            or (ctx.dominant != "US" and STRUCK.search(text[max(0, sp.start - 24) : sp.start]))
        )
        or sp.type_hint is not None
    )
    locative = locative or sp.institution or hint_match or bool(LOCAL_FORCE.match(text[sp.end : sp.end + 30]))
    if sp.person and not locative:
        return False
    if locative and (in_context or best.population >= 20000 or not ctx.named):
        return True
    return (in_context and best.population >= 100000) or score >= 8.0


def _foreign(p: Place, sp: Span, ctx: Context) -> bool:
    """A place found under another name, in a country nothing else in the text points to while something
    (even who acted: "the Malian army") points elsewhere; or an admin area's bare name there while places,
    names or groups point elsewhere."""
    if ctx.supported(sp.key, p.country_code):
        return False
    if alias(p, sp) and not _transliteration(p.name, sp.text):
        return any(n > 0 for code, n in ctx.countries.items() if code != p.country_code)
    bare = not (sp.type_hint or sp.admin_slot)  # "Kemo region", "(Markoye, Oudalan)" are written as areas
    return bare and p.precision in ("admin1", "admin2") and ctx.contested(sp.key)


def _transliteration(name: str, written: str) -> bool:
    """Whether a gazetteer name is the written name in another spelling ("Albu Kamal" for "Abu Kamal"),
    not another name ("Bonn" for "Boni")."""
    return SequenceMatcher(None, letters(name), letters(written)).ratio() >= 0.9


def _small(p: Place) -> bool:
    return p.precision in ("city", "point") and p.population < 100000


def alias(p: Place, sp: Span) -> bool:
    """Whether a place was found under another name ("Hushan"; "Shahr" for the area "Shaharah")."""
    if p.precision in AREAS:
        return admin_key(p.name) != admin_key(sp.text)
    return p.precision in ("city", "point") and fold(p.name) != sp.key
