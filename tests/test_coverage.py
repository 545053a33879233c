"""Claims, furniture and the dateline cover every word of an article once: no overlap, no gap.

Over generated articles (hypothesis) and, when the evaluation data sits beside the
clone (``../shared/eval``, or ``$ATTRIBUTION_EVAL_DIR``), over every PolNeAR dev article;
that part is skipped when the data is absent. Nothing of the data is copied: it is read in place.
"""

from __future__ import annotations

import json
import os
from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from attribution import Analysis, Analyzer
from helpers import KRAMATORSK
from test_properties import SENTENCES

ROOT = Path(__file__).resolve().parent.parent
#: The evaluation data beside the clone, or where ATTRIBUTION_EVAL_DIR points.
EVAL_DIR = Path(os.environ.get("ATTRIBUTION_EVAL_DIR") or ROOT.parent / "shared" / "eval")
POLNEAR = EVAL_DIR / "polnear_dev.jsonl"

FURNITURE_LINES = [
    "READ MORE: Council votes on the budget",
    "Story continues below advertisement",
    "WATCH: The mayor walks out of the hearing",
    "By Jane Doe",
    "(Reporting by Anna Ivanova for Reuters; Editing by Tom Hale)",
    "Sign up for our morning newsletter.",
    "Politics",
    "Trending Stories",
    "OTTAWA (Reuters) -",
]


def uncovered(text: str, analysis: Analysis) -> list[str]:
    """Words in no claim, furniture or dateline, and overlaps, as messages."""
    dateline = analysis.article.dateline
    spans = sorted(
        [(c.start, c.end, "claim") for c in analysis.claims]
        + [(f.span.start, f.span.end, "furniture") for f in analysis.furniture]
        + ([(dateline.start, dateline.end, "dateline")] if dateline else [])
    )
    problems = []
    for (s1, e1, k1), (s2, e2, k2) in pairwise(spans):
        if s2 < e1:
            problems.append(f"{k1} {text[s1:e1]!r} overlaps {k2} {text[s2:e2]!r}")
    covered = bytearray(len(text))
    for start, end, _ in spans:
        covered[start:end] = b"\x01" * (end - start)
    gap = [i for i in range(len(text)) if text[i].isalnum() and not covered[i]]
    if gap:
        problems.append(f"uncovered: {text[gap[0] : gap[0] + 40]!r} ({len(gap)} characters)")
    return problems


@st.composite
def pages(draw: st.DrawFn) -> str:
    """Our own news sentences, with page furniture lines between the paragraphs."""
    parts = draw(
        st.lists(
            st.one_of(st.sampled_from(SENTENCES), st.sampled_from(FURNITURE_LINES)),
            min_size=1,
            max_size=12,
        )
    )
    breaks = draw(st.lists(st.sampled_from([" ", "\n", "\n\n"]), min_size=len(parts)))
    return "".join(p + b for p, b in zip(parts, breaks, strict=False)).rstrip()


@given(text=pages())
def test_generated_pages_are_covered_once(analyzer: Analyzer, text: str) -> None:
    assert uncovered(text, analyzer.analyze(text)) == []


def test_the_seed_is_covered_once(seed: Analysis) -> None:
    assert uncovered(KRAMATORSK, seed) == []


@pytest.mark.skipif(not POLNEAR.exists(), reason="PolNeAR dev is not beside the clone")
def test_polnear_dev_articles_are_covered_once(analyzer: Analyzer) -> None:
    failures = []
    with POLNEAR.open(encoding="utf-8") as lines:
        for line in lines:
            article = json.loads(line)
            problems = uncovered(article["text"], analyzer.analyze(article["text"]))
            if problems:
                failures.append((article["id"], problems[0]))
    assert failures == [], f"{len(failures)} articles: {failures[:5]}"


@pytest.mark.parametrize(
    "text",
    [
        "OTTAWA (Reuters) - The plan would work, the minister said.",
        "Home\nWorld\nPolitics\n\nBridge vote delayed\n\nBy Staff  | Published May 2, 2026\n\n"
        "HALIFAX (CP) — The council put off its vote, the mayor said.",
        "KYIV, Ukraine (AP) — Sirens sounded overnight.\n\nTrending Stories",
    ],
)
def test_a_dateline_is_no_claim_and_a_pasted_page_is_covered(analyzer: Analyzer, text: str) -> None:
    analysis = analyzer.analyze(text)
    assert uncovered(text, analysis) == []
    dateline = analysis.article.dateline
    assert dateline is not None
    assert not any(c.start < dateline.end and dateline.start < c.end for c in analysis.claims)
