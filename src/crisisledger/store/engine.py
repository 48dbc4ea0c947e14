"""Database addresses and engines: SQLite by default, PostgreSQL with the same code."""

from __future__ import annotations

import os
from typing import Any

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine

DEFAULT_PATH = "crisisledger.db"
ENV_VAR = "CRISISLEDGER_DB"


def database_url(db: str | os.PathLike[str] | None = None) -> str:
    """The SQLAlchemy URL for `db`: a bare path or sqlite:/// URL, or postgresql://…

    Without `db`, the `CRISISLEDGER_DB` environment variable, else `./crisisledger.db`.
    """
    raw = str(db) if db is not None else os.environ.get(ENV_VAR) or DEFAULT_PATH
    for prefix in ("postgresql://", "postgres://"):
        if raw.startswith(prefix):
            return "postgresql+psycopg://" + raw[len(prefix) :]
    if "://" in raw:
        return raw
    return f"sqlite:///{raw}"


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def make_engine(db: str | os.PathLike[str] | None = None) -> Engine:
    """An engine for `db` (see `database_url`), with SQLite set up for crash-safe batched writes."""
    url = database_url(db)
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": 30})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    # A server (API workers, concurrent clients) needs more than the default 5 + 10 connections.
    return create_engine(url, pool_pre_ping=True, pool_size=10, max_overflow=30)
