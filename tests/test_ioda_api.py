"""IODA API v2 client and detector, on envelopes written in the API's documented shape."""

from __future__ import annotations

import http.server
import json
import threading
import urllib.parse
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import crisisledger.cli.ioda_cmd  # noqa: F401  (registers the command until the lead does)
from crisisledger.cli import main
from crisisledger.ingest.ioda_api import RULES, IodaError, Series, alerts, detect, parse_signals

FIXTURE = Path(__file__).parent / "fixtures_ioda" / "signals_small.json"
T0 = 1_641_081_600  # 2022-01-02 00:00 UTC
HOUR = 3600


def envelope(*series: dict[str, Any], error: str | None = None) -> dict[str, Any]:
    """A `signals/raw` answer: the documented envelope around one entity's list of series."""
    return {"type": "signals", "metadata": {"requestTime": "x", "responseTime": "x"}, "requestParameters": {},
            "error": error, "perf": None, "data": [list(series)], "copyright": "test"}  # fmt: skip


def series(datasource: str, values: list[float | None], step: int = 300, start: int = T0,
           code: str = "KZ", name: str = "Kazakhstan", etype: str = "country") -> dict[str, Any]:  # fmt: skip
    return {"entityType": etype, "entityCode": code, "entityName": name, "entityFqid": f"x.{code}",
            "datasource": datasource, "subtype": "", "from": start, "until": start + step * len(values),
            "step": step, "nativeStep": step, "values": values}  # fmt: skip


def steady(n: int, level: float) -> list[float | None]:
    return [level] * n


def one(datasource: str, values: list[float | None], step: int = 300) -> Series:
    return parse_signals(envelope(series(datasource, values, step)))[0]


def test_parse_fixture_keeps_scalar_series_and_nulls() -> None:
    parsed = parse_signals(json.loads(FIXTURE.read_text()))
    assert [s.datasource for s in parsed] == ["bgp", "ping-slash24", "merit-nt"]  # nested loss series skipped
    bgp = parsed[0]
    assert (bgp.entity_code, bgp.entity_name, bgp.start, bgp.step) == ("KZ", "Kazakhstan", 1641427200, 300)
    assert bgp.values == [5120.0, 5118.0, None, 2210.0, 2190.0, 5101.0]
    assert bgp.points()[3] == (1641428100, 2210.0)


def test_parse_error_envelope() -> None:
    with pytest.raises(IodaError, match="boom"):
        parse_signals(envelope(error="boom"))
    with pytest.raises(IodaError, match="no data"):
        parse_signals({"error": None, "data": None})


def test_bgp_drop_is_one_critical_outage() -> None:
    day = 288  # five-minute values
    values = steady(day, 5000) + steady(24, 1500) + steady(12, 5000)  # two hours at 30 %
    outages = detect([one("bgp", values)])
    assert len(outages) == 1
    o = outages[0]
    assert (o.start, o.end, o.level, o.signals, o.ongoing) == (T0 + day * 300, T0 + (day + 24) * 300,
                                                               "critical", ["bgp"], False)  # fmt: skip
    b = o.to_blackout()
    assert (b.country_code, b.status, str(b.start), str(b.end), b.duration_hours) == (
        "KZ", "restored", "2022-01-03", "2022-01-03", 2.0)  # fmt: skip
    assert (b.services, b.reported_by, b.area) == (["bgp"], "IODA", None)


def test_thresholds_per_signal() -> None:
    bgp = one("bgp", [*steady(288, 5000), 4940])  # 98.8 %: below 99 %
    assert [(a.level, a.median) for a in alerts(bgp)] == [("warning", 5000.0)]
    assert detect([bgp], min_level="critical") == []
    tele = [[*steady(7 * 288, 800), v] for v in (240, 160, 60)]  # 30 %, 20 %, 7.5 % of the median
    assert [[a.level for a in alerts(one("merit-nt", t))] for t in tele] == [[], ["warning"], ["critical"]]
    ping = [[*steady(7 * 144, 40000), v] for v in (33000, 30000, 19000)]  # 82.5 %, 75 %, 47.5 %
    levels = [[a.level for a in alerts(one("ping-slash24", p, 600))] for p in ping]
    assert levels == [[], ["warning"], ["critical"]]
    assert RULES["ping-slash24"].history == 7 * 24 * HOUR and RULES["bgp"].history == 24 * HOUR


