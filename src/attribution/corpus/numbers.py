"""Claim text normalised for comparison across articles: number words become digits.

"Three people died" and "3 people died" must compare equal, and "3 dead" must compare
unequal to "4 dead" while still being recognised as the same fact. So a claim gives
three things: its words with numbers as digits, the same words with every quantity
masked, and the quantities themselves. A number next to a month name is a date, kept
in the words but not counted as a quantity.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from text_to_num import alpha2digit

from .words import CorpusWords

#: Stands in for every quantity in the masked words.
QUANTITY = "#"

# "2,000" and "1,250,000" are one number; "3, 4" is two.
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}\b)")
_TOKEN = re.compile(r"\d+(?:\.\d+)?|[^\W\d_]+", re.UNICODE)
_NUMBER = re.compile(r"\d+(?:\.\d+)?")


class Normalised(NamedTuple):
    """A claim text as the grouping compares it."""

    words: tuple[str, ...]  # lowercase words, numbers as digits
    masked: tuple[str, ...]  # the same, each quantity replaced by QUANTITY
    quantities: tuple[float, ...]  # in text order


def digits(text: str) -> str:
    """Number words as digits ("three" -> "3", "twenty-five" -> "25"); best effort."""
    try:
        converted = alpha2digit(text, "en", threshold=0)
    except Exception:  # a library failure must not lose the claim
        converted = text
    return _THOUSANDS.sub("", converted)


def normalise(text: str, words: CorpusWords) -> Normalised:
    """Words, masked words and quantities of one claim text."""
    tokens = [token.casefold() for token in _TOKEN.findall(digits(text))]
    masked: list[str] = []
    quantities: list[float] = []
    for index, token in enumerate(tokens):
        if _NUMBER.fullmatch(token) and not _is_date(tokens, index, words):
            masked.append(QUANTITY)
            quantities.append(float(token))
        else:
            masked.append(token)
    return Normalised(tuple(tokens), tuple(masked), tuple(quantities))


def _is_date(tokens: list[str], index: int, words: CorpusWords) -> bool:
    """A day of the month right before or after a month name ("March 4", "4 March")."""
    if not tokens[index].isdigit() or not 1 <= int(tokens[index]) <= 31:
        return False
    before = tokens[index - 1] if index > 0 else ""
    after = tokens[index + 1] if index + 1 < len(tokens) else ""
    return before in words.months or after in words.months


def content(tokens: tuple[str, ...], words: CorpusWords) -> tuple[str, ...]:
    """The tokens that carry the fact: stop words dropped, quantities kept."""
    return tuple(t for t in tokens if t == QUANTITY or t not in words.stop_words)
