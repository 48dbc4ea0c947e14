"""Candidate place-name spans in an article and their gazetteer candidates.

Spans come from spaCy entities (GPE/LOC/FAC, and ORG/PERSON that match the gazetteer well), capitalised
word runs and datelines; each carries what is written around it: a place-type word ("Balkh province"),
an ACLED admin slot ("Tambao (Markoye, Oudalan)"), a local institution ("Gresham Police Department").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from crisisledger.geo.countries import fold, lookup_country
from crisisledger.geo.gazetteer import Gazetteer, Place, admin_key
from crisisledger.geo.us import institution_prefix
from crisisledger.geo.words import AP_STATES, STOP_WORDS
from crisisledger.nlp.pipeline import ArticleDoc, Entity

STRONG = {"GPE", "LOC", "FAC"}


WEAK = {"ORG", "PERSON"}


CAPS = re.compile(
    r"[A-Z][\w'’.-]*(?:[ -](?:(?:al|el|ad|ar|as|an|ash|at|de|du|la|le|bin|ibn|di|da|wa)[ -])?"
    r"[A-Z][\w'’-]*)*"
)


TYPE_AFTER = re.compile(
    r"^\s+(district|province|county|state|region|governorate|upazila|township|division|department|"
    r"prefecture|city|town|village|municipality|commune|cercle|sub-county|oblast|area|neighbou?rhood|"
    r"countryside)\b",
    re.IGNORECASE,
)


TYPE_PREC = {
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


ADMIN1_TYPES = ("province", "state", "region", "governorate", "oblast", "countryside")


AREAS = ("admin1", "admin2")


ADMIN2_TYPES = ("district", "county", "upazila", "township", "cercle", "sub-county", "department")


# Inside ACLED-style parentheses after a place: "Tambao (Markoye, " or "Tambao (" before the name.
_ADMIN_SLOT = re.compile(r"[A-Za-z][\w'’.-]*\s*\((?:[^()]{1,40},\s*)?$")


# "in rural X", "shelled X": a name written where a place goes (the verbs take places, not people).
LOCATIVE = re.compile(
    r"\b(in|at|near|of|from|to|outside|into|across|towards?|around|between|and|village|town|city|district|"
    r"province|shelled|bombed|stormed|raided|captured|recaptured|retook|besieged|overran)\s+(?:the\s+)?"
    r"(?:(?:north|south|east|west)(?:ern)?\s+|central\s+|downtown\s+|rural\s+|urban\s+)?$",
    re.IGNORECASE,
)


# Words that make the name before them a street's ("X Road"), inside one capitalised run.
_STREET_WORDS = frozenset(
    ("road", "rd", "street", "st", "avenue", "ave", "boulevard", "blvd", "lane", "highway")
)


@dataclass
class Span:
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


# A capitalised word just before or after an entity: spaCy often tags a part of a longer place name
# ("Zindah" of "Zindah Jan", "Samawah" of "As Samawah", "Archi" of "Dasht-e Archi").
_WORD_BEFORE = re.compile(r"(?:^|(?<=[\s(]))[A-Z][\w'’-]*\s$")
_WORD_AFTER = re.compile(r"^\s[A-Z][\w'’-]*")


def _widened(ent: Entity, text: str) -> Entity:
    """The entity with up to two capitalised words on either side, when the name so widened is a known
    one (the widest such name)."""
    starts, ends = [ent.start], [ent.end]
    for _ in range(2):
        if m := _WORD_BEFORE.search(text[max(0, starts[-1] - 30) : starts[-1]]):
            starts.append(starts[-1] - len(m.group()))
        if m := _WORD_AFTER.match(text[ends[-1] : ends[-1] + 30]):
            ends.append(ends[-1] + len(m.group()))
    for start in reversed(starts):
        for end in reversed(ends):
            if (start, end) != (ent.start, ent.end) and known_name(text[start:end]):
                return Entity(text[start:end], ent.label, start, end)
    return ent


def find_spans(doc: ArticleDoc) -> list[Span]:
    """Candidate name spans: entities first, then capitalised runs (and their sub-runs) they miss."""
    text = doc.text
    out: list[Span] = []
    taken = bytearray(len(text) + 1)
    for ent in sorted(doc.entities, key=lambda x: x.start):
        ent = _widened(ent, text)
        if ent.label in STRONG or ent.label in WEAK or ent.label == "NORP":
            for piece in re.finditer(r"[^(),;\[\]]+", ent.text):  # "Timbuktu (Tombouctou" → two names
                ps, pe = ent.start + piece.start(), ent.start + piece.end()
                frag = piece.group()
                if frag.endswith(".") and text[pe : pe + 1] == "[":  # "Segou.[size=...": the sentence ends
                    frag, pe = frag[:-1], pe - 1
                lead, trail = len(frag) - len(frag.lstrip()), len(frag) - len(frag.rstrip())
                if pe - trail > ps + lead:
                    out.append(
                        Span(
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
                out.extend(_institution_spans(ent.text, ent.start) or _body_spans(ent.text, ent.start))
                of = re.search(r"\bof\s+([A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+)?)", ent.text)
                if of and known_name(of.group(1)):  # "University Hospital of Ouahigouya"
                    out.append(Span(of.group(1), ent.start + of.start(1), ent.start + of.end(1), False, ""))
    for m in CAPS.finditer(text):
        if any(taken[m.start() : m.end()]):
            continue
        runs = list(re.finditer(r"\S+", m.group()))
        i = 0
        while i < len(runs):  # greedy longest sub-run found in the gazetteer or country table
            for j in range(min(len(runs), i + 5), i, -1):
                s, e = m.start() + runs[i].start(), m.start() + runs[j - 1].end()
                frag = text[s:e].rstrip(".")
                if i > 0 and j == i + 1 and not known_name(runs[0].group().rstrip(".")):
                    i = j  # "John Hoffman": a surname inside a longer capitalised run is not a place
                    break
                if known_name(frag) or j == i + 1:
                    if j < len(runs) and runs[j].group().rstrip(".,").lower() in _STREET_WORDS:
                        i = j + 1  # "Thudamma Road", "Kimball Street": a street, not the place X
                        break
                    out.append(Span(frag, s, s + len(frag), False, ""))
                    i = j
                    break
    for m in _datelines(text):
        ds, de = m.span(1)
        out = [sp for sp in out if not (ds <= sp.start < de)]
        out.append(Span(m.group(1).title(), ds, de, True, "", dateline=True))
    out = [piece for sp in out for piece in _split_paren_span(sp, text)]
    out = [piece for sp in out for piece in _split_pair(sp, text)]
    for sp in out:
        sp.text, sp.start, sp.end = _trim(sp.text, sp.start, sp.end)
        sp.key = fold(sp.text)
        sp.admin_slot = (
            not is_acronym(sp.text)
            and bool(  # "Awami League (AL)": an abbreviation
                _ADMIN_SLOT.search(text[max(0, sp.start - 60) : sp.start])
            )
        )
        t = TYPE_AFTER.match(text[sp.end : sp.end + 24])
        if t:
            sp.type_hint = t.group(1).lower()
        else:
            words = sp.key.split()
            if len(words) > 1 and admin_key(words[-1]) == "":
                sp.type_hint = words[-1]
    return [sp for sp in out if sp.key]


def _datelines(text: str) -> list[re.Match[str]]:
    """Datelines in the first 600 characters, and later ones opening a paragraph (a page holding
    several stories, a story under a video's caption)."""
    head = list(_DATELINE.finditer(text[:600]))
    later = (m for m in _DATELINE.finditer(text, 600) if "\n" in text[m.start() : m.start(1)])
    return head + list(later)


def _institution_spans(name: str, start: int) -> list[Span]:
    """The place opening an organisation's name ("Conway Police Department" → "Conway"); a hyphenated
    pair ("Savannah-Chatham Metropolitan Police") gives its first name."""
    hit = institution_prefix(name)
    if hit is None:
        return []
    place, county = hit
    if "-" in place and not known_name(place):
        place = place.split("-")[0]
    return [
        Span(
            place,
            start,
            start + len(place),
            False,
            "",
            institution=True,
            type_hint="county" if county else None,
        )
    ]


# "Hyderabad School Parents Association", "Udupi District Taximen's Union": a local body named by its town.
_BODY = re.compile(
    r"^(?:[A-Z][\w'’.]+ ){1,5}(?:Association|Union|Corporation|Council|Assembly|Committee|University|College|"
    r"Press Club|Bar|Chamber|Federation|Traders|Samity|Samiti|Sangh)$"
)


def _body_spans(name: str, start: int) -> list[Span]:
    """The town opening the name of a local body ("Hyderabad School Parents Association" → "Hyderabad",
    "East Delhi Municipal Corporation" → "Delhi"): a town of 50,000 or more or an admin area, not a
    country."""
    lead = 4 if name.startswith("the ") else 0
    if not _BODY.match(name[lead:]):
        return []
    words = list(re.finditer(r"\S+", name[lead:]))
    first = 1 if _DIRECTION.match(words[0].group() + " ") else 0
    gaz = Gazetteer.default()
    for k in (2, 1):
        if first + k >= len(words):
            continue
        s, e = words[first].start(), words[first + k - 1].end()
        place = name[lead + s : lead + e]
        if lookup_country(place) is not None or fold(place) in STOP_WORDS:
            continue
        if any(p.population >= 50000 or p.precision in AREAS for p in gaz.lookup(place)):
            return [Span(place, start + lead + s, start + lead + e, False, "", institution=True)]
    return []


def split_admin(words: str) -> tuple[str, str] | None:
    """ "Bayt al Faqiah Al Hudaydah" → ("Bayt al Faqiah", "Al Hudaydah"): a place then the name of a known
    admin1 area written after it without a comma (ACLED's "(Town Admin1)"). None when no such split."""
    parts = words.split()
    gaz = Gazetteer.default()
    for k in range(1, len(parts)):
        head, tail = " ".join(parts[:k]), " ".join(parts[k:])
        if _is_admin1(gaz, tail) and not _DIRECTION.match(admin_key(tail) + " "):  # not "Tonj North"
            return head, tail
    return None


def _is_admin1(gaz: Gazetteer, name: str) -> bool:
    for variant in (name, name.replace("-", " "), admin_key(name)):
        if variant and any(p.precision == "admin1" for p in gaz.lookup(variant)):
            return True
    return False


def _split_paren_span(sp: Span, text: str) -> list[Span]:
    """A span written alone in parentheses that the gazetteer does not know as a whole, split into a place
    and its admin1 area; other spans unchanged."""
    if " " not in sp.text or text[max(0, sp.start - 1) : sp.start] != "(" or known_name(sp.text):
        return [sp]
    split = split_admin(sp.text)
    if split is None:
        return [sp]
    head, tail = split
    tail_start = sp.start + sp.text.rindex(tail)
    return [
        Span(head, sp.start, sp.start + len(head), sp.strong, ""),
        Span(tail, tail_start, tail_start + len(tail), sp.strong, ""),
    ]


# "the Damboa-Bale road", "between Tessit-Gao", "on the Dori-Djibo axis": two places joined by a hyphen.
_PAIR = re.compile(r"^([A-Z][\w'’.]{2,}(?: [A-Z][\w'’.]+)?)\s*[-–]\s*([A-Z][\w'’.]{2,}(?: [A-Z][\w'’.]+)?)$")
_ROUTE_AFTER = re.compile(r"^\s+(?:main\s+)?(?:road|roads|axis|highway|route|corridor|railway)\b", re.I)
_ROUTE_BEFORE = re.compile(r"\b(?:between|axis|road|highway|route)\s+(?:the\s+)?$", re.I)


def _split_pair(sp: Span, text: str) -> list[Span]:
    """A hyphenated pair of names written as a route ("the Damboa-Bale road", "between Tessit-Gao") that
    the gazetteer does not know as a whole, split into its two places (written as places: strong);
    other spans unchanged."""
    m = _PAIR.match(sp.text)
    if m is None or known_name(sp.text):
        return [sp]
    after, before = text[sp.end : sp.end + 20], text[max(0, sp.start - 20) : sp.start]
    if not (_ROUTE_AFTER.match(after) or _ROUTE_BEFORE.search(before)):
        return [sp]
    return [Span(m.group(k), sp.start + m.start(k), sp.start + m.end(k), True, "") for k in (1, 2)]


def _trim(s: str, start: int, end: int) -> tuple[str, int, int]:
    if s.lower().startswith("the "):
        s, start = s[4:], start + 4
    for suffix in ("'s", "’s"):
        if s.endswith(suffix):
            s, end = s[:-2], end - 2
    if s.endswith(("-", "–")):  # "the Bidar- Mannalli road": a hyphen split by a space
        s, end = s[:-1], end - 1
    return s, start, end


def placed(sp: Span, text: str) -> bool:
    """Whether a name is written where a place goes: a place entity, after "in/near/village of", in an
    admin slot or before a place-type word."""
    if re.match(r" [A-Z]", text[sp.end : sp.end + 2]) or re.search(
        r"[A-Z][\w'’.-]* $", text[max(0, sp.start - 40) : sp.start]
    ):
        return False  # a piece of a longer capitalised name ("Tinzawaten Kore")
    if sp.strong or sp.admin_slot or sp.type_hint:
        return True
    return bool(LOCATIVE.search(text[max(0, sp.start - 14) : sp.start]))


def known_name(frag: str) -> bool:
    gaz = Gazetteer.default()
    return gaz.has(frag) or admin_key(frag) in gaz.index or lookup_country(frag) is not None


_DIRECTION = re.compile(
    r"^(?:north|south|east|west|northern|southern|eastern|western|central|downtown|"
    r"northeast|northwest|southeast|southwest|greater|rural)\s+",
    re.IGNORECASE,
)


_DIRECTION_AFTER = re.compile(r"\s+(?:north|south|east|west|central)$", re.IGNORECASE)


def candidates(gaz: Gazetteer, sp: Span) -> list[Place]:
    if sp.key in AP_STATES:  # "Ore.", "Mass.": the US state
        return [
            p for p in gaz.lookup(AP_STATES[sp.key]) if p.country_code == "US" and p.precision == "admin1"
        ]
    cands = gaz.lookup(sp.text)
    if is_acronym(sp.text):  # "SNA", "LRA": only a place whose own name is the acronym
        return [p for p in cands if fold(p.name) == sp.key]
    if not cands and " - " in sp.text:  # "Dhaka - Shahbagh": a city and its quarter
        cands = gaz.lookup(sp.text.split(" - ")[0])
    if not cands and _DIRECTION.match(sp.text):  # "northern Kano", "Western Uttar Pradesh"
        cands = gaz.lookup(_DIRECTION.sub("", sp.text))
    if not cands and _DIRECTION_AFTER.search(admin_key(sp.text)):  # "Tonj North county": part of Tonj
        cands = gaz.lookup(_DIRECTION_AFTER.sub("", admin_key(sp.text)))
    if not cands:
        ak = admin_key(sp.text)
        if ak and ak != sp.key:
            cands = gaz.lookup(ak)
    admin_named = sp.admin_slot or sp.type_hint in ADMIN1_TYPES or sp.type_hint in ADMIN2_TYPES
    if admin_named and not any(p.precision in AREAS for p in cands):
        # "(Cadale, Middle Shabelle)", "Idleb governorate": GeoNames spells the area otherwise
        cands = cands + [p for p in gaz.admin_lookup(sp.text) if p not in cands]
    return cands


def is_stop(sp: Span) -> bool:
    """A common word, unless written as an admin area's name ("Unity state", "Central province")."""
    return sp.key in STOP_WORDS and sp.type_hint not in ADMIN1_TYPES + ADMIN2_TYPES


def is_acronym(name: str) -> bool:
    """All-capital short word ("SNA", "CPC"): an organisation far more often than a place nickname."""
    letters = name.replace(".", "")
    return 2 <= len(letters) <= 5 and letters.isupper() and letters.isalnum()


def in_place_name(sp: Span, text: str) -> bool:
    """A two-letter capital token inside a longer capitalised name ("Um Atba"), not a country code."""
    before, after = text[max(0, sp.start - 2) : sp.start], text[sp.end : sp.end + 2]
    return bool(re.match(r"^ [A-Z]", after) or re.search(r"[A-Za-z] $", before))
