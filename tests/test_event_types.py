import pytest

from crisisledger.extractors.actors import find_actors
from crisisledger.extractors.codebook import codebook_refine
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


@pytest.mark.parametrize(
    ("text", "sub_event_type"),
    [
        ("Villagers beat a man to death after accusing him of stealing a goat.", "Mob violence"),
        ("A crowd set ablaze two suspected robbers in the market.", "Mob violence"),
        ("Supporters of the opposition party clashed with police near the square.", "Violent demonstration"),
        ("Traders clashed with each other during a protest over market fees.", "Violent demonstration"),
        ("Police baton-charged a crowd of teachers outside the ministry.", "Protest with intervention"),
        ("Insurgent fighters were seen gathering on the edge of the forest.", "Change to group/activity"),
        ("Villagers said soldiers beat and killed a suspected thief.", "Attack"),
    ],
)
def test_acled_coding_rules(text, sub_event_type):
    assert classify_by_rules(text) == sub_event_type


def test_actor1_is_the_first_named_actor():
    clash = "Soldiers clashed with Al Shabaab fighters near the town."
    assert [a.name for a in find_actors(clash, "Battles", "Armed clash", "Somalia")] == [
        "Military Forces of Somalia",
        "Al Shabaab",
    ]
    reverse = "Al Shabaab fighters attacked an army base; soldiers repelled them."
    assert find_actors(reverse, "Battles", "Armed clash", "Somalia")[0].name == "Al Shabaab"


def test_state_forces_strike_from_the_air_and_arrest():
    strike = "An airstrike hit Taliban positions; the army said 5 fighters died."
    assert find_actors(strike, "Explosions/Remote violence", "Air/drone strike", "Afghanistan")[0].name == (
        "Military Forces of Afghanistan"
    )
    foreign = "Turkish warplanes bombed a village held by the group."
    assert find_actors(foreign, "Explosions/Remote violence", "Air/drone strike", "Syria")[0].name == (
        "Military Forces of Turkey"
    )
    unknown = "International forces carried out a drone strike on a convoy."
    assert find_actors(unknown, "Explosions/Remote violence", "Air/drone strike", "Somalia")[0].name == (
        "Unidentified Military Forces"
    )
    arrest = "Officers arrested three journalists at their office."
    assert find_actors(arrest, "Strategic developments", "Arrests", "Kenya")[0].name == (
        "Police Forces of Kenya"
    )


def test_acled_spells_some_countries_with_the():
    actors = find_actors("Police shot at the crowd.", "Riots", "Violent demonstration", "United States")
    assert [a.name for a in actors] == ["Rioters (United States)", "Police Forces of the United States"]


def test_unknown_attackers_are_an_unidentified_armed_group():
    actors = find_actors("A bomb exploded at a bus stop, killing 3.", "Explosions/Remote violence",
                         "Remote explosive/landmine/IED", "Kenya")  # fmt: skip
    assert [a.name for a in actors] == ["Unidentified Armed Group (Kenya)"]


def test_learned_actor_names_by_country():
    actors = find_actors("JNIM militants attacked a gendarmerie post.", "Battles", "Armed clash", "Mali")
    assert actors[0].name == "JNIM: Group for Support of Islam and Muslims"
    # the learned names of one country are not used in another
    text = "Katiba Macina militants attacked a post."
    assert find_actors(text, "Battles", "Armed clash", "Mali")[0].name == "Katiba Macina"
    assert find_actors(text, "Battles", "Armed clash", "Chad")[0].name == "Unidentified Armed Group (Chad)"


