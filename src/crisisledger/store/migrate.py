"""Run the ledger's Alembic migrations programmatically (no alembic.ini, no env.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from alembic.config import Config
from alembic.runtime.environment import EnvironmentContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Connection, Engine

MIGRATIONS = Path(__file__).with_name("migrations")


def _script() -> tuple[Config, ScriptDirectory]:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config, ScriptDirectory.from_config(config)


def upgrade(engine: Engine, target: str = "head") -> None:
    """Bring the database behind `engine` up to `target` (default: the newest revision)."""
    config, script = _script()

    def do_upgrade(rev: Any, context: Any) -> Any:
        return script._upgrade_revs(target, rev)

    with engine.begin() as connection:
        _run(config, script, connection, do_upgrade)


def _run(config: Config, script: ScriptDirectory, connection: Connection, fn: Any) -> None:
    with EnvironmentContext(config, script, fn=fn) as env:
        env.configure(connection=connection, fn=fn)
        with env.begin_transaction():
            env.run_migrations()


def current(engine: Engine) -> str | None:
    """The revision the database is at (None for an empty database)."""
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()
