"""Attribution of figures and statements to authorities and outlets (fixtures in our own words)."""

from __future__ import annotations

import datetime as dt

from crisisledger.extractors.attribution import Attribution, attribution_for, attribution_in
from crisisledger.model import Article
from crisisledger.nlp.pipeline import ArticleDoc, analyse


def _doc(text: str) -> ArticleDoc:
    return analyse([Article(id="t", text=text, published=dt.date(2022, 1, 10))])[0]


def _for(text: str, phrase: str) -> Attribution:
    doc = _doc(text)
    start = text.index(phrase)
    return attribution_for(doc, start, start + len(phrase))


def test_according_to_police_for_a_figure() -> None:
    text = "Around 30 people were detained overnight in the capital, according to police."
    assert _for(text, "30 people were detained") == Attribution("Police", None)


def test_outlet_citing_a_ministry_with_country_adjective() -> None:
    text = "At least 40 people died in the clashes, Sputnik reported, citing the Kazakh Ministry of Health."
    assert _for(text, "40 people died") == Attribution("Ministry of Health (Kazakhstan)", "Sputnik")


def test_interior_ministry_spokesman_told_wire_service() -> None:
    text = "A spokesman for the Interior Ministry told AFP that 12 officers had been hurt."
    assert _for(text, "12 officers") == Attribution("Ministry of Internal Affairs", "AFP")


def test_attribution_from_following_sentence() -> None:
    text = (
        "Some 200 people were taken to hospitals in the city. "
        "This was reported by the news agency Interfax citing the regional health department."
    )
    assert _for(text, "200 people").outlet == "Interfax"


def test_machine_translated_outlet_name_near_reporting_verb() -> None:
    text = "Eight people were killed in the blast, the Bcc reported."
    assert _for(text, "Eight people").outlet == "BBC"


def test_victim_group_is_not_an_authority() -> None:
    text = "Nine police officers were wounded, the Health Ministry said."
    assert _for(text, "Nine police officers") == Attribution("Ministry of Health", None)


def test_no_attribution() -> None:
    assert attribution_in("Five houses burned down in the village.") == Attribution(None, None)


def test_previous_sentence_lead() -> None:
    text = "The city administration said on Friday. Fourteen people remain missing."
    assert _for(text, "Fourteen people").authority == "Local authorities"
