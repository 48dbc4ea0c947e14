"""Resolution: places, incident merging, figure reconciliation, and the Kazakhstan example end to end."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from crisisledger.model import Location
from crisisledger.resolve.figures import Report, summarise_kind
from crisisledger.resolve.incidents import EventNode, cluster
from crisisledger.resolve.places import compare
from crisisledger.resolve.textdup import text_hash
from crisisledger.store import Ledger
from crisisledger.store.testing import ALMATY, ASTANA, BISHKEK, KAZAKHSTAN, kazakhstan_items

D = dt.date.fromisoformat


@pytest.fixture
def ledger(tmp_path: Path) -> Ledger:
    ledger = Ledger.open(tmp_path / "kz.db")
    ledger.add_records(kazakhstan_items())
    ledger.resolve()
    return ledger


def test_kazakhstan_reports_become_one_incident(ledger: Ledger) -> None:
    incidents = {i["article_ids"][0]: i for i in ledger.incidents()}
    assert sorted(incidents) == ["kg-riot", "kz-07jan", "kz-march"]
    kz = incidents["kz-07jan"]
    assert kz["article_ids"] == ["kz-07jan", "kz-10jan", "kz-10jan-wire", "kz-15jan", "kz-later"]
    assert (kz["event_type"], kz["sub_event_type"]) == ("Riots", "Violent demonstration")
    assert kz["location"]["name"] == "Kazakhstan" and kz["date_start"] == "2022-01-05"
    killed = kz["timeline"]["killed"]
    assert [(e["value"], e["date"], e["authority"], e["outlet"]) for e in killed] == [
        (26, "2022-01-07", "Interior Ministry (Kazakhstan)", "Outlet A"),
        (164, "2022-01-09", "Ministry of Health (Kazakhstan)", "Outlet B"),
        (225, "2022-01-15", "Prosecutor General's Office", "Outlet C"),
        (238, "2022-08-20", "Prosecutor General's Office", "Outlet D"),
    ]
    assert [(p["value"], p["location"]) for p in kz["parts"]["killed"]] == [(103, "Almaty")]
    assert (kz["fatalities"], kz["injured"], kz["arrested"]) == (238, 2200, 7000)
    assert kz["ranges"] == {"killed": [26, 238], "injured": [2200, 2200], "arrested": [7000, 8000]}
    assert kz["latest_official"]["killed"] == {
        "value": 238,
        "authority": "Prosecutor General's Office",
        "date": "2022-08-20",
    }
    assert kz["conflicts"] == {}


def test_why_explains_each_merge(ledger: Ledger) -> None:
    kz = next(i for i in ledger.incidents(country="KZ") if len(i["article_ids"]) > 1)
    detail = ledger.incident(kz["id"])
    assert detail is not None
    assert len(detail["reasons"]) == 3  # four events, three joins
    assert any("Almaty is in Kazakhstan" in r for r in detail["reasons"])
    assert [e["article_id"] for e in detail["events"]] == ["kz-07jan", "kz-10jan", "kz-15jan", "kz-later"]


def test_filters(ledger: Ledger) -> None:
    assert [i["article_ids"][0] for i in ledger.incidents(country="kg")] == ["kg-riot"]
    assert [i["article_ids"][0] for i in ledger.incidents(min_killed=100)] == ["kz-07jan"]
    assert [i["article_ids"][0] for i in ledger.incidents(event_type="Peaceful protest")] == ["kz-march"]
    assert [i["article_ids"][0] for i in ledger.incidents(since=D("2022-02-01"))] == ["kz-march"]
    near = ledger.incidents(near=(43.25, 76.92, 30.0))
    assert [i["article_ids"][0] for i in near] == ["kz-march"]
    assert [i["article_ids"][0] for i in ledger.incidents(text="final list")] == ["kz-07jan"]


def test_user_merge_and_split_survive_reingest(ledger: Ledger) -> None:
    kz = next(i for i in ledger.incidents(country="KZ") if len(i["article_ids"]) > 1)
    later_event = kz["event_ids"][-1]
    new_id = ledger.split(kz["id"], later_event)
    assert new_id == later_event
    kg = ledger.incidents(country="KG")[0]
    merged = ledger.merge(kg["id"], kz["id"])
    ledger.add_records(kazakhstan_items())  # re-ingest: nothing new, decisions still apply
    ledger.resolve()
    by_event = {e: i for i in ledger.incidents() for e in i["event_ids"]}
    assert by_event[later_event]["event_ids"] == [later_event]
    assert by_event[kg["event_ids"][0]]["id"] == merged
    assert set(by_event[kg["event_ids"][0]]["event_ids"]) == set(kz["event_ids"][:-1]) | set(kg["event_ids"])
    assert any("user decision" in r for r in ledger.incident(merged)["reasons"])  # type: ignore[index]


def test_places() -> None:
    assert compare(ALMATY, KAZAKHSTAN).ok and compare(KAZAKHSTAN, ALMATY).reason == "Almaty is in Kazakhstan"
    assert not compare(ALMATY, ASTANA).ok
    assert not compare(ALMATY, BISHKEK).ok
    near_almaty = ALMATY.model_copy(update={"name": "Talgar", "geonames_id": 1, "lat": 43.30, "lon": 77.24})
    assert compare(ALMATY, near_almaty).ok
    assert not compare(ALMATY, None).ok


def _node(i: int, article: str, date: str, loc: Location, killed: int = 0) -> EventNode:
    return EventNode(
        i, article, 0, "Riots", "Violent demonstration", D(date), location=loc, fatalities=killed
    )


def test_cluster_rules() -> None:
    country_wide = [
        _node(1, "a", "2022-01-05", KAZAKHSTAN),
        _node(2, "b", "2022-01-06", ALMATY),
        _node(3, "c", "2022-01-06", ASTANA),  # links to 1, but is far from Almaty, already joined
        _node(4, "d", "2022-01-20", KAZAKHSTAN),  # outside the date window
    ]
    assert [c.members for c in cluster(country_wide)] == [[1, 2], [3], [4]]
    same_article = [
        _node(1, "a", "2022-01-05", KAZAKHSTAN),
        EventNode(5, "a", 1, "Riots", "Violent demonstration", D("2022-01-05"), location=ALMATY),
        _node(2, "b", "2022-01-05", ALMATY),
    ]
    assert [c.members for c in cluster(same_article)] == [[1], [2, 5]]
    tolls = [
        _node(6, "e", "2022-01-05", KAZAKHSTAN, 2),
        _node(7, "f", "2022-01-05", KAZAKHSTAN, 500),
        _node(8, "g", "2022-01-05", KAZAKHSTAN, 0),
    ]
    assert [c.members for c in cluster(tolls)] == [[6, 8], [7]]
    forced = cluster(
        country_wide, must_link=[(("d", 0), ("a", 0), "user")], cannot_link=[(("a", 0), ("b", 0))]
    )
    assert [c.members for c in forced] == [[1, 4], [2], [3]]
    assert forced[0].reasons == ["user"]


def _r(value: int, date: str | None, authority: str | None = None, **kw: object) -> Report:
    return Report("killed", value, value, value, D(date) if date else None, authority, **kw)  # type: ignore[arg-type]


def test_conservative_is_lowest_official_total_of_the_latest_date() -> None:
    s = summarise_kind(
        [
            _r(40, "2022-01-03", "Police"),
            _r(35, "2022-01-03", "Ministry"),
            _r(50, "2022-01-03"),
            _r(10, "2022-01-01", "Police"),
        ],
        ["X"],
    )
    assert s.conservative == 35 and s.range == (10, 50)
    assert s.latest_official == {"value": 35, "authority": "Ministry", "date": "2022-01-03"}


def test_drop_and_disagreement_are_flagged() -> None:
    s = summarise_kind(
        [_r(100, "2022-01-01", "Ministry"), _r(20, "2022-01-04", "Police"), _r(130, "2022-01-07", "Army")],
        ["X"],
    )
    assert [e.get("flags", []) for e in s.timeline] == [[], ["drop: 20 after 100 on 2022-01-01"], []]
    assert s.conservative == 130 and s.range == (100, 130)  # the dropped figure is not credible
    t = summarise_kind([_r(100, "2022-01-01", "Ministry"), _r(300, "2022-01-02", "Opposition")], ["X"])
    assert [len(e.get("flags", [])) for e in t.timeline] == [1, 1]
    assert "disagrees: Ministry gave 100" in t.timeline[1]["flags"][0]


def test_a_lone_outlier_is_not_credible_and_makes_no_drop() -> None:
    s = summarise_kind([_r(1, "2022-01-01"), _r(17, "2022-01-03"), _r(1, "2022-01-09")], ["X"])
    flags = [e.get("flags", []) for e in s.timeline]
    assert flags == [[], ["outlier: 17 between 1 on 2022-01-01 and 1 on 2022-01-09"], []]
    assert s.conservative == 1 and s.range == (1, 1)
    confirmed = summarise_kind(
        [_r(1, "2022-01-01"), _r(17, "2022-01-03"), _r(17, "2022-01-04"), _r(1, "2022-01-09")], ["X"]
    )
    assert confirmed.conservative == 17  # a second report confirms it: the later 1 is a drop
    rising = summarise_kind([_r(1, "2022-01-01"), _r(17, "2022-01-03")], ["X"])
    assert rising.conservative == 17  # no later report below it: a toll that rose


def test_parts_are_kept_apart_from_totals() -> None:
    s = summarise_kind(
        [
            _r(164, "2022-01-09", location="Kazakhstan"),
            _r(103, "2022-01-09", location="Almaty"),
            _r(3, "2022-01-09", group="children"),
        ],
        ["Kazakhstan"],
    )
    assert [e["value"] for e in s.timeline] == [164]
    assert sorted(p["value"] for p in s.parts) == [3, 103]
    assert s.conservative == 164


def test_text_hash_ignores_case_spacing_and_punctuation() -> None:
    assert text_hash("Five people  died, police said.") == text_hash("five people died -- Police said!")
    assert text_hash("Five people died.") != text_hash("Six people died.")


def test_smaller_figure_of_the_same_report_is_a_part() -> None:
    same = {"article_id": "x"}
    s = summarise_kind(
        [_r(164, None, **same), _r(103, None, location="Almaty", **same)], ["Almaty", "Kazakhstan"]
    )
    assert [e["value"] for e in s.timeline] == [164] and [p["value"] for p in s.parts] == [103]
    other = summarise_kind(
        [_r(26, "2022-01-07", "Government", **same), _r(200, "2022-01-07", "Opposition", **same)], ["X"]
    )
    assert other.conservative == 26 and [e["value"] for e in other.timeline] == [26, 200]
