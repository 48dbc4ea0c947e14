"""Story facts as evidence for and against event links: officials, people, contradictions, short pages."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

from crisisledger.model import Location
from crisisledger.resolve.incidents import EventNode, cluster
from crisisledger.resolve.stories import Evidence, StoryFacts, person_names, story_links
from crisisledger.resolve.storyfacts import people
from crisisledger.store import Ledger
from crisisledger.store.testing import event, item

TOLEDO = Location(name="Toledo", country="United States", country_code="US", admin1="Ohio", lat=41.66,
                  lon=-83.56, precision="city", geonames_id=5174035)  # fmt: skip
LUCAS = Location(name="Lucas County", country="United States", country_code="US", admin1="Ohio",
                 admin2="Lucas County", lat=41.68, lon=-83.47, precision="admin2")  # fmt: skip
TOLEDO_IN_LUCAS = TOLEDO.model_copy(update={"admin2": "Lucas County"})

PAD = " ".join(f"Residents of the street talked about the long evening, remark {i}." for i in range(10))
ONE = "Quentin Marlowe, 27, was shot outside a corner store on Friday night. " + PAD
ONE_AGAIN = "A man shot on Friday was named as Quentin Marlowe by relatives. " + PAD
OTHER = "Rosalind Ferrante, 52, was wounded by a stray bullet on Friday night. " + PAD
DAY = dt.date(2016, 4, 1)


def test_officials_are_not_names() -> None:
    text = (
        "Sgt. Bruno Kessler said the victim, Hana Lindgren, was taken to a hospital. "
        "Police spokeswoman Carla Nunez asked for tips. Omar Farouk, a police spokesman, said more. "
        "Hana Lindgren was in stable condition."
    )
    assert person_names(text) == {"hana lindgren"}


def test_people_are_names_given_with_an_age_or_as_what_happened_to_them() -> None:
    text = (
        "Hana Lindgren, 31, was shot. Officers arrested Piet Vos on Monday. "
        "Ida Berg was charged with murder. The suspect, Kai Moreau, fled. Lena Marsh spoke at the vigil."
    )
    names = person_names(text)
    assert people(text, names) == {"hana lindgren|31", "piet vos|", "ida berg|", "kai moreau|"}
    assert "lena marsh" in names


def _facts(aid: str, text: str, day: dt.date = DAY) -> StoryFacts:
    return StoryFacts.of(aid, day, text)


def test_contradiction_needs_different_people_addresses_or_ages_and_nothing_shared() -> None:
    bystander = "Officers spoke with Ingrid Sollum near the corner store after the shooting. " + PAD
    facts = (_facts("a", ONE), _facts("b", ONE_AGAIN), _facts("c", OTHER), _facts("d", bystander))
    ev = Evidence({f.article_id: f for f in facts})
    assert ev.contradiction("a", "b") is None  # the same victim
    assert ev.contradiction("a", "c") == "they give different people and ages"
    assert ev.contradiction("a", "d") is None  # other names, but no other victim: no evidence
    assert ev.contradiction("a", "missing") is None  # no facts: no evidence either way
    assert ev.agreement("a", "b") and not ev.agreement("a", "c")
    common = Evidence(ev.facts, rare_articles=0)  # no name is rare: only the ages tell them apart
    assert common.contradiction("a", "b") is None
    assert common.contradiction("a", "c") == "they give different ages"


def _node(i: int, article: str, loc: Location, day: dt.date = DAY) -> EventNode:
    return EventNode(i, article, 0, "Violence against civilians", "Attack", day, published=day, location=loc,
                     is_main=True)  # fmt: skip


def test_event_links_need_support_from_the_story_facts() -> None:
    facts = {f.article_id: f for f in (_facts("a", ONE), _facts("b", ONE_AGAIN), _facts("c", OTHER))}
    ev = Evidence(facts)
    nodes = [_node(1, "a", TOLEDO), _node(2, "b", TOLEDO), _node(3, "c", TOLEDO)]
    assert [c.members for c in cluster(nodes)] == [[1, 2, 3]]  # place and day alone
    assert [c.members for c in cluster(nodes, evidence=ev)] == [[1, 2], [3]]  # c names someone else


def test_a_short_page_links_only_on_the_same_day_or_at_the_same_place() -> None:
    ev = Evidence({"a": _facts("a", ONE)})  # "brief" has no facts (too short to have any)
    two_days = [_node(1, "a", TOLEDO_IN_LUCAS), _node(2, "brief", LUCAS, DAY + dt.timedelta(days=2))]
    assert [c.members for c in cluster(two_days)] == [[1, 2]]
    assert [c.members for c in cluster(two_days, evidence=ev)] == [[1], [2]]
    same_day = [_node(1, "a", TOLEDO_IN_LUCAS), _node(2, "brief", LUCAS)]
    assert [c.members for c in cluster(same_day, evidence=ev)] == [[1, 2]]
    next_day = [_node(1, "a", TOLEDO), _node(2, "brief", TOLEDO, DAY + dt.timedelta(days=1))]
    assert [c.members for c in cluster(next_day, evidence=ev)] == [[1, 2]]


def test_one_name_weeks_later_links_only_at_the_same_place() -> None:
    later = DAY + dt.timedelta(days=40)
    court = "Quentin Marlowe appeared in court on Tuesday over the corner store case. " + PAD
    facts = [_facts("a", ONE), _facts("b", court, later)]
    (link,) = story_links(facts)
    assert link.same_place and link.reason.endswith("at the same place")
    far = Location(name="Dayton", country="United States", country_code="US", admin1="Ohio", lat=39.76,
                   lon=-84.19, precision="city", geonames_id=4509884)  # fmt: skip
    here = [_node(1, "a", TOLEDO), _node(2, "b", TOLEDO, later)]
    there = [_node(1, "a", TOLEDO), _node(2, "b", far, later)]
    assert [c.members for c in cluster(here, stories=[link])] == [[1, 2]]
    assert [c.members for c in cluster(there, stories=[link])] == [[1], [2]]


def test_copies_of_a_short_page_do_not_join_its_incident(tmp_path: Path) -> None:
    shot = event("Violence against civilians", "Attack", "2016-04-01", TOLEDO, fatalities=1)
    prompt = "Please confirm your email address to keep reading."
    with Ledger.open(tmp_path / "l.db") as ledger:
        ledger.add_records([
            item("page", prompt, "2016-04-01", [shot]),
            item("copy-1", prompt, "2016-05-02"),
            item("copy-2", prompt, "2016-06-03"),
            item("brief", "Quentin Marlowe was shot in Toledo.", "2016-04-01", [shot]),
            item("wire", "Quentin Marlowe was shot in Toledo.", "2016-04-01"),
        ])  # fmt: skip
        ledger.resolve()
        groups = sorted(i["article_ids"] for i in ledger.incidents())
    assert groups == [["brief", "page", "wire"]]  # one copy of a brief is a wire copy; many copies are not


def test_two_nearby_towns_need_a_shared_fact_unless_on_the_same_day_and_very_near() -> None:
    suburb = Location(name="Maumee", country="United States", country_code="US", admin1="Ohio", lat=41.56,
                      lon=-83.65, precision="city", geonames_id=5162645)  # fmt: skip
    farther = suburb.model_copy(update={"name": "Waterville", "lat": 41.50, "lon": -83.72, "geonames_id": 1})
    bystander = "Officers spoke with Ingrid Sollum near a gas station after the shooting. " + PAD
    ev = Evidence(
        {f.article_id: f for f in (_facts("a", ONE), _facts("b", ONE_AGAIN), _facts("d", bystander))}
    )
    next_day = DAY + dt.timedelta(days=1)

    def groups(*nodes: EventNode) -> list[list[int]]:
        return [c.members for c in cluster(list(nodes), evidence=ev)]

    assert groups(_node(1, "a", TOLEDO), _node(2, "d", suburb, next_day)) == [[1], [2]]
    assert groups(_node(1, "a", TOLEDO), _node(2, "d", farther)) == [[1], [2]]  # 22 km apart
    assert groups(_node(1, "a", TOLEDO), _node(2, "d", suburb)) == [[1, 2]]  # the same day, 14 km apart
    assert groups(_node(1, "a", TOLEDO), _node(2, "b", suburb, next_day)) == [[1, 2]]  # the same victim
    ev.facts["g"] = _facts("g", "A 27-year-old was shot near a gas station on Friday. " + PAD)
    aged = Evidence(ev.facts)
    assert aged.agreement("a", "g") and not aged.agreement("a", "g", ages=False)
    alone = cluster([_node(1, "a", TOLEDO), _node(2, "g", suburb, next_day)], evidence=aged)
    assert [c.members for c in alone] == [
        [1],
        [2],
    ]  # one age is too common to tell two towns' shootings apart


def test_one_street_or_ages_a_year_apart_do_not_set_reports_apart() -> None:
    block = "A 34-year-old woman was shot in the 2400 block of North Juniper Avenue on Friday night. " + PAD
    corner = "Police closed Juniper Avenue and Laurel Street after a 35-year-old was wounded Friday. " + PAD
    elsewhere = "A 61-year-old man was shot at Birch Road and Cedar Lane on Friday night. " + PAD
    ev = Evidence(
        {f.article_id: f for f in (_facts("a", block), _facts("b", corner), _facts("c", elsewhere))}
    )
    assert ev.contradiction("a", "b") is None  # one street (Juniper), ages 34 and 35
    assert ev.contradiction("a", "c") == "they give different addresses and ages"
    assert not ev.agreement("a", "b")  # not evidence for a link either: the same street is no shared address


def test_reports_of_an_incident_with_several_victims_may_name_different_people() -> None:
    first = "Nadia Ferreira was shot outside the arena late on Friday. " + PAD
    second = "Tomas Lindahl was shot outside the arena late on Friday. " + PAD
    ev = Evidence({f.article_id: f for f in (_facts("a", first), _facts("b", second))})
    assert ev.contradiction("a", "b") == "they give different people"
    assert ev.contradiction("a", "b", people=False) is None
    one, other = _node(1, "a", TOLEDO), _node(2, "b", TOLEDO)
    assert [c.members for c in cluster([one, other], evidence=ev)] == [[1], [2]]
    several = [replace(one, injured=3), replace(other, fatalities=1, injured=2)]
    assert [c.members for c in cluster(several, evidence=ev)] == [[1, 2]]


OHIO = Location(name="Ohio", country="United States", country_code="US", admin1="Ohio", lat=40.25,
                lon=-83.0, precision="admin1")  # fmt: skip
USA = Location(name="United States", country="United States", country_code="US", precision="country")


def test_an_event_without_its_own_place_and_date_links_only_by_a_shared_fact() -> None:
    bystander = "Officers spoke with Ingrid Sollum near a gas station after the shooting. " + PAD
    ev = Evidence(
        {f.article_id: f for f in (_facts("a", ONE), _facts("b", ONE_AGAIN), _facts("d", bystander))}
    )
    for broad in (OHIO, USA):  # the region or country, dated by its report
        assert [c.members for c in cluster([_node(1, "a", TOLEDO), _node(2, "d", broad)], evidence=ev)] == [
            [1],
            [2],
        ]
        assert [c.members for c in cluster([_node(1, "a", TOLEDO), _node(2, "b", broad)], evidence=ev)] == [
            [1, 2]
        ]
    dated = replace(_node(2, "d", OHIO), published=DAY + dt.timedelta(days=1))  # "on Friday": its own day
    assert [c.members for c in cluster([_node(1, "a", TOLEDO), dated], evidence=ev)] == [[1, 2]]


def test_a_short_page_without_its_own_place_and_date_links_to_nothing() -> None:
    ev = Evidence({"a": _facts("a", ONE)})
    vague = [_node(1, "a", TOLEDO), _node(2, "brief", USA)]  # the country, dated by its report
    assert [c.members for c in cluster(vague, evidence=ev)] == [[1], [2]]
    month = replace(
        vague[1], date=DAY.replace(day=1), date_precision="month", published=DAY + dt.timedelta(9)
    )
    # "in April": a date of its own (the Kazakhstan example's later reports are such pages)
    assert [c.members for c in cluster([vague[0], month], evidence=ev)] == [[1, 2]]
    assert [c.members for c in cluster(vague)] == [[1, 2]]  # without story facts: place and day alone


def test_two_reports_days_apart_need_a_shared_fact() -> None:
    quiet = "Detectives canvassed the block near a corner store after gunfire late at night. " + PAD
    ev = Evidence({f.article_id: f for f in (_facts("a", ONE), _facts("b", ONE_AGAIN), _facts("q", quiet))})
    for days, apart in ((2, False), (3, True)):
        later = DAY + dt.timedelta(days=days)
        nodes = [_node(1, "a", TOLEDO), _node(2, "q", TOLEDO, later)]
        assert [c.members for c in cluster(nodes)] == [[1, 2]]  # place and dates alone
        assert [c.members for c in cluster(nodes, evidence=ev)] == ([[1], [2]] if apart else [[1, 2]])
    named = [_node(1, "a", TOLEDO), _node(2, "b", TOLEDO, DAY + dt.timedelta(days=3))]
    assert [c.members for c in cluster(named, evidence=ev)] == [[1, 2]]  # both name the victim


def _main(i: int, article: str, day: dt.date, killed: int = 1, loc: Location = TOLEDO) -> EventNode:
    return EventNode(i, article, 0, "Violence against civilians", "Attack", day, published=day, location=loc,
                     fatalities=killed, is_main=True)  # fmt: skip


def test_the_only_incidents_of_a_town_within_two_weeks_join_when_their_victims_agree() -> None:
    later = DAY + dt.timedelta(days=9)
    shot = "Odell Brannigan was shot dead near the river on Friday night, the police said. " + PAD
    charged = "A neighbour was charged on Sunday in the shooting death of a man by the river. " + PAD
    wounded = "Marta Quillfeather was wounded in a drive-by shooting, the police said. " + PAD
    facts = [_facts("a", shot), _facts("b", charged, later), _facts("c", wounded, DAY + dt.timedelta(days=2))]
    ev = Evidence({f.article_id: f for f in facts})
    pair = [_main(1, "a", DAY), _main(2, "b", later)]
    (only,) = cluster(pair, evidence=ev)
    assert "the only incidents at Toledo within 14 days, with the same victims" in only.reasons[-1]
    assert len(cluster([pair[0], replace(pair[1], fatalities=2)], evidence=ev)) == 2  # other victims
    far = replace(pair[1], date=DAY + dt.timedelta(days=15), published=DAY + dt.timedelta(days=15))
    assert len(cluster([pair[0], far], evidence=ev)) == 2  # over two weeks apart
    third = _main(3, "c", DAY + dt.timedelta(days=2), killed=0)  # another shooting in town that week
    assert [c.members for c in cluster([*pair, replace(third, injured=1)], evidence=ev)] == [[1], [2], [3]]
    assert len(cluster(pair)) == 2  # without story facts (short pages), nothing is joined this way
