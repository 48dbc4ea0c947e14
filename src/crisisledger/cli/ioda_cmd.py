"""`crisisledger ioda COUNTRY --since --until`: detect blackouts in IODA's live signals (needs network)."""

from __future__ import annotations

import datetime as dt
import json

import click

from crisisledger.cli import main
from crisisledger.ingest.ioda_api import API_BASE, IodaError, Outage, detect, fetch_signals

DB_HELP = "store the blackouts in this ledger (a path, sqlite:/// or postgresql://… URL)"
SOURCE = "IODA API"


def _epoch(day: dt.datetime) -> int:
    return int(day.replace(tzinfo=dt.UTC).timestamp())


def store_outages(db: str, outages: list[Outage], country_code: str) -> tuple[int, int]:
    """Store outages as record blackouts of `country_code` (source "IODA API"); returns (added, already)."""
    from crisisledger.ingest.shutdown_rows import RecordBlackout
    from crisisledger.store import Ledger
    from crisisledger.store import blackouts as store

    rows = []
    for o in outages:
        b = o.to_blackout()
        url = f"https://ioda.inetintel.cc.gatech.edu/{o.entity_type}/{o.entity_code}?from={o.start}&until={o.end}"
        rows.append(RecordBlackout(
            source=SOURCE, source_id=f"{o.entity_type}/{o.entity_code}/{o.start}", country_code=country_code,
            area="nationwide" if o.entity_type == "country" else b.area, start=b.start, end=b.end,
            duration_hours=b.duration_hours, shutdown_type="outage", status=f"detected {o.level}",
            services=b.services,
            url=url,
        ))  # fmt: skip
    with Ledger.open(db) as ledger, ledger.engine.begin() as conn:
        added, already = store.add_records(conn, rows)
        store.rebuild(conn)
    return added, already


@main.command("ioda")
@click.argument("country")
@click.option("--since", type=click.DateTime(["%Y-%m-%d"]), required=True, help="first day (UTC)")
@click.option("--until", type=click.DateTime(["%Y-%m-%d"]), required=True, help="last day (UTC), included")
@click.option("--region", help="an IODA region code: use the region's signals instead of the country's")
@click.option("--min-level", type=click.Choice(["warning", "critical"]), default="warning", show_default=True)
@click.option("--db", default=None, help=DB_HELP)
@click.option("--json", "as_json", is_flag=True, help="print the blackouts as JSON Lines")
@click.option("--api", default=API_BASE, show_default=True, help="IODA API v2 base address")
def ioda_cmd(country: str, since: dt.datetime, until: dt.datetime, region: str | None, min_level: str,
             db: str | None, as_json: bool, api: str) -> None:  # fmt: skip
    """Detect blackouts in COUNTRY (ISO code) from IODA's BGP, active-probing and telescope signals."""
    if until < since:
        raise click.BadParameter("--until is before --since")
    start, end = _epoch(since), _epoch(until) + 86400
    entity_type, code = ("region", region) if region else ("country", country.upper())
    try:
        series = fetch_signals(code, start, end, entity_type=entity_type, base_url=api)
    except IodaError as exc:
        raise click.ClickException(f"{exc}. The ioda command needs network access to the IODA API.") from None
    if not series:
        raise click.ClickException(f"IODA returned no signals for {entity_type} {code}")
    outages = detect(series, since=start, min_level=min_level)
    for o in outages:
        b = o.to_blackout()
        if region and b.country_code is None:
            b = b.model_copy(update={"country_code": country.upper()})
        if as_json:
            click.echo(json.dumps(b.model_dump(mode="json"), ensure_ascii=False))
        else:
            first = dt.datetime.fromtimestamp(o.start, dt.UTC).strftime("%Y-%m-%d %H:%M")
            last = (
                "ongoing"
                if o.ongoing
                else dt.datetime.fromtimestamp(o.end, dt.UTC).strftime("%Y-%m-%d %H:%M")
            )
            click.echo(f"{o.entity_name}: {first} .. {last} UTC ({b.duration_hours} h), {o.level}, "
                       f"signals: {', '.join(b.services)}")  # fmt: skip
    if not as_json:
        click.echo(f"{len(outages)} outage(s) detected")
    if db is not None:
        added, already = store_outages(db, outages, country.upper())
        click.echo(f"stored: {added} added, {already} already in the ledger", err=True)
