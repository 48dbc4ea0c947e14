"""Which article figures count for an incident's tolls, and story facts read from headlines."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from crisisledger.model import Article, Figure, Location, Record
from crisisledger.resolve.figures import Report, summarise
from crisisledger.resolve.storyfacts import StoryFacts, title_case
from crisisledger.store import Ledger
from crisisledger.store.testing import event, figure, item

MILLBROOK = Location(name="Millbrook", country="United States", country_code="US", admin1="Alabama",
                     lat=32.48, lon=-86.36, precision="city", geonames_id=4077951)  # fmt: skip
TEXT = "Neighbours said the street had been quiet for years before the evening of the attack. " * 3


def _report(aid: str, published: str, figures: list[Figure], **counts: int) -> tuple[Article, Record]:
    """A report of the shooting in Millbrook on 1 May 2016 with its event's own counts and its figures."""
    attack = event("Violence against civilians", "Attack", "2016-05-01", MILLBROOK, **counts,
                   figures=list(range(len(figures))))  # fmt: skip
    return item(aid, f"{aid} {TEXT}", published, [attack], figures)


def _incident(tmp_path: Path, *items: tuple[Article, Record]) -> dict[str, Any]:
    with Ledger.open(tmp_path / "ledger.db") as ledger:
        ledger.add_records(list(items))
        ledger.resolve()
        (incident,) = ledger.incidents()
        return incident


def test_injured_is_each_reports_own_count_not_each_figure(tmp_path: Path) -> None:
    # Each report says three people were shot and one of them died: the extractor counts two wounded
    # for its event; the single figure "three people were shot" does not count for the incident.
    shot = [figure("injured", 3), figure("killed", 1)]
    first = _report("a", "2016-05-02", shot, fatalities=1, injured=2)
    second = _report("b", "2016-05-03", shot, fatalities=1, injured=2)
    incident = _incident(tmp_path, first, second)
    assert incident["article_ids"] == ["a", "b"]
    assert (incident["fatalities"], incident["injured"]) == (1, 2)
    assert [(e["value"], e["article_id"]) for e in incident["timeline"]["injured"]] == [(2, "a"), (2, "b")]


def test_a_killed_figure_above_the_reports_own_toll_is_left_out(tmp_path: Path) -> None:
    # "Nine people died in last year's attack" is recalled for context: the event's own toll is 1.
    recalled = _report("a", "2016-05-02", [figure("killed", 1), figure("killed", 9)], fatalities=1)
    incident = _incident(tmp_path, recalled)
    assert incident["fatalities"] == 1
    assert [e["value"] for e in incident["timeline"]["killed"]] == [1]


def test_a_report_without_deaths_of_its_own_gives_no_killed_figure(tmp_path: Path) -> None:
    context = _report("a", "2016-05-02", [figure("injured", 1), figure("killed", 4)], injured=1)
    incident = _incident(tmp_path, context)
    assert (incident["fatalities"], incident["injured"]) == (0, 1)
    assert "killed" not in incident["timeline"]


def test_story_facts_read_the_headline() -> None:
    body = "The boy was taken to hospital and is expected to recover, officers said on Monday."
    sentence = StoryFacts.of("a", None, body, "Boy, 9, shot by Darnell Okafor near Elm and Oak streets")
    assert sentence.names == {"darnell okafor"}
    assert sentence.ages == {9}
    assert sentence.addresses == {"elm st & oak st"}
    assert sentence.words == len(body.split())  # the headline does not make a short page long
    titled = StoryFacts.of("b", None, body, "Boy, 9, Shot By Darnell Okafor Near Elm And Oak Streets")
    assert titled.names == frozenset()  # in title case any capitalised run would read as a name
    assert titled.ages == {9}
    assert StoryFacts.of("c", None, body).ages == frozenset()


def test_title_case() -> None:
    assert title_case("Man Shot Near Elm Street In Early Hours")
    assert not title_case("Man shot near Elm Street in the early hours")
    assert not title_case("Shooting")


def test_injured_falls_when_the_wounded_die() -> None:
    day1, day2 = dt.date(2016, 5, 1), dt.date(2016, 5, 3)
    first = [Report("injured", 2, 2, 2, day1, article_id="a")]
    died = [Report("injured", 1, 1, 1, day2, article_id="b"), Report("killed", 1, 1, 1, day2, article_id="b")]
    summary = summarise(first + died, ["Millbrook"])
    assert summary["injured"].conservative == 1  # one of the two wounded died: not a drop
    assert summary["injured"].conflicts == []
    fewer = [Report("injured", 1, 1, 1, day2, article_id="b")]  # no death to explain it: a drop
    summary = summarise(first + fewer, ["Millbrook"])
    assert summary["injured"].conservative == 1  # still credible: the wounded are counted down
    assert summary["injured"].conflicts[0]["flags"] == ["drop: 1 after 2 on 2016-05-01"]
    earlier = [Report("killed", 1, 1, 1, day1, article_id="a")]  # the death was known already
    assert summarise(first + earlier + died, ["Millbrook"])["injured"].conflicts[0]["flags"] == [
        "drop: 1 after 2 on 2016-05-01"
    ]


