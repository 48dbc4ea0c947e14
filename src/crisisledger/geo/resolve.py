"""Find place mentions in an article and resolve them to `Location`s.

Mentions come from spaCy entities (GPE/LOC/FAC, and ORG/PERSON that match the gazetteer well) and from
capitalised word runs. Each is resolved against the gazetteer using the article's countries (names,
demonyms, places), admin names written next to it ("Springfield, Ill.", "Watamu (Kilifi)",
"X district of Y province"), place-type words ("Balkh province") and population.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

from crisisledger.geo.countries import fold, get_country, is_demonym, lookup_country
from crisisledger.geo.gazetteer import Gazetteer, Place, admin_key, same_admin, skeleton
from crisisledger.geo.priors import country_votes
from crisisledger.geo.stations import outlet_homes
from crisisledger.geo.us import STATES, institution_prefix, state_votes
from crisisledger.geo.us_event import us_event_location
from crisisledger.geo.words import AP_STATES, STOP_WORDS
from crisisledger.model import Location
from crisisledger.nlp.pipeline import ArticleDoc

STRONG = {"GPE", "LOC", "FAC"}
WEAK = {"ORG", "PERSON"}
SPECIFICITY = {"point": 2.0, "city": 2.0, "admin2": 1.2, "admin1": 0.6, "country": -2.0}

_CAPS = re.compile(
    r"[A-Z][\w'’.-]*(?:[ -](?:(?:al|el|ad|ar|as|an|ash|at|de|du|la|le|bin|ibn|di|da|wa)[ -])?"
    r"[A-Z][\w'’-]*)*"
)
_TYPE_AFTER = re.compile(
    r"^\s+(district|province|county|state|region|governorate|upazila|township|division|department|"
    r"prefecture|city|town|village|municipality|commune|cercle|sub-county|oblast|area|neighbou?rhood|"
    r"countryside)\b",
    re.IGNORECASE,
)
_TYPE_PREC = {
    "city": "city",
    "town": "city",
    "village": "city",
    "neighbourhood": "city",
    "neighborhood": "city",
    "district": "admin2",
    "county": "admin2",
    "upazila": "admin2",
    "township": "admin2",
    "cercle": "admin2",
    "sub-county": "admin2",
    "municipality": "admin2",
    "commune": "admin2",
    "area": "city",
}
# "ROSEBURG, Ore. –", "OAKLAND --", "PITTSBURGH (KDKA) —": an all-caps place opening a paragraph.
_DATELINE = re.compile(
    r"(?:^|\n|\s{2}|\)\s)\s*([A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+){0,3})"
    r"(?=(?:,\s*[A-Z][\w.]*\.?(?: [A-Z][\w.]*)?)?\s*(?:\([\w .-]+\))?\s*(?:--|[-–—]))"
)
_ADMIN1_TYPES = ("province", "state", "region", "governorate", "oblast", "countryside")
_AREAS = ("admin1", "admin2")
_ADMIN2_TYPES = ("district", "county", "upazila", "township", "cercle", "sub-county", "department")
_IN_PAREN = re.compile(r"[A-Za-z]\s*\([^()]{0,45}$")  # "Town (District Admin1": inside a place's parentheses
_CONTAINER = re.compile(r"\w[\w'’.-]*\s*(?:\(|,)\s*$")  # "Hombori (Douentza", "Watamu, Kilifi"
# Inside ACLED-style parentheses after a place: "Tambao (Markoye, " or "Tambao (" before the name.
_ADMIN_SLOT = re.compile(r"[A-Za-z][\w'’.-]*\s*\((?:[^()]{1,40},\s*)?$")
_PAREN = re.compile(r"^\s*\(([^()\n]{1,90})\)")
_COMMA = re.compile(r"^\s*,\s*((?:[A-Z][\w'’.-]*\s?){1,4})")
_OF = re.compile(
    r"^\s+(?:district|province|county|state|region|city|town|village|area)?\s*(?:of|in)\s+"
    r"((?:[A-Z][\w'’-]*\s?){1,3})"
)
# "Saudi-led coalition", "Turkish-backed fighters": an actor's adjective, not where the event happened.
_ACTOR_SUFFIX = re.compile(
    r"^-(?:led|backed|allied|supported|sponsored|affiliated|trained|based)\b", re.IGNORECASE
)
# "US forces", "UK government": a country named as an actor, not as the place.
_ACTOR_NOUN = re.compile(
    r"^(?:'s|’s)?\s+(?:special\s+|armed\s+|military\s+|security\s+)?(?:forces|troops|army|military|soldiers|"
    r"air\s*force|navy|government|officials|authorities|embassy|drones?|jets|warplanes|aircraft|"
    r"coalition|contingent|peacekeepers)\b",
    re.IGNORECASE,
)
# "in northern Yemen", "near Syria's": a country named as the place of the event.
_PLACE_BEFORE = re.compile(
    r"\b(?:in|inside|near|across|into|throughout|of)\s+(?:the\s+)?(?:(?:north|south|east|west|central)"
    r"(?:ern|-?east|-?west)?(?:ern)?\s+)?$",
    re.IGNORECASE,
)
_LOCATIVE = re.compile(
    r"\b(in|at|near|of|from|to|outside|into|across|towards?|around|between|and|village|"
    r"town|city|district|province)\s+(?:the\s+)?(?:(?:north|south|east|west)(?:ern)?\s+|central\s+|downtown\s+)?$",
    re.IGNORECASE,
)

# "Conway police said", "Gresham officers": a town named by its own force.
_LOCAL_FORCE = re.compile(
    r"^(?:'s)?\s+(?:city\s+|county\s+)?(?:police|officers|sheriff|deputies|authorities|detectives|"
    r"firefighters|residents?|man|woman|boy|girl|teen|mother|father|home|dad|mom|toddler|child|"
    r"student|couple|family)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class PlaceMention:
    """A resolved place name in the text."""

    text: str
    start: int
    end: int
    location: Location
    score: float
    container: bool = False  # written as the admin area of the place just before it: "Watamu, Kilifi"
    dateline: bool = False  # "ROSEBURG, Ore. (AP) —": where the report was filed


@dataclass
class _Span:
    text: str
    start: int
    end: int
    strong: bool
    key: str
    type_hint: str | None = None
    norp: bool = False
    dateline: bool = False
    person: bool = False
    institution: bool = False  # opens a local institution's name: "Gresham Police Department"
    admin_slot: bool = False  # written as the admin area of a place: "Tambao (Markoye, Oudalan)"


def to_location(p: Place, precision: str | None = None) -> Location:
    """The contract's LOCATION for a gazetteer entry."""
    country = get_country(p.country_code)
    return Location(
        name=p.name,
        country=country.name if country else p.country_code,
        country_code=p.country_code,
        admin1=p.admin1 if p.precision != "country" else None,
        admin2=p.admin2,
        lat=round(p.lat, 5),
        lon=round(p.lon, 5),
        precision=precision or p.precision,  # type: ignore[arg-type]
        geonames_id=p.geonames_id,
    )


