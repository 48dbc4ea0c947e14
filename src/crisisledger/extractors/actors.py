"""Actors of an event, named the way ACLED names them ("Rioters (Kazakhstan)",
"Police Forces of Kazakhstan", "Taliban").

ACLED's coding conventions decide actor1: protesters for protests, rioters for riots, the state
force that strikes from the air or arrests, otherwise the actor the text names first (the subject
of the report: "Al Shabaab attacked …" → Al Shabaab). Unknown perpetrators of attacks and bombings
are an "Unidentified Armed Group"; victims of violence against civilians are "Civilians".
"""

from __future__ import annotations

import re

from crisisledger.extractors.actor_names import communal_militias, load_actor_table, short_pattern
from crisisledger.model import Actor, ActorRole

# Named armed groups as ACLED spells them, with the words news uses for them.
NAMED_GROUPS: dict[str, tuple[str, ...]] = {
    "Taliban": (r"taliban",),
    "Al Shabaab": (r"al[- ]?shabaa?b",),
    "Islamic State (Iraq)": (r"islamic state(?= in iraq)", r"isis(?= in iraq)"),
    "Islamic State (Greater Sahara)": (r"islamic state in the greater sahara", r"\bisgs\b"),
    "Islamic State (West Africa)": (r"islamic state west africa(?:n)? province", r"\biswap\b"),
    "Islamic State Somalia Province": (r"islamic state(?: in)? somalia(?: province)?",),
    "Islamic State": (r"islamic state", r"\bisis\b", r"\bisil\b", r"daesh"),
    "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad": (r"boko haram",),
    "JNIM: Group for Support of Islam and Muslims": (r"\bjnim\b", r"jama'?at nus?r(?:at)? al-islam"),
    "Houthi Movement": (r"houthis?",),
    "Hayat Tahrir al-Sham": (r"hayat tahrir al-sham", r"\bhts\b"),
    "SDF: Syrian Democratic Forces": (r"syrian democratic forces", r"\bsdf\b"),
    "PKK: Kurdistan Workers' Party": (r"\bpkk\b", r"kurdistan workers"),
    "Hamas Movement": (r"\bhamas\b",),
    "Hezbollah": (r"hezbollah", r"hizbollah"),
    "Al Qaeda": (r"al[- ]qaeda", r"al[- ]qaida"),
    "RSF: Rapid Support Forces": (r"rapid support forces", r"\brsf\b"),
    "M23: March 23 Movement": (r"\bm23\b",),
    "Fano Militia": (r"\bfano\b",),
    "Anti-Balaka": (r"anti-?balaka",),
    "Seleka Militia": (r"seleka",),
    "AQIM: Al Qaeda in the Islamic Maghreb": (r"\baqim\b",),
    "Al Mourabitoune": (r"mourabitoune",),
    "Arakan Army": (r"arakan army",),
    "PDF: People's Defense Force": (r"people'?s defen[cs]e force", r"\bpdf\b"),
    "Military Forces of Myanmar (2021-)": (r"\bjunta\b", r"tatmadaw"),
    "LRA: Lords Resistance Army": (r"lord'?s resistance army", r"\blra\b"),
    "SPLM-In Opposition: Sudan People's Liberation Movement-In Opposition": (
        r"\bsplm-?io\b",
        r"\bsplm/a-io\b",
    ),
}
# State forces named by their own acronym: (kind, country).
STATE_ACRONYMS: dict[str, tuple[str, str]] = {
    "SSPDF": ("Military", "South Sudan"), "SPLA": ("Military", "South Sudan"),
    "SNA": ("Military", "Somalia"), "ANA": ("Military", "Afghanistan"), "ANDSF": ("Military", "Afghanistan"),
    "ANSF": ("Military", "Afghanistan"), "ANP": ("Police", "Afghanistan"), "ALP": ("Police", "Afghanistan"),
    "FAMa": ("Military", "Mali"), "FACA": ("Military", "Central African Republic"),
    "SAA": ("Military", "Syria"), "KDF": ("Military", "Kenya"), "ENDF": ("Military", "Ethiopia"),
    "UPDF": ("Military", "Uganda"), "FARDC": ("Military", "Democratic Republic of Congo"),
    "ISF": ("Military", "Iraq"), "TAF": ("Military", "Turkey"), "JTF": ("Military", "Nigeria"),
    "RAB": ("Police", "Bangladesh"), "BGB": ("Military", "Bangladesh"),
}  # fmt: skip
_STATE_ACRONYM = re.compile(r"(?<![\w-])(" + "|".join(STATE_ACRONYMS) + r")(?![\w-])")
_GROUP_PATTERNS = [(name, re.compile("|".join(pats), re.IGNORECASE)) for name, pats in NAMED_GROUPS.items()]

