"""Claim text normalised for comparison: number words as digits, quantities apart from dates."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from attribution.corpus.numbers import QUANTITY, content, digits, normalise
from attribution.corpus.words import default_words, read_words_file
from attribution.errors import RuleFileError

WORDS = default_words()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Three people died in the fire.", "3 people died in the fire."),
        ("The toll rose to twenty-five overnight.", "The toll rose to 25 overnight."),
        ("About 1,200 residents left.", "About 1200 residents left."),
        ("A hundred and five flights were cancelled.", "A 105 flights were cancelled."),
    ],
)
def test_number_words_become_digits(text: str, expected: str) -> None:
    assert digits(text) == expected


@pytest.mark.parametrize(
    ("text", "quantities"),
    [
        ("A strike killed three people and wounded 20.", (3.0, 20.0)),
        ("A strike killed 3 people and wounded twenty.", (3.0, 20.0)),
        ("Floods on March 4 forced 2,000 people from their homes.", (2000.0,)),
        ("On 12 June the bridge reopened.", ()),
        ("Inflation rose 4.5 percent in May 2025.", (4.5, 2025.0)),
    ],
)
def test_quantities_are_counted_and_dates_are_not(text: str, quantities: tuple) -> None:
    assert normalise(text, WORDS).quantities == quantities


@pytest.mark.parametrize("example", WORDS.data.months.examples, ids=lambda e: e.text)
def test_number_examples_from_the_words_file(example) -> None:
    assert list(normalise(example.text, WORDS).quantities) == example.numbers


def test_masked_words_make_3_dead_and_4_dead_one_fact() -> None:
    three = normalise("Three people were killed in the blast.", WORDS)
    four = normalise("4 people were killed in the blast.", WORDS)
    assert three.masked == four.masked
    assert three.words != four.words
    assert content(three.masked, WORDS) == (QUANTITY, "people", "killed", "blast")


def test_a_broken_words_file_names_itself() -> None:
    with pytest.raises(RuleFileError, match=r"corpus\.words\.yaml"):
        read_words_file("name: x\ngeneric_modifiers: {words: []}\n")


@given(st.text(max_size=200))
def test_any_text_normalises_without_raising(text: str) -> None:
    norm = normalise(text, WORDS)
    assert len(norm.masked) == len(norm.words)
    assert norm.masked.count(QUANTITY) == len(norm.quantities)