def test_actor_acled_conventions():
    def actor1(text: str, country: str, event: tuple[str, str] = ("Battles", "Armed clash")) -> str:
        return find_actors(text, event[0], event[1], country)[0].name

    # "A or B": ACLED's combined actor
    assert actor1("Presumed JNIM or ISGS militants raided a market.", "Burkina Faso") == (
        "JNIM: Group for Support of Islam and Muslims and/or Islamic State (Greater Sahara)"
    )
    # a state force named by its acronym, with its own country
    assert actor1("SSPDF soldiers clashed with cattle keepers near Bor.", "South Sudan") == (
        "Military Forces of South Sudan"
    )
    # communal militias named after the community
    assert actor1("Suspected Toposa raiders attacked herders near Kapoeta.", "South Sudan") == (
        "Toposa Ethnic Militia (South Sudan)"
    )
    assert actor1("A Marehan clan militia fought a rival group.", "Somalia") == (
        "Darod-Marehan Sub-Clan Militia (Somalia)"  # ACLED's name, from the learned table
    )
    assert actor1("Hawiye Clan militia fought a rival group.", "Somalia") == "Hawiye Clan Militia (Somalia)"
    assert (
        actor1("An unidentified clan militia shot at farmers.", "Somalia")
        == "Unidentified Clan Militia (Somalia)"
    )
    # the side whose losses are told is the target; the one after "by" is the author
    text = "Nine Taliban fighters were killed in an operation by Afghan commandos in Wardak."
    assert [a.name for a in find_actors(text, "Battles", "Armed clash", "Afghanistan")][:2] == [
        "Military Forces of Afghanistan",
        "Taliban",
    ]


def test_a_bombed_patrol_is_the_target():
    text = "A roadside bomb hit a military patrol, wounding two soldiers."
    assert [
        a.name
        for a in find_actors(text, "Explosions/Remote violence", "Remote explosive/landmine/IED", "Myanmar")
    ] == [
        "Unidentified Armed Group (Myanmar)",
        "Military Forces of Myanmar",
    ]


@pytest.mark.parametrize(
    ("text", "sub_event_type"),
    [
        # partisans of parties or candidates fighting each other: mob violence (ACLED), not an armed clash
        ("Supporters of two rival candidates clashed near the bus stand, injuring six.", "Mob violence"),
        ("Members of the ruling party's youth wing assaulted a shopkeeper in the bazaar.", "Mob violence"),
        # ... unless the violence happens at a demonstration or involves an armed group
        ("Supporters of the opposition clashed with police during a rally.", "Violent demonstration"),
        ("Supporters of the militia clashed with soldiers near the river.", "Armed clash"),
        # vigilantes fighting beside troops are a militia, not a mob
        ("Troops and local vigilantes clashed with insurgents near the village.", "Armed clash"),
    ],
)
def test_partisan_violence_and_vigilantes(text, sub_event_type):
    assert classify_by_rules(text) == sub_event_type


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Residents said the soldiers left the town at dawn.", True), ("The bank raised its rate.", False)],
)
def test_crisis_cue(text, expected):
    from crisisledger.extractors.event_types import has_crisis_cue

    assert has_crisis_cue(text) is expected


@pytest.mark.parametrize(
    ("text", "sub_event_type"),
    [
        ("The army recaptured the town from the insurgents.", "Government regains territory"),
        (
            "Security forces took control of the village after the militants fled.",
            "Government regains territory",
        ),
        ("The rebels seized the town of Kaloma after a short fight.", "Non-state actor overtakes territory"),
        ("Three villages fell under the control of the militants.", "Non-state actor overtakes territory"),
        ("Soldiers captured two militants in the village.", None),  # men captured, not a place
        ("Soldiers took up positions near the town.", None),
        # a grenade thrown in a clash is part of the clash
        ("Militants clashed with soldiers at a checkpoint after throwing a grenade.", "Armed clash"),
        (
            "The militants established a new command post near the river town.",
            "Headquarters or base established",
        ),
    ],
)
def test_territory_bases_and_grenades_in_clashes(text, sub_event_type):
    assert classify_by_rules(text) == sub_event_type


