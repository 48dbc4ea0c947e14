"""The JSON of an incidents-table row built by the database itself (SQLite or PostgreSQL).

`incident_json(dialect)` is a column expression whose value is the text of `store.query.incident_dict`
for that row (same keys, same order, same values), so list pages are served by joining strings rather
than decoding and re-encoding every row's JSON columns in Python.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Text, cast, func, literal_column

from crisisledger.store import schema as t

PLAIN = ("id", "event_type", "sub_event_type", "date_start", "date_end")
JSON_COLUMNS = ("location", "article_ids")
COUNTS = ("fatalities", "injured", "arrested")
SUMMARY = ("ranges", "latest_official", "timeline", "parts", "conflicts", "conservative", "event_ids")


def _key(name: str) -> Any:
    return literal_column(f"'{name}'")  # constant names of our own: no quoting issue


def incident_json(dialect: str) -> Any:
    """A text column: the JSON object of one incident (keys in `incident_dict` order)."""
    c = t.incidents.c
    sqlite = dialect == "sqlite"
    args: list[Any] = []
    for name in PLAIN:
        args += [_key(name), c[name]]
    for name in JSON_COLUMNS:
        args += [_key(name), func.json(c[name]) if sqlite else c[name]]
    for name in COUNTS:
        args += [_key(name), c[name]]
    for name in SUMMARY:
        if sqlite:
            args += [_key(name), func.json_extract(c.summary, literal_column(f"'$.{name}'"))]
        else:
            args += [_key(name), c.summary.op("->")(_key(name))]
    if sqlite:
        return func.json_object(*args, type_=Text)
    return cast(func.json_build_object(*args), Text)