# Foreign state forces named by their demonym ("Turkish troops", "Russian warplanes").
DEMONYMS: dict[str, str] = {
    "American": "United States", "US": "United States", "U.S.": "United States", "Russian": "Russia",
    "Turkish": "Turkey", "Israeli": "Israel", "French": "France", "Iranian": "Iran", "Syrian": "Syria",
    "Iraqi": "Iraq", "Afghan": "Afghanistan", "Kenyan": "Kenya", "Ethiopian": "Ethiopia",
    "Nigerian": "Nigeria", "Malian": "Mali", "Somali": "Somalia", "Saudi": "Saudi Arabia",
    "Emirati": "United Arab Emirates", "Yemeni": "Yemen", "Libyan": "Libya", "Egyptian": "Egypt",
    "Pakistani": "Pakistan", "Indian": "India", "Ugandan": "Uganda", "Burundian": "Burundi",
    "Chadian": "Chad", "Rwandan": "Rwanda", "Sudanese": "Sudan", "British": "United Kingdom",
}  # fmt: skip
_FORCE_NOUN = (
    r"(?:forces|troops|army|military|soldiers|commandos|warplanes|aircraft|jets|drones?|air ?force|navy)"
)
_FOREIGN = re.compile(
    r"(?<![\w.])("
    + "|".join(re.escape(d) for d in DEMONYMS)
    + r")(?:-led)?\s+(?:\w+\s+)?"
    + _FORCE_NOUN
    + r"\b"
)
_UNKNOWN_STATE = re.compile(
    r"\b(?:international|foreign|allied) (?:forces|troops|aircraft|warplanes|jets|drones?)\b|"
    r"\bunidentified (?:aircraft|warplanes|jets|drones?|military)\b",
    re.I,
)
_POLICE = re.compile(r"\bpolice|\bgendarm|national guard|law enforcement|\bofficers\b", re.I)
_MILITARY = re.compile(
    r"\b(?:army|military|soldiers?|troops|commandos|armed forces|air force|security forces|government forces|"
    r"regime forces|warplanes|fighter jets)\b",
    re.I,
)
_CIVILIANS = re.compile(
    r"\b(?:civilians?|villagers?|residents?|children|women|farmers?|students?|worshippers|"
    r"a (?:man|woman|boy|girl)|people)\b",
    re.I,
)
_ARMED = re.compile(
    r"\b(?:gunm[ae]n|militants?|armed men|assailants?|attackers?|insurgents?|bandits?|rebels?|"
    r"unknown|unidentified)\b",
    re.I,
)

_DEFAULT_ACTOR1 = {"Protests": "Protesters", "Riots": "Rioters"}
_STATE_FIRST = {
    "Air/drone strike": "Military",
    "Government regains territory": "Military",
    "Arrests": "Police",
}
# Bombs whose maker is unknown: a state force the text names is their target, not their author.
_HIDDEN_AUTHOR = {"Remote explosive/landmine/IED", "Grenade", "Suicide bomb"}
_PERPETRATED = ("Violence against civilians", "Explosions/Remote violence")


def _with_country(label: str, country: str | None) -> str:
    return f"{label} ({country})" if country else label


_THE = {"United States", "United Kingdom", "Central African Republic", "Democratic Republic of Congo",
        "Philippines", "Netherlands", "United Arab Emirates", "Gambia"}  # fmt: skip


def _forces(kind: str, country: str | None) -> str:
    """ACLED's name of a state force: "Police Forces of Kenya", "Military Forces of the United States"."""
    if not country:
        return f"{kind} Forces"
    return f"{kind} Forces of {'the ' if country in _THE else ''}{country}"


