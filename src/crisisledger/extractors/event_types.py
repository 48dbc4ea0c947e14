"""Rule-based event typing: ACLED's definitions, plus the contract's extra crisis categories.

Each rule names a sub-event type and the cue words that define it; the first matching rule
wins, so rules run from the most specific to the most general. The supervised classifier
(`classifier.py`) refines the result for ACLED-style text where it is confident.
"""

from __future__ import annotations

import re
import re._constants as sre_constants
import re._parser as sre_parse
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any


def words(*alternatives: str) -> re.Pattern[str]:
    """A case-insensitive pattern for any of `alternatives`, each starting at a word boundary."""
    return re.compile(r"\b(?:" + "|".join(alternatives) + r")", re.IGNORECASE)


# The only characters `re.IGNORECASE` matches to a lower-case ASCII letter that `str.lower` does not
# turn into that letter (checked over all of Unicode in the tests).
_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s"})


def fold(text: str) -> str:
    """`text` lower-cased so that a case-insensitive match of an ASCII literal is a substring of it."""
    return text.translate(_FOLD).lower()


def _leading_literals(items: list[Any]) -> frozenset[str] | None:
    """Literals one of which every match of the parsed pattern `items` starts with (after zero-width
    assertions), lower-cased; None when some match may start otherwise."""
    prefix = ""
    for k, (op, arg) in enumerate(items):
        if op is sre_constants.LITERAL and chr(arg).isascii():
            prefix += chr(arg).lower()
            continue
        if prefix:
            return frozenset([prefix])
        if op in (sre_constants.AT, sre_constants.ASSERT, sre_constants.ASSERT_NOT):
            continue
        rest = items[k + 1 :]
        if op is sre_constants.SUBPATTERN:
            return _leading_literals([*arg[-1], *rest])
        if op is sre_constants.BRANCH:
            return _union([_leading_literals([*alt, *rest]) for alt in arg[1]])
        if op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT):
            low, _, body = arg
            once = _leading_literals([*body])
            return once if low >= 1 else _union([once, _leading_literals(rest)])
        return None
    return frozenset([prefix]) if prefix else None


def _union(sets: list[frozenset[str] | None]) -> frozenset[str] | None:
    """All literals of `sets`, or None when one of them has none."""
    if any(s is None for s in sets):
        return None
    return frozenset().union(*(s for s in sets if s is not None))