def test_a_lower_later_injured_count_is_a_revision_but_a_lower_death_toll_is_not() -> None:
    day1, day2 = dt.date(2016, 5, 1), dt.date(2016, 5, 2)
    for kind, expected in (("injured", 0), ("killed", 3)):
        reports = [Report(kind, 3, 3, 3, day1, article_id="a"), Report(kind, 0, 0, 0, day2, article_id="b")]
        summary = summarise(reports, ["Millbrook"])[kind]
        assert summary.conservative == expected
        assert summary.range == ((0, 3) if kind == "injured" else (3, 3))


def test_the_toll_most_reports_give_outweighs_a_lone_lower_one(tmp_path: Path) -> None:
    # Two of three reports of one day count two dead, a brief counts one: the incident has two dead.
    # The injured are told by one report only: its count stands; the conservative figures stay in the summary.
    first = _report("a", "2016-05-02", [figure("killed", 2)], fatalities=2, injured=3)
    second = _report("b", "2016-05-02", [figure("killed", 2)], fatalities=2)
    brief = _report("c", "2016-05-02", [figure("killed", 1)], fatalities=1)
    incident = _incident(tmp_path, first, second, brief)
    assert incident["article_ids"] == ["a", "b", "c"]
    assert (incident["fatalities"], incident["injured"]) == (2, 3)
    assert incident["conservative"]["killed"] == 1  # the lowest figure of the latest report date


def test_a_tie_between_reports_keeps_the_conservative_toll(tmp_path: Path) -> None:
    first = _report("a", "2016-05-02", [figure("killed", 3)], fatalities=3)
    second = _report("b", "2016-05-02", [figure("killed", 2)], fatalities=2)
    assert _incident(tmp_path, first, second)["fatalities"] == 2


def test_consensus_counts_each_articles_main_event_once() -> None:
    from crisisledger.store.resolution import consensus

    def row(main: bool, killed: int, injured: int | None) -> dict[str, Any]:
        return {"is_main": main, "fatalities": killed, "injured": injured}

    rows = [row(True, 2, None), row(True, 2, 1), row(False, 5, 4), row(False, 5, 4), row(True, 1, None)]
    assert consensus(rows, "fatalities") == 2  # the secondary events cast no vote
    assert consensus(rows, "injured") == 1  # a count not reported is no vote
    assert consensus(rows[:1] + rows[-1:], "fatalities") is None  # two reports disagree on the dead
    assert consensus(rows[:2], "fatalities") == 2  # two that agree
    assert consensus([], "injured") is None


def test_consensus_is_the_middle_count_and_only_a_death_toll_rises() -> None:
    from crisisledger.store.resolution import consensus

    def row(day: int, killed: int, injured: int | None) -> dict[str, Any]:
        return {"is_main": True, "fatalities": killed, "injured": injured, "published": dt.date(2016, 5, day)}

    rows = [row(2, 1, 0), row(2, 1, 3), row(3, 2, 3), row(3, 1, 9)]
    assert consensus(rows, "fatalities") == 1  # 1, 1, 1, 2
    assert consensus(rows, "injured") == 3  # 0, 3, 3, 9: the lower middle count
    assert consensus(rows[:2], "injured") == 0  # two reports: the lower count
    rose = [row(2, 1, 2), row(2, 1, 2), row(4, 3, 5)]
    assert consensus(rose, "fatalities") is None  # a higher toll after every report of the middle one
    assert consensus(rose, "injured") == 2  # a later, higher count of the wounded is no rise


def test_a_toll_that_rose_in_later_reports_is_not_outvoted_by_earlier_ones(tmp_path: Path) -> None:
    # Two reports on the first day count four dead; a report two days later counts seven: the toll rose.
    first = _report("a", "2016-05-02", [figure("killed", 4)], fatalities=4)
    second = _report("b", "2016-05-02", [figure("killed", 4)], fatalities=4)
    later = _report("c", "2016-05-04", [figure("killed", 7)], fatalities=7)
    assert _incident(tmp_path, first, second, later)["fatalities"] == 7
