"""What an article tells about its story: the people it names, street addresses, victims' ages.

Read from the article's title and text: many pages' only real text is their headline. A headline in
title case ("Man Shot Near Elm Street") gives no names (any capitalised run would read as one), only
ages and addresses. `words` counts the text's words only, so a headline does not make a short page long.

Computed once when an article is stored (`StoryFacts.of`) and kept in the `story_facts` table,
so resolving never re-reads article texts. `FACTS_VERSION` changes whenever these rules change;
stored facts of another version are recomputed on the next resolve.

*Names* are runs of two or three capitalised words ("McNeely", "DeShawn", "O'Brien" are words; an
initial may sit between them) none of which is a stop word, a calendar word, a title, a
street/agency/place word or a car make, nor appears in lower case elsewhere in the same text, nor is
possessive ("Fatal Shooting" in a headline is not a name when the body says "fatal shooting"); a name
is kept as "first last". Bylines and reporter credits ("By Jane Smith", "Jane Smith, Staff Writer",
"Contact the reporter …") are removed first, and a run that reads as a place ("in Baton Rouge",
"Cedar Rapids, Iowa") is not a name. Nor is a run followed by an organisation's word ("Mercy General
Hospital", "Martin Luther King Jr. Day"); a street's name ("Walker Mill Road") is kept, as it tells
stories apart like an address. Nor are officials' names: a name given anywhere in the text after a
title ("Sgt. Ann Lee", "police spokesman Ann Lee") or followed by one ("Ann Lee, a police
spokeswoman,"): the same officials speak about many incidents of their town, so their names do not
tell stories apart.

*Addresses* are block addresses ("the 1200 block of Elm Street" → "1200 elm st") and intersections
("Elm and Oak streets", "Elm Street and Oak Avenue" → "elm st & oak ave", the two streets sorted).
*Ages* are the ages given as "Name, 23," or "a 23-year-old".
*People* are the names given with an age ("Ann Lee, 23," / "Ann Lee (23)" → "ann lee|23"): the story's
victims and suspects, rarely its officials or reporters. They are stored in the `names` column with
the names (an entry with "|" is a person).
*Terms* are the distinct words of four letters or more, case-folded, that are no stop word ("laundromat",
"machete", a neighbourhood's or a business's name): whether a term is rare is known only against the
whole ledger (`resolve.stories` counts the articles holding each), so every term is kept.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

FACTS_VERSION = 10

# A capitalised word, also with a short capitalised prefix: McNeely, DeShawn, O'Brien, D'Angelo.
_WORD = r"(?:[A-Z][a-z]{0,2}'?(?=[A-Z]))?[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)?"
_RUN = re.compile(rf"\b{_WORD}(?:\s+(?:[A-Z]\.\s+)?{_WORD})+\b")
_LOWER = re.compile(r"\b[a-z][a-z'-]+\b")
_INITIAL = re.compile(r"[A-Z]\.")

_STOP_TEXT = """
    a an and the of in on at for to from by with after before about as but or not no is was are were be
    been this that these those he she it they we you his her its their our my your who what when where
    why how all any some more most many much one two three first last next new old good great big little
    also just than then there here up down out over under into near via per mr mrs ms dr jr sr sgt lt
    capt officer officers january february march april may june july august september october november
    december jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday
    saturday sunday police department county sheriff sheriffs office street road avenue drive boulevard
    lane court place chief deputy detective trooper news press city township village town state highway
    interstate route north south east west northeast northwest southeast southwest saint st hospital
    medical center school high university church park district attorney judge copyright facebook twitter
    share email click related coverage video photo channel update updated breaking local national view
    caption children las los san santa el la de fort port mount lake beach bay valley springs heights
    hills island river falls creek
    staff writer reporter editor correspondent contributor contact follow posted published
    chevrolet chevy ford toyota honda nissan dodge jeep chrysler buick pontiac cadillac hyundai kia mazda
    impala camry accord altima malibu charger lexus acura infiniti volkswagen subaru mercedes tahoe
    rights reserved getty images stoppers memorial metropolitan division wire times tribune herald post
    journal gazette apartments jail investigators investigations unit bureau services association
    foundation retired like loading google destinations inc llc corp community house radio broadcasting
    daily christ holy cross possession assault aggravated unlawful murder manslaughter battery robbery
    burglary homicide weapon firearm media sun-times newspaper network group company
    image images close chronicle corporation eve intervention military crime metro free sun station general
    project hotline flight stay sciences forensic television safe
    public safety natural resources violent crimes tip line lives matter jury privacy policy labor
    thanksgiving christmas halloween emergency room criminal investigation correctional facility juvenile
    detention marshals service reckless endangerment disease control war story controlled substance club
    quick facts internet explorer comments schools african american native special agent rangers
