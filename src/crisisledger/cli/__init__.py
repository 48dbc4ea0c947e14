"""The `crisisledger` command line: a thin layer over the Python API.

Each sub-module registers its commands on `main`.
"""

from __future__ import annotations

import click

from crisisledger import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="crisisledger")
def main() -> None:
    """Turn crisis reports into a sourced ledger of events, figures, claims and blackouts."""


def _register() -> None:
    from crisisledger.cli import extract_cmd  # noqa: F401  (registers its commands)
    from crisisledger.cli import serve_cmd  # noqa: F401

    try:
        from crisisledger.cli import ledger_cmd  # noqa: F401
    except ImportError:  # the ledger commands are optional while they are being built
        pass
    from crisisledger.cli import import_cmd  # noqa: F401  (the `import` group)
    from crisisledger.cli import events_cmd  # noqa: F401  (`events`)
    from crisisledger.cli import import_blackouts  # noqa: F401  (keepiton, ioda-outages, blackouts)


_register()
