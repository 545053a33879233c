"""Properties every analysis keeps, over generated text.

Whatever the text: analyze does not raise; every span indexes the caller's string
(``text[start:end] == span.text``); claims are in order and never overlap; the result is
the same on a second run and survives a JSON round trip. Run more examples with
``pytest tests/test_properties.py --hypothesis-profile thorough``.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from attribution import Analyzer
from helpers import KRAMATORSK, assert_consistent

# Any code point but surrogates (the Analyzer replaces those; see test_robustness).
UNICODE = st.text(st.characters(exclude_categories=["Cs"]), max_size=400)

QUOTE_MARKS = list("\"'“”„‘’‚«»‹›")
WORDS = ["he", "said", "Police", "told", "CNN", "the mayor", "according to", "it", "safe", "."]
QUOTE_HEAVY = st.lists(
    st.one_of(
        st.sampled_from(QUOTE_MARKS),
        st.sampled_from(WORDS),
        st.sampled_from([" ", " ", "\n", "\n\n", ", ", "\r\n"]),
    ),
    max_size=80,
).map("".join)

OWN_SENTENCES = [
    "“We will rebuild every house,” the mayor told Reuters on Thursday.",
    "According to the regional governor, two schools were hit overnight.",
    "She said the shelters were full, citing local officials.",
    "The ministry reported that 14 people had been injured.",
    "“It was loud,” said one resident. “Then the windows went.”",
    "AFP quoted a police spokesman as saying the area had been cordoned off.",
    "It is not clear who fired the missile.",
    "Officials, who spoke on condition of anonymity, told CNN that more strikes were expected.",
]
SENTENCES = [
    s
    for s in re.split(r"(?<=[.!?”])\s+", KRAMATORSK.split("\n\n", 1)[1])
    if any(ch.isalpha() for ch in s)
] + OWN_SENTENCES


@st.composite
def articles(draw: st.DrawFn) -> str:
    """Real sentences in random order and paragraphing, sometimes with a headline."""
    sentences = draw(st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=14))
    breaks = draw(st.lists(st.sampled_from([" ", "\n", "\n\n"]), min_size=len(sentences)))
    body = "".join(s + b for s, b in zip(sentences, breaks, strict=False)).rstrip()
    if draw(st.booleans()):
        body = "Missile strike hits Kramatorsk\n\nKyiv [Ukraine], February 2 (ANI): " + body
    return body


def check(analyzer: Analyzer, text: str) -> None:
    first = analyzer.analyze(text)
    assert_consistent(text, first)
    assert analyzer.analyze(text).model_dump_json() == first.model_dump_json()


@given(text=UNICODE)
@example(text="")
@example(text="\x00\u200b\u202e\r\n\x85\u2028")
@example(text="\"“'‘„‚«‹ said he")
def test_any_unicode_text(analyzer: Analyzer, text: str) -> None:
    check(analyzer, text)


@given(text=QUOTE_HEAVY)
@example(text='"' * 50 + " he said " + "“" * 20)
@example(text="“he said\n\n“the mayor\n\n” told CNN")
def test_quote_heavy_text(analyzer: Analyzer, text: str) -> None:
    check(analyzer, text)


@given(text=articles())
def test_article_like_text(analyzer: Analyzer, text: str) -> None:
    check(analyzer, text)


@pytest.fixture(scope="module")
def small_chunks(analyzer: Analyzer) -> Analyzer:
    """The same pipeline, parsing in chunks of at most 300 characters."""
    return Analyzer(nlp=analyzer.nlp, max_chunk_chars=300)


@given(text=articles())
def test_article_like_text_in_chunks(small_chunks: Analyzer, text: str) -> None:
    check(small_chunks, text)


@given(text=QUOTE_HEAVY)
def test_quote_heavy_text_in_chunks(small_chunks: Analyzer, text: str) -> None:
    check(small_chunks, text * 3)
