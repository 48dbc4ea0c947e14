"""Shared by the commands: `--db`, `--jobs`, the query options of `incidents` and `events`, counted nouns."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import wraps
from typing import Any

import click

from crisisledger.nlp.workers import MAX_DEFAULT_JOBS
from crisisledger.store import Filters

DB_HELP = "ledger: a path, sqlite:/// or postgresql://… URL (default $CRISISLEDGER_DB or ./crisisledger.db)"
db_option = click.option("--db", envvar="CRISISLEDGER_DB", default=None, help=DB_HELP)
jobs_option = click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=1),
    default=None,
    metavar="N",
    help=f"Worker processes for many articles (default: CPUs, at most {MAX_DEFAULT_JOBS}; 1 = in-process).",
)


def counted(n: int, noun: str) -> str:
    """`1 incident`, `2 incidents`: `noun` is the plural, made singular by dropping its final s."""
    return f"{n} {noun[:-1] if n == 1 else noun}"


FORMATS = ("table", "jsonl", "csv", "geojson", "parquet")


def _near(value: str | None) -> tuple[float, float, float] | None:
    if not value:
        return None
    try:
        lat, lon, km = (float(x) for x in value.split(","))
    except ValueError:
        raise click.BadParameter("expected LAT,LON,KM", param_hint="--near") from None
    return lat, lon, km


def _day(value: dt.datetime | None) -> dt.date | None:
    return value.date() if value else None


Command = Callable[..., Any]


def query_options(what: str, since_help: str, until_help: str) -> Callable[[Command], Command]:
    """Add the filter, format and output options; the command receives `filters`, `fmt` and `output`."""

    def decorate(command: Command) -> Command:
        @wraps(command)
        def run(country: str | None, since: dt.datetime | None, until: dt.datetime | None,
                event_type: str | None, min_killed: int | None, near: str | None, text: str | None,
                limit: int | None, fmt: str, output: str | None, **rest: Any) -> Any:  # fmt: skip
            if fmt == "parquet" and not output:
                raise click.UsageError("--format parquet needs -o FILE")
            filters = Filters(country=country, since=_day(since), until=_day(until), event_type=event_type,
                              min_killed=min_killed, near=_near(near), text=text, limit=limit)  # fmt: skip
            return command(filters=filters, fmt=fmt, output=output, **rest)

        options = [
            click.option("--country", help="country code or name"),
            click.option("--since", type=click.DateTime(["%Y-%m-%d"]), help=since_help),
            click.option("--until", type=click.DateTime(["%Y-%m-%d"]), help=until_help),
            click.option("--type", "event_type", help="event type or sub-event type"),
            click.option("--min-killed", type=int, help="at least this many killed"),
            click.option("--near", help="LAT,LON,KM: within KM kilometres of a point"),
            click.option("--q", "text", help=f"text in the place name or the {what}'s articles"),
            click.option("--limit", type=int, help=f"at most this many {what}s"),
            click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True),
            click.option(
                "-o", "--output", type=click.Path(dir_okay=False), help="output file (parquet: required)"
            ),
        ]
        for option in reversed(options):
            run = option(run)
        return run

    return decorate
