"""Chunk planning (a pure function) and the Analyzer's parsing of long texts in chunks."""

from __future__ import annotations

import networkx as nx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from attribution import Analyzer
from attribution.chunking import is_paragraph_cut, plan_chunks
from attribution.stages.parts import Quote
from attribution.stages.quotes import find_quotes
from helpers import KRAMATORSK, assert_consistent

FILLER = "The city council met on Tuesday to discuss the budget for next year. "
# A three-paragraph quote (an open mark at each paragraph), then a cue and its quote set
# apart by a paragraph break, then a source met again far from its first mention.
ARTICLE = (
    "Kramatorsk mayor vows to rebuild\n\n"
    "KRAMATORSK, Ukraine (AP) — Mayor Oleksandr Honcharenko spoke to reporters on Thursday.\n\n"
    + FILLER
    * 3
    + "\n\n"
    "“The first part of what I want to say is that the city will be rebuilt, street by "
    "street.\n\n"
    "“The second part is that nobody will be left without heat this winter.\n\n"
    "“The third part is simple: we will not leave,” Honcharenko said.\n\n" + FILLER * 2 + "\n\n"
    "The mayor said:\n\n“We are staying.”\n\n"
    "Honcharenko added that the school would reopen on Monday, according to Reuters.\n"
)


def assert_covers(text: str, chunks: list[tuple[int, int]], limit: int) -> None:
    assert "".join(text[s:e] for s, e in chunks) == text
    assert all(0 < e - s <= limit for s, e in chunks)
    assert [s for s, _ in chunks[1:]] == [e for _, e in chunks[:-1]]


def inside_a_quote(cut: int, quotes: list[Quote]) -> bool:
    return any(q.start < cut < q.end for q in quotes)


# --- the plan -------------------------------------------------------------------------


def test_an_empty_text_has_no_chunks() -> None:
    assert plan_chunks("", 10) == []


@pytest.mark.parametrize("text", ["x", "a short text", "p1\n\np2"])
def test_a_text_within_the_limit_is_one_chunk(text: str) -> None:
    assert plan_chunks(text, 20) == [(0, len(text))]


@pytest.mark.parametrize("limit", [0, -5])
def test_the_limit_must_be_positive(limit: int) -> None:
    with pytest.raises(ValueError, match="max_chars must be at least 1"):
        plan_chunks("text", limit)


def test_cuts_fall_after_paragraph_breaks() -> None:
    text = "One paragraph here.\n\nAnother one here.\r\nA third.\n  Fourth is last."
    chunks = plan_chunks(text, 25)
    assert chunks == [(0, 21), (21, 40), (40, 51), (51, len(text))]
    assert [text[s:e] for s, e in chunks] == [
        "One paragraph here.\n\n",
        "Another one here.\r\n",
        "A third.\n  ",
        "Fourth is last.",
    ]
    assert all(is_paragraph_cut(text, e) for _, e in chunks)


def test_the_latest_paragraph_break_within_the_limit_wins() -> None:
    text = "a.\nb.\nc.\nd.\ne."
    assert plan_chunks(text, 7) == [(0, 6), (6, 12), (12, 14)]


def test_a_paragraph_inside_a_quote_is_not_cut_when_another_break_fits() -> None:
    text = "A longer introduction here.\n\n“Quote one.\n\n“Quote two,” she said.\n\nOutro."
    quotes = find_quotes(text)
    assert [(text[q.start], text[q.end - 1]) for q in quotes] == [("“", "”")]
    limit = text.index("“Quote two") + 3  # the break inside the quote fits, but is inside it
    assert quotes[0].end - quotes[0].start < limit
    chunks = plan_chunks(text, limit, quotes)
    assert chunks[0] == (0, text.index("“Quote one"))
    assert not any(inside_a_quote(e, quotes) for _, e in chunks)


def test_a_long_paragraph_is_cut_after_a_sentence() -> None:
    text = "First sentence here. Second sentence here. Third one."
    assert plan_chunks(text, 30) == [(0, 21), (21, 43), (43, len(text))]


def test_a_sentence_inside_a_quote_is_a_later_choice_than_one_outside() -> None:
    text = 'He said. "One. Two. Three." She left.'
    chunks = plan_chunks(text, 20, find_quotes(text))
    assert chunks[0] == (0, 9)


def test_a_long_sentence_is_cut_at_a_space() -> None:
    text = "one two three four five six"
    chunks = plan_chunks(text, 10)
    assert chunks == [(0, 8), (8, 14), (14, 24), (24, len(text))]
    assert all(text[e - 1] == " " for _, e in chunks[:-1])


def test_text_without_whitespace_is_cut_hard_at_the_limit() -> None:
    text = "x" * 25
    assert plan_chunks(text, 10) == [(0, 10), (10, 20), (20, 25)]
    assert plan_chunks(" " * 25, 10) == [(0, 10), (10, 20), (20, 25)]


@pytest.mark.parametrize(
    ("offset", "expected"),
    [(0, True), (3, False), (4, True), (6, False), (8, True), (10, False), (11, True)],
)
def test_is_paragraph_cut(offset: int, expected: bool) -> None:
    assert is_paragraph_cut("ab \ncd\n\ne f", offset) is expected


