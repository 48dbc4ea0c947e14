"""Internet blackouts (fixtures in our own words, clean and machine-translation style)."""

from __future__ import annotations

import datetime as dt

from crisisledger.extractors.blackout_dates import dates_in, duration_hours
from crisisledger.extractors.blackouts import extract_blackouts
from crisisledger.model import Article, Blackout
from crisisledger.nlp.pipeline import analyse

PUBLISHED = dt.date(2022, 1, 10)  # a Monday


def _blackouts(text: str) -> list[Blackout]:
    return extract_blackouts(analyse([Article(id="t", text=text, published=PUBLISHED)])[0])


def test_restoration_after_multi_day_blackout_in_a_city() -> None:
    text = (
        "Protests spread across Kazakhstan last week. "
        "Internet access in Almaty was restored on Monday at the end of a five-day blackout, NetBlocks said."
    )
    [b] = _blackouts(text)
    assert (b.status, b.area, b.country_code) == ("restored", "Almaty", "KZ")
    assert (b.start, b.end, b.duration_hours) == (dt.date(2022, 1, 5), PUBLISHED, 120.0)
    assert b.reported_by == "NetBlocks"


def test_nationwide_shutdown_ordered_by_government() -> None:
    text = (
        "Unrest gripped Kazakhstan. The government ordered a nationwide internet shutdown on January 5, "
        "according to the monitoring group NetBlocks."
    )
    [b] = _blackouts(text)
    assert (b.status, b.area, b.country_code, b.start) == ("started", None, "KZ", dt.date(2022, 1, 5))
    assert (b.ordered_by, b.reported_by) == ("Government", "NetBlocks")


def test_throttling_machine_translation_style() -> None:
    text = (
        "In Kazakhstan the mobile internet speed was throttled by operators "
        "since Wednesday evening ,Kentik reports."
    )
    [b] = _blackouts(text)
    assert (b.status, b.start, b.services, b.reported_by) == (
        "throttled",
        dt.date(2022, 1, 5),
        ["mobile"],
        "Kentik",
    )


def test_social_media_blocked() -> None:
    text = "Authorities in Kazakhstan blocked WhatsApp and Telegram as well as other social media on Tuesday."
    [b] = _blackouts(text)
    assert b.status == "services_blocked"
    assert b.services == ["social_media", "whatsapp", "telegram"]
    assert (b.start, b.ordered_by) == (dt.date(2022, 1, 4), "Authorities")


def test_two_mentions_merge_into_one() -> None:
    text = (
        "Kazakhstan went offline on January 5 in a nationwide blackout. "
        "Cloudflare said the internet outage in Kazakhstan lasted for 111 hours."
    )
    [b] = _blackouts(text)
    assert (b.start, b.duration_hours, b.reported_by) == (dt.date(2022, 1, 5), 111.0, "Cloudflare")


def test_no_blackout() -> None:
    assert _blackouts("Thousands marched through the capital on Sunday.") == []


def test_date_rules() -> None:
    assert [d for _, d in dates_in("since Wednesday evening and on Jan. 3", PUBLISHED)] == [
        dt.date(2022, 1, 5),
        dt.date(2022, 1, 3),
    ]
    assert duration_hours("a two-week outage") == 336.0


def test_every_observer_is_kept() -> None:
    (b,) = _blackouts(
        "Traffic from Kazakhstan collapsed on Wednesday evening as the authorities cut the internet "
        "nationwide, according to NetBlocks and Cloudflare Radar."
    )
    assert (b.country_code, b.area, b.start) == ("KZ", None, dt.date(2022, 1, 5))
    assert (b.reported_by, b.observers) == ("NetBlocks", ["NetBlocks", "Cloudflare"])
