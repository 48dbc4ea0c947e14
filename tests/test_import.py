"""`crisisledger import acled|gdelt`: conversion of hand-written rows and storage in a temp ledger."""

from __future__ import annotations

import datetime as dt
import gzip
import json
from pathlib import Path

from click.testing import CliRunner

from crisisledger.cli import main
from crisisledger.ingest.acled import convert, read_acled
from crisisledger.ingest.gdelt import COLUMNS, cameo_to_acled, read_gdelt
from crisisledger.store import Ledger

NEW_HEADER = (
    "event_id_cnty,event_date,year,time_precision,event_type,sub_event_type,actor1,assoc_actor_1,"
    "actor2,country,admin1,admin2,location,latitude,longitude,geo_precision,source,notes,fatalities"
)
NEW_ROWS = [
    "XYZ101,12 March 2021,2021,1,Battles,Armed clash,Militia A,,Army B,Kenya,Nairobi,Westlands,Kangemi,"
    '-1.26,36.75,1,Daily Paper,"Two armed groups exchanged fire near a market, three people died.",3',
    "XYZ102,13-Mar-21,2021,2,Protests,Peaceful protest,Protesters (Kenya),Teachers (Kenya),,Kenya,Mombasa,,"
    'Mombasa,-4.05,39.67,3,Coast Radio,"Teachers marched over unpaid wages.",0',
    'XYZ103,not a date,2021,1,Riots,Mob violence,Rioters (Kenya),,,Kenya,,,Kisumu,-0.1,34.75,1,X,"Crowd.",0',
    'XYZ104,2021-03-14,2021,1,Riots,Dance party,Rioters (Kenya),,,Kenya,,,Kisumu,-0.1,34.75,1,X,"Odd.",0',
]
OLD_HEADER = (
    "GWNO,EVENT_ID_CNTY,EVENT_ID_NO_CNTY,EVENT_DATE,YEAR,TIME_PRECISION,EVENT_TYPE,ACTOR1,"
    "ALLY_ACTOR_1,INTER1,ACTOR2,ALLY_ACTOR_2,INTER2,INTERACTION,COUNTRY,ADMIN1,ADMIN2,ADMIN3,"
    "LOCATION,LATITUDE,LONGITUDE,GEO_PRECISION,SOURCE,NOTES,FATALITIES"
)
OLD_ROWS = [
    "770,9PAK,9,02-February-2015,2015,1,Riots/Protests,Protesters (Pakistan),,6,,,0,60,Pakistan,Sindh,"
    'Karachi,,Karachi,24.86,67.01,1,Dawn,"Shopkeepers closed their stalls and rallied against a new tax.",0',
    "770,10PAK,10,03-February-2015,2015,1,Remote violence,Unidentified Armed Group (Pakistan),,3,"
    "Civilians (Pakistan),,7,37,Pakistan,Balochistan,Quetta,,Quetta,30.18,67.0,2,Dawn,"
    '"A roadside IED hit a bus, killing four.",4',
]


def _write(path: Path, lines: list[str], gz: bool = False) -> Path:
    data = "\n".join(lines) + "\n"
    if gz:
        path.write_bytes(gzip.compress(data.encode()))
    else:
        path.write_text(data, encoding="utf-8")
    return path


def _gdelt_row(gid: str, code: str, date: str = "20210312", **fields: str) -> str:
    row = dict.fromkeys(COLUMNS, "")
    row.update(GLOBALEVENTID=gid, SQLDATE=date, EventCode=code, EventRootCode=code[:2],
               Actor1Name="POLICE", Actor2Name="PROTESTER", ActionGeo_Type="4",
               ActionGeo_FullName="Nairobi, Nairobi Area, Kenya", ActionGeo_CountryCode="KE",
               ActionGeo_Lat="-1.2833", ActionGeo_Long="36.8167", DATEADDED="20210313101500",
               SOURCEURL=f"https://news.example/{gid}")  # fmt: skip
    row.update(fields)
    return "\t".join(row[c] for c in COLUMNS)