def country_location(code: str) -> Location | None:
    c = get_country(code)
    if c is None:
        return None
    return Location(
        name=c.name, country=c.name, country_code=c.code, lat=c.lat, lon=c.lon, precision="country"
    )


# ---------------------------------------------------------------------------------------------------
def _spans(doc: ArticleDoc) -> list[_Span]:
    """Candidate name spans: entities first, then capitalised runs (and their sub-runs) they miss."""
    text = doc.text
    out: list[_Span] = []
    taken = bytearray(len(text) + 1)
    for ent in sorted(doc.entities, key=lambda x: x.start):
        if ent.label in STRONG or ent.label in WEAK or ent.label == "NORP":
            for piece in re.finditer(r"[^(),;\[\]]+", ent.text):  # "Timbuktu (Tombouctou" → two names
                ps, pe = ent.start + piece.start(), ent.start + piece.end()
                frag = piece.group()
                if frag.endswith(".") and text[pe : pe + 1] == "[":  # "Segou.[size=...": the sentence ends
                    frag, pe = frag[:-1], pe - 1
                lead, trail = len(frag) - len(frag.lstrip()), len(frag) - len(frag.rstrip())
                if pe - trail > ps + lead:
                    out.append(
                        _Span(
                            frag.strip(),
                            ps + lead,
                            pe - trail,
                            ent.label in STRONG,
                            "",
                            norp=ent.label == "NORP",
                            person=ent.label == "PERSON",
                        )
                    )
            taken[ent.start : ent.end] = b"\x01" * (ent.end - ent.start)
            if ent.label in WEAK:
                out.extend(_institution_spans(ent.text, ent.start))
                of = re.search(r"\bof\s+([A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+)?)", ent.text)
                if of and _known(of.group(1)):  # "University Hospital of Ouahigouya"
                    out.append(_Span(of.group(1), ent.start + of.start(1), ent.start + of.end(1), False, ""))
    for m in _CAPS.finditer(text):
        if any(taken[m.start() : m.end()]):
            continue
        runs = list(re.finditer(r"\S+", m.group()))
        i = 0
        while i < len(runs):  # greedy longest sub-run found in the gazetteer or country table
            for j in range(min(len(runs), i + 5), i, -1):
                s, e = m.start() + runs[i].start(), m.start() + runs[j - 1].end()
                frag = text[s:e].rstrip(".")
                if i > 0 and j == i + 1 and not _known(runs[0].group().rstrip(".")):
                    i = j  # "John Hoffman": a surname inside a longer capitalised run is not a place
                    break
                if _known(frag) or j == i + 1:
                    out.append(_Span(frag, s, s + len(frag), False, ""))
                    i = j
                    break
    for m in _DATELINE.finditer(text[:600]):
        ds, de = m.span(1)
        out = [sp for sp in out if not (ds <= sp.start < de)]
        out.append(_Span(m.group(1).title(), ds, de, True, "", dateline=True))
    out = [piece for sp in out for piece in _split_paren_span(sp, text)]
    for sp in out:
        sp.text, sp.start, sp.end = _trim(sp.text, sp.start, sp.end)
        sp.key = fold(sp.text)
        sp.admin_slot = bool(_ADMIN_SLOT.search(text[max(0, sp.start - 60) : sp.start]))
        t = _TYPE_AFTER.match(text[sp.end : sp.end + 24])
        if t:
            sp.type_hint = t.group(1).lower()
        else:
            words = sp.key.split()
            if len(words) > 1 and admin_key(words[-1]) == "":
                sp.type_hint = words[-1]
    return [sp for sp in out if sp.key]


def _institution_spans(name: str, start: int) -> list[_Span]:
    """The place opening an organisation's name ("Conway Police Department" → "Conway"); a hyphenated
    pair ("Savannah-Chatham Metropolitan Police") gives its first name."""
    hit = institution_prefix(name)
    if hit is None:
        return []
    place, county = hit
    if "-" in place and not _known(place):
        place = place.split("-")[0]
    return [
        _Span(
            place,
            start,
            start + len(place),
            False,
            "",
            institution=True,
            type_hint="county" if county else None,
        )
    ]


