"""Shared pieces of the readers: the result type, read failures, decoding and date parsing."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from crisisledger.model import Article, ErrorInfo

DEFAULT_MAX_BYTES = 10_000_000


class ReadFailure(Exception):
    """An input item could not be turned into an article; `code` is the record's error code."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass(frozen=True)
class ReadResult:
    """One item read from the input: an article, or the error that stopped it (never both)."""

    id: str
    article: Article | None = None
    error: ErrorInfo | None = None

    @classmethod
    def of(cls, article: Article) -> ReadResult:
        return cls(id=article.id, article=article)

    @classmethod
    def failed(cls, id: str, code: str, message: str) -> ReadResult:
        return cls(id=id, error=ErrorInfo(code=code, message=message))

    @classmethod
    def from_failure(cls, id: str, failure: ReadFailure) -> ReadResult:
        return cls.failed(id, failure.code, failure.message)


def check_size(size: int, max_bytes: int) -> None:
    """Refuse an item larger than `max_bytes`."""
    if size > max_bytes:
        raise ReadFailure("too_large", f"input is {size} bytes, over the limit of {max_bytes} bytes")


def decode_utf8(data: bytes) -> str:
    """Decode UTF-8 text strictly; NUL bytes mean binary data. The text is otherwise unchanged."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ReadFailure("bad_encoding", "input is UTF-16; convert it to UTF-8")
    if b"\x00" in data:
        raise ReadFailure("binary", "input looks binary (it contains NUL bytes), not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ReadFailure(
            "bad_encoding", f"input is not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start})"
        ) from None


def require_text(text: str) -> str:
    """Refuse empty or whitespace-only text."""
    if not text.strip():
        raise ReadFailure("empty", "input has no text")
    return text


_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def parse_published(value: object) -> dt.date | None:
    """Parse a `published` value: null, `YYYY-MM-DD`, or an ISO datetime (its date part is kept)."""
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise ReadFailure("bad_date", f"published must be a YYYY-MM-DD string, not {value!r}")
    text = value.strip()
    try:
        if len(text) == 10 and _DATE.fullmatch(text):
            return dt.date.fromisoformat(text)
        if _DATE.match(text):
            return dt.datetime.fromisoformat(text).date()
    except ValueError:
        pass
    raise ReadFailure("bad_date", f"published {value!r} is not a YYYY-MM-DD date or ISO datetime")
