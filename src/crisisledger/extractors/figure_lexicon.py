"""Word lists and compiled patterns for `figures.py`: kind words, groups, people nouns, zero
statements ("no one was hurt") and the tests that tell a number of people from every other number
(ages, years, dates, times, money, percentages, durations, addresses, calibres, counts of things).
"""

from __future__ import annotations

import re

from crisisledger.model import FigureKind

# "lives" counts the dead as a noun: after a number, a determiner or an adjective ("claimed 5 lives",
# "took the lives of 3"); after any other word it is the verb ("the house where his aunt lives").
_LIVES_BEFORE = (
    r"the|their|his|her|our|many|several|more|innocent|human|civilian|young|those|these|two|three|four|five|"
    r"six|seven|eight|nine|ten|eleven|twelve|dozens|hundreds|thousands|millions"
)
_LIVES = (
    r"(?:(?<=\d\s)|(?<=teen\s)|(?<=ty\s)|"
    + "|".join(rf"(?<=\b{w}\s)" for w in _LIVES_BEFORE.split("|"))
    + r")lives(?!\s+[Mm]atter)|lives(?=\s+(?:of|were|have\s+been|had\s+been|lost)\b)"
)

# Kind words. Alternatives are tried left to right at each position, so longer phrases come first.
_CUES: list[tuple[str, str]] = [
    (
        "kidnapped",
        r"taken\s+hostage|held\s+hostage|taken\s+captive|held\s+captive|hostages?|"
        r"kidnapp?(?:ed|ing)|abduct(?:ed|ing|ions?)",
    ),
    (
        "killed",
        r"shot\s+(?:and\s+killed|dead|to\s+death)|gunned\s+down|fatally(?:\s+(?:shot|wounded|injured|"
        r"stabbed|hurt))?|(?:stabbed|beaten|beat|burned|burnt|hacked|crushed|trampled)\s+to\s+death|death\s+toll|"
        r"toll|killed|kills|killing(?!s)|kill|dead|deaths?|died|dies|fatalit(?:y|ies)|slain|slaughtered|"
        r"massacred|murdered|executed|assassinated|lynched|beheaded|perished|succumbed|bodies|corpses|deceased|"
        r"lives\s+lost|lost\s+(?:their|his|her)\s+lives?|" + _LIVES,
    ),
    (
        "injured",
        r"injur(?:ed|ies|y|ing)|wound(?:ed|ing|s)|hurt|hospitali[sz]ed|harmed|grazed|recovering|"
        r"in\s+(?:critical|serious|grave|guarded|stable)(?:\s+but\s+stable)?\s+condition",
    ),
    (
        "arrested",
        r"taken\s+into\s+custody|in\s+custody|into\s+custody|rounded\s+up|arrest(?:ed|s|ing)?|"
        r"detain(?:ed|ing|ees?)|detentions?|apprehended|jailed|imprisoned",
    ),
    ("held", r"held"),
    ("missing", r"missing|unaccounted\s+for|disappeared"),
    (
        "displaced",
        r"displaced|displacing|fle(?:e|d|eing)\s+(?:their|his|her|the)\s+(?:homes?|houses?|villages?|towns?|city|"
        r"area|region|country)|forced\s+to\s+flee|"
        r"forced\s+from\s+their\s+homes|evacuat(?:ed|ion)|evacuees|homeless",
    ),
    ("affected", r"affected"),
    ("casualties", r"casualt(?:y|ies)"),
    (
        "shot",
        r"shot|stabbed|(?:rushed|taken|transported|sent|brought|driven|flown|airlifted)\s+to\s+"
        r"(?:an?\s+|the\s+)?(?:(?:area|local|nearby|two|several|different|separate)\s+)?hospitals?",
    ),
]
CUE_RE = re.compile(
    r"\b(?:" + "|".join(f"(?P<{k}>{p})" for k, p in _CUES) + r")\b",
    re.IGNORECASE,
)
# Kind words that take no object: "one died", never "a man died 3 people".
INTRANSITIVE = re.compile(
    r"(?:dead|deceased|deaths?|died|dies|perished|succumbed|missing|fatally.*|toll|death\s+toll|bodies|corpses|"
    r"lives.*|fatalit.*|casualt.*|injuries|injury|wounds|hostages?|detainees?|evacuees|homeless|"
    r"unaccounted\s+for|in\s+custody|.*\s+to\s+death|shot\s+dead)",
    re.IGNORECASE,
)
PASSIVE_AUX = {"was", "were", "is", "are", "been", "being", "got", "get", "gets", "be"}