def test_acled_new_schema_rows(tmp_path: Path) -> None:
    rows = list(read_acled(_write(tmp_path / "a.csv", [NEW_HEADER, *NEW_ROWS])))
    assert [c.error for c in rows] == [None, None, "unreadable event_date 'not a date'",
                                       "unknown ACLED type 'Riots' / 'Dance party'"]  # fmt: skip
    article, record = rows[0].article, rows[0].record
    assert article is not None and record is not None
    assert article.id == "acled:XYZ101" and article.text.startswith("Two armed groups")
    ev = record.main_event
    assert ev is not None
    assert (ev.event_type, ev.sub_event_type, ev.date) == ("Battles", "Armed clash", dt.date(2021, 3, 12))
    assert ev.location is not None
    assert (ev.location.name, ev.location.country_code, ev.location.admin1, ev.location.admin2) == (
        "Kangemi",
        "KE",
        "Nairobi",
        "Westlands",
    )
    assert (ev.location.lat, ev.location.lon, ev.location.precision) == (-1.26, 36.75, "city")
    assert [(a.name, a.role) for a in ev.actors] == [("Militia A", "actor1"), ("Army B", "actor2")]
    assert ev.fatalities == 3 and ev.figures == [0]
    fig = record.figures[0]
    assert (fig.kind, fig.value, fig.attributed_to, fig.reported_by) == ("killed", 3, "ACLED", "Daily Paper")
    second = rows[1].record
    assert second is not None and second.main_event is not None
    assert second.main_event.date_precision == "week" and second.figures == []
    assert second.main_event.location is not None and second.main_event.location.precision == "admin1"
    assert [(a.name, a.role) for a in second.main_event.actors][1] == ("Teachers (Kenya)", "associated")


def test_acled_old_schema_gzip(tmp_path: Path) -> None:
    rows = list(read_acled(_write(tmp_path / "old.csv.gz", [OLD_HEADER, *OLD_ROWS], gz=True)))
    assert [c.error for c in rows] == [None, None]
    first, second = (c.record.main_event for c in rows if c.record)
    assert first is not None and second is not None
    assert (first.event_type, first.sub_event_type, first.date) == ("Protests", "Peaceful protest",
                                                                    dt.date(2015, 2, 2))  # fmt: skip
    assert (second.event_type, second.sub_event_type) == ("Explosions/Remote violence",
                                                          "Remote explosive/landmine/IED")  # fmt: skip
    assert second.fatalities == 4 and second.location is not None and second.location.precision == "admin2"
    assert rows[1].article is not None and rows[1].article.id == "acled:10PAK"


def test_acled_row_without_event_id_gets_stable_hash_id() -> None:
    row = {"event_date": "2020-01-02", "event_type": "Battles", "sub_event_type": "Armed clash",
           "location": "Somewhere", "notes": "A fight."}  # fmt: skip
    assert convert(row)[0].id == convert(dict(row))[0].id
    assert convert(row)[0].id.startswith("acled:row-")


def test_cameo_mapping() -> None:
    assert cameo_to_acled("141") == ("Protests", "Peaceful protest")
    assert cameo_to_acled("145") == ("Riots", "Violent demonstration")
    assert cameo_to_acled("173") == ("Strategic developments", "Arrests")
    assert cameo_to_acled("1831") == ("Explosions/Remote violence", "Suicide bomb")
    assert cameo_to_acled("190") == ("Battles", "Armed clash")
    assert cameo_to_acled("195") == ("Explosions/Remote violence", "Air/drone strike")
    assert cameo_to_acled("2041") == ("Explosions/Remote violence", "Chemical weapon")
    assert cameo_to_acled("042") is None


def test_gdelt_tab_export(tmp_path: Path) -> None:
    lines = [_gdelt_row("1001", "141"), _gdelt_row("1002", "042"), _gdelt_row("1003", "190", date="2021031x"),
             "1004\t20210312\tshort row"]  # fmt: skip
    rows = list(read_gdelt(_write(tmp_path / "g.export.CSV.gz", lines, gz=True)))
    assert [(c.error, c.skipped) for c in rows] == [
        (None, False), ("CAMEO 04 events have no ACLED counterpart", True),
        ("unreadable SQLDATE '2021031x'", False), ("expected 61 columns, got 3", False)]  # fmt: skip
    article, record = rows[0].article, rows[0].record
    assert article is not None and record is not None and record.main_event is not None
    assert (article.id, article.url, article.published) == ("gdelt:1001", "https://news.example/1001",
                                                            dt.date(2021, 3, 13))  # fmt: skip
    loc = record.main_event.location
    assert loc is not None
    assert (loc.name, loc.country_code, loc.country, loc.admin1, loc.precision) == (
        "Nairobi",
        "KE",
        "Kenya",
        "Nairobi Area",
        "city",
    )
    assert record.main_event.date == dt.date(2021, 3, 12)


