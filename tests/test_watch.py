"""`crisisledger watch`: feeds and pages served from 127.0.0.1 by the test itself (loopback allowed)."""

from __future__ import annotations

import hashlib
import http.server
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from crisisledger.ingest import feed_fetch
from crisisledger.ingest.feed_fetch import Fetcher, FetchError, Refused, blocked
from crisisledger.ingest.feed_state import WatchState
from crisisledger.ingest.feeds import WatchConfig, Watcher, backoff, read_feed_list
from crisisledger.model import Article

STORIES = {
    "a1": ("Police disperse march in Kisumu",
           "Police in Kisumu used tear gas on Tuesday to disperse several hundred traders who marched "
           "against a new market levy. Two people were injured and eleven were arrested, a county "
           "official said."),
    "a2": ("Flooding displaces families in Beledweyne",
           "Heavy rain upstream sent the Shabelle river over its banks near Beledweyne on Monday. Local "
           "authorities said about 3,000 families had left their homes and four people had drowned."),
    "a3": ("Clash near Gao leaves soldiers dead",
           "Gunmen attacked an army post outside Gao on Sunday. The army said five soldiers were killed and "
           "seven wounded in the fighting, which lasted several hours."),
    "a4": ("Curfew imposed in Bamenda after unrest",
           "The governor ordered a dusk-to-dawn curfew in Bamenda on Friday after a night of clashes in "
           "which three people died, according to a hospital source."),
}  # fmt: skip


def page(key: str) -> bytes:
    title, body = STORIES[key]
    return (f"<!doctype html><html><head><title>{title}</title>"
            f'<meta property="article:published_time" content="2024-03-0{key[-1]}"></head>'
            f"<body><nav>Home | World | Sport</nav><article><h1>{title}</h1><p>{body}</p>"
            f"<p>More details were expected later in the day.</p></article>"
            f"<footer>Copyright Example News</footer></body></html>").encode()  # fmt: skip


def rss(base: str, keys: list[str]) -> bytes:
    date = "<pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate>"
    items = "".join(f"<item><title>{STORIES[k][0]}</title><link>{base}/news/{k}.html</link>"
                    f"<guid>{base}/news/{k}.html</guid>{date}</item>" for k in keys)  # fmt: skip
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>Example News</title>'
        f"<link>{base}/</link><description>test feed</description>{items}</channel></rss>"
    ).encode()


@dataclass
class Site:
    """Responses by path (status, content type, body, extra headers) and the log of requests."""

    base: str = ""
    routes: dict[str, tuple[int, str, bytes, dict[str, str]]] = field(default_factory=dict)
    log: list[str] = field(default_factory=list)

    def hits(self, prefix: str) -> int:
        return sum(p.startswith(prefix) for p in self.log)


@pytest.fixture()
def site() -> Iterator[Site]:
    state = Site()

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            state.log.append(self.path)
            status, ctype, body, extra = state.routes.get(self.path, (404, "text/plain", b"missing", {}))
            etag = '"' + hashlib.sha1(body).hexdigest()[:12] + '"'
            if status == 200 and self.headers.get("If-None-Match") == etag:
                self.send_response(304)
                self.end_headers()
                return
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            if status == 200:
                self.send_header("ETag", etag)
            for k, v in extra.items():
                self.send_header(k, v)
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    state.base = f"http://127.0.0.1:{server.server_port}"
    for k in STORIES:
        state.routes[f"/news/{k}.html"] = (200, "text/html; charset=utf-8", page(k), {})
    state.routes["/feed.xml"] = (200, "application/rss+xml", rss(state.base, ["a1", "a2", "a3"]), {})
    yield state
    server.shutdown()
    server.server_close()


class Clock:
    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


class ListSink:
    def __init__(self) -> None:
        self.articles: list[Article] = []

    def __call__(self, articles: list[Article]) -> int:
        self.articles += articles
        return len(articles)


def make(site: Site, tmp_path: Path, addresses: list[str], sink: ListSink | None = None,
         clock: Clock | None = None) -> tuple[Watcher, ListSink, Clock]:  # fmt: skip
    sink = sink or ListSink()
    clock = clock or Clock()
    state = WatchState.load(tmp_path / "ledger.db.watch.json")
    fetcher = Fetcher(allow_private=True, delay=0)
    watcher = Watcher(addresses, state, fetcher, sink, WatchConfig(interval=600), clock)
    return watcher, sink, clock


