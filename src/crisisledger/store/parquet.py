"""Parquet output for incidents and events (pyarrow); nested fields are kept as JSON strings."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

FLAT = (str, int, float, bool, type(None))


def write_parquet(rows: list[dict[str, Any]], path: str | Path) -> int:
    """Write JSON-ready dicts to a Parquet file; dict/list values become JSON text. Returns the count."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    columns: dict[str, list[Any]] = {}
    keys = list(dict.fromkeys(k for r in rows for k in r))
    for key in keys:
        values = [r.get(key) for r in rows]
        if not all(isinstance(v, FLAT) for v in values):
            values = [v if v is None else json.dumps(v, ensure_ascii=False) for v in values]
        columns[key] = values
    pq.write_table(pa.table(columns) if keys else pa.table({"id": pa.array([], pa.int64())}), str(path))
    return len(rows)
