"""Tolls: how the figures of one event add up to its killed / injured / arrested numbers."""

from __future__ import annotations

from crisisledger.extractors.figure_notes import CODED_MARK
from crisisledger.geo.countries import lookup_country
from crisisledger.model import Figure


def conservative_total(figures: list[Figure]) -> int | None:
    """ACLED-style figure for one kind: the lowest credible total the report states.

    The number is taken as stated ("more than 2,200" counts 2,200; a range counts its low end).
    Figures restricted to a group or to a place below country level are parts: distinct groups add
    up ("4 policemen and 3 militants were killed" is 7), and a stated total counts when it is larger
    than the sum of the parts ("12 people, including 8 children" is 12).
    """
    if not figures:
        return None
    totals = [f.value for f in figures if not _is_part(f)]
    by_group: dict[str, int] = {}
    for f in figures:
        if _is_part(f):
            key = f.group or f.location or ""
            by_group[key] = max(by_group.get(key, 0), f.value)
    return max(max(totals, default=0), sum(by_group.values()))


def _is_part(figure: Figure) -> bool:
    """A figure restricted to a group or to a place below country level is part of a total."""
    if figure.group is not None:
        return True
    return figure.location is not None and lookup_country(figure.location) is None


def stated_total(figures: list[Figure], kind: str) -> int | None:
    """The event's number of `kind`: the coder's own statement when the report has one, else the
    conservative total of its figures."""
    own = [f for f in figures if f.kind == kind]
    coded = [f for f in own if CODED_MARK.match(f.text)]
    if coded:
        return coded[-1].value
    return conservative_total(own)
