"""`crisisledger extract` (the contract's command) and `crisisledger schema`."""

from __future__ import annotations

import datetime as dt
import io
import json
import logging
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import IO

import click

from crisisledger.cli import main
from crisisledger.cli.options import jobs_option
from crisisledger.cli.summary import Reporter, SummaryTable
from crisisledger.formats import FORMATS, open_writer, record_schema
from crisisledger.ingest import DEFAULT_MAX_BYTES, ReadResult, expand_inputs, read_inputs
from crisisledger.ingest.base import ReadFailure, parse_published
from crisisledger.ingest.readers import JSON_SUFFIXES, JSONL_SUFFIXES, STDIN
from crisisledger.model import Article, Record
from crisisledger.nlp.workers import default_jobs, map_batches

BATCH_SIZE = 32
PROGRESS_MIN_ITEMS = 5


def error_record(result: ReadResult) -> Record:
    """The record written in place of an item that could not be read: its id and the error only."""
    assert result.error is not None
    return Record(id=result.id, error=result.error)


def _pipeline() -> Callable[..., Iterator[Record]]:
    """The extraction function (imported late: it loads the NLP stack)."""
    from crisisledger.pipeline import extract_articles

    return extract_articles


def _extract_batch(articles: list[Article]) -> list[Record]:
    """Records for one batch; a failing batch is retried one article at a time to isolate the bad one."""
    from crisisledger.pipeline import extract_batch_safely

    extract_articles = _pipeline()
    return extract_batch_safely(articles, lambda batch: list(extract_articles(batch, batch_size=len(batch))))


def _records_of(chunk: list[ReadResult]) -> list[Record]:
    """The records of one chunk of read results, in order (run in a worker process when parallel)."""
    articles = [r.article for r in chunk if r.article is not None]
    extracted = iter(_extract_batch(articles) if articles else [])
    return [next(extracted) if r.article is not None else error_record(r) for r in chunk]


def _warm_up() -> None:
    """Load the NLP stack in this process before workers are forked (they then share it)."""
    from crisisledger.pipeline import WARM_UP_TEXT

    list(_pipeline()([Article(id="warm-up", text=WARM_UP_TEXT)]))


def records_for(
    results: Iterable[ReadResult], batch_size: int = BATCH_SIZE, jobs: int = 1
) -> Iterator[list[Record]]:
    """Batches of records, one per read result and in the same order (error results included).

    With `jobs` > 1 and many inputs, the batches are extracted in `jobs` worker processes.
    """
    yield from map_batches(_records_of, results, batch_size=batch_size, jobs=jobs, warm_up=_warm_up)


def _parse_date_option(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:
    try:
        return parse_published(value)
    except ReadFailure as failure:
        raise click.BadParameter(failure.message) from None


def _infer_format(fmt: str | None, output: str | None) -> str:
    if fmt:
        return fmt
    suffix = os.path.splitext(output or "")[1].lower().lstrip(".")
    return suffix if suffix in FORMATS else "jsonl"


@contextmanager
def _open_output(output: str | None) -> Iterator[IO[str]]:
    """A UTF-8 text stream on OUT, or on standard output (left open) when OUT is absent or `-`."""
    if output in (None, "-"):
        wrapper = io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8", newline="")
        try:
            yield wrapper
            wrapper.flush()
        finally:
            wrapper.detach()
    else:
        assert output is not None
        with open(output, "w", encoding="utf-8", newline="") as handle:
            yield handle


def _progress_total(inputs: tuple[str, ...]) -> tuple[bool, int | None]:
    """Whether a progress bar is worth showing, and its total when the number of articles is known."""
    items = expand_inputs(inputs)
    multi = any(i == STDIN or i.lower().endswith(JSON_SUFFIXES + JSONL_SUFFIXES) for i in items)
    return multi or len(items) >= PROGRESS_MIN_ITEMS, None if multi else len(items)


@main.command("extract")
@click.argument("inputs", nargs=-1, metavar="[INPUT]...")
@click.option("-o", "--output", metavar="OUT", help="Write the records to OUT instead of standard output.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default=None,
    help="Output format (default: from OUT's suffix, else jsonl).",
)
@click.option(
    "--published",
    metavar="YYYY-MM-DD",
    callback=_parse_date_option,
    help="Publication date of articles that state none.",
)
@click.option(
    "--max-bytes",
    type=click.IntRange(min=1),
    default=DEFAULT_MAX_BYTES,
    show_default=True,
    help="Refuse inputs (and JSON Lines lines) larger than this.",
)
@click.option("--summary", is_flag=True, help="Print a table of the records on standard error.")
@jobs_option
@click.option("--batch-size", type=click.IntRange(min=1), default=BATCH_SIZE, show_default=True, hidden=True)
def extract_command(
    inputs: tuple[str, ...],
    output: str | None,
    fmt: str | None,
    published: dt.date | None,
    max_bytes: int,
    summary: bool,
    jobs: int | None,
    batch_size: int,
) -> None:
    """Extract one record per article from INPUT files, folders or `-` (standard input, the default).

    Inputs: .txt/.md (one article, id = path), .html/.htm, .json (an article or a list),
    .jsonl (one article a line). Standard input is text, or JSON Lines when it starts with `{`.
    Exits 1 when any input could not be read; its record carries `error`.
    """
    logging.getLogger("trafilatura").setLevel(logging.ERROR)  # its warnings are not for our users
    stdin = sys.stdin.buffer
    if (not inputs or STDIN in inputs) and sys.stdin.isatty():
        click.echo("crisisledger: reading standard input (end it with Ctrl-D)", err=True)
    to_terminal = output in (None, "-") and sys.stdout.isatty()  # a bar would garble the records
    show, total = _progress_total(inputs) if Reporter.stderr_is_tty() and not to_terminal else (False, None)
    table = SummaryTable() if summary else None
    failures = 0
    results = read_inputs(inputs, published=published, max_bytes=max_bytes, stdin=stdin)
    with _open_output(output) as stream, Reporter(show, total) as reporter:
        writer = open_writer(_infer_format(fmt, output), stream)
        for batch in records_for(results, batch_size, jobs or default_jobs()):
            for record in batch:
                writer.write(record)
                if record.error is not None:
                    failures += 1
                    reporter.say(f"crisisledger: {record.id}: {record.error.message}")
                if table is not None:
                    table.add(record)
            stream.flush()
            reporter.advance(len(batch))
        writer.close()
    if table is not None:
        table.print()
    click.get_current_context().exit(1 if failures else 0)


@main.command("schema")
@click.option("-o", "--output", metavar="FILE", help="Write the schema to FILE instead of standard output.")
def schema_command(output: str | None) -> None:
    """Print the JSON Schema of the records `crisisledger extract` writes."""
    text = json.dumps(record_schema(), indent=2, ensure_ascii=False) + "\n"
    if output in (None, "-"):
        click.echo(text, nl=False)
    else:
        assert output is not None
        with open(output, "w", encoding="utf-8") as handle:
            handle.write(text)
