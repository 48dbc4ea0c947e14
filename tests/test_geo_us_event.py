"""US local news: the event's town among the article's places (see `crisisledger.geo.us_event`).

Fixtures are sentences written for these tests; entities are given explicitly so spaCy is not involved.
"""

from __future__ import annotations

from collections import Counter

from conftest import make_doc
from crisisledger.geo.resolve import event_location
from crisisledger.geo.us import headline, state_votes
from crisisledger.geo.us_event import _scan
from crisisledger.geo.us_states import state_after
from crisisledger.model import Location
from crisisledger.nlp.pipeline import ArticleDoc, Entity


def where(doc: ArticleDoc) -> Location:
    loc = event_location(doc, 0, len(doc.text))
    assert loc is not None
    return loc


def _on_site(doc: ArticleDoc, url: str) -> ArticleDoc:
    """The doc as published at `url`."""
    doc.article = doc.article.model_copy(update={"url": url})
    return doc


def test_town_named_by_police_beats_hospital_city() -> None:
    text = (
        "Zanesville police said a boy, 14, shot himself on Tuesday at his home on Maple Street in Ohio. "
        "Zanesville officers found the pistol. He was flown to a hospital in Columbus."
    )
    doc = make_doc(text, [("Zanesville", "GPE"), ("Ohio", "GPE"), ("Columbus", "GPE")])
    loc = where(doc)
    assert (loc.name, loc.admin1) == ("Zanesville", "Ohio")


def test_county_namesake_follows_the_state_named() -> None:
    text = (
        "A child was shot and killed on Friday in Greene County, the Alabama Law Enforcement Agency said. "
        "Troopers said the boy lived on a farm road."
    )
    doc = make_doc(text, [("Greene County", "GPE"), ("Alabama Law Enforcement Agency", "ORG")])
    loc = where(doc)
    assert (loc.name, loc.admin1, loc.precision) == ("Greene County", "Alabama", "admin2")


def test_street_named_after_a_city_is_not_the_place() -> None:
    text = (
        "San Antonio police said a girl was hit by gunfire on Sunday in the 2700 block of "
        "East Houston Street. "
        "Officers said the shots came from a passing car in Texas."
    )
    doc = make_doc(text, [("San Antonio", "GPE"), ("Houston", "GPE"), ("Texas", "GPE")])
    loc = where(doc)
    assert (loc.name, loc.admin1) == ("San Antonio", "Texas")


def test_surname_is_not_a_town() -> None:
    text = (
        "Rock Falls police said a teen was shot by a friend at a home in Rock Falls, Illinois. "
        "The friend, Brady Osborne, was charged. Osborne told the court he was sorry."
    )
    ents = [("Rock Falls", "GPE"), ("Illinois", "GPE"), ("Brady Osborne", "PERSON")]
    doc = make_doc(text, ents)
    i = text.index("Osborne told")
    doc.entities.append(Entity("Osborne", "GPE", i, i + len("Osborne")))
    loc = event_location(doc, text.index("Osborne told"), len(text))
    assert loc is not None and (loc.name, loc.admin1) == ("Rock Falls", "Illinois")


def test_town_written_with_another_state_moves_there() -> None:
    text = "A man in Franklin, Tenn., was shot on Monday when a rifle fired, deputies said."
    doc = make_doc(text, [("Franklin", "GPE"), ("Tenn.", "GPE")])
    loc = where(doc)
    assert (loc.name, loc.admin1) == ("Franklin", "Tennessee")


def test_headline_and_site_name() -> None:
    assert headline("Boy hurt in Monroe - WXYZ News | Detroit, MI") == "Boy hurt in Monroe"
    assert headline("Police: teen shot in Macon") == "Police: teen shot in Macon"
    votes = state_votes("A boy was hurt.", title="Boy hurt - WTVM Columbus, GA News")
    assert votes["Georgia"] == 1
    assert state_votes("A boy was hurt.", title="Georgia boy hurt")["Georgia"] == 3


def test_state_after_a_place() -> None:
    assert state_after("Eutaw, Ala., police", 5) == "Alabama"
    assert state_after("Conway, SC - A", 6) == "South Carolina"
    assert state_after("Salem, Oregon, said", 5) == "Oregon"
    assert state_after("Salem, police said", 5) is None


def test_scan_finds_a_town_of_the_leading_state() -> None:
    doc = make_doc("A Uniontown man was shot by a friend at his apartment, state police said.")
    loc = _scan(doc, Counter({"Pennsylvania": 3}))
    assert loc is not None and (loc.name, loc.admin1) == ("Uniontown", "Pennsylvania")
    assert _scan(doc, Counter()) is None


def test_site_address_moves_a_town_to_its_namesake() -> None:
    text = "Four people were hurt by gunfire early Monday in Wilmington, police said. Two were teenagers."
    doc = _on_site(make_doc(text, [("Wilmington", "GPE")]), "https://www.nbclosangeles.com/news/local/x.html")
    loc = where(doc)
    assert (loc.name, loc.admin1) == ("Wilmington", "California")


def test_site_address_is_the_last_resort() -> None:
    text = "A man was wounded by a stray bullet on Sunday night, Tennessee police said. He will recover."
    doc = _on_site(make_doc(text, [("Tennessee", "GPE")]), "http://www.wsmv.com/story/1")
    loc = where(doc)
    assert (loc.name, loc.admin1) == ("Nashville", "Tennessee")


def test_word_of_a_person_name_is_not_a_town() -> None:
    text = (
        "Memphis police said a man was shot on Friday night outside an apartment. "
        "His brother, Joshua Reed, said Joshua had planned to start college this fall."
    )
    second = text.rindex("Joshua")
    doc = make_doc(text, [("Memphis", "GPE"), ("Joshua Reed", "PERSON")])
    doc.entities.append(Entity("Joshua", "GPE", second, second + len("Joshua")))
    loc = where(doc)
    assert (loc.name, loc.admin1) == ("Memphis", "Tennessee")


def test_far_town_of_an_unnamed_state_gives_way_to_the_outlet_home() -> None:
    text = "A toddler was shot inside an apartment in Meredith on Tuesday, police said. She is stable."
    doc = _on_site(make_doc(text, [("Meredith", "GPE")]), "http://www.wsmv.com/story/2")
    loc = where(doc)
    assert (loc.name, loc.admin1) == ("Nashville", "Tennessee")


def test_town_across_the_state_line_within_reach_stays() -> None:
    text = "A teen was hurt in an accidental shooting in Olathe on Friday, police said. He will recover."
    doc = _on_site(make_doc(text, [("Olathe", "GPE")]), "http://www.kctv5.com/story/3")
    loc = where(doc)
    assert (loc.name, loc.admin1) == ("Olathe", "Kansas")
