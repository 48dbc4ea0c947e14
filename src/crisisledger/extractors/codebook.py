"""ACLED codebook distinctions applied to a report's chosen event type (`codebook_refine`).

The rules of `event_types.py` and the classifier type a report from its event sentence; these
refinements then look at the whole report and write distinctions of ACLED's codebook that hold
across files' styles (who fought back, who was targeted, whose violence it was).
"""

from __future__ import annotations

import re

from crisisledger.extractors.event_types import ARMED_WORDS, words

# Armed clash: both sides organised and armed, both engaged — the attacked side fought back.
_BOTH_ENGAGED = words(
    r"repell?(?:ed|ing)\b",
    r"repuls(?:ed|ing)\b",
    r"fought (?:back|off)\b",
    r"return(?:ed|ing) fire",
    r"fir(?:ed|ing) back",
    r"responded to the (?:attack|assault|ambush|incursion)",
    r"routed\b",
    r"counter-?attack(?:ed|ing)?\b",
    r"exchange[ds]? (?:of )?(?:gun)?fire",
    r"(?:gun|fire)fight",
    r"shoot-?outs?\b",
    r"gun ?battles?\b",
)
# … or the one-sided violence hit an organised armed actor (soldiers, police, fighters): a battle.
_ARMED_TARGET = re.compile(
    r"\b(?:killed|killing|shot dead|shot and killed|assassinated|ambushed|attack(?:ed|ing)|stormed|raided|"
    r"assaulted|wounded|injured|shot)\s+(?!by\b)"
    r"(?:an?\s+|the\s+|one\s+|two\s+|three\s+|four\s+|five\s+|six\s+|several\s+|\d+\s+)?(?:[\w-]+\s+){0,3}?"
    r"(?:soldiers?|policem[ae]n|police officers?|gendarmes?|troops|fighters?|militiam[ae]n|militants|rebels?|"
    r"(?:military|army|police) (?:patrols?|convoys?|posts?|bases?|camps?|positions?|checkpoints?)|"
    r"police stations?|gendarmerie|barracks|(?:national|presidential|republican|border|prison) guards?|"
    r"guardsm[ae]n|positions?|peacekeepers?|(?:security|levies|military|police) personnel|arbakis?|"
    r"nds (?:agents?|officers?|members?|personnel)|"
    # community militias on duty (a militia's chief may be a civilian notable)
    r"(?:koglweogos?|dozos?)(?!\s+(?:chiefs?|leaders?)))\b",
    re.IGNORECASE,
)
_NOT_ON_DUTY = words(
    r"retired",
    r"former",
    r"ex-",
    r"off[- ]duty",
    r"unarmed",
    r"civilians?\b",
    r"on leave",
    r"at (?:his|their) home",
    # captives: violence against them is one-sided
    r"kidnap",
    r"abduct",
    r"tortur",
    r"captiv",
    r"prisoners?\b",
    r"hostages?\b",
    r"in (?:their |police |military )?custody",
)
# Crowds, not armed organisations: their violence is a riot, not a battle.
_UNARMED_CONTEXT = words(
    r"protest", r"demonstrat", r"rall(?:y|ies)\b", r"supporters", r"activists", r"\bmob\b"
)
# Looting/property destruction: property looted or destroyed and no one hurt, taken or threatened.
_PROPERTY = words(
    r"loot",
    r"pillag",
    r"plunder",
    r"stole\b",
    r"steal",
    r"rustl",
    r"ransack",
    r"torched",
    r"set (?:\w+ )?ablaze",
    r"set fire",
    r"burn(?:ed|t|ing)\b",
    r"destroyed",
    r"vandali[sz]",
    r"robbed",
    r"(?:seized|took away|carried off|made off with) (?:[\w-]+ ){0,4}?"
    r"(?:livestock|cattle|goods|property|food|vehicles?|motor(?:bike|cycle)s?|cars?|carts?|trucks?|donkeys|camels|goats|sheep|cows|oxen|animals|money)\b",
)
_HARM = words(
    r"kill",
    r"dead\b",
    r"deaths?\b",
    r"died",
    r"wound",
    r"injur",
    r"shot\b",
    r"(?:opened|open) fire",
    r"fired (?:at|on|upon)",
    r"execut",
    r"missing",
    r"abduct",
    r"kidnap",
    r"hostage",
    r"beat(?:en|ing)?\b",
    r"assault",
    r"raped?\b",
    r"tortur",
    r"bod(?:y|ies)\b",
    r"hurt",
    r"victims?\b",
    r"casualt(?:y|ies) (?:unknown|unclear|not (?:known|available|clear))",
    r"(?:unknown|unclear) (?:number of )?casualt",
)
# "nobody was hurt", "no one injured", "without casualties": no harm told
_NO_HARM = re.compile(
    r"\b(?:no|nobody|no one|none|without)\s+(?:\w+\s+){0,3}?"
    r"(?:kill\w*|injur\w*|hurt|wound\w*|casualt\w*|victims?)\b",
    re.IGNORECASE,
)
# Violent demonstration: demonstrators' own violence or destruction, barricades and burning tyres included.
_DEMONSTRATORS_VIOLENT = words(
    r"barricad",
    r"(?:burn\w*|lit|lighting|set fire to|torch\w*)\s+(?:\w+\s+)?(?:tyres|tires)",
    r"(?:threw|throwing|hurled|hurling|pelted|pelting)\s+(?:[\w-]+\s+){0,4}?(?:stones|rocks|bricks|projectiles)",
    r"stone[- ]?(?:throwing|pelting)",
    r"ransack",
    # their own acts, not a cause ("against the vandalism") or a fear ("deter looters")
    r"(?<!been )(?<!for )(?<!against )(?<!the )vandali[sz]",
    r"(?<!been )(?<!for )(?<!against )(?<!the )loot(?:ed|ing)\b",
    r"set fire to",
    r"set (?:\w+ )?(?:ablaze|on fire)",
    r"torch(?:ed|ing)\b",
    r"arson",
    r"(?:protested|demonstrated|marched) violently",
    r"(?:threw|throwing|hurled|hurling)\s+(?:[\w-]+\s+){0,4}?(?:objects|bottles|bombs|fireworks|molotov|eggs|debris)",
    r"(?:crude|petrol) bombs?",
    r"(?:destroyed|damaged|smashed)\b",
)

