"""The dashboard in a real browser: Playwright driving Debian's Chromium against `crisisledger serve`.

Skips (with the reason) when Playwright, /usr/bin/chromium or the built front-end is missing.
Screenshots go to test-output/web/ (git-ignored).
"""

from __future__ import annotations

import datetime as dt
import os
import re
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient

from crisisledger.api import create_app
from crisisledger.api.tokens import create_token
from crisisledger.model import Blackout, Claim, Location
from crisisledger.store import Ledger
from crisisledger.store.testing import event, figure, item, kazakhstan_items, synthetic_incidents
from crisisledger.web.browser import CHROMIUM, CHROMIUM_ARGS, browser_unavailable

OUT = Path(__file__).resolve().parents[1] / "test-output" / "web"
NASTY = 'Crowds gathered <script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2"> in Town.'


def fixture_items() -> list[tuple]:
    """The Kazakhstan fixtures with a blackout and a claim, plus a report whose text holds markup."""
    items = kazakhstan_items()
    article, record = items[0]
    outage = Blackout(country_code="KZ", status="started", start=dt.date(2022, 1, 5),
                      end=dt.date(2022, 1, 10), services=["mobile", "fixed"], reported_by="NetBlocks",
                      start_char=0, end_char=10)  # fmt: skip
    claim = Claim(speaker="Interior Ministry", statement="armed rioters were killed", start=0, end=20)
    items[0] = (article, record.model_copy(update={"blackouts": [outage], "claims": [claim]}))
    town = Location(name="Scriptville", country="Testland", country_code="TL", lat=5.0, lon=10.0)
    protest = event("Protests", "Peaceful protest", "2022-02-02", town, fatalities=1)
    a, r = item("nasty", NASTY, "2022-02-02", [protest], [figure("killed", 1)], source="<b>Outlet</b>")
    items.append((a.model_copy(update={"title": "<script>window.__pwned = 3</script>Title"}), r))
    return items


def build_ledger(db: str, items: list[tuple]) -> None:
    with Ledger.open(db) as ledger:
        ledger.add_records(items)
        ledger.resolve()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Server:
    """`crisisledger serve` on a free loopback port, with a token file."""

    def __init__(self, db: str, tokens: Path) -> None:
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        code = "from crisisledger.cli import main; main()"
        cmd = [
            sys.executable,
            "-c",
            code,
            "serve",
            "--db",
            db,
            "--port",
            str(self.port),
            "--tokens",
            str(tokens),
        ]
        self.proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, start_new_session=True)
        deadline = time.monotonic() + 60
        while True:
            try:
                httpx.get(f"{self.url}/api/v1/incidents", params={"limit": 1}).raise_for_status()
                return
            except httpx.TransportError:
                if time.monotonic() > deadline or self.proc.poll() is not None:
                    self.stop()
                    raise RuntimeError("crisisledger serve did not start") from None
                time.sleep(0.2)

    def stop(self) -> None:
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
        self.proc.wait(timeout=15)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    reason = browser_unavailable()
    if reason:
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    OUT.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def served(browser: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Server, str]]:
    """A server over the fixture ledger and a write token."""
    folder = tmp_path_factory.mktemp("web")
    db, tokens = str(folder / "ledger.db"), folder / "tokens.json"
    build_ledger(db, fixture_items())
    token = create_token(tokens, "web test")
    server = Server(db, tokens)
    yield server, token
    server.stop()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    pg.errors = errors
    yield pg
    context.close()


def ready(pg: Any, url: str) -> None:
    pg.goto(url)
    pg.wait_for_selector("body[data-ready='1']", timeout=30_000)


def shot(pg: Any, name: str) -> None:
    pg.screenshot(path=str(OUT / f"{name}.png"), full_page=True)


def test_dashboard_filters_and_url(served: tuple[Server, str], page: Any) -> None:
    server, _ = served
    ready(page, server.url + "/")
    assert page.text_content("#count") == "4"
    assert page.text_content("#killed") == "241"  # conservative tolls: 238 + 2 + 1 + 0
    assert "KZ nationwide: 2022-01-05 → 2022-01-10" in page.text_content("#blackouts")
    assert page.locator("#map .leaflet-overlay-pane canvas").count() >= 1
    shot(page, "dashboard")
    page.fill("input[name=country]", "KG")
    page.click("#apply")
    page.wait_for_function("document.querySelector('#count').textContent === '1'")
    assert "country=KG" in page.url
    assert page.locator("a.incident-link").all_text_contents() == ["Bishkek — Violent demonstration"]
    assert page.text_content("#blackouts") == ""
    ready(page, server.url + "/?type=Protests&q=Almaty")  # a shared view
    assert (
        page.input_value("select[name=type]") == "Protests" and page.input_value("input[name=q]") == "Almaty"
    )
    assert page.text_content("#count") == "1"
    assert page.errors == []


def test_brushing_the_timeline_filters_the_map(served: tuple[Server, str], page: Any) -> None:
    server, _ = served
    ready(page, server.url + "/")
    box = page.locator("#timeline svg").bounding_box()
    y = box["y"] + 40
    page.mouse.move(box["x"] + 5, y)  # the brush starts at the first day (clamped to the plot)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.3, y, steps=5)
    page.mouse.up()
    page.wait_for_function("document.querySelector('#count').textContent === '2'")  # the two January riots
    assert re.search(r"since=2022-01-05&until=2022-01-\d\d", page.url)
    assert page.input_value("input[name=since]") == "2022-01-05"
    assert "KZ nationwide" in page.text_content("#blackouts")
    shot(page, "dashboard-brushed")
    page.mouse.click(box["x"] + box["width"] * 0.5, y)  # a click clears the brush
    page.wait_for_function("document.querySelector('#count').textContent === '4'")
    assert "since=" not in page.url


