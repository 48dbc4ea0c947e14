"""IODA's curated outage list (CSV) → `RecordBlackout`s.

Columns used: ID, Begin time, End time ("Wednesday, March 17, 2021, 4:40:00 PM" or "7/28/2020 17:00:00"),
Country, Scope ("Country" or "Region (Name)"), the three "visible by human" signal flags
(BGP, active probing, telescope), Cause, Confirmation Status. An end time earlier the same day than
the begin time is read as the next day (the list writes ends past midnight with the begin's date);
other inverted rows are rejected.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path

from crisisledger.ingest.shutdown_rows import RecordBlackout, Rejected, countries, read_csv, resolve_area

SOURCE = "IODA"
_LONG = re.compile(
    r"(?:[A-Za-z]+,\s*)?([A-Za-z]+)\s+(\d{1,2}),\s*(\d{4}),?\s*(\d{1,2}):(\d{1,2})(?::(\d{1,2}))?\s*([AP]M)?",
    re.I,
)
_SHORT = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})\s+(\d{1,2}):(\d{1,2})(?::(\d{1,2}))?\s*([AP]M)?", re.I)
_MONTHS = {m: i for i, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
                                       "nov", "dec"), start=1)}  # fmt: skip
SIGNALS = (("bgp", "BGP"), ("active_probing", "AP"), ("telescope", "IBR"))


def _hour(hour: int, ampm: str | None) -> int:
    if ampm and hour <= 12:  # "17:00:00 PM" occurs: a 24-hour time with a stray suffix
        hour = hour % 12 + (12 if ampm.upper() == "PM" else 0)
    return hour


def parse_time(value: str) -> dt.datetime | None:
    """A timestamp in either layout the list uses, or None."""
    try:
        if m := _LONG.search(value):
            month = _MONTHS.get(m[1][:3].lower())
            if month is None:
                return None
            return dt.datetime(int(m[3]), month, int(m[2]), _hour(int(m[4]), m[7]), int(m[5]), int(m[6] or 0))
        if m := _SHORT.search(value):
            return dt.datetime(int(m[3]), int(m[1]), int(m[2]), _hour(int(m[4]), m[7]), int(m[5]),
                               int(m[6] or 0))  # fmt: skip
    except ValueError:
        return None
    return None


def _flag(row: dict[str, str], code: str) -> bool:
    col = next((k for k in row if k.upper().startswith(f"IODA {code} ")), None)
    return bool(col) and row[col or ""].strip().lower() in {"true", "ture", "yes"}


def convert(row: dict[str, str], number: int) -> list[RecordBlackout] | Rejected:
    """The blackout one row records, or why it gives none."""
    begin = parse_time(row.get("Begin time", ""))
    if begin is None:
        return Rejected(number, f"no valid begin time ({row.get('Begin time', '')!r})")
    end = parse_time(row.get("End time", "")) if row.get("End time") else None
    if row.get("End time") and end is None:
        return Rejected(number, f"unreadable end time ({row.get('End time', '')!r})")
    if end is not None and dt.timedelta(0) < begin - end < dt.timedelta(days=1):
        end += dt.timedelta(days=1)  # an end past midnight written with the begin's date
    if end is not None and end < begin:
        return Rejected(number, f"end time {end} before begin time {begin}")
    found, _unknown = countries(row.get("Country", ""))
    if len(found) != 1:
        return Rejected(number, f"unknown country {row.get('Country', '')!r}")
    code = found[0].code
    scope = next((k for k in row if k.lower().startswith("scope")), "")
    region = re.match(r"region\s*\((.*)\)", row.get(scope, ""), re.I)
    area, location = resolve_area(region[1] if region else None, code)
    if asn := re.match(r"AS\s*\(?\s*(\d+)", row.get(scope, ""), re.I):
        area = f"AS{asn[1]}"  # one network: the country is the only place known
    cause = row.get("Cause", "").strip()
    return [RecordBlackout(
        source=SOURCE, source_id=row.get("ID") or f"row{number}", country_code=code, area=area,
        location=location, start=begin.date(), end=end.date() if end else None,
        duration_hours=round((end - begin).total_seconds() / 3600, 2) if end else None,
        shutdown_type="outage", status=(row.get("Confirmation Status") or "unconfirmed").lower(),
        services=[name for name, flag in SIGNALS if _flag(row, flag)],
        cause=cause if cause and cause.lower() != "unknown" else None,
        ordered_by="government" if cause.lower() == "government-ordered" else None,
    )]  # fmt: skip


def read(path: str | Path) -> Iterator[tuple[int, list[RecordBlackout] | Rejected]]:
    """(row number, blackouts or rejection) for every data row of an IODA outage CSV(.gz)."""
    seen: set[str] = set()
    for number, row in enumerate(read_csv(path), start=1):
        result = convert(row, number)
        if isinstance(result, list) and result[0].source_id in seen:
            result = Rejected(number, f"duplicate ID {result[0].source_id}")
        elif isinstance(result, list):
            seen.add(result[0].source_id)
        yield number, result