def required_literals(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Lower-case literals one of which `fold(text)` holds whenever `pattern` matches in `text`
    (a cheap test that rules a pattern out before its search), or None when there are none."""
    return _leading_literals([*sre_parse.parse(pattern.pattern, pattern.flags)])


@dataclass(frozen=True)
class Rule:
    sub_event_type: str
    cues: re.Pattern[str]
    unless: re.Pattern[str] | None = None
    cue_literals: frozenset[str] | None = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "cue_literals", required_literals(self.cues))

    def matches(self, text: str, folded: str | None = None) -> bool:
        """Whether the cues occur in `text` and the exceptions do not (`folded`: `fold(text)`, if known)."""
        if self.cue_literals is not None:
            folded = fold(text) if folded is None else folded
            for literal in self.cue_literals:
                if literal in folded:
                    break
            else:
                return False
        return bool(self.cues.search(text)) and not (self.unless and self.unless.search(text))


_VIOLENT = words(r"kill", r"shot", r"shoot", r"wound", r"injur", r"dead\b", r"died", r"clash", r"attack")
_STATE_FORCE = words(
    r"police", r"security forces", r"troops", r"soldiers", r"army", r"military", r"riot police"
)

# Organised armed actors and state forces: their violence is no mob violence.
ARMED_WORDS = (
    r"(?:police|security|soldiers|troops|army|military|militias?|militants?|armed|gunm[ae]n|fighters|"
    r"rebels?|insurgents?|jihadists?|bandits?|herders|(?:sub-)?clans?)\b"
)

# Partisans of a political party, wing or candidate (not an armed organisation).
_PARTISANS = (
    r"(?:supporters|activists|followers|cadres|loyalists) of|(?:rival )?factions? of|"
    r"party (?:members|supporters|activists|workers)|"
    r"members of (?:the )?(?:[\w'-]+ ){0,4}?(?:party|league|congress|student wing|youth wing)\b"
)

# Territory changes (ACLED): who took control of a place decides the sub-type.
_STATE_SUBJECT = (
    r"(?:(?:government|state|national|federal) (?:security )?forces|security forces|(?:the )?army|military|"
    r"troops|soldiers|(?:special|defen[cs]e|armed) forces)"
)
_NONSTATE_SUBJECT = (
    r"(?:militants|rebels?|insurgents|jihadists|fighters|militiam[ae]n|militias?|taliban|al[- ]shabaa?b|"
    r"boko haram|islamic state|isis|isgs|jnim|rebel coalition)"
)
_TAKE_VERB = (
    r"(?:took (?:back )?(?:full )?(?:control|over)|seized|captured|overran|overtook|gain(?:ed)? control|"
    r"liberated|cleared)"
)
# up to three words between the verb and the place, none a preposition ("captured two men in the village")
_TO_PLACE = r"\W+(?:(?!(?:in|at|near|from|to|into|around|inside)\b)[^\s.]+\s+){0,3}?"
_PLACE_NOUN = (
    r"(?:villages?|towns?|city|district|(?:military )?bases?|camps?|area|localit(?:y|ies)|posts?|"
    r"positions?|checkpoints?|outposts?|strongholds?|(?:district )?(?:centers?|centres?)|headquarters)\b"
)

# Explosives only seized or found, none going off: a weapons seizure, not remote violence (ACLED).
_SEIZED_ONLY = re.compile(
    r"(?s)^(?=.*?\b(?:seiz|recover|confiscat|found|discover|captur|arrest)\w*\b[^.]{0,80}"
    r"(?:\bIEDs?\b|explosive|landmine|bomb))"
    r"(?!.*?\b(?:explod|explosion|detonat|blast|went off|struck|hit an?\b|killed by an?\b))",
    re.IGNORECASE,
)

RULES: tuple[Rule, ...] = (
    Rule(
        "Claim of responsibility",
        words(r"claimed responsibility", r"claims? responsibility", r"took responsibility"),
    ),
    Rule(
        "Disrupted weapons use",
        words(
            r"defused",
            r"weapons? cache",
            r"seized weapons",
            r"bomb disposal",
            r"dismantled an? (?:ied|explosive|bomb)",
            r"arms cache",
            # ACLED: a bomb that goes off while its makers plant or handle it is a disrupted use
            r"(?:exploded|detonated|went off|blew (?:himself |herself |themselves )?up)[^.]{0,30}"
            r"\bwhile (?:\w+ ){0,7}"
            r"(?:planting|assembling|making|manufacturing|handling|transporting|laying)\b",
            r"while (?:\w+ ){0,3}planting (?:an? |the )?(?:\w+ )?(?:ied|explosive|bomb|mine|landmine|device)",
            r"premature(?:ly)? (?:explosion|detonation|exploded|detonated)",
            r"(?:exploded|detonated|went off) prematurely",
            r"accidentally (?:exploded|detonated)",
        ),
    ),
    Rule(
        "Chemical weapon",
        words(r"chemical (?:weapon|attack)", r"sarin", r"chlorine gas", r"nerve agent", r"mustard gas"),
    ),
    Rule(
        "Suicide bomb",
        words(r"suicide (?:bomb|attack|car bomb|vest)", r"self-detonat", r"blew (?:himself|herself) up"),
    ),
    Rule(
        "Air/drone strike",
        words(
            r"air ?strikes?",
            r"airstrikes?",
            r"air raids?",
            r"drone (?:strike|attack)",
            r"warplanes?",
            r"bombed from the air",
            r"helicopter gunship",
            r"aerial bombardment",
        ),
    ),
    Rule(
        "Shelling/artillery/missile attack",
        words(r"shell(?:ed|ing|s)\b", r"artillery", r"mortars?", r"rockets?\b", r"missiles?", r"bombard"),
    ),
    Rule(
        "Remote explosive/landmine/IED",
        words(
            r"\bIEDs?\b",
            r"improvised explosive",
            r"landmines?",
            r"roadside bomb",
            r"car bomb",
            r"explosive device",
            r"bomb exploded",
            r"bomb blast",
            r"mine explo",
            r"planted bomb",
            r"remote[- ]controlled (?:bombs?|explosives?)",
            r"detonated",
            # the weapon told as the means of an attack: "a bomb planted by", "attacked with mines"
            r"(?:bomb|mine|explosive)s? planted",
            r"planted (?:an? |the )?(?:bomb|mine|explosive)s?\b",
            r"bomb (?:attack|explosion)s?",
            r"mine attacks?",
            r"(?:with|using) (?:\w+ )?(?:explosives|mines|bombs|landmines)\b",
            r"(?:hit|struck|stepped on) an? (?:land)?mine\b",
            r"bombed\b",
        ),
        unless=_SEIZED_ONLY,
    ),
    # ACLED: a grenade thrown in the course of a clash is part of the armed clash
    Rule(
        "Grenade",
        words(r"grenades?"),
        unless=words(r"clash(?:es|ed)?\b", r"exchange(?:d)? (?:of )?fire", r"gunfight", r"firefight"),
    ),
    Rule(
        "Natural disaster",
        words(
            r"earthquake",
            r"floods?\b",
            r"flooding",
            r"cyclone",
            r"hurricane",
            r"typhoon",
            r"landslides?",
            r"tsunami",
            r"drought",
            r"wildfires?",
            r"volcan",
            r"tornado",
            r"heavy rains?",
            r"storm\b",
            r"avalanche",
        ),
    ),
    Rule(
        "Man-made disaster",
        words(
            r"building collapse",
            r"collapsed",
            r"train (?:crash|derail)",
            r"plane crash",
            r"boat capsiz",
            r"capsized",
            r"industrial accident",
            r"factory fire",
            r"gas explosion",
            r"chemical spill",
            r"dam burst",
            r"stampede",
            r"fire broke out",
        ),
        unless=words(r"set fire", r"arson", r"torched"),
    ),
    Rule(
        "Abduction/forced disappearance",
        words(
            r"abduct",
            r"kidnap",
            r"taken hostage",
            r"held hostage",
            r"forcibly disappeared",
            r"forced disappearance",
        ),
    ),
    Rule("Sexual violence", words(r"\braped?\b", r"sexual(?:ly)? (?:assault|violence|abuse)", r"gang-?rape")),
    Rule(
        "Excessive force against protesters",
        words(
            r"(?:police|security forces|troops|soldiers)\W+(?:\w+\W+){0,6}"
            r"(?:opened fire|fired live|shot|killed)\W+(?:\w+\W+){0,4}"
            r"(?:protesters?|demonstrators?|protestors?)\b",
            r"(?:protesters?|demonstrators?|protestors?) (?:was|were) (?:shot|killed) by",
        ),
    ),
    # "vigilantes" alone are often an armed militia fighting beside troops (not a mob)
    Rule("Mob violence", words(r"\bmob\b", r"lynch", r"vigilante (?:justice|killing|attack|mob)")),
    Rule(
        # ACLED: "mob justice" (an unorganised crowd punishing a suspected thief or witch) is mob
        # violence, not an attack by an armed actor.
        "Mob violence",
        re.compile(
            r"\b(?:locals|villagers|residents|crowds?|members of the public|(?:a )?group of (?:people|locals|"
            r"residents|villagers)|youths)\W+(?!(?:were|was|have|had|are|is)\b)"
            rf"(?:(?!{ARMED_WORDS})[^\s.]+\s+){{0,10}}?"
            r"(?:beat(?:en)?|lynched|assault(?:ed)?|stoned|set (?:\w+ )?(?:ablaze|on fire)|burn(?:ed|t)|"
            r"hacked|killed)\b[^.]{0,120}?\b(?:suspect(?:ed|s)?|accused|thie(?:f|ves)|robbers?|witch(?:craft)?|"
            r"stealing|theft)\b",
            re.IGNORECASE,
        ),
        unless=words(r"protest", r"demonstrat"),
    ),
    Rule(
        # ACLED: violence between supporters of political parties or candidates (no organised armed
        # group, no demonstration) is mob violence, not an armed clash or an attack.
        "Mob violence",
        re.compile(
            rf"\b(?:{_PARTISANS})\W+(?:[^\s.]+\s+){{0,12}}?"
            r"(?:clash(?:ed|es)?|assault(?:ed)?|attack(?:ed)?|beat(?:en)?|stabbed|hacked|injured|vandali[sz]ed|"
            r"fought|chased)\b",
            re.IGNORECASE,
        ),
        unless=words(
            r"protest",
            r"demonstrat",
            r"rall(?:y|ies)",
            r"march",
            r"procession",
            r"hartal",
            r"blockade",
            r"clash(?:ed|es)? with (?:the )?(?:police|security forces|army|troops|soldiers)",
            r"militia",
            r"militants?\b",
            r"insurgents?",
            r"rebels?\b",
            r"armed group",
        ),
    ),
    Rule(
        # ACLED: two unorganised groups (villagers, rival groups) fighting each other are rioters
        "Mob violence",
        re.compile(
            r"\b(?:(?:two|rival|opposing) (?:groups|factions)|residents of (?:two|neighbouring) villages|"
            r"groups? of (?:villagers|locals|residents|people|youths))\b[^.]{0,120}?\bclash",
            re.IGNORECASE,
        ),
        unless=re.compile(
            rf"\b{ARMED_WORDS}|\b(?:protest|demonstrat|rall(?:y|ies)|armed group|gunm[ae]n|militiam[ae]n)",
            re.IGNORECASE,
        ),
    ),
    Rule(
        "Violent demonstration",
        words(
            r"riot(?:s|ers|ing|ed)?\b",
            r"violent (?:protest|demonstration)",
            r"protesters (?:torched|burned|set fire|stormed|attacked|pelted|threw stones)",
            r"demonstrators (?:torched|burned|set fire|stormed|attacked|pelted|threw)",
            r"stone[- ]pelting",
            r"(?<!political )unrest",
            # demonstrators fighting the police, or a clash during a demonstration (ACLED: violent)
            r"(?:protesters|demonstrators|protestors)\W+(?:\S+\s+){0,6}?clash",
            r"clash\w*[^.]{0,200}?\b(?:during|amid(?:st)?) (?:\S+\s+){0,3}?"
            r"(?:protests?|demonstrations?|rall(?:y|ies)|march(?:es)?|blockade|hartal)\b",
            r"(?:supporters|activists|members|followers|students|workers|youths|crowds?)\W+(?:[^\s.]+\s+){0,8}?"
            r"clash(?:ed|es)? with (?:the )?police",
        ),
        unless=words(r"riot police", r"riot gear", r"anti-riot"),
    ),
    Rule(
        "Protest with intervention",
        words(
            r"(?:protest|demonstrat|rall|march)\w*\W+(?:\w+\W+){0,12}"
            r"(?:tear ?gas|dispersed|water cannon|rubber bullets|baton|arrested|detained)",
            r"(?:tear ?gas|dispersed|water cannon|rubber bullets)\W+(?:\w+\W+){0,12}"
            r"(?:protest|demonstrat|rall|march)",
            r"baton[- ]?charg",
            r"(?:fired|lobbed|used) tear ?gas",
        ),
    ),
    Rule(
        "Peaceful protest",
        words(
            r"protest",
            r"demonstrat",
            r"rall(?:y|ies|ied)",
            r"marched",
            r"\bmarch(?:es)? (?:in|to|against|for)",
            r"sit-in",
            r"strike\b(?! (?:on|against|at|by|killed))",
            r"picket",
            r"vigils?\b",  # not "vigilantes"
            r"boycott",
        ),
        unless=words(r"air ?strike", r"drone strike"),
    ),
    Rule(
        # ACLED: state forces win back control of an area (by fighting)
        "Government regains territory",
        re.compile(
            rf"\b{_STATE_SUBJECT}\W+(?:[^\s.]+\s+){{0,10}}?{_TAKE_VERB}{_TO_PLACE}{_PLACE_NOUN}"
            rf"|\b(?:retook|retaken|recaptured?|recapturing|regain(?:ed|s)? control)\b",
            re.IGNORECASE,
        ),
        unless=words(r"(?:militants|rebels|insurgents|jihadists|al[- ]shabaa?b|taliban)\W+(?:\w+\W+){0,3}re"),
    ),
    Rule(
        # ACLED: a non-state armed group takes control of an area (by fighting)
        "Non-state actor overtakes territory",
        re.compile(
            rf"\b{_NONSTATE_SUBJECT}\W+(?:[^\s.]+\s+){{0,10}}?{_TAKE_VERB}{_TO_PLACE}{_PLACE_NOUN}"
            rf"|\b{_PLACE_NOUN}\W+(?:[^\s.]+\s+){{0,6}}?fell (?:to|under the control of)\b",
            re.IGNORECASE,
        ),
    ),
    Rule(
        "Armed clash",
        words(
            r"clash(?:es|ed)?\b",
            r"fighting\b",
            r"fought",
            r"battle",
            r"exchange(?:d)? (?:of )?fire",
            r"gunfight",
            r"firefight",
            r"ambush",
            r"offensive",
            r"skirmish",
        ),
    ),
    Rule(
        "Organized crime",
        words(
            r"cartel",
            r"drug traffick",
            r"gang (?:war|member|violence)",
            r"organi[sz]ed crime",
            r"smuggl",
            r"extortion",
            r"mafia",
        ),
    ),
    Rule(
        "Attack",
        words(
            r"gunm[ae]n",
            r"shot (?:dead|and killed|at|him|her|them)",
            r"shooting",
            r"stabb",
            r"murder",
            r"killed\b",
            r"attack(?:ed|s)?\b",
            r"hacked to death",
            r"beheaded",
            r"massacre",
            r"executed",
            r"opened fire",
            r"assassinat",
            r"beaten to death",
            r"torched (?:homes|houses|villages)",
        ),
    ),
    Rule(
        "Diplomatic event",
        words(
            r"summit",
            r"videoconference",
            r"bilateral talks",
            r"peace talks",
            r"state visit",
            r"foreign ministers?",
            r"held talks",
            r"\bmet with\b",
            r"envoy",
            r"delegation",
        ),
    ),
    Rule(
        "Agreement",
        words(
            r"ceasefire",
            r"cease-fire",
            r"peace (?:deal|agreement|accord)",
            r"signed an? agreement",
            r"truce",
            r"prisoner exchange",
            r"release of (?:prisoners|hostages)",
        ),
    ),
    Rule("Arrests", words(r"arrest", r"detain", r"taken into custody", r"rounded up")),
    Rule(
        "Looting/property destruction",
        words(
            r"loot",
            r"vandali[sz]ed",
            r"set (?:on )?fire",
            r"torched",
            r"burn(?:ed|t) down",
            r"arson",
            r"demolish",
            r"destroyed",
        ),
    ),
    Rule(
        "Headquarters or base established",
        words(
            r"(?:established|set up|built) (?:an? |new )*(?:\w+ )?(?:bases?|headquarters|camps?|checkpoints?|"
            r"command posts?|positions|outposts?)\b"
        ),
    ),
    Rule(
        "Non-violent transfer of territory",
        words(r"withdrew from", r"handed over control", r"took control without", r"pulled out of"),
    ),
    Rule(
        "Change to group/activity",
        words(
            r"recruit",
            r"merged with",
            r"new (?:group|leader)",
            r"splinter",
            r"declared (?:a )?state of emergency",
            r"curfew",
            r"imposed",
            r"(?:seen|observed|spotted|reported) (?:\w+ )?"
            r"(?:gathering|regrouping|mobili[sz]ing|massing|moving|patrolling|arriving|deploying)",
            r"arrived (?:in|at) the (?:vicinity|outskirts|area)",
            r"regroup(?:ed|ing)",
            r"(?:fighters|militants|militias?|forces|troops|rebels|insurgents)\s+(?:\S+\s+){0,3}?"
            r"(?:arrived|gathered|massed|(?:was|were) seen|patrolled)\b",
            r"reinforcements? (?:arrived|were deployed)",
            r"troop movements?",
        ),
    ),
)


def classify_by_rules(text: str) -> str | None:
    """The sub-event type whose definition `text` matches first, or None."""
    return next(rule_types(text), None)


def rule_types(text: str) -> Iterator[str]:
    """The sub-event types of all rules `text` matches, most specific first."""
    folded = fold(text)
    return (rule.sub_event_type for rule in RULES if rule.matches(text, folded))


# Words that say a text is about conflict or crisis at all: a short report holding one of them
# tells an event even when no rule types it (ACLED notes describe exactly one event each).
_CRISIS_CUE = words(
    r"kill",
    r"dead\b",
    r"died",
    r"deaths?\b",
    r"bod(?:y|ies)\b",
    r"wound",
    r"injur",
    r"attack",
    r"armed\b",
    r"gun",
    r"shot\b",
    r"shoot",
    r"fired\b",
    r"militia",
    r"militant",
    r"rebel",
    r"insurgent",
    r"fighters?\b",
    r"soldiers?\b",
    r"troops?\b",
    r"army\b",
    r"military",
    r"police",
    r"security forces",
    r"forces\b",
    r"protest",
    r"demonstrat",
    r"rall(?:y|ies|ied)\b",
    r"march",
    r"riot",
    r"clash",
    r"fight",
    r"explo",
    r"bomb",
    r"blast",
    r"mines?\b",
    r"shell",
    r"abduct",
    r"kidnap",
    r"hostage",
    r"arrest",
    r"detain",
    r"loot",
    r"raid",
    r"seiz",
    r"captur",
    r"displac",
    r"violen",
    r"assault",
    r"beat(?:en|ing)?\b",
    r"tortur",
    r"curfew",
    r"ceasefire",
    r"weapon",
    r"ambush",
    r"airstrike",
    r"hack(?:ed|ing)\b",
    r"stabb",
    r"machete",
    r"burn",
    r"torch",
    r"destroy",
    r"attempt",
    r"threat",
    r"intimidat",
    r"extort",
    r"jihad",
    r"terroris",
    r"gunm[ae]n",
    r"bandits?\b",
    r"herders?\b",
    r"clans?\b",
    r"operation",
    r"al[- ]shabaa?b",
    r"taliban",
    r"islamic state",
    r"checkpoint",
    r"bases?\b",
)


def has_crisis_cue(text: str) -> bool:
    """Whether `text` uses any word of conflict or crisis (the gate for untyped short reports)."""
    return bool(_CRISIS_CUE.search(text))


def is_violent(text: str) -> bool:
    return bool(_VIOLENT.search(text))


def mentions_state_force(text: str) -> bool:
    return bool(_STATE_FORCE.search(text))