@given(
    text=st.text(st.sampled_from(list("ab .!?\n\r\t“”\"'«»‘’")), max_size=300),
    limit=st.integers(min_value=1, max_value=60),
)
def test_chunks_always_cover_the_text_within_the_limit(text: str, limit: int) -> None:
    quotes = find_quotes(text)
    chunks = plan_chunks(text, limit, quotes)
    assert_covers(text, chunks, limit)
    assert chunks == plan_chunks(text, limit, quotes)


@given(
    paragraphs=st.lists(
        st.text(st.sampled_from(list("abc def. ")), min_size=1, max_size=30).map(str.strip),
        min_size=1,
        max_size=20,
    ),
    limit=st.integers(min_value=35, max_value=200),
)
def test_paragraphs_that_fit_are_never_split(paragraphs: list[str], limit: int) -> None:
    text = "\n\n".join(p or "x" for p in paragraphs)
    chunks = plan_chunks(text, limit)
    assert_covers(text, chunks, limit)
    assert all(is_paragraph_cut(text, e) for _, e in chunks)


# --- the Analyzer on long texts -------------------------------------------------------


@pytest.fixture(scope="module")
def whole(analyzer: Analyzer):
    return analyzer.analyze(ARTICLE)


def chunked(analyzer: Analyzer, size: int) -> Analyzer:
    return Analyzer(nlp=analyzer.nlp, max_chunk_chars=size)


@pytest.mark.parametrize("size", [180, 250, 400, 500])
def test_chunked_analysis_equals_the_whole_one(analyzer: Analyzer, whole, size: int) -> None:
    analysis = chunked(analyzer, size).analyze(ARTICLE)
    assert len(plan_chunks(ARTICLE, size, find_quotes(ARTICLE))) > 1
    assert_consistent(ARTICLE, analysis)
    assert analysis.warnings[0].startswith(f"the text is longer than {size} characters")
    assert analysis.model_copy(update={"warnings": []}) == whole


def test_a_quote_across_a_would_be_cut_stays_whole(analyzer: Analyzer) -> None:
    quotes = find_quotes(ARTICLE)
    quote = next(q for q in quotes if "first part" in ARTICLE[q.start : q.end])
    size = ARTICLE.index("“The third part") + 5  # the window ends inside the quote
    first_break_inside = ARTICLE.index("\n\n“The second") + 2
    assert quote.start < first_break_inside < size < quote.end  # a paragraph cut would fit
    chunks = plan_chunks(ARTICLE, size, quotes)
    assert chunks[0][1] == quote.start  # ... but the cut comes before the quote instead
    assert not any(inside_a_quote(end, quotes) for _, end in chunks)
    analysis = chunked(analyzer, size).analyze(ARTICLE)
    said = [a for a in analysis.attributions if a.cue and abs(a.cue.start - quote.end) < 25]
    assert all(a.source is not None and a.source.text == "Honcharenko" for a in said)
    assert said[0].content.text.startswith("The first part")  # one content per paragraph
    assert said[-1].content.text.endswith("we will not leave")
    assert all(a.kind == "direct" for a in said)


def test_a_cue_and_its_quote_on_either_side_of_a_cut_are_linked(analyzer: Analyzer) -> None:
    quote_start = ARTICLE.index("“We are staying")
    size = 400
    chunks = plan_chunks(ARTICLE, size, find_quotes(ARTICLE))
    assert quote_start in {end for _, end in chunks}  # the cut falls between cue and quote
    analysis = chunked(analyzer, size).analyze(ARTICLE)
    [link] = [a for a in analysis.attributions if a.content.text == "We are staying."]
    assert link.source is not None and link.source.text == "The mayor"


def test_sources_merge_across_chunks(analyzer: Analyzer) -> None:
    size = 250
    chunks = plan_chunks(ARTICLE, size, find_quotes(ARTICLE))
    analysis = chunked(analyzer, size).analyze(ARTICLE)
    source = analysis.source("oleksandr-honcharenko")  # "Mayor Oleksandr Honcharenko"
    chunk_of = [
        next(i for i, (s, e) in enumerate(chunks) if s <= m.start < e) for m in source.mentions
    ]
    assert len(set(chunk_of)) > 1  # mentioned in several chunks, one source
    assert len({s.id for s in analysis.sources}) == len(analysis.sources)
    graph = analysis.to_networkx()
    claims = [n for n, d in graph.nodes(data=True) if d["type"] == "claim"]
    assert len(claims) == len(analysis.claims)
    assert nx.is_weakly_connected(graph)


def test_a_paragraph_longer_than_the_limit_is_cut_with_a_warning(analyzer: Analyzer) -> None:
    text = "Police said that the city is calm. " * 20 + "\n\nThe mayor said it was safe."
    analysis = chunked(analyzer, 200).analyze(text, publisher="Test Wire")
    assert_consistent(text, analysis)
    assert analysis.warnings == [
        "the text is longer than 200 characters, so it was parsed in 5 chunks; 3 of the cuts "
        "fell inside a paragraph, where an attribution across the cut may be missed"
    ]
    assert sum(a.source is not None and a.source.text == "Police" for a in analysis.attributions)


def test_the_seed_article_repeated_reads_the_same_in_chunks(analyzer: Analyzer) -> None:
    text = "\n\n".join([KRAMATORSK] * 4)
    whole = analyzer.analyze(text)
    analysis = chunked(analyzer, len(KRAMATORSK) + 10).analyze(text)
    assert_consistent(text, analysis)
    assert analysis.model_copy(update={"warnings": []}) == whole
