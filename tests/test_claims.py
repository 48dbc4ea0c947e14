"""Claims: who said what (fixtures in our own words, clean and machine-translation style)."""

from __future__ import annotations

import datetime as dt

from crisisledger.extractors.claims import extract_claims
from crisisledger.model import Article, Claim
from crisisledger.nlp.pipeline import analyse


def _claims(text: str) -> list[Claim]:
    return extract_claims(analyse([Article(id="t", text=text, published=dt.date(2022, 1, 8))])[0])


def test_full_name_then_surname_with_outlet_quote() -> None:
    text = (
        "President Kassym-Jomart Tokayev addressed the nation on Friday. "
        "“This was a coup attempt,” said Tokayev, quoted by the news agency Sputnik."
    )
    [claim] = _claims(text)
    assert claim.speaker == "Kassym-Jomart Tokayev"
    assert claim.quote == "This was a coup attempt"
    assert claim.statement == "This was a coup attempt"
    assert claim.reported_by == "Sputnik"
    assert text[claim.start : claim.end].startswith("“This was")


def test_reported_speech_without_quotes() -> None:
    text = (
        "Kassym-Jomart Tokayev spoke on Friday. "
        "Tokayev told reporters that 20 foreign fighters were detained."
    )
    [claim] = _claims(text)
    assert claim.speaker == "Kassym-Jomart Tokayev"
    assert claim.statement == "20 foreign fighters were detained"
    assert claim.quote is None
    assert claim.reported_by is None


def test_machine_translated_mismatched_quotes() -> None:
    text = (
        "Kassym-Jomart Tokayev met the cabinet. "
        "Tokayev described the rioters as” bandits and terrorists“and refused talks."
    )
    [claim] = _claims(text)
    assert claim.quote == "bandits and terrorists"
    assert claim.speaker == "Kassym-Jomart Tokayev"


def test_according_to_a_person() -> None:
    text = "Kassym-Jomart Tokayev met the cabinet. According to Tokayev, the attackers were trained abroad."
    [claim] = _claims(text)
    assert claim.statement == "the attackers were trained abroad"


def test_institution_is_not_a_speaker() -> None:
    assert _claims("The police said the streets were calm again on Sunday.") == []
