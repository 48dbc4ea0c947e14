"""Tests for country hints from group names, acronyms, place coherence and datelines (own fixtures)."""

from __future__ import annotations

import gzip
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import make_doc
from crisisledger.geo.priors import country_votes
from crisisledger.geo.resolve import event_location, find_places, main_country

REPO = Path(__file__).resolve().parents[1]


def test_country_votes_from_groups_and_call_signs() -> None:
    votes = country_votes("Boko Haram fighters raided a market; soldiers repelled Boko Haram later.")
    assert votes == {"NG": 2}
    assert country_votes("(WXYZ) - Two men were hurt in a shooting.")["US"] == 2
    assert country_votes("The county sheriff said two people were hurt.")["US"] == 1
    assert country_votes("Nobody was hurt in the storm.") == {}


def test_group_name_settles_country_without_country_name() -> None:
    doc = make_doc("Al Shabaab militants attacked a base near Afgooye on Monday.", [("Afgooye", "GPE")])
    assert main_country(doc) == "SO"
    loc = event_location(doc, 0, len(doc.text))
    assert loc is not None and loc.country_code == "SO"


def test_acronym_is_not_a_place_nickname() -> None:
    doc = make_doc("Soldiers of the SNA surrendered to the insurgents.", [("SNA", "ORG")])
    assert all(m.location.name != "Santa Ana" for m in find_places(doc))


def test_state_abbreviation_is_not_a_country_code() -> None:
    doc = make_doc("LOUISVILLE, Ky. (WHAS) - Four people were shot at a club on Sunday.")
    assert main_country(doc) == "US"
    loc = event_location(doc, doc.text.index("Four"), len(doc.text))
    assert loc is not None and loc.name == "Louisville" and loc.admin1 == "Kentucky"


def test_dateline_wins_over_a_far_place_in_the_event() -> None:
    text = (
        "Photo: staff  ROSEBURG, Ore. (AP) - A man who once lived in Hartford opened fire at a "
        "college on Thursday, killing two people."
    )
    doc = make_doc(text, [("Hartford", "GPE")])
    loc = event_location(doc, text.index("A man"), len(text))
    assert loc is not None and loc.name == "Roseburg" and loc.admin1 == "Oregon"


def test_coherent_names_pick_one_state() -> None:
    text = "A teenager from Lynn was charged after a shooting at a party in Chelsea on Sunday."
    doc = make_doc(text, [("Lynn", "GPE"), ("Chelsea", "GPE")])
    loc = event_location(doc, 0, len(text))
    assert loc is not None and loc.country_code == "US" and loc.admin1 == "Massachusetts"


def test_surname_inside_a_name_is_not_a_place() -> None:
    doc = make_doc("Investigators said Brandy Mclaughlin and her partner Terry Parnell were guards.")
    assert [m.text for m in find_places(doc)] == []


def test_neighbourhood_defers_to_the_city() -> None:
    text = "A boy was shot in the Austin neighborhood on Friday, Chicago police said."
    doc = make_doc(text, [("Austin", "GPE"), ("Chicago", "GPE")])
    loc = event_location(doc, 0, len(text))
    assert loc is not None and loc.name == "Chicago"


@pytest.mark.skipif(not (REPO.parent / "shared" / "bench" / "acled").is_dir(), reason="no bench data")
def test_build_acled_places_writes_admin_centres(tmp_path: Path) -> None:
    out = tmp_path / "places.tsv.gz"
    cmd = [
        sys.executable,
        str(REPO / "bench" / "build_acled_places.py"),
        "--exclude",
        "usa",
        "bangladesh",
        "afghanistan",
        "south_asia",
        "myanmar",
        "car_",
        "burkina",
        "mali_",
        "nigeria",
        "south_sudan",
        "--out",
        str(out),
    ]
    subprocess.run(cmd, check=True, capture_output=True)
    with gzip.open(out, "rt", encoding="utf-8") as fh:
        rows = [line.rstrip("\n").split("\t") for line in fh][1:]
    assert rows and {r[3] for r in rows} == {"SO"}
    assert {r[6] for r in rows} >= {"city", "admin1"}
