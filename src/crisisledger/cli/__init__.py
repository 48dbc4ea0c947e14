"""The `crisisledger` command line: a thin layer over the Python API.

Each sub-module registers its commands on `main`.
"""

from __future__ import annotations

import os

# One BLAS thread per process (set before numpy loads OpenBLAS): extraction runs in one worker
# process per CPU, and OpenBLAS threads on top of them only contend (the NER's products took
# several times the CPU on two busy cores). A value the user set is kept.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import click

from crisisledger import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="crisisledger")
def main() -> None:
    """Turn crisis reports into a sourced ledger of events, figures, claims and blackouts."""


def _register() -> None:
    # Each module adds its commands to `main` when imported.
    from crisisledger.cli import (  # noqa: F401
        events_cmd,
        extract_cmd,
        import_blackouts,
        import_cmd,
        ioda_cmd,
        ledger_cmd,
        serve_cmd,
        train_cmd,
        watch_cmd,
    )


_register()
