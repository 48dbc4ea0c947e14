"""Turn the command's INPUT arguments into a stream of `ReadResult`s, in input order.

INPUT items are files, folders (walked recursively, in sorted path order, keeping the supported
suffixes and skipping hidden entries) or `-` for standard input; no INPUT means standard input.
A bad item becomes an error result and every other item is still read.
"""

from __future__ import annotations

import datetime as dt
import os
import stat
import sys
from collections.abc import Iterator, Sequence
from itertools import chain
from pathlib import Path
from typing import IO

from crisisledger.ingest.base import DEFAULT_MAX_BYTES, ReadFailure, ReadResult, check_size
from crisisledger.ingest.html import article_from_html
from crisisledger.ingest.jsonio import read_lines, results_from_json_bytes, results_from_lines
from crisisledger.ingest.text import article_from_bytes

STDIN = "-"
STDIN_ID = "stdin"
TEXT_SUFFIXES = (".txt", ".md")
HTML_SUFFIXES = (".html", ".htm")
JSON_SUFFIXES = (".json",)
JSONL_SUFFIXES = (".jsonl", ".ndjson")
SUPPORTED_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + JSON_SUFFIXES + JSONL_SUFFIXES


def walk_folder(folder: str) -> list[str]:
    """The supported files under `folder`, recursively, sorted by path; hidden entries are skipped."""
    found: list[tuple[tuple[str, ...], str]] = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in files:
            if not name.startswith(".") and name.lower().endswith(SUPPORTED_SUFFIXES):
                path = os.path.join(root, name)
                found.append((Path(os.path.relpath(path, folder)).parts, path))
    return [path for _, path in sorted(found)]


def expand_inputs(inputs: Sequence[str]) -> list[str]:
    """The items that will be read: files as given, folders expanded, `-` for standard input."""
    if not inputs:
        return [STDIN]
    items: list[str] = []
    for given in inputs:
        items.extend(walk_folder(given) if given != STDIN and os.path.isdir(given) else [given])
    return items


def read_inputs(
    inputs: Sequence[str],
    *,
    published: dt.date | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    stdin: IO[bytes] | None = None,
) -> Iterator[ReadResult]:
    """Read every INPUT item lazily; `published` is the date of articles that state none."""
    for given in inputs or [STDIN]:
        if given == STDIN:
            yield from read_stdin(stdin if stdin is not None else sys.stdin.buffer, published, max_bytes)
        elif os.path.isdir(given):
            paths = walk_folder(given)
            if not paths:
                yield ReadResult.failed(
                    given, "empty", "folder holds no .txt, .md, .html, .json or .jsonl files"
                )
            for path in paths:
                yield from read_file(path, published, max_bytes)
        else:
            yield from read_file(given, published, max_bytes)


def read_file(
    path: str, published: dt.date | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[ReadResult]:
    """The articles of one file (one, or several for JSON and JSON Lines); ids default to the path."""
    suffix = os.path.splitext(path)[1].lower()
    try:
        with open(path, "rb") as handle:
            if suffix in JSONL_SUFFIXES:
                yield from results_from_lines(read_lines(handle, max_bytes), path, published, max_bytes)
                return
            info = os.fstat(handle.fileno())
            if stat.S_ISREG(info.st_mode):
                check_size(info.st_size, max_bytes)  # refuse big files without reading them
            data = handle.read(max_bytes + 1)
            check_size(len(data), max_bytes)
        if suffix in JSON_SUFFIXES:
            yield from results_from_json_bytes(data, path, published)
        elif suffix in HTML_SUFFIXES:
            yield ReadResult.of(article_from_html(path, data, published))
        else:
            yield ReadResult.of(article_from_bytes(path, data, published))
    except ReadFailure as failure:
        yield ReadResult.from_failure(path, failure)
    except OSError as exc:
        yield ReadResult.failed(path, "unreadable", f"cannot read: {exc.strerror or exc}")


def read_stdin(
    stream: IO[bytes], published: dt.date | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[ReadResult]:
    """Standard input: JSON Lines when the first non-blank byte is `{` (streamed), else one text article."""
    lines = read_lines(stream, max_bytes)
    head: list[bytes] = []
    try:
        for number, line in lines:
            if isinstance(line, ReadFailure):
                raise line
            if not line.strip():
                head.append(line)
                continue
            if line.lstrip().startswith(b"{"):
                yield from results_from_lines(chain([(number, line)], lines), STDIN_ID, published, max_bytes)
                return
            head.append(line)
            break
        data = b"".join(head)
        data += stream.read(max_bytes + 1 - len(data))
        check_size(len(data), max_bytes)
        yield ReadResult.of(article_from_bytes(STDIN_ID, data, published))
    except ReadFailure as failure:
        yield ReadResult.from_failure(STDIN_ID, failure)
    except OSError as exc:
        yield ReadResult.failed(STDIN_ID, "unreadable", f"cannot read standard input: {exc.strerror or exc}")
