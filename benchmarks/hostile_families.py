"""Generators of hostile inputs: texts an attacker would send to make the analysis slow.

Each family is a function of a size in characters that returns a text of about that size
(deterministic, made up here; no real article). The benchmark (``hostile.py``) times them
against the bare parse; the property tests build them at small sizes.
"""

from __future__ import annotations

from collections.abc import Callable


def _repeat(unit: str, size: int) -> str:
    return unit * max(1, size // len(unit))


def repeated_cues(size: int) -> str:
    """ "he said he said ...": every word pair a cue, one endless sentence."""
    return _repeat("he said ", size)


def said_that(size: int) -> str:
    """ "said that said that ...": cues nested in each other's content."""
    return _repeat("said that ", size)


def relay_chain(size: int) -> str:
    """A chain of relays, each citing the next, that never reaches its content."""
    unit = "the agency reported, citing officials who told Reuters that the ministry said that "
    return _repeat(unit, size) + "the bridge was closed."


def quote_storm(size: int) -> str:
    """Quotation marks of every kind, paired and unpaired, with cue words among them."""
    unit = "\"'“ said ‘” \"he ' « told » \"\" ” '' "
    return _repeat(unit, size)


def nested_quotes(size: int) -> str:
    """Quotes inside quotes, each opened and never closed."""
    unit = "\"The mayor said 'the clerk told me “the judge wrote ‘that "
    return _repeat(unit, size)


def unbalanced_quotes(size: int) -> str:
    """Paragraphs that open a quote with a cue, and never close it."""
    unit = '"We will not stop, said the councillor. The count goes on,\n\n'
    return _repeat(unit, size)


def long_words(size: int) -> str:
    """Sentences with cue words in which every third word is hundreds of letters long
    (each one different, and some of them runs of quotation marks)."""
    parts, k = [], 0
    while sum(map(len, parts)) < size:
        letters = "".join(chr(97 + (k * 7 + j) % 26) for j in range(26))
        word = (letters * (8 + k % 32))[: 200 + (k * 131) % 900]
        marks = "“" * (20 + k % 40) if k % 4 == 3 else ""
        parts.append(f"The mayor said {word}{marks} was what the clerk told {word[::-1]}. ")
        k += 1
    return "".join(parts)


def tiny_paragraphs(size: int) -> str:
    """Thousands of one-word paragraphs, many of them cues."""
    return _repeat("He said no.\n\nYes.\n\n“No,” she said.\n\n", size)


def short_attributions(size: int) -> str:
    """Thousands of short quoted sentences, each with a pronoun cue: antecedent searches."""
    unit = '"It was late," he said. She told them the door was shut. '
    return "Anna Petrenko spoke first. " + _repeat(unit, size)


def huge_line(size: int) -> str:
    """One line with no break at all, opened by a quote that never closes."""
    unit = "the minister said the plan would work and the mayor told reporters it would not, "
    return '"' + _repeat(unit, size)


FAMILIES: dict[str, Callable[[int], str]] = {
    "repeated cues": repeated_cues,
    "said that": said_that,
    "relay chain": relay_chain,
    "quote storm": quote_storm,
    "nested quotes": nested_quotes,
    "unbalanced quotes": unbalanced_quotes,
    "long words": long_words,
    "tiny paragraphs": tiny_paragraphs,
    "short attributions": short_attributions,
    "one huge line": huge_line,
}
