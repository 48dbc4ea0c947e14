"""`crisisledger events`: the stored events (one per report or imported row) with the incident filters."""

from __future__ import annotations

import sys

from rich.console import Console
from rich.table import Table

from crisisledger.cli import main
from crisisledger.cli.options import db_option, query_options
from crisisledger.store import Filters, Ledger
from crisisledger.store import export as exporter
from crisisledger.store.events import find_events
from crisisledger.store.parquet import write_parquet

EVENT_CSV = ("id", "incident_id", "article_id", "date", "event_type", "sub_event_type", "place", "country",
             "latitude", "longitude", "fatalities", "injured", "arrested", "source", "url")  # fmt: skip


@main.command()
@db_option
@query_options("event", "events on or after this day", "events on or before this day")
def events(db: str | None, filters: Filters, fmt: str, output: str | None) -> None:
    """List stored events (each report's or imported row's own event) matching the filters."""
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
