"""Tolls: how the figures of one event add up to its killed / injured / arrested numbers."""

from __future__ import annotations

from crisisledger.geo.countries import lookup_country
from crisisledger.model import Figure


def conservative_total(figures: list[Figure]) -> int | None:
    """ACLED-style figure for one kind: the lowest credible total the report states.

    The number is taken as stated ("more than 2,200" counts 2,200; a range counts its low end).
    Figures located or restricted to a group are parts of a total; they count only when the
    report gives no total, and then distinct groups add up.
    """
    if not figures:
        return None
    totals = [f for f in figures if not _is_part(f)]
    if totals:
        return max(f.value for f in totals)
    by_group: dict[str, int] = {}
    for f in figures:
        key = f.group or f.location or ""
        by_group[key] = max(by_group.get(key, 0), f.value)
    return sum(by_group.values())


def _is_part(figure: Figure) -> bool:
    """A figure restricted to a group or to a place below country level is part of a total."""
    if figure.group is not None:
        return True
    return figure.location is not None and lookup_country(figure.location) is None


def stated_total(figures: list[Figure], kind: str) -> int | None:
    return conservative_total([f for f in figures if f.kind == kind])
