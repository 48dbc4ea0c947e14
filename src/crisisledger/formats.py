"""Record writers for `crisisledger extract`: JSON Lines, JSON and CSV, all streamed record by record."""

from __future__ import annotations

import csv
from typing import IO, Any, Protocol

from crisisledger.model import Record

FORMATS = ("jsonl", "json", "csv")
JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"

CSV_COLUMNS = (
    "id",
    "language",
    "published",
    "event_type",
    "sub_event_type",
    "event_date",
    "date_precision",
    "location",
    "admin1",
    "country",
    "country_code",
    "lat",
    "lon",
    "fatalities",
    "injured",
    "arrested",
    "actors",
    "n_events",
    "n_figures",
    "n_claims",
    "n_blackouts",
    "error",
    "error_message",
)


class RecordWriter(Protocol):
    """Writes records one at a time; `close` finishes the document (it does not close the stream)."""

    def write(self, record: Record) -> None: ...

    def close(self) -> None: ...


class JsonlWriter:
    """One JSON object a line."""

    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream

    def write(self, record: Record) -> None:
        self.stream.write(record.model_dump_json() + "\n")

    def close(self) -> None:
        self.stream.flush()


class JsonWriter:
    """A JSON list of records, written as they come (one record a line inside the brackets)."""

    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream
        self.count = 0

    def write(self, record: Record) -> None:
        self.stream.write(("[\n" if self.count == 0 else ",\n") + record.model_dump_json())
        self.count += 1

    def close(self) -> None:
        self.stream.write("[]\n" if self.count == 0 else "\n]\n")
        self.stream.flush()


class CsvWriter:
    """One row per record with the main event flattened into columns, after a header row."""

    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream
        self.writer = csv.DictWriter(stream, fieldnames=CSV_COLUMNS)
        self.writer.writeheader()

    def write(self, record: Record) -> None:
        self.writer.writerow(csv_row(record))

    def close(self) -> None:
        self.stream.flush()


def csv_row(record: Record) -> dict[str, Any]:
    """The CSV columns of one record; empty cells for what the record does not have."""
    event = record.main_event
    location = event.location if event else None
    return {
        "id": record.id,
        "language": record.language,
        "published": record.published.isoformat() if record.published else None,
        "event_type": event.event_type if event else None,
        "sub_event_type": event.sub_event_type if event else None,
        "event_date": event.date.isoformat() if event and event.date else None,
        "date_precision": event.date_precision if event else None,
        "location": location.name if location else None,
        "admin1": location.admin1 if location else None,
        "country": location.country if location else None,
        "country_code": location.country_code if location else None,
        "lat": location.lat if location else None,
        "lon": location.lon if location else None,
        "fatalities": event.fatalities if event else None,
        "injured": event.injured if event else None,
        "arrested": event.arrested if event else None,
        "actors": "; ".join(f"{a.name} ({a.role})" for a in event.actors) if event else None,
        "n_events": len(record.events),
        "n_figures": len(record.figures),
        "n_claims": len(record.claims),
        "n_blackouts": len(record.blackouts),
        "error": record.error.code if record.error else None,
        "error_message": record.error.message if record.error else None,
    }


def open_writer(fmt: str, stream: IO[str]) -> RecordWriter:
    """The writer for `fmt` (one of `FORMATS`)."""
    writers: dict[str, type[JsonlWriter | JsonWriter | CsvWriter]] = {
        "jsonl": JsonlWriter,
        "json": JsonWriter,
        "csv": CsvWriter,
    }
    if fmt not in writers:
        raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")
    return writers[fmt](stream)


def record_schema() -> dict[str, Any]:
    """The JSON Schema of `Record`, generated from the pydantic model."""
    schema = Record.model_json_schema()
    return {"$schema": JSON_SCHEMA_DIALECT, **schema}
