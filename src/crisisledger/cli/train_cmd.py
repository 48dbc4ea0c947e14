"""`crisisledger train`: refit the ACLED event-type classifier (needs the `train` extra)."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path

import click

from crisisledger.cli import main
from crisisledger.extractors.classifier import train as fit


@main.command()
@click.argument(
    "acled_files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path)
)
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), help="model folder")
@click.option(
    "--holdout", multiple=True, help="substring of a file name to hold out for scoring (repeatable)"
)
def train(acled_files: tuple[Path, ...], out_dir: Path | None, holdout: tuple[str, ...]) -> None:
    """Train the event-type classifier on ACLED CSV exports and score it on held-out files."""
    try:
        report = fit(list(acled_files), out_dir, holdout or None)
    except ImportError as exc:
        raise click.ClickException(
            f"training needs scikit-learn: pip install 'crisisledger[train]' ({exc})"
        ) from exc
    click.echo(json.dumps(asdict(report), indent=2))
