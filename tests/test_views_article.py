"""The article in displaCy's span style: claims by kind, marks, chains on hover."""

from __future__ import annotations

import re
from html import unescape

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from attribution import Analysis, Analyzer
from attribution.views.article import check_text, marks, render_article
from helpers import claim_id


def test_render_marks_every_claim_with_its_chain(seed: Analysis, seed_text: str) -> None:
    html = seed.render(seed_text)._repr_html_()
    titles = {
        claim: unescape(title)
        for claim, title in re.findall(r'data-claim="(c\d+)" title="([^"]*)"', html)
    }
    assert set(titles) == {claim.id for claim in seed.claims}
    police = claim_id(seed, "Iskander-K")
    assert titles[police].startswith(f"{police} direct: ANI ← CNN ← Police officials on Telegram")
    inferred = next(claim.id for claim in seed.claims if claim.inferred)
    assert "(inferred link)" in titles[inferred]
    own = claim_id(seed, "Since October")
    for label in (f"{police} DIRECT", f"{own} UNATTRIBUTED", ">SOURCE<", ">CUE<", ">CHANNEL<"):
        assert label in html
    assert "http://" not in html and "https://" not in html  # nothing to fetch


def test_render_keeps_every_word_of_the_article(seed: Analysis, seed_text: str) -> None:
    html = render_article(seed, seed_text)
    unlabelled = re.sub(r'<span class="label"[^>]*>[^<]*</span>', "", html)
    shown = unescape(re.sub(r"<[^>]+>", "", unlabelled))
    position = 0
    for word in seed_text.split():
        position = shown.index(word, position) + len(word)


@pytest.mark.parametrize(
    ("text", "claim", "kind", "source"),
    [
        (
            "The dam held overnight, the city engineer said on her Facebook page.",
            "The dam held overnight",
            "INDIRECT",
            "the city engineer",
        ),
        (
            '"We are not leaving," the striking nurses told reporters on Friday.',
            "We are not leaving,",
            "DIRECT",
            "the striking nurses",
        ),
    ],
)
def test_render_on_small_articles(analyzer: Analyzer, text, claim, kind, source) -> None:
    analysis = analyzer.analyze(text)
    html = unescape(analysis.render(text).html)
    assert kind in html
    assert claim.split()[0] in html and source.split()[-1] in html


def test_marks_on_the_same_words_take_separate_bars(seed: Analysis) -> None:
    inner = [mark for mark in marks(seed) if mark.claim is None]
    for a in inner:
        for b in inner:
            if a is not b and a.start < b.end and b.start < a.end:
                assert a.slot != b.slot


@pytest.mark.parametrize("wrong", ["", "Some other article altogether.", "x" * 5000])
def test_render_refuses_a_text_that_was_not_analysed(seed: Analysis, wrong: str) -> None:
    with pytest.raises(ValueError, match="not the one the analysis was made from"):
        check_text(seed, wrong)


def test_render_needs_text_as_str(seed: Analysis) -> None:
    with pytest.raises(TypeError, match="article's text"):
        seed.render(b"bytes")  # type: ignore[arg-type]


PIECES = [
    "The council approved the budget.",
    '"We will appeal," the union said.',
    "Police said two people were hurt, according to local media.",
    "He added that the road stays shut.",
    "\n\n",
    " ",
    "“Nothing is decided”, she told Reuters on Monday.",
    "<b>&amp;</b>",
]


@settings(max_examples=15)
@given(st.lists(st.sampled_from(PIECES), min_size=0, max_size=8).map("".join))
def test_render_and_report_on_any_mix(analyzer: Analyzer, text: str) -> None:
    analysis = analyzer.analyze(text)
    html = render_article(analysis, text)
    unlabelled = re.sub(r'<span class="label"[^>]*>[^<]*</span>', "", html)
    shown = unescape(re.sub(r"<[^>]+>", "", unlabelled))
    position = 0
    for word in text.split():
        position = shown.index(word, position) + len(word)
    assert "<b>" not in html  # the text's own markup is escaped, never live
    analysis.to_html(text)
