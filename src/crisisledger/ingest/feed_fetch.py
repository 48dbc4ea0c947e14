"""Careful HTTP GETs for `crisisledger watch`: conditional requests, timeouts, a size limit, and no
requests to private, loopback, link-local or otherwise non-public addresses unless allowed.

The host of every URL (the first and each redirect target) is resolved and every address it resolves
to is checked before connecting; after connecting, the address actually connected to is checked again
before the body is read (this closes the DNS-rebinding gap between the check and the connection).
Environment proxies are ignored (`trust_env=False`) so that the connected address is the server's;
a proxy given explicitly (`proxy=`) is used, and then only the target host's addresses are checked.
Requests to one host are spaced by `delay` seconds (or the site's robots.txt Crawl-delay, when larger);
`allowed(url)` tells whether the site's robots.txt lets us fetch a page (see `politeness`).
"""

from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass
from urllib.parse import urljoin

import httpx

from crisisledger.ingest.politeness import HostPacer, RobotsRules

USER_AGENT = "crisisledger-watch/1 (+https://github.com/crisisledger)"
DEFAULT_TIMEOUT = 20.0
DEFAULT_MAX_BYTES = 5_000_000
MAX_REDIRECTS = 5
REDIRECTS = {301, 302, 303, 307, 308}


class Refused(Exception):
    """The address is not allowed (not http/https, or a non-public IP address)."""


class FetchError(Exception):
    """The request failed: network error, HTTP error status, too large, too many redirects."""

    def __init__(self, message: str, status: int | None = None) -> None:
        super().__init__(message)
        self.status = status  # the HTTP error status, when there was one


@dataclass
class Response:
    """What a GET returned (status 304 has no content)."""

    url: str
    status: int
    content: bytes = b""
    etag: str | None = None
    last_modified: str | None = None
    content_type: str = ""


def blocked(ip: str) -> bool:
    """True for an address that is not publicly routable (private, loopback, link-local, reserved, …)."""
    addr = ipaddress.ip_address(ip.split("%", 1)[0])
    if isinstance(addr, ipaddress.IPv6Address) and addr.ipv4_mapped is not None:
        addr = addr.ipv4_mapped
    return not addr.is_global or addr.is_multicast


def check_host(host: str, port: int) -> None:
    """Resolve `host` and raise `Refused` if any address it resolves to is blocked."""
    try:
        infos = socket.getaddrinfo(host, port, proto=socket.IPPROTO_TCP)
    except socket.gaierror as exc:
        raise FetchError(f"cannot resolve {host}: {exc}") from None
    for info in infos:
        ip = str(info[4][0])
        if blocked(ip):
            raise Refused(f"{host} resolves to the non-public address {ip} (use --allow-private to allow)")


class Fetcher:
    """GETs with the limits above. Use as a context manager or call `close()`."""

    def __init__(
        self,
        allow_private: bool = False,
        timeout: float = DEFAULT_TIMEOUT,
        max_bytes: int = DEFAULT_MAX_BYTES,
        transport: httpx.BaseTransport | None = None,
        delay: float = 1.0,
        proxy: str | None = None,
    ) -> None:
        self.allow_private = allow_private
        self.max_bytes = max_bytes
        self.proxy = proxy
        self.pacer = HostPacer(delay)
        self.robots = RobotsRules(self._robots_get, USER_AGENT.split("/", 1)[0])
        self.client = httpx.Client(timeout=httpx.Timeout(timeout), follow_redirects=False, trust_env=False,
                                   headers={"User-Agent": USER_AGENT}, transport=transport,
                                   proxy=proxy)  # fmt: skip

    def close(self) -> None:
        self.client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _check_url(self, url: httpx.URL) -> None:
        if url.scheme not in ("http", "https"):
            raise Refused(f"only http and https addresses are fetched, not {url.scheme!r}")
        if not url.host:
            raise Refused(f"no host in {url}")
        if not self.allow_private:
            check_host(url.host, url.port or (443 if url.scheme == "https" else 80))

    def allowed(self, url: str) -> bool:
        """Whether the site's robots.txt allows `url` (raises `RobotsUnavailable` when unreadable)."""
        return self.robots.allowed(url)

    def _robots_get(self, url: str) -> tuple[int, bytes]:
        try:
            return 200, self.get(url).content
        except FetchError as exc:
            if exc.status is None:
                raise
            return exc.status, b""

    def _check_peer(self, response: httpx.Response) -> None:
        if self.proxy:  # the peer is the proxy the user chose
            return
        stream = response.extensions.get("network_stream")
        peer = stream.get_extra_info("server_addr") if stream is not None else None
        if not self.allow_private and peer and blocked(str(peer[0])):
            raise Refused(f"connected to the non-public address {peer[0]} (use --allow-private to allow)")

    def get(self, url: str, etag: str | None = None, last_modified: str | None = None) -> Response:
        """GET `url`, following up to 5 redirects (each checked); conditional if given validators."""
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        for _ in range(MAX_REDIRECTS + 1):
            target = httpx.URL(url)
            self._check_url(target)
            self.pacer.wait(target.host, self.robots.crawl_delay(str(target)))
            try:
                with self.client.stream("GET", target, headers=headers) as r:
                    self._check_peer(r)
                    if r.status_code in REDIRECTS and r.headers.get("location"):
                        url = urljoin(str(r.url), r.headers["location"])
                        continue
                    return self._read(r, url)
            except httpx.HTTPError as exc:
                raise FetchError(f"{type(exc).__name__}: {exc or 'request failed'}") from None
        raise FetchError(f"more than {MAX_REDIRECTS} redirects")

    def _read(self, r: httpx.Response, url: str) -> Response:
        if r.status_code == 304:
            return Response(
                url, 304, etag=r.headers.get("etag"), last_modified=r.headers.get("last-modified")
            )
        if r.status_code >= 400:
            raise FetchError(f"HTTP {r.status_code} from {url}", r.status_code)
        declared = r.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > self.max_bytes:
            raise FetchError(f"{url} is {declared} bytes, over the {self.max_bytes}-byte limit")
        chunks, size = [], 0
        for chunk in r.iter_bytes():
            size += len(chunk)
            if size > self.max_bytes:
                raise FetchError(f"{url} is over the {self.max_bytes}-byte limit")
            chunks.append(chunk)
        return Response(url, r.status_code, b"".join(chunks), r.headers.get("etag"),
                        r.headers.get("last-modified"), r.headers.get("content-type", ""))  # fmt: skip
