"""HTML pages: the main text via trafilatura, with the title and publication date from the metadata."""

from __future__ import annotations

import datetime as dt
import re

from crisisledger.ingest.base import ReadFailure, parse_published
from crisisledger.model import Article

# <meta> tags that carry a publication date, most specific first.
_DATE_META = (
    "article:published_time",
    "datepublished",
    "og:published_time",
    "publishdate",
    "pubdate",
    "date",
    "dc.date.issued",
    "dc.date",
    "dcterms.created",
    "sailthru.date",
)
_META = re.compile(r"<meta\b[^>]*>", re.IGNORECASE)
_ATTR = re.compile(r"""([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""")
_TIME = re.compile(r"""<time\b[^>]*\bdatetime\s*=\s*["']([^"']+)["']""", re.IGNORECASE)
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w-]+)""", re.IGNORECASE)


def decode_html(data: bytes) -> str:
    """Decode an HTML page: UTF-8, else the charset its <meta> declares; NUL bytes mean binary."""
    if b"\x00" in data:
        raise ReadFailure("binary", "input looks binary (it contains NUL bytes), not HTML")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        declared = _CHARSET.search(data[:4096])
        if declared:
            try:
                return data.decode(declared.group(1).decode("ascii"))
            except (LookupError, UnicodeDecodeError):
                pass
        raise ReadFailure(
            "bad_encoding", f"page is not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start})"
        ) from None


def meta_published(html: str) -> dt.date | None:
    """The publication date stated in <meta> tags or a <time datetime> element, or None."""
    found: dict[str, str] = {}
    for tag in _META.findall(html[:200_000]):
        attrs = {
            m.group(1).lower(): m.group(2) or m.group(3) or m.group(4) or "" for m in _ATTR.finditer(tag)
        }
        key = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").lower()
        if key in _DATE_META and attrs.get("content"):
            found.setdefault(key, attrs["content"])
    candidates = [found[k] for k in _DATE_META if k in found]
    time = _TIME.search(html[:200_000])
    if time:
        candidates.append(time.group(1))
    for value in candidates:
        try:
            return parse_published(value.strip())
        except ReadFailure:
            continue
    return None


def article_from_html(id: str, data: bytes, published: dt.date | None = None) -> Article:
    """One article from an HTML page; `published` is used when the page states no date."""
    import trafilatura

    html = decode_html(data)
    if not html.strip():
        raise ReadFailure("empty", "input is empty")
    document = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, date_extraction_params={"extensive_search": False}
    )
    text = getattr(document, "text", None) if document is not None else None
    if not text or not text.strip():
        raise ReadFailure("empty", "no article text could be extracted from the page")
    date = meta_published(html)
    stated = getattr(document, "date", None)
    if date is None and stated:
        try:
            date = parse_published(stated)
        except ReadFailure:
            date = None
    title = getattr(document, "title", None) or None
    return Article(
        id=id,
        text=text,
        title=title,
        published=date or published,
        url=getattr(document, "url", None) or None,
        source=getattr(document, "sitename", None) or None,
    )
