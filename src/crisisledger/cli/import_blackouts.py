"""`crisisledger import keepiton|ioda-outages FILE` and `crisisledger blackouts` (list merged blackouts)."""

from __future__ import annotations

import csv
import datetime as dt
import json
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from crisisledger.cli import main
from crisisledger.cli.import_cmd import import_group
from crisisledger.cli.options import db_option
from crisisledger.ingest.shutdown_rows import RecordBlackout, Rejected
from crisisledger.store import Ledger
from crisisledger.store import blackouts as store

Reader = Callable[[str | Path], Iterator[tuple[int, list[RecordBlackout] | Rejected]]]
BATCH = 500


@dataclass
class ImportReport:
    """What one import did."""

    rows: int = 0
    blackouts: int = 0
    added: int = 0
    already: int = 0
    rejected: list[Rejected] = field(default_factory=list)
    merged: int = 0
    links: int = 0
    seconds: float = 0.0

    def reasons(self) -> Counter[str]:
        """Rejections per reason (values in quotes and numbers collapsed)."""
        return Counter(_reason_kind(r.reason) for r in self.rejected)

    def as_dict(self) -> dict[str, Any]:
        return {"rows": self.rows, "blackouts": self.blackouts, "added": self.added,
                "already_stored": self.already, "rejected": len(self.rejected),
                "rejected_by_reason": dict(self.reasons()), "merged_blackouts": self.merged,
                "links": self.links, "seconds": round(self.seconds, 2)}  # fmt: skip


def _reason_kind(reason: str) -> str:
    head = reason.split(" (")[0].split(" '")[0]
    return "".join("#" if ch.isdigit() else ch for ch in head)


def import_file(ledger: Ledger, reader: Reader, path: str | Path,
                on_row: Callable[[int], None] | None = None) -> ImportReport:  # fmt: skip
    """Read, store and merge one file of record blackouts; rebuild the merged blackouts and links."""
    report, began, batch = ImportReport(), time.perf_counter(), []
    for _number, result in reader(path):
        report.rows += 1
        if isinstance(result, Rejected):
            report.rejected.append(result)
        else:
            batch += result
            report.blackouts += len(result)
        if len(batch) >= BATCH:
            _store(ledger, batch, report)
            batch = []
        if on_row:
            on_row(1)
    _store(ledger, batch, report)
    with ledger.engine.begin() as conn:
        report.merged, report.links = store.rebuild(conn)
    report.seconds = time.perf_counter() - began
    return report


def _store(ledger: Ledger, batch: list[RecordBlackout], report: ImportReport) -> None:
    with ledger.engine.begin() as conn:
        added, already = store.add_records(conn, batch)
    report.added += added
    report.already += already


def _run(path: str, db: str | None, reader: Reader, label: str, progress: bool | None) -> None:
    console = Console(stderr=True, soft_wrap=True)  # messages: never hard-wrapped in logs
    show = progress if progress is not None else console.is_terminal
    columns = (TextColumn(label), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Ledger.open(db) as ledger, Progress(*columns, console=console, transient=True,
                                             disable=not show) as bar:  # fmt: skip
        task = bar.add_task(label, total=None)
        report = import_file(ledger, reader, path, lambda n: bar.advance(task, n))
    for r in report.rejected:
        console.print(f"[yellow]rejected[/yellow] row {r.row}: {r.reason}", highlight=False)
    console.print(
        f"{report.rows} rows read: {report.blackouts} blackouts ({report.added} added, {report.already} "
        f"already stored), {len(report.rejected)} rows rejected; {report.merged} merged blackouts, "
        f"{report.links} incident links; {report.seconds:.1f}s",
        highlight=False,
    )
    for reason, n in report.reasons().most_common():
        console.print(f"  rejected {n}: {reason}", highlight=False)


@import_group.command("keepiton")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@db_option
@click.option("--progress/--no-progress", default=None, help="progress bar (default: on a terminal)")
def keepiton_cmd(path: str, db: str | None, progress: bool | None) -> None:
    """Import Access Now #KeepItOn STOP data (CSV or CSV.gz) as blackouts."""
    from crisisledger.ingest import keepiton

    _run(path, db, keepiton.read, "keepiton", progress)


@import_group.command("ioda-outages")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@db_option
@click.option("--progress/--no-progress", default=None, help="progress bar (default: on a terminal)")
def ioda_cmd(path: str, db: str | None, progress: bool | None) -> None:
    """Import IODA's curated outage list (CSV or CSV.gz) as blackouts."""
    from crisisledger.ingest import ioda

    _run(path, db, ioda.read, "ioda", progress)


COLUMNS = ("id", "country_code", "area", "start", "end", "services", "sources", "incident_ids")


def write(found: list[dict[str, Any]], fmt: str, out: Any) -> None:
    """Merged blackouts as jsonl or csv (lists joined with "; ")."""
    if fmt == "jsonl":
        for b in found:
            out.write(json.dumps(b, ensure_ascii=False) + "\n")
        return
    writer = csv.DictWriter(out, fieldnames=COLUMNS, extrasaction="ignore")
    writer.writeheader()
    for b in found:
        writer.writerow({k: "; ".join(map(str, v)) if isinstance(v, list) else v for k, v in b.items()})


@main.command("blackouts")
@db_option
@click.option("--country", help="country code or name")
@click.option("--since", type=click.DateTime(["%Y-%m-%d"]), help="blackouts ending on or after this day")
@click.option("--until", type=click.DateTime(["%Y-%m-%d"]), help="blackouts starting on or before this day")
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl", "csv"]), default="table")
def blackouts_cmd(db: str | None, country: str | None, since: dt.datetime | None, until: dt.datetime | None,
                  fmt: str) -> None:  # fmt: skip
    """List blackouts (text and records merged) with their sources and linked incidents."""
    with Ledger.open(db) as ledger, ledger.engine.begin() as conn:
        store.rebuild(conn)  # incidents may have been rebuilt since the last import
        found = store.find(conn, country, since.date() if since else None, until.date() if until else None)
    if fmt != "table":
        write(found, fmt, sys.stdout)
        return
    table = Table("id", "country", "area", "dates", "services", "sources", "incidents")
    for b in found:
        ids = b["incident_ids"]
        shown = ", ".join(map(str, ids[:8])) + (f" (+{len(ids) - 8})" if len(ids) > 8 else "")
        table.add_row(str(b["id"]), b["country_code"], b["area"] or "", f"{b['start']}..{b['end']}",
                      ", ".join(b["services"]), "; ".join(b["sources"]), shown)  # fmt: skip
    console = Console()
    (console if console.is_terminal else Console(width=200)).print(table)