def test_first_poll_stores_each_entry_and_second_poll_fetches_nothing(site: Site, tmp_path: Path) -> None:
    watcher, sink, clock = make(site, tmp_path, [f"{site.base}/feed.xml"])
    report = watcher.poll()
    assert (report.new_entries, report.pages_fetched, report.added) == (3, 3, 3)
    assert [a.id for a in sink.articles] == [f"{site.base}/news/{k}.html" for k in ("a1", "a2", "a3")]
    first = sink.articles[0]
    assert first.title == "Police disperse march in Kisumu"
    assert "tear gas" in first.text and "Home | World" not in first.text
    assert str(first.published) == "2024-03-01"
    # robots.txt is read once for the site (it is missing here: everything is allowed)
    assert site.log == ["/feed.xml", "/robots.txt", "/news/a1.html", "/news/a2.html", "/news/a3.html"]

    again = watcher.poll()  # not due yet: no request at all
    assert (again.backing_off, again.polled, len(site.log)) == (1, 0, 5)
    clock.now += 601
    again = watcher.poll()  # due: a conditional GET answered 304
    assert (again.polled, again.not_modified, again.new_entries, again.added) == (1, 1, 0, 0)
    assert site.log[5:] == ["/feed.xml"] and len(sink.articles) == 3


def test_new_entry_is_fetched_once(site: Site, tmp_path: Path) -> None:
    watcher, sink, clock = make(site, tmp_path, [f"{site.base}/feed.xml"])
    watcher.poll()
    site.routes["/feed.xml"] = (200, "application/rss+xml", rss(site.base, ["a4", "a1", "a2", "a3"]), {})
    clock.now += 601
    report = watcher.poll()
    assert (report.new_entries, report.pages_fetched, report.added) == (1, 1, 1)
    assert site.hits("/news/a4") == 1 and site.hits("/news/a1") == 1
    assert sink.articles[-1].id.endswith("/news/a4.html")
    clock.now += 601
    watcher.poll()
    assert site.hits("/news/a4") == 1 and len(sink.articles) == 4


def test_same_page_in_two_feeds_is_fetched_once(site: Site, tmp_path: Path) -> None:
    other = (
        rss(site.base, ["a1", "a4"]).replace(b"<guid>", b"<guid>other-").replace(b"Example News", b"Other")
    )
    site.routes["/other.xml"] = (200, "application/rss+xml", other, {})
    watcher, sink, _ = make(site, tmp_path, [f"{site.base}/feed.xml", f"{site.base}/other.xml"])
    watcher.config.batch = 2  # stored two at a time
    report = watcher.poll()
    assert (report.new_entries, report.added) == (4, 4)
    assert site.hits("/news/a1") == 1 and len(sink.articles) == 4
    assert watcher.state.seen[f"other-{site.base}/news/a4.html"] == f"{site.base}/news/a4.html"


def test_failing_feed_backs_off_exponentially(site: Site, tmp_path: Path) -> None:
    site.routes["/broken.xml"] = (500, "text/plain", b"oops", {})
    watcher, _sink, clock = make(site, tmp_path, [f"{site.base}/broken.xml", f"{site.base}/feed.xml"])
    report = watcher.poll()
    assert len(report.errors) == 1 and "HTTP 500" in report.errors[0]
    fs = watcher.state.feeds[f"{site.base}/broken.xml"]
    assert (fs.failures, fs.next_try) == (1, clock.now + 60)
    assert report.added == 3  # the healthy feed is not held up
    clock.now += 30
    watcher.poll()
    assert site.hits("/broken.xml") == 1  # backing off
    clock.now += 31
    watcher.poll()
    assert site.hits("/broken.xml") == 2 and fs.failures == 2 and fs.next_try == clock.now + 120
    site.routes["/broken.xml"] = (200, "application/rss+xml", rss(site.base, ["a4"]), {})
    clock.now += 121
    report = watcher.poll()
    assert fs.failures == 0 and fs.last_error is None and report.added == 1
    assert backoff(20, WatchConfig()) == WatchConfig().backoff_max


