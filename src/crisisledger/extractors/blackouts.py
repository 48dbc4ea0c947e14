"""Internet disruptions reported in an article: shutdowns, throttling, blocked platforms.

A sentence is a blackout mention when it names an Internet/network context and a disruption (or a
restoration). Each mention gets a status, area, services, dates (resolved against the publication date,
see `blackout_dates.py`), a duration, the observer that reported it and who ordered it. Mentions of the
same disruption (same country, area and kind) are merged, keeping the richest fields.

Services are lowercase: "mobile", "fixed", "social_media", "messaging" and platform names ("whatsapp",
"telegram", "facebook", "twitter", "instagram", "youtube", "tiktok", "signal").
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field

from crisisledger.extractors.blackout_dates import dates_in, duration_hours
from crisisledger.model import Blackout, BlackoutStatus
from crisisledger.nlp.pipeline import ArticleDoc

_CONTEXT = re.compile(
    r"\b(?:internet|connectivity|online|offline|net\b|web|mobile\s+(?:data|internet|network|services?|phones?)|"
    r"broadband|telecom\w*|communications?|cellular|3G|4G|social\s+media|messaging|whatsapp|telegram|"
    r"facebook|twitter|instagram|youtube|tiktok|signal)",
    re.I,
)
_DISRUPT = re.compile(
    r"\b(?:shut\s*downs?|shut\s+(?:down|off)|shutting\s+down|blackouts?|black(?:ed)?\s+out|cut(?:s|ting)?(?:\s+off)?|"
    r"outages?|disrupt\w*|disconnect\w*|offline|went\s+dark|switched\s+off|suspend\w*|interrupt\w*|"
    r"throttl\w*|slow(?:ed|down|ing)?|restrict\w*|block\w*|ban(?:ned)?|inaccessible|unavailable|"
    r"loss\s+of|lost|down|restor\w*|back\s+online|resum\w*|came\s+back|returned|lifted|unblock\w*)\b",
    re.I,
)
_RESTORED = re.compile(
    r"\b(?:restor\w*|back\s+online|resum\w*|came\s+back|returned|lifted|unblock\w*|reconnect\w*)\b", re.I
)
_THROTTLED = re.compile(r"\b(?:throttl\w*|slow(?:ed|down|ing)?|degraded|reduced\s+speeds?)\b", re.I)
_BLOCKED = re.compile(r"\b(?:block\w*|ban(?:ned)?|restrict\w*\s+access|inaccessible)\b", re.I)
_SHUTDOWN = re.compile(
    r"\b(?:shut\s*downs?|shut\s+(?:down|off)|blackouts?|black(?:ed)?\s+out|cut\s+off|outages?|offline|went\s+dark|"
    r"switched\s+off|disconnect\w*|(?:internet|connectivity|access)\s+(?:was\s+|were\s+)?(?:cut|disrupted|down))\b",
    re.I,
)
_ONGOING = re.compile(r"\b(?:remain\w*|still|continu\w*|ongoing|persist\w*|entered\s+its|since)\b", re.I)
_NATIONWIDE = re.compile(
    r"\b(?:nation[\s-]?wide|nation-level|national|country[\s-]?wide|entire\s+country|whole\s+country|"
    r"across\s+the\s+country|total|complete|in\s+the\s+country)\b",
    re.I,
)
_OBSERVERS = {
    "NetBlocks": r"net\s?blocks",
    "IODA": r"ioda|internet\s+outage\s+detection",
    "Cloudflare": r"cloudflare(?:\s+radar)?",
    "Kentik": r"kentik",
    "OONI": r"ooni",
    "Access Now": r"access\s*now",
    "Top10VPN": r"top10\s?vpn",
}
_SERVICES = {
    "mobile": r"mobile|cellular|3G|4G|LTE",
    "fixed": r"broadband|fixed[\s-]?lines?|landlines?|fixed\s+internet",
    "social_media": r"social\s+media|social\s+networks?",
    "messaging": r"messaging|messengers?",
    "whatsapp": r"whatsapp",
    "telegram": r"telegram",
    "facebook": r"facebook",
    "twitter": r"twitter|\bX\s+\(formerly",
    "instagram": r"instagram",
    "youtube": r"youtube",
    "tiktok": r"tiktok",
    "signal": r"\bsignal\b(?=[^.]{0,40}(?:app|messag|telegram|whatsapp))|(?<=telegram and )signal|"
    r"(?<=whatsapp and )signal|(?<=, )signal(?= and)",
}
_ORDERED = re.compile(
    r"\b(?P<who>(?:the\s+)?(?:[A-Z][a-z]+\s+)?(?:government|authorities|regime|president|ministry\s+of\s+\w+|"
    r"[A-Z][a-z]+\s+Ministry|telecom(?:munications?)?\s+regulator|military|junta))(?:\s+in\s+[A-Z][a-z]+)?"
    r"\s+(?:has\s+|have\s+|had\s+)?"
    r"(?:ordered|cut|shut|blocked|imposed|disconnected|switched\s+off|restricted|throttled|suspended)"
    r"|\b(?:ordered|imposed)\s+by\s+(?P<who2>(?:the\s+)?(?:[A-Z][a-z]+\s+)?(?:government|authorities|regime|"
    r"president|ministry|military|junta))",
    re.I,
)
_STATUS_RANK: dict[str, int] = {"started": 0, "ongoing": 1, "restored": 2}
_STRONG_NATIONWIDE = re.compile(
    r"\b(?:nation[\s-]?wide|nation-level|country[\s-]?wide|entire\s+country|whole\s+country|national\s+scale|"
    r"total|complete)\b",
    re.I,
)
_PARTIAL_RESTORE = re.compile(r"\bpartial(?:ly)?\s+restor\w*|restor\w*[^.]{0,80}\bstill\b", re.I)
_URL = re.compile(r"\]\([^)\s]*\)|https?://\S+|!\[[^\]]*\]")
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")


def _mask(text: str) -> str:
    """Blank out URLs and image markup (keeping offsets), so their words and dates are not read."""
    return _URL.sub(lambda m: " " * len(m.group(0)), text)


@dataclass
class _Mention:
    status: BlackoutStatus
    kind: str
    start_char: int
    end_char: int
    country_code: str | None
    area: str | None
    nationwide: int
    start: dt.date | None = None
    end: dt.date | None = None
    duration: float | None = None
    services: list[str] = field(default_factory=list)
    observers: list[str] = field(default_factory=list)
    observer_here: bool = False
    ordered_by: str | None = None
    weight: int = 0


def _lookup_code(name: str) -> str | None:
    try:
        from crisisledger.geo.countries import lookup_country  # type: ignore[import-not-found,unused-ignore]
    except ImportError:
        return None
    country = lookup_country(name)
    return None if country is None else str(country.code)


def _article_country(doc: ArticleDoc) -> str | None:
    """The country the article is mostly about: the most frequent country among its place mentions."""
    counts: Counter[str] = Counter()
    for e in doc.entities:
        if e.label in {"GPE", "NORP", "LOC"}:
            code = _lookup_code(e.text)
            if code:
                counts[code] += 1
    title = doc.article.title or doc.text[:300]
    for word in re.findall(r"[A-Z][a-z]+", title):
        code = _lookup_code(word)
        if code:
            counts[code] += 2
    return counts.most_common(1)[0][0] if counts else None


_CHANNEL = re.compile(
    r"\b(?:reported|posted|said|wrote|tweeted|announced|according)\b[^.]{0,80}\b(?:on|via)\s+$", re.I
)


def _services(text: str) -> list[str]:
    """Services named as disrupted; a platform that only carried the report ("said on Twitter") is not."""
    return [
        name
        for name, pattern in _SERVICES.items()
        if any(not _CHANNEL.search(text[: m.start()]) for m in re.finditer(pattern, text, re.I))
    ]


def _observers(doc: ArticleDoc, index: int) -> tuple[list[str], bool]:
    """The observers named in the sentence (True) or, failing that, in a neighbour (False), in order."""
    for j in (index, index - 1, index + 1):
        if 0 <= j < len(doc.sentences):
            text = _mask(doc.sentences[j].text)
            hits = sorted(
                (m.start(), name) for name, p in _OBSERVERS.items() for m in re.finditer(p, text, re.I)
            )
            if hits:
                return list(dict.fromkeys(name for _, name in hits)), j == index
    return [], False


def _ordered_by(text: str) -> str | None:
    m = _ORDERED.search(text)
    if not m:
        return None
    who = (m.group("who") or m.group("who2")).strip()
    who = re.sub(r"^the\s+", "", who, flags=re.I)
    low = who.lower()
    for key in ("government", "authorities", "regime", "president", "military", "junta"):
        if low.endswith(key):
            return key.capitalize()
    return who[0].upper() + who[1:]


def _status(text: str) -> tuple[BlackoutStatus, str]:
    if _RESTORED.search(text):
        return ("ongoing" if _PARTIAL_RESTORE.search(text) else "restored"), "shutdown"
    shutdown = _SHUTDOWN.search(text)
    if _THROTTLED.search(text) and not shutdown:
        return "throttled", "throttled"
    if _BLOCKED.search(text) and not shutdown and _services(text):
        return "services_blocked", "blocked"
    if _ONGOING.search(text):
        return "ongoing", "shutdown"
    return "started", "shutdown"


def _area(doc: ArticleDoc, start: int, end: int) -> tuple[str | None, str | None]:
    """(area, country code) named in the sentence: a non-country place near 'in'/'across', and a country."""
    area = code = None
    text = doc.text
    for e in doc.entities_in(start, end, {"GPE", "LOC", "NORP"}):
        c = _lookup_code(e.text)
        if c:
            code = code or c
        elif (
            area is None
            and e.label != "NORP"
            and re.search(
                r"\b(?:in|across|of|around)\s+(?:the\s+)?(?:(?:city|region|province|state)\s+of\s+)?$",
                text[max(start, e.start - 30) : e.start],
                re.I,
            )
            and _near_disruption(text[start:end], e.start - start)
        ):
            area = e.text
    if code is None:
        masked = _mask(text[start:end])
        code = next((c for w in re.findall(r"\b[A-Z][a-z]+\b", masked) if (c := _lookup_code(w))), None)
    return area, code


def _near_disruption(text: str, offset: int, window: int = 50) -> bool:
    return any(abs(m.start() - offset) <= window for m in _DISRUPT.finditer(text))


def _mention(doc: ArticleDoc, index: int, default_code: str | None) -> _Mention | None:
    sentence = doc.sentences[index]
    text = _mask(sentence.text)
    if not (_CONTEXT.search(text) and _DISRUPT.search(text)):
        return None
    published = doc.article.published
    if published and any(int(y) < published.year for y in _YEAR.findall(text)):
        return None  # a past disruption cited for comparison
    status, kind = _status(text)
    nationwide = 2 if _STRONG_NATIONWIDE.search(text) else int(bool(_NATIONWIDE.search(text)))
    area, code = _area(doc, sentence.start, sentence.end)
    if nationwide:
        area = None
    hours = duration_hours(text)
    dates = [d for _, d in dates_in(text, published)]
    start = end = None
    if status == "restored":
        end = dates[-1] if dates else published
        if hours and end:
            start = end - dt.timedelta(hours=hours)
    else:
        start = dates[0] if dates else None
        if hours and start:
            end = start + dt.timedelta(hours=hours)
    if default_code and code and code != default_code:
        recent = [d for d in (start, end) if d and published and abs((published - d).days) <= 30]
        if not recent:
            return None  # a disruption elsewhere, cited for comparison
    observers, here = _observers(doc, index)
    weight = 2 * nationwide + int(bool(_SHUTDOWN.search(text)))
    return _Mention(
        status=status,
        kind=kind,
        start_char=sentence.start,
        end_char=sentence.end,
        country_code=code or default_code,
        area=area,
        nationwide=nationwide,
        start=start,
        end=end,
        duration=hours,
        services=_services(text),
        observers=observers,
        observer_here=here,
        ordered_by=_ordered_by(text),
        weight=weight,
    )


def _merge(group: list[_Mention]) -> Blackout:
    best = max(group, key=lambda m: (m.weight, m.start is not None, bool(m.observers)))
    status = max(group, key=lambda m: _STATUS_RANK.get(m.status, 0)).status
    dated = [m for m in group if m.start]
    start = max(dated, key=lambda m: m.weight).start if dated else None
    first = [m for m in group if m.observer_here] + [m for m in group if not m.observer_here]
    observers = list(dict.fromkeys(name for m in first for name in m.observers))
    end = next((m.end for m in group if m.status == "restored" and m.end), None)
    if end is None:
        end = next((m.end for m in group if m.end), None)
    duration = next((m.duration for m in group if m.duration), None)
    if duration is None and start and end and status == "restored":
        duration = float((end - start).days * 24) or None
    services: list[str] = []
    for m in group:
        services.extend(s for s in m.services if s not in services)
    areas = [m.area for m in group if m.area]
    return Blackout(
        country_code=best.country_code,
        area=None if any(m.nationwide == 2 for m in group) or not areas else areas[0],
        status=status,
        start=start,
        end=end,
        duration_hours=duration,
        services=services,
        reported_by=observers[0] if observers else None,
        observers=observers,
        ordered_by=next((m.ordered_by for m in group if m.ordered_by), None),
        start_char=group[0].start_char,
        end_char=group[0].end_char,
    )


def extract_blackouts(doc: ArticleDoc) -> list[Blackout]:
    """Every Internet disruption the article reports, one per distinct disruption."""
    default_code = _article_country(doc)
    groups: list[list[_Mention]] = []
    for i in range(len(doc.sentences)):
        m = _mention(doc, i, default_code)
        if m is None:
            continue
        same = next((g for g in groups if _same_disruption(g, m)), None)
        if same is None:
            groups.append([m])
        else:
            same.append(m)
    return sorted((_merge(g) for g in groups), key=lambda b: b.start_char)


def _same_disruption(group: list[_Mention], mention: _Mention) -> bool:
    """Same country and kind, and no two different areas named (a mention with no area joins any)."""
    first = group[0]
    if (first.country_code, first.kind) != (mention.country_code, mention.kind):
        return False
    areas = {m.area for m in group if m.area}
    return mention.area is None or not areas or mention.area in areas