def split_admin(words: str) -> tuple[str, str] | None:
    """ "Bayt al Faqiah Al Hudaydah" → ("Bayt al Faqiah", "Al Hudaydah"): a place then the name of a known
    admin1 area written after it without a comma (ACLED's "(Town Admin1)"). None when no such split."""
    parts = words.split()
    gaz = Gazetteer.default()
    for k in range(1, len(parts)):
        head, tail = " ".join(parts[:k]), " ".join(parts[k:])
        if _is_admin1(gaz, tail):
            return head, tail
    return None


def _is_admin1(gaz: Gazetteer, name: str) -> bool:
    for variant in (name, name.replace("-", " "), admin_key(name)):
        if variant and any(p.precision == "admin1" for p in gaz.lookup(variant)):
            return True
    return False


def _split_paren_span(sp: _Span, text: str) -> list[_Span]:
    """A span written alone in parentheses that the gazetteer does not know as a whole, split into a place
    and its admin1 area; other spans unchanged."""
    if " " not in sp.text or text[max(0, sp.start - 1) : sp.start] != "(" or _known(sp.text):
        return [sp]
    split = split_admin(sp.text)
    if split is None:
        return [sp]
    head, tail = split
    tail_start = sp.start + sp.text.rindex(tail)
    return [
        _Span(head, sp.start, sp.start + len(head), sp.strong, ""),
        _Span(tail, tail_start, tail_start + len(tail), sp.strong, ""),
    ]


def _trim(s: str, start: int, end: int) -> tuple[str, int, int]:
    if s.lower().startswith("the "):
        s, start = s[4:], start + 4
    for suffix in ("'s", "’s"):
        if s.endswith(suffix):
            s, end = s[:-2], end - 2
    return s, start, end


def _placed(sp: _Span, text: str) -> bool:
    """Whether a name is written where a place goes: a place entity, after "in/near/village of", in an
    admin slot or before a place-type word."""
    if re.match(r" [A-Z]", text[sp.end : sp.end + 2]) or re.search(
        r"[A-Z][\w'’.-]* $", text[max(0, sp.start - 40) : sp.start]
    ):
        return False  # a piece of a longer capitalised name ("Tinzawaten Kore")
    if sp.strong or sp.admin_slot or sp.type_hint:
        return True
    return bool(_LOCATIVE.search(text[max(0, sp.start - 14) : sp.start]))


def _known(frag: str) -> bool:
    gaz = Gazetteer.default()
    key = fold(frag)
    return key in gaz.index or admin_key(frag) in gaz.index or lookup_country(frag) is not None


_DIRECTION = re.compile(
    r"^(?:north|south|east|west|northern|southern|eastern|western|central|downtown|"
    r"northeast|northwest|southeast|southwest|greater)\s+",
    re.IGNORECASE,
)


def _candidates(gaz: Gazetteer, sp: _Span) -> list[Place]:
    if sp.key in AP_STATES:  # "Ore.", "Mass.": the US state
        return [
            p for p in gaz.lookup(AP_STATES[sp.key]) if p.country_code == "US" and p.precision == "admin1"
        ]
    cands = gaz.lookup(sp.text)
    if _is_acronym(sp.text):  # "SNA", "LRA": only a place whose own name is the acronym
        return [p for p in cands if fold(p.name) == sp.key]
    if not cands and " - " in sp.text:  # "Dhaka - Shahbagh": a city and its quarter
        cands = gaz.lookup(sp.text.split(" - ")[0])
    if not cands and _DIRECTION.match(sp.text):
        cands = [p for p in gaz.lookup(_DIRECTION.sub("", sp.text)) if p.precision == "city"]
    if not cands:
        ak = admin_key(sp.text)
        if ak and ak != sp.key:
            cands = gaz.lookup(ak)
    admin_named = sp.admin_slot or sp.type_hint in _ADMIN1_TYPES or sp.type_hint in _ADMIN2_TYPES
    if admin_named and not any(p.precision in _AREAS for p in cands):
        # "(Cadale, Middle Shabelle)", "Idleb governorate": GeoNames spells the area otherwise
        cands = cands + [p for p in gaz.admin_lookup(sp.text) if p not in cands]
    return cands


def _is_acronym(name: str) -> bool:
    """All-capital short word ("SNA", "CPC"): an organisation far more often than a place nickname."""
    letters = name.replace(".", "")
    return 2 <= len(letters) <= 5 and letters.isupper() and letters.isalnum()


def _coherence(place_spans: list[tuple[_Span, list[Place], list[str]]], ctx: _Context) -> None:
    """Votes for the countries and admin1 areas that several different names can all lie in
    ("Lynn" and "Chelsea" → Massachusetts), for texts whose country is not settled by names."""
    by_country: dict[str, set[str]] = {}
    by_admin1: dict[tuple[str, str], set[str]] = {}
    for sp, cands, _ in place_spans:
        for p in cands:
            by_country.setdefault(p.country_code, set()).add(sp.key)
            if p.admin1:
                by_admin1.setdefault((p.country_code, p.admin1), set()).add(sp.key)
    for (code, a1), keys in by_admin1.items():
        if len(keys) >= 2:
            ctx.coherent[_a1(code, a1)] += len(keys) - 1
    if not ctx.countries:
        best = max((len(k) for k in by_country.values()), default=0)
        if best >= 2:
            for code, keys in by_country.items():
                if len(keys) == best:
                    ctx.countries[code] += 2


def _a1(code: str, admin1: str) -> tuple[str, str]:
    """Key of an admin1 area in the context's counters: spellings of one name share it."""
    return code, skeleton(admin1) or fold(admin1)