def test_private_address_refused_without_allow_private(site: Site, tmp_path: Path) -> None:
    state = WatchState.load(tmp_path / "state.json")
    watcher = Watcher([f"{site.base}/feed.xml"], state, Fetcher(), ListSink(), WatchConfig(), Clock())
    report = watcher.poll()
    assert site.log == [] and report.added == 0
    assert "non-public address 127.0.0.1" in report.errors[0]
    with pytest.raises(Refused):
        Fetcher().get(f"{site.base}/feed.xml")
    with pytest.raises(Refused):
        Fetcher(allow_private=True).get("file:///etc/passwd")
    assert blocked("10.1.2.3") and blocked("192.168.0.1") and blocked("169.254.169.254")
    assert blocked("::1") and blocked("fe80::1") and blocked("::ffff:127.0.0.1") and blocked("100.64.0.1")
    assert not blocked("93.184.216.34") and not blocked("2606:4700::1111")


def test_redirect_target_is_checked(site: Site, monkeypatch: pytest.MonkeyPatch) -> None:
    # Treat 127.0.0.1 as public for this test, so that only the redirect target is refused.
    monkeypatch.setattr(feed_fetch, "blocked", lambda ip: not ip.startswith("127."))
    site.routes["/moved"] = (302, "text/plain", b"", {"Location": "http://10.0.0.7/internal"})
    site.routes["/hop"] = (301, "text/plain", b"", {"Location": "/feed.xml"})
    assert Fetcher().get(f"{site.base}/hop").url.endswith("/feed.xml")
    with pytest.raises(Refused, match=r"10\.0\.0\.7"):
        Fetcher().get(f"{site.base}/moved")


def test_size_limit(site: Site) -> None:
    with pytest.raises(FetchError, match="limit"):
        Fetcher(allow_private=True, max_bytes=100).get(f"{site.base}/news/a1.html")


def test_restart_does_not_refetch_and_crash_loses_nothing(site: Site, tmp_path: Path) -> None:
    def crash(articles: list[Article]) -> int:
        raise RuntimeError("killed while storing")

    watcher, _, clock = make(site, tmp_path, [f"{site.base}/feed.xml"])
    watcher.sink = crash
    with pytest.raises(RuntimeError):
        watcher.poll()
    # A new process: the three entries are still waiting; the feed itself is not due again yet.
    restarted, sink, _ = make(site, tmp_path, [f"{site.base}/feed.xml"], clock=clock)
    assert len(restarted.state.pending) == 3
    assert restarted.poll().added == 3 and len(sink.articles) == 3
    assert site.hits("/feed.xml") == 1
    # Another restart, later: a 304 for the feed, no page fetched again.
    before = len(site.log)
    clock.now += 601
    third, sink3, _ = make(site, tmp_path, [f"{site.base}/feed.xml"], clock=clock)
    assert len(third.state.seen) == 3 and not third.state.pending
    report = third.poll()
    assert report.not_modified == 1 and sink3.articles == [] and site.log[before:] == ["/feed.xml"]


def test_page_address_is_ingested_once(site: Site, tmp_path: Path) -> None:
    watcher, sink, clock = make(site, tmp_path, [f"{site.base}/news/a2.html"])
    assert watcher.poll().added == 1 and site.log == ["/news/a2.html"]
    assert sink.articles[0].id == f"{site.base}/news/a2.html" and "Shabelle" in sink.articles[0].text
    clock.now += 10_000
    watcher.poll()
    assert site.log == ["/news/a2.html"]


def test_feed_list_lines_and_opml(tmp_path: Path) -> None:
    lines = tmp_path / "feeds.txt"
    lines.write_text("# my feeds\nhttps://example.org/rss  # world desk\n\nhttps://example.net/page#top\n"
                     "https://example.org/rss\n")  # fmt: skip
    assert read_feed_list(lines) == ["https://example.org/rss", "https://example.net/page#top"]
    opml = tmp_path / "feeds.opml"
    opml.write_text('<?xml version="1.0"?><opml version="2.0"><head><title>x</title></head><body>'
                    '<outline text="News">'
                    '<outline type="rss" text="A" xmlUrl="https://a.example/feed"/>'
                    '<outline text="B" htmlUrl="https://b.example/story"/>'
                    "</outline></body></opml>")  # fmt: skip
    assert read_feed_list(opml) == ["https://a.example/feed", "https://b.example/story"]