def test_gdelt_csv_with_header(tmp_path: Path) -> None:
    header = ",".join(COLUMNS)
    row = _gdelt_row("2001", "183", ActionGeo_CountryCode="CH", ActionGeo_FullName="China",
                     ActionGeo_Type="1").replace("\t", ",")  # fmt: skip
    (c,) = read_gdelt(_write(tmp_path / "g.csv", [header, row]))
    assert c.record is not None and c.record.main_event is not None
    loc = c.record.main_event.location
    assert loc is not None and (loc.country_code, loc.precision) == ("CN", "country")  # FIPS CH is China


def test_cli_import_merges_and_is_idempotent(tmp_path: Path) -> None:
    db = str(tmp_path / "ledger.db")
    acled = _write(tmp_path / "a.csv", [NEW_HEADER, *NEW_ROWS])
    runner = CliRunner()
    result = runner.invoke(main, ["import", "acled", str(acled), "--db", db])
    assert result.exit_code == 1  # two rows failed
    assert "line 4: unreadable event_date 'not a date'" in result.output
    assert "2 events added, 0 already stored, 2 failed, 0 skipped; 2 incidents" in result.output
    again = runner.invoke(main, ["import", "acled", str(acled), "--db", db])
    assert "0 events added, 2 already stored" in again.output
    clash = _gdelt_row("3001", "190", ActionGeo_FullName="Kangemi, Nairobi, Kenya", ActionGeo_Lat="-1.26",
                       ActionGeo_Long="36.75")  # fmt: skip
    gdelt = _write(tmp_path / "g.csv", [clash])
    result = runner.invoke(main, ["import", "gdelt", str(gdelt), "--db", db])
    assert result.exit_code == 0, result.output
    assert "1 event added, 0 already stored, 0 failed, 0 skipped; 2 incidents" in result.output
    with Ledger.open(db) as ledger:
        found = ledger.incidents()
    battle = next(i for i in found if i["event_type"] == "Battles")
    assert battle["article_ids"] == ["acled:XYZ101", "gdelt:3001"]  # same clash, merged
    assert battle["fatalities"] == 3
    assert battle["timeline"]["killed"][0]["authority"] == "ACLED"
    assert json.dumps(battle)  # JSON-ready


def test_acled_same_notes_keep_both_events(tmp_path: Path) -> None:
    rows = [NEW_ROWS[1], NEW_ROWS[1].replace("XYZ102", "XYZ199").replace("Mombasa,-4.05", "Malindi,-3.2")]
    path = _write(tmp_path / "dup.csv", [NEW_HEADER, *rows])
    result = CliRunner().invoke(main, ["import", "acled", str(path), "--db", str(tmp_path / "l.db")])
    assert "2 events added" in result.output


def test_events_command_filters_and_parquet(tmp_path: Path) -> None:
    db = str(tmp_path / "ledger.db")
    runner = CliRunner()
    old = _write(tmp_path / "o.csv", [OLD_HEADER, *OLD_ROWS])
    runner.invoke(main, ["import", "acled", str(old), "--db", db])
    result = runner.invoke(main, ["events", "--db", db, "--country", "Pakistan", "--min-killed", "1",
                                  "--format", "jsonl"])  # fmt: skip
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert [(r["article_id"], r["fatalities"], r["sub_event_type"]) for r in rows] == [
        ("acled:10PAK", 4, "Remote explosive/landmine/IED")
    ]
    near = runner.invoke(main, ["events", "--db", db, "--near", "24.86,67.01,10", "--format", "csv"])
    assert near.output.splitlines()[1].split(",")[2] == "acled:9PAK"
    out = tmp_path / "ev.parquet"
    assert runner.invoke(main, ["events", "--db", db, "--format", "parquet", "-o", str(out)]).exit_code == 0
    import pyarrow.parquet as pq

    table = pq.read_table(out)
    assert table.num_rows == 2 and json.loads(table.column("location")[0].as_py())["name"] == "Karachi"
