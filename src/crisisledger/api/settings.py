"""Settings of the API server."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from crisisledger.resolve.incidents import Settings as ResolveSettings


@dataclass
class ApiSettings:
    """How the API behaves: read authentication, where tokens live, page sizes, dashboard, merge settings."""

    auth_reads: bool = False
    tokens_path: Path | None = None  # None: next to a SQLite ledger, else the user's config dir
    default_limit: int = 100
    max_limit: int = 1000
    max_batch: int = 500
    dashboard: bool = True  # serve the web dashboard at /
    resolve: ResolveSettings = field(default_factory=ResolveSettings)
