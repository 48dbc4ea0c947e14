"""Same-story links from shared names: the rule, the clustering it drives, the ledger on both back ends."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from crisisledger.model import Location
from crisisledger.resolve.incidents import EventNode, Settings, cluster
from crisisledger.resolve.stories import (
    Evidence,
    StoryFacts,
    StorySettings,
    merge_variants,
    person_names,
    story_links,
)
from crisisledger.resolve.storyfacts import ages, street_addresses
from crisisledger.store import Ledger
from crisisledger.store.testing import event, item, server_available

PG_UP = server_available()

DAYTON = Location(name="Dayton", country="United States", country_code="US", admin1="Ohio", lat=39.76,
                  lon=-84.19, precision="city", geonames_id=4509884)  # fmt: skip
# A wrong reading of the same story's place (another state, far away).
DAYTON_TX = Location(name="Dayton", country="United States", country_code="US", admin1="Texas", lat=30.05,
                     lon=-94.89, precision="city", geonames_id=4684724)  # fmt: skip

FILLER = " ".join(
    f"Neighbours on the block described the evening as quiet until then, sentence {i}." for i in range(9)
)
FIRST = (
    "Fatal Shooting On Elm Street. A 23-year-old man, Darnell Okafor, was shot and killed late on Friday. "
    "Police Chief Maria Lindqvist said the suspect, Trevor Balding, fled on foot. A fatal shooting like this "
    "is rare on the street, residents said. " + FILLER
)
SECOND = (
    "Trevor Balding, 31, was arrested on Sunday and charged with murder in the death of Darnell Okafor, "
    "according to court records filed in January. " + FILLER
)
OTHER = "A man named Peter Quill was hurt in a crash on the highway on Friday, state troopers said. " + FILLER


def test_person_names_keep_full_names_and_drop_headline_words() -> None:
    names = person_names(FIRST)
    assert names == {"darnell okafor", "trevor balding"}  # "Police Chief Maria Lindqvist" is an official
    assert person_names("James T. Kirk and Mr Spock met in January Smith.") == {"james kirk"}


def _facts(aid: str, day: str, text: str) -> StoryFacts:
    return StoryFacts.of(aid, dt.date.fromisoformat(day), text)


def test_story_links_need_names_close_dates_and_substance() -> None:
    a = _facts("a", "2016-03-04", FIRST)
    near = _facts("b", "2016-03-06", "Darnell Okafor was remembered at a vigil. " + FILLER)
    late_one = _facts("c", "2016-03-20", "Darnell Okafor was remembered at a vigil. " + FILLER)
    late_two = _facts("d", "2016-03-25", SECOND)
    short = _facts("e", "2016-03-04", "Get alerts on Darnell Okafor stories.")
    other = _facts("f", "2016-03-04", OTHER)
    links = story_links([a, near, late_one, late_two, short, other])
    assert [(k.a, k.b, k.names, k.same_place) for k in links] == [
        ("a", "d", ("darnell okafor", "trevor balding"), False),
        ("a", "b", ("darnell okafor",), False),
        ("a", "c", ("darnell okafor",), True),
        ("c", "d", ("darnell okafor",), True),
    ]  # c shares one name only, two weeks after a and 5 days before d: only at the same place; e is too
    # short; f names another
    assert "published 2 day(s) apart" in links[1].reason
    assert story_links([a, near], StorySettings(max_articles=1)) == []  # a too common name tells nothing


def _node(i: int, article: str, loc: Location, etype: str = "Violence against civilians") -> EventNode:
    day = dt.date(2016, 3, 4)
    return EventNode(i, article, 0, etype, "Attack", day, published=day, location=loc, is_main=True)


def test_story_link_joins_events_with_conflicting_places_and_attaches_eventless_articles() -> None:
    nodes = [_node(1, "a", DAYTON), _node(2, "b", DAYTON_TX, "Strategic developments")]
    assert [c.members for c in cluster(nodes)] == [[1], [2]]
    stories = story_links([_facts("a", "2016-03-04", FIRST), _facts("b", "2016-03-05", SECOND),
                           _facts("z", "2016-03-05", FIRST.replace("Fatal", "Deadly"))])  # fmt: skip
    (only,) = cluster(nodes, stories=stories)
    assert only.members == [1, 2]
    assert only.articles == ["z"]
    assert any("tell one story" in r and "trevor balding" in r for r in only.reasons)


def test_a_story_link_weeks_later_does_not_cross_states() -> None:
    later = dt.date(2016, 4, 13)
    trial = [_node(1, "a", DAYTON), replace(_node(2, "b", DAYTON_TX), date=later, published=later)]
    stories = story_links([_facts("a", "2016-03-04", FIRST), _facts("b", "2016-04-13", SECOND)])
    assert [k.same_place for k in stories] == [False]  # two names, one of them a person's: anywhere
    assert [c.members for c in cluster(trial, stories=stories)] == [[1], [2]]  # but not in another state
    trial[1] = replace(trial[1], location=DAYTON)
    assert [c.members for c in cluster(trial, stories=stories)] == [[1, 2]]


def test_a_story_link_weeks_later_crosses_states_when_both_reports_give_two_of_its_people() -> None:
    later = dt.date(2016, 4, 13)
    trial = [_node(1, "a", DAYTON), replace(_node(2, "b", DAYTON_TX), date=later, published=later)]
    sentence = "Trevor Balding, 31, was sentenced for the death of Darnell Okafor, 23, on Monday. " + FILLER
    stories = story_links([_facts("a", "2016-03-04", FIRST), _facts("b", "2016-04-13", sentence)])
    assert [(k.people, k.same_place) for k in stories] == [(2, False)]  # both give both men as its people
    assert [c.members for c in cluster(trial, stories=stories)] == [[1, 2]]  # a misread place, not a recall
    assert [c.members for c in cluster(trial, Settings(story_region_people=3), stories=stories)] == [[1], [2]]


def test_spellings_of_one_name_one_letter_apart_are_read_as_one() -> None:
    shot = _facts(
        "a", "2016-03-04", "Demontez Calloway, 15, was shot on Friday, and Ann Lee saw it. " + FILLER
    )
    named = _facts(
        "b", "2016-03-05", "Family said Damontez Calloway was shot. Ann Lea, a neighbour, called. " + FILLER
    )
    other = _facts("c", "2016-03-05", "Jonathon Walker and Jonathan Walker are one. " + FILLER)
    assert story_links([shot, named]) == []  # as spelt, the two reports share no name
    merged = merge_variants([shot, named, other])
    assert [sorted(f.names) for f in merged] == [
        ["ann lee", "damontez calloway"],  # "Ann Lea" stays apart: a short name has namesakes a letter away
        ["ann lea", "damontez calloway"],
        ["jonathan walker"],
    ]
    assert merged[0].people == {"damontez calloway|15"}  # the person keeps the age
    assert [(k.a, k.b, k.names) for k in story_links(merged)] == [("a", "b", ("damontez calloway",))]
    assert merge_variants([shot]) == [shot]


def test_ledger_groups_one_story_told_with_different_places(db_url: str) -> None:
    shot = event("Violence against civilians", "Attack", "2016-03-04", DAYTON, fatalities=1)
    arrest = event("Strategic developments", "Arrests", "2016-03-06", DAYTON_TX)
    unrelated = event("Violence against civilians", "Attack", "2016-03-11", DAYTON, fatalities=2)
    with Ledger.open(db_url) as ledger:
        ledger.add_records([
            item("first", FIRST, "2016-03-04", [shot]),
            item("second", SECOND, "2016-03-06", [arrest]),
            item("no-events", "Family and friends mourned Darnell Okafor. " + FILLER, "2016-03-05"),
            item("other", OTHER, "2016-03-11", [unrelated]),
        ])  # fmt: skip
        assert ledger.resolve() == 2
        groups = sorted(i["article_ids"] for i in ledger.incidents())
    assert groups == [["first", "no-events", "second"], ["other"]]


def test_bylines_and_reporter_credits_are_not_names() -> None:
    text = (
        "By Jane Holloway and Ricardo Mendes\n"
        "Kofi Mensah, 19, was shot near his home on Saturday, officers said.\n"
        "Priya Raman, Staff Writer\n"
        "Contact the reporter Lotte Berg at the newsroom. Follow Tamsin Achebe on Twitter.\n"
        "Gordon Pike contributed to this report."
    )
    assert person_names(text) == {"kofi mensah"}


def test_places_car_makes_and_charges_are_not_names() -> None:
    text = (
        "The shooting happened in Cedar Rapids late on Friday. Officers in Baton Rouge helped. "
        "Witnesses saw a silver Chevrolet Impala leave. Lena Ortiz was charged with Aggravated Assault. "
        "She lived in Grand Prairie, Texas, and was taken to Mercy Memorial."
    )
    assert person_names(text) == {"lena ortiz"}


def test_street_addresses_and_ages_are_normalised() -> None:
    text = (
        "A 34-year-old man was found in the 1200 block of North Elm Street. A second victim, Ana Ruiz, 27, "
        "was shot near Oak and Pine streets; the car stopped at Main Street and 5th Avenue."
    )
    assert street_addresses(text) == {"1200 n elm st", "oak st & pine st", "5th ave & main st"}
    assert ages(text) == {34, 27}
    assert street_addresses("He drove down Elm Street and turned.") == frozenset()


ADDRESS_A = (
    "A 24-year-old and a 31-year-old were wounded in the 900 block of Larkspur Avenue on Tuesday night. "
    + FILLER
)
ADDRESS_B = "Gunfire in the 900 block of Larkspur Ave. left a 31-year-old man wounded, police said. " + FILLER
ADDRESS_C = "A 58-year-old woman was robbed in the 900 block of Larkspur Avenue on Thursday. " + FILLER


def test_shared_address_links_when_ages_agree_and_dates_are_close() -> None:
    a = _facts("a", "2016-05-03", ADDRESS_A)
    b = _facts("b", "2016-05-04", ADDRESS_B)
    c = _facts("c", "2016-05-05", ADDRESS_C)  # same block, but the age differs: another incident
    far = _facts("d", "2016-08-20", ADDRESS_B)  # same block months later
    links = story_links([a, b, c, far])
    assert [(k.a, k.b, k.names) for k in links] == [("a", "b", ("900 larkspur ave",))]
    assert "give the address 900 larkspur ave" in links[0].reason


def test_two_names_link_a_follow_up_months_later_and_one_name_only_at_the_same_place() -> None:
    a = _facts("a", "2016-03-04", FIRST)
    trial = _facts("t", "2016-10-12", SECOND)  # victim and suspect named again at the trial
    vigil = _facts("v", "2016-09-20", "Darnell Okafor was remembered at a vigil. " + FILLER)
    year_on = _facts("y", "2017-06-01", SECOND)  # a sentence over a year later
    links = story_links([a, trial, vigil, year_on])
    assert [(k.a, k.b, k.same_place) for k in links] == [
        ("a", "t", False),
        ("a", "y", False),
        ("t", "y", False),
        ("a", "v", True),
    ]


def test_facts_are_stored_at_write_time_and_recomputed_when_missing_or_outdated(db_url: str) -> None:
    from sqlalchemy import delete, select, update

    from crisisledger.resolve.storyfacts import FACTS_VERSION
    from crisisledger.store import schema as t
    from crisisledger.store.resolution import load_facts

    with Ledger.open(db_url) as ledger:
        ledger.add_records([item("first", FIRST, "2016-03-04", []), item("second", SECOND, "2016-03-06", [])])
        with ledger.engine.begin() as conn:
            stored = {r.article_id: r for r in conn.execute(select(t.story_facts))}
            assert set(stored) == {"first", "second"}
            assert stored["second"].names == ["darnell okafor", "trevor balding", "trevor balding|31"]
            assert stored["second"].version == FACTS_VERSION
            conn.execute(delete(t.story_facts).where(t.story_facts.c.article_id == "first"))
            conn.execute(update(t.story_facts).values(version=FACTS_VERSION - 1, names=[]))
        with ledger.engine.begin() as conn:
            facts = {f.article_id: f for f in load_facts(conn)}
            assert facts["first"].names == {"darnell okafor", "trevor balding"}
            assert facts["first"].people == {"darnell okafor|", "trevor balding|"}
            assert facts["second"].names == {"darnell okafor", "trevor balding"}
            versions = set(conn.scalars(select(t.story_facts.c.version)))
        assert versions == {FACTS_VERSION}


def test_follow_ups_link_for_three_years() -> None:
    first = _facts("a", "2016-03-04", FIRST)
    trial = _facts("b", "2018-06-12", SECOND)  # two years and three months later
    much_later = _facts("c", "2019-09-01", SECOND)  # three and a half years after the first
    links = story_links([first, trial, much_later])
    assert [(k.a, k.b, k.same_place) for k in links] == [("a", "b", False), ("b", "c", False)]


def test_names_with_a_capitalised_prefix_and_organisations() -> None:
    text = (
        "Keandre McAllister and DeShawn O'Malley were charged. The boy was taken to Rosewood General "
        "Hospital and later to Hollis Crane Medical Center. They marched on Martin Luther King Jr. Day on "
        "Hobart Mill Road, along which the Public Safety office stands."
    )
    assert person_names(text) == {"keandre mcallister", "deshawn o'malley", "hobart mill"}


def test_a_brief_links_by_a_name_but_gives_no_evidence() -> None:
    brief = (
        "Darnell Okafor, 23, died after a shooting on Elm Street late on Friday, police said. Officers "
        "asked anyone who saw the shooting to call the tip line. "
        + " ".join(["More details were not released."] * 8)
    )
    facts = _facts("brief", "2016-03-05", brief)
    assert StorySettings.min_words <= facts.words < StorySettings.evidence_words
    links = story_links([_facts("a", "2016-03-04", FIRST), facts])
    assert [(k.a, k.b, k.names) for k in links] == [("a", "brief", ("darnell okafor",))]
    assert story_links([_facts("a", "2016-03-04", FIRST), facts], StorySettings(min_words=100)) == []


def _termed(aid: str, day: str, terms: set[str]) -> StoryFacts:
    return StoryFacts(aid, dt.date.fromisoformat(day), frozenset(), 200, terms=frozenset(terms))


def _background(n: int) -> list[StoryFacts]:
    """`n` articles of other stories: each with its own words, all with a few common ones."""
    return [
        _termed(f"z{i:03}", "2016-04-01", {f"word{i}", "shooting", "police", "wounded"}) for i in range(n)
    ]


def test_terms_are_the_longer_words_without_stop_words_and_credits() -> None:
    facts = StoryFacts.of("a", None, "By Jane Smith\nA gunman fired at the Laundromat on Elm Street.")
    assert facts.terms == {"gunman", "fired", "laundromat"}  # "street" is a stop word; no byline


def test_rare_shared_terms_link_articles_of_a_large_enough_ledger() -> None:
    rare = {"laundromat", "trombone", "zeppelin"}
    a = _termed("a", "2016-04-01", rare | {"shooting"})
    b = _termed("b", "2016-04-03", rare | {"police"})
    late = _termed("c", "2016-04-20", rare)  # the same words weeks later: another story
    fewer = _termed("d", "2016-04-02", {"laundromat", "trombone"})  # two rare words only
    links = story_links([a, b, late, fewer, *_background(200)])
    assert [(k.a, k.b, k.names, k.by_terms) for k in links] == [("a", "b", tuple(sorted(rare)), True)]
    assert "share 3 words found in at most 5 articles of the ledger: laundromat, trombone, zeppelin" in (
        links[0].reason
    )
    assert story_links([a, b, *_background(10)]) == []  # a small ledger tells no word's rarity
    common = [_termed(f"y{i}", "2016-04-01", rare) for i in range(5)]  # in 7 articles: not rare
    assert story_links([a, b, *common, *_background(200)]) == []


def test_term_links_come_after_name_links_and_list_a_few_terms() -> None:
    words = {f"rareword{i}" for i in range(12)}
    a = _termed("a", "2016-04-01", words)
    b = _termed("b", "2016-04-01", words)
    named = [StoryFacts(x, dt.date(2016, 4, 1), frozenset({"ann lee", "bo kim"}), 200) for x in ("m", "n")]
    links = story_links([a, b, *named, *_background(200)])
    assert [(k.a, k.b, k.by_terms) for k in links] == [("m", "n", False), ("a", "b", True)]
    assert "rareword5 (and 4 more) and were published" in links[1].reason


def test_ledger_links_by_rare_terms_idempotently(db_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from crisisledger.store import resolution

    small = StorySettings(term_ledger=2)  # this ledger is tiny: let it tell rare words anyway
    monkeypatch.setattr(resolution, "story_links", lambda facts: story_links(facts, small))
    story = "Gunfire outside the laundromat near the old trombone factory, by the zeppelin mural. "
    shot = event("Violence against civilians", "Attack", "2016-03-04", DAYTON, fatalities=1)
    elsewhere = event("Violence against civilians", "Attack", "2016-03-05", DAYTON_TX, fatalities=1)
    others = [
        item(
            f"other{i}", f"Report {i}. " + FILLER, "2016-03-04", [event("Riots", "Mob violence", None, None)]
        )
        for i in range(6)
    ]
    own = " ".join(f"Witnesses heard sirens and saw flashing lights, account {i}." for i in range(9))
    records = [
        item("a", story + FILLER, "2016-03-04", [shot]),
        item("b", story + own, "2016-03-05", [elsewhere]),
    ]
    with Ledger.open(db_url) as ledger:
        ledger.add_records(records + others)
        ledger.resolve()
        first = sorted((i["id"], i["article_ids"]) for i in ledger.incidents() if "a" in i["article_ids"])
        ledger.add_records(records)  # the same articles again: nothing new, the same incident
        ledger.resolve()
        again = sorted((i["id"], i["article_ids"]) for i in ledger.incidents() if "a" in i["article_ids"])
        why = ledger.incident(first[0][0])
    assert [ids for _, ids in first] == [["a", "b"]]  # their places differ: joined by the shared words
    assert again == first
    assert why is not None
    (reason,) = why["reasons"]
    assert "share 7 words found in at most 5 articles of the ledger: factory, gunfire, laundromat" in reason


def test_one_name_and_one_age_link_anywhere_one_name_alone_only_nearby_and_soon() -> None:
    shot = "Friends of Marisol Quandt said a 19-year-old was wounded on Friday. " + FILLER
    aged = _facts("a", "2016-03-04", shot)
    told = "A 19-year-old was in hospital, the family of Marisol Quandt said. " + FILLER
    again = _facts("b", "2016-03-05", told)
    (link,) = story_links([aged, again])
    assert not link.same_place and "give the age 19 and name marisol quandt" in link.reason
    vigil = "A vigil was held for Marisol Quandt on Sunday evening. " + FILLER
    for day, found in (("2016-03-14", [True]), ("2016-03-15", [])):
        assert [k.same_place for k in story_links([aged, _facts("c", day, vigil)])] == found  # within 10 days


def test_names_of_no_person_link_weeks_later_only_within_ten_days() -> None:
    heard = _facts(
        "a", "2016-03-04", "Two neighbours, Wendell Farraday and Odessa Brightwater, heard gunfire. " + FILLER
    )
    meeting = "At a meeting, Wendell Farraday and Odessa Brightwater asked for more patrols. " + FILLER
    assert [k.same_place for k in story_links([heard, _facts("b", "2016-03-12", meeting)])] == [True]
    assert story_links([heard, _facts("c", "2016-04-13", meeting)]) == []


SHOT = "A 6-year-old boy was shot in the leg at a home on Tuesday; a 9-year-old was not hurt. " + FILLER
ARREST = "Police have arrested a relative after a 6-year-old was shot while a 9-year-old looked on. " + FILLER


def test_reports_giving_the_same_ages_only_link_weeks_later_in_one_town() -> None:
    first = _facts("a", "2016-03-04", SHOT)
    links = story_links([first, _facts("b", "2016-04-20", ARREST)])
    assert [(k.names, k.same_place, k.same_town) for k in links] == [(("age 6", "age 9"), True, True)]
    assert "give the same ages only: age 6, age 9" in links[0].reason
    assert story_links([first, _facts("c", "2016-05-10", ARREST)]) == []  # over 60 days later
    other = ARREST.replace("a 9-year-old", "a 12-year-old")
    assert story_links([first, _facts("d", "2016-04-20", other)]) == []  # not every age is the same
    crowd = [first, _facts("e", "2016-03-10", ARREST), _facts("f", "2016-03-20", ARREST)]
    assert [(k.a, k.b) for k in story_links(crowd, StorySettings(max_articles=1))] == [("e", "f")]


def test_a_same_ages_link_needs_one_town_one_toll_and_no_different_people() -> None:
    later = dt.date(2016, 4, 20)
    arrest = replace(_node(2, "b", DAYTON, "Strategic developments"), date=later, published=later)
    nodes = [_node(1, "a", DAYTON), arrest]
    first = _facts("a", "2016-03-04", SHOT)
    stories = story_links([first, _facts("b", "2016-04-20", ARREST)])
    assert [c.members for c in cluster(nodes, stories=stories)] == [[1, 2]]
    assert [c.members for c in cluster([nodes[0], replace(arrest, location=DAYTON_TX)], stories=stories)] == [
        [1],
        [2],
    ]  # another town
    assert [c.members for c in cluster([nodes[0], replace(arrest, fatalities=1)], stories=stories)] == [
        [1],
        [2],
    ]  # another toll
    named = [_facts("a", "2016-03-04", "Jomo Hartigan was shot. " + SHOT),
             _facts("b", "2016-04-20", "Ilse Vantongeren was arrested. " + ARREST)]  # fmt: skip
    evidence = Evidence({f.article_id: f for f in named})
    assert [c.members for c in cluster(nodes, stories=story_links(named))] == [[1, 2]]
    assert [c.members for c in cluster(nodes, stories=story_links(named), evidence=evidence)] == [[1], [2]]


def test_a_link_resting_only_on_the_name_of_the_events_place_joins_nothing() -> None:
    # A town whose name reads like a person's: "Brandel Ostrow police said".
    first = _facts("a", "2016-03-04", "A man was hurt on Friday, Brandel Ostrow police said. " + FILLER)
    second = _facts("b", "2016-03-06", "After a shooting, Brandel Ostrow police asked for help. " + FILLER)
    stories = story_links([first, second])
    assert [k.names for k in stories] == [("brandel ostrow",)]
    nodes = [_node(1, "a", DAYTON), _node(2, "b", DAYTON)]
    nodes[1] = replace(nodes[1], date=dt.date(2016, 3, 9), published=dt.date(2016, 3, 9))  # no event link
    assert [c.members for c in cluster(nodes, stories=stories)] == [[1, 2]]
    town = DAYTON.model_copy(update={"name": "Brandel Ostrow"})
    placed = [replace(n, location=town) for n in nodes]
    assert [c.members for c in cluster(placed, stories=stories)] == [[1], [2]]
