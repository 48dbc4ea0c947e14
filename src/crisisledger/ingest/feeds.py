"""Watching feeds: poll RSS/Atom feeds and pages, fetch each new article once, hand new articles to a sink.

`read_feed_list` reads the FEEDS file (one address a line, `#` comments, or OPML). `Watcher.poll()`
polls every address that is due (conditional GET; exponential back-off per address after errors),
queues new entries, fetches their pages (main text by trafilatura; a page the site's robots.txt
disallows is not fetched: the feed's own text of the entry is kept instead, if it has any), passes
the articles to the sink (which stores them) and only then marks them seen. The state is saved
after each step, so a crash loses nothing and a restart re-fetches nothing already stored.
"""

from __future__ import annotations

import datetime as dt
import re
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from crisisledger.ingest.base import ReadFailure
from crisisledger.ingest.feed_fetch import Fetcher, FetchError, Refused, Response
from crisisledger.ingest.feed_state import FeedState, Pending, WatchState
from crisisledger.ingest.politeness import RobotsUnavailable
from crisisledger.model import Article

Sink = Callable[[list[Article]], int]
_TAGS = re.compile(r"<[^>]+>")


@dataclass
class WatchConfig:
    """Schedule and limits."""

    interval: float = 900.0  # seconds between polls of a healthy feed
    backoff_base: float = 60.0  # first delay after an error; doubled after each further error
    backoff_max: float = 6 * 3600.0
    max_page_attempts: int = 5  # an article page failing this often is given up (and reported)
    batch: int = 20  # articles stored per call of the sink (progress is saved after each)


@dataclass
class PollReport:
    """What one poll did."""

    polled: int = 0
    not_modified: int = 0
    backing_off: int = 0
    new_entries: int = 0
    pages_fetched: int = 0
    stored: int = 0  # articles passed to the sink
    added: int = 0  # articles the sink reports as new
    errors: list[str] = field(default_factory=list)


def read_feed_list(path: str | Path) -> list[str]:
    """Addresses in a FEEDS file: OPML (each outline's xmlUrl, else htmlUrl) or one a line, # comments."""
    text = Path(path).read_text(encoding="utf-8-sig")
    if text.lstrip().startswith("<"):
        root = ET.fromstring(text)
        urls = [o.get("xmlUrl") or o.get("htmlUrl") or "" for o in root.iter("outline")]
    else:
        lines = (line.split(" #", 1)[0].strip() for line in text.splitlines())  # " #": a trailing comment
        urls = [line for line in lines if not line.startswith("#")]
    out: list[str] = []
    for url in urls:
        if url and url not in out:
            out.append(url)
    return out


def backoff(failures: int, config: WatchConfig) -> float:
    """Seconds to wait after `failures` consecutive failures: base, 2×base, 4×base, … up to the cap."""
    return min(config.backoff_base * 2 ** max(0, failures - 1), config.backoff_max)


def _plain(html: str) -> str:
    return re.sub(r"\s+", " ", _TAGS.sub(" ", html)).strip()


def _entry_pending(entry: Any, feed_url: str, feed_title: str | None) -> Pending | None:
    link = entry.get("link") or None
    key = entry.get("id") or link
    if not key:
        return None
    published = entry.get("published_parsed") or entry.get("updated_parsed")
    content = entry.get("content") or []
    text = _plain(content[0].get("value", "")) if content else _plain(entry.get("summary", ""))
    return Pending(key=str(key), url=link, feed=feed_url, title=entry.get("title") or None,
                   published=dt.date(*published[:3]).isoformat() if published else None,
                   text=text or None, source=feed_title)  # fmt: skip


def _is_html(resp: Response) -> bool:
    head = resp.content[:2048].lstrip().lower()
    return "html" in resp.content_type.lower() or head.startswith((b"<!doctype html", b"<html"))


