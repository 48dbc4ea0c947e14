"""Tests for the geo stage: countries, gazetteer, place resolution (fixtures written for these tests)."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import km_between as km
from conftest import make_doc
from crisisledger.geo.countries import country_name, lookup_country
from crisisledger.geo.gazetteer import Gazetteer
from crisisledger.geo.resolve import event_location, find_places


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Kazakhstan", "KZ"),
        ("Kazakh", "KZ"),
        ("U.S.", "US"),
        ("USA", "US"),
        ("America", "US"),
        ("UK", "GB"),
        ("Britain", "GB"),
        ("DRC", "CD"),
        ("Ivory Coast", "CI"),
        ("KZ", "KZ"),
        ("Afghan", "AF"),
        ("Syrians", "SY"),
        ("Burkinabe", "BF"),
        ("South Sudanese", "SS"),
        ("Burmese", "MM"),
        ("Central African", "CF"),
        ("Somali", "SO"),
        ("Israeli", "IL"),
        ("Turkish", "TR"),
    ],
)
def test_lookup_country(text: str, code: str) -> None:
    c = lookup_country(text)
    assert c is not None and c.code == code


def test_country_names_and_common_words() -> None:
    assert country_name("CD") == "Democratic Republic of Congo"
    assert country_name("RU") == "Russia"
    assert lookup_country("Syria").name == "Syria"  # type: ignore[union-attr]
    for word in ("us", "in", "Police", "Monday", "March"):
        assert lookup_country(word) is None


def test_gazetteer_lookup_and_extra(tmp_path: Path) -> None:
    gaz = Gazetteer.default()
    almaty = gaz.lookup("Almaty")[0]
    assert almaty.country_code == "KZ" and almaty.admin1
    extra = tmp_path / "extra.tsv"
    extra.write_text(
        "name\tadmin1\tadmin2\tcountry_code\tlat\tlon\tprecision\n"
        "Zzyxville Test\tNorthfold\tSouthbend\tKE\t-1.5\t37.0\tcity\nbad line\n",
        encoding="utf-8",
    )
    assert gaz.load_extra(extra) == 1
    place = gaz.lookup("zzyxville test")[0]
    assert (place.country_code, place.admin1, place.admin2, place.lat) == (
        "KE",
        "Northfold",
        "Southbend",
        -1.5,
    )


def test_almaty() -> None:
    doc = make_doc("Security forces opened fire on crowds in Almaty on Wednesday.", [("Almaty", "GPE")])
    loc = event_location(doc, 0, len(doc.text))
    assert loc is not None and loc.country_code == "KZ" and loc.country == "Kazakhstan"
    assert loc.admin1 and loc.precision == "city" and loc.lat is not None and loc.lon is not None
    assert km(43.25, 76.92, loc.lat, loc.lon) < 25


@pytest.mark.parametrize(
    ("state", "admin1", "lat"),
    [
        ("Illinois", "Illinois", 39.80),
        ("Massachusetts", "Massachusetts", 42.10),
        ("Mass.", "Massachusetts", 42.10),
        ("IL", "Illinois", 39.80),
    ],
)
def test_springfield_by_state(state: str, admin1: str, lat: float) -> None:
    doc = make_doc(
        f"A man was wounded in a shooting in Springfield, {state}, late on Friday.", [("Springfield", "GPE")]
    )
    loc = event_location(doc, 0, len(doc.text))
    assert loc is not None and loc.name == "Springfield" and loc.admin1 == admin1
    assert loc.lat is not None and abs(loc.lat - lat) < 0.2


def test_kabul_and_demonym_context() -> None:
    doc = make_doc(
        "Afghan officials said a bomb went off near a mosque in Kabul.",
        [("Afghan", "NORP"), ("Kabul", "GPE")],
    )
    loc = event_location(doc, 0, len(doc.text))
    assert loc is not None and loc.name == "Kabul" and loc.country_code == "AF" and loc.precision == "city"
    places = find_places(doc)
    assert [m.text for m in places] == ["Afghan", "Kabul"]
    assert places[0].location.precision == "country"


def test_us_county() -> None:
    doc = make_doc(
        "Deputies in Cook County, Illinois arrested two men after a chase.", [("Cook County", "GPE")]
    )
    loc = event_location(doc, 0, len(doc.text))
    assert loc is not None and loc.precision == "admin2" and loc.admin1 == "Illinois"


def test_ambiguous_name_uses_country_context() -> None:
    # Without context the most populous Hamilton (Canada) wins; an article about the US picks Ohio's.
    plain = make_doc("A teenager was shot in Hamilton overnight.", [("Hamilton", "GPE")])
    loc = event_location(plain, 0, len(plain.text))
    assert loc is not None and loc.country_code == "CA"
    us = make_doc(
        "Ohio police said a teenager was shot in Hamilton overnight.", [("Ohio", "GPE"), ("Hamilton", "GPE")]
    )
    loc = event_location(us, us.text.index("teenager"), len(us.text))
    assert loc is not None and loc.country_code == "US" and loc.admin1 == "Ohio"


def test_parenthesised_admin_and_container() -> None:
    doc = make_doc("On 3 May, gunmen attacked a bus near Tinzawaten Kore (Douentza, Mopti) and fled.", [])
    loc = event_location(doc, 0, len(doc.text))
    # The (made-up) village is in no gazetteer: the district written after it stands in.
    assert loc is not None and loc.name == "Douentza" and loc.country_code == "ML"


def test_shipped_extra_places_fill_gazetteer_gaps() -> None:
    doc = make_doc("On 3 May, gunmen attacked a bus near Hombori (Douentza, Mopti) and fled.", [])
    loc = event_location(doc, 0, len(doc.text))
    assert loc is not None and (loc.name, loc.admin2, loc.country_code) == ("Hombori", "Douentza", "ML")


def test_country_only_article() -> None:
    doc = make_doc(
        "Unrest spread across Kazakhstan as the government declared an emergency.", [("Kazakhstan", "GPE")]
    )
    loc = event_location(doc, 0, len(doc.text))
    assert loc is not None and loc.precision == "country" and loc.country_code == "KZ"


def test_common_words_are_not_places() -> None:
    doc = make_doc("Police said on Monday that the Bishop will visit in March.", [("Bishop", "PERSON")])
    assert find_places(doc) == []
    assert event_location(doc, 0, len(doc.text)) is None


def test_dateline() -> None:
    doc = make_doc("ROSEBURG, Ore. -- Nine people were wounded on Thursday, officials said.", [])
    loc = event_location(doc, doc.text.index("Nine"), len(doc.text))
    assert loc is not None and loc.name == "Roseburg" and loc.admin1 == "Oregon"