# A demonstration told with no word of violence, damage, weapons or force at all is peaceful (ACLED:
# blocking a road is no violence); `_PROTEST` names the demonstration.
_PROTEST = words(r"protest", r"demonstrat", r"rall(?:y|ies|ied)", r"march(?:ed|ers|es|ing)\b")
_ANY_VIOLENCE = words(
    r"riot",
    r"clash",
    r"ston",
    r"rock",
    r"brick",
    r"projectil",
    r"burn",
    r"torch",
    r"fire",
    r"ablaze",
    r"barricad",
    r"loot",
    r"vandal",
    r"ransack",
    r"attack",
    r"assault",
    r"injur",
    r"wound",
    r"hurt",
    r"kill",
    r"dead",
    r"died",
    r"destroy",
    r"damag",
    r"smash",
    r"broke",
    r"fight",
    r"fought",
    r"beat",
    r"violen",
    r"molotov",
    r"storm",
    r"threw",
    r"throw",
    r"hurl",
    r"pelt",
    r"seiz",
    r"lynch",
    r"mob",
    r"armed",
    r"gun",
    r"shot",
    r"knife",
    r"machete",
    r"stick",
    r"tires",
    r"tyres",
    r"explo",
    r"bomb",
    r"chaos",
    r"disorder",
    r"unrest",
    r"scuffle",
    r"tussle",
    r"brawl",
    r"graffiti",
    r"spray",
    r"punch",
    r"kick",
    r"hit\b",
    r"struck",
    r"forc",
    r"rampag",
)