def _named_mentions(text: str, country: str | None) -> list[tuple[int, int, str]]:
    """(start, end, ACLED name) of the named groups in `text`; the learned table for `country` first."""
    found: list[tuple[int, int, str]] = []
    for entry in load_actor_table():
        if entry.country == country and (m := short_pattern(entry.short).search(text)):
            found.append((m.start(), m.end(), entry.name))
    for name, pattern in _GROUP_PATTERNS:
        if m := pattern.search(text):
            found.append((m.start(), m.end(), name))
    # a mention inside a longer (or earlier-listed, equally long) one is the same actor
    kept: list[tuple[int, int, str]] = []
    for start, end, name in found:
        if not any(s <= start and end <= e for s, e, _ in kept):
            kept.append((start, end, name))
    return kept


# Communal armed groups named after their community: "Murle militia", "Fulani herders", "Dir clan militia".
_COMMUNAL = re.compile(
    r"(?<![\w-])([A-Z][a-z]{2,}(?:[- ](?!Clan\b|Sub-)[A-Z][a-z]{2,})?)\s+(?:((?i:clan|sub-clan))\s+)?"
    r"(?:ethnic\s+|community\s+)?"
    r"(militia(?:men|s)?|pastoralists|herders|herdsmen|raiders|cattle raiders|youths?|warriors|gunmen|"
    r"fighters)\b"
)
_NOT_COMMUNAL = {
    "Suspected", "Presumed", "Alleged", "Unknown", "Unidentified", "Armed", "Local", "Some", "Several",
    "The", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten", "Many", "Dozens",
    "Hundreds", "Islamic", "Islamist", "Jihadist", "Rebel", "Government", "Militia", "Community", "Clan",
    "Ethnic", "Other", "Rival",
    "Pro-government", "Youth", "Young", "Village", "Self-defense", "Self-defence", "Former", "More",
}  # fmt: skip
_UNIDENTIFIED_COMMUNAL = re.compile(
    r"\b(?:unidentified|unknown|armed)\s+(?:(clan|communal|ethnic)\s+militia|(?:cattle\s+)?raiders)", re.I
)
_UNIDENTIFIED_ARMED = re.compile(
    r"\b(?:unknown|unidentified)\s+(?:gunm[ae]n|attackers?|assailants?|armed (?:men|group))\b", re.I
)
_OR = re.compile(r"\s+(?:or|and/or)\s+(?:the\s+)?")
# A mention followed by its own loss ("7 Taliban militants were killed") is the target, not actor1;
# one after "by" ("attacked by Fulani herders") is the author.
_VICTIM_AFTER = re.compile(
    r"(?:\s+[\w-]+){0,2}?\s+(?:(?:were|was|had been|have been)\s+(?:\w+\s+)?"
    r"(?:killed|wounded|injured|arrested|detained|captured|abducted|kidnapped|executed)|"
    r"(?:surrendered|defected|handed (?:himself|herself|themselves) over))\b"
)
_AGENT_BEFORE = re.compile(r"\bby\s+(?:the\s+)?(?:suspected\s+|presumed\s+|alleged\s+)?$", re.I)


def _communal(match: re.Match[str], country: str | None) -> str | None:
    words, clan = match.group(1).split(" "), match.group(2)
    while words and (words[0] in _NOT_COMMUNAL or words[0].split("-")[0] in _NOT_COMMUNAL):
        words.pop(0)  # "Suspected Toposa raiders"
    name = " ".join(words)
    if not name or name in DEMONYMS:
        return None
    return _known_communal(set(re.split(r"[- ]", name)), country) or _with_country(
        f"{name} {'Clan' if clan else 'Ethnic'} Militia", country
    )


_SPECIFIC = ("Sub-Clan", "Clan")  # a clan's militia names its community more closely than an ethnic one


def _known_communal(words: set[str], country: str | None) -> str | None:
    """ACLED's name of the communal militia of `country` whose narrowest branch is among `words` and
    whose lineage holds the most of them ("Hawadle" → "Hawiye-Hawadle Sub-Clan Militia (Somalia)";
    "Hawiye" alone names no branch); ties go to the closest, then the most specific name."""
    best, best_key = None, (0, 0, 0)
    for name, lineage, branch in communal_militias(country) if country else ():
        if branch & words:
            key = (len(words & lineage), -len(lineage - words), sum(f" {k} " in name for k in _SPECIFIC))
            if key > best_key:
                best, best_key = name, key
    return best


