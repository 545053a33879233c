"""Quantities: numbers in words and digits, ranges, qualifiers, currencies, percentages."""

from __future__ import annotations

import pytest

from attribution.rules.loader import default_rules
from attribution.rules.model import CheckExample
from attribution.stages.checkworthy import match_phrases, phrase_words
from attribution.stages.quantities import find_quantities, read_number
from helpers import shared_analyzer

RULES = default_rules()


def quantities(text: str):
    doc = shared_analyzer().nlp(text, disable=["attribution"])
    found = find_quantities(doc, RULES)
    for quantity in found:
        assert text[quantity.start : quantity.end] == quantity.text, quantity
    return found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # (number's text, value, unit, qualifier, what it counts)
        ("The blast killed 3 people.", [("3", 3.0, None, None, "people")]),
        ("Three civilians died in the fire.", [("Three", 3.0, None, None, "civilians")]),
        ("Twelve miners were rescued.", [("Twelve", 12.0, None, None, "miners")]),
        (
            "At least 100 police officers joined the search.",
            [("100", 100.0, None, "at least", "police officers")],
        ),
        ("Up to 5,000 troops may be sent.", [("5,000", 5000.0, None, "up to", "troops")]),
        ("About 9,000 homes lost power.", [("9,000", 9000.0, None, "about", "homes")]),
        ("The deal is worth $4.2 billion.", [("$4.2 billion", 4.2e9, "dollar", None, None)]),
        ("Turnout rose 40 percent.", [("40 percent", 40.0, "percentage", None, None)]),
        ("Exports fell 12% in May.", [("12%", 12.0, "percentage", None, None)]),
        (
            "35 houses were damaged and two fires broke out.",
            [("35", 35.0, None, None, "houses"), ("two", 2.0, None, None, "fires")],
        ),
    ],
)
def test_quantities_read_value_unit_qualifier_and_count(text: str, expected: list) -> None:
    found = [(q.text, q.value, q.unit, q.qualifier, q.counts) for q in quantities(text)]
    assert found == expected


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("Between 10 and 20 people were hurt.", 10.0, 20.0),
        ("The toll now stands between 40 and 55.", 40.0, 55.0),
        ("Officials put the crowd at between 2,000 and 3,000.", 2000.0, 3000.0),
    ],
)
def test_a_range_gives_both_ends(text: str, low: float, high: float) -> None:
    (quantity,) = quantities(text)
    assert (quantity.low, quantity.high, quantity.bound) == (low, high, "range")


@pytest.mark.parametrize(
    "text",
    [
        "The attack began on Wednesday at about 9:45 pm.",
        "Kyiv, February 2: the talks resumed in 2019.",
        "She finished third in the first round.",
    ],
)
def test_times_dates_and_ordinals_are_not_quantities(text: str) -> None:
    assert quantities(text) == []


QUALIFIER_EXAMPLES = [
    pytest.param(entry.name, example, id=f"{entry.key}[{index}]")
    for entry in RULES.qualifiers
    for index, example in enumerate(entry.examples)
]


@pytest.mark.parametrize(("name", "example"), QUALIFIER_EXAMPLES)
def test_qualifier_examples(name: str, example: CheckExample) -> None:
    names = [quantity.qualifier for quantity in quantities(example.text)]
    assert (name in names) is example.expect, f"{example.file}:{example.line}"


HEDGE_EXAMPLES = [
    pytest.param(entry, example, id=f"{entry.key}[{index}]")
    for entry in RULES.hedges
    for index, example in enumerate(entry.examples)
]


@pytest.mark.parametrize(("entry", "example"), HEDGE_EXAMPLES)
def test_hedge_examples(entry, example: CheckExample) -> None:
    doc = shared_analyzer().nlp(example.text, disable=["attribution"])
    hits = match_phrases(list(doc), [phrase_words(p) for p in entry.phrases])
    assert bool(hits) is example.expect, f"{example.file}:{example.line}"


@pytest.mark.parametrize(
    ("words", "value"),
    [("seven", 7.0), ("1,250", 1250.0), ("two-thirds", 2 / 3), ("€3 million", 3e6)],
)
def test_read_number(words: str, value: float) -> None:
    assert read_number(words)["value"] == pytest.approx(value)