# Words allowed between a kind word before a number and the number ("the toll has risen to 40").
LINKERS = {
    "has",
    "have",
    "had",
    "been",
    "now",
    "officially",
    "further",
    "also",
    "rose",
    "risen",
    "rises",
    "rising",
    "climbed",
    "climbs",
    "climbing",
    "jumped",
    "increased",
    "reached",
    "reaches",
    "reaching",
    "hit",
    "hits",
    "stood",
    "stands",
    "stand",
    "standing",
    "is",
    "was",
    "were",
    "are",
    "at",
    "to",
    "of",
    "totals",
    "total",
    "totaled",
    "totalled",
    "totalling",
    "totaling",
    "amounted",
    "grew",
    "grown",
    "surpassed",
    "passed",
    "exceeded",
    "another",
    "from",
    "the",
    "still",
    "already",
    "number",
    "numbered",
    "went",
    "up",
    "a",
    "reported",
    "additional",
    "estimated",
}
# Words that end the reach of a kind word found after a number.
STOP_WORDS = {
    "and",
    "or",
    "but",
    "after",
    "before",
    "while",
    "when",
    "as",
    "including",
    "with",
    "than",
    "since",
    "because",
    "then",
    "if",
    "whose",
    "where",
    "during",
    "until",
    "although",
    "though",
    "whereas",
    "amid",
    "following",
    "plus",
    "whom",
    "charged",
    "accused",
    "convicted",
    "sentenced",
    "indicted",
    "said",
    "says",
    "told",
    "testified",
    "pleaded",
    "faces",
    "facing",
}

_GROUPS: dict[str, str] = {}
for _name, _words in {
    "children": "child children kid kids minor minors boy boys girl girls grandchildren grandchild "
    "grandson granddaughter son daughter "
    "toddler toddlers infant infants "
    "baby babies teenager teenagers teen teens juvenile juveniles schoolchildren",
    "civilians": "civilian civilians villager villagers",
    "police": "police_officer police_officers law_enforcement_officers police policeman policemen "
    "policewoman "
    "policewomen officer officers cop cops trooper troopers "
    "deputy deputies gendarme gendarmes",
    "military": "soldier soldiers troops serviceman servicemen servicemembers military army marines "
    "paratroopers peacekeeper peacekeepers",
    "security": "security_forces security_personnel security_officers guards guard bodyguard bodyguards",
    "protesters": "protester protesters protestor protestors demonstrator demonstrators",
    "rioters": "rioter rioters looters",
    "women": "woman women",
    "students": "student students pupils",
    "journalists": "journalist journalists reporter reporters photographer photographers cameraman",
    "militants": "militant militants insurgent insurgents fighter fighters jihadists terrorists gunmen "
    "gunman militiaman militiamen militia_members combatant combatants taliban shabaab",
    "rebels": "rebel rebels",
    "migrants": "migrant migrants",
    "refugees": "refugee refugees",
    "workers": "worker workers miners employees",
    "prisoners": "prisoner prisoners inmates inmate",
    "suspects": "suspect suspects",
    "medics": "medic medics doctors doctor paramedics nurses",
    "firefighters": "firefighter firefighters",
    "worshippers": "worshippers worshipers pilgrims",
    "tourists": "tourist tourists",
    "foreigners": "foreigner foreigners",
}.items():
    for _w in _words.split():
        _GROUPS[_w.replace("_", " ")] = _name