def _hints(text: str, end: int) -> list[str]:
    """Admin names written right after a mention: "(District, Province)", ", State", " district of Y"."""
    tail = text[end : end + 100]
    t = _TYPE_AFTER.match(tail)
    if t:
        tail = tail[t.end() :]
    hints: list[str] = []
    m = _PAREN.match(tail)
    if m:
        inner = m.group(1)
        whole = "," in inner or " " not in inner.strip() or Gazetteer.default().admin_lookup(inner)
        split = None if whole else split_admin(inner)  # "(Western Bahr el Ghazal state)" stays whole
        hints += list(split) if split else [h.strip() for h in inner.split(",")]
        t = _TYPE_AFTER.match(tail[m.end() :])  # "Chawkay (Soki) district, Kunar"
        if t:
            tail = tail[m.end() + t.end() :]
    m = _COMMA.match(tail)
    if m:
        hints.append(m.group(1).strip())
    m = _OF.match(tail)
    if m:
        hints.append(m.group(1).strip())
    hints = [re.split(r"\.\s", h)[0] for h in hints]  # "Faryab. The attack": the sentence ends
    return [h for h in hints if h]


def _hint_countries(hints: list[str], gaz: Gazetteer) -> set[str]:
    """Countries the admin names written after a mention can lie in (empty when none is known): those all
    known names share, else any of them ("(Fulton, Georgia)": the state or the country)."""
    per_hint: list[set[str]] = []
    for h in hints:
        h_clean = h.rstrip(".").strip()
        if h_clean in gaz.us_states or fold(h) in AP_STATES or fold(h_clean + ".") in AP_STATES:
            per_hint.append({"US"})  # "Ky.", "Ill.", "KY": a state, not Cayman Islands or Israel
            continue
        c = lookup_country(h_clean)
        if c is not None and not is_demonym(h_clean):
            per_hint.append({c.code})
            continue
        codes = {p.country_code for p in gaz.admin_lookup(h_clean)}
        if codes:
            per_hint.append(codes)
    if not per_hint:
        return set()
    return set.intersection(*per_hint) or set.union(*per_hint)


def _hint_admin1(hints: list[str], gaz: Gazetteer) -> set[tuple[str, str]]:
    """(country, admin1) areas the hints name as admin1 areas."""
    out: set[tuple[str, str]] = set()
    for h in hints:
        out.update(
            (p.country_code, p.admin1)
            for p in gaz.admin_lookup(h.strip())
            if p.precision == "admin1" and p.admin1
        )
    return out


def _hint_state(hint: str) -> str | None:
    """The US state a hint names by postal code or AP abbreviation ("KY", "Ky.", "Vt"), else None."""
    h = hint.rstrip(".").strip()
    if len(h) == 2 and h.isupper():
        return Gazetteer.default().us_states.get(h)
    return AP_STATES.get(fold(h) + ".")


def _hint_matches(p: Place, hints: list[str], gaz: Gazetteer) -> bool:
    for h in hints:
        h_clean = h.rstrip(".").strip()
        state = _hint_state(h) if p.country_code == "US" else None
        if state and p.admin1 == state:
            return True
        key = admin_key(h_clean)
        if not key:
            continue
        if (p.admin1 and admin_key(p.admin1) == key) or (p.admin2 and admin_key(p.admin2) == key):
            return True
        if (p.admin1 and same_admin(h_clean, p.admin1)) or (p.admin2 and same_admin(h_clean, p.admin2)):
            return True  # "Middle Shabelle" for GeoNames' "Middle Shabele"
        c = lookup_country(h_clean)
        if c is not None and c.code == p.country_code:
            return True
    if p.precision not in ("city", "point") or p.admin2:
        return False
    for h in hints:  # GeoNames gives most towns no district: one near the district's centre is in it
        for area in gaz.admin_lookup(h.rstrip(".").strip(), p.country_code):
            if area.precision == "admin2" and _km(p.lat, p.lon, area.lat, area.lon) <= 50.0:
                return True
    return False


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Equirectangular distance in km (good enough within a few hundred km)."""
    dy = (lat1 - lat2) * 111.0
    dx = (lon1 - lon2) * 111.0 * math.cos(math.radians(lat1))
    return math.hypot(dx, dy)


class _Context:
    def __init__(self) -> None:
        self.countries: Counter[str] = Counter()  # votes: a country name 4 (8 near the top)
        self.admin1: Counter[tuple[str, str]] = Counter()
        self.coherent: Counter[tuple[str, str]] = Counter()  # admin1 areas several names can share
        self.named: Counter[str] = Counter()  # votes from country names and places only (no demonyms)
        self.own: dict[str, Counter[str]] = {}  # per folded name: the votes it gave itself
        self.states: Counter[str] = Counter()  # US state name → votes (see `geo.us.state_votes`)

    def vote(self, key: str, code: str, n: int, named: bool = True) -> None:
        self.countries[code] += n
        if named:
            self.named[code] += n
            self.own.setdefault(key, Counter())[code] += n

    def supported(self, key: str, code: str) -> bool:
        """Whether a country has votes from names other than `key` itself."""
        return self.named[code] - self.own.get(key, Counter())[code] > 0

    def contested(self, key: str) -> bool:
        """Whether names other than `key` vote for some country."""
        own = self.own.get(key, Counter())
        return any(n - own[code] > 0 for code, n in self.named.items())

    @property
    def dominant(self) -> str | None:
        return self.countries.most_common(1)[0][0] if self.countries else None


def _score(p: Place, sp: _Span, hints: list[str], ctx: _Context, gaz: Gazetteer) -> float:
    pop = p.population if p.precision in ("city", "point") or p.population < 10**9 else 10**7
    score = 0.45 * math.log10(max(pop, 1000 if p.geonames_id is None else 1) + 10)
    dom = ctx.dominant
    if dom and p.country_code == dom:
        score += 3.0
    elif ctx.countries.get(p.country_code):
        score += 1.5
    if p.admin1 and ctx.admin1.get(_a1(p.country_code, p.admin1)):
        score += 1.5
    elif p.admin1 and ctx.coherent.get(_a1(p.country_code, p.admin1)):
        score += 0.8
    if hints and _hint_matches(p, hints, gaz):
        score += 5.0
    if p.country_code == "US" and ctx.states and p.admin1:
        score += _state_bonus(p.admin1, ctx.states)
    if sp.type_hint:
        want = _TYPE_PREC.get(
            sp.type_hint,
            "admin1" if sp.type_hint in _ADMIN1_TYPES else None,
        )
        if want and p.precision == want:
            score += 2.0
        elif want == "admin2" and p.precision == "admin1":
            score += 1.0
    elif p.precision in ("city", "point"):
        score += 0.6
    if fold(p.name) == sp.key:
        score += 0.3
    if sp.dateline and p.precision == "city":
        score += 1.0
    return score


def _slot_bonus(p: Place, sp: _Span, cands: list[Place]) -> float:
    """ "(Pobe-Mengao, Soum)": an admin area rather than a town of that name in another country (a
    same-country town of the name, "(Sylhet)", stays the better point)."""
    if not sp.admin_slot or p.precision not in _AREAS:
        return 0.0
    return 0.0 if any(c.precision == "city" and c.country_code == p.country_code for c in cands) else 1.5


def _state_bonus(state: str, states: Counter[str]) -> float:
    """Score for a US place in `state` given the article's state votes: the leading state much more."""
    n = states.get(state, 0)
    if not n:
        return 0.0
    best = max(states.values())
    return 3.5 if n == best else 1.5 * n / best


