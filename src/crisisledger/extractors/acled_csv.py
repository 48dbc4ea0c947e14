"""Read ACLED event exports (CSV, optionally gzip) into one uniform row type.

ACLED files differ by vintage: column names are upper case in old exports, dates come as
"31 December 2020", "2020-12-31", "31-Dec-20", "31-12-19" or "01-January-2015", and old
exports (before 2019) use a coarser type scheme without sub-event types. `read_acled` maps
all of them to `AcledRow`; old types are mapped to the current taxonomy where the mapping is
unambiguous, otherwise the row keeps only what is known (see `OLD_TYPES`).
"""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

# Files held out from training; the benchmark scores on them (matched by substring).
HOLDOUT_FILES: tuple[str, ...] = ("acled_kenya_", "acled_syria_yemen_afg_iraq_libya_somalia_turkey_")

# Old (pre-2019) ACLED event types -> (event_type or None, sub_event_type or None).
OLD_TYPES: dict[str, tuple[str | None, str | None]] = {
    "battle-no change of territory": ("Battles", "Armed clash"),
    "battle-government regains territory": ("Battles", "Government regains territory"),
    "battle-non-state actors overtake territory": ("Battles", "Non-state actor overtakes territory"),
    "battle-non-state actor overtakes territory": ("Battles", "Non-state actor overtakes territory"),
    "violence against civilians": ("Violence against civilians", None),
    "remote violence": ("Explosions/Remote violence", None),
    "strategic development": ("Strategic developments", None),
    "non-violent transfer of territory": ("Strategic developments", "Non-violent transfer of territory"),
    "headquarters or base established": ("Strategic developments", "Headquarters or base established"),
    "riots/protests": (None, None),  # protests and riots were one type: ambiguous
}

_DATE_FORMATS = ("%d %B %Y", "%Y-%m-%d", "%d-%b-%y", "%d-%m-%y", "%d-%B-%Y", "%d/%m/%Y", "%B %d, %Y")


@dataclass(frozen=True)
class AcledRow:
    """One ACLED event row, normalised across export vintages."""

    source_file: str
    event_id: str
    event_date: dt.date | None
    event_type: str | None
    sub_event_type: str | None
    actor1: str
    actor2: str
    country: str
    admin1: str
    admin2: str
    location: str
    latitude: float | None
    longitude: float | None
    geo_precision: int | None
    fatalities: int | None
    notes: str


def parse_acled_date(value: str) -> dt.date | None:
    """Parse any of the date formats found in ACLED exports; None when unparseable."""
    value = value.strip()
    if not value:
        return None
    if re.match(r"^\d{4}-\d{2}-\d{2}T", value):
        value = value[:10]
    for fmt in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(value, fmt).date()
        except ValueError:
            continue
    return None


def _float(value: str | None) -> float | None:
    try:
        return float(value) if value not in (None, "", "NA") else None
    except ValueError:
        return None


def _int(value: str | None) -> int | None:
    number = _float(value)
    return int(number) if number is not None else None


def _types(row: dict[str, str]) -> tuple[str | None, str | None]:
    event_type = (row.get("event_type") or "").strip()
    sub = (row.get("sub_event_type") or "").strip()
    if sub:
        return event_type or None, sub
    return OLD_TYPES.get(event_type.lower(), (event_type or None, None))


def iter_acled(path: Path) -> Iterator[AcledRow]:
    """Yield the rows of one ACLED CSV file (gzip when the name ends in .gz)."""
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8", newline="") as handle:
        for raw in csv.DictReader(handle):
            row = {(k or "").strip().lower(): (v or "") for k, v in raw.items()}
            event_type, sub = _types(row)
            yield AcledRow(
                source_file=path.name,
                event_id=row.get("event_id_cnty", ""),
                event_date=parse_acled_date(row.get("event_date", "")),
                event_type=event_type,
                sub_event_type=sub,
                actor1=row.get("actor1", ""),
                actor2=row.get("actor2", ""),
                country=row.get("country", ""),
                admin1=row.get("admin1", ""),
                admin2=row.get("admin2", ""),
                location=row.get("location", ""),
                latitude=_float(row.get("latitude")),
                longitude=_float(row.get("longitude")),
                geo_precision=_int(row.get("geo_precision")),
                fatalities=_int(row.get("fatalities")),
                notes=row.get("notes", ""),
            )


def read_acled(path: Path) -> list[AcledRow]:
    """All rows of one ACLED file."""
    return list(iter_acled(path))


def is_holdout(path: Path) -> bool:
    """True for the files the benchmark scores on (never used for training)."""
    return any(key in path.name for key in HOLDOUT_FILES)
