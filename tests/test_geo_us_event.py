"""US local news: the event's town among the article's places (see `crisisledger.geo.us_event`).

Fixtures are sentences written for these tests; entities are given explicitly so spaCy is not involved.
"""

from __future__ import annotations

from collections import Counter

from conftest import make_doc
from crisisledger.geo.gazetteer import Gazetteer
from crisisledger.geo.places import PlaceMention, to_location
from crisisledger.geo.resolve import event_location
from crisisledger.geo.spans import find_spans
from crisisledger.geo.us import headline, state_votes
from crisisledger.geo.us_event import (
    _Article,
    _authority,
    _county_over,
    _key,
    _playlists,
    _scan,
    _town_inside,
    _usable,
    us_event_location,
)
from crisisledger.geo.us_states import renamesake, renear, repopulous, state_after
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


def test_syndicated_story_keeps_its_town_of_another_state() -> None:
    text = (
        "Waco police said a boy, 13, was hurt on Friday while playing with a rifle cartridge at home. "
        "Waco officers said the boy is expected to recover."
    )
    doc = _on_site(make_doc(text, [("Waco", "GPE")]), "http://www.ksla.com/story/9")
    loc = where(doc)
    assert (loc.name, loc.admin1) == ("Waco", "Texas")


def test_second_of_two_streets_named_together_is_not_the_place() -> None:
    text = "A man was found shot near Lynn and Michigan streets in Indianapolis on Thursday."
    lynn = _mention(text, _town("Lynn", "Indiana"))
    city = _mention(text, _town("Indianapolis", "Indiana"))
    assert not _usable(lynn, text)
    assert _usable(city, text)


def _mention(text: str, loc: Location, at: str | None = None) -> PlaceMention:
    i = text.index(at or loc.name)
    return PlaceMention(at or loc.name, i, i + len(at or loc.name), loc, 8.0)


def _town(name: str, state: str) -> Location:
    gaz = Gazetteer.default()
    p = next(p for p in gaz.lookup(name) if p.name == name and p.admin1 == state and p.precision == "city")
    return to_location(p)


def test_small_namesake_without_any_cue_becomes_the_large_one() -> None:
    gaz = Gazetteer.default()
    text = "A Hampton boy, 4, died after he found a loaded handgun at home, police said."
    m = _mention(text, _town("Hampton", "Georgia"))
    moved = repopulous(m, Counter({"Georgia": 0.5}), gaz, 0.5, [])
    assert (moved.location.name, moved.location.admin1) == ("Hampton", "Virginia")
    # another cue for the state, or an outlet home nearby, keeps it
    assert repopulous(m, Counter({"Georgia": 2.5}), gaz, 0.5, []) is m
    assert repopulous(m, Counter({"Georgia": 0.5}), gaz, 0.5, [_town("Atlanta", "Georgia")]) is m


def test_town_far_from_the_outlet_moves_to_its_namesake_nearby() -> None:
    gaz = Gazetteer.default()
    text = "Five people were shot at a home in Newark on Monday night, police said."
    m = _mention(text, _town("Newark", "New York"))
    moved = renear(m, [_town("New York City", "New York")], gaz)
    assert (moved.location.name, moved.location.admin1) == ("Newark", "New Jersey")
    assert renear(m, [], gaz) is m


def test_large_city_of_a_named_state_keeps_its_name() -> None:
    gaz = Gazetteer.default()
    text = "Police in Brooklyn said a baby was hurt; an Iowa lawmaker and a Texas company made the news."
    m = _mention(text, _town("Brooklyn", "New York"))
    kept = renamesake(m, Counter({"Texas": 3, "Iowa": 2, "New York": 1}), gaz)
    assert kept is m


def test_county_far_ahead_of_a_town_outside_it_wins() -> None:
    text = "Noxubee County deputies said a Columbus teen was killed in Macon on Friday."
    gaz = Gazetteer.default()
    county = to_location(next(p for p in gaz.lookup("Noxubee County") if p.precision == "admin2"), "admin2")
    columbus, macon = _town("Columbus", "Mississippi"), _town("Macon", "Mississippi")
    mentions = [_mention(text, county, "Noxubee County"), _mention(text, columbus), _mention(text, macon)]
    art = _Article(mentions, rank={_key(county): 6.0, _key(columbus): 3.0, _key(macon): 1.0})
    assert _county_over(art, columbus) == macon  # the county's own town
    art.rank[_key(county)] = 4.0
    assert _county_over(art, columbus) == columbus  # not far enough ahead


def test_paragraph_opening_with_a_place_in_capitals_is_a_dateline() -> None:
    filler = "Readers shared their memories of the fair and of the parade in the summer. " * 10
    text = filler + "\nBRAMBLETON -- A man was hurt.\nIDAHO FALLS, Idaho — Two were shot. In OHIO - no."
    spans = {sp.text: sp.dateline for sp in find_spans(make_doc(text, []))}
    assert spans.get("Brambleton") and spans.get("Idaho Falls")  # past the first 600 characters too
    assert not spans.get("Ohio")