_CROWD_FOUGHT = words(
    r"clash", r"riot(?!\s+(?:police|gear))", r"torch", r"set fire", r"burn(?:ed|t|ing)\b", r"stormed"
)

# Air strikes and shelling in support of a ground battle are part of that armed clash (ACLED).
_FIRE_SUPPORT = {"Air/drone strike", "Shelling/artillery/missile attack"}
_GROUND_FIGHT = words(
    r"clash(?:es|ed)?\b",
    r"fought\b",
    r"gunfight",
    r"firefight",
    r"exchange[ds]? (?:of )?(?:gun)?fire",
    r"ground (?:operation|offensive|assault|troops|forces)",
)
_EARLIER_FIGHT = words(r"(?:after|following|came after|since|days? after)\s+(?:\w+\s+){0,3}?clash")

# Attack: one-sided violence against civilians, such as an ambush on travellers' vehicles.
_CIVILIANS_AMBUSHED = re.compile(
    r"\bambush\w*\s+(?:an?\s+|the\s+|two\s+|three\s+|several\s+|\d+\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:vehicles?|bus|buses|cars?|travell?ers|passengers|traders|civilians|trucks?|lorr(?:y|ies)|motorists)\b",
    re.IGNORECASE,
)
_ARMED_SIDE = words(
    r"clash",
    r"exchang",
    r"fought",
    r"fight",
    r"repell?ed",
    r"return\w* fire",
    r"soldiers?\b",
    r"troops",
    r"army",
    r"military",
    r"police",
    r"forces\b",
    r"gendarm",
    r"escort",
    r"militiam[ae]n",
    r"militants?\b",
    r"fighters",
)

# … and one whose victims are civilians, with no fighting and no armed or state side named besides
# the attackers: an attack.
_CIVILIAN_VICTIMS = re.compile(
    r"\b(?:killed|killing|assassinated|executed|wounded|injured|shot dead|shot and killed|murdered)\s+"
    r"(?:an?\s+|the\s+|one\s+|two\s+|three\s+|four\s+|five\s+|several\s+|at least\s+\w+\s+|\d+\s+)?"
    r"(?:[\w-]+\s+){0,2}?(?:members? of the [\w-]+(?: [\w-]+)? community|civilians?|villagers|farmers|"
    r"notables?|councill?ors?|(?:village )?chiefs?|women|children|passengers|traders|merchants)\b",
    re.IGNORECASE,
)
_FIGHT_OR_FORCES = words(
    r"clash",
    r"exchang",
    r"fought",
    r"fight",
    r"battle",
    r"repell?ed",
    r"repuls",
    r"return\w* fire",
    r"fired back",
    r"routed",
    r"shoot-?out",
    r"gun ?battle",
    r"counter-?attack",
    r"soldiers?\b",
    r"troops",
    r"army",
    r"military",
    r"police",
    r"gendarm",
    r"forces\b",
    r"militiam[ae]n",
    r"militia\b",
    r"fighters",
    r"self-defen[cs]e",
)


# Armed clash: organised armed groups on both sides. Partisans of parties or candidates fighting
# each other, with no armed or state actor named, are rioters: mob violence (ACLED).
_PARTISAN_FIGHT = re.compile(
    r"\b(?:supporters|activists|followers|cadres|loyalists|factions)\b[^.]{0,160}?\b(?:clash(?:ed|es)?|fought)\b",
    re.IGNORECASE,
)
# The police only stepping in afterwards (arresting, dispersing, restoring calm) leaves the fight a riot.
_POLICE_STEPPED_IN = re.compile(
    r"[^.]*\b(?:arrest\w*|detain\w*|dispers\w*|under control|intervened|calm)\b[^.]*(?:\.|$)", re.IGNORECASE
)
_ORGANISED = words(
    ARMED_WORDS,
    r"gunm[ae]n",
    r"armed\b",
    r"militiam[ae]n",
    r"gendarm",
    r"guards?\b",
    r"forces\b",
    r"al[- ]shabaa?b",
    r"taliban",
    r"islamic state",
    r"group of (?:armed|unidentified armed)",
)


