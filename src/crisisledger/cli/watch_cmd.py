"""`crisisledger watch FEEDS`: poll feeds and pages on a schedule and ingest each new article once."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

import click
from rich.console import Console

from crisisledger.cli import main
from crisisledger.cli.options import counted, db_option
from crisisledger.ingest.feeds import PollReport, WatchConfig, Watcher, read_feed_list
from crisisledger.model import Article
from crisisledger.pipeline import records_to_store
from crisisledger.store import Ledger
from crisisledger.store.engine import database_url


def state_path(db: str | None) -> Path:
    """The watch state file next to a SQLite ledger (`LEDGER.watch.json`), else in the current folder."""
    url = database_url(db)
    if url.startswith("sqlite:///") and url != "sqlite:///:memory:":
        return Path(url[len("sqlite:///") :] + ".watch.json")
    return Path("crisisledger.watch.json")


def ledger_sink(ledger: Ledger) -> Callable[[list[Article]], int]:
    """A sink that extracts and stores articles the ledger has not seen, then rebuilds the incidents."""

    def sink(articles: list[Article]) -> int:
        pairs, _ = records_to_store(ledger, articles)
        stats = ledger.add_records(pairs)
        if stats.added or stats.same_text:
            ledger.resolve()
        return stats.added

    return sink


def _print(console: Console, report: PollReport) -> None:
    for line in report.errors:
        console.print(f"[yellow]error[/yellow] {line}", highlight=False)
    console.print(
        f"{time.strftime('%Y-%m-%d %H:%M:%S')} polled {report.polled} ({report.not_modified} not modified, "
        f"{report.backing_off} backing off), {report.new_entries} new entries, {report.pages_fetched} pages "
        f"fetched, {counted(report.added, 'articles')} added",
        highlight=False,
    )


@main.command()
@click.argument("feeds", type=click.Path(exists=True, dir_okay=False))
@db_option
@click.option("--interval", type=click.FloatRange(min=1), default=900, show_default=True,
              help="seconds between polls of each feed")  # fmt: skip
@click.option("--once", is_flag=True, help="poll once and exit")
@click.option("--allow-private", is_flag=True, help="allow private, loopback and link-local addresses")
@click.option("--state", "state_file", type=click.Path(dir_okay=False),
              help="watch state file (default: next to the ledger, LEDGER.watch.json)")  # fmt: skip
@click.option("--timeout", type=float, default=20.0, show_default=True, help="seconds per request")
@click.option("--max-bytes", type=int, default=5_000_000, show_default=True, help="largest response read")
@click.option(
    "--delay",
    type=click.FloatRange(min=0),
    default=1.0,
    show_default=True,
    help="least seconds between two requests to one host (a longer robots.txt Crawl-delay wins)",
)
@click.option(
    "--proxy",
    envvar="CRISISLEDGER_PROXY",
    default=None,
    help="HTTP(S) proxy URL (default $CRISISLEDGER_PROXY; HTTP_PROXY and HTTPS_PROXY are not used)",
)
def watch(feeds: str, db: str | None, interval: float, once: bool, allow_private: bool,
          state_file: str | None, timeout: float, max_bytes: int, delay: float,
          proxy: str | None) -> None:  # fmt: skip
    """Poll the RSS/Atom feeds and pages listed in FEEDS (one a line, or OPML) and ingest new articles.

    Each article is fetched once; the progress is kept in a state file, so a restart re-fetches nothing.
    Article pages are fetched only where the site's robots.txt allows it (otherwise the feed's own text
    of the entry is kept); the addresses listed in FEEDS are fetched as asked.
    """
    from crisisledger.ingest.feed_fetch import Fetcher
    from crisisledger.ingest.feed_state import WatchState

    console = Console(stderr=True, soft_wrap=True)
    try:
        addresses = read_feed_list(feeds)
    except Exception as exc:
        raise click.ClickException(f"cannot read {feeds}: {exc}") from None
    if not addresses:
        raise click.ClickException(f"no addresses in {feeds}")
    state = WatchState.load(state_file or state_path(db))
    config = WatchConfig(interval=interval)
    with (
        Ledger.open(db) as ledger,
        Fetcher(allow_private, timeout, max_bytes, delay=delay, proxy=proxy) as fetcher,
    ):
        watcher = Watcher(addresses, state, fetcher, ledger_sink(ledger), config)
        try:
            while True:
                try:
                    report = watcher.poll()
                except Exception as exc:  # e.g. the database is unreachable: retry at the next poll
                    if once:
                        raise click.ClickException(f"storing failed: {type(exc).__name__}: {exc}") from None
                    console.print(f"[red]storing failed[/red] {type(exc).__name__}: {exc}", highlight=False)
                    time.sleep(interval)
                    continue
                _print(console, report)
                if once:
                    break
                time.sleep(max(1.0, watcher.next_due() - time.time()))
        except KeyboardInterrupt:
            console.print("stopped; the state is saved")
    if once and report.errors:
        sys.exit(1)
