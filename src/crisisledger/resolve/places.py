"""Place compatibility for incident merging: same place, nearby, or one containing the other."""

from __future__ import annotations

import math
from dataclasses import dataclass

from crisisledger.model import Location

# Precision ranks: a smaller rank is a more specific place.
RANK = {"point": 0, "city": 1, "admin2": 2, "admin1": 3, "country": 4}


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


@dataclass(frozen=True)
class PlaceMatch:
    """Outcome of comparing two places: `ok` and, when ok, a strength (higher is better) and reason."""

    ok: bool
    strength: int
    reason: str


def _cc(loc: Location) -> str | None:
    return loc.country_code.upper() if loc.country_code else None


def _same_name(a: str | None, b: str | None) -> bool:
    return bool(a and b and a.casefold() == b.casefold())


def _contains(outer: Location, inner: Location) -> bool:
    """True when `outer` (country or admin area) contains `inner` by the names we know."""
    if RANK[outer.precision] <= RANK[inner.precision] and not _same_name(outer.name, inner.name):
        return False
    if outer.precision == "country":
        return _cc(outer) is not None and _cc(outer) == _cc(inner)
    if outer.precision == "admin1":
        return _cc(outer) == _cc(inner) and (
            _same_name(outer.admin1 or outer.name, inner.admin1) or _same_name(outer.name, inner.name)
        )
    if outer.precision == "admin2":
        if outer.admin1 and inner.admin1 and not _same_name(outer.admin1, inner.admin1):
            return False  # Jefferson County, Kentucky does not contain a Jefferson County town in Texas
        return _cc(outer) == _cc(inner) and (
            _same_name(outer.admin2 or outer.name, inner.admin2) or _same_name(outer.name, inner.name)
        )
    return False


def compare(a: Location | None, b: Location | None, max_km: float = 50.0) -> PlaceMatch:
    """Whether two event places can be the same incident's place, and why."""
    if a is None or b is None:
        return PlaceMatch(False, 0, "a place is unknown")
    if _cc(a) and _cc(b) and _cc(a) != _cc(b):
        return PlaceMatch(False, 0, f"different countries ({_cc(a)} vs {_cc(b)})")
    if a.geonames_id is not None and a.geonames_id == b.geonames_id:
        return PlaceMatch(True, 4, f"same GeoNames place {a.name} ({a.geonames_id})")
    if _contains(a, b) or _contains(b, a):
        outer, inner = (a, b) if RANK[a.precision] > RANK[b.precision] else (b, a)
        if RANK[outer.precision] == RANK[inner.precision]:
            return PlaceMatch(True, 3, f"same {outer.precision} {outer.name}")
        return PlaceMatch(True, 2, f"{inner.name} is in {outer.name}")
    if None not in (a.lat, a.lon, b.lat, b.lon) and max(RANK[a.precision], RANK[b.precision]) <= 2:
        km = haversine_km(a.lat, a.lon, b.lat, b.lon)  # type: ignore[arg-type]
        if km <= max_km:
            return PlaceMatch(True, 3, f"{a.name} and {b.name} are {km:.0f} km apart (<= {max_km:.0f} km)")
        return PlaceMatch(False, 0, f"{a.name} and {b.name} are {km:.0f} km apart (> {max_km:.0f} km)")
    if _same_name(a.name, b.name) and _cc(a) == _cc(b):
        return PlaceMatch(True, 3, f"same place name {a.name}")
    return PlaceMatch(False, 0, f"{a.name} and {b.name} are different places")
