"""How events combine the rules' type with the classifier's (classifier replaced by a stub)."""

from __future__ import annotations

import pytest

from crisisledger.extractors import events
from crisisledger.extractors.classifier import Prediction
from crisisledger.model import SUB_EVENT_TYPES


def _stub(monkeypatch: pytest.MonkeyPatch, sub: str, confidence: float) -> None:
    prediction = Prediction(SUB_EVENT_TYPES[sub], sub, confidence)
    monkeypatch.setattr(events, "classify", lambda texts: [prediction for _ in texts])


def _draft(*sub_types: str) -> events._Draft:
    return events._Draft(events.family_of(sub_types[0]), sub_types=list(sub_types), sentences=[0])


@pytest.mark.parametrize(
    ("rules", "predicted", "confidence", "expected"),
    [
        (("Armed clash",), "Attack", 0.7, "Attack"),  # a confident classifier decides
        (("Armed clash",), "Attack", 0.3, "Armed clash"),  # an unsure one does not
        ((), "Peaceful protest", 0.2, "Peaceful protest"),  # no rule: the classifier's best guess
        (("Suicide bomb",), "Remote explosive/landmine/IED", 0.99, "Suicide bomb"),  # defined by rule
        (("Mob violence",), "Attack", 0.99, "Mob violence"),
        (("Violent demonstration",), "Armed clash", 0.9, "Violent demonstration"),  # other family
        (("Violent demonstration",), "Peaceful protest", 0.9, "Peaceful protest"),  # same family
        (("Natural disaster",), "Attack", 0.7, "Natural disaster"),  # extra category: needs 0.8
        (
            ("Claim of responsibility",),
            "Remote explosive/landmine/IED",
            0.85,
            "Remote explosive/landmine/IED",
        ),
        (("Diplomatic event",), "Other", 0.95, "Diplomatic event"),  # no strategic development
        (("Peaceful protest", "Arrests"), "Peaceful protest", 0.9, "Protest with intervention"),
        # a rule naming the weapon yields only to a near-certain classifier
        (("Remote explosive/landmine/IED",), "Armed clash", 0.8, "Remote explosive/landmine/IED"),
        (("Air/drone strike",), "Armed clash", 0.95, "Armed clash"),
        (("Remote explosive/landmine/IED",), "Disrupted weapons use", 0.6, "Disrupted weapons use"),
        (("Air/drone strike",), "Remote explosive/landmine/IED", 0.6, "Air/drone strike"),
        # generic cue words ("killed", "arrested") yield to the classifier's best guess
        (("Attack",), "Armed clash", 0.3, "Armed clash"),
        (("Arrests",), "Abduction/forced disappearance", 0.25, "Abduction/forced disappearance"),
        (("Attack",), "Armed clash", 0.1, "Attack"),
    ],
)
def test_rules_and_classifier(monkeypatch, rules, predicted, confidence, expected):
    _stub(monkeypatch, predicted, confidence)
    draft = _draft(*rules) if rules else events._Draft("other", sentences=[0])
    assert events._sub_event_type(draft, "text", note=True) == expected


def test_generic_rules_keep_the_usual_bar_in_news_articles(monkeypatch):
    # the classifier learned ACLED notes: in a news article its best guess does not overrule "killed"
    _stub(monkeypatch, "Armed clash", 0.3)
    assert events._sub_event_type(_draft("Attack"), "text", note=False) == "Attack"
    _stub(monkeypatch, "Armed clash", 0.6)
    assert events._sub_event_type(_draft("Attack"), "text", note=False) == "Armed clash"


def test_without_model_the_rules_decide(monkeypatch):
    monkeypatch.setattr(events, "classify", lambda texts: [None for _ in texts])
    assert events._sub_event_type(_draft("Armed clash"), "text", note=True) == "Armed clash"
    assert events._sub_event_type(events._Draft("other", sentences=[0]), "text", note=True) == "Other"


def _main_totals(text: str) -> tuple[int, int | None]:
    from crisisledger.extractors.events import build_events
    from crisisledger.extractors.figures import extract_figures
    from crisisledger.model import Article
    from crisisledger.nlp.pipeline import analyse

    doc = analyse([Article(id="t", text=text)])[0]
    _, main = build_events(doc, extract_figures(doc))
    assert main is not None
    return main.fatalities, main.injured


def test_background_figures_after_the_lead_do_not_count() -> None:
    filler = " Neighbours described the street as quiet and friendly, with children playing outside." * 14
    text = (
        "A man was shot and killed outside a store in Dayton on Friday night, police said."
        + filler
        + " The city has recorded 44 deaths from gunfire so far this year."
    )
    assert _main_totals(text) == (1, None)


def test_a_death_told_only_later_still_counts() -> None:
    filler = " Neighbours described the street as quiet and friendly, with children playing outside." * 14
    text = (
        "A man was shot outside a store in Dayton on Friday night, police said." + filler + " He died later."
    )
    assert _main_totals(text)[0] == 1


def test_coder_statement_reaches_the_main_event() -> None:
    text = (
        "On 3 May, militants attacked an army post near Gao, killing 4 soldiers. "
        "Separately, residents held a peaceful protest in the town. Fatalities coded as 2."
    )
    assert _main_totals(text)[0] == 2


def test_a_suicide_bomb_in_a_battle_yields_to_the_classifier(monkeypatch):
    _stub(monkeypatch, "Armed clash", 0.6)
    draft = _draft("Suicide bomb")
    opening = "A suicide bomber opened the assault on the base."
    assert events._sub_event_type(draft, opening, note=True) == "Armed clash"
    market = "A suicide bomber blew himself up in a market."
    assert events._sub_event_type(draft, market, note=True) == "Suicide bomb"


