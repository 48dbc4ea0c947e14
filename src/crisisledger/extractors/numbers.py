"""Numbers as news reports write them: digits with separators, number words, and vague counts.

`parse_number` turns one number expression into an int; `find_numbers` scans a text for every
number expression and returns its span and value. Vague plurals take the conservative values
ACLED uses ("dozens" -> 12, "scores" -> 20, "hundreds" -> 100, "thousands" -> 1000) and are
flagged `vague` so a caller can read them as lower bounds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from text_to_num import text2num

_UNITS = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_SCALE_VALUES = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000}
# "one" → 1 … "nineteen" → 19, "twenty" → 20 … "ninety" → 90
WORD_VALUES = {w: i for i, w in enumerate(_UNITS)} | {w: 20 + 10 * i for i, w in enumerate(_TENS)}

_VAGUE = {
    "tens of thousands": 10_000,
    "hundreds of thousands": 100_000,
    "dozens": 12,
    "scores": 20,
    "hundreds": 100,
    "thousands": 1000,
    "millions": 1_000_000,
}

_UNIT = "|".join(sorted(_UNITS, key=len, reverse=True))
_TEN = "|".join(_TENS)
_SCALE = "hundred|thousand|million|billion"
# one word: "twenty", "twenty-five", "twenty five", "seven"
_WORD = rf"(?:(?:{_TEN})(?:[-\s](?:{_UNIT}))?|{_UNIT})"
# a chain: "two hundred and five thousand three hundred", "a thousand", "two dozen"
_WORD_CHAIN = (
    rf"(?:(?:{_WORD}|a)\s+(?:{_SCALE}|dozen)(?:(?:\s+and)?[\s-]+(?:{_WORD})(?:\s+(?:{_SCALE}))?)*"
    rf"|{_WORD})"
)
_DIGITS = (
    r"(?:\d{1,3}(?:(?:,|\.|[ \u00a0\u202f])\d{3})+(?!\d)(?![.,]\d)"  # 2,200 / 2.200 / 2 200
    r"|\d+(?:[.,]\d+)?)"  # 2200, or a decimal that needs a scale
)
_DIGIT_SCALED = rf"{_DIGITS}(?:\s*(?:{_SCALE}|mln|bn)\b)?"
_VAGUE_RE = (
    r"tens\s+of\s+thousands|hundreds\s+of\s+thousands|dozens|scores(?=\s+of\b)|hundreds|thousands|millions"
)

NUMBER_RE = re.compile(
    rf"(?<![\w.,$€£¥/:#])(?<![A-Za-z]-)(?:(?P<vague>{_VAGUE_RE})|(?P<digits>{_DIGIT_SCALED})"
    rf"|(?P<words>{_WORD_CHAIN}))(?!\w)(?![:/]\d)(?!-(?:{_UNIT})\b)",
    re.IGNORECASE,
)
_QUALIFIER_PREFIX = re.compile(
    r"^(?:(?:at\s+least|more\s+than|less\s+than|fewer\s+than|almost|nearly|about|around|some|over|"
    r"approximately|roughly|up\s+to|as\s+many\s+as|an\s+estimated|estimated|just\s+under|close\s+to)\s+)+",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class NumberMention:
    """One number expression in a text: its span, value and whether it is a vague plural."""

    start: int
    end: int
    value: int
    text: str
    vague: bool = False
    word: bool = False


def _parse_digits(text: str) -> int | None:
    m = re.fullmatch(
        r"(\d[\d,. \u00a0\u202f]*?)\s*(hundred|thousand|million|billion|mln|bn)?", text.strip(), re.I
    )
    if not m:
        return None
    body, scale = m.group(1), (m.group(2) or "").lower()
    factor = {"mln": 1_000_000, "bn": 1_000_000_000}.get(scale) or _SCALE_VALUES.get(scale, 1)
    if re.fullmatch(r"\d{1,3}(?:[,. \u00a0\u202f]\d{3})+", body) and not (
        scale and re.fullmatch(r"\d+[.,]\d+", body)
    ):
        return int(re.sub(r"\D", "", body)) * factor
    dec = re.fullmatch(r"(\d+)(?:[.,](\d+))?", body)
    if not dec:
        return None
    if dec.group(2) is None:
        return int(dec.group(1)) * factor
    if factor == 1:
        return None  # "1.5" is not a count of people
    return round(float(f"{dec.group(1)}.{dec.group(2)}") * factor)


def _parse_words(text: str) -> int | None:
    words = re.sub(r"\s+", " ", text.lower().replace("-", " ")).strip()
    if words.startswith("a "):
        words = "one " + words[2:]
    if words.endswith(" dozen") or words == "dozen":
        head = words[: -len("dozen")].strip() or "one"
        base = _parse_words(head)
        return None if base is None else base * 12
    try:
        return int(text2num(words, "en"))
    except ValueError:
        pass
    # Fallback for chains text2num refuses: sum and multiply by hand.
    total, current = 0, 0
    for w in words.replace(" and ", " ").split():
        if w in WORD_VALUES:
            current += WORD_VALUES[w]
        elif w == "hundred":
            current = max(current, 1) * 100
        elif w in _SCALE_VALUES:
            total += max(current, 1) * _SCALE_VALUES[w]
            current = 0
        else:
            return None
    return total + current


def _value(match: re.Match[str]) -> tuple[int | None, bool]:
    if match.group("vague"):
        return _VAGUE[re.sub(r"\s+", " ", match.group("vague").lower())], True
    if match.group("digits"):
        return _parse_digits(match.group("digits")), False
    return _parse_words(match.group("words")), False


def find_numbers(text: str) -> list[NumberMention]:
    """Every number expression in `text`, in order, with character offsets into `text`."""
    out: list[NumberMention] = []
    for m in NUMBER_RE.finditer(text):
        value, vague = _value(m)
        if value is None:
            continue
        out.append(NumberMention(m.start(), m.end(), value, m.group(0), vague, bool(m.group("words"))))
    return out


def parse_number(text: str) -> int | None:
    """The integer a number expression denotes ("2,200", "twenty-five", "almost eight thousand"), else None.

    Leading qualifiers ("almost", "at least", ...) are ignored; the rest must be one number expression.
    """
    body = _QUALIFIER_PREFIX.sub("", text.strip())
    if body.lower() == "scores":
        return _VAGUE["scores"]
    m = NUMBER_RE.fullmatch(body)
    if not m:
        return None
    return _value(m)[0]
