"""Resolve the date of an event from expressions relative to the article's publication date.

Own small rules cover what news uses most ("on Monday", "5 January", "Jan. 5, 2022",
"yesterday", "this week", "last month"); they are far faster than a general date parser.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from crisisledger.model import DatePrecision

MONTHS = {
    name: i + 1
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
    for name in names
}
WEEKDAYS = {
    d: i for i, d in enumerate(("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))
}

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?:,?\s+(?P<year>(?:19|20)\d\d))?"
_EVENT_NOUN = (
    r"(?:unrest|riots?|protests?|demonstrations?|events|violence|clashes|uprising|attacks?|bombings?|"
    r"massacre|killings|crackdown|floods?|earthquake|storms?|elections?|coup|fighting|offensive)\b"
)
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b")),
    ("day_month", re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}{_YEAR}\b", re.IGNORECASE)),
    ("month_day", re.compile(rf"\b{_MONTH}\s+{_DAY}\b{_YEAR}", re.IGNORECASE)),
    ("weekday", re.compile(r"\b(?P<weekday>" + "|".join(WEEKDAYS) + r")\b", re.IGNORECASE)),
    (
        "relative",
        re.compile(r"\b(?P<rel>yesterday|today|tonight|last night|this morning|earlier today)\b", re.I),
    ),
    ("week", re.compile(r"\b(?P<which>this|last|past) week(?:end)?\b", re.IGNORECASE)),
    (
        "month_year",
        re.compile(
            rf"\b(?:in|during|since|early|late|mid-?)\s+{_MONTH}(?:\s+(?P<year>(?:19|20)\d\d))?\b", re.I
        ),
    ),
    (  # an event named by its month: "the January riots", "the March 2020 floods"
        "month_year",
        re.compile(rf"\bthe\s+{_MONTH}(?:\s+(?P<year>(?:19|20)\d\d))?\s+{_EVENT_NOUN}", re.I),
    ),
]


@dataclass(frozen=True)
class DateMention:
    date: dt.date
    precision: DatePrecision
    start: int
    end: int


def find_dates(text: str, published: dt.date | None, offset: int = 0) -> list[DateMention]:
    """Every date expression in `text` resolved against `published`, in text order."""
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            resolved = _resolve(kind, m, published)
            if resolved is None:
                continue
            taken.append((m.start(), m.end()))
            found.append(DateMention(resolved[0], resolved[1], offset + m.start(), offset + m.end()))
    return sorted(found, key=lambda d: d.start)


def _resolve(kind: str, m: re.Match[str], published: dt.date | None) -> tuple[dt.date, DatePrecision] | None:
    groups = m.groupdict()
    if kind in ("iso", "day_month", "month_day"):
        month = int(groups["month"]) if kind == "iso" else MONTHS[groups["month"].lower()]
        year = int(groups["year"]) if groups.get("year") else None
        return _calendar_date(year, month, int(groups["day"]), published)
    if published is None:
        return None
    if kind == "weekday":
        back = (published.weekday() - WEEKDAYS[groups["weekday"].lower()]) % 7
        return published - dt.timedelta(days=back), "day"
    if kind == "relative":
        shift = 1 if groups["rel"].lower() in ("yesterday", "last night") else 0
        return published - dt.timedelta(days=shift), "day"
    if kind == "week":
        shift = 7 if groups["which"].lower() == "last" else 0
        return published - dt.timedelta(days=shift), "week"
    if kind == "month_year":
        month = MONTHS[groups["month"].lower()]
        year = int(groups["year"]) if groups.get("year") else _year_before(published, month, 1)
        return dt.date(year, month, 1), "month"
    return None


def _calendar_date(
    year: int | None, month: int, day: int, published: dt.date | None
) -> tuple[dt.date, DatePrecision] | None:
    if year is None:
        if published is None:
            return None
        year = _year_before(published, month, day)
    try:
        return dt.date(year, month, day), "day"
    except ValueError:
        return None


def _year_before(published: dt.date, month: int, day: int) -> int:
    """The year that puts month/day on or shortly before `published` (news reports the past)."""
    candidate = dt.date(published.year, month, min(day, 28))
    return published.year - 1 if candidate > published + dt.timedelta(days=31) else published.year


def event_date(
    sentence_text: str, sentence_start: int, lead_text: str, published: dt.date | None
) -> tuple[dt.date | None, DatePrecision]:
    """The date of an event told in a sentence: its own date, else the lead's, else publication."""
    for text, offset in ((sentence_text, sentence_start), (lead_text, 0)):
        mentions = [
            d for d in find_dates(text, published, offset) if published is None or d.date <= published
        ]
        if mentions:
            best = min(mentions, key=lambda d: ("day", "week", "month", "year").index(d.precision))
            return best.date, best.precision
    return published, "day"