@pytest.mark.parametrize(
    ("text", "sub_event_type"),
    [
        ("Two groups of villagers clashed with sticks over a disputed field.", "Mob violence"),
        ("Members of two rival groups clashed in the bazaar after an argument.", "Mob violence"),
        ("Two groups of militiamen clashed near the ford.", "Armed clash"),
        ("Two rival groups of marchers clashed during a protest.", "Violent demonstration"),
        ("A bomb went off while two insurgents were planting it.", "Disrupted weapons use"),
        ("A landmine detonated prematurely in the fighters' hideout.", "Disrupted weapons use"),
        ("A mine exploded while men of the local armed wing were planting it.", "Disrupted weapons use"),
        ("A militant blew himself up while burying an IED by the road.", "Suicide bomb"),
        ("A militant blew himself up while planting an IED by the road.", "Disrupted weapons use"),
        ("A roadside bomb went off under a passing bus.", "Remote explosive/landmine/IED"),
    ],
)
def test_acled_definitions_of_group_fights_and_failed_bombs(text, sub_event_type):
    assert classify_by_rules(text) == sub_event_type


@pytest.mark.parametrize(
    "text",
    [
        "A bomb planted by the insurgents killed a herder on the track.",
        "Rebels attacked an army convoy with remote-controlled explosives.",
        "The local defence force ambushed two trucks using landmines.",
        "Fighters carried out a mine attack on a patrol near the river.",
        "A tractor struck a mine on the farm road.",
        "Unknown men bombed the relay tower overnight.",
    ],
)
def test_explosives_told_as_the_means_of_an_attack(text):
    assert classify_by_rules(text) == "Remote explosive/landmine/IED"


