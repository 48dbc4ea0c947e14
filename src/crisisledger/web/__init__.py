"""The web dashboard: HTML pages and static files served by the API's FastAPI app.

Pages: `/` (map, timeline, filters), `/incident/{id}` (one incident), `/submit` (paste a report).
The front-end libraries are copied into `static/vendor/` by the build (`npm ci --prefix web` then
`node web/build.mjs`); without them `/` explains how to build them and the API still works.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import FileResponse, HTMLResponse, Response
from fastapi.staticfiles import StaticFiles

STATIC = Path(__file__).parent / "static"
VENDOR = STATIC / "vendor"

NOT_BUILT = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>crisisledger</title></head>
<body style="font-family:sans-serif;max-width:40em;margin:3em auto">
<h1>crisisledger</h1>
<p id="not-built"><strong>The dashboard's front-end is not built.</strong> Build it with
<code>npm ci --prefix web &amp;&amp; node web/build.mjs</code> (or <code>make web</code>) in the source tree,
then reload this page.</p>
<p>The REST API works without it: <a href="/api/v1/docs">/api/v1/docs</a>,
<a href="/api/v1/incidents">/api/v1/incidents</a>.</p></body></html>"""


def frontend_built() -> bool:
    """True when the vendored libraries are in place."""
    return (VENDOR / "manifest.json").is_file()


def _page(name: str) -> Response:
    if not frontend_built():
        return HTMLResponse(NOT_BUILT, status_code=503)
    return FileResponse(STATIC / name, media_type="text/html", headers={"Cache-Control": "no-cache"})


def index() -> Response:
    """The dashboard: map, timeline and filters."""
    return _page("index.html")


def submit() -> Response:
    """Paste a report, preview its extraction, add it."""
    return _page("submit.html")


def incident(incident_id: int) -> Response:
    """One incident (the page loads its data from the API)."""
    return _page("incident.html")


def mount(app: FastAPI) -> None:
    """Add the dashboard's pages and `/static` to `app`."""
    for path, view in (("/", index), ("/submit", submit), ("/incident/{incident_id}", incident)):
        app.add_api_route(path, view, include_in_schema=False, response_class=HTMLResponse)
    app.mount("/static", StaticFiles(directory=STATIC, check_dir=False), name="static")
