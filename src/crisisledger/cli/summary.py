"""Standard-error helpers of `crisisledger extract`: messages, the progress bar and the summary table."""

from __future__ import annotations

import sys
from types import TracebackType

import click
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table

from crisisledger.model import Record

MAX_SUMMARY_ROWS = 200


class Reporter:
    """Error messages on stderr, printed above a rich progress bar when one is shown."""

    def __init__(self, show_progress: bool, total: int | None) -> None:
        self.progress: Progress | None = None
        self.task = None
        if show_progress:
            self.progress = Progress(
                SpinnerColumn(),
                TextColumn("extracting"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                console=Console(stderr=True),
                transient=True,
            )
            self.task = self.progress.add_task("extract", total=total)

    @staticmethod
    def stderr_is_tty() -> bool:
        return sys.stderr.isatty()

    def __enter__(self) -> Reporter:
        if self.progress is not None:
            self.progress.start()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self.progress is not None:
            self.progress.stop()

    def say(self, message: str) -> None:
        if self.progress is not None:
            self.progress.console.print(message, markup=False, highlight=False, soft_wrap=True)
        else:
            click.echo(message, err=True)

    def advance(self, count: int) -> None:
        if self.progress is not None and self.task is not None:
            self.progress.advance(self.task, count)


def _cell(value: object) -> str:
    return "" if value is None else str(value)


class SummaryTable:
    """A rich table of the records (one row each), printed on stderr at the end of the run."""

    def __init__(self) -> None:
        self.rows: list[tuple[str, ...]] = []
        self.count = 0
        self.with_event = 0
        self.errors = 0

    def add(self, record: Record) -> None:
        self.count += 1
        self.errors += record.error is not None
        self.with_event += record.main_event is not None
        if len(self.rows) >= MAX_SUMMARY_ROWS:
            return
        event = record.main_event
        if record.error is not None:
            kind, place, date, numbers = f"error: {record.error.code}", "", "", ("", "", "")
        elif event is None:
            kind, place, date, numbers = "-", "", _cell(record.published), ("", "", "")
        else:
            kind = f"{event.event_type} / {event.sub_event_type}"
            place = (
                ", ".join(p for p in (event.location.name, event.location.country) if p)
                if event.location
                else ""
            )
            date = _cell(event.date)
            numbers = (_cell(event.fatalities), _cell(event.injured), _cell(event.arrested))
        counts = (str(len(record.figures)), str(len(record.claims)), str(len(record.blackouts)))
        self.rows.append((record.id, kind, place, date, *numbers, *counts))

    def print(self, console: Console | None = None) -> None:
        table = Table(title="crisisledger extract", show_lines=False)
        for name in ("id", "main event", "place"):
            table.add_column(name, overflow="fold", ratio=1)
        table.add_column("date", no_wrap=True)
        for name in ("killed", "injured", "arrested", "figures", "claims", "blackouts"):
            table.add_column(name, justify="right", no_wrap=True, min_width=len(name))
        for row in self.rows:
            table.add_row(*row, style="red" if row[1].startswith("error:") else None)
        hidden = self.count - len(self.rows)
        table.caption = (
            f"{self.count} articles, {self.with_event} with an event, {self.errors} with an error"
            + (f" ({hidden} more rows not shown)" if hidden else "")
        )
        if console is None:
            console = Console(stderr=True) if sys.stderr.isatty() else Console(stderr=True, width=140)
        console.print(table)
