"""Blackouts from KeepItOn / IODA CSV rows: conversion, rejections, storage, merging with text, links."""

from __future__ import annotations

import datetime as dt
import gzip
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from crisisledger.cli import main
from crisisledger.cli.import_blackouts import import_file
from crisisledger.ingest import ioda, keepiton
from crisisledger.ingest.shutdown_rows import Rejected, countries
from crisisledger.model import Blackout
from crisisledger.store import Ledger
from crisisledger.store import blackouts as store
from crisisledger.store.testing import ALMATY, KAZAKHSTAN, event, item, pg_schema, server_available

KIO_HEADER = ("start_date,country,area_name,shutdown_type,affected_network,shutdown_extent,ordered_by,"
              "actual_cause,shutdown_status,end_date,duration,facebook_affected,whatsapp_affected,"
              "info_source_link")  # fmt: skip
KIO_ROWS = [
    '2022-01-05,Kazakhstan,Nationwide,Shutdown,"Broadband, Mobile",Full network,Executive government,'
    "Protests,Ended,2022-01-11,6,No,No,https://example.org/kz",
    "2022-03-02,Kazakhstan,Almaty,Throttle,Mobile,Service-based,Unknown,Protests,Ongoing,,,Yes,Yes,",
    "2022-04-01,Atlantis,Nationwide,Shutdown,Mobile,Full network,Military,Conflict,Ended,2022-04-02,1,,,",
    "2022-05-09,Kazakhstan,Nationwide,Shutdown,Mobile,Full network,Military,Conflict,Ended,2022-05-01,1,,,",
    "not a date,Kazakhstan,Nationwide,Shutdown,Mobile,Full network,Military,Conflict,Ended,,,,,",
    "2022-06-01,Laos; Myanmar,Border towns,Shutdown,Mobile,Full network,Military,Conflict,Ended,"
    "2022-06-03,2,,,",
]
IODA_HEADER = ("ID,Begin time,End time,Country,IODA BGP visible by human,IODA AP visible by human , "
               "IODA IBR visible by human,Scope (based on granularity at which the outage appears in IODA),"
               "Region,AS,Cause,Confirmation Status,Manually verified,Grafana URLs,Notes")  # fmt: skip
IODA_ROWS = [
    'X1,"Wednesday, January 5, 2022, 6:10:00 PM","Monday, January 10, 2022, 9:00:00 AM",Kazakhstan,TRUE,'
    "True ,FALSE,Country,,,Government-Ordered,Confirmed,YES,,",
    'X2,"Tuesday, June 30, 2020, 9:30:00 PM","Tuesday, June 30, 2020, 12:20:00 AM",Iran,TRUE,TRUE,FALSE,'
    "Region (Fars),,,,,YES,,",
    'X3,"Monday, May 4, 2020, 1:00:00 PM",5/2/2020  10:00:00 AM,Iran,TRUE,TRUE,TRUE,Country,,,,,YES,,',
    'X4,"Monday, May 4, 2020, 1:00:00 PM",,European Union,TRUE,TRUE,TRUE,Country,,,,,YES,,',
    'X1,"Monday, May 4, 2020, 1:00:00 PM",,Iran,TRUE,TRUE,TRUE,Country,,,,,YES,,',
]


def write_csv(path: Path, header: str, rows: list[str]) -> Path:
    path.write_bytes(gzip.compress(("\n".join([header, *rows]) + "\n").encode()))
    return path


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def ledger(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Ledger]:
    if request.param == "sqlite":
        with Ledger.open(tmp_path / "ledger.db") as led:
            yield led
        return
    if not server_available():
        pytest.skip("PostgreSQL on 127.0.0.1:5432 is unreachable")
    with pg_schema() as url, Ledger.open(url) as led:
        yield led


def test_countries_cells() -> None:
    assert [c.code for c in countries("Laos; Myanmar")[0]] == ["LA", "MM"]
    assert [c.code for c in countries("Iran (Islamic Republic of)")[0]] == ["IR"]
    assert [c.code for c in countries("Democratic Republic of (DRC)")[0]] == ["CD"]
    assert countries("Atlantis") == ([], ["Atlantis"])


def test_keepiton_rows(tmp_path: Path) -> None:
    results = dict(keepiton.read(write_csv(tmp_path / "k.csv.gz", KIO_HEADER, KIO_ROWS)))
    kz = results[1]
    assert isinstance(kz, list) and len(kz) == 1
    b = kz[0]
    assert (b.source, b.country_code, b.area) == ("Access Now KeepItOn", "KZ", "nationwide")
    assert (b.start, b.end, b.duration_hours) == (dt.date(2022, 1, 5), dt.date(2022, 1, 11), 144.0)
    assert (b.shutdown_type, b.status, b.cause, b.ordered_by) == ("shutdown", "ended", "Protests",
                                                                 "Executive government")  # fmt: skip
    assert b.services == ["fixed", "mobile"] and b.url == "https://example.org/kz"
    almaty = results[2][0]  # type: ignore[index]
    assert almaty.area == "Almaty" and almaty.location and almaty.location["country_code"] == "KZ"
    assert almaty.services == ["mobile", "facebook", "whatsapp"] and almaty.ordered_by is None
    assert almaty.end is None and almaty.status == "ongoing"
    assert results[3] == Rejected(3, "unknown country 'Atlantis'")
    assert results[4] == Rejected(4, "end date 2022-05-01 before start date 2022-05-09")
    assert results[5] == Rejected(5, "no valid start date ('not a date')")
    assert [x.country_code for x in results[6]] == ["LA", "MM"]  # type: ignore[union-attr]