class Watcher:
    """Polls `addresses`, keeping its progress in `state` and handing new articles to `sink`."""

    def __init__(
        self,
        addresses: list[str],
        state: WatchState,
        fetcher: Fetcher,
        sink: Sink,
        config: WatchConfig | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.addresses = addresses
        self.state = state
        self.fetcher = fetcher
        self.sink = sink
        self.config = config or WatchConfig()
        self.clock = clock
        self._fetched: dict[str, Response] = {}  # page addresses fetched in this poll

    def next_due(self) -> float:
        """The earliest time an address or a waiting page is due."""
        times = [self.state.feeds.get(a, FeedState()).next_try for a in self.addresses
                 if not self._done_page(a)]  # fmt: skip
        times += [p.next_try for p in self.state.pending.values()]
        return min(times, default=self.clock() + self.config.interval)

    def _done_page(self, address: str) -> bool:
        fs = self.state.feeds.get(address)
        return fs is not None and fs.kind == "page" and address in self.state.seen

    def poll(self) -> PollReport:
        """Poll every due address, then fetch and store the waiting entries."""
        report = PollReport()
        for address in self.addresses:
            if self._done_page(address):
                continue
            fs = self.state.feeds.setdefault(address, FeedState())
            if fs.next_try > self.clock():
                report.backing_off += 1
                continue
            self._poll_address(address, fs, report)
            self.state.save()
        self._store_pending(report)
        return report

    def _fail(self, fs: FeedState, address: str, exc: Exception, report: PollReport) -> None:
        fs.failures += 1
        fs.last_error = str(exc)
        fs.next_try = self.clock() + backoff(fs.failures, self.config)
        report.errors.append(f"{address}: {exc} (next try in {backoff(fs.failures, self.config):.0f}s)")

    def _poll_address(self, address: str, fs: FeedState, report: PollReport) -> None:
        report.polled += 1
        try:
            resp = self.fetcher.get(address, fs.etag, fs.last_modified)
            if resp.status != 304:
                self._read_address(address, fs, resp, report)
        except (FetchError, Refused, ReadFailure, ET.ParseError) as exc:
            self._fail(fs, address, exc, report)
            return
        if resp.status == 304:
            report.not_modified += 1
        else:
            fs.etag, fs.last_modified = resp.etag, resp.last_modified
        fs.failures, fs.last_error = 0, None
        fs.last_ok = self.clock()
        fs.next_try = self.clock() + self.config.interval

    def _read_address(self, address: str, fs: FeedState, resp: Response, report: PollReport) -> None:
        import feedparser

        headers = {"content-location": resp.url, "content-type": resp.content_type}
        parsed = feedparser.parse(resp.content, response_headers=headers)
        if parsed.get("version") or parsed.entries:
            fs.kind = "feed"
            title = parsed.feed.get("title") or None
            urls = set(self.state.seen.values()) | {p.url for p in self.state.pending.values()}
            for entry in parsed.entries:
                pending = _entry_pending(entry, address, title)
                if pending is None or self.state.known(pending.key) or (pending.url and pending.url in urls):
                    continue  # known by its id, or its page is (listed in another feed, say)
                self.state.pending[pending.key] = pending
                urls.add(pending.url)
                report.new_entries += 1
        elif _is_html(resp):
            fs.kind = "page"
            if not self.state.known(address):
                self.state.pending[address] = Pending(key=address, url=address, feed=address)
                report.new_entries += 1
            self._fetched[address] = resp
        else:
            raise ReadFailure(
                "not_a_feed", f"neither a feed nor an HTML page ({resp.content_type or 'no type'})"
            )

    def _article(self, p: Pending) -> Article:
        from crisisledger.ingest.html import article_from_html

        published = dt.date.fromisoformat(p.published) if p.published else None
        if p.url is None:
            if not p.text:
                raise ReadFailure("empty", "entry has neither a link nor any text")
            return self._feed_article(p, published)
        resp = self._fetched.pop(p.key, None)
        if resp is None:
            if not self.fetcher.allowed(p.url):  # the page, not the feed: keep what the feed said
                if p.text:
                    return self._feed_article(p, published)
                raise Refused("disallowed by the site's robots.txt, and the feed gives no text")
            resp = self.fetcher.get(p.url)
        try:
            if not _is_html(resp):
                raise ReadFailure("not_html", f"not an HTML page ({resp.content_type or 'no type'})")
            article = article_from_html(p.url, resp.content, published)
        except ReadFailure:
            if not p.text:
                raise
            return self._feed_article(p, published)
        return article.model_copy(update={"url": p.url, "title": article.title or p.title,
                                          "source": article.source or p.source})  # fmt: skip

    @staticmethod
    def _feed_article(p: Pending, published: dt.date | None) -> Article:
        """The article as the feed entry gives it (its summary or content), when its page can't be used."""
        return Article(id=p.url or p.key, text=p.text or "", title=p.title, published=published, url=p.url,
                       source=p.source)  # fmt: skip

    def _store_pending(self, report: PollReport) -> None:
        ready: list[tuple[Pending, Article]] = []
        for p in list(self.state.pending.values()):
            if p.next_try > self.clock():
                continue
            try:
                article = self._article(p)
            except Refused as exc:
                self._give_up(p, str(exc), report)
                continue
            except (FetchError, ReadFailure, RobotsUnavailable) as exc:
                p.attempts += 1
                p.last_error = str(exc)
                if p.attempts >= self.config.max_page_attempts:
                    self._give_up(p, str(exc), report)
                else:
                    p.next_try = self.clock() + backoff(p.attempts, self.config)
                    report.errors.append(f"{p.url or p.key}: {exc} (attempt {p.attempts})")
                continue
            report.pages_fetched += p.url is not None
            ready.append((p, article))
            if len(ready) >= self.config.batch:
                self._flush(ready, report)
                ready = []
        self._flush(ready, report)

    def _flush(self, ready: list[tuple[Pending, Article]], report: PollReport) -> None:
        if ready:
            report.added += self.sink([a for _, a in ready])  # stored first …
            report.stored += len(ready)
            for p, a in ready:  # … then marked seen: a crash in between re-fetches, never loses
                self.state.seen[p.key] = a.id
                self.state.pending.pop(p.key, None)
        self.state.save()

    def _give_up(self, p: Pending, reason: str, report: PollReport) -> None:
        self.state.failed[p.key] = reason
        self.state.pending.pop(p.key, None)
        report.errors.append(f"{p.url or p.key}: given up: {reason}")
