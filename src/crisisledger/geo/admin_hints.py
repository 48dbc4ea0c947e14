"""Admin names written right after a place ("(District, Province)", ", State", " district of Y") and
what they say about its candidates: their countries, admin1 areas, US states and matches."""

from __future__ import annotations

import re

from crisisledger.geo.countries import fold, is_demonym, prose_country
from crisisledger.geo.gazetteer import Gazetteer, Place, admin_key, same_admin
from crisisledger.geo.places import distance_km
from crisisledger.geo.spans import TYPE_AFTER, split_admin
from crisisledger.geo.words import AP_STATES

_PAREN = re.compile(r"^\s*\(([^()\n]{1,90})\)")


_COMMA = re.compile(r"^\s*,\s*((?:[A-Z][\w'’.-]*\s?){1,4})")


_ASIDE = re.compile(r"^\s*\([^()\n]{1,40}\)")


_OF = re.compile(
    r"^\s+(?:district|province|county|state|region|city|town|village|area)?\s*(?:of|in)\s+"
    r"((?:[A-Z][\w'’-]*\s?){1,3})"
)


def admin_hints(text: str, end: int) -> list[str]:
    """Admin names written right after a mention: "(District, Province)", ", State", " district of Y"."""
    tail = text[end : end + 100]
    t = TYPE_AFTER.match(tail)
    if t:
        tail = tail[t.end() :]
    hints: list[str] = []
    m = _PAREN.match(tail)
    if m:
        inner = m.group(1)
        whole = "," in inner or " " not in inner.strip() or Gazetteer.default().admin_lookup(inner)
        split = None if whole else split_admin(inner)  # "(Western Bahr el Ghazal state)" stays whole
        hints += list(split) if split else [h.strip() for h in inner.split(",")]
        t = TYPE_AFTER.match(tail[m.end() :])  # "Chawkay (Soki) district, Kunar"
        if t:
            tail = tail[m.end() + t.end() :]
    m = _COMMA.match(tail)
    if m:
        hints.append(m.group(1).strip())
    m = _OF.match(tail)
    if m:
        hints.append(m.group(1).strip())
        rest = _ASIDE.sub("", tail[m.end() :], count=1)  # "Y (other name) district, Z"
        t = TYPE_AFTER.match(" " + rest)
        if t:  # "X area of Y district, Z", "... Y district (Z)": Z holds Y, so it holds X too
            rest = rest[t.end() - 1 :]
            m2 = _PAREN.match(rest) or _COMMA.match(rest)
            if m2:
                hints += [h.strip() for h in m2.group(1).split(",")]
    hints = [re.split(r"\.\s", h)[0] for h in hints]  # "Faryab. The attack": the sentence ends
    return [h for h in hints if h]


def hint_countries(hints: list[str], gaz: Gazetteer) -> set[str]:
    """Countries the admin names written after a mention can lie in (empty when none is known): those all
    known names share, else those of the most specific name ("(Bossaso, Bar)": Bossaso's country, not
    every country with a town "Bar"). An admin name may also be a town's ("(Ouassi, Batangafo)": ACLED's
    districts are mostly named after their seat, which GeoNames has only as a town)."""
    per_hint: list[set[str]] = []
    for h in hints:
        h_clean = h.rstrip(".").strip()
        if h_clean in gaz.us_states or fold(h) in AP_STATES or fold(h_clean + ".") in AP_STATES:
            per_hint.append({"US"})  # "Ky.", "Ill.", "KY": a state, not Cayman Islands or Israel
            continue
        c = prose_country(h_clean)
        if c is not None and not is_demonym(h_clean):
            state = h_clean in gaz.us_states.values()  # "Atlanta (Georgia)": the state, or the country
            per_hint.append({c.code, "US"} if state else {c.code})
            continue
        codes = {p.country_code for p in gaz.admin_lookup(h_clean)} | hint_towns(h_clean, gaz)
        if codes:
            per_hint.append(codes)
    if not per_hint:
        return set()
    shared = set.intersection(*per_hint)
    if shared:
        return shared
    fewest = min(len(s) for s in per_hint)
    return set.union(*(s for s in per_hint if len(s) == fewest))


def hint_towns(hint: str, gaz: Gazetteer) -> set[str]:
    """Countries with a town written exactly as an admin hint (the seat a district is named after; a
    hamlet of that name abroad, or a short name, says nothing)."""
    key = fold(hint)
    if len(key) < 4:
        return set()  # "Bar", "Ali": too many namesakes to say anything
    return {
        p.country_code
        for p in gaz.lookup(hint)
        if p.precision == "city" and fold(p.name) == key and p.population >= 5000
    }


def hint_admin1(hints: list[str], gaz: Gazetteer) -> set[tuple[str, str]]:
    """(country, admin1) areas the hints name as admin1 areas."""
    out: set[tuple[str, str]] = set()
    for h in hints:
        out.update(
            (p.country_code, p.admin1)
            for p in gaz.admin_lookup(h.strip())
            if p.precision == "admin1" and p.admin1
        )
    return out


def hint_state(hint: str) -> str | None:
    """The US state a hint names by postal code or AP abbreviation ("KY", "Ky.", "Vt"), else None."""
    h = hint.rstrip(".").strip()
    if len(h) == 2 and h.isupper():
        return Gazetteer.default().us_states.get(h)
    return AP_STATES.get(fold(h) + ".")


def hint_matches(p: Place, hints: list[str], gaz: Gazetteer) -> bool:
    for h in hints:
        h_clean = h.rstrip(".").strip()
        state = hint_state(h) if p.country_code == "US" else None
        if state and p.admin1 == state:
            return True
        key = admin_key(h_clean)
        if not key:
            continue
        if (p.admin1 and admin_key(p.admin1) == key) or (p.admin2 and admin_key(p.admin2) == key):
            return True
        if (p.admin1 and same_admin(h_clean, p.admin1)) or (p.admin2 and same_admin(h_clean, p.admin2)):
            return True  # "Middle Shabelle" for GeoNames' "Middle Shabele"
        c = prose_country(h_clean)
        if c is not None and c.code == p.country_code:
            return True
    if p.precision not in ("city", "point") or p.admin2:
        return False
    for h in hints:  # GeoNames gives most towns no district: one near the district's centre is in it
        h_clean = h.rstrip(".").strip()
        for area in gaz.admin_lookup(h_clean, p.country_code):
            if area.precision == "admin2" and distance_km(p.lat, p.lon, area.lat, area.lon) <= 50.0:
                return True
        if p.country_code in hint_towns(h_clean, gaz):  # or near the town the district is named after
            seats = [t for t in gaz.lookup(h_clean) if t.country_code == p.country_code and t.id != p.id]
            if any(t.precision == "city" and distance_km(p.lat, p.lon, t.lat, t.lon) <= 50.0 for t in seats):
                return True
    return False