def test_ioda_rows(tmp_path: Path) -> None:
    results = dict(ioda.read(write_csv(tmp_path / "i.csv", IODA_HEADER, IODA_ROWS)))
    b = results[1][0]  # type: ignore[index]
    assert (b.source, b.source_id, b.country_code, b.area) == ("IODA", "X1", "KZ", "nationwide")
    assert (b.start, b.end, b.duration_hours) == (dt.date(2022, 1, 5), dt.date(2022, 1, 10), 110.83)
    assert b.services == ["bgp", "active_probing"] and b.ordered_by == "government"
    assert b.status == "confirmed" and b.cause == "Government-Ordered"
    fars = results[2][0]  # type: ignore[index]
    assert (
        fars.area == "Fars" and fars.end == dt.date(2020, 7, 1) and fars.duration_hours == pytest.approx(2.83)
    )
    assert results[3] == Rejected(3, "end time 2020-05-02 10:00:00 before begin time 2020-05-04 13:00:00")
    assert results[4] == Rejected(4, "unknown country 'European Union'")
    assert results[5] == Rejected(5, "duplicate ID X1")


def kz_text_item() -> tuple:
    article, record = item("kz-net", "Monitors said the Internet went dark across the country.", "2022-01-06",
                           [event("Riots", "Violent demonstration", "2022-01-05", KAZAKHSTAN)])  # fmt: skip
    blackout = Blackout(country_code="KZ", area="nationwide", status="ongoing", start=dt.date(2022, 1, 5),
                        services=["mobile"], reported_by="NetBlocks", start_char=0, end_char=20)  # fmt: skip
    return article, record.model_copy(update={"blackouts": [blackout]})


def test_store_merge_and_links(ledger: Ledger, tmp_path: Path) -> None:
    ledger.add_records([kz_text_item(),
                        item("kz-may", "A rally in Almaty.", "2022-05-20",
                             [event("Protests", "Peaceful protest", "2022-05-20", ALMATY)])])  # fmt: skip
    ledger.resolve()
    first = import_file(ledger, keepiton.read, write_csv(tmp_path / "k.csv", KIO_HEADER, KIO_ROWS))
    assert (first.rows, first.blackouts, first.added, len(first.rejected)) == (6, 4, 4, 3)
    again = import_file(ledger, keepiton.read, tmp_path / "k.csv")
    assert (again.added, again.already) == (0, 4)
    report = import_file(ledger, ioda.read, write_csv(tmp_path / "i.csv", IODA_HEADER, IODA_ROWS))
    assert (report.added, len(report.rejected)) == (2, 3)
    with ledger.engine.connect() as conn:
        kz = store.find(conn, "Kazakhstan", until=dt.date(2022, 2, 1))
        assert len(kz) == 1  # text + KeepItOn + IODA: one blackout
        b = kz[0]
        assert b["sources"] == ["Access Now KeepItOn", "IODA", "NetBlocks"]
        assert (b["start"], b["end"], b["area"]) == ("2022-01-05", "2022-01-11", "nationwide")
        assert sorted(m["kind"] for m in b["members"]) == ["record", "record", "text"]
        riot = ledger.incidents(country="KZ", until=dt.date(2022, 2, 1))[0]
        assert b["incident_ids"] == [riot["id"]]
        assert store.for_incidents(conn, [riot["id"]])[riot["id"]][0]["sources"] == b["sources"]
        march = store.find(conn, "KZ", since=dt.date(2022, 3, 1), until=dt.date(2022, 3, 31))
        assert [x["area"] for x in march] == ["Almaty"] and march[0]["incident_ids"] == []  # May is too late


def test_same_dataset_rows_are_not_merged() -> None:
    def m(i: int, start: str, source: str = "IODA", kind: str = "record") -> store.Member:
        day = dt.date.fromisoformat(start)
        return store.Member(kind, i, source, "IR", "nationwide", None, day, day)

    groups = store.cluster(
        [
            m(1, "2020-01-01"),
            m(2, "2020-01-02"),
            m(3, "2020-01-02", "Access Now KeepItOn"),
            m(4, "2020-01-03", "Outlet", "text"),
            m(5, "2020-01-09", "Outlet", "text"),
        ]
    )
    assert sorted(sorted(x.id for x in g) for g in groups) == [[1, 3, 4], [2], [5]]


def test_cli_import_and_list(tmp_path: Path) -> None:
    db = str(tmp_path / "cli.db")
    runner = CliRunner()
    res = runner.invoke(main, ["import", "keepiton", str(write_csv(tmp_path / "k.csv", KIO_HEADER, KIO_ROWS)),
                               "--db", db, "--no-progress"])  # fmt: skip
    assert res.exit_code == 0, res.output
    assert "rejected row 3: unknown country 'Atlantis'" in res.output
    assert "6 rows read: 4 blackouts (4 added, 0 already stored), 3 rows rejected" in res.output
    res = runner.invoke(main, ["blackouts", "--db", db, "--country", "KZ", "--format", "jsonl"])
    lines = [json.loads(x) for x in res.output.splitlines()]
    assert [(x["start"], x["area"]) for x in lines] == [
        ("2022-01-05", "nationwide"),
        ("2022-03-02", "Almaty"),
    ]
    res = runner.invoke(main, ["blackouts", "--db", db, "--since", "2022-05-01", "--format", "csv"])
    assert res.output.splitlines()[0] == "id,country_code,area,start,end,services,sources,incident_ids"
    assert [r.split(",")[1] for r in res.output.splitlines()[1:]] == ["LA", "MM"]
