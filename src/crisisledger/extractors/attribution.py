"""Who a statement or figure is attributed to: the authority that gave it and the outlet that reported it.

`attribution_for(doc, start, end)` looks at the sentence holding text[start:end] first, then the next
sentence when it is attribution-only ("This was reported by ... citing ..."), then the previous one.
Authority names are normalised ("Kazakh Health Ministry" -> "Ministry of Health (Kazakhstan)",
"police said" -> "Police"); outlets are mapped to canonical names (see `outlets.py`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from crisisledger.extractors.outlets import KNOWN_OUTLETS, OutletMention, find_outlets
from crisisledger.nlp.pipeline import ArticleDoc


@dataclass(frozen=True)
class Attribution:
    authority: str | None
    outlet: str | None


@dataclass(frozen=True)
class AuthorityMention:
    name: str
    start: int
    end: int


_MINISTRY_TOPICS: dict[str, str] = {
    "health": "Health",
    "healthcare": "Health",
    "public health": "Health",
    "interior": "Internal Affairs",
    "internal affairs": "Internal Affairs",
    "home affairs": "Internal Affairs",
    "foreign": "Foreign Affairs",
    "foreign affairs": "Foreign Affairs",
    "defence": "Defence",
    "defense": "Defence",
    "emergency": "Emergency Situations",
    "emergencies": "Emergency Situations",
    "emergency situations": "Emergency Situations",
    "justice": "Justice",
    "information": "Information",
    "information and social development": "Information and Social Development",
    "digital development": "Digital Development",
    "education": "Education",
    "energy": "Energy",
}
_TOPIC = r"(?!The\b|A\b)[A-Z][a-z]+(?:\s+(?:and\s+)?[A-Z][a-z]+){0,3}"
_COUNTRY_WORD = r"(?!The\b|A\b)(?:[A-Z][a-z]+(?:'s|’s)?)"
_MINISTRY = re.compile(
    rf"\b(?:(?:the\s+)?(?P<adj1>{_COUNTRY_WORD})\s+)?(?P<topic1>{_TOPIC})\s+Ministry\b"
    rf"(?:\s+of\s+(?:the\s+Republic\s+of\s+)?(?P<country1>[A-Z][a-z]+))?"
    rf"|\b(?:(?:the\s+)?(?P<adj2>{_COUNTRY_WORD})\s+)?Ministry\s+(?:of|for)\s+(?:the\s+)?(?P<topic2>{_TOPIC})"
    rf"(?:\s+of\s+(?:the\s+Republic\s+of\s+)?(?P<country2>[A-Z][a-z]+))?"
)
_SPOKES = re.compile(
    r"\b(?:a|the)\s+(?:spokes(?:man|woman|person)|representative|press\s+secretary|press\s+service)\s+"
    r"(?:for|of)\s+(?:the\s+)?(?P<org>(?:[A-Z][\w'’-]*\s*|of\s+|and\s+|for\s+|the\s+){1,8})"
)
# (pattern, normalised name). Patterns are tried in order; the earliest match in the text wins ties.
_GENERIC: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"\b(?:the\s+)?(?:[A-Z][a-z]+\s+)?(?:police|Police|militia)\b"), "Police"),
    (re.compile(r"\b(?:the\s+)?(?:National\s+Security\s+Committee|KNB)\b"), "National Security Committee"),
    (
        re.compile(r"\b(?:the\s+)?Prosecutor[- ]General(?:'?s\s+Office)?\b", re.I),
        "Prosecutor General's Office",
    ),
    (re.compile(r"\b(?:the\s+)?(?:prosecutor'?s\s+office|prosecutors)\b", re.I), "Prosecutor's Office"),
    (
        re.compile(
            r"\b(?:the\s+)?(?:city|regional|local)\s+(?:administration|authorities|akimat|government)\b", re.I
        ),
        "Local authorities",
    ),
    (re.compile(r"\b(?:the\s+)?(?:hospital|hospitals|doctors|medics)\b", re.I), "Hospital"),
    (
        re.compile(r"\b(?:the\s+)?(?:emergency\s+services|rescuers|rescue\s+services)\b", re.I),
        "Emergency services",
    ),
    (re.compile(r"\b(?:the\s+)?(?:army|military|armed\s+forces)\b", re.I), "Military"),
    (re.compile(r"\b(?:the\s+)?(?:Kremlin)\b"), "Kremlin"),
    (re.compile(r"\b(?:the\s+)?(?:White\s+House)\b"), "White House"),
    (re.compile(r"\b(?:the\s+)?(?:United\s+Nations|UN|U\.N\.)\b"), "United Nations"),
    (re.compile(r"\b(?:the\s+)?(?:World\s+Health\s+Organization|WHO)\b"), "World Health Organization"),
    (re.compile(r"\b(?:the\s+)?(?:Red\s+Cross|Red\s+Crescent|ICRC)\b"), "Red Cross"),
    (re.compile(r"\b(?:the\s+)?(?:[A-Z][a-z]+\s+)?(?:government|authorities)\b", re.I), "Authorities"),
    (re.compile(r"\b(?:the\s+)?(?:[A-Z][a-z]+\s+)?officials\b", re.I), "Officials"),
]
_REPORT_CUE = re.compile(
    r"\b(?:said|says|say|told|tells|reported|reports|according\s+to|citing|cited|quoted|announced|stated|"
    r"confirmed|data|figures?|statement|spokes(?:man|woman|person))\b",
    re.I,
)
_ATTRIBUTION_ONLY = re.compile(
    r"^\s*(?:(?:This|That|It|These|Those|The\s+(?:data|figures?|information|numbers?|report))\b[^.]{0,40}?"
    r"\b(?:was|were|is|are|has\s+been|have\s+been)\s+(?:reported|announced|stated|confirmed|said|given)"
    r"|According\s+to\b|(?:This|That|It)\s+(?:is|was)\s+according\s+to\b"
    r"|(?:[A-Z][\w.]*\s+){1,4}(?:reported|reports|said)\s+(?:this|that|it)\b)",
)


def lookup_country_name(word: str) -> str | None:
    """Country name for an adjective or name ("Kazakh" -> "Kazakhstan"); None when geo is unavailable."""
    try:
        from crisisledger.geo.countries import lookup_country  # type: ignore[import-not-found,unused-ignore]
    except ImportError:
        return None
    country = lookup_country(word.removesuffix("'s").removesuffix("’s"))
    return None if country is None else str(country.name)


def _ministry_name(m: re.Match[str]) -> str | None:
    topic = m.group("topic1") or m.group("topic2") or ""
    words = [m.group("adj1") or m.group("adj2") or "", *topic.split()]
    words = [w for w in words if w and w.lower() not in {"the", "a"}]
    country: str | None = None
    suffix = m.group("country1") or m.group("country2")
    if suffix:
        country = lookup_country_name(suffix)
    topic_words: list[str] = []
    for word in words:
        name = lookup_country_name(word) if country is None else None
        if name:
            country = name
        else:
            topic_words.append(word)
    key = " ".join(topic_words).lower()
    norm = _MINISTRY_TOPICS.get(key) or _MINISTRY_TOPICS.get(key.split()[-1] if key else "")
    if not norm:
        if not key:
            return None
        norm = " ".join(topic_words)
    name = f"Ministry of {norm}"
    return f"{name} ({country})" if country else name


@lru_cache(maxsize=4096)
def find_authorities(text: str) -> tuple[AuthorityMention, ...]:
    """Every authority named in `text`, normalised, in text order (overlaps resolved by earliest start)."""
    found: list[AuthorityMention] = []
    for m in _MINISTRY.finditer(text):
        name = _ministry_name(m)
        if name:
            found.append(AuthorityMention(name, m.start(), m.end()))
    for m in _SPOKES.finditer(text):
        org = m.group("org").strip()
        inner = find_authorities(org)
        name = inner[0].name if inner else org.removeprefix("the ").strip(" ,.")
        if name:
            found.append(AuthorityMention(name, m.start(), m.end()))
    for pattern, name in _GENERIC:
        for m in pattern.finditer(text):
            found.append(AuthorityMention(name, m.start(), m.end()))
    found.sort(key=lambda a: (a.start, -(a.end - a.start)))
    out: list[AuthorityMention] = []
    for a in found:
        if out and a.start < out[-1].end:
            continue
        out.append(a)
    return tuple(out)


_AFTER_CUE = re.compile(
    # an official's name may stand between the office and the verb ("Prosecutor General Jane Doe told")
    r"^[\s,]*(?-i:[A-Z][\w'’-]+\s+){0,3}(?:(?:has|have|had|also|later|on\s+\w+|in\s+a\s+statement|\w+ly),?\s+){0,3}"
    r"(?:said|says|say|told|tells|reported|reports|report|announced|stated|confirmed|claimed|estimated|"
    r"counted|put\s+the|gave|cited|quoted|wrote|raised|revised|updated|lowered|released|published)\b",
    re.I,
)
_BEFORE_CUE = re.compile(
    r"(?:according\s+to|citing|cited\s+by|quoted\s+by|reported\s+by|announced\s+by|released\s+by|"
    r"provided\s+by|published\s+by|data\s+(?:from|of)|figures\s+(?:from|of)|statement\s+(?:by|from|of)|"
    r"told|told\s+\w+)\s+(?:the\s+)?$",
    re.I,
)


def _cited_authorities(text: str, outlets: list[OutletMention]) -> list[AuthorityMention]:
    """Authorities in an attribution position ("police said", "according to the ministry"), not outlets."""
    out = []
    for a in find_authorities(text):
        if any(o.start <= a.start < o.end for o in outlets):
            continue
        if _AFTER_CUE.match(text[a.end : a.end + 60]) or _BEFORE_CUE.search(
            text[max(0, a.start - 40) : a.start]
        ):
            out.append(a)
    return out


def _reporting_outlets(text: str) -> list[OutletMention]:
    return find_outlets(text) if _REPORT_CUE.search(text) or "quoted" in text else []


def _nearest(items: list[AuthorityMention] | list[OutletMention], start: int, end: int) -> str | None:
    if not items:
        return None

    def distance(item: AuthorityMention | OutletMention) -> int:
        if item.end <= start:
            return start - item.end
        if item.start >= end:
            return item.start - end
        return 0

    return min(items, key=distance).name


def attribution_in(text: str, start: int = 0, end: int = 0) -> Attribution:
    """Authority and outlet named in one piece of text (offsets relative to it pick the nearest)."""
    outlets = _reporting_outlets(text)
    authorities = _cited_authorities(text, outlets)
    return Attribution(_nearest(authorities, start, end), _nearest(outlets, start, end))


FOLLOWING_SENTENCES = 3  # how far an attribution-only sentence reaches back within its paragraph


def _position(doc: ArticleDoc, start: int) -> int | None:
    for i, s in enumerate(doc.sentences):
        if s.start <= start < s.end:
            return i
    return None


def _following_attribution(doc: ArticleDoc, index: int) -> Attribution | None:
    """The attribution-only sentence that closes the run of sentences holding sentence `index`.

    ("164 died ... 2,200 were hurt ... This was reported by media citing the ministry.")
    The run ends at a paragraph break or at a sentence carrying its own attribution.
    """
    for nxt in doc.sentences[index + 1 : index + 1 + FOLLOWING_SENTENCES]:
        if "\n\n" in doc.text[doc.sentences[index].end : nxt.start]:
            return None
        if _ATTRIBUTION_ONLY.search(nxt.text):
            return attribution_in(nxt.text)
        own = attribution_in(nxt.text)
        if own.authority or own.outlet:
            return None
        index += 1
    return None


def attribution_for(doc: ArticleDoc, start: int, end: int) -> Attribution:
    """Who text[start:end] is attributed to: same sentence, an attribution-only sentence closing
    its paragraph run, else the previous sentence when it introduces a statement."""
    i = _position(doc, start)
    if i is None:
        return Attribution(None, None)
    cur = doc.sentences[i]
    here = attribution_in(cur.text, start - cur.start, end - cur.start)
    authority, outlet = here.authority, here.outlet
    if authority is None or outlet is None:
        follow = _following_attribution(doc, i)
        if follow is not None:
            authority = authority or follow.authority
            outlet = outlet or follow.outlet
    prev = doc.sentences[i - 1] if i > 0 else None
    if prev is not None and (authority is None or outlet is None):
        before = attribution_in(prev.text, len(prev.text), len(prev.text))
        if authority is None and _is_statement_lead(prev.text):
            authority = before.authority
        outlet = outlet or before.outlet
    return Attribution(authority, outlet)


def _is_statement_lead(text: str) -> bool:
    """A previous sentence that introduces what follows ("The ministry said on Friday:")."""
    return bool(re.search(r"\b(?:said|says|told|reported|announced|stated|according\s+to)\b", text, re.I))


__all__ = ["KNOWN_OUTLETS", "Attribution", "attribution_for", "attribution_in", "find_authorities"]
