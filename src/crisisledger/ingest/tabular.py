"""Shared helpers for importing other datasets' CSV exports (ACLED, GDELT): opening, cells, results."""

from __future__ import annotations

import gzip
import io
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from crisisledger.model import Article, Record


class RowError(ValueError):
    """A row that cannot be imported; the message says why."""


@dataclass(frozen=True)
class Converted:
    """One source row: (article, record) when it converted, else `error` (and `skipped` when by design)."""

    line: int
    article: Article | None = None
    record: Record | None = None
    error: str | None = None
    skipped: bool = False


@contextmanager
def open_text(path: str | Path) -> Iterator[IO[str]]:
    """Open a text file for reading, gunzipping when it starts with the gzip magic bytes."""
    with open(path, "rb") as raw:
        gz = raw.read(2) == b"\x1f\x8b"
    with gzip.open(path, "rb") if gz else open(path, "rb") as binary:
        yield io.TextIOWrapper(binary, encoding="utf-8-sig", errors="replace", newline="")


def cell(row: dict[str, str], *names: str) -> str:
    """The first non-empty value among `names` (stripped; "NA" counts as empty)."""
    for name in names:
        value = (row.get(name) or "").strip()
        if value and value != "NA":
            return value
    return ""


def to_float(value: str, what: str) -> float | None:
    """A float, None when empty; RowError when malformed."""
    if not value:
        return None
    try:
        return float(value)
    except ValueError:
        raise RowError(f"{what} is not a number: {value!r}") from None


def to_int(value: str, what: str) -> int | None:
    """A non-negative integer, None when empty; RowError when malformed or negative."""
    number = to_float(value, what)
    if number is None:
        return None
    if number < 0 or number != int(number):
        raise RowError(f"{what} is not a count: {value!r}")
    return int(number)