# Attack: abductees killed (executed, found dead) make the abduction an attack on civilians (ACLED).
_ABDUCTEES_KILLED = re.compile(
    r"\b(?:abduct|kidnap)\w*\b(?:[^.]|\.(?! ))*"
    r"\b(?:killed|executed|beheaded|murdered|shot dead|bod(?:y|ies))\b|"
    r"\b(?:killed|executed|beheaded|murdered|shot dead)\b[^.]{0,80}\b(?:abduct|kidnap)",
    re.IGNORECASE,
)
_ABDUCTION_ONLY = words(
    r"attempt\w* to (?:abduct|kidnap)", r"(?:abduct|kidnapp)\w* (?:and|,)[^.]{0,30}released"
)


# Mob violence: a note whose attackers are a crowd of unorganised people (locals, villagers, residents,
# "20 people"), told as the subject that beat, lynched or killed someone, is rioters' violence (ACLED).
_CROWD_ATTACKERS = re.compile(
    r"^(?:(?:on|reported on|as reported on) [^,]{3,40}, )?"
    r"(?:at least |some |a group of |a mob of |hundreds of |dozens of )?"
    r"(?:\d+(?:\s*-\s*\d+)? |several |many )?"
    r"(?:angry |local |rival |irate |enraged )?(?:locals|villagers|residents|people|mob|youths|inhabitants)\b"
    r"(?:(?!\b(?:were|was|been|are|is|by)\b)[^.]){0,40}?"
    r"\b(?:assaulted|beat|lynched|hacked|stabbed|(?:attacked|killed|injured|wounded) (?:and \w+ )?"
    r"(?:an?|the|\d+|one|two|three|four|five|his|her|their|several|some))\b",
    re.IGNORECASE,
)


# Protest with intervention: authorities physically acted against a peaceful protest (dispersed it,
# fired tear gas or rubber bullets, arrested its participants) without lethal force.
_INTERVENTION = re.compile(
    r"\b(?:dispers(?:ed|ing)|tear ?gas|water cannons?|rubber bullets|baton[- ]charg\w*|"
    r"(?:police|security forces|officers|troops|soldiers)\s+(?:\w+\s+){0,3}?(?:arrested|detained))\b",
    re.IGNORECASE,
)
_NO_INTERVENTION = re.compile(
    r"\b(?:dispersed (?:peacefully|after|without|on their own|later)|"
    r"without (?:any )?(?:incident|intervention)|no (?:arrests|intervention))",
    re.IGNORECASE,
)

# Arrests that are the protest's cause ("demanding the release of detained leaders", "against the
# arrest of"), not its outcome: with no other sign of intervention, the protest was peaceful.
_ARRESTS_AS_CAUSE = re.compile(
    r"\b(?:(?:release|freedom|free|acquittal)\s+(?:of\s+)?(?:[\w'-]+\s+){0,6}?(?:arrested|detained|jailed|imprisoned|held)\b"
    r"|(?:against|over|condemning|protesting|denouncing|after|following|about)\s+(?:the\s+)?(?:[\w'-]+\s+){0,3}?"
    r"(?:arrests?|detentions?)\b(?:\s+of)?"
    r"|(?:arrest(?:ed)?|detain(?:ed)?)\s+(?:\w+\s+){0,3}?(?:earlier|last (?:week|month)|previously|"
    r"(?:in|during) (?:an? |the )?(?:earlier|previous|last))"
    r"|release (?:of )?(?:the )?(?:detainees|prisoners|political prisoners))",
    re.IGNORECASE,
)
_ANY_INTERVENTION = words(
    r"tear ?gas",
    r"dispers",
    r"water cannon",
    r"rubber bullets",
    r"baton",
    r"arrest",
    r"detain",
    r"fired",
    r"shot",
    r"beat",
    r"charg",
    r"intervened",
    r"custody",
)


