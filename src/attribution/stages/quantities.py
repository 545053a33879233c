"""Quantities in a claim: each number with its unit, its qualifier and what it counts.

The parse finds where the numbers are (number tokens and spaCy's count entities, minus
dates, times and ordinals) and what they count (the noun a number modifies); the rule
set's ``qualifiers`` give the bounding words before them ("at least", "up to");
quantulum3 reads each number's value and unit ("three" -> 3, "$4.2 billion" ->
4.2e9 dollar, "between 10 and 20" -> 10 to 20). quantulum3 is imported on first use,
because its import costs about as much as loading the spaCy model.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from spacy.tokens import Doc, Span, Token

from ..models import Quantity
from ..rules.model import RuleSet
from .checkworthy import is_count, match_phrases, phrase_words

_COUNTED = frozenset({"NOUN", "PROPN"})
_NUMBER_DEPS = frozenset({"nummod", "quantmod"})
_NOUN_PARTS = frozenset({"compound", "amod"})
_DIMENSIONLESS = "dimensionless"
#: The longest qualifier looked for before a number, in tokens.
_QUALIFIER_WINDOW = 4


@dataclass(frozen=True, slots=True)
class _Qualifiers:
    phrases: dict[tuple[str, ...], tuple[str, str]]  # words -> (name, bound)


_QUALIFIERS: dict[int, tuple[RuleSet, _Qualifiers]] = {}


def _qualifiers(rules: RuleSet) -> _Qualifiers:
    held = _QUALIFIERS.get(id(rules))
    if held is None or held[0] is not rules:
        table = {
            phrase_words(phrase): (entry.name, entry.bound)
            for entry in rules.qualifiers
            for phrase in entry.phrases
        }
        held = (rules, _Qualifiers(table))
        _QUALIFIERS[id(rules)] = held
    return held[1]


def find_quantities(span: Span | Doc, rules: RuleSet, text: str | None = None) -> list[Quantity]:
    """The quantities in a parsed span, in text order; offsets index the Doc's text.

    Give ``text`` (the Doc's text) when calling once per claim: spaCy rebuilds
    ``Doc.text`` from every token on each read.
    """
    if text is None:
        text = span.doc.text if isinstance(span, Span) else span.text
    qualifiers = _qualifiers(rules)
    floor = span.start if isinstance(span, Span) else 0
    found = []
    for tokens in _number_runs(span):
        qualifier = _qualifier(tokens[0], floor, qualifiers)
        start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
        name, bound, words_start = qualifier or (None, None, start)
        read_from = words_start if bound == "range" else start
        found.append(
            Quantity(
                start=start,
                end=end,
                text=text[start:end],
                qualifier=name,
                bound=bound,
                counts=_counts(tokens),
                **read_number(text[read_from:end]),
            )
        )
    return found


def _number_runs(span: Span | Doc) -> list[list[Token]]:
    """Each number as its tokens: a currency sign, the number words, and the rest of its
    count entity ("$4.2 billion", "40 percent", "10 and 20")."""
    runs: list[list[Token]] = []
    tokens = list(span)
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if not is_count(token):
            i += 1
            continue
        run = [token]
        if i > 0 and tokens[i - 1].tag_ == "$":
            run.insert(0, tokens[i - 1])
        label = token.ent_type_
        i += 1
        while i < len(tokens) and (
            is_count(tokens[i])
            or tokens[i].text == "%"
            or (label and tokens[i].ent_iob_ == "I" and tokens[i].ent_type_ == label)
        ):
            run.append(tokens[i])
            i += 1
        runs.append(_trimmed(run))
    return runs


def _trimmed(run: list[Token]) -> list[Token]:
    while len(run) > 1 and (run[-1].pos_ == "PUNCT" or run[-1].is_space):
        run = run[:-1]
    return run


def _qualifier(first: Token, floor: int, qualifiers: _Qualifiers) -> tuple[str, str, int] | None:
    """(name, bound, start offset) of the qualifier that ends where the number begins."""
    doc = first.doc
    low = max(first.i - _QUALIFIER_WINDOW, floor)
    window = list(doc[low : first.i])
    for start, end, phrase in match_phrases(window, qualifiers.phrases):
        if end == len(window):
            name, bound = qualifiers.phrases[phrase]
            return name, bound, window[start].idx
    return None


def _counts(tokens: list[Token]) -> str | None:
    """The noun the number counts ("people", "police officers"), when it modifies one."""
    last = tokens[-1]
    head = last.head
    if last.dep_ not in _NUMBER_DEPS or head.pos_ not in _COUNTED or head.i <= last.i:
        return None
    parts = [child for child in head.lefts if child.dep_ == "compound" and child.i > last.i]
    words = [*parts, head]
    return " ".join(token.text for token in words)


def read_number(text: str) -> dict[str, Any]:
    """``value``, ``low``, ``high`` and ``unit`` of a number's words, as far as they read."""
    parsed = _parse(text)
    if parsed is None:
        return {"value": _plain_value(text)}
    value, uncertainty, unit = parsed
    reading: dict[str, Any] = {"value": value, "unit": unit}
    if uncertainty:
        reading.update(low=value - uncertainty, high=value + uncertainty)
    return reading


def _plain_value(text: str) -> float | None:
    try:
        return float(text.replace(",", ""))
    except ValueError:
        return None


@lru_cache(maxsize=4096)
def _parse(text: str) -> tuple[float, float | None, str | None] | None:
    """quantulum3's reading of a number's words, kept per text: the same few numbers
    ("two", "10 percent") recur across claims and articles, and a reading costs about a
    millisecond."""
    try:
        quantities = _without_classifier(_parser().parse, text)
    except Exception:  # a reading, not a requirement: fall back to the digits alone
        return None
    if not quantities:
        return None
    first = quantities[0]
    unit = first.unit.name if first.unit is not None else None
    unit = None if unit == _DIMENSIONLESS else unit
    return float(first.value), first.uncertainty, unit


def _without_classifier(parse: Any, text: str) -> Any:
    """quantulum3's reading without its optional scikit-learn classifier, so that the same
    text gives the same quantities whether or not scikit-learn happens to be installed
    (the classifier reads "between 10 and 20" differently). Its switch is restored after."""
    from quantulum3 import classifier

    used = classifier.USE_CLF
    classifier.USE_CLF = False
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return parse(text)
    finally:
        classifier.USE_CLF = used


@cache
def _parser() -> Any:
    """quantulum3's parser, imported once; its note about an optional classifier is noise."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from quantulum3 import parser

        parser.parse("1")  # loads its unit tables now, under the filter
    return parser
