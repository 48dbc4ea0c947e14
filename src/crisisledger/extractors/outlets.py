"""Known news outlets and agencies, and how to recognise them (also when machine translation garbles them).

`find_outlets(text)` returns every outlet named in a piece of text in a reporting context, with its
canonical name and span. Near-miss spellings ("Bcc" for "BBC") are accepted only for short capitalised
tokens that stand right next to a reporting verb.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import Levenshtein

# canonical name -> aliases (the canonical name is always an alias too). Case-sensitive for acronyms.
KNOWN_OUTLETS: dict[str, tuple[str, ...]] = {
    "Reuters": ("Reuters",),
    "AFP": ("AFP", "Agence France-Presse", "Agence France Presse", "France-Presse"),
    "AP": ("AP", "Associated Press"),
    "BBC": ("BBC", "BBC News", "British Broadcasting Corporation"),
    "CNN": ("CNN",),
    "Al Jazeera": ("Al Jazeera", "Al-Jazeera", "Aljazeera"),
    "Sputnik": ("Sputnik",),
    "TASS": ("TASS", "Tass", "ITAR-TASS"),
    "RIA Novosti": ("RIA Novosti", "RIA"),
    "Interfax": ("Interfax",),
    "Xinhua": ("Xinhua",),
    "Anadolu": ("Anadolu", "Anadolu Agency", "AA"),
    "IRNA": ("IRNA",),
    "Tasnim": ("Tasnim",),
    "Fars": ("Fars",),
    "Tengrinews": ("Tengrinews", "Tengri News"),
    "Kazinform": ("Kazinform",),
    "KazTAG": ("KazTAG",),
    "Khabar": ("Khabar",),
    "Azattyq": ("Azattyq",),
    "RFE/RL": ("RFE/RL", "Radio Free Europe", "Radio Liberty"),
    "Bloomberg": ("Bloomberg",),
    "The Guardian": ("The Guardian", "Guardian"),
    "The New York Times": ("The New York Times", "New York Times", "NYT"),
    "The Washington Post": ("The Washington Post", "Washington Post"),
    "The Wall Street Journal": ("The Wall Street Journal", "Wall Street Journal", "WSJ"),
    "Financial Times": ("Financial Times",),
    "Deutsche Welle": ("Deutsche Welle", "DW"),
    "France 24": ("France 24", "France24"),
    "Euronews": ("Euronews",),
    "RT": ("RT", "Russia Today"),
    "Kommersant": ("Kommersant",),
    "Meduza": ("Meduza",),
    "RBC": ("RBC",),
    "Izvestia": ("Izvestia",),
    "Ukrinform": ("Ukrinform",),
    "Kyodo": ("Kyodo",),
    "Yonhap": ("Yonhap",),
    "NHK": ("NHK",),
    "PTI": ("PTI", "Press Trust of India"),
    "ANI": ("ANI",),
    "Bernama": ("Bernama",),
    "Antara": ("Antara",),
    "EFE": ("EFE", "Efe"),
    "ANSA": ("ANSA",),
    "dpa": ("dpa", "DPA"),
    "Sky News": ("Sky News",),
    "NBC": ("NBC", "NBC News"),
    "CBS": ("CBS", "CBS News"),
    "ABC": ("ABC", "ABC News"),
    "Fox News": ("Fox News",),
    "NPR": ("NPR",),
    "Le Monde": ("Le Monde",),
    "Der Spiegel": ("Der Spiegel", "Spiegel"),
    "Dawn": ("Dawn",),
    "ZDNet": ("ZDNet",),
    "The Record": ("The Record",),
}

REPORT_VERB = (
    r"(?:reported|reports|reporting|said|says|told|tells|wrote|writes|quoted|cited|citing|announced|stated)"
)
_FUZZY_CONTEXT = re.compile(
    rf"\b(?:according\s+to|quoted\s+by|cited\s+by|reported\s+by|told|to|by|citing)\s+(?:the\s+)?"
    rf"(?P<a>[A-Z][A-Za-z]{{1,11}})\b|\b(?P<b>[A-Z][A-Za-z]{{1,11}})\s+{REPORT_VERB}\b"
)
_GENERIC = re.compile(
    r"\b(?:news\s+agency|agency|newspaper|TV\s+channel|channel|broadcaster|news\s+(?:portal|site|outlet)|"
    r"portal|outlet|publication)\s+(?P<a>[A-Z][\w.\-/]*(?:\s+[A-Z][\w.\-/]*){0,2})"
    r"|\b(?P<b>[A-Z][\w.\-/]*(?:\s+[A-Z][\w.\-/]*){0,2})\s+(?:news\s+agency|newspaper|TV\s+channel|"
    r"news\s+portal|news\s+website)\b"
)
_NOT_OUTLET = {"The", "This", "That", "State", "News", "Police", "Ministry", "Government", "It", "He", "She"}


@dataclass(frozen=True)
class OutletMention:
    name: str
    start: int
    end: int


@lru_cache(maxsize=1)
def _alias_pattern() -> re.Pattern[str]:
    aliases = sorted({a for names in KNOWN_OUTLETS.values() for a in names}, key=len, reverse=True)
    return re.compile(r"(?<![\w/])(?:" + "|".join(re.escape(a) for a in aliases) + r")(?![\w/])")


@lru_cache(maxsize=1)
def _alias_to_name() -> dict[str, str]:
    return {alias: name for name, aliases in KNOWN_OUTLETS.items() for alias in aliases}


def canonical_outlet(name: str) -> str | None:
    """The canonical name of a known outlet spelled exactly or nearly so; None when unknown."""
    table = _alias_to_name()
    if name in table:
        return table[name]
    return _fuzzy(name)


@lru_cache(maxsize=16384)
def _fuzzy(token: str) -> str | None:
    """Near-miss spelling of a known single-word outlet (one edit, case-insensitive, same length)."""
    if len(token) < 3:
        return None
    low = token.lower()
    best: str | None = None
    for alias, name in _alias_to_name().items():
        if " " in alias or len(alias) < 3:
            continue
        limit = 1 if len(alias) <= 6 else 2
        if abs(len(alias) - len(token)) > (0 if len(alias) <= 4 else 1):
            continue
        if alias[0].lower() != low[0]:
            continue
        if Levenshtein.distance(low, alias.lower()) <= limit:
            if best is not None and best != name:
                return None  # ambiguous
            best = name
    return best


def find_outlets(text: str) -> list[OutletMention]:
    """Outlets named in `text`: known ones anywhere, generic 'the news agency X', fuzzy near a verb."""
    found: dict[int, OutletMention] = {}
    table = _alias_to_name()
    for m in _alias_pattern().finditer(text):
        alias = m.group(0)
        # two-letter acronyms (AP, AA, DW, RT) are only trusted in a reporting context
        if len(alias) <= 2 and not _in_report_context(text, m.start(), m.end()):
            continue
        found[m.start()] = OutletMention(table[alias], m.start(), m.end())
    for m in _GENERIC.finditer(text):
        group = "a" if m.group("a") else "b"
        name = m.group(group).strip(" .,")
        if name.split()[0] in _NOT_OUTLET or any(m.start(group) <= s < m.end(group) for s in found):
            continue
        found[m.start(group)] = OutletMention(canonical_outlet(name) or name, m.start(group), m.end(group))
    for m in _FUZZY_CONTEXT.finditer(text):
        group = "a" if m.group("a") else "b"
        token = m.group(group)
        if token in table or token in _NOT_OUTLET or any(m.start(group) <= s < m.end(group) for s in found):
            continue
        name = _fuzzy(token)
        if name:
            found[m.start(group)] = OutletMention(name, m.start(group), m.end(group))
    return [found[k] for k in sorted(found)]


def _in_report_context(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - 30) : start]
    after = text[end : end + 20]
    return bool(
        re.search(
            r"(?:according\s+to|quoted\s+by|cited\s+by|reported\s+by|told|citing)\s+(?:the\s+)?$", before
        )
        or re.match(rf"\s+(?:news\s+agency\s+)?{REPORT_VERB}\b", after)
    )