def test_watch_command_ingests_into_the_ledger(site: Site, tmp_path: Path) -> None:
    from click.testing import CliRunner

    import crisisledger.cli.watch_cmd  # noqa: F401  (registers the command until the lead does)
    from crisisledger.cli import main
    from crisisledger.store import Ledger

    feeds = tmp_path / "feeds.txt"
    feeds.write_text(f"{site.base}/feed.xml\n")
    db = tmp_path / "ledger.db"
    args = ["watch", str(feeds), "--db", str(db), "--once", "--delay", "0", "--allow-private"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    assert "3 articles added" in result.output
    assert (tmp_path / "ledger.db.watch.json").exists()
    with Ledger.open(db) as ledger:
        assert ledger.counts()["articles"] == 3
    result = CliRunner().invoke(main, args)  # a restart: not due yet, nothing fetched
    assert result.exit_code == 0 and "0 articles added" in result.output
    assert site.hits("/news/") == 3
    fresh = ["--state", str(tmp_path / "other.json")]
    refused = CliRunner().invoke(main, args[:-1] + fresh)  # without --allow-private
    assert refused.exit_code == 1 and "non-public address 127.0.0.1" in refused.output
    assert site.hits("/feed.xml") == 1


def rss_with_summaries(base: str, keys: list[str]) -> bytes:
    return rss(base, keys).replace(
        b"</title><link>", b"</title><description>Summary from the feed.</description><link>"
    )


def test_robots_disallowed_page_keeps_the_feed_text_or_is_given_up(site: Site, tmp_path: Path) -> None:
    site.routes["/robots.txt"] = (
        200,
        "text/plain",
        b"User-agent: crisisledger-watch\nDisallow: /news/a2\n",
        {},
    )
    watcher, _, _ = make(site, tmp_path, [f"{site.base}/feed.xml"])
    report = watcher.poll()
    assert site.hits("/news/a2") == 0 and site.hits("/robots.txt") == 1
    assert (report.added, len(report.errors)) == (2, 1)
    assert "robots.txt" in report.errors[0] and "given up" in report.errors[0]
    assert "robots.txt" in watcher.state.failed[f"{site.base}/news/a2.html"]

    site.routes["/feed.xml"] = (200, "application/rss+xml", rss_with_summaries(site.base, ["a2"]), {})
    watcher2, sink2, _ = make(site, tmp_path / "other", [f"{site.base}/feed.xml"])
    assert watcher2.poll().added == 1 and site.hits("/news/a2") == 0
    assert sink2.articles[0].text == "Summary from the feed."


def test_robots_server_error_holds_pages_back_until_it_answers(site: Site, tmp_path: Path) -> None:
    site.routes["/robots.txt"] = (503, "text/plain", b"busy", {})
    watcher, _, clock = make(site, tmp_path, [f"{site.base}/feed.xml"])
    watcher.fetcher.robots.clock = clock
    report = watcher.poll()
    assert report.added == 0 and site.hits("/news/") == 0 and len(watcher.state.pending) == 3
    assert "HTTP 503" in report.errors[0]
    del site.routes["/robots.txt"]  # now a 404: everything is allowed
    clock.now += 3600  # past the page's back-off and the retry time of an unreadable robots.txt
    assert watcher.poll().added == 3


def test_host_pacer_spaces_requests_and_honours_crawl_delay() -> None:
    from crisisledger.ingest.politeness import HostPacer

    now = [0.0]
    slept: list[float] = []

    def sleep(seconds: float) -> None:
        slept.append(seconds)
        now[0] += seconds

    pacer = HostPacer(delay=2.0, clock=lambda: now[0], sleep=sleep)
    pacer.wait("a.example")
    now[0] += 0.5
    pacer.wait("a.example")  # 1.5 s early
    pacer.wait("b.example")  # another host: no wait
    pacer.wait("a.example", delay=5.0)  # the site's Crawl-delay is longer
    assert slept == [1.5, 5.0]


def test_crawl_delay_is_read_from_robots(site: Site) -> None:
    site.routes["/robots.txt"] = (200, "text/plain", b"User-agent: *\nCrawl-delay: 3\n", {})
    fetcher = Fetcher(allow_private=True, delay=0)
    assert fetcher.allowed(f"{site.base}/news/a1.html")
    assert fetcher.robots.crawl_delay(f"{site.base}/news/a1.html") == 3.0


def test_explicit_proxy_is_used(site: Site) -> None:
    """A forward proxy on loopback receives the absolute address and answers for the origin."""
    seen: list[str] = []

    class Proxy(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            seen.append(self.path)
            body = b"via proxy"
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Proxy)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        proxy = f"http://127.0.0.1:{server.server_port}"
        with Fetcher(allow_private=True, delay=0, proxy=proxy) as fetcher:
            assert fetcher.get(f"{site.base}/feed.xml").content == b"via proxy"
        assert seen == [f"{site.base}/feed.xml"] and site.log == []
    finally:
        server.shutdown()
        server.server_close()