def codebook_refine(sub_event_type: str, text: str, note: bool = True) -> str:
    """The codebook's type for a report typed `sub_event_type`, from the whole report's text.

    An abduction whose captives were killed is an attack (then refined as one); a clash between
    partisans of parties or candidates, no armed actor named, is mob violence; an
    air strike or shelling told with a ground battle is an armed clash; an ambush on civilians'
    vehicles with no armed side named is an attack; an attack the other side fought back, or one on
    soldiers, police or fighters on duty, is an armed clash; (`note`: a one-event report) an attack
    that only looted or destroyed property is looting/property destruction, and one whose attackers
    are a crowd of unorganised people (locals, villagers) is mob violence; a protest whose
    participants set up barricades, burned tyres or threw stones is a violent demonstration, and so
    is one met with lethal force once its participants fought or burned; a peaceful protest that was
    dispersed, tear-gassed or had participants arrested is a protest with intervention.
    """
    crowd = bool(_UNARMED_CONTEXT.search(text))
    abduction = sub_event_type == "Abduction/forced disappearance"
    if abduction and _ABDUCTEES_KILLED.search(text) and not _ABDUCTION_ONLY.search(text):
        sub_event_type = "Attack"  # then the attack's own distinctions below
    if sub_event_type == "Armed clash":
        sub_event_type = _battle_type(text)
    if sub_event_type in _FIRE_SUPPORT and _GROUND_FIGHT.search(text) and not crowd:
        return sub_event_type if _EARLIER_FIGHT.search(text) else "Armed clash"
    if sub_event_type == "Armed clash" and _CIVILIANS_AMBUSHED.search(text) and not _ARMED_SIDE.search(text):
        sub_event_type = "Attack"  # an ambush on travellers is one-sided violence against civilians
    one_sided = _CIVILIAN_VICTIMS.search(text) and not _FIGHT_OR_FORCES.search(text)
    if sub_event_type == "Armed clash" and one_sided:
        sub_event_type = "Attack"  # civilians killed, no one fighting back
    if sub_event_type == "Attack" and not crowd:
        if _BOTH_ENGAGED.search(text) or (_ARMED_TARGET.search(text) and not _NOT_ON_DUTY.search(text)):
            return "Armed clash"
        if note and _PROPERTY.search(text) and not _HARM.search(_NO_HARM.sub(" ", text)):
            return "Looting/property destruction"
        if note and _CROWD_ATTACKERS.search(text.strip()):
            return "Mob violence"
    if sub_event_type == "Violent demonstration" and _PROTEST.search(text) and not _ANY_VIOLENCE.search(text):
        sub_event_type = "Peaceful protest"  # then a possible intervention, below
    protest = sub_event_type in ("Peaceful protest", "Protest with intervention")
    if protest and _DEMONSTRATORS_VIOLENT.search(text):
        return "Violent demonstration"
    if (
        sub_event_type == "Protest with intervention"
        and _ARRESTS_AS_CAUSE.search(text)
        and not _ANY_INTERVENTION.search(_ARRESTS_AS_CAUSE.sub(" ", text))
    ):
        return "Peaceful protest"  # the arrests are what the protesters demand to undo
    if (
        sub_event_type == "Peaceful protest"
        and _INTERVENTION.search(text)
        and not _NO_INTERVENTION.search(text)
    ):
        return "Protest with intervention"
    if sub_event_type == "Excessive force against protesters" and (
        _DEMONSTRATORS_VIOLENT.search(text) or _CROWD_FOUGHT.search(text)
    ):
        return "Violent demonstration"  # force against a violent crowd is no excessive force (ACLED)
    return sub_event_type


def _battle_type(text: str) -> str:
    """An armed clash's codebook type: mob violence when the fighting sides are partisans and no
    armed actor is named."""
    if _PARTISAN_FIGHT.search(text) and not _ORGANISED.search(_POLICE_STEPPED_IN.sub(" ", text)):
        return "Mob violence"
    return "Armed clash"
