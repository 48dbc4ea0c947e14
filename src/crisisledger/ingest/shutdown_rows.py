"""Shared pieces of the blackout-record importers (KeepItOn, IODA): CSV reading, countries, areas.

Each CSV row becomes zero or more `RecordBlackout`s (one per country named in the row) or a
`Rejected` with the reason. Nothing is dropped silently.
"""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from crisisledger.geo.countries import Country, lookup_country

NATIONWIDE = "nationwide"
_NATIONWIDE = re.compile(r"^\s*(?:nation\s*-?wide|national|whole country|entire country|country|all)\b", re.I)
_SPLIT = re.compile(r"\s*(?:[,;/]|\band\b|\(|\))\s*", re.I)


@dataclass
class RecordBlackout:
    """One blackout as a dataset records it, with the source row it came from."""

    source: str  # "Access Now KeepItOn" | "IODA"
    source_id: str  # stable id of the row within its source
    country_code: str
    area: str | None = None  # "nationwide", or the area as written
    location: dict[str, Any] | None = None  # the contract's LOCATION, when the area was resolved
    start: dt.date | None = None
    end: dt.date | None = None
    duration_hours: float | None = None
    shutdown_type: str | None = None  # "shutdown" | "throttle" | "shutdown, throttle" | "outage"
    status: str | None = None  # "ended" | "ongoing" | "unknown" | IODA's confirmation status
    services: list[str] = field(default_factory=list)
    cause: str | None = None
    ordered_by: str | None = None
    url: str | None = None

    def as_row(self) -> dict[str, Any]:
        """The fields as a `blackout_records` row."""
        return dict(self.__dict__)


@dataclass
class Rejected:
    """A row that gave no blackout: its line number (1 = first data row) and why."""

    row: int
    reason: str


def read_csv(path: str | Path) -> Iterator[dict[str, str]]:
    """Rows of a CSV or CSV.gz file as dicts (header names stripped of spaces)."""
    raw = Path(path).read_bytes()
    if raw[:2] == b"\x1f\x8b":
        raw = gzip.decompress(raw)
    text = raw.decode("utf-8-sig", errors="replace")
    reader = csv.DictReader(io.StringIO(text, newline=""))
    for row in reader:
        yield {(k or "").strip(): (v or "").strip() for k, v in row.items() if isinstance(v, str | None)}


def _country_variants(name: str) -> Iterator[str]:
    yield name
    yield name.replace("&", "and")
    yield name.replace(" ", "-")
    inner = re.findall(r"\(([^)]*)\)", name)
    outer = re.sub(r"\([^)]*\)", " ", name).strip()
    yield from inner
    if outer:
        yield outer
    yield from (p for p in name.split("/") if p.strip())
    if outer:
        yield outer.rstrip(" of").strip()


def countries(name: str) -> tuple[list[Country], list[str]]:
    """The countries a cell names ("Laos; Myanmar" gives two) and the parts that matched none."""
    found: list[Country] = []
    unknown: list[str] = []
    for part in (p.strip() for p in name.split(";")):
        if not part:
            continue
        country = next((c for v in _country_variants(part) if v.strip() and (c := lookup_country(v))), None)
        if country is None:
            unknown.append(part)
        elif country.code not in {c.code for c in found}:
            found.append(country)
    return found, unknown


def resolve_area(area: str | None, country_code: str) -> tuple[str | None, dict[str, Any] | None]:
    """("nationwide" or the area as written, LOCATION) for an area cell within a country.

    The area is looked up in the gazetteer part by part ("Pulwama, Jammu and Kashmir" tries
    "Pulwama" first); the first place found in the country gives the location. A nationwide area
    gives the country itself."""
    from crisisledger.geo.gazetteer import Gazetteer, admin_key
    from crisisledger.geo.resolve import country_location, to_location

    country = country_location(country_code)
    text = (area or "").strip()
    if not text or _NATIONWIDE.match(text) or lookup_country(text) is not None:
        return NATIONWIDE, country.model_dump(mode="json") if country else None
    gaz = Gazetteer.default()
    for part in (p for p in _SPLIT.split(text) if p and len(p) > 2):
        for name in (part, admin_key(part)):
            places = [p for p in gaz.lookup(name) if p.country_code == country_code] if name else []
            if places:
                rank = {"admin1": 0, "admin2": 1, "city": 2}
                best = min(places, key=lambda p: (rank.get(p.precision, 3), -p.population))
                return text, to_location(best).model_dump(mode="json")
    return text, None
