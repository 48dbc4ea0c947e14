"""Dates and durations in blackout sentences, resolved against the article's publication date.

Day-precise dates come from `dates.find_dates` ("on January 5", "since Wednesday evening" -> the latest
such day on or before publication, "yesterday"); durations are read here ("a five-day blackout",
"for 111 hours", "after two weeks").
"""

from __future__ import annotations

import datetime as dt
import re

from crisisledger.extractors.dates import find_dates
from crisisledger.extractors.numbers import WORD_VALUES

NUMBER_WORDS = WORD_VALUES | {"a": 1, "an": 1, "several": 3, "few": 3}
_NUM = (
    r"(?P<n>\d+(?:\.\d+)?|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|"
    r"twenty|thirty|several|few)"
)
_DURATION = re.compile(rf"\b{_NUM}[\s-]+(?P<unit>hours?|days?|weeks?|months?)\b(?:[\s-]+long)?", re.I)
_UNIT_HOURS = {"hour": 1, "day": 24, "week": 168, "month": 720}


def dates_in(text: str, published: dt.date | None) -> list[tuple[int, dt.date]]:
    """(offset, date) for every day-precise date expression in `text`, in text order."""
    return [(m.start, m.date) for m in find_dates(text, published) if m.precision == "day"]


def duration_hours(text: str) -> float | None:
    """The first duration stated in `text`, in hours ("a five-day blackout" -> 120.0)."""
    m = _DURATION.search(text)
    if not m:
        return None
    raw = m.group("n").lower()
    n = float(raw) if raw[0].isdigit() else float(NUMBER_WORDS[raw])
    unit = m.group("unit").lower().rstrip("s")
    return n * _UNIT_HOURS[unit]
