"""Assertions shared by the test modules."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from attribution import Analysis, Analyzer


def reported_spans(analysis: Analysis):
    """Every (start, end, text) the analysis reports, wherever it sits in the model."""
    for source in analysis.sources:
        for span in source.mentions:
            yield span.start, span.end, span.text
    for attribution in analysis.attributions:
        for span in (attribution.source, attribution.cue, attribution.content, attribution.channel):
            if span is not None:
                yield span.start, span.end, span.text
    for claim in analysis.claims:
        yield claim.start, claim.end, claim.text
    for span in (analysis.article.headline, analysis.article.dateline):
        if span is not None:
            yield span.start, span.end, span.text


def assert_offsets_hold(text: str, analysis: Analysis) -> None:
    """Offsets are sacred: every reported span is exactly the text at its offsets."""
    for start, end, span_text in reported_spans(analysis):
        assert 0 <= start <= end <= len(text), (start, end, len(text))
        assert text[start:end] == span_text, (start, end, span_text)


DATA = Path(__file__).parent / "data"


@cache
def shared_analyzer(scope: str = "speech") -> Analyzer:
    """One Analyzer per scope for the whole run: loading spaCy takes seconds."""
    return Analyzer(scope=scope)


@pytest.fixture
def analyzer() -> Analyzer:
    return shared_analyzer()


@pytest.fixture
def seed_text() -> str:
    return (DATA / "kramatorsk.txt").read_text(encoding="utf-8")


@pytest.fixture
def seed(seed_text: str) -> Analysis:
    return _seed_analysis(seed_text)


@cache
def _seed_analysis(text: str) -> Analysis:
    return shared_analyzer().analyze(text)
