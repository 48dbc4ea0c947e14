"""`crisisledger serve` (dashboard and REST API) and `crisisledger token create` (registered on `main`)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import click

from crisisledger.cli import main
from crisisledger.cli.options import db_option

tokens_option = click.option(
    "--tokens", "tokens_path", type=click.Path(dir_okay=False, path_type=Path), envvar="CRISISLEDGER_TOKENS",
    help="token file (default: <ledger>.tokens.json next to a SQLite ledger, else "
         "~/.config/crisisledger/tokens.json)",
)  # fmt: skip


@main.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 64),
              help="server processes (uvicorn workers) answering on the same port")  # fmt: skip
@click.option("--auth-reads", is_flag=True, help="require a token for reads too")
@tokens_option
def serve(
    db: str | None, host: str, port: int, workers: int, auth_reads: bool, tokens_path: Path | None
) -> None:
    """Serve the dashboard (at /) and the ledger's REST API (under /api/v1) until interrupted."""
    import uvicorn

    from crisisledger.api import ApiSettings, create_app
    from crisisledger.store import Ledger
    from crisisledger.web import frontend_built

    shown = f"[{host}]" if ":" in host else host
    if workers == 1:
        app: Any = create_app(db, ApiSettings(auth_reads=auth_reads, tokens_path=tokens_path))
    else:  # each worker process builds its own app from the environment
        Ledger.open(db).close()  # create or migrate the ledger once, before the workers start
        for name, value in (("CRISISLEDGER_DB", db), ("CRISISLEDGER_TOKENS", tokens_path)):
            if value is not None:
                os.environ[name] = str(value)
        os.environ["CRISISLEDGER_AUTH_READS"] = "1" if auth_reads else "0"
        app = "crisisledger.api.app:create_app_from_env"
    click.echo(f"crisisledger serving http://{shown}:{port}/api/v1/ (OpenAPI: /api/v1/openapi.json); "
               f"dashboard: http://{shown}:{port}/")  # fmt: skip
    if not frontend_built():
        click.echo("the dashboard is not built: npm ci --prefix web && node web/build.mjs", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning", workers=workers, factory=workers > 1)


@main.group()
def token() -> None:
    """API tokens for write requests."""


@token.command("create")
@db_option
@tokens_option
@click.option("--name", help="a note to recognise the token by")
def token_create(db: str | None, tokens_path: Path | None, name: str | None) -> None:
    """Print a new token (shown once; only its hash is stored)."""
    from crisisledger.api.tokens import create_token, default_path

    path = tokens_path or default_path(db)
    click.echo(create_token(path, name))
    click.echo(f"stored its hash in {path}", err=True)
