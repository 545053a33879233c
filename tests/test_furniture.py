"""Page furniture: each rule's lines and counter-examples, and what the analysis sets aside."""

from __future__ import annotations

import pytest

from attribution import Analyzer, default_rules
from attribution.rules.compiled import compile_rules
from attribution.stages.furniture import find_furniture
from helpers import shared_analyzer

RULES = default_rules()
CASES = [(f.key, line, True) for f in RULES.furniture for line in f.lines] + [
    (f.key, line, False) for f in RULES.furniture for line in f.not_lines
]


@pytest.fixture(scope="module")
def compiled():
    return compile_rules(RULES, shared_analyzer().nlp, "speech")


def test_every_furniture_rule_has_three_lines_and_three_counter_examples() -> None:
    for rule in RULES.furniture:
        assert len(rule.lines) >= 3 and len(rule.not_lines) >= 3, rule.key


@pytest.mark.parametrize(("key", "line", "furniture"), CASES)
def test_furniture_lines(compiled, key: str, line: str, furniture: bool) -> None:
    found = find_furniture(line, 0, compiled)
    assert bool(found) == furniture, (key, line, found)
    if furniture:
        assert found[0].key == key
        assert (found[0].start, found[0].end) == (0, len(line.rstrip()))


PAGE = (
    "Mayor vows new bridge\n\n"
    "By Jane Doe\n\n"
    "The mayor said the bridge would open in May.\n\n"
    "READ MORE: Council votes on the budget\n\n"
    "Story continues below advertisement\n\n"
    "WATCH: Mayor says the bridge is safe\n\n"
    "Crews worked through the night. (Photo by Mark Lee/Reuters)\n\n"
    '"It is a good day," she said.\n\n'
    "(Reporting by Anna Ivanova for Reuters; Editing by Tom Hale)"
)


def test_a_copied_page_sets_its_furniture_aside(analyzer: Analyzer) -> None:
    analysis = analyzer.analyze(PAGE, publisher="Daily Ledger")
    kinds = [f.kind for f in analysis.furniture]
    assert kinds == ["byline", "read_more", "story_continues", "media", "caption", "reporting_by"]
    for piece in analysis.furniture:
        assert PAGE[piece.span.start : piece.span.end] == piece.span.text
        assert piece.reason
        assert not any(
            c.start < piece.span.end and piece.span.start < c.end for c in analysis.claims
        )
    assert not any(s.name == "WATCH" for s in analysis.sources)
    assert analysis.chain_names(analysis.claims[1])[:2] == ["Daily Ledger", "Reuters"]


# Labels, crossheads and credited captions that once became sources or contents.
SET_ASIDE = [
    (
        "The singer thanked her band.\n\nWATCH BELOW: Two hosts talk about the show\n\n"
        "The host said the night ran late.",
        "WATCH BELOW",
    ),
    (
        "The winners were named on Sunday.\n\nLOOK: The best and worst costumes\n\n"
        "Organisers said the parade drew record crowds.",
        "LOOK",
    ),
    (
        '"The road will stay closed until spring," the engineer said.\n\n'
        "'Closed until spring'\n\nDrivers will take the long way round.",
        "Closed until spring",
    ),
    (
        '"We have no beds left," the nurse said.\n\n‘NO BEDS LEFT’\n\n'
        "The hospital opened a second ward on Friday.",
        "NO BEDS LEFT",
    ),
    (
        "The mayor said the pool would reopen.\n\n"
        "Ann Lee says the ward is full every night. (Mark Stone/City News).\n\n"
        "The ward has twelve beds.",
        "the ward is full every night",
    ),
]


@pytest.mark.parametrize(("text", "furniture"), SET_ASIDE)
def test_furniture_is_neither_source_nor_content(
    analyzer: Analyzer, text: str, furniture: str
) -> None:
    analysis = analyzer.analyze(text)
    start = text.index(furniture)
    end = start + len(furniture)
    assert any(p.span.start <= start and end <= p.span.end for p in analysis.furniture)
    for a in analysis.attributions:
        for span in (a.source, a.content):
            assert span is None or not (span.start < end and start < span.end), a


@pytest.mark.parametrize(
    ("last_line", "publisher"),
    [
        ("© 2025 The Canadian Press", "The Canadian Press"),
        ("Copyright 2024 Reuters.", "Reuters"),
        ("© Associated Press", "Associated Press"),
    ],
)
def test_a_copyright_line_names_the_publisher_when_nothing_else_does(
    analyzer: Analyzer, last_line: str, publisher: str
) -> None:
    text = (
        "Skip to content\nMenu\nFire season could be the worst yet\n2 min read\n"
        "Share this item on Facebook\nOfficials warned that the season could break records.\n"
        f"Trending Now\n{last_line}\n"
    )
    analysis = analyzer.analyze(text)
    assert analysis.article.publisher == publisher
    assert [c.text for c in analysis.claims] == [
        "Fire season could be the worst yet",
        "Officials warned that the season could break records.",
    ]