@pytest.mark.parametrize(
    ("typed", "text", "expected"),
    [
        # Armed clash: the attacked side fought back (both engaged)
        (
            "Attack",
            "Raiders attacked a hamlet at dawn; the local defence group repelled them.",
            "Armed clash",
        ),
        ("Attack", "Gunmen hit a farm and the guards returned fire.", "Armed clash"),
        # ... or the victims are soldiers, police or fighters on duty
        ("Attack", "Insurgents ambushed an army patrol on the ring road.", "Armed clash"),
        ("Attack", "Gunmen killed two police officers at a junction.", "Armed clash"),
        ("Attack", "Gunmen killed a retired soldier at his shop.", "Attack"),  # not on duty
        ("Attack", "Militants shot dead two peacekeepers on patrol.", "Armed clash"),
        ("Attack", "Gunmen killed three Koglweogo members near the market.", "Armed clash"),
        ("Attack", "Gunmen killed the Koglweogo chief of the village.", "Attack"),  # a notable
        ("Attack", "Gunmen shot a trader near the well.", "Attack"),
        # Mob violence: the attackers are a crowd of unorganised people
        ("Attack", "On 3 May 2022, villagers beat a suspected cattle thief to death.", "Mob violence"),
        ("Attack", "At least 12 locals assaulted and injured two clerks at the market.", "Mob violence"),
        ("Attack", "On 3 May 2022, gunmen beat a farmer near the well.", "Attack"),
        ("Attack", "Five people were killed by gunmen in the village.", "Attack"),  # victims, not attackers
        ("Attack", "Villagers killed two police officers at the gate.", "Armed clash"),  # armed target
        # Looting/property destruction: property taken or destroyed, nobody harmed
        (
            "Attack",
            "Armed men raided a hamlet and stole goats. Nobody was reported hurt.",
            "Looting/property destruction",
        ),
        ("Attack", "Armed men raided a hamlet, stole goats and beat the herder.", "Attack"),
        ("Attack", "Armed men raided a hamlet and stole forty goats.", "Looting/property destruction"),
        (
            "Attack",
            "Unknown assailants torched a school and two lorries overnight.",
            "Looting/property destruction",
        ),
        ("Attack", "Unknown assailants torched a school and wounded the guard.", "Attack"),
        # Violent demonstration: barricades, burning tyres, stones
        (
            "Peaceful protest",
            "Traders barricaded the market road and burned tyres over new fees.",
            "Violent demonstration",
        ),
        (
            "Protest with intervention",
            "Students pelted the police with stones; officers fired tear gas.",
            "Violent demonstration",
        ),
        ("Peaceful protest", "Nurses marched to the ministry to demand unpaid wages.", "Peaceful protest"),
        # lethal force against a crowd that was fighting is no excessive force
        (
            "Excessive force against protesters",
            "Rioters torched a police post; police then shot dead two protesters.",
            "Violent demonstration",
        ),
        (
            "Excessive force against protesters",
            "Police opened fire on a silent march, killing a protester.",
            "Excessive force against protesters",
        ),
        # air or artillery fire within a ground battle is part of the clash
        (
            "Air/drone strike",
            "Troops clashed with insurgents outside the town, backed by an air strike.",
            "Armed clash",
        ),
        (
            "Shelling/artillery/missile attack",
            "Rebels shelled the airport overnight.",
            "Shelling/artillery/missile attack",
        ),
        (
            "Shelling/artillery/missile attack",
            "Days after clashes nearby, the army shelled two hamlets.",
            "Shelling/artillery/missile attack",
        ),
        # an ambush on travellers, no armed side named, is an attack
        ("Armed clash", "Bandits ambushed a bus on the highway and wounded four passengers.", "Attack"),
        ("Armed clash", "Rebels ambushed a bus and its army escort on the highway.", "Armed clash"),
        # crowds are no armed organisation: their fighting is left to the protest rules
        ("Attack", "Supporters of the mayor attacked a rival and stole his phone.", "Attack"),
        # partisans fighting partisans, no armed actor named: mob violence
        (
            "Armed clash",
            "After the council vote, supporters of the two candidates clashed with sticks in the square.",
            "Mob violence",
        ),
        (
            "Armed clash",
            "Supporters of a warlord and army troops clashed near the river crossing.",
            "Armed clash",
        ),
        # a peaceful protest the authorities dispersed or whose members they arrested: an intervention
        (
            "Peaceful protest",
            "Teachers gathered outside the assembly until police dispersed them with tear gas.",
            "Protest with intervention",
        ),
        (
            "Peaceful protest",
            "Farmers rallied at the depot over seed prices and later dispersed peacefully.",
            "Peaceful protest",
        ),
        # a shoot-out or gun battle: both sides engaged
        ("Attack", "Gunmen and a patrol of forest rangers had a shoot-out near the dam.", "Armed clash"),
        # an armed actor's position, or state guards on duty, as the target
        ("Attack", "Militants attacked a self-defence group position at night.", "Armed clash"),
        ("Attack", "Gunmen shot dead two prison guards at the gate.", "Armed clash"),
        ("Attack", "Gunmen shot dead a security guard at the bank.", "Attack"),
        # livestock or vehicles taken, nobody harmed
        (
            "Attack",
            "Armed men seized three motorbikes and some goats in the hamlet.",
            "Looting/property destruction",
        ),
        # abductees killed: an attack, not an abduction
        (
            "Abduction/forced disappearance",
            "Militants abducted two elders and executed them the next day.",
            "Attack",
        ),
        (
            "Abduction/forced disappearance",
            "Gunmen killed a driver and kidnapped his three passengers.",
            "Attack",
        ),
        (
            "Abduction/forced disappearance",
            "Gunmen kidnapped a teacher on the road to the market.",
            "Abduction/forced disappearance",
        ),
        # civilians killed, nobody fighting back and no armed side named: an attack
        ("Armed clash", "Militants raided a hamlet and killed four members of the Bozo community.", "Attack"),
        (
            "Armed clash",
            "Militants raided a hamlet and killed four villagers before soldiers arrived.",
            "Armed clash",
        ),
        # a demonstration told without any word of violence or force is peaceful (a blocked road too)
        (
            "Violent demonstration",
            "Residents demonstrated and blocked the ring road to demand water.",
            "Peaceful protest",
        ),
        (
            "Violent demonstration",
            "Residents demonstrated and burned a car to demand water.",
            "Violent demonstration",
        ),
        # rival factions clashing are rioters, even when the police arrest some of them afterwards
        (
            "Armed clash",
            "Two factions of the ruling party clashed over a committee post. Police later arrested four men.",
            "Mob violence",
        ),
        (
            "Armed clash",
            "Two factions of the ruling party clashed over a committee post, and police fired on them.",
            "Armed clash",
        ),
        # fighters of a group named in up to three words
        ("Attack", "Militants killed two Green Hill Defence militiamen near the well.", "Armed clash"),
        # arrests the protesters want undone are no intervention
        (
            "Protest with intervention",
            "Lawyers rallied outside the court demanding the release of two detained colleagues.",
            "Peaceful protest",
        ),
        (
            "Protest with intervention",
            "Lawyers rallied demanding the release of detained colleagues; police fired tear gas.",
            "Protest with intervention",
        ),
        # demonstrators setting fire, throwing objects or destroying property: a violent demonstration
        (
            "Peaceful protest",
            "Residents demonstrated over the fare rise and set fire to a minibus.",
            "Violent demonstration",
        ),
        (
            "Protest with intervention",
            "Fans marched to the stadium, threw bottles at stewards and were dispersed by police.",
            "Violent demonstration",
        ),
    ],
)
def test_codebook_refine(typed, text, expected):
    assert codebook_refine(typed, text) == expected


