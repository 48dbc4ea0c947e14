"""Small date and duration rules for blackout sentences, resolved against the article's publication date.

Handles "on January 5", "5 January", "Jan. 5, 2022", weekdays ("since Wednesday evening" -> the latest such
day on or before publication), "today", "yesterday", "last night", and durations ("a five-day blackout",
"for 111 hours", "after two weeks"). Deliberately small and fast (no dateparser).
"""

from __future__ import annotations

import datetime as dt
import re

MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ]
    )
    for m in names
}
WEEKDAYS = {
    d: i for i, d in enumerate(("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))
}
NUMBER_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "several": 3,
    "few": 3,
}
_MONTH = (
    r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|"
    r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_MONTH_DAY = re.compile(
    rf"\b{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>\d{{4}}))?", re.I
)
_DAY_MONTH = re.compile(
    rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?:,?\s+(?P<year>\d{{4}}))?\b", re.I
)
_WEEKDAY = re.compile(r"\b(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I)
_RELATIVE = re.compile(r"\b(?P<rel>today|yesterday|last\s+night|tonight|this\s+morning)\b", re.I)
_NUM = (
    r"(?P<n>\d+(?:\.\d+)?|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|"
    r"twenty|thirty|several|few)"
)
_DURATION = re.compile(rf"\b{_NUM}[\s-]+(?P<unit>hours?|days?|weeks?|months?)\b(?:[\s-]+long)?", re.I)
_UNIT_HOURS = {"hour": 1, "day": 24, "week": 168, "month": 720}


def _year_for(month: int, day: int, published: dt.date | None) -> int | None:
    if published is None:
        return None
    year = published.year
    if (month, day) > (published.month, published.day) and month - published.month > 6:
        year -= 1
    return year


def dates_in(text: str, published: dt.date | None) -> list[tuple[int, dt.date]]:
    """(offset, date) for every date expression in `text` that can be resolved, in text order."""
    out: list[tuple[int, dt.date]] = []
    for pattern in (_MONTH_DAY, _DAY_MONTH):
        for m in pattern.finditer(text):
            month = MONTHS.get(m.group("mon").lower().rstrip("."))
            day = int(m.group("day"))
            year = int(m.group("year")) if m.group("year") else _year_for(month or 0, day, published)
            if month and year and 1 <= day <= 31:
                try:
                    out.append((m.start(), dt.date(year, month, day)))
                except ValueError:
                    continue
    if published is not None:
        for m in _WEEKDAY.finditer(text):
            back = (published.weekday() - WEEKDAYS[m.group("wd").lower()]) % 7
            out.append((m.start(), published - dt.timedelta(days=back)))
        for m in _RELATIVE.finditer(text):
            rel = m.group("rel").lower()
            back = 1 if rel.startswith(("yesterday", "last")) else 0
            out.append((m.start(), published - dt.timedelta(days=back)))
    return sorted(out)


def duration_hours(text: str) -> float | None:
    """The first duration stated in `text`, in hours ("a five-day blackout" -> 120.0)."""
    m = _DURATION.search(text)
    if not m:
        return None
    raw = m.group("n").lower()
    n = float(raw) if raw[0].isdigit() else float(NUMBER_WORDS[raw])
    unit = m.group("unit").lower().rstrip("s")
    return n * _UNIT_HOURS[unit]
