"""API tokens: random secrets shown once; only their SHA-256 hashes are kept, in a small JSON file.

The file is `<ledger>.tokens.json` next to a SQLite ledger, or `tokens.json` in the user's config
directory (`$XDG_CONFIG_HOME/crisisledger`, default `~/.config/crisisledger`) for other databases.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import os
import secrets
import tempfile
from pathlib import Path

from crisisledger.store.engine import database_url

PREFIX = "clt_"


def default_path(db: str | os.PathLike[str] | None) -> Path:
    """Where the token hashes of ledger `db` are kept."""
    url = database_url(db)
    if url.startswith("sqlite:///") and url != "sqlite:///:memory:":
        return Path(url[len("sqlite:///") :] + ".tokens.json")
    config = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(config) / "crisisledger" / "tokens.json"


def hash_token(token: str) -> str:
    """The stored form of a token."""
    return hashlib.sha256(token.encode()).hexdigest()


def _load(path: Path) -> list[dict[str, str]]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return []
    return list(data.get("tokens", []))


def create_token(path: Path, name: str | None = None) -> str:
    """Make a new token, store its hash in `path` (atomically, mode 0600) and return the token."""
    token = PREFIX + secrets.token_urlsafe(32)
    entries = _load(path)
    entries.append({"sha256": hash_token(token), "name": name or "",
                    "created": dt.datetime.now(dt.UTC).isoformat(timespec="seconds")})  # fmt: skip
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tokens-")
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        json.dump({"tokens": entries}, out, indent=1)
    os.chmod(tmp, 0o600)
    os.replace(tmp, path)
    return token


class TokenStore:
    """Checks bearer tokens against the hashes in a file, re-reading it when it changes."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._stamp: float | None = None
        self._hashes: list[str] = []

    def _refresh(self) -> None:
        try:
            stamp = self.path.stat().st_mtime_ns
        except FileNotFoundError:
            self._stamp, self._hashes = None, []
            return
        if stamp != self._stamp:
            self._hashes = [e["sha256"] for e in _load(self.path)]
            self._stamp = stamp

    def check(self, token: str | None) -> bool:
        """True when `token` is one of the stored tokens."""
        if not token:
            return False
        self._refresh()
        digest = hash_token(token)
        return any(hmac.compare_digest(digest, h) for h in self._hashes)