def test_property_rule_only_in_notes():
    text = "Armed men raided a hamlet and stole forty goats."
    assert codebook_refine("Attack", text, note=False) == "Attack"


def test_explosives_only_seized_are_no_remote_violence():
    assert classify_by_rules("Troops seized two IEDs and a rifle at a hideout.") != (
        "Remote explosive/landmine/IED"
    )
    assert classify_by_rules("Troops found an IED, which exploded as they moved it.") == (
        "Remote explosive/landmine/IED"
    )


def test_lethal_force_against_one_protester():
    assert classify_by_rules("Police shot dead a protester during the march.") == (
        "Excessive force against protesters"
    )
    assert classify_by_rules("A demonstrator was shot by soldiers at the gate.") == (
        "Excessive force against protesters"
    )


def test_fold_keeps_every_case_insensitive_match_of_an_ascii_letter_or_digit():
    import re
    import sys

    from crisisledger.extractors.event_types import fold

    alnum = re.compile(r"[a-z0-9]", re.IGNORECASE)
    for code in range(128, sys.maxunicode + 1):
        char = chr(code)
        if alnum.fullmatch(char):
            assert len(fold(char)) == 1 and re.fullmatch(re.escape(fold(char)), char, re.IGNORECASE)


def test_required_literals_of_cue_patterns():
    import re

    from crisisledger.extractors.event_types import required_literals, words

    pattern = words(r"kill", r"shots?\b", r"(?:air|drone) strike", r"\bIEDs?\b", r"al[- ]shabaab")
    assert required_literals(pattern) == {"kill", "shot", "air strike", "drone strike", "ied", "al"}
    assert required_literals(words(r"(?:a )?group of", r"(?<!lynch )mobs?")) == {"a ", "group of", "mob"}
    assert required_literals(words(r"(?:police|army)+ fired")) == {"police", "army"}
    assert required_literals(re.compile(r"\w+ fired")) is None


def test_prefiltered_rules_match_like_their_patterns():
    from crisisledger.extractors.event_types import RULES

    texts = [
        "Gunmen ſhot dead a trader and wounded his son.",  # long s: a case-insensitive "s"
        "KİDNAPPERS seized two nurses on the road.",
        "Soldiers and rebels clashed; a roadside bomb then struck a patrol.",
        "The council approved the budget.",
        "",
    ]
    assert any(rule.cue_literals is not None for rule in RULES)
    for rule in RULES:
        for text in texts:
            expected = bool(rule.cues.search(text)) and not (rule.unless and rule.unless.search(text))
            assert rule.matches(text) == expected, (rule.sub_event_type, text)