def _accept(
    sp: _Span,
    best: Place,
    score: float,
    text: str,
    ctx: _Context,
    hint_codes: set[str] | None = None,
    hint_admin1: set[tuple[str, str]] | None = None,
    hint_match: bool = False,
    hints: list[str] | None = None,
) -> bool:
    if sp.key in STOP_WORDS or len(sp.key) < 3:
        return False
    if hint_codes and best.country_code not in hint_codes:
        return False  # "Bondo (Koro, Mopti)": the admin names written with it lie in another country
    if hints and not hint_match and best.precision in ("city", "point"):
        named = {_hint_state(h) for h in hints} - {None}
        if named and best.admin1 not in named:
            return False  # "Felton, Minn." when the gazetteer lacks the Minnesota Felton
    if (
        ctx.dominant == "US"
        and not sp.dateline
        and best.precision in ("city", "point")
        and (best.country_code != "US" or fold(best.name) != sp.key)
        and not (hint_match or fold(best.name).startswith(sp.key))
    ):
        return False  # US news: a foreign place or an alternate name ("Mercy", "Sgt") is page noise
    if hint_admin1 and best.precision in ("city", "point", "admin2") and not hint_match:
        same = {a1 for cc, a1 in hint_admin1 if cc == best.country_code}
        if same and best.admin1 and not any(same_admin(best.admin1, a) for a in same):
            return False  # "Shirin Tagab district, Faryab": a namesake in another province
    if (
        not hint_codes
        and best.precision in ("city", "point")
        and (best.population < 100000 or fold(best.name) != sp.key)  # "Hushan": an alternate name
        and ctx.contested(sp.key)
        and not ctx.supported(sp.key, best.country_code)
    ):
        return False  # a small foreign place that nothing else in the text points to
    if sp.type_hint in ("neighborhood", "neighbourhood"):
        return False  # a part of a city the gazetteer does not hold: the city named nearby is better
    if sp.strong:
        return True
    in_context = best.country_code == ctx.dominant or bool(ctx.countries.get(best.country_code))
    before = text[max(0, sp.start - 14) : sp.start]
    locative = (
        bool(
            _LOCATIVE.search(before)
            or _CONTAINER.search(before)
            or _IN_PAREN.search(text[max(0, sp.start - 50) : sp.start])
        )
        or sp.type_hint is not None
    )
    locative = locative or sp.institution or bool(_LOCAL_FORCE.match(text[sp.end : sp.end + 30]))
    if sp.person and not locative:
        return False
    if locative and (in_context or best.population >= 20000 or not ctx.countries):
        return True
    return (in_context and best.population >= 100000) or score >= 8.0


@dataclass
class _Extra:
    """What an article gives besides its text's place mentions."""

    title: PlaceMention | None = None  # the title's place ("Boy shot in Monroe"), offsets in the title
    title_locative: bool = False  # written after "in/at/near" (the scene)
    home: Location | None = None  # home city of the outlet that filed it (a TV station, a newspaper)


_CACHE: dict[int, tuple[ArticleDoc, str, list[PlaceMention], str | None, _Extra]] = {}


def find_places(doc: ArticleDoc) -> list[PlaceMention]:
    """Every resolved place mention in the article, in text order (country names included)."""
    return _analyse(doc)[0]


def main_country(doc: ArticleDoc) -> str | None:
    """The article's dominant country code (from country names, demonyms and places), or None."""
    return _analyse(doc)[1]


def _analyse(doc: ArticleDoc) -> tuple[list[PlaceMention], str | None]:
    m, d, _ = _analyse_all(doc)
    return m, d


