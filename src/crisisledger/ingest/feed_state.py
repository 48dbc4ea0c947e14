"""The watch state: what `crisisledger watch` has seen, per-feed validators and back-off, and the
entries found but not yet stored. A small JSON file, replaced atomically on every save, so a restart
(or a crash) neither re-fetches what was stored nor loses what was found."""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

VERSION = 1


@dataclass
class FeedState:
    """One address of the FEEDS file."""

    kind: str | None = None  # "feed" | "page" once known
    etag: str | None = None
    last_modified: str | None = None
    failures: int = 0  # consecutive failed polls
    next_try: float = 0.0  # epoch seconds; not polled before
    last_error: str | None = None
    last_ok: float | None = None


@dataclass
class Pending:
    """An entry found in a feed (or a page address) whose article is not stored yet."""

    key: str
    url: str | None
    feed: str
    title: str | None = None
    published: str | None = None  # ISO date
    text: str | None = None  # the entry's own text, used when the page gives none (or there is no link)
    source: str | None = None
    attempts: int = 0
    next_try: float = 0.0
    last_error: str | None = None


@dataclass
class WatchState:
    """Everything `watch` keeps between polls and across restarts."""

    path: Path
    feeds: dict[str, FeedState] = field(default_factory=dict)
    seen: dict[str, str] = field(default_factory=dict)  # entry key -> article id stored
    pending: dict[str, Pending] = field(default_factory=dict)
    failed: dict[str, str] = field(default_factory=dict)  # entry key -> why it was given up

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> WatchState:
        """The state saved at `path`, or an empty one if there is no file yet."""
        p = Path(path)
        if not p.exists():
            return cls(path=p)
        raw: dict[str, Any] = json.loads(p.read_text(encoding="utf-8"))
        return cls(
            path=p,
            feeds={k: FeedState(**v) for k, v in raw.get("feeds", {}).items()},
            seen=dict(raw.get("seen", {})),
            pending={k: Pending(**v) for k, v in raw.get("pending", {}).items()},
            failed=dict(raw.get("failed", {})),
        )

    def known(self, key: str) -> bool:
        """True if the entry was stored, is waiting, or was given up."""
        return key in self.seen or key in self.pending or key in self.failed

    def save(self) -> None:
        """Write the state atomically (a temporary file renamed over the old one)."""
        data = {
            "version": VERSION,
            "feeds": {k: asdict(v) for k, v in self.feeds.items()},
            "seen": self.seen,
            "pending": {k: asdict(v) for k, v in self.pending.items()},
            "failed": self.failed,
        }
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=self.path.name, suffix=".tmp", dir=self.path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                json.dump(data, out, ensure_ascii=False)
                out.flush()
                os.fsync(out.fileno())
            os.replace(tmp, self.path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
