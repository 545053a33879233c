"""The small parse readers shared by the stages."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from attribution import Analyzer
from attribution.stages.syntax import subtree, subtree_indices

SRC = Path(__file__).resolve().parent.parent / "src" / "attribution"


@pytest.mark.parametrize(
    "text",
    [
        "The mayor said the bridge, which the army had repaired, was safe again.",
        "“We are ready,” the engineer told Reuters on Monday, citing two inspectors.",
        "he said he said he said he said that it rained",
        "Officials who spoke to the agency said that the talks, which began in May, had failed.",
    ],
)
def test_subtree_gives_what_spacy_gives(analyzer: Analyzer, text: str) -> None:
    doc = analyzer.nlp(text)
    for token in doc:
        assert [t.i for t in subtree(token)] == sorted(t.i for t in token.subtree)
        assert subtree_indices(token) == sorted(t.i for t in token.subtree)


def test_no_stage_reads_the_quadratic_token_subtree() -> None:
    """``Token.subtree`` costs size times depth; stages read syntax.subtree instead."""
    users = [
        path.name
        for path in SRC.glob("*.py")
        if path.name != "syntax.py" and re.search(r"\.subtree\b", path.read_text("utf-8"))
    ]
    assert users == []
