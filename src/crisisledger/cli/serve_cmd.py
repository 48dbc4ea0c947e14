"""`crisisledger serve` (dashboard and REST API) and `crisisledger token create` (registered on `main`)."""

from __future__ import annotations

from pathlib import Path

import click

from crisisledger.cli import main
from crisisledger.cli.ledger_cmd import db_option

tokens_option = click.option(
    "--tokens", "tokens_path", type=click.Path(dir_okay=False, path_type=Path), envvar="CRISISLEDGER_TOKENS",
    help="token file (default: <ledger>.tokens.json next to a SQLite ledger, else "
         "~/.config/crisisledger/tokens.json)",
)  # fmt: skip


@main.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
@click.option("--auth-reads", is_flag=True, help="require a token for reads too")
@tokens_option
def serve(db: str | None, host: str, port: int, auth_reads: bool, tokens_path: Path | None) -> None:
    """Serve the dashboard (at /) and the ledger's REST API (under /api/v1) until interrupted."""
    import uvicorn

    from crisisledger.api import ApiSettings, create_app
    from crisisledger.web import frontend_built

    app = create_app(db, ApiSettings(auth_reads=auth_reads, tokens_path=tokens_path))
    shown = f"[{host}]" if ":" in host else host
    click.echo(f"crisisledger serving http://{shown}:{port}/api/v1/ (OpenAPI: /api/v1/openapi.json); "
               f"dashboard: http://{shown}:{port}/")  # fmt: skip
    if not frontend_built():
        click.echo("the dashboard is not built: npm ci --prefix web && node web/build.mjs", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")


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
