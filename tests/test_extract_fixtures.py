"""Whole-record extraction on reports written for these tests (no ../shared needed)."""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import km_between
from crisisledger import extract
from crisisledger.model import Record

CLEAN = """Kazakhstan's Ministry of Health says at least 164 people have been killed in the riots that shook \
the country this week, including 103 in Almaty, the former capital. Three of the dead were children, the \
youngest four years old. More than 2,200 people were wounded and almost 8,000 were arrested during the \
unrest, the Associated Press reported.

Internet access in Almaty came back after a five-day blackout, the monitoring service NetBlocks said.

Leaders of the Collective Security Treaty Organization held a summit by videoconference on Monday. \
President Kassym-Jomart Tokayev told the summit that the country had faced a "coup attempt" by \
"foreign militants". Russian President Vladimir Putin said the unrest was an attack on the state, \
the Sputnik agency reported."""

# Word order and filler words as machine translation from Romance languages leaves them.
TRANSLATED = """They are at least 12 the dead in the clashes of Nairobi this week, 5 of which only in the \
district of Kibera. Over 40 persons they stayed hurt and it's nearly 300 were detained during \
the protests. This was reported by the newspapers citing the Kenyan police."""


@pytest.fixture(scope="module")
def clean() -> Record:
    return extract(CLEAN, published="2022-01-10", id="clean")


def _figure(record: Record, kind: str, value: int):
    matches = [f for f in record.figures if f.kind == kind and f.value == value]
    assert len(matches) == 1, [(f.kind, f.value) for f in record.figures]
    return matches[0]


def test_clean_main_event(clean):
    main = clean.main_event
    assert main is not None
    assert (main.event_type, main.sub_event_type) == ("Riots", "Violent demonstration")
    assert main.location is not None and main.location.country_code == "KZ"
    assert (main.fatalities, main.injured, main.arrested) == (164, 2200, 8000)
    assert dt.date(2022, 1, 2) <= main.date <= dt.date(2022, 1, 10)
    assert main.actors[0].name == "Rioters (Kazakhstan)"


def test_clean_figures_with_bounds_and_sources(clean):
    total = _figure(clean, "killed", 164)
    assert (total.qualifier, total.min, total.max, total.location) == ("at_least", 164, None, None)
    assert total.attributed_to == "Ministry of Health (Kazakhstan)"
    assert CLEAN[total.start : total.end] == total.text
    assert _figure(clean, "killed", 103).location == "Almaty"
    assert _figure(clean, "killed", 3).group == "children"
    injured = _figure(clean, "injured", 2200)
    assert (injured.qualifier, injured.min, injured.reported_by) == ("more_than", 2201, "AP")
    arrested = _figure(clean, "arrested", 8000)
    assert (arrested.qualifier, arrested.max) == ("almost", 8000)
    assert not [f for f in clean.figures if f.value == 4], "an age is not a figure"


def test_clean_blackout(clean):
    (blackout,) = clean.blackouts
    assert (blackout.country_code, blackout.area, blackout.status) == ("KZ", "Almaty", "restored")
    assert (blackout.duration_hours, blackout.end, blackout.reported_by) == (
        120,
        dt.date(2022, 1, 10),
        "NetBlocks",
    )


def test_clean_diplomatic_event_and_claims(clean):
    assert [e.sub_event_type for e in clean.events].count("Diplomatic event") == 1
    speakers = {c.speaker: c for c in clean.claims}
    assert speakers["Kassym-Jomart Tokayev"].quote == "coup attempt … foreign militants"
    assert speakers["Vladimir Putin"].reported_by == "Sputnik"


def test_clean_almaty_geocoded(clean):
    main = clean.main_event
    assert main is not None and main.location is not None and main.location.name == "Almaty"
    assert km_between(main.location.lat or 0, main.location.lon or 0, 43.25, 76.92) < 25


def test_translated_word_order():
    record = extract(TRANSLATED, published="2023-07-14", id="mt")
    killed = _figure(record, "killed", 12)
    assert (killed.qualifier, killed.min, killed.attributed_to) == ("at_least", 12, "Police")
    assert _figure(record, "killed", 5).location == "Kibera"
    assert _figure(record, "injured", 40).qualifier == "more_than"
    assert _figure(record, "arrested", 300).qualifier == "almost"
    main = record.main_event
    assert main is not None and main.location is not None and main.location.country_code == "KE"
    assert (main.fatalities, main.injured, main.arrested) == (12, 40, 300)


def test_numbers_that_are_not_casualties():
    record = extract(
        "A 35-year-old man was arrested in 2019 after the 2014 protests; he paid $5,000 bail and served "
        "4 years. The march on 12 May drew 3,000 people along a 2-mile route.",
        published="2023-05-13",
    )
    assert [(f.kind, f.value) for f in record.figures] == [("arrested", 1)]


def test_report_without_event():
    record = extract(
        "The central bank kept its interest rate unchanged at 4.5 per cent.", published="2023-01-01"
    )
    assert (record.main_event, record.events, record.figures) == (None, [], [])