def _analyse_all(doc: ArticleDoc) -> tuple[list[PlaceMention], str | None, _Extra]:
    hit = _CACHE.get(id(doc))
    if hit is not None and hit[0] is doc and hit[1] == doc.text:
        return hit[2], hit[3], hit[4]
    gaz = Gazetteer.default()
    text = doc.text
    spans = _spans(doc)
    ctx = _Context()
    country_spans: list[tuple[_Span, str]] = []
    place_spans: list[tuple[_Span, list[Place], list[str]]] = []
    unknown: list[_Span] = []  # names no gazetteer entry has under that spelling
    title_end = len(doc.article.title or "")
    for sp in spans:
        c = lookup_country(sp.text) if sp.key not in AP_STATES else None  # "Ky." is Kentucky, not KY
        if (
            c is not None
            and sp.key not in STOP_WORDS
            and not (len(sp.text) == 2 and _in_place_name(sp, text))
        ):
            ctx.vote(sp.key, c.code, *_country_weight(sp, text, title_end))
            country_spans.append((sp, c.code))
            continue
        if sp.key in STOP_WORDS or sp.type_hint in ("neighborhood", "neighbourhood"):
            continue
        cands = _candidates(gaz, sp)
        if cands:
            hints = [h for h in _hints(text, sp.end) if fold(h) != sp.key]  # "Bama (Bama, Houet)"
            place_spans.append((sp, cands, hints))
        elif len(sp.key) >= 4 and not sp.norp and not _is_acronym(sp.text) and _placed(sp, text):
            unknown.append(sp)
    priors = country_votes(text)
    for code, n in priors.items():  # armed groups, forces, US newsroom furniture
        ctx.vote("", code, 3 * min(n, 3), named=False)
    ctx.states = state_votes(text, doc.article.title)
    homes = outlet_homes(text, doc.article.title)
    for (_, st), n in homes.items():
        ctx.states[STATES[st]] += min(n, 2)
    if ctx.states:
        ctx.vote("", "US", 2 * min(sum(ctx.states.values()), 4), named=False)
    _coherence(place_spans, ctx)
    # First pass: unambiguous or prominent places vote for their country and admin1.
    for sp, cands, hints in place_spans:
        codes = {p.country_code for p in cands}
        if sp.strong and (len(codes) == 1 or cands[0].population >= 300000):
            ctx.vote(sp.key, cands[0].country_code, 4)
            if cands[0].precision == "admin1" and cands[0].admin1:
                ctx.admin1[_a1(cands[0].country_code, cands[0].admin1)] += 1
        elif sp.type_hint in _ADMIN1_TYPES or sp.type_hint in ("district", "county"):
            admins = {p.country_code for p in cands if p.precision in ("admin1", "admin2")}
            if len(admins) == 1 and _known(
                sp.text
            ):  # "Balkh province", "Aleppo countryside" (a mere spelling variant does not vote)
                ctx.vote(sp.key, admins.pop(), 4)
        if hints and len(hint_codes := _hint_countries(hints, gaz)) == 1:
            ctx.vote(sp.key, next(iter(hint_codes)), 4)
        elif sp.admin_slot and len(areas := {p.country_code for p in cands if p.precision in _AREAS}) == 1:
            ctx.vote(sp.key, areas.pop(), 4)  # "(Markoye, Oudalan)": an admin area of one country
    if ctx.named:  # named places and admin areas outweigh who acted: priors only break ties
        for code, n in priors.items():
            if code != "US":
                ctx.countries[code] -= 2 * min(n, 3)
        ctx.countries += Counter()  # drop non-positive counts
    if (
        unknown and ctx.dominant and "US" not in ctx.countries
    ):  # "Saraqeb" for "Saraqib", in the text's country
        for sp in unknown:
            cands = gaz.fuzzy_towns(sp.text, ctx.dominant)
            if cands:
                place_spans.append((sp, cands, [h for h in _hints(text, sp.end) if fold(h) != sp.key]))
    mentions: list[PlaceMention] = []
    for sp, cands, hints in place_spans:
        scored = [
            (_score(p, sp, hints, ctx, gaz) + _slot_bonus(p, sp, cands), -i, p) for i, p in enumerate(cands)
        ]
        score, _, best = max(scored)
        hint_codes = _hint_countries(hints, gaz) if hints else set()
        hint_a1 = _hint_admin1(hints, gaz) if hints else set()
        matched = bool(hints) and _hint_matches(best, hints, gaz)
        if not _accept(sp, best, score, text, ctx, hint_codes, hint_a1, matched, hints):
            continue
        mentions.append(
            PlaceMention(sp.text, sp.start, sp.end, to_location(best), score, dateline=sp.dateline)
        )
        if best.admin1:
            ctx.admin1[_a1(best.country_code, best.admin1)] += 1
    for sp, code in country_spans:
        loc = country_location(code)
        if loc is not None:
            mentions.append(PlaceMention(sp.text, sp.start, sp.end, loc, 1.0))
    mentions.sort(key=lambda m: m.start)
    mentions = _mark_containers(mentions, text)
    if not ctx.countries and mentions:
        ctx.countries.update(m.location.country_code for m in mentions if m.location.country_code)
    dominant = ctx.dominant
    extra = _Extra()
    if doc.article.title:
        extra.title, extra.title_locative = _title_place(doc.article.title, text, mentions, ctx, gaz)
    if homes and dominant == "US":
        extra.home = _home_location(homes, gaz)
    if len(_CACHE) > 64:
        _CACHE.clear()
    _CACHE[id(doc)] = (doc, text, mentions, dominant, extra)
    return mentions, dominant, extra


