"""Access Now #KeepItOn STOP data (CSV) → `RecordBlackout`s.

Columns used: start_date, end_date, duration (days), country (one or more, ";"-separated), area_name,
shutdown_type, affected_network, shutdown_extent, *_affected (per platform), ordered_by,
actual_cause, shutdown_status, info_source_link.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterator
from pathlib import Path

from crisisledger.ingest.shutdown_rows import (
    RecordBlackout,
    Rejected,
    countries,
    read_csv,
    resolve_area,
)

SOURCE = "Access Now KeepItOn"
NETWORKS = {"broadband": "fixed", "mobile": "mobile"}
PLATFORMS = ("facebook", "twitter", "whatsapp", "instagram", "telegram")
_EMPTY = {"", "unknown", "n/a", "na", "none"}


def _date(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value.strip()[:10]) if value.strip() else None
    except ValueError:
        return None


def _clean(value: str | None) -> str | None:
    return value.strip() if value and value.strip().lower() not in _EMPTY else None


def services(row: dict[str, str]) -> list[str]:
    """Networks and services in the blackout vocabulary: mobile, fixed, platforms, sms, calls."""
    out = [NETWORKS[n.strip().lower()] for n in row.get("affected_network", "").split(",")
           if n.strip().lower() in NETWORKS]  # fmt: skip
    out += [p for p in PLATFORMS if row.get(f"{p}_affected", "").lower() == "yes"]
    out += [s for s, col in (("sms", "sms_affected"), ("calls", "phonecall_affected"))
            if row.get(col, "").lower() == "yes"]  # fmt: skip
    if "service-based" in row.get("shutdown_extent", "").lower() and not set(out) - {"mobile", "fixed"}:
        out.append("social_media")
    return out


def row_key(row: dict[str, str]) -> str:
    """A key for a row that stays the same across editions of the dataset (not its line number)."""
    cells = ("start_date", "country", "area_name", "shutdown_type", "affected_network", "shutdown_extent")
    return hashlib.sha1("|".join(row.get(c, "").lower() for c in cells).encode()).hexdigest()[:16]


def convert(row: dict[str, str], number: int) -> list[RecordBlackout] | Rejected:
    """The blackouts one row records (one per country), or why it gives none."""
    start = _date(row.get("start_date", ""))
    if start is None:
        return Rejected(number, f"no valid start date ({row.get('start_date', '')!r})")
    end = _date(row.get("end_date", ""))
    if end is not None and end < start:
        return Rejected(number, f"end date {end} before start date {start}")
    found, _unknown = countries(row.get("country", ""))
    if not found:
        return Rejected(number, f"unknown country {row.get('country', '')!r}")
    duration = row.get("duration", "").strip()
    hours = float(duration) * 24 if duration.replace(".", "", 1).isdigit() else None
    kind = _clean(row.get("shutdown_type"))
    out = []
    for country in found:
        area, location = resolve_area(row.get("area_name"), country.code)
        out.append(RecordBlackout(
            source=SOURCE, source_id=f"{row_key(row)}:{country.code}",
            country_code=country.code, area=area, location=location, start=start, end=end,
            duration_hours=hours, shutdown_type=kind.lower() if kind else None,
            status=(_clean(row.get("shutdown_status")) or "unknown").lower(), services=services(row),
            cause=_clean(row.get("actual_cause")), ordered_by=_clean(row.get("ordered_by")),
            url=(row.get("info_source_link") or "").split(";")[0].strip() or None,
        ))  # fmt: skip
    return out


def read(path: str | Path) -> Iterator[tuple[int, list[RecordBlackout] | Rejected]]:
    """(row number, blackouts or rejection) for every data row of a KeepItOn CSV(.gz)."""
    seen: dict[str, int] = {}
    for number, row in enumerate(read_csv(path), start=1):
        result = convert(row, number)
        if isinstance(result, list):
            for b in result:  # identical keys within one file: number them in order
                seen[b.source_id] = seen.get(b.source_id, 0) + 1
                if seen[b.source_id] > 1:
                    b.source_id += f"#{seen[b.source_id]}"
        yield number, result
