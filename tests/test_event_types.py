import pytest

from crisisledger.extractors.actors import find_actors
from crisisledger.extractors.event_types import classify_by_rules
from crisisledger.model import SUB_EVENT_TYPES


@pytest.mark.parametrize(
    ("text", "sub_event_type"),
    [
        ("Crowds rioted in the city centre and set cars alight.", "Violent demonstration"),
        (
            "Riot police used tear gas to disperse demonstrators outside parliament.",
            "Protest with intervention",
        ),
        ("Teachers held a peaceful rally demanding higher wages.", "Peaceful protest"),
        ("Soldiers opened fire on protesters, killing four of them.", "Excessive force against protesters"),
        ("A mob lynched a man accused of theft.", "Mob violence"),
        ("Government troops and rebels clashed near the border.", "Armed clash"),
        ("A drone strike hit a compound outside the town.", "Air/drone strike"),
        ("Mortar rounds landed in a market.", "Shelling/artillery/missile attack"),
        ("A roadside bomb struck a patrol.", "Remote explosive/landmine/IED"),
        ("A suicide bomber blew himself up at a checkpoint.", "Suicide bomb"),
        ("Someone threw a grenade into a bar.", "Grenade"),
        ("Witnesses said a chlorine gas attack hit the suburb.", "Chemical weapon"),
        ("Gunmen abducted six aid workers.", "Abduction/forced disappearance"),
        ("Gunmen shot dead a village chief.", "Attack"),
        ("An earthquake of magnitude 6 hit the province.", "Natural disaster"),
        ("A garment factory fire broke out overnight.", "Man-made disaster"),
        ("A drug cartel was blamed for the killings.", "Organized crime"),
        ("Leaders met at a summit held by videoconference.", "Diplomatic event"),
        ("The militants claimed responsibility for the blast.", "Claim of responsibility"),
        ("The two sides signed a ceasefire.", "Agreement"),
        ("Officers arrested a local journalist at his home.", "Arrests"),
        ("Army engineers defused an explosive device found under a bridge.", "Disrupted weapons use"),
    ],
)
def test_rules_follow_definitions(text, sub_event_type):
    assert classify_by_rules(text) == sub_event_type


def test_no_event_in_plain_text():
    assert classify_by_rules("The committee published its annual budget on Tuesday.") is None


def test_every_rule_names_a_known_sub_event_type():
    from crisisledger.extractors.event_types import RULES

    assert {rule.sub_event_type for rule in RULES} <= set(SUB_EVENT_TYPES)


def test_actors_named_the_acled_way():
    actors = find_actors(
        "Rioters clashed with police in the capital.", "Riots", "Violent demonstration", "Kazakhstan"
    )
    assert [(a.name, a.role) for a in actors] == [
        ("Rioters (Kazakhstan)", "actor1"),
        ("Police Forces of Kazakhstan", "actor2"),
    ]


def test_named_group_and_victims():
    actors = find_actors(
        "Al-Shabaab fighters killed two civilians.", "Violence against civilians", "Attack", "Somalia"
    )
    assert [a.name for a in actors] == ["Al Shabaab", "Civilians (Somalia)"]