_GROUP_ALT = "|".join(sorted((re.escape(w).replace(r"\ ", r"\s+") for w in _GROUPS), key=len, reverse=True))
_MODIFIER = r"(?!(?:and|or|of|were|was|who|in|at|on|had|have|has|are|is|by|from|to|the)\b)[A-Za-z][\w'’-]*"
GROUP_RE = re.compile(rf"^\s*(?:{_MODIFIER}\s+){{0,2}}?(?P<g>{_GROUP_ALT})\b", re.IGNORECASE)

_PEOPLE = (
    r"people|persons|person|individuals|others|victims|men|residents|bystanders|passengers|citizens|"
    r"locals|more|inhabitants|dead|wounded|injured"
)
_PEOPLE_RE = re.compile(
    rf"^\s*(?:(?:{_MODIFIER})\s+){{0,2}}?(?:{_PEOPLE}|{_GROUP_ALT}|of\s+(?:them|whom|those|the|which))\b",
    re.IGNORECASE,
)
PERSON_SINGULAR_RE = re.compile(
    r"(?:\b(?P<det>an?|one|the|his|her|their)|(?P<poss>\b[A-Z][\w-]*['’]s))\s+(?:(?!(?:of|and|or|who|was|were|is|more|other|another|killing|kills|shooting|"
    r"wounding|injuring|attacked|abducted|executed|murdered)\b|(?:killed|shot)\s+(?:\d|an?\s|the\s|his\s|her\s|"
    r"their\s|one\s|two\s|three\s|four\s|five\s))[\w'’-]+\s+){0,3}?"
    r"(?P<noun>man|woman|person|boy|girl|child|teen|teenager|toddler|infant|baby|officer|policeman|"
    r"policewoman|soldier|serviceman|civilian|student|journalist|reporter|photographer|protester|"
    r"demonstrator|victim|resident|driver|bystander|worker|passenger|pedestrian|individual|suspect|"
    r"militant|fighter|militiaman|combatant|deputy|trooper|guard|security\s+guard|police\s+officer|father|mother|son|daughter|husband|"
    r"wife|brother|sister|grandmother|grandfather|friend|neighbou?r|employee|clerk|cashier|customer|owner|"
    r"patron|motorist|homeowner|(?:\d+|[a-z]+)-(?:year|month|week|day)-old)\b(?!['’]s)",
    re.IGNORECASE,
)


def group_of(word: str) -> str | None:
    """The normalised group for a noun ("policemen" -> "police"); ages under 18 give "children"."""
    w = re.sub(r"\s+", " ", word.lower())
    if w.endswith(("-month-old", "-week-old", "-day-old")):
        return "children"
    if w.endswith("-year-old"):
        age = re.match(r"\d+", w)
        return "children" if age and int(age.group(0)) < 18 else None
    return _GROUPS.get(w)


def people_noun_after(text: str) -> bool:
    """Whether a number is followed by a noun for people ("5 people", "3 police officers", "2 of them")."""
    return bool(_PEOPLE_RE.match(text))


# Statements of none: (pattern, kinds).
_NONE_SUBJ = (
    r"\b(?:no(?:\s+|-)one|nobody|none(?:\s+of\s+(?:them|the\s+\w+))?|"
    r"no\s+(?:other\s+)?(?:people|persons|person|civilians|officers|students|children|residents))"
    r"(?:\s+else)?\s+(?:(?:was|were|is|are|has|have|had|been|being|got|reportedly|seriously|critically|"
    r"physically|believed|thought|to|be)\s+){0,4}"
)
ZERO_RES: list[tuple[re.Pattern[str], tuple[FigureKind, ...]]] = [
    (re.compile(_NONE_SUBJ + r"(?:killed|died|dead)\b", re.I), ("killed",)),
    (re.compile(_NONE_SUBJ + r"(?:injured|hurt|wounded|harmed)\b", re.I), ("injured",)),
    (re.compile(_NONE_SUBJ + r"(?:arrested|detained)\b", re.I), ("arrested",)),
    (re.compile(_NONE_SUBJ + r"missing\b", re.I), ("missing",)),
    (
        re.compile(
            r"\bno\s+(?:reports?\s+of\s+(?:any\s+)?)?(?:other\s+|immediate\s+|serious\s+|further\s+|"
            r"reported\s+|known\s+)*(?P<k>injuries|deaths|fatalities|arrests|casualties)\b"
            r"|\bwithout\s+(?:any\s+)?casualties\b",
            re.I,
        ),
        (),  # kinds from the matched noun; see zero_kinds
    ),
]


