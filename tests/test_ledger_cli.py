"""Ledger commands: ingest (extraction stubbed by hand-built records), incidents, incident, merge, split."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from crisisledger import pipeline
from crisisledger.cli import main
from crisisledger.model import Article, Record
from crisisledger.store.testing import kazakhstan_items


@pytest.fixture
def setup(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[CliRunner, Path, Path, list[str]]:
    items = kazakhstan_items()
    records = {a.id: r for a, r in items}
    extracted: list[str] = []

    def fake_extract(articles: list[Article]) -> list[Record]:
        extracted.extend(a.id for a in articles)
        return [records[a.id] for a in articles]

    monkeypatch.setattr(pipeline, "extract_batch_safely", fake_extract)
    monkeypatch.delenv("CRISISLEDGER_DB", raising=False)
    source = tmp_path / "articles.jsonl"
    source.write_text(
        "".join(
            json.dumps({"id": a.id, "text": a.text, "published": str(a.published), "source": a.source}) + "\n"
            for a, _ in items
        )
    )
    return CliRunner(), tmp_path / "l.db", source, extracted


def _incidents(runner: CliRunner, db: Path, *args: str) -> list[dict]:
    result = runner.invoke(main, ["incidents", "--db", str(db), "--format", "jsonl", *args])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.output.splitlines()]


def test_ingest_twice_extracts_once(setup: tuple) -> None:
    runner, db, source, extracted = setup
    first = runner.invoke(main, ["ingest", str(source), "--db", str(db)])
    assert first.exit_code == 0, first.output
    assert "6 articles added, 1 same text under another id" in first.output
    assert "3 incidents" in first.output
    second = runner.invoke(main, ["ingest", str(source), "--db", str(db)])
    assert (
        second.exit_code == 0 and "0 articles added" in second.output and "7 already stored" in second.output
    )
    assert len(extracted) == 6  # the wire copy and the second run were never extracted
    found = _incidents(runner, db, "--country", "KZ", "--min-killed", "100")
    assert len(found) == 1
    kz = found[0]
    for key in (
        "id",
        "event_type",
        "sub_event_type",
        "date_start",
        "date_end",
        "location",
        "article_ids",
        "fatalities",
        "injured",
        "arrested",
        "ranges",
        "latest_official",
        "timeline",
    ):
        assert key in kz
    assert kz["fatalities"] == 238 and [e["value"] for e in kz["timeline"]["killed"]] == [26, 164, 225, 238]


def test_env_var_selects_the_database(setup: tuple, monkeypatch: pytest.MonkeyPatch) -> None:
    runner, db, source, _ = setup
    monkeypatch.setenv("CRISISLEDGER_DB", str(db))
    assert runner.invoke(main, ["ingest", str(source)]).exit_code == 0
    assert db.exists()


def test_formats_and_incident_why(setup: tuple) -> None:
    runner, db, source, _ = setup
    runner.invoke(main, ["ingest", str(source), "--db", str(db)])
    table = runner.invoke(main, ["incidents", "--db", str(db)])
    assert table.exit_code == 0 and "Violent demonstration" in table.output
    out = runner.invoke(main, ["incidents", "--db", str(db), "--format", "csv", "--country", "KZ"]).output
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["fatalities"] for r in rows] == ["238", "0"]
    assert rows[0]["source"] == "Outlet A; Outlet B; Outlet C; Outlet D" and rows[0]["iso"] == "KZ"
    geo = json.loads(runner.invoke(main, ["incidents", "--db", str(db), "--format", "geojson"]).output)
    assert len(geo["features"]) == 3 and geo["features"][0]["geometry"]["type"] == "Point"
    kz_id = _incidents(runner, db, "--min-killed", "100")[0]["id"]
    why = runner.invoke(main, ["incident", str(kz_id), "--db", str(db), "--why"])
    assert why.exit_code == 0 and "Almaty is in Kazakhstan" in why.output and "part: 103" in why.output
    assert runner.invoke(main, ["incident", "999", "--db", str(db)]).exit_code != 0


def test_merge_and_split_survive_reingest(setup: tuple) -> None:
    runner, db, source, _ = setup
    runner.invoke(main, ["ingest", str(source), "--db", str(db)])
    kz = _incidents(runner, db, "--min-killed", "100")[0]
    kg = _incidents(runner, db, "--country", "KG")[0]
    split = runner.invoke(main, ["split", str(kz["id"]), str(kz["event_ids"][1]), "--db", str(db)])
    assert split.exit_code == 0, split.output
    merge = runner.invoke(main, ["merge", str(kz["id"]), str(kg["id"]), "--db", str(db)])
    assert merge.exit_code == 0, merge.output
    runner.invoke(main, ["ingest", str(source), "--db", str(db)])
    by_event = {e: i["id"] for i in _incidents(runner, db) for e in i["event_ids"]}
    assert by_event[kz["event_ids"][1]] != by_event[kz["event_ids"][0]]
    assert by_event[kg["event_ids"][0]] == by_event[kz["event_ids"][0]]
    bad = runner.invoke(main, ["split", str(kz["id"]), "999", "--db", str(db)])
    assert bad.exit_code != 0 and "not in incident" in bad.output