def test_incident_page_shows_every_figure(served: tuple[Server, str], page: Any) -> None:
    server, _ = served
    ready(page, server.url + "/?country=KZ")
    page.click("a.incident-link >> text=Kazakhstan")
    page.wait_for_selector("#tolls")
    assert page.text_content("#title") == "Riots — Violent demonstration"
    cells = "rows => rows.map(r => [...r.cells].map(c => c.textContent))"
    tolls = page.eval_on_selector_all("#tolls tbody tr", cells)
    assert tolls[0] == ["killed", "238", "26–238", "238 — Prosecutor General's Office, 2022-08-20"]
    assert tolls[2][:3] == ["arrested", "7,000", "7,000–8,000"]
    figures = page.eval_on_selector_all("#figures tbody tr", cells)
    assert len(figures) == 7
    assert ["killed", "164", "164", "exact", "Ministry of Health (Kazakhstan)", "Outlet B", "2022-01-09"] in [
        f[:7] for f in figures]  # fmt: skip
    assert ["arrested", "8,000", "7,000–8,000", "almost", "–", "Outlet B", "2022-01-10"] in [
        f[:7] for f in figures
    ]
    assert page.locator("svg.chart-killed circle").count() == 4
    assert page.locator("#claims tbody tr").count() == 1
    assert "NetBlocks" in page.text_content("#blackouts")
    assert page.locator("#merge li").count() == 3
    assert page.locator("#articles article").count() == 4
    shot(page, "incident")
    assert page.errors == []


def test_report_markup_is_shown_as_text(served: tuple[Server, str], page: Any) -> None:
    server, token = served
    ready(page, server.url + "/?q=Scriptville")
    page.click("a.incident-link")
    page.wait_for_selector("#articles article")
    art = page.locator("#articles article").first
    assert art.locator(".article-text").text_content() == NASTY
    assert art.locator("h3").text_content() == "<script>window.__pwned = 3</script>Title"
    assert "<b>Outlet</b>" in art.locator("p.muted").text_content()
    assert art.locator("script, img, b").count() == 0
    assert page.evaluate("window.__pwned") is None
    shot(page, "incident-markup")
    ready(page, server.url + "/submit")  # the preview of a pasted report escapes it too
    page.fill("input[name=token]", token)
    page.fill("textarea[name=text]", NASTY)
    page.click("#preview")
    page.wait_for_selector("#highlighted")
    assert page.text_content("#highlighted") == NASTY
    assert page.locator("#highlighted script, #highlighted img").count() == 0
    assert page.evaluate("window.__pwned") is None


def test_submit_a_report_and_see_it(served: tuple[Server, str], page: Any) -> None:
    server, token = served
    text = "Police said three protesters were killed in Almaty on Monday during a rally over fuel prices."
    ready(page, server.url + "/submit")
    page.fill("input[name=token]", "clt_wrong")
    page.fill("textarea[name=text]", text)
    page.click("#preview")
    page.wait_for_selector("#status .error")
    assert page.text_content("#status").startswith("401")
    page.fill("input[name=token]", token)
    page.fill("input[name=published]", "2022-03-14")
    page.click("#preview")
    page.wait_for_selector("#highlighted")
    assert page.text_content("#highlighted") == text
    marks = dict(
        page.eval_on_selector_all("#highlighted mark", "ms => ms.map(m => [m.className, m.textContent])")
    )
    assert "three" in marks.get("figure", "") and marks.get("place") == "Almaty"
    assert "Almaty" in page.text_content("#main-event")
    shot(page, "submit-preview")
    page.click("#confirm")
    page.wait_for_selector("#added")
    assert "added" in page.text_content("#added")
    shot(page, "submit-added")
    page.click("a.new-incident")
    page.wait_for_selector("#articles")
    assert text in page.text_content("#articles")
    assert page.locator("#tolls tbody tr").first.locator("td").nth(1).text_content() == "3"
    ready(page, server.url + "/?q=fuel")
    assert page.text_content("#count") == "1"


def test_first_load_with_10000_incidents(browser: Any, tmp_path: Path, page: Any) -> None:
    db = str(tmp_path / "big.db")
    synthetic_incidents(db, 10_000)
    server = Server(db, tmp_path / "tokens.json")
    try:
        start = time.perf_counter()
        ready(page, server.url + "/")
        wall = time.perf_counter() - start
        in_page = page.evaluate("window.__firstLoadMs")
        assert page.text_content("#count") == "10,000"
        shot(page, "dashboard-10000")
    finally:
        server.stop()
    print(f"\nfirst load with 10,000 incidents: {in_page:.0f} ms in the page, {wall:.2f} s wall")
    (OUT / "first-load.txt").write_text(f"incidents 10000\nin_page_ms {in_page:.0f}\nwall_s {wall:.3f}\n")


def test_without_a_built_front_end_the_api_still_works(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import crisisledger.web as web

    monkeypatch.setattr(web, "VENDOR", tmp_path / "no-vendor")
    db = str(tmp_path / "l.db")
    build_ledger(db, kazakhstan_items())
    with TestClient(create_app(db)) as client:
        resp = client.get("/")
        assert resp.status_code == 503 and "front-end is not built" in resp.text
        assert "npm ci --prefix web" in resp.text
        assert len(client.get("/api/v1/incidents").json()["items"]) == 3