def zero_kinds(match: re.Match[str]) -> tuple[FigureKind, ...]:
    """Kinds a "no injuries / no deaths / no casualties" phrase states as zero."""
    noun = (match.groupdict().get("k") or "casualties").lower()
    table: dict[str, tuple[FigureKind, ...]] = {
        "injuries": ("injured",),
        "deaths": ("killed",),
        "fatalities": ("killed",),
        "arrests": ("arrested",),
    }
    return table.get(noun, ("killed", "injured"))


PHONE_RE = re.compile(r"(?:\(\d{3}\)\s*|\b\d{3}[.-])?\b\d{3}[.-]\d{4}\b")

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|"
    r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_NON_PEOPLE = (
    r"vehicles?|cars?|trucks?|buses|bus|homes?|houses?|buildings?|shops?|stores?|businesses|apartments?|"
    r"rounds|shots|bullets?|shells|cartridges?|casings?|rockets?|missiles?|bombs|grenades?|guns|"
    r"firearms?|weapons?|rifles?|pistols?|handguns?|miles?|kilomet(?:er|re)s?|km|met(?:er|re)s?|feet|"
    r"foot|yards?|acres?|tons?|tonnes?|kg|kilograms?|pounds?|lbs?|litres?|liters?|gallons?|times|"
    r"cases|charges|counts|incidents?|attacks|shootings?|explosions?|blasts?|raids|strikes|"
    r"villages?|towns?|cities|provinces?|districts?|countries|states|regions?|schools?|hospitals?|"
    r"mosques?|churches?|points|votes?|seats?|pages?|articles?|laws?|bills?|tweets?|photos?|videos?|"
    r"blocks?|floors?|stories|storeys?|rooms?|doors?|windows?|items?|locations?|sites?|places|degrees?|"
    r"sentences|convictions?|offen[cs]es|crimes|murders|homicides|robberies|burglaries|calls|warrants?|wounds|"
    r"reports|shifts?|rallies|protests|demonstrations|marches|events|animals?|dogs?|cattle|sheep|"
    r"goats|horses|camels|cows?|livestock|hectares?|square|aircraft|planes?|helicopters?|boats?|ships?|tanks?|drones?"
)
THING_RE = re.compile(rf"(?:{_NON_PEOPLE})", re.I)  # nouns for things, not people
# "two truck drivers", "three shop owners": a noun for things that only qualifies a noun for people.
_PERSON_AFTER_THING = (
    r"(?:drivers?|owners?|keepers?|thie(?:f|ves)|rustlers?|herders?|herdsmen|smugglers?|workers?|passengers?|operators?|traders?|vendors?|sellers?|guards?|"
    r"attendants?|users?|riders?|employees?|staff|teachers?|officials?|members?|residents?|"
    r"dwellers?|crews?|personnel)\b"
)
_NON_FIGURE_AFTER = re.compile(
    rf"^(?:-[A-Za-z]|['’]?s\b"
    rf"|\s*(?:%|percent\b|per\s*cent\b|pc\b)"
    rf"|\s*(?:y/o\b|yo\b|y\.o\b)"
    rf"|\s*/\s*\d"
    rf"|\s*(?:-|–|to|and|or)\s*\d+\s+years?\s+old\b"
    rf"|\s*(?:years?|yrs?|months?|weeks?|days?|hours?|hrs?|minutes?|mins?|seconds?|secs?|decades?|nights?|"
    rf"centuries|century)\b"
    rf"|\s*(?:[:.]\d\d\b|a\.?m\b|p\.?m\b|o['’]clock|h\b|hrs\b|GMT|UTC|local\s+time)"
    rf"|\s*(?:(?:million|billion|thousand|mln|bn)\s+)?(?:dollars?|euros?|pounds\s+sterling|tenge|rubles?|"
    rf"roubles?|yuan|rupees?|USD|EUR|GBP|bucks|cents?|naira|shillings?|francs?|dinars?|lira|hryvnias?)\b"
    rf"|\s*(?:mm|millimet\w*|caliber|calibre|cal\b|gauge|magnum)"
    rf"|(?-i:\s+(?:[NSEW]\.?\s+)?(?:[A-Z][\w'’.-]*\s+){{1,3}}(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|"
    rf"Drive|Dr|Lane|Ln|Way|Court|Ct|Place|Pl|Highway|Hwy|Parkway|Pkwy|Terrace|Ter|Circle|Cir|Square|"
    rf"Trail|Pike|Plaza)\b)"
    rf"|\s+block\b"
    rf"|\s*(?:-|–|to)\s*\d+\s*(?:km|kms|kilomet\w*|miles?|met(?:er|re)s?|%|percent)\b|\s*kms?\b"
    rf"|\s+(?:{_MODIFIER}\s+)?(?:{_NON_PEOPLE})\b(?!\s+{_PERSON_AFTER_THING}))",
    re.IGNORECASE,
)
# Case-sensitive checks on what comes after (month names must be capitalised: "May").
_DATE_AFTER = re.compile(rf"^\s*(?:st|nd|rd|th)?\s*(?:of\s+)?{_MONTH}\b")
_NON_FIGURE_BEFORE = re.compile(
    r"(?:[$€£¥₹]|\bUS\$|\bUSD|\bEUR|\bRs\.?|\baged?|\bages|\bage\s+of|\bblock\s+of|\bRoute|\bHighway|"
    r"\bInterstate|\bI-|\bNo\.|\bno\.|\bNumber|\bnumber|#|\bApt\.?|\bApartment|\bSuite|\bUnit|\bRoom|"
    r"\bFlight|\bChannel|\bPrecinct|\bWard|\bGate|\bExit|\bMile|\bPage|\bpage|\bBuilding|\bBlock|"
    r"\b(?:father|mother|parent|dad|mom|grandfather|grandmother)\s+of|\bag(?:es?|ed)\s+(?:from\s+|between\s+)?\d+(?:\s*(?:,\s*and|,|and|or|&|to|-)\s*\d+)*\s*(?:,\s*and|,|and|or|&|to|-)|\bages?\s+from|\bDistrict|\bZone|\bSection|\bArticle|\bLevel|\bPhase|\bTerminal|\bPlatform|\bLine|\bBox|"
    r"\bP\.O\.|\bcode|\bCode|\bversion|\bVersion|\bthe\s+top|\bTop|\b(?:[Ii]mage|[Pp]hoto|[Pp]icture|[Ss]lide)(?:\s+\d+\s+of(?:\s*/)?)?|"
    r"\d\s*/|\bNews|\bturn(?:s|ed|ing)?|\b(?:younger|older)\s+than)"
    r"\s*$"
)
_PLACE_BEFORE = re.compile(r"\b(?:on|at|near|to|from)\s+$", re.I)
_STREET_NAME_AFTER = re.compile(r"^\s+(?:[NSEW]\.?\s+)?[A-Z][a-z]")
_MONTH_BEFORE = re.compile(rf"\b{_MONTH}\.?\s*$")
_AGE_AFTER_NAME_BEFORE = re.compile(
    r"(?:\b[A-Z][A-Za-z.'’]+|\b(?:(?:man|woman|boy|girl|son|daughter|victim|suspect|teen|teenager|mother|father|"
    r"wife|husband|brother|sister|friend|driver|resident|shooter|gunman|student|child|officer|deputy|"
    r"(?:grand|step)?(?:father|mother|son|daughter)|uncle|aunt|cousin|nephew|niece|toddler|infant|baby|"
    r"neighbou?r|adult|male|female|juvenile|passenger|customer|employee|owner|roommate|(?:boy|girl)friend)s?|"
    r"men|women|children|babies|another|other))\s*,\s*(?:also\s+)?(?:\d{1,3}\s*(?:,\s*and|,|and|or|&)\s*)*$"
)  # "one man, 27, and another, 18,", "his grandfather, 35, was", "two girls, 7 and 5, were"
_NAME_COMMA = re.compile(r"\b[A-Z][a-z][\w'’-]*\s+[A-Z][a-z][\w'’-]*\s*,\s*$")
_BOTH_BEFORE = re.compile(r",\s*(?:both|all|each)\s+$")
# What follows an age after a name: "Jane Doe, 32, was", "Jane Doe, 32 of Dayton", "Jane Doe, 57 — shot".
_AGE_AFTER_NAME_AFTER = re.compile(r"^\s*(?:,|\.|;|\)|\(|and\b|$)|^\s+(?:of\s+[A-Z]|[—–]\s)")
_YEAR_OK_AFTER = re.compile(
    r"^\s+(?:[\w-]+\s+)?(?:people|persons|civilians|protesters|demonstrators|residents|others|were|have|"
    r"had|are|killed|dead|injured|wounded|arrested|detained|died|more)\b",
    re.IGNORECASE,
)
_YEAR_BEFORE = re.compile(
    r"\b(?:in|since|of|from|until|till|by|during|year|early|late|mid|summer|winter|spring|autumn|fall|"
    r"between|and|to|the)\s*$",
    re.IGNORECASE,
)
_CAPITAL_BEFORE = re.compile(r"\b([A-Z][A-Za-z]+)\s+$")
_CAPITAL_OK = {
    "about",
    "around",
    "some",
    "nearly",
    "almost",
    "over",
    "least",
    "than",
    "only",
    "another",
    "killing",
    "leaving",
    "including",
    "injuring",
    "wounding",
    "and",
    "but",
    "with",
    "where",
}