def _untyped_events(monkeypatch: pytest.MonkeyPatch, text: str) -> list[events._Draft]:
    from crisisledger.model import Article
    from crisisledger.nlp.pipeline import analyse

    _stub(monkeypatch, "Change to group/activity", 0.2)  # an unsure classifier
    return events._classifier_draft(analyse([Article(id="t", text=text)])[0])


def test_a_short_report_with_crisis_words_always_has_an_event(monkeypatch):
    drafts = _untyped_events(monkeypatch, "Soldiers left the town at dawn. Residents stayed indoors.")
    assert [(d.family, d.sentences) for d in drafts] == [("other", [0, 1])]


def test_no_event_without_crisis_words_or_confidence(monkeypatch):
    assert _untyped_events(monkeypatch, "The central bank kept its rate at 4.5 per cent.") == []


def test_a_long_article_needs_a_confident_classifier(monkeypatch):
    text = "Soldiers left the town at dawn.\n\nResidents stayed indoors. " + "The market was quiet. " * 3
    assert _untyped_events(monkeypatch, text) == []


def test_a_grenade_in_a_clash_stays_an_armed_clash(monkeypatch):
    _stub(monkeypatch, "Grenade", 0.9)
    text = "Militants clashed with soldiers after throwing a grenade."
    assert events._sub_event_type(_draft("Armed clash"), text, note=True) == "Armed clash"
    bar = "A grenade was thrown into a bar."
    assert events._sub_event_type(_draft("Attack"), bar, note=True) == "Grenade"


def test_the_codebook_refines_the_chosen_type(monkeypatch):
    # the classifier and the rule agree on an attack, but the defenders fought back: an armed clash
    _stub(monkeypatch, "Attack", 0.9)
    text = "Raiders attacked a hamlet and the village guards repelled them."
    assert events._sub_event_type(_draft("Attack"), text, note=True) == "Armed clash"
    _stub(monkeypatch, "Peaceful protest", 0.9)
    text = "Drivers protested fuel prices and barricaded the highway."
    assert events._sub_event_type(_draft("Peaceful protest"), text, note=False) == "Violent demonstration"


def _main_event(text: str) -> tuple[str, int]:
    from crisisledger.extractors.figures import extract_figures
    from crisisledger.model import Article
    from crisisledger.nlp.pipeline import analyse

    doc = analyse([Article(id="t", text=text)])[0]
    _, main = events.build_events(doc, extract_figures(doc))
    assert main is not None
    return main.sub_event_type, main.fatalities


def test_a_protest_counts_no_deaths_it_protests() -> None:
    text = "Traders held a peaceful sit-in outside the office against the bombing that killed 3 people."
    assert _main_event(text) == ("Peaceful protest", 0)


def test_a_death_at_a_protest_still_counts() -> None:
    text = "During a peaceful rally of farmers outside the assembly, a farmer died of heat."
    assert _main_event(text)[1] == 1


def _note_fatalities(text: str, published: str) -> int:
    from crisisledger.pipeline import extract

    main = extract(text, published=published).main_event
    assert main is not None
    return main.fatalities


def test_an_old_note_divides_its_toll_over_the_days() -> None:
    text = "Fighting between two militias in the town between 3-6 May left 12 dead."
    assert _note_fatalities(text, "2014-05-07") == 3
    assert _note_fatalities(text, "2021-05-07") == 12
    assert _note_fatalities("9 dead and 4 wounded over a three-day clash between herders.", "2014-05-07") == 3
    assert _note_fatalities("Raiders killed 2 traders on the road over 3 days.", "2014-05-07") == 2
    text = "Fighting between 3-6 May left 12 dead. Fatalities split across 2 events."
    assert _note_fatalities(text, "2014-05-07") == 6  # a stated coding wins


def test_a_party_claim_of_the_same_dead_yields_to_another_source() -> None:
    text = (
        "Rebels raided an army post. 4 soldiers were killed. The rebels claimed to have killed 12 soldiers."
    )
    assert _note_fatalities(text, "2020-03-02") == 4
    text = "A bomb exploded in a market, killing 6 people. The group said it killed 25 in the blast."
    assert _note_fatalities(text, "2020-03-02") == 6
    text = (
        "Troops raided a camp; 2 militants died. The militants disputed claims that 9 fighters were killed."
    )
    assert _note_fatalities(text, "2020-03-02") == 2
    text = (
        "Rival militias fought and 9 fighters were killed. One militia stated in a claim to have killed 40."
    )
    assert _note_fatalities(text, "2020-03-02") == 9


def test_a_claim_counts_when_it_is_the_only_toll_or_of_the_other_side() -> None:
    text = "Rebels ambushed an army patrol. The rebels claimed to have killed 7 soldiers."
    assert _note_fatalities(text, "2020-03-02") == 7
    text = "Troops fought rebels and 5 rebels were killed. The rebels claimed to have killed 3 soldiers."
    assert _note_fatalities(text, "2020-03-02") == 8
    text = (
        "Gunmen raided a village and 3 villagers were killed. Local authorities claimed 2 gunmen were killed."
    )
    assert _note_fatalities(text, "2020-03-02") == 5  # an authority's count is a source, not a party's claim


def test_a_claim_of_state_forces_dead_yields_to_a_count_of_police_dead() -> None:
    text = (
        "A bomb hit a police truck and 1 policeman was killed. The insurgents claimed 6 soldiers were killed."
    )
    assert _note_fatalities(text, "2020-03-02") == 1  # soldiers and police are one side


def test_a_sum_reaching_into_a_claim_is_left_out_with_it() -> None:
    text = (
        "Rival militias fought near the well. At least 14 were reportedly killed on both sides. "
        "One militia said that it killed 6 rival fighters."
    )
    assert _note_fatalities(text, "2020-03-02") == 14
