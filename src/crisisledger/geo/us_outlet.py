"""The home of the US outlet that published a page, read from its web address.

Local news sites carry their station's call sign ("wsmv.com", "kctv5.com", "wsbtv.com") or their
city's name ("nbclosangeles.com", "chicago.suntimes.com", "juneauempire.com"; "nbcnewyork.com" is the
city of millions named after its state, "arkansasonline.com" a state alone). `host_homes(url)` turns
the host into (city, postal state) → 1, a weak cue like a station named in the text: it only helps to
choose among namesakes and, when a story names no place, gives a last resort. Archive addresses
("web.archive.org/web/2016.../http://...") are read for the page they hold.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from urllib.parse import urlsplit

from crisisledger.geo.countries import fold
from crisisledger.geo.gazetteer import Gazetteer
from crisisledger.geo.places import to_location
from crisisledger.geo.stations import CALL_SIGNS, HOSTS
from crisisledger.geo.us import STATES
from crisisledger.model import Location

_ARCHIVED = re.compile(r"^https?://web\.archive\.org/web/[^/]+/", re.IGNORECASE)
# what may follow a call sign in a host: "kctv5", "wsbtv", "wave3", "komonews", "wmcactionnews5"
_SIGN_REST = re.compile(r"(?:-?tv|-?dt)?\d*(?:[a-z]*news\d*|online|now|today|com)?$")
_MIN_POP = 25_000  # a city spelled inside a host: big enough that its name is not a common word
_MIN_LEN = 5
_WORDS = frozenset({"central", "union", "independence", "commerce", "mobile", "normal", "orange"})
# Metro abbreviations a station's host joins to its network or channel ("fox5dc", "news4jax", "okcfox").
_METROS: dict[str, tuple[str, str]] = {
    "dc": ("Washington", "DC"), "kc": ("Kansas City", "MO"), "kck": ("Kansas City", "KS"),
    "okc": ("Oklahoma City", "OK"), "stl": ("St. Louis", "MO"), "dfw": ("Dallas", "TX"),
    "atl": ("Atlanta", "GA"), "nola": ("New Orleans", "LA"), "jax": ("Jacksonville", "FL"),
    "abq": ("Albuquerque", "NM"), "lv": ("Las Vegas", "NV"), "vegas": ("Las Vegas", "NV"),
    "indy": ("Indianapolis", "IN"), "phx": ("Phoenix", "AZ"), "slc": ("Salt Lake City", "UT"),
    "ny": ("New York City", "NY"), "nyc": ("New York City", "NY"), "la": ("Los Angeles", "CA"),
    "sf": ("San Francisco", "CA"), "chi": ("Chicago", "IL"), "philly": ("Philadelphia", "PA"),
}  # fmt: skip
_BRAND = r"(?:fox|abc|nbc|cbs|cw|my|news|actionnews|local|wb)"
_AFFIXED = re.compile(rf"^(?:{_BRAND}\d*([a-z]{{2,5}})|([a-z]{{2,5}})\d*(?:{_BRAND}|now|online|tv)\d*)$")


@lru_cache(maxsize=1)
def _city_names() -> tuple[re.Pattern[str], dict[str, tuple[str, str]]]:
    """Host spellings of US cities of at least `_MIN_POP` people ("losangeles") → (city, postal state)
    of the most populous namesake, of states ("arkansas") → ("", postal state), and one pattern
    finding them, longest first."""
    gaz = Gazetteer.default()
    postal = {name: code for code, name in gaz.us_states.items()}
    states = {re.sub(r"[^a-z]", "", fold(name)): code for name, code in postal.items()}
    states.pop("washington", None)  # "washingtonpost", "nbcwashington": the capital
    c = gaz.cols
    best: dict[str, tuple[int, str, str]] = {}
    for i in range(len(gaz)):
        if c[1][i] != "US" or c[7][i] != "city" or c[6][i] < _MIN_POP or c[2][i] not in postal:
            continue
        key = re.sub(r"[^a-z]", "", fold(c[0][i]))
        for k in {key, key.removesuffix("city")} - _WORDS - states.keys():  # "newyork", not "kansas"
            if len(k) >= _MIN_LEN and c[6][i] > best.get(k, (0, "", ""))[0]:
                best[k] = (c[6][i], c[0][i], postal[c[2][i]])
    names = {k: (city, st) for k, (_, city, st) in best.items()}
    names.update({k: ("", st) for k, st in states.items()})  # "arkansasonline": the state alone
    for k, st in states.items():  # "nbcnewyork": the city of a million people named after its state
        pop, city, city_st = best.get(k + "city", (0, "", ""))
        if city_st == st and pop >= 1_000_000:
            names[k] = (city, st)
    pattern = re.compile("|".join(sorted(names, key=len, reverse=True)) or "(?!)")
    return pattern, names


def _host(url: str) -> str:
    url = _ARCHIVED.sub("", url.strip())
    if "://" not in url:
        url = "http://" + url
    return (urlsplit(url).hostname or "").lower().removeprefix("www.")


def _sign(label: str) -> tuple[str, str] | None:
    """The station home of a host label opening with a known call sign ("wsbtv" → Atlanta)."""
    for n in (4, 3):
        home = CALL_SIGNS.get(label[:n].upper())
        if home is not None and label[:1] in "kw" and _SIGN_REST.match(label, n):
            return home
    return None


def _affixed(label: str) -> tuple[str, str] | None:
    """The home of a host joining a network or channel to a metro abbreviation or a state's postal code
    ("fox5dc", "news4jax", "okcfox", "foxct" → ("", "CT")), or a label that is the abbreviation itself."""
    m = _AFFIXED.match(label)
    abbr = (m.group(1) or m.group(2)) if m else label
    if abbr in _METROS:
        return _METROS[abbr]
    state = abbr.upper()
    return ("", state) if m and len(abbr) == 2 and state in STATES else None


def _label_home(label: str) -> tuple[str, str] | None:
    return HOSTS.get(label) or _sign(label) or _affixed(label)


def _path_home(url: str) -> tuple[str, str] | None:
    """The home a page's path names in a whole segment of its own: a state or a city of at least
    `_MIN_POP` people ("dnainfo.com/chicago/...", "patch.com/georgia/decatur/..."); a city in a state
    another segment names counts only when its most populous namesake lies there."""
    _, names = _city_names()
    path = urlsplit(_ARCHIVED.sub("", url.strip())).path.lower()
    found = [names[k] for seg in path.split("/")[1:4] if (k := seg.replace("-", "")) in names]
    states = {st for city, st in found if not city}
    for city, st in found:
        if city and (not states or st in states):
            return city, st
    return ("", states.pop()) if len(states) == 1 else None


def host_homes(url: str | None) -> Counter[tuple[str, str]]:
    """(city, postal state) → 1 for the outlet home the page's host names (city "" when it names only a
    state): a known outlet's host, a call sign, a metro's abbreviation, a city or state spelled in the
    host, else in a segment of the path; empty when it names none."""
    homes: Counter[tuple[str, str]] = Counter()
    host = _host(url) if url else ""
    labels = host.split(".")[:-1]  # the top-level domain names nothing
    if not url or not labels:
        return homes
    for label in labels:
        home = _label_home(label)
        if home is not None:
            homes[home] = 1
            return homes
    pattern, names = _city_names()
    m = pattern.search("".join(labels))
    home = names[m.group()] if m is not None else _path_home(url)
    if home is not None:
        homes[home] = 1
    return homes


def host_home(url: str | None) -> Location | None:
    """The outlet's home city as a `Location` (the last resort for a story naming no place)."""

    for city, st in host_homes(url):
        gaz = Gazetteer.default()
        state = gaz.us_states.get(st)
        for p in gaz.lookup(city) if city else []:
            if p.country_code == "US" and p.admin1 == state and p.precision == "city":
                return to_location(p)
    return None