def _combined(named: list[tuple[int, int, str]], text: str) -> list[tuple[int, int, str]]:
    """ "JNIM or ISGS militants" → one actor, "JNIM: … and/or Islamic State (Greater Sahara)"."""
    out: list[tuple[int, int, str]] = []
    for start, end, name in sorted(named):
        if out and _OR.fullmatch(text[out[-1][1] : start]) and " and/or " not in out[-1][2]:
            first = out.pop()
            out.append((first[0], end, f"{first[2]} and/or {name}"))
        else:
            out.append((start, end, name))
    return out


def _mentions(text: str, country: str | None) -> list[tuple[int, str]]:
    """Every actor the text names, in the order of their likely roles (authors before targets)."""
    named = _combined(_named_mentions(text, country), text)
    found = list(named)

    def free(m: re.Match[str]) -> bool:  # not overlapping a named group's mention
        return not any(s < m.end() and m.start() < e for s, e, _ in named)

    for match in _STATE_ACRONYM.finditer(text):
        if free(match):
            kind, its_country = STATE_ACRONYMS[match.group(1)]
            found.append((match.start(), match.end(), _forces(kind, its_country)))
    for match in _FOREIGN.finditer(text):
        if free(match):
            found.append((match.start(), match.end(), _forces("Military", DEMONYMS[match.group(1)])))
    for match in _COMMUNAL.finditer(text):
        if free(match) and (communal := _communal(match, country)):
            found.append((match.start(), match.end(), communal))
    unnamed = _UNIDENTIFIED_COMMUNAL.search(text)
    if unnamed and free(unnamed):
        clan = (unnamed.group(1) or "").lower() == "clan"
        label = "Unidentified Clan Militia" if clan else "Unidentified Communal Militia"
        found.append((unnamed.start(), unnamed.end(), _with_country(label, country)))
    if (armed := _UNIDENTIFIED_ARMED.search(text)) and free(armed):
        found.append((armed.start(), armed.end(), _with_country("Unidentified Armed Group", country)))
    unknown = _UNKNOWN_STATE.search(text)
    if unknown and free(unknown):
        found.append((unknown.start(), unknown.end(), "Unidentified Military Forces"))
    for kind, pattern in (("Police", _POLICE), ("Military", _MILITARY)):
        first = next((m for m in pattern.finditer(text) if free(m)), None)
        if first is not None:
            found.append((first.start(), first.end(), _forces(kind, country)))

    def order(mention: tuple[int, int, str]) -> int:
        start, end, _ = mention
        if _AGENT_BEFORE.search(text[max(0, start - 30) : start]):
            return -1
        return start + len(text) if _VICTIM_AFTER.match(text, end) else start

    keyed = [(order(m), m[2]) for m in found]
    return sorted(keyed, key=lambda k: k[0])  # stable: ties keep the order found


def find_actors(text: str, event_type: str, sub_event_type: str, country: str | None) -> list[Actor]:
    """Actors for an event told in `text`, most likely initiator (ACLED's actor1) first."""
    names = [name for _, name in _mentions(text, country)]
    kind = _STATE_FIRST.get(sub_event_type)
    if kind and not (names and kind == "Military" and "Military Forces" in names[0]):
        state = _forces(kind, country)
        names = [state] + [n for n in names if n != state]
    if sub_event_type in _HIDDEN_AUTHOR and names and " Forces" in names[0]:
        names.insert(0, _with_country("Unidentified Armed Group", country))
    if event_type in _DEFAULT_ACTOR1:
        names.insert(0, _with_country(_DEFAULT_ACTOR1[event_type], country))
    elif event_type in _PERPETRATED or event_type == "Battles":
        if not names and (event_type != "Battles" or _ARMED.search(text)):
            names.append(_with_country("Unidentified Armed Group", country))
        if event_type == "Violence against civilians" and (names or _CIVILIANS.search(text)):
            names.append(_with_country("Civilians", country))
    if event_type == "Disasters" or sub_event_type in ("Diplomatic event",):
        names = [n for n in names if "Forces" not in n]
    unique = list(dict.fromkeys(names))
    roles: tuple[ActorRole, ...] = ("actor1", "actor2")
    return [Actor(name=n, role=roles[i] if i < 2 else "associated") for i, n in enumerate(unique)]