def _title_place(
    title: str, text: str, mentions: list[PlaceMention], ctx: _Context, gaz: Gazetteer
) -> tuple[PlaceMention | None, bool]:
    """The place a headline names, resolved with the article's context: a name written after "in/at/near"
    first, else one the body also names or that opens "X man/police". Only city-level places."""
    best: tuple[int, float, PlaceMention] | None = None
    near = [m.location for m in mentions if m.location.precision in ("city", "point")]
    for m in _CAPS.finditer(title):
        runs = list(re.finditer(r"\S+", m.group()))
        i = 0
        while i < len(runs):
            for j in range(min(len(runs), i + 4), i, -1):
                s, e = m.start() + runs[i].start(), m.start() + runs[j - 1].end()
                frag = title[s:e].rstrip(".,:;")
                if _known(frag) or j == i + 1:
                    i = j
                    break
            else:
                i += 1
                continue
            sp = _Span(frag, s, s + len(frag), False, fold(frag))
            if (
                sp.key in STOP_WORDS
                or len(sp.key) < 3
                or lookup_country(frag) is not None
                or frag in _STATE_NAMES
                or _PART_OF_NAME.match(title[sp.end :])  # "Kimball High School", "Preston St."
                or re.search(rf"{re.escape(frag)}\s+(?:section|neighbou?rhood|community)\b", text, re.I)
            ):
                continue
            cands = [p for p in _candidates(gaz, sp) if p.precision in ("city", "point", "admin2")]
            if not cands:
                continue
            hints = _hints(title, sp.end)
            score, _, place = max(
                (_score(p, sp, hints, ctx, gaz) + (2.0 if _near_any(p, near) else 0.0), -k, p)
                for k, p in enumerate(cands)
            )
            matched = bool(hints) and _hint_matches(place, hints, gaz)
            if not _accept(sp, place, score, title, ctx, hint_match=matched, hints=hints):
                continue
            before = title[max(0, s - 14) : s]
            locative = bool(re.search(r"\b(?:in|at|near|outside)\s+(?:the\s+)?$", before, re.IGNORECASE))
            in_body = re.search(rf"(?<!\w){re.escape(frag)}(?!\w)", text, re.IGNORECASE) is not None
            force = bool(_LOCAL_FORCE.match(title[sp.end : sp.end + 30]))
            if not (locative or in_body or force or matched):
                continue
            rank = 2 if locative else 1
            pm = PlaceMention(frag, s, s + len(frag), to_location(place), score)
            if best is None or (rank, score) > best[:2]:
                best = (rank, score, pm)
    return (best[2], best[0] == 2) if best else (None, False)


_STATE_NAMES = set(STATES.values())
# A name that continues into a street, school or building name, or a day ("Christmas Day").
_PART_OF_NAME = re.compile(
    r"^\s+(?:High|Middle|Elementary|School|Academy|Hospital|Medical|University|College|St\b|St\.|Street|"
    r"Ave|Avenue|Road|Rd|Blvd|Boulevard|Drive|Dr\b|Lane|Way|Court|Place|Park|Mall|Plaza|Center|Centre|"
    r"Homes|Dwellings|Apartments|Courts|Village|Heights|Twp|Township|Day|Church|Station|Bridge)\b"
)


def _near_any(p: Place, places: list[Location], km: float = 40.0) -> bool:
    """Whether a gazetteer entry lies within `km` of any of the places."""
    for loc in places:
        if loc.lat is None or loc.lon is None:
            continue
        dy = (p.lat - loc.lat) * 111.0
        dx = (p.lon - loc.lon) * 111.0 * math.cos(math.radians(p.lat))
        if dx * dx + dy * dy <= km * km:
            return True
    return False


def _home_location(homes: Counter[tuple[str, str]], gaz: Gazetteer) -> Location | None:
    """The most named outlet home city as a `Location`, or None when the gazetteer lacks it."""
    (city, st), _ = homes.most_common(1)[0]
    for p in gaz.lookup(city):
        if p.country_code == "US" and p.admin1 == STATES[st] and p.precision == "city":
            return to_location(p)
    return None


def _in_place_name(sp: _Span, text: str) -> bool:
    """A two-letter capital token inside a longer capitalised name ("Um Atba"), not a country code."""
    before, after = text[max(0, sp.start - 2) : sp.start], text[sp.end : sp.end + 2]
    return bool(re.match(r"^ [A-Z]", after) or re.search(r"[A-Za-z] $", before))


def _country_weight(sp: _Span, text: str, title_end: int) -> tuple[int, bool]:
    """Votes for a country mention: a name written as the place of the event counts most, a demonym or
    an actor's "-led" adjective least (it names who acted, not where)."""
    if (
        sp.norp
        or is_demonym(sp.text)
        or _ACTOR_SUFFIX.match(text[sp.end : sp.end + 12])
        or _ACTOR_NOUN.match(text[sp.end : sp.end + 24])
    ):
        return 1, False
    if _PLACE_BEFORE.search(text[max(0, sp.start - 30) : sp.start]):
        return 8, True
    return (8 if sp.start < max(title_end, 200) else 4), True


_JOIN = re.compile(r"^\s*(?:,|\(|\s)\s*(?:[A-Z][\w'’-]*\s*(?:,|\()?\s*){0,3}$")


def _mark_containers(mentions: list[PlaceMention], text: str) -> list[PlaceMention]:
    out: list[PlaceMention] = []
    for m in mentions:
        prev = out[-1] if out else None
        if prev is not None and m.start - prev.end < 60 and _JOIN.match(text[prev.end : m.start]):
            m = PlaceMention(m.text, m.start, m.end, m.location, m.score, container=True, dateline=m.dateline)
        out.append(m)
    return out


def _best(mentions: list[PlaceMention]) -> PlaceMention | None:
    if not mentions:
        return None
    areas = {
        (m.location.country_code, m.location.admin1) for m in mentions if m.location.precision == "admin1"
    }
    ranked = [
        (m.score + SPECIFICITY[m.location.precision] - 0.15 * i + _within_bonus(m.location, areas), m)
        for i, m in enumerate(mentions)
    ]
    return max(ranked, key=lambda t: t[0])[1]


