"""`crisisledger events`: the stored events (one per report or imported row) with the incident filters."""

from __future__ import annotations

import datetime as dt
import sys

import click
from rich.console import Console
from rich.table import Table

from crisisledger.cli import main
from crisisledger.store import Filters, Ledger
from crisisledger.store import export as exporter
from crisisledger.store.events import find_events
from crisisledger.store.parquet import write_parquet

DB_HELP = "ledger: a path, sqlite:/// or postgresql://… URL (default $CRISISLEDGER_DB or ./crisisledger.db)"
EVENT_CSV = ("id", "incident_id", "article_id", "date", "event_type", "sub_event_type", "place", "country",
             "latitude", "longitude", "fatalities", "injured", "arrested", "source", "url")  # fmt: skip


def _near(value: str | None) -> tuple[float, float, float] | None:
    if not value:
        return None
    try:
        lat, lon, km = (float(x) for x in value.split(","))
    except ValueError:
        raise click.BadParameter("expected LAT,LON,KM") from None
    return lat, lon, km


@main.command()
@click.option("--db", envvar="CRISISLEDGER_DB", default=None, help=DB_HELP)
@click.option("--country", help="country code or name")
@click.option("--since", type=click.DateTime(["%Y-%m-%d"]), help="events on or after this day")
@click.option("--until", type=click.DateTime(["%Y-%m-%d"]), help="events on or before this day")
@click.option("--type", "event_type", help="event type or sub-event type")
@click.option("--min-killed", type=int, help="at least this many killed")
@click.option("--near", help="LAT,LON,KM: within KM kilometres of a point")
@click.option("--q", "text", help="text in the place name or the article")
@click.option("--limit", type=int)
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl", "csv", "geojson", "parquet"]),
              default="table")  # fmt: skip
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="output file (required for parquet)")
def events(db: str | None, country: str | None, since: dt.datetime | None, until: dt.datetime | None,
           event_type: str | None, min_killed: int | None, near: str | None, text: str | None,
           limit: int | None, fmt: str, output: str | None) -> None:  # fmt: skip
    """List stored events (each report's or imported row's own event) matching the filters."""
    if fmt == "parquet" and not output:
        raise click.UsageError("--format parquet needs -o FILE")
    filters = Filters(country=country, since=since.date() if since else None,
                      until=until.date() if until else None, event_type=event_type, min_killed=min_killed,
                      near=_near(near), text=text, limit=limit)  # fmt: skip
    with Ledger.open(db) as ledger, ledger.engine.connect() as conn:
        found = find_events(conn, filters)
    if fmt == "parquet":
        write_parquet(found, output or "")
        return
    out = open(output, "w", encoding="utf-8", newline="") if output else sys.stdout  # noqa: SIM115
    try:
        if fmt == "table":
            table = Table("id", "incident", "date", "type", "place", "killed", "injured", "article")
            for ev in found:
                loc = ev["location"] or {}
                table.add_row(str(ev["id"]), str(ev["incident_id"] or ""), ev["date"] or "",
                              ev["sub_event_type"], loc.get("name") or "", str(ev["fatalities"]),
                              str(ev["injured"] or ""), ev["article_id"])  # fmt: skip
            Console(file=out, width=200 if output else None).print(table)
        elif fmt == "csv":
            import csv

            writer = csv.DictWriter(out, fieldnames=EVENT_CSV)
            writer.writeheader()
            for ev in found:
                loc = ev["location"] or {}
                writer.writerow({k: ev.get(k) for k in EVENT_CSV} | {"place": loc.get("name"),
                                "country": loc.get("country"), "latitude": loc.get("lat"),
                                "longitude": loc.get("lon")})  # fmt: skip
        else:
            exporter.write(found, fmt, out)  # events carry `location` like incidents
    finally:
        if output:
            out.close()