def test_no_alert_before_half_a_window_of_history() -> None:
    ping = one("ping-slash24", [*steady(144, 40000), 1000], 600)  # one day: less than 3.5 days
    assert alerts(ping) == []


def test_long_outage_does_not_become_the_new_normal() -> None:
    # Five days at 20 % of normal in active probing: one outage over all of it (alerted values stay
    # out of the history), then restored.
    values = steady(7 * 144, 40000) + steady(5 * 144, 8000) + steady(6, 40000)
    outages = detect([one("ping-slash24", values, 600)])
    assert len(outages) == 1
    assert (outages[0].end - outages[0].start) == 5 * 24 * HOUR and outages[0].level == "critical"


def test_signals_overlapping_merge_and_nulls_do_not_split() -> None:
    base = 288
    bgp = steady(base, 5000) + steady(24, 2000) + steady(36, 5000)  # 24:00-26:00 after T0
    bgp[base + 5] = None  # a gap inside the outage
    tele = steady(7 * 288 - base, 800) + steady(base, 800) + steady(6, 800) + steady(30, 50) + steady(12, 800)
    tele_start = T0 - (7 * 288 - base) * 300  # a week of telescope history before T0
    parsed = parse_signals(envelope(series("bgp", bgp), series("merit-nt", tele, start=tele_start)))
    outages = detect(parsed)
    assert len(outages) == 1
    o = outages[0]
    assert o.signals == ["bgp", "merit-nt"]
    assert (o.start, o.end) == (T0 + base * 300, T0 + (base + 36) * 300)  # telescope ends at +3 h
    assert o.to_blackout().services == ["bgp", "telescope"]


def test_outage_ongoing_at_the_end_and_since() -> None:
    values = steady(288, 5000) + steady(6, 100)
    o = detect([one("bgp", values)])[0]
    assert o.ongoing and o.to_blackout().status == "ongoing" and o.to_blackout().end is None
    assert detect([one("bgp", values)], since=T0 + 300 * 1000) == []


@pytest.fixture()
def api() -> Iterator[str]:
    """A stand-in for the API on 127.0.0.1: a BGP drop for KZ, steady other signals."""
    requests: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            requests.append(self.path)
            url = urllib.parse.urlparse(self.path)
            q = dict(urllib.parse.parse_qsl(url.query))
            start, ds = int(q["from"]), q["datasource"]
            n = (int(q["until"]) - start) // 300
            values: list[float | None] = steady(n, 5000)
            if ds == "bgp":
                drop = (T0 + 2 * 86400 + 10 * HOUR - start) // 300  # 4 Jan 10:00 for two hours
                values[drop : drop + 24] = steady(24, 1000)
            body = json.dumps(envelope(series(ds, values, start=start))).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}/v2"
    server.shutdown()
    server.server_close()
    assert any("/signals/raw/country/KZ?" in r for r in requests)


def test_command_detects_and_stores(api: str, tmp_path: Path) -> None:
    db = tmp_path / "ledger.db"
    args = ["ioda", "kz", "--since", "2022-01-03", "--until", "2022-01-05", "--api", api]
    result = CliRunner().invoke(main, [*args, "--json", "--db", str(db)])
    assert result.exit_code == 0, result.output
    blackouts = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert len(blackouts) == 1
    b = blackouts[0]
    keys = ("country_code", "start", "end", "duration_hours", "services", "reported_by")
    assert [b[k] for k in keys] == ["KZ", "2022-01-04", "2022-01-04", 2.0, ["bgp"], "IODA"]
    assert "stored: 1 added" in result.output
    again = CliRunner().invoke(main, [*args, "--db", str(db)])
    assert again.exit_code == 0 and "Kazakhstan: 2022-01-04 10:00 .. 2022-01-04 12:00 UTC" in again.output
    assert "stored: 0 added, 1 already" in again.output


def test_command_without_network_fails_clearly() -> None:
    args = ["ioda", "KZ", "--since", "2022-01-03", "--until", "2022-01-05", "--api", "http://127.0.0.1:9/v2"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1
    assert "cannot reach the IODA API" in result.output and "needs network access" in result.output
    assert "Traceback" not in result.output and not isinstance(result.exception, IodaError)
