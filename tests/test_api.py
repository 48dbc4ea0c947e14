"""The REST API (TestClient) over real ledgers: filters, cursors, downloads, detail, tokens, submit."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
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
from click.testing import CliRunner
from fastapi.testclient import TestClient

from crisisledger.api import ApiSettings, create_app, queries
from crisisledger.api.tokens import create_token, default_path
from crisisledger.cli import main
from crisisledger.model import Blackout, Claim, Location
from crisisledger.store import Filters, Ledger
from crisisledger.store.testing import event, figure, item, kazakhstan_items, pg_schema, server_available

TOWNS = 20


def town(i: int, day: dt.date) -> tuple:
    """A one-event protest in its own made-up town (towns 1 degree of latitude apart: never merged)."""
    loc = Location(name=f"Town{i}", country="Testland", country_code="TL", lat=10.0 + i, lon=20.0,
                   precision="city")  # fmt: skip
    return item(f"town-{i}", f"A crowd gathered in Town{i} to protest (report {i}).", day.isoformat(),
                [event("Protests", "Peaceful protest", day.isoformat(), loc, fatalities=i % 3)],
                [figure("killed", i % 3)] if i % 3 else [], source="Outlet T")  # fmt: skip


def fill(db: str, towns: int = TOWNS) -> None:
    """The Kazakhstan fixtures, a blackout and a claim, and `towns` protests three a day from 1 Feb 2022."""
    items = kazakhstan_items()
    article, record = items[0]
    outage = Blackout(country_code="KZ", status="started", start=dt.date(2022, 1, 5),
                      end=dt.date(2022, 1, 10), services=["mobile"], start_char=0, end_char=10)  # fmt: skip
    claim = Claim(speaker="Interior Ministry", statement="armed rioters were killed", start=0, end=20)
    items[0] = (article, record.model_copy(update={"blackouts": [outage], "claims": [claim]}))
    items += [town(i, dt.date(2022, 2, 1) + dt.timedelta(days=i // 3)) for i in range(towns)]
    with Ledger.open(db) as ledger:
        ledger.add_records(items)
        ledger.resolve()


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = str(tmp_path / "ledger.db")
    fill(path)
    return path


@pytest.fixture
def client(db: str) -> Iterator[TestClient]:
    with TestClient(create_app(db)) as c:
        yield c


def ids(resp: httpx.Response) -> list[int]:
    assert resp.status_code == 200, resp.text
    return [i["id"] for i in resp.json()["items"]]


def all_pages(client: TestClient, path: str, **params: Any) -> list[dict[str, Any]]:
    out, cursor = [], None
    while True:
        body = client.get(path, params={**params, **({"cursor": cursor} if cursor else {})}).json()
        out += body["items"]
        if not (cursor := body["next_cursor"]):
            return out


def test_openapi_lists_every_path(client: TestClient) -> None:
    spec = client.get("/api/v1/openapi.json").json()
    assert set(spec["paths"]) == {
        "/api/v1/incidents", "/api/v1/incidents/{incident_id}", "/api/v1/events", "/api/v1/articles",
        "/api/v1/articles/{article_id}", "/api/v1/figures", "/api/v1/claims", "/api/v1/blackouts",
        "/api/v1/extract", "/api/v1/map", "/api/v1/timeline", "/api/v1/ledger-blackouts",
    }  # fmt: skip
    assert set(spec["paths"]["/api/v1/articles"]) == {"get", "post"}
    assert "HTTPBearer" in spec["components"]["securitySchemes"]


def test_incident_filters(client: TestClient) -> None:
    get = lambda **p: ids(client.get("/api/v1/incidents", params=p))  # noqa: E731
    assert len(get(limit=1000)) == 3 + TOWNS
    assert get(country="KG") == [5]
    assert get(country="kazakhstan") == [1, 6]
    assert get(type="Riots") == [1, 5]
    assert get(type="Peaceful protest", country="KZ") == [6]
    assert get(min_killed=100) == [1]
    assert get(since="2022-03-01", until="2022-03-31") == [6]
    assert get(q="Bishkek") == [5]
    assert get(q="final list published") == [1]  # text of an article
    assert get(bbox="74,42,75,43") == [5]
    assert get(lat=43.25, lon=76.92, radius_km=20) == [6]
    assert get(lat=13.0, lon=20.0, radius_km=120) == [9, 10, 11]  # Town2..Town4 (event ids 7 + i)
    assert get(lat=13.0, lon=20.0, radius_km=120, limit=1) == [9]
    bad = client.get("/api/v1/incidents", params={"lat": 1, "lon": 2})
    assert bad.status_code == 422 and "radius_km go together" in bad.json()["detail"][0]["msg"]
    assert client.get("/api/v1/incidents", params={"bbox": "1,2,3"}).status_code == 422
    assert client.get("/api/v1/incidents", params={"since": "yesterday"}).status_code == 422
    assert client.get("/api/v1/incidents", params={"limit": 5000}).status_code == 422


def test_cursor_pages_cover_everything_once(client: TestClient) -> None:
    everything = ids(client.get("/api/v1/incidents", params={"limit": 1000}))
    paged = [i["id"] for i in all_pages(client, "/api/v1/incidents", limit=4)]
    assert paged == everything
    dates = [i["date_start"] for i in all_pages(client, "/api/v1/incidents", limit=4)]
    assert dates == sorted(dates)
    assert client.get("/api/v1/incidents", params={"cursor": "garbage!"}).status_code == 422
    events_cursor = client.get("/api/v1/events", params={"limit": 1}).json()["next_cursor"]
    wrong = client.get("/api/v1/incidents", params={"cursor": events_cursor})
    assert wrong.status_code == 422 and "incidents" in wrong.json()["detail"][0]["msg"]


def test_cursor_is_stable_when_rows_are_added(db: str, client: TestClient) -> None:
    first = client.get("/api/v1/incidents", params={"limit": 10}).json()
    before = [i["id"] for i in all_pages(client, "/api/v1/incidents", limit=1000)]
    with Ledger.open(db) as ledger:  # one incident before the cursor, one after everything
        ledger.add_records([town(50, dt.date(2021, 12, 1)), town(51, dt.date(2023, 1, 1))])
        ledger.resolve()
    rest = [i["id"] for i in all_pages(client, "/api/v1/incidents", limit=4, cursor=first["next_cursor"])]
    after = [i["id"] for i in all_pages(client, "/api/v1/incidents", limit=1000)]
    assert len(after) == len(before) + 2
    assert rest == [*before[10:], after[-1]]
    assert after[0] not in rest + [i["id"] for i in first["items"]]


def test_downloads(client: TestClient) -> None:
    geo = client.get("/api/v1/incidents", params={"format": "geojson", "country": "KZ"})
    assert geo.headers["content-type"].startswith("application/geo+json")
    assert "attachment" in geo.headers["content-disposition"]
    fc = geo.json()
    assert fc["type"] == "FeatureCollection" and [f["id"] for f in fc["features"]] == [1, 6]
    almaty = fc["features"][1]
    assert almaty["type"] == "Feature" and almaty["geometry"] == {
        "type": "Point",
        "coordinates": [76.92, 43.25],
    }
    assert almaty["properties"]["sub_event_type"] == "Peaceful protest"
    lines = client.get("/api/v1/incidents", params={"format": "jsonl"}).text.splitlines()
    assert len(lines) == 3 + TOWNS and json.loads(lines[0])["id"] == 1  # downloads are not paged
    rows = list(
        csv.DictReader(
            io.StringIO(client.get("/api/v1/incidents", params={"format": "csv", "country": "KG"}).text)
        )
    )
    assert [(r["event_id_cnty"], r["location"], r["fatalities"]) for r in rows] == [("CL5", "Bishkek", "2")]
    part = client.get("/api/v1/incidents", params={"format": "jsonl", "limit": 2})
    assert len(part.text.splitlines()) == 2 and part.headers["x-next-cursor"]


def test_incident_detail_and_404(client: TestClient) -> None:
    inc = client.get("/api/v1/incidents/1").json()
    assert {a["id"] for a in inc["articles"]} == {"kz-07jan", "kz-10jan", "kz-15jan", "kz-later"}
    assert "text" in inc["articles"][0] and "minhash" not in inc["articles"][0]
    assert len(inc["events"]) == 4
    assert sorted(f["value"] for f in inc["figures"] if f["kind"] == "killed") == [26, 103, 164, 225, 238]
    assert [e["value"] for e in inc["timeline"]["killed"]] and inc["timeline"]["injured"][0]["value"] == 2200
    assert [c["speaker"] for c in inc["claims"]] == ["Interior Ministry"]
    assert [(b["country_code"], b["start"]) for b in inc["blackouts"]] == [("KZ", "2022-01-05")]
    assert inc["merge_explanation"] == inc["reasons"] and inc["reasons"]
    single = client.get("/api/v1/incidents/5").json()
    assert single["merge_explanation"] == ["a single event: nothing was merged"] and single["blackouts"] == []
    missing = client.get("/api/v1/incidents/999")
    assert missing.status_code == 404 and missing.json() == {"detail": "no incident 999"}
    assert client.get("/api/v1/incidents/abc").status_code == 422


def test_other_lists(client: TestClient) -> None:
    arts = all_pages(client, "/api/v1/articles", limit=5)
    assert (
        len(arts) == 6 + TOWNS and "text" not in arts[0] and "record" not in arts[0]
    )  # wire copy is an alias
    assert client.get("/api/v1/articles/kg-riot").json()["text"] == "Clashes in Bishkek left two dead."
    assert client.get("/api/v1/articles/nope").status_code == 404
    assert [a["id"] for a in client.get("/api/v1/articles", params={"q": "Bishkek"}).json()["items"]] == [
        "kg-riot"
    ]
    events = all_pages(client, "/api/v1/events", limit=3)
    assert len(events) == 6 + TOWNS and [e["id"] for e in events] == sorted(e["id"] for e in events)
    assert [e["place"] for e in client.get("/api/v1/events", params={"country": "kg"}).json()["items"]] == [
        "Bishkek"
    ]
    killed = all_pages(client, "/api/v1/figures", kind="killed", limit=4)
    assert {f["value"] for f in killed} >= {26, 164, 225, 238} and all(f["kind"] == "killed" for f in killed)
    assert [c["article_id"] for c in client.get("/api/v1/claims").json()["items"]] == ["kz-07jan"]
    outages = client.get("/api/v1/blackouts", params={"country": "KZ", "since": "2022-01-08"}).json()
    assert [(b["services"], b["end"]) for b in outages["items"]] == [(["mobile"], "2022-01-10")]
    assert client.get("/api/v1/blackouts", params={"since": "2022-02-01"}).json()["items"] == []


GOOD = {"id": "web-1", "published": "2022-01-06T09:30:00", "source": "Test desk",
        "text": "Police said three protesters were killed in Almaty during clashes on Tuesday.",
        "title": "Clashes in Almaty"}  # fmt: skip


def test_post_needs_a_token(db: str, client: TestClient) -> None:
    assert client.post("/api/v1/articles", json=GOOD).status_code == 401
    wrong = client.post("/api/v1/articles", json=GOOD, headers={"Authorization": "Bearer clt_wrong"})
    assert wrong.status_code == 401 and wrong.headers["www-authenticate"] == "Bearer"
    assert client.get("/api/v1/articles/web-1").status_code == 404  # nothing stored


def test_post_stores_good_items_and_reports_bad_ones(db: str, client: TestClient) -> None:
    auth = {"Authorization": f"Bearer {create_token(default_path(db))}"}
    batch = [{"id": "web-bad", "published": "2022-13-45"}, GOOD]
    resp = client.post("/api/v1/articles", json=batch, headers=auth)
    assert resp.status_code == 200, resp.text
    body = resp.json()
    assert body["stored"] == 1 and [r["status"] for r in body["items"]] == ["invalid", "added"]
    bad, good = body["items"]
    assert bad["id"] == "web-bad" and {e["loc"][0] for e in bad["errors"]} == {"text", "published"}
    assert (
        good["record"]["main_event"]["place"] == "Almaty" and good["record"]["main_event"]["fatalities"] == 3
    )
    assert good["record"]["figures"] >= 1 and len(good["incident_ids"]) == 1
    stored = client.get("/api/v1/articles/web-1").json()
    assert stored["published"] == "2022-01-06" and stored["source"] == "Test desk"
    inc = client.get(f"/api/v1/incidents/{good['incident_ids'][0]}").json()
    assert "web-1" in inc["article_ids"]
    again = client.post("/api/v1/articles", json=[GOOD, GOOD], headers=auth).json()
    assert again["stored"] == 0 and [r["status"] for r in again["items"]] == ["already_stored"] * 2
    none_valid = client.post("/api/v1/articles", json={"text": "no id"}, headers=auth)
    assert none_valid.status_code == 422 and none_valid.json()["items"][0]["errors"][0]["loc"] == ["id"]
    assert client.post("/api/v1/articles", json="just a string", headers=auth).status_code == 422


def test_auth_reads(db: str) -> None:
    token = create_token(default_path(db))
    with TestClient(create_app(db, ApiSettings(auth_reads=True))) as c:
        assert c.get("/api/v1/incidents").status_code == 401
        assert ids(c.get("/api/v1/incidents", params={"country": "KG"}, headers={
            "Authorization": f"Bearer {token}"})) == [5]  # fmt: skip


def test_token_create_stores_only_a_hash(tmp_path: Path) -> None:
    db = str(tmp_path / "l.db")
    result = CliRunner().invoke(main, ["token", "create", "--db", db, "--name", "ci"])
    assert result.exit_code == 0, result.output
    token = result.stdout.strip().splitlines()[0]
    saved = (tmp_path / "l.db.tokens.json").read_text()
    assert token.startswith("clt_") and token not in saved and json.loads(saved)["tokens"][0]["name"] == "ci"
    assert oct((tmp_path / "l.db.tokens.json").stat().st_mode & 0o777) == "0o600"


def same_json_as_dicts(db: str) -> None:
    """The database-built JSON page is exactly the Python dicts of the same rows, cursor included."""
    with Ledger.open(db) as ledger, ledger.engine.connect() as conn:
        for f, cursor in ((Filters(), None), (Filters(country="KZ"), None), (Filters(min_killed=1), None)):
            for limit in (1000, 2):
                body = json.loads(queries.incident_page_json(conn, f, None, cursor, limit))
                page = queries.incident_page(conn, f, None, cursor, limit)
                assert body == {"items": page.items, "next_cursor": page.next_cursor}
                assert body["items"] and all(i["location"] for i in body["items"])
        killed = [i for i in queries.incident_page(conn, Filters(), None, None, None).items if i["timeline"]]
        assert killed and killed[0]["timeline"]["killed"]  # the summaries are not empty ones


def test_json_page_is_built_by_the_database(db: str) -> None:
    same_json_as_dicts(db)


@pytest.mark.postgres
def test_postgres_filters_and_pages() -> None:
    if not server_available():
        pytest.skip("PostgreSQL on 127.0.0.1:5432 is unreachable")
    with pg_schema() as url:
        fill(url, towns=7)
        settings = ApiSettings(tokens_path=None)
        with TestClient(create_app(url, settings)) as c:
            everything = ids(c.get("/api/v1/incidents"))
            assert len(everything) == 10
            assert [i["id"] for i in all_pages(c, "/api/v1/incidents", limit=3)] == everything
            assert ids(c.get("/api/v1/incidents", params={"country": "KG"})) == [5]
            assert ids(c.get("/api/v1/incidents", params={"lat": 43.25, "lon": 76.92, "radius_km": 20})) == [
                6
            ]
            assert c.get("/api/v1/incidents/1").json()["blackouts"][0]["country_code"] == "KZ"
        same_json_as_dicts(url)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_serve_prints_its_address_and_answers(db: str) -> None:
    port = _free_port()
    cmd = [sys.executable, "-m", "crisisledger.cli", "serve", "--db", db, "--port", str(port)]
    code = "from crisisledger.cli import main; main()"
    proc = subprocess.Popen([sys.executable, "-c", code, *cmd[3:]], stdout=subprocess.PIPE, text=True,
                            start_new_session=True)  # fmt: skip
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        assert f"http://127.0.0.1:{port}/api/v1/" in line
        deadline = time.monotonic() + 30
        while True:
            try:
                resp = httpx.get(f"http://127.0.0.1:{port}/api/v1/incidents", params={"country": "KG"})
                break
            except httpx.TransportError:
                assert time.monotonic() < deadline, "server did not start"
                time.sleep(0.2)
        assert ids(resp) == [5]
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=10)


def test_map_rows_for_the_dashboard(client: TestClient) -> None:
    body = client.get("/api/v1/map", params={"country": "KZ"}).json()
    assert body["columns"][:3] == ["id", "lat", "lon"] and body["truncated"] is False
    rows = [dict(zip(body["columns"], r, strict=True)) for r in body["rows"]]
    assert [(r["place"], r["killed"], r["date_start"]) for r in rows] == [
        ("Kazakhstan", 238, "2022-01-05"), ("Almaty", 0, "2022-03-12")]  # fmt: skip
    assert len(client.get("/api/v1/map").json()["rows"]) == 3 + TOWNS
    assert len(client.get("/api/v1/map", params={"type": "Riots", "q": "Bishkek"}).json()["rows"]) == 1


def test_timeline_aggregates_per_day_and_type(client: TestClient) -> None:
    days = client.get("/api/v1/timeline", params={"until": "2022-02-01"}).json()["days"]
    assert days == [
        ["2022-01-05", "Riots", 2, 240],
        ["2022-02-01", "Protests", 3, 3],
    ]  # towns 0, 1, 2 killed 0+1+2


def test_ledger_blackouts_carry_the_numeric_country_code(client: TestClient) -> None:
    items = client.get("/api/v1/ledger-blackouts").json()["items"]
    assert [(b["country_code"], b["numeric"], b["start"], b["end"]) for b in items] == [
        ("KZ", "398", "2022-01-05", "2022-01-10")]  # fmt: skip
    assert items[0]["incident_ids"] == [1]
    assert client.get("/api/v1/ledger-blackouts", params={"country": "KG"}).json()["items"] == []


def test_extract_is_a_dry_run_with_highlights(db: str, client: TestClient) -> None:
    text = "Police said two protesters were killed in Almaty on Monday."
    assert client.post("/api/v1/extract", json={"text": text}).status_code == 401
    token = create_token(default_path(db))
    before = client.get("/api/v1/articles").json()["items"]
    resp = client.post("/api/v1/extract", json={"text": text, "published": "2022-03-14"},
                       headers={"Authorization": f"Bearer {token}"})  # fmt: skip
    assert resp.status_code == 200, resp.text
    body = resp.json()
    assert body["record"]["main_event"]["fatalities"] == 2
    marks = {(h["kind"], text[h["start"] : h["end"]]) for h in body["highlights"]}
    assert ("place", "Almaty") in marks and any(k == "figure" and "two" in s for k, s in marks)
    assert client.get("/api/v1/articles").json()["items"] == before