def _within_bonus(loc: Location, areas: set[tuple[str | None, str | None]]) -> float:
    """ "Saraqeb in Idleb governorate": a town inside an admin1 area also named beats the area."""
    inside = loc.precision in ("city", "point", "admin2") and (loc.country_code, loc.admin1) in areas
    return 2.0 if inside else 0.0


def _best_in(mentions: list[PlaceMention], start: int, end: int) -> PlaceMention | None:
    """Best place named in [start, end); admin areas written after a place count only when it is unknown."""
    inside = [m for m in mentions if start <= m.start < end]
    return _best([m for m in inside if not m.container]) or (inside[0] if inside else None)


def event_location(doc: ArticleDoc, start: int, end: int) -> Location | None:
    """Best location for an event evidenced by text[start:end]: the most specific place in the span,
    else in its sentence, else the article's main place, else its country (precision "country")."""
    mentions, dominant, extra = _analyse_all(doc)
    if dominant == "US":  # US local news: see `geo.us_event`
        return us_event_location(doc, mentions, extra.title, extra.home, start, end)
    specific = [m for m in mentions if m.location.precision != "country"]
    pick = _best_in(specific, start, end)
    if pick is None:
        sentence = doc.sentence_at(start)
        if sentence is not None:
            pick = _best_in(specific, sentence.start, sentence.end)
    coded = _coded_place(specific, doc.text)
    if coded is not None:
        pick = coded  # "(coded as Boni at geoprecision 2)": the note says where its event was coded
    dateline = next((m for m in specific if m.dateline and m.location.precision == "city"), None)
    if dateline is not None and (pick is None or not _same_area(pick.location, dateline.location)):
        pick = dateline  # a report filed from a place is about that place unless it names one nearby
    title = extra.title
    if pick is None:
        pick = title or main_place(doc)
    elif pick.location.precision in ("admin1", "admin2") and pick.location.country_code == "US":
        inside = title if title and _inside(title.location, pick.location) else None
        pick = _city_within(specific, pick) or inside or pick
    elif title is not None and extra.title_locative and _prefer_title(pick, title, doc):
        pick = title
    if pick is not None:
        return pick.location
    if extra.home is not None:
        return extra.home
    if dominant:
        return country_location(dominant)
    return None


_CODED = re.compile(r"\bcoded\s+(?:to|as|at)\s+(?:the\s+)?(?:location\s+of\s+)?$", re.IGNORECASE)


def _coded_place(mentions: list[PlaceMention], text: str) -> PlaceMention | None:
    """A place written right after "coded to/as" (a coder's note on where the event was placed)."""
    for m in mentions:
        if _CODED.search(text[max(0, m.start - 30) : m.start]):
            return m
    return None


def _inside(place: Location, area: Location) -> bool:
    """Whether a place lies in a US state or county (by its admin names)."""
    if place.country_code != area.country_code or place.admin1 != area.admin1:
        return False
    return area.precision == "admin1" or not place.admin2 or place.admin2 == area.admin2


def _prefer_title(pick: PlaceMention, title: PlaceMention, doc: ArticleDoc) -> bool:
    """A headline's "shot in X" beats a different city the event's sentence names (a hospital's city,
    the station's home), unless the title's place is written inside the picked one."""
    a, b = pick.location, title.location
    if a.precision not in ("city", "point") or b.precision not in ("city", "point"):
        return False
    if a.admin1 != b.admin1 or a.country_code != b.country_code or fold(a.name).startswith(fold(b.name)):
        return False  # another state's namesake, or "Clinton" for Clinton Township
    if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
        return False
    dy, dx = (a.lat - b.lat) * 111.0, (a.lon - b.lon) * 111.0 * math.cos(math.radians(a.lat))
    if dx * dx + dy * dy < 25.0**2:
        return False  # the same town's area either way
    return fold(a.name) not in fold(doc.article.title or "")


def _city_within(mentions: list[PlaceMention], area: PlaceMention) -> PlaceMention | None:
    """The article's best-supported city inside a US state or county the event span names ("Delaware
    State Police investigated ..." in a story about Ocean View), or None. (Only for US news: elsewhere a
    district named by the event is often where it happened.)"""
    a = area.location
    inside = [
        m
        for m in mentions
        if m.location.precision in ("city", "point")
        and m.location.country_code == a.country_code
        and m.location.admin1 == a.admin1
        and (a.precision == "admin1" or not m.location.admin2 or m.location.admin2 == a.admin2)
    ]
    if not inside:
        return None
    counts = Counter(m.location.name for m in inside)
    return max(inside, key=lambda m: (m.dateline, counts[m.location.name], m.score))


def _same_area(a: Location, b: Location) -> bool:
    return a.country_code == b.country_code and (a.admin1 == b.admin1 or not a.admin1 or not b.admin1)


def main_place(doc: ArticleDoc) -> PlaceMention | None:
    """The article's principal place: the best-supported specific place in its dominant country."""
    mentions, dominant = _analyse(doc)
    specific = [m for m in mentions if m.location.precision != "country"]
    if dominant:
        specific = [m for m in specific if m.location.country_code == dominant] or specific
    if not specific:
        return None
    counts = Counter(m.location.name for m in specific)
    ranked = [
        (m.score + SPECIFICITY[m.location.precision] + 0.8 * counts[m.location.name] - 0.05 * i, m)
        for i, m in enumerate(specific)
    ]
    return max(ranked, key=lambda t: t[0])[1]
