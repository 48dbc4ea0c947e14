"""Plain text and Markdown: one article per file.

The publication date comes from a leading `date YYYY-MM-DD` line, or else from a metadata line in
the file's header ("Date: July 12, 2021", "+ Published: 2022-01-05 19:53", YAML front matter).
"""

from __future__ import annotations

import datetime as dt
import re

from crisisledger.ingest.base import ReadFailure, decode_utf8, parse_published, require_text
from crisisledger.model import Article

# The text may open with the publication date: "date 2022-01-10" or "Date: 2022-01-10", on a line of
# its own or (as some scrapers write it) run into the first sentence.
_DATE_LINE = re.compile(r"\A\ufeff?\s*date\s*:?[ \t]+(\S+)(?:[ \t]*(?:\r?\n|\Z)|[ \t]+(?=\S))", re.IGNORECASE)


def leading_date(text: str) -> dt.date | None:
    """The date of a leading `date YYYY-MM-DD` line, or None; a malformed date raises `bad_date`."""
    match = _DATE_LINE.match(text)
    if not match:
        return None
    value = match.group(1)
    if not re.match(r"\d{4}-\d{2}-\d{2}", value):
        return None
    return parse_published(value)


# A "Date:" / "Published:" field among the first lines (Markdown lists, YAML front matter, headers).
_META_DATE = re.compile(
    r"^[ \t]*(?:[-+*][ \t]+)?(?:date|published|publication[ _]date|pub[ _]?date)[ \t]*:[ \t]*"
    r"(?P<value>[^\n]{6,40}?)[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)
HEADER_CHARS = 1500


def metadata_date(text: str) -> dt.date | None:
    """The date given by a metadata field in the header of the file, or None when absent or unreadable."""
    match = _META_DATE.search(text[:HEADER_CHARS])
    if not match:
        return None
    value = match.group("value").strip().strip("\"'")
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        pass
    import dateparser  # slow to import: only for the rare free-form date

    parsed = dateparser.parse(value, languages=["en"], settings={"PREFER_DAY_OF_MONTH": "first"})
    return parsed.date() if parsed else None


def article_from_text(id: str, text: str, published: dt.date | None = None) -> Article:
    """One article from plain text; the text is kept unchanged so offsets match the original file."""
    require_text(text)
    date = leading_date(text)
    if date is not None:
        require_text(_DATE_LINE.sub("", text, count=1))
    return Article(id=id, text=text, published=date or metadata_date(text) or published)


def article_from_bytes(id: str, data: bytes, published: dt.date | None = None) -> Article:
    """One article from the bytes of a text file (strict UTF-8)."""
    if not data.strip():
        raise ReadFailure("empty", "input is empty")
    return article_from_text(id, decode_utf8(data), published)