"""
STOP = frozenset(_STOP_TEXT.split())

_STATES = (
    "Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware Florida Georgia Hawaii Idaho "
    "Illinois Indiana Iowa Kansas Kentucky Louisiana Maine Maryland Massachusetts Michigan Minnesota "
    "Mississippi Missouri Montana Nebraska Nevada Ohio Oklahoma Oregon Pennsylvania Tennessee Texas Utah "
    "Vermont Virginia Washington Wisconsin Wyoming Ala Ariz Ark Calif Colo Conn Del Fla Ga Ill Ind Kan Ky "
    "La Md Mass Mich Minn Miss Mo Mont Neb Nev Okla Ore Pa Tenn Tex Va Wash Wis Wyo"
)
_STATE = (
    "|".join(_STATES.split()) + r"|New (?:York|Jersey|Mexico|Hampshire)|(?:North|South) (?:Carolina|Dakota)"
)
_STATE += r"|West Virginia|Rhode Island|[A-Z]{2}\b"
# "in Baton Rouge", "near Cedar Rapids": a run right after such a word is taken for a place.
_PLACE_BEFORE = re.compile(r"\b(?:in|near|at|from|of downtown|outside|across|around)\s+$")
_PLACE_AFTER = re.compile(rf"^,\s+(?:{_STATE})\b")

_TITLES = (
    "chief sgt sergeant lt lieutenant officer detective det deputy sheriff capt captain cpl corporal trooper "
    "spokesman spokeswoman spokesperson mayor prosecutor attorney judge coroner commander cmdr commissioner "
    "superintendent supt investigator agent councilman councilwoman alderman rep sen gov governor senator "
    "representative president director pastor reverend rev professor prof examiner officials official"
)
TITLES = frozenset(_TITLES.split())
# Words that make the capitalised words before them an organisation's name ("Mercy General Hospital",
# "Lincoln Park High School", "Martin Luther King Jr. Day"). A street's name is kept: it tells stories apart.
_ORG_WORDS = (
    "hospital medical center centre clinic general regional memorial school academy college university "
    "elementary middle church ministries department office police sheriff fire day foundation association "
    "institute library stadium arena company inc corp llc"
)
ORG_WORDS = frozenset(_ORG_WORDS.split())
_ORG = "|".join(sorted(w.title() for w in ORG_WORDS))
_ORG_AFTER = re.compile(rf"^(?:,?\s+(?:Jr|Sr)\b\.?)?\s+(?:{_WORD}\s+)?(?:{_ORG})\b")  # "Jr." may come between
_TITLE_BEFORE = re.compile(rf"(?i)\b(?:{'|'.join(TITLES)})\.?\s+$")
_TITLE_AFTER = re.compile(rf"(?i)^,\s+(?:a|an|the)\s+(?:[\w'-]+\s+){{0,3}}?(?:{'|'.join(TITLES)})\b")
_NAME = rf"{_WORD}(?:\s+[A-Z]\.)?\s+{_WORD}"
_BYLINE_LINE = re.compile(
    rf"(?m)^[ \t]*(?:[Bb]y|BY|Written by|Posted by|Reported by)\s+{_NAME}(?:\s+(?:and|&)\s+{_NAME})?"
    r"[^\n]{0,80}$"
)
_JOB = r"(?:[Ss]taff|[Ss]enior|[Cc]ontributing)?\s*(?:[Ww]riter|[Rr]eporter|[Ee]ditor|[Cc]orrespondent)"
_CREDIT = re.compile(
    rf"\b(?:[Cc]ontact|[Ee]-?mail|[Ff]ollow)\s+(?:reporter\s+|writer\s+)?{_NAME}"
    rf"|{_NAME}\s*(?:,|\||-|–|—)\s*{_JOB}\b"
    rf"|{_NAME}\s+(?:contributed to this|can be reached|is an? (?:staff )?(?:writer|reporter))"
    r"|[Cc]ontact the reporter[^\n.]*"
)

_SUFFIX = {"street": "st", "st": "st", "avenue": "ave", "ave": "ave", "road": "rd", "rd": "rd", "drive": "dr",
           "dr": "dr", "boulevard": "blvd", "blvd": "blvd", "lane": "ln", "ln": "ln", "way": "way",
           "place": "pl", "court": "ct", "ct": "ct", "parkway": "pkwy", "highway": "hwy", "terrace": "ter",
           "circle": "cir", "streets": "st", "avenues": "ave", "roads": "rd", "drives": "dr"}  # fmt: skip
_SUF = r"(?:Street|St|Avenue|Ave|Road|Rd|Drive|Dr|Boulevard|Blvd|Lane|Ln|Way|Place|Court|Ct|Parkway|Terrace" \
       r"|Circle)\b\.?"  # fmt: skip
_STREET = r"(?:(?:[NSEW]\.?|North|South|East|West)\s+)?(?:\d+(?:st|nd|rd|th)|[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)"
_BLOCK = re.compile(rf"\b(\d{{1,5}})\s+block\s+of\s+({_STREET})\s+({_SUF})")
_CROSS = re.compile(
    rf"\b({_STREET})\s+(?:({_SUF})\s+)?(?:and|&|at)\s+({_STREET})\s+"
    r"([Ss]treets|[Aa]venues|[Rr]oads|[Dd]rives|Street|St|Avenue|Ave|Road|Rd|Drive|Dr|Boulevard|Blvd|Lane|Ln"
    r"|Way|Place|Court|Ct|Parkway|Terrace|Circle)\b"
)
_AGE = re.compile(r"\b([A-Z][a-z]+,\s+|[Aa]n?\s+)(\d{1,2})(?:,|-year-old|\s+years?\s+old)")


_FUNCTION = frozenset(["the", "a", "an", "and", "at", "near", "in", "on", "of", "to", "from", "by", "with"])
_DIRECTIONS = {"north": "n", "south": "s", "east": "e", "west": "w", "n": "n", "s": "s", "e": "e", "w": "w"}


def _street(name: str, suffix: str) -> str:
    words = name.replace(".", "").casefold().split()
    while len(words) > 1 and words[0] in _FUNCTION:
        words = words[1:]  # "near Oak" → "oak"
    words = [_DIRECTIONS.get(w, w) for w in words]
    return " ".join([*words, _SUFFIX.get(suffix.rstrip(".").casefold(), suffix.casefold())])


def street_addresses(text: str) -> frozenset[str]:
    """Block addresses and intersections named in `text`, normalised ("1200 elm st", "elm st & oak ave")."""
    out = {f"{m.group(1)} {_street(m.group(2), m.group(3))}" for m in _BLOCK.finditer(text)}
    for m in _CROSS.finditer(text):
        first, own, second, suffix = m.groups()
        *rest, last = first.split()
        if not own and rest and last.casefold() in _SUFFIX:
            first, own = " ".join(rest), last  # "Main Street and 5th Avenue"
        if first.casefold() in _FUNCTION or second.casefold() in _FUNCTION:
            continue
        a = _street(first, own or suffix)
        b = _street(second, suffix)
        if a != b:
            out.add(" & ".join(sorted((a, b))))
    return frozenset(out)


_FULL = rf"\b({_WORD})(?:\s+[A-Z]\.)?(?:\s+{_WORD})?\s+({_WORD})"
_STATE_VERB = (
    r"(?:was|is|has been|had been)\s+(?:fatally\s+|critically\s+|allegedly\s+|later\s+)?"
    r"(?:shot|killed|wounded|injured|arrested|charged|found|sentenced|convicted|indicted|booked|struck|"
    r"pronounced|identified|hospitalized|accused|jailed|pleaded|taken into custody)\b"
)
_PERSON_AFTER = re.compile(rf"{_FULL}(?:,?\s+\(?(\d{{1,2}})\)?\b(?![-.,]?\d)|,?\s+{_STATE_VERB})")
_PERSON_BEFORE = re.compile(
    r"(?i)\b(?:identified\s+(?:\w+\s+){0,3}?as|victims?|suspects?|shooter|gunman|defendant|accused|charged|"
    r"arrested|killed|shot|son|daughter|brother|sister|mother|father|wife|husband|boyfriend|girlfriend)"
    r"[,:]?\s+$"
)


def people(text: str, names: frozenset[str]) -> frozenset[str]:
    """The `names` that `text` gives as the story's people: with an age ("Ann Lee, 23," / "Ann Lee (23)"
    → "ann lee|23"), as the subject of what happened ("Ann Lee was shot", "identified as Ann Lee",
    "the victim, Ann Lee" → "ann lee|")."""
    out: dict[str, str] = {}
    for m in _PERSON_AFTER.finditer(text):
        name, age = f"{m.group(1)} {m.group(2)}".casefold(), m.group(3)
        if name in names and (age is None or 0 < int(age) < 100):
            out[name] = out.get(name) or age or ""
    for m in re.finditer(_FULL, text):
        name = f"{m.group(1)} {m.group(2)}".casefold()
        if (
            name in names
            and name not in out
            and _PERSON_BEFORE.search(text, max(0, m.start() - 40), m.start())
        ):
            out[name] = ""
    return frozenset(f"{name}|{age}" for name, age in out.items())


def ages(text: str) -> frozenset[int]:
    """Ages of people given in `text` ("Ann Lee, 23," / "a 23-year-old")."""
    return frozenset(int(m.group(2)) for m in _AGE.finditer(text) if 0 < int(m.group(2)) < 100)


def strip_credits(text: str) -> str:
    """`text` without bylines and reporter credits (their names are not the story's people)."""
    text = _BYLINE_LINE.sub(" ", text)
    return _CREDIT.sub(" ", text)


def person_names(text: str) -> frozenset[str]:
    """The person-like names in `text`, case-folded as "first last".

    Runs of capitalised words are cut at excluded words, so "Police Chief Ann Lee" gives "ann lee";
    a piece of two or three words is a name, a longer one is taken for an organisation's."""
    text = strip_credits(text)
    lower = set(_LOWER.findall(text))
    out: set[str] = set()
    officials: set[str] = set()
    for m in _RUN.finditer(text):
        if _PLACE_BEFORE.search(text, max(0, m.start() - 20), m.start()) or _PLACE_AFTER.match(
            text[m.end() : m.end() + 30]
        ):
            continue
        piece: list[str] = []
        words = m.group(0).split()
        titled = bool(_TITLE_BEFORE.search(text, max(0, m.start() - 25), m.start()))
        for k, w in enumerate([*words, "."]):
            if _INITIAL.fullmatch(w) and w != ".":
                continue
            if w != "." and w.casefold() not in STOP and w.casefold() not in lower and not w.endswith("'s"):
                piece.append(w)
                continue
            if piece and _ORG_AFTER.match(" ".join(["", *words[k:]]) + text[m.end() : m.end() + 40]):
                piece = []  # an organisation's name
            if 2 <= len(piece) <= 3:
                name = f"{piece[0]} {piece[-1]}".casefold()
                after = k == len(words) and _TITLE_AFTER.match(text[m.end() : m.end() + 60])
                (officials if titled or after else out).add(name)
            piece = []
            titled = w.rstrip(".").casefold() in TITLES
    return frozenset(out - officials)


_TERM = re.compile(r"[A-Za-z][A-Za-z'-]{3,}")
_ADDRESS = re.compile(r"\S*[@/]\S*|\b(?:www\.)?[\w-]+\.(?:com|org|net|gov|edu)\b")  # URLs, e-mails, handles


def story_terms(text: str) -> frozenset[str]:
    """The distinct words of four letters or more in `text`, case-folded, without stop words and
    without the words of web and e-mail addresses or handles (a reporter's, an outlet's)."""
    found = {w.casefold().strip("'-") for w in _TERM.findall(_ADDRESS.sub(" ", strip_credits(text)))}
    return frozenset(w for w in found if len(w) >= 4 and w not in STOP)


_TITLE_WORD = re.compile(r"\b[A-Za-z][a-z]{3,}\b")


def title_case(title: str) -> bool:
    """True when most of the headline's longer words are capitalised ("Man Shot Near Elm Street")."""
    words = _TITLE_WORD.findall(title)
    return len(words) >= 2 and sum(w[0].isupper() for w in words) * 2 > len(words)


@dataclass(frozen=True)
class StoryFacts:
    """What story linking needs to know about one article."""

    article_id: str
    published: dt.date | None
    names: frozenset[str]
    words: int
    addresses: frozenset[str] = field(default_factory=frozenset)
    ages: frozenset[int] = field(default_factory=frozenset)
    people: frozenset[str] = field(default_factory=frozenset)
    terms: frozenset[str] = field(default_factory=frozenset)

    @classmethod
    def of(
        cls, article_id: str, published: dt.date | None, text: str, title: str | None = None
    ) -> StoryFacts:
        """Facts of an article from its title and text."""
        full = f"{title}.\n{text}" if title else text
        names = person_names(full if title and not title_case(title) else text)
        return cls(article_id, published, names, len(text.split()), street_addresses(full), ages(full),
                   people(strip_credits(full), names), story_terms(full))  # fmt: skip

    @property
    def persons(self) -> frozenset[str]:
        """The names of the people given with an age."""
        return frozenset(p.split("|", 1)[0] for p in self.people)

    def row(self) -> dict[str, Any]:
        """The `story_facts` table row (JSON lists, sorted; people are kept with the names)."""
        return {
            "article_id": self.article_id, "version": FACTS_VERSION, "words": self.words,
            "names": sorted(self.names | self.people), "addresses": sorted(self.addresses),
            "ages": sorted(self.ages), "terms": sorted(self.terms),
        }  # fmt: skip

    @classmethod
    def from_row(cls, article_id: str, published: dt.date | None, row: Mapping[Any, Any]) -> StoryFacts:
        """Facts read back from a `story_facts` row."""
        names = frozenset(n for n in row["names"] if "|" not in n)
        return cls(article_id, published, names, int(row["words"]), frozenset(row["addresses"]),
                   frozenset(row["ages"]), frozenset(n for n in row["names"] if "|" in n),
                   frozenset(row.get("terms") or ()))  # fmt: skip
