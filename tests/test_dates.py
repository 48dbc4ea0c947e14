import datetime as dt

import pytest

from crisisledger.extractors.dates import event_date, find_dates

PUBLISHED = dt.date(2022, 1, 10)  # a Monday


@pytest.mark.parametrize(
    ("text", "expected", "precision"),
    [
        ("On 5 January 2022, crowds gathered", dt.date(2022, 1, 5), "day"),
        ("Late on Jan. 6 the police moved in", dt.date(2022, 1, 6), "day"),
        ("On December 30, a bomb went off", dt.date(2021, 12, 30), "day"),
        ("The shops reopened on Friday", dt.date(2022, 1, 7), "day"),
        ("Fighting resumed yesterday", dt.date(2022, 1, 9), "day"),
        ("Unrest spread across the country this week", dt.date(2022, 1, 10), "week"),
        ("Talks stalled in March", dt.date(2021, 3, 1), "month"),
        ("The report dated 2022-01-08 lists them", dt.date(2022, 1, 8), "day"),
    ],
)
def test_find_dates_resolves_against_publication(text, expected, precision):
    (mention,) = find_dates(text, PUBLISHED)
    assert (mention.date, mention.precision) == (expected, precision)
    assert text[mention.start : mention.end].strip(",. ")


def test_find_dates_keeps_offsets_and_order():
    text = "Clashes broke out on Tuesday and spread by 6 January."
    mentions = find_dates(text, PUBLISHED, offset=100)
    assert [m.date for m in mentions] == [dt.date(2022, 1, 4), dt.date(2022, 1, 6)]
    assert mentions[0].start == 100 + text.index("Tuesday")


def test_event_date_prefers_own_sentence_then_lead_then_publication():
    assert event_date("Police fired on Friday.", 0, "On 3 January it began.", PUBLISHED) == (
        dt.date(2022, 1, 7),
        "day",
    )
    assert event_date("Police fired.", 0, "On 3 January it began.", PUBLISHED) == (dt.date(2022, 1, 3), "day")
    assert event_date("Police fired.", 0, "It began.", PUBLISHED) == (PUBLISHED, "day")


def test_future_dates_are_not_event_dates():
    assert event_date("A vote is planned on 20 January.", 0, "", PUBLISHED) == (PUBLISHED, "day")


def test_without_publication_only_absolute_dates_resolve():
    assert [m.date for m in find_dates("on Monday, 5 March 2020", None)] == [dt.date(2020, 3, 5)]


def test_event_named_by_its_month():
    (mention,) = find_dates("The toll from the January unrest rose to 225.", dt.date(2022, 3, 14))
    assert (mention.date, mention.precision) == (dt.date(2022, 1, 1), "month")
    assert event_date("It recalled the March 2020 floods.", 0, "", dt.date(2022, 1, 1)) == (
        dt.date(2020, 3, 1),
        "month",
    )
