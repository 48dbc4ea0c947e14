"""Being a polite crawler: robots.txt rules per site, and a pause between requests to one host.

`RobotsRules` reads each site's robots.txt once a day (RFC 9309: a 4xx answer means everything is
allowed; a 5xx answer or a network error means nothing is, until the next try) and answers whether
an address may be fetched and which Crawl-delay the site asks for. `HostPacer` spaces requests to
one host by at least its delay.
"""

from __future__ import annotations

import time
import urllib.robotparser
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

ROBOTS_TTL = 24 * 3600.0  # seconds a robots.txt is trusted
ERROR_TTL = 600.0  # seconds before a robots.txt that could not be read is asked for again
MAX_CRAWL_DELAY = 60.0  # a larger Crawl-delay is capped at this


class RobotsUnavailable(Exception):
    """The site's robots.txt could not be read (server error or network): fetch nothing there yet."""


@dataclass
class _Site:
    parser: urllib.robotparser.RobotFileParser | None  # None: robots.txt unreachable
    fetched_at: float
    error: str = ""


def origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


class RobotsRules:
    """robots.txt per site. `get(url)` returns (status, body) or raises on a network error."""

    def __init__(
        self,
        get: Callable[[str], tuple[int, bytes]],
        user_agent: str,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.get = get
        self.user_agent = user_agent
        self.clock = clock
        self.sites: dict[str, _Site] = {}

    def _site(self, url: str) -> _Site:
        key = origin(url)
        site = self.sites.get(key)
        now = self.clock()
        ttl = ROBOTS_TTL if site is not None and site.parser is not None else ERROR_TTL
        if site is None or now - site.fetched_at >= ttl:
            site = self.sites[key] = self._read(key, now)
        return site

    def _read(self, key: str, now: float) -> _Site:
        try:
            status, body = self.get(key + "/robots.txt")
        except Exception as exc:  # network error, refused address, too large, …
            return _Site(None, now, f"robots.txt of {key} could not be read: {exc}")
        if status >= 500:
            return _Site(None, now, f"robots.txt of {key} answered HTTP {status}")
        parser = urllib.robotparser.RobotFileParser()
        parser.parse(body.decode("utf-8", "replace").splitlines() if status < 400 else [])
        return _Site(parser, now)

    def allowed(self, url: str) -> bool:
        """Whether robots.txt lets us fetch `url`; raises `RobotsUnavailable` when it can't be read."""
        site = self._site(url)
        if site.parser is None:
            raise RobotsUnavailable(site.error)
        return site.parser.can_fetch(self.user_agent, url)

    def crawl_delay(self, url: str) -> float | None:
        """The Crawl-delay the site asks of us (capped), if it was read and sets one."""
        site = self.sites.get(origin(url))
        delay = site.parser.crawl_delay(self.user_agent) if site and site.parser else None
        return min(float(delay), MAX_CRAWL_DELAY) if delay is not None else None


class HostPacer:
    """Waits so that two requests to one host are at least `delay` seconds apart."""

    def __init__(
        self,
        delay: float = 1.0,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.delay = delay
        self.clock = clock
        self.sleep = sleep
        self.last: dict[str, float] = {}

    def wait(self, host: str, delay: float | None = None) -> None:
        """Sleep until `host` may be asked again (`delay` overrides the default when larger)."""
        gap = max(self.delay, delay or 0.0)
        last = self.last.get(host)
        if last is not None and gap > 0:
            remaining = last + gap - self.clock()
            if remaining > 0:
                self.sleep(remaining)
        self.last[host] = self.clock()