def test_video_playlist_items_are_found() -> None:
    text = (
        "1:37 Mayor opens the new bridge in Riverton 2:05 Storm damage across the valley "
        "0:48 Fans cheer the home team\n\nA teenager was shot at 5:30 p.m. on Friday in Lakeside."
    )
    (span,) = _playlists(text)
    assert span[0] == 0 and span[1] > text.index("home team") and span[1] < text.index("Lakeside")
    assert _playlists("Police arrived at 5:07 a.m. and again at 6:10 p.m. and 7:15 PM.") == []


def test_place_naming_a_building_is_not_the_scene() -> None:
    text = "Police were called to The Summit Apartments on Oak Drive, where a woman was shot in Winchester."
    assert not _usable(_mention(text, _town("Summit", "New Jersey")), text)
    assert _usable(_mention(text, _town("Winchester", "Kentucky")), text)


def test_township_is_not_a_county() -> None:
    gaz = Gazetteer.default()
    text = "CHESHIRE TOWNSHIP — A teen was shot on Tuesday in Gallia County, deputies said."
    county = to_location(next(p for p in gaz.lookup("Cheshire County") if p.precision == "admin2"), "admin2")
    m = PlaceMention("CHESHIRE TOWNSHIP", 0, 17, county, 8.0, dateline=True)
    assert not _usable(m, text)


def test_town_of_a_state_never_named_gives_way_to_the_named_state_town() -> None:
    text = (
        "A boy was shot in Cedarbrook on Sunday, Connecticut State Police said. Troopers from Bridgeport "
        "came to help. Cedarbrook police said the father had a permit, a Connecticut official added."
    )
    doc = _on_site(
        make_doc(text, [("Cedarbrook", "GPE"), ("Bridgeport", "GPE")]), "https://nbcct.example.com/x"
    )
    monroe = _town("Monroe", "Michigan")  # a namesake in a state the page never names
    bridgeport = _town("Bridgeport", "Connecticut")
    mentions = [_mention(text, monroe, "Cedarbrook"), _mention(text, bridgeport)]
    loc = us_event_location(doc, mentions, None, None, 0, len(text))
    assert loc is not None and (loc.name, loc.admin1) == ("Bridgeport", "Connecticut")


def test_county_gives_way_to_its_well_supported_town() -> None:
    text = "Deputies in Marion County said a man was shot near Woodburn; Woodburn police helped."
    gaz = Gazetteer.default()
    woodburn = _town("Woodburn", "Oregon")
    county = to_location(
        next(p for p in gaz.lookup("Marion County") if p.admin1 == "Oregon" and p.precision == "admin2"),
        "admin2",
    )
    art = _Article([_mention(text, county, "Marion County"), _mention(text, woodburn)])
    art.rank = {_key(county): 4.0, _key(woodburn): 3.0}
    town = _town_inside(art, county)
    assert town is not None and town.location == woodburn
    art.rank[_key(woodburn)] = 1.0
    assert _town_inside(art, county) is None


def test_county_written_as_an_authority_is_not_the_scene() -> None:
    text = "Pulaski County Coroner Sam Hill said the girl died. Shots were heard in Pulaski County."
    gaz = Gazetteer.default()
    county = to_location(
        next(p for p in gaz.lookup("Pulaski County") if p.admin1 == "Arkansas" and p.precision == "admin2"),
        "admin2",
    )
    first = _mention(text, county, "Pulaski County")
    i = text.rindex("Pulaski County")
    second = PlaceMention("Pulaski County", i, i + len("Pulaski County"), county, 8.0)
    assert _authority(first, text)
    assert not _authority(second, text)


def test_headline_town_the_text_never_names_beats_a_same_state_town() -> None:
    # a page whose text is another story (a travel list on the state's capital): the headline tells
    text = "Sacramento offers many museums and parks for a winter weekend, and Sacramento has fine food."
    doc = make_doc(text, [("Sacramento", "GPE")], title="Fresno girl, 6, shot by her cousin")
    loc = where(doc)
    assert (loc.name, loc.admin1) == ("Fresno", "California")


def test_headline_town_of_another_state_keeps_the_text_town() -> None:
    text = "Sacramento police said a girl, 6, was shot on Friday at a house on Elm Street in Sacramento."
    doc = make_doc(text, [("Sacramento", "GPE")], title="Reno girl, 6, shot by her cousin")
    loc = where(doc)
    assert (loc.name, loc.admin1) == ("Sacramento", "California")


def test_headline_town_before_its_people_places_a_sign_in_page() -> None:
    text = "Please confirm your address. We sent you an email with a link that opens your new account."
    doc = make_doc(text, title="Two Ukiah teens charged after a shooting at a party")
    loc = where(doc)
    assert (loc.name, loc.admin1) == ("Ukiah", "California")
