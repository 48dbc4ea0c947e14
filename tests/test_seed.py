"""The mission's own document, read right (skipped when ../shared/seed is absent)."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys

import pytest

from conftest import km_between, shared_path

PUBLISHED = "2022-01-10"


@pytest.fixture(scope="module")
def record() -> dict:
    seed = shared_path("seed", "000_28c105c8d7f57bb3.txt")
    out = subprocess.run(
        [sys.executable, "-m", "crisisledger", "extract", "--published", PUBLISHED, str(seed)],
        capture_output=True,
        text=True,
        check=True,
    )
    (line,) = out.stdout.splitlines()
    return json.loads(line)


def _figures(record: dict, kind: str) -> list[dict]:
    return [f for f in record["figures"] if f["kind"] == kind]


def test_main_event(record):
    main = record["main_event"]
    assert main["event_type"] == "Riots"
    assert main["location"]["country_code"] == "KZ"
    assert dt.date(2022, 1, 2) <= dt.date.fromisoformat(main["date"]) <= dt.date(2022, 1, 10)
    assert (main["fatalities"], main["injured"], main["arrested"]) == (164, 2200, 8000)


def test_figures(record):
    killed = {f["value"]: f for f in _figures(record, "killed")}
    assert set(killed) == {164, 103, 3}
    assert killed[164]["qualifier"] == "at_least" and killed[164]["location"] is None
    assert killed[164]["attributed_to"] == "Ministry of Health (Kazakhstan)"
    assert killed[103]["location"] == "Almaty"
    assert killed[3]["group"] == "children"
    (injured,) = _figures(record, "injured")
    assert (injured["value"], injured["qualifier"]) == (2200, "more_than")
    (arrested,) = _figures(record, "arrested")
    assert (arrested["value"], arrested["qualifier"]) == (8000, "almost")


def test_blackout(record):
    (blackout,) = record["blackouts"]
    assert (blackout["country_code"], blackout["area"], blackout["status"]) == ("KZ", "Almaty", "restored")
    assert blackout["duration_hours"] == 120
    assert dt.date(2022, 1, 9) <= dt.date.fromisoformat(blackout["end"]) <= dt.date(2022, 1, 10)
    assert blackout["reported_by"] == "NetBlocks"


def test_diplomatic_event(record):
    diplomatic = [e for e in record["events"] if e["sub_event_type"] == "Diplomatic event"]
    assert len(diplomatic) == 1
    start, end = diplomatic[0]["evidence"]["start"], diplomatic[0]["evidence"]["end"]
    evidence = seed_text()[start:end]
    assert "summit" in evidence.lower() and "collective security" in evidence.lower()


def test_claims(record):
    by_speaker: dict[str, list[dict]] = {}
    for claim in record["claims"]:
        by_speaker.setdefault(claim["speaker"], []).append(claim)
    tokayev = " ".join((c["quote"] or "") + " " + c["statement"] for c in by_speaker["Kassym-Jomart Tokayev"])
    assert "coup attempt" in tokayev and "foreign militants" in tokayev
    assert any(c["reported_by"] == "Sputnik" for c in by_speaker["Vladimir Putin"])


def test_almaty_geocoded(record):
    almaty = [e["location"] for e in record["events"] if e["location"] and e["location"]["name"] == "Almaty"]
    assert almaty, "no event located in Almaty"
    assert km_between(almaty[0]["lat"], almaty[0]["lon"], 43.25, 76.92) < 25


def seed_text() -> str:
    return shared_path("seed", "000_28c105c8d7f57bb3.txt").read_text(encoding="utf-8")