def is_non_figure(sentence: str, start: int, end: int, value: int, word: bool) -> bool:
    """Whether the number at sentence[start:end] is something other than a count of people."""
    before = sentence[max(0, start - 40) : start]
    after = sentence[end : end + 60]
    if _NON_FIGURE_AFTER.match(after):
        return True
    if _DATE_AFTER.match(after) or _MONTH_BEFORE.search(before) or _NON_FIGURE_BEFORE.search(before):
        return True
    if word and value < 20 and _NAME_COMMA.search(before) and after.startswith(","):
        return True  # an age in words: "Jane Doe, three, was shot"
    if (
        not word
        and value < 120
        and (
            (_AGE_AFTER_NAME_BEFORE.search(before) and _AGE_AFTER_NAME_AFTER.match(after))
            or (_BOTH_BEFORE.search(before) and _AGE_AFTER_NAME_AFTER.match(after))
            or (before.rstrip().endswith("(") and after.lstrip().startswith(")"))
        )
    ):
        return True
    text = sentence[start:end]
    if (
        not word
        and value >= 100
        and _PLACE_BEFORE.search(before)
        and _STREET_NAME_AFTER.match(after)
        and not people_noun_after(after)
    ):
        return True  # a house number: "on 11800 Elm", "at 2400 N. Oak"
    if re.search(r"\w['’]s\s+$", before) and not people_noun_after(after):
        return True  # "my dad's 40", "the station's 6"
    if text == "911" and not people_noun_after(after):
        return True  # the emergency number: "a 911 call", "called 911"
    if not word and re.fullmatch(r"\d{4}", text) and 1800 <= value <= 2100:
        return bool(_YEAR_BEFORE.search(before) or not _YEAR_OK_AFTER.match(after))
    cap = _CAPITAL_BEFORE.search(before)
    if cap and cap.group(1).lower() not in _CAPITAL_OK and start - len(before) + cap.start() > 0:
        prefix = sentence[: start - len(before) + cap.start()].rstrip()
        if (not prefix or prefix[-1] not in '.:;"“(') and not people_noun_after(after):
            return True
    return False
