"""JSON and JSON Lines articles: `{"id", "text", "title"?, "published"?, "url"?, "source"?, "language"?}`."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator
from typing import IO, Any

from crisisledger.ingest.base import ReadFailure, ReadResult, check_size, decode_utf8, parse_published
from crisisledger.model import Article

_OPTIONAL = ("title", "url", "source", "language")
_CHUNK = 1 << 16


def article_from_object(obj: Any, published: dt.date | None = None) -> Article:
    """Validate one decoded JSON article; unknown fields are ignored."""
    if not isinstance(obj, dict):
        raise ReadFailure("bad_json", f"expected a JSON object, got {type(obj).__name__}")
    for name in ("id", "text"):
        if obj.get(name) is None:
            raise ReadFailure("missing_field", f"article has no {name!r} field")
    id, text = obj["id"], obj["text"]
    if isinstance(id, bool) or not isinstance(id, str | int):
        raise ReadFailure("bad_json", "'id' must be a string")
    if not isinstance(text, str):
        raise ReadFailure("bad_json", "'text' must be a string")
    if not text.strip():
        raise ReadFailure("empty", "article text is empty")
    fields: dict[str, str | None] = {}
    for name in _OPTIONAL:
        value = obj.get(name)
        if value is not None and not isinstance(value, str):
            raise ReadFailure("bad_json", f"{name!r} must be a string")
        fields[name] = value or None
    date = parse_published(obj.get("published")) or published
    return Article(id=str(id), text=text, published=date, **fields)


def _object_id(obj: Any, fallback: str) -> str:
    """The article's own id when it has a usable one, else `fallback` (for error records)."""
    if isinstance(obj, dict) and isinstance(obj.get("id"), str | int) and not isinstance(obj["id"], bool):
        return str(obj["id"])
    return fallback


def results_from_value(value: Any, where: str, published: dt.date | None) -> Iterator[ReadResult]:
    """Articles from a decoded JSON document: one object, or a list of them."""
    items = value if isinstance(value, list) else [value]
    if not items:
        yield ReadResult.failed(where, "empty", "the JSON list holds no articles")
    for index, obj in enumerate(items):
        fallback = f"{where}[{index}]" if isinstance(value, list) else where
        try:
            yield ReadResult.of(article_from_object(obj, published))
        except ReadFailure as failure:
            yield ReadResult.from_failure(_object_id(obj, fallback), failure)


def results_from_json_bytes(data: bytes, where: str, published: dt.date | None) -> Iterator[ReadResult]:
    """Articles from a whole `.json` file; a file that is really JSON Lines is read as such."""
    text = decode_utf8(data)
    if not text.strip():
        raise ReadFailure("empty", "input is empty")
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        if exc.msg == "Extra data":
            lines = ((n, line.encode("utf-8")) for n, line in enumerate(text.splitlines(), 1))
            yield from results_from_lines(lines, where, published, max_bytes=len(data))
            return
        raise ReadFailure(
            "bad_json", f"invalid JSON at line {exc.lineno} column {exc.colno}: {exc.msg}"
        ) from None
    yield from results_from_value(value, where, published)


def read_lines(
    stream: IO[bytes], max_bytes: int, first: int = 1
) -> Iterator[tuple[int, bytes | ReadFailure]]:
    """Stream (line number, line) pairs; a line over `max_bytes` becomes a `too_large` failure."""
    number = first - 1
    while True:
        line = stream.readline(max_bytes + 1)
        if not line:
            return
        number += 1
        if len(line) > max_bytes and not line.endswith(b"\n"):
            size = len(line)
            while line and not line.endswith(b"\n"):  # skip the rest of the over-long line
                line = stream.readline(_CHUNK)
                size += len(line)
            yield number, ReadFailure("too_large", f"line is over the limit of {max_bytes} bytes")
        else:
            yield number, line


def results_from_lines(
    lines: Iterable[tuple[int, bytes | ReadFailure]],
    where: str,
    published: dt.date | None,
    max_bytes: int,
) -> Iterator[ReadResult]:
    """Articles from JSON Lines; a bad line becomes an error record, the other lines are still read."""
    seen = False
    for number, line in lines:
        line_id = f"{where}:{number}"
        if isinstance(line, ReadFailure):
            seen = True
            yield ReadResult.from_failure(line_id, line)
            continue
        if not line.strip():
            continue
        seen = True
        try:
            check_size(len(line), max_bytes)
            obj = json.loads(decode_utf8(line))
        except ReadFailure as failure:
            yield ReadResult.from_failure(line_id, _on_line(failure, number))
            continue
        except json.JSONDecodeError as exc:
            yield ReadResult.failed(line_id, "bad_json", f"line {number}: invalid JSON ({exc.msg})")
            continue
        try:
            yield ReadResult.of(article_from_object(obj, published))
        except ReadFailure as failure:
            yield ReadResult.from_failure(_object_id(obj, line_id), _on_line(failure, number))
    if not seen:
        yield ReadResult.failed(where, "empty", "input holds no articles")


def _on_line(failure: ReadFailure, number: int) -> ReadFailure:
    return ReadFailure(failure.code, f"line {number}: {failure.message}")
