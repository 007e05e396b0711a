"""Reading the value of a number as written: digits, number words and vague quantities.

Number words go through the maintained ``text2num`` library; this module adds what it
does not read: digit-and-scale mixes (``1.4 million``), ``and a half``, ``a dozen``,
thousands separators, and the vague plurals (``dozens``, ``tens of thousands``) that
name no value at all.

>>> number_value("31,490"), number_value("Thirteen"), number_value("1.4 million")
(31490.0, 13.0, 1400000.0)
>>> number_value("two and a half million"), number_value("a dozen")
(2500000.0, 12.0)
>>> is_vague("tens of thousands"), is_vague("several dozen"), is_vague("thirteen")
(True, True, False)
"""

from __future__ import annotations

import re

from text_to_num import text2num

# Wire copy abbreviates the scales: "3.2 mln", "1.5 bln".
SCALES = {
    "hundred": 100.0, "thousand": 1e3, "million": 1e6, "mln": 1e6,
    "billion": 1e9, "bln": 1e9, "trillion": 1e12,
}  # fmt: skip
DOZEN = 12.0
# Words that are only ever part of a number (text2num reads them); scale words included.
UNITS = [
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
    "eighteen", "nineteen",
]  # fmt: skip
TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
NUMBER_WORDS = frozenset(UNITS + TENS + [*SCALES, "dozen"])
# Plural quantity nouns that count without giving a value ("dozens", "tens of thousands");
# the plurals of scale words among them chain ("hundreds of thousands").
VAGUE_PLURALS = frozenset(
    ["dozens", "scores", "tens", "hundreds", "thousands", "millions", "billions"]
)
PLURAL_SCALES = frozenset(word for word in VAGUE_PLURALS if word.removesuffix("s") in SCALES)
# Quantity nouns and determiners that count without giving a value.
VAGUE_WORDS = VAGUE_PLURALS | {"several"}
_DIGITS = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$")
_HALF = re.compile(r"\band (?:a|one) half\b")


def is_digits(word: str) -> bool:
    """A number written in digits, with optional thousands separators and decimals.

    >>> is_digits("31,490"), is_digits("1.4"), is_digits("7am"), is_digits("13-17")
    (True, True, False, False)
    """
    return bool(_DIGITS.match(word))


def is_number_word(word: str) -> bool:
    """A word (any case) that is part of a number: ``thirteen``, ``million``, ``31,490``."""
    return is_digits(word) or word.lower() in NUMBER_WORDS


def is_vague(text: str) -> bool:
    """Whether a quantity names no value: ``dozens``, ``several dozen``, ``hundreds of thousands``."""
    words = text.lower().split()
    return bool(words) and (words[0] in VAGUE_WORDS or words[-1] in VAGUE_WORDS)


def number_value(text: str) -> float | None:
    """The value of a number as written, or ``None`` when it is vague or unreadable.

    >>> number_value("one hundred and twenty"), number_value("twenty-five"), number_value("2")
    (120.0, 25.0, 2.0)
    >>> number_value("hundreds") is None, number_value("two dozen")
    (True, 24.0)
    """
    words = text.lower().replace("-", " ").split()
    if not words or is_vague(text):
        return None
    if len(words) >= 2 and words[0] in {"a", "an", "one"} and words[1] in {*SCALES, "dozen"}:
        words = ["one", *words[1:]]
    half = bool(_HALF.search(" ".join(words)))
    if half:
        words = _HALF.sub("", " ".join(words)).split()
    scale = 1.0
    # A trailing scale word multiplies all before it ("1.4 million", "two and a half million").
    while words and (words[-1] in SCALES or words[-1] == "dozen") and len(words) > 1:
        if is_digits(words[-2]) or half or words[-1] == "dozen":
            scale *= DOZEN if words[-1] == "dozen" else SCALES[words[-1]]
            words = words[:-1]
        else:
            break
    base = _plain_value(words)
    if base is None:
        return None
    return (base + (0.5 if half else 0.0)) * scale


def _plain_value(words: list[str]) -> float | None:
    """Digits, or number words read by text2num."""
    if len(words) == 1 and is_digits(words[0]):
        return float(words[0].replace(",", ""))
    if not all(word in NUMBER_WORDS or word == "and" for word in words) or words[-1] == "and":
        return None
    try:
        return float(text2num(" ".join(words), "en"))
    except ValueError:
        return None
