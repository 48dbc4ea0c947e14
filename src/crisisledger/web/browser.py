"""Headless Chromium (Debian's /usr/bin/chromium, driven by Playwright) for the dashboard's checks:
the browser tests and the first-load benchmark share this."""

from __future__ import annotations

from pathlib import Path

from crisisledger.web import frontend_built

CHROMIUM = Path("/usr/bin/chromium")
# No sandbox as root, and no background connections: the machine's network is closed.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
]


def browser_unavailable() -> str | None:
    """Why the dashboard cannot be driven in a browser here, or None when it can."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright is not installed (pip install playwright==1.65.2)"
    if not CHROMIUM.exists():
        return f"{CHROMIUM} is missing (apt-get install -y chromium)"
    if not frontend_built():
        return "the front end is not built (npm ci --prefix web && node web/build.mjs)"
    return None
