"""Country hints from words that are not place names: armed groups, forces and institutions tied to
one country, and the furniture of US local news (sheriffs, TV call signs).

`country_votes(text)` returns country code → votes. They are weaker than a country named in the text:
they decide only when the text names no country, or break ties between places of the same name.
"""

from __future__ import annotations

import re
from collections import Counter

# Groups and forces (as news and ACLED notes name them) that act almost only in one country.
GROUPS: dict[str, tuple[str, ...]] = {
    "NG": ("Boko Haram", "ISWAP", "Civilian JTF", "Fulani herdsmen", "Niger Delta Avengers", "MEND"),
    "SO": (
        "Al Shabaab",
        "Al-Shabaab",
        "Al Shabab",
        "Al-Shabab",
        "AMISOM",
        "ATMIS",
        "AUSSOM",
        "SNA",
        "Puntland",
        "Jubaland",
        "Galmudug",
        "Hirshabelle",
        "Somaliland",
        "Macawisley",
        "Ma'awisley",
    ),
    "AF": ("Taliban", "ANDSF", "ANA", "ANP", "ISKP", "IS-K", "Haqqani", "NDS"),
    "CF": (
        "Seleka",
        "Séléka",
        "Anti-Balaka",
        "Anti Balaka",
        "MINUSCA",
        "FACA",
        "UPC",
        "FPRC",
        "MPC",
        "3R",
        "LRA",
        "Lord's Resistance Army",
        "CPC",
        "RJ",
        "Minusca",
        "FDPC",
        "CPJP",
        "APRD",
        "MLPC",
        "FPR",
        "UFDR",
        "Bozize",
        "Bozizé",
    ),
    "ML": (
        "JNIM",
        "Katiba Macina",
        "MINUSMA",
        "FAMa",
        "GATIA",
        "MNLA",
        "CMA",
        "Dan Na Ambassagou",
        "Dozo",
        "Barkhane",
        "Plateforme",
        "Ansar Dine",
        "MSA",
        "Ganda Izo",
        "Ganda Koy",
        "Dogon militia",
        "Dogon militiamen",
    ),
    "BF": ("Ansaroul Islam", "Ansarul Islam", "Koglweogo", "VDP", "Burkinabe"),
    "SS": ("SPLA-IO", "SPLM-IO", "SPLA", "SPLM", "SSPDF", "NAS", "White Army", "UNMISS", "Murle", "Dinka"),
    "YE": (
        "Houthi",
        "Houthis",
        "Ansar Allah",
        "AQAP",
        "Southern Transitional Council",
        "STC",
        "Security Belt",
        "Giants Brigades",
        "Hadi",
    ),
    "SY": (
        "SDF",
        "YPG",
        "HTS",
        "Hayat Tahrir al-Sham",
        "SAA",
        "Jaish al-Islam",
        "SNA-Turkey",
        "Assad",
        "Syrian Democratic Forces",
        "Free Syrian Army",
        "Hurras al-Din",
        "Jaish al-Izza",
        "National Defence Forces",
    ),
    "IQ": (
        "Hashd",
        "PMF",
        "Popular Mobilization",
        "Peshmerga",
        "Kataib Hezbollah",
        "Iraqi",
        "Asaib Ahl al-Haq",
        "Saraya al-Salam",
        "Counter Terrorism Service",
    ),
    "LY": ("LNA", "GNA", "Haftar", "Misrata", "Libyan National Army", "Government of National Accord"),
    "TR": ("PKK", "TSK", "HDP", "Kurdistan Workers' Party"),
    "MM": ("Tatmadaw", "PDF", "KIA", "TNLA", "Arakan Army", "KNU", "KNLA", "RCSS", "SSPP", "NUG"),
    "BD": (
        "Awami League",
        "BNP",
        "Jamaat-e-Islami",
        "Chhatra League",
        "Jubo League",
        "RAB",
        "Chhatra Dal",
        "Jubo Dal",
        "Hefazat",
        "BGB",
    ),
    "IN": ("Naxal", "Naxalite", "Maoists", "CRPF", "BJP", "Congress party", "Lok Sabha", "BSF"),
    "NP": ("Madhesi", "Madhes", "UDMF", "Tharuhat", "Nepali Congress", "CPN-UML"),
    "PK": (
        "Tehreek-e-Taliban",
        "TTP",
        "Lashkar-e-Jhangvi",
        "Baloch Liberation",
        "PTI",
        "PML-N",
        "FC personnel",
    ),
    "KE": (
        "KDF",
        "Mungiki",
        "Kenya Defence Forces",
        "Sabaot",
        "Mombasa Republican Council",
        "General Service Unit",
        "Administration Police",
    ),
    "CD": ("M23", "ADF", "FARDC", "Mai-Mai", "Mai Mai", "MONUSCO", "CODECO"),
    "CM": ("Ambazonia", "Amba Boys"),
    "MZ": ("Ansar al-Sunna", "FADM", "RENAMO", "FRELIMO"),
    "US": (
        "Sheriff",
        "Sheriff's",
        "Highway Patrol",
        "State Patrol",
        "State Police",
        "District Attorney",
        "Proud Boys",
        "Black Lives Matter",
        "BLM",
    ),
}


def _compile() -> list[tuple[str, re.Pattern[str]]]:
    out = []
    for code, names in GROUPS.items():
        alts = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
        flags = 0 if code in ("CF", "ML", "SS", "AF", "SO") else re.IGNORECASE  # acronyms: exact case
        out.append((code, re.compile(rf"(?:(?<![\w-])|(?<=\b[Ee]x-))(?:{alts})(?![\w-])", flags)))
    return out


_PATTERNS = _compile()
# "(WKBW) -", "(KDKA)": a US TV or radio call sign opening a story.
_CALL_SIGN = re.compile(r"\((?:[KW][A-Z]{2,3})(?:-(?:TV|FM|AM))?\)")


def country_votes(text: str) -> Counter[str]:
    """Country code → number of group/institution names (and US call signs) tied to it in `text`."""
    votes: Counter[str] = Counter()
    for code, pattern in _PATTERNS:
        n = len(pattern.findall(text))
        if n:
            votes[code] += n
    if _CALL_SIGN.search(text[:2000]):
        votes["US"] += 2
    return votes
