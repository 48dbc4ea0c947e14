"""`crisisledger import …`: load other datasets (ACLED, GDELT) into the ledger as incidents.

Imported events are stored through `Ledger.add_records`, like extracted ones, so `resolve()`
merges them with incidents from our own reports. Idempotent: re-importing a file stores nothing
twice. Every row that cannot be imported is counted and printed with its reason.
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Callable, Iterator
from itertools import islice
from pathlib import Path

import click
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

from crisisledger.cli import main
from crisisledger.cli.options import counted, db_option
from crisisledger.ingest.tabular import Converted, RowError
from crisisledger.model import Article, Record
from crisisledger.store import IngestStats, Ledger

MAX_LISTED = 20  # failed rows printed one by one; the rest are counted by reason


@main.group("import")
def import_group() -> None:
    """Load exports from other datasets (ACLED, GDELT, …) into the ledger."""


def _distinct(ledger: Ledger, pairs: list[tuple[Article, Record]]) -> list[tuple[Article, Record]]:
    """Give a row whose text is already stored under another id a distinct text (its id appended).

    Different events may share one description; the ledger would otherwise keep the second
    only as an alias of the first and lose its event."""
    status = ledger.triage([a for a, _ in pairs])
    out = []
    for article, record in pairs:
        if status.get(article.id) == "same_text":
            article = article.model_copy(update={"text": f"{article.text}\n[{article.id}]"})
        out.append((article, record))
    return out


def run_import(
    ledger: Ledger,
    rows: Iterator[Converted],
    batch_size: int = 500,
    on_row: Callable[[int], None] | None = None,
) -> tuple[IngestStats, list[Converted]]:
    """Store every converted row; returns the ingest counts and the rows that were not imported."""
    stats, rejected = IngestStats(), []
    while batch := list(islice(rows, batch_size)):
        pairs = [(c.article, c.record) for c in batch if c.article is not None and c.record is not None]
        rejected += [c for c in batch if c.error]
        if pairs:
            stats += ledger.add_records(_distinct(ledger, pairs), batch_size=batch_size)
        if on_row:
            on_row(len(batch))
    return stats, rejected


def _import(path: str, db: str | None, read: Callable[[str], Iterator[Converted]], what: str,
            progress: bool | None, resolve: bool) -> None:  # fmt: skip
    console = Console(stderr=True, soft_wrap=True)  # messages: never hard-wrapped in logs
    show = progress if progress is not None else console.is_terminal and Path(path).stat().st_size > 1_000_000
    columns = (TextColumn(f"import {what}"), BarColumn(), TextColumn("{task.completed} rows"),
               TimeElapsedColumn())  # fmt: skip
    with Ledger.open(db) as ledger:
        with Progress(*columns, console=console, transient=True, disable=not show) as bar:
            task = bar.add_task(what, total=None)
            try:
                stats, rejected = run_import(ledger, read(path), on_row=lambda n: bar.advance(task, n))
            except RowError as exc:
                raise click.ClickException(str(exc)) from None
        incidents = ledger.resolve() if resolve else None
    failed = [c for c in rejected if not c.skipped]
    for c in failed[:MAX_LISTED]:
        console.print(f"[red]line {c.line}[/red]: {c.error}", highlight=False)
    for label, group in (("failed", failed), ("skipped", [c for c in rejected if c.skipped])):
        for reason, n in Counter(c.error for c in group).most_common():
            console.print(f"{label}: {n} × {reason}", highlight=False)
    tail = f"; {counted(incidents, 'incidents')}" if incidents is not None else ""
    console.print(
        f"{what}: {counted(stats.added, 'events')} added, {stats.same_id} already stored, "
        f"{len(failed)} failed, {len(rejected) - len(failed)} skipped{tail}",
        highlight=False,
    )
    sys.exit(1 if failed else 0)


_options = (
    click.argument("path", type=click.Path(exists=True, dir_okay=False)),
    db_option,
    click.option(
        "--progress/--no-progress", default=None, help="progress bar (default: large files on a terminal)"
    ),
    click.option(
        "--resolve/--no-resolve", default=True, show_default=True, help="rebuild incidents afterwards"
    ),
)


def _with_options(f: Callable[..., None]) -> Callable[..., None]:
    for option in reversed(_options):
        f = option(f)
    return f


@import_group.command("acled")
@_with_options
def import_acled(path: str, db: str | None, progress: bool | None, resolve: bool) -> None:
    """Load an ACLED export (CSV or .csv.gz, current or old schema) as one event per row."""
    from crisisledger.ingest.acled import read_acled

    _import(path, db, read_acled, "ACLED", progress, resolve)


@import_group.command("gdelt")
@_with_options
def import_gdelt(path: str, db: str | None, progress: bool | None, resolve: bool) -> None:
    """Load a GDELT 2.0 event export (61 tab-separated columns, or CSV with a header; .gz or not)."""
    from crisisledger.ingest.gdelt import read_gdelt

    _import(path, db, read_gdelt, "GDELT", progress, resolve)
