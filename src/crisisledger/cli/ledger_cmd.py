"""Ledger commands: `ingest`, `incidents`, `incident`, `merge`, `split` (registered on `main`)."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from typing import Any

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from crisisledger.cli import main
from crisisledger.cli.options import counted, db_option, jobs_option, query_options
from crisisledger.model import Article
from crisisledger.nlp.workers import default_jobs
from crisisledger.pipeline import STORE_BATCH_SIZE, store_batches
from crisisledger.store import Filters, IngestStats, Ledger
from crisisledger.store import export as exporter

PROGRESS_MIN_ITEMS = 20


def _articles(inputs: tuple[str, ...], failures: list[str]) -> Iterator[Article]:
    from crisisledger.ingest import read_inputs

    for result in read_inputs(list(inputs)):
        if result.article is not None:
            yield result.article
        else:
            failures.append(f"{result.id}: {result.error.message if result.error else 'unreadable'}")


def _progress(console: Console, show: bool) -> Progress:
    columns = (TextColumn("ingest"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    return Progress(*columns, console=console, transient=True, disable=not show)


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@db_option
@click.option("--batch-size", default=STORE_BATCH_SIZE, show_default=True, help="articles per transaction")
@jobs_option
@click.option("--progress/--no-progress", default=None, help="progress bar (default: on a terminal)")
def ingest(
    inputs: tuple[str, ...], db: str | None, batch_size: int, jobs: int | None, progress: bool | None
) -> None:
    """Extract and store INPUT files or folders, then rebuild the incidents. Safe to re-run."""
    from crisisledger.ingest import expand_inputs

    console = Console(stderr=True, soft_wrap=True)  # messages: never hard-wrapped in logs
    ledger = Ledger.open(db)
    failures: list[str] = []
    items = [i for i in expand_inputs(list(inputs)) if i != "-"]
    show = progress if progress is not None else console.is_terminal and len(items) >= PROGRESS_MIN_ITEMS
    total = IngestStats()
    with _progress(console, show) as bar:
        task = bar.add_task("ingest", total=None)
        stream = _articles(inputs, failures)
        for pairs, status in store_batches(ledger, stream, batch_size, jobs or default_jobs()):
            total += ledger.add_records(pairs, batch_size=batch_size)
            total.same_id += sum(s == "same_id" for s in status.values())
            bar.advance(task, len(status))
    incidents = ledger.resolve()
    for line in failures:
        console.print(f"[red]unreadable[/red] {line}")
    console.print(
        f"{counted(total.added, 'articles')} added, {total.same_text} same text under another id, "
        f"{total.near_copies} near copies, {total.same_id} already stored; {counted(incidents, 'incidents')}"
    )
    ledger.close()
    sys.exit(1 if failures else 0)


def _table(incidents: list[dict[str, Any]], console: Console) -> None:
    table = Table("id", "dates", "type", "place", "killed", "injured", "arrested", "articles")
    for inc in incidents:
        loc = inc.get("location") or {}
        place = ", ".join(p for p in (loc.get("name"), loc.get("country_code")) if p)
        dates = (
            inc["date_start"]
            if inc["date_start"] == inc["date_end"]
            else f"{inc['date_start']}..{inc['date_end']}"
        )
        figures = (str(inc[k]) if inc[k] is not None else "" for k in ("fatalities", "injured", "arrested"))
        table.add_row(str(inc["id"]), str(dates), inc["sub_event_type"], place, *figures,
                      str(len(inc["article_ids"])))  # fmt: skip
    console.print(table)


@main.command()
@db_option
@query_options(
    "incident", "incidents ending on or after this day", "incidents starting on or before this day"
)
def incidents(db: str | None, filters: Filters, fmt: str, output: str | None) -> None:
    """List incidents matching the filters (table, JSON Lines, ACLED-layout CSV, GeoJSON or Parquet)."""
    with Ledger.open(db) as ledger:
        found = ledger.incidents(filters)
    if fmt == "parquet":
        from crisisledger.store.parquet import write_parquet

        n = write_parquet(found, output)  # type: ignore[arg-type]
        click.echo(f"{counted(n, 'incidents')} written to {output}", err=True)
    elif fmt == "table" and not output:
        console = Console()
        _table(found, console if console.is_terminal else Console(width=200))
    elif fmt == "table":
        with open(output, "w", encoding="utf-8") as out:  # type: ignore[arg-type]
            _table(found, Console(file=out, width=200))
    elif output:
        with open(output, "w", encoding="utf-8") as out:
            exporter.write(found, fmt, out)
    else:
        exporter.write(found, fmt, sys.stdout)


@main.command()
@click.argument("incident_id", type=int)
@db_option
@click.option("--why", is_flag=True, help="explain why its events were merged")
@click.option("--json", "as_json", is_flag=True, help="print the incident as JSON")
def incident(incident_id: int, db: str | None, why: bool, as_json: bool) -> None:
    """Show one incident: its figures over time, its events and articles."""
    with Ledger.open(db) as ledger:
        inc = ledger.incident(incident_id)
    if inc is None:
        raise click.ClickException(f"no incident {incident_id}")
    if as_json:
        click.echo(json.dumps(inc, ensure_ascii=False, indent=2))
        return
    loc = inc.get("location") or {}
    click.echo(f"incident {inc['id']}: {inc['event_type']} / {inc['sub_event_type']}, "
               f"{loc.get('name')}, {inc['date_start']}..{inc['date_end']}")  # fmt: skip
    click.echo(
        f"  killed {inc['fatalities']} (conservative), injured {inc['injured']}, arrested {inc['arrested']}"
    )
    for kind, entries in inc["timeline"].items():
        click.echo(
            f"  {kind}: range {inc['ranges'].get(kind)}, latest official {inc['latest_official'].get(kind)}"
        )
        for e in entries:
            flags = f"  [{'; '.join(e['flags'])}]" if e.get("flags") else ""
            click.echo(
                f"    {e['date'] or 'undated'}  {e['value']}  {e['authority'] or '-'}"
                f"  ({e['outlet'] or '-'}){flags}"
            )
        for p in inc["parts"].get(kind, []):
            click.echo(f"    part: {p['value']} {p.get('group') or ''} {p.get('location') or ''}".rstrip())
    for ev in inc["events"]:
        dup = f" (copy of {ev['duplicate_of']})" if ev["duplicate_of"] else ""
        click.echo(
            f"  event {ev['id']}: article {ev['article_id']}{dup}, {ev['sub_event_type']},"
            f" {ev['place']}, {ev['date']}"
        )
    if why:
        click.echo("  why:" if inc["reasons"] else "  why: a single event, nothing merged")
        for reason in inc["reasons"]:
            click.echo(f"    - {reason}")


@main.command()
@click.argument("first", type=int)
@click.argument("second", type=int)
@db_option
def merge(first: int, second: int, db: str | None) -> None:
    """Merge two incidents (kept across re-ingests)."""
    with Ledger.open(db) as ledger:
        try:
            merged = ledger.merge(first, second)
        except KeyError as exc:
            raise click.ClickException(str(exc.args[0])) from None
    click.echo(f"merged into incident {merged}")


@main.command()
@click.argument("incident_id", type=int)
@click.argument("event_id", type=int)
@db_option
def split(incident_id: int, event_id: int, db: str | None) -> None:
    """Take an event out of an incident (kept across re-ingests)."""
    with Ledger.open(db) as ledger:
        try:
            new = ledger.split(incident_id, event_id)
        except KeyError as exc:
            raise click.ClickException(str(exc.args[0])) from None
    click.echo(f"event {event_id} is now in incident {new}")
