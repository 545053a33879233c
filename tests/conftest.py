"""Shared test set-up: hypothesis profiles, one Analyzer, and the invariants every analysis keeps.

Profiles: ``default`` (quick, for every run) and ``thorough`` (for a long run before a
release): ``pytest --hypothesis-profile thorough``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from attribution import Analysis, Analyzer

settings.register_profile(
    "default",
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "thorough",
    max_examples=500,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile("default")


def pytest_configure(config: pytest.Config) -> None:
    """Load the profile named by ``--hypothesis-profile`` (hypothesis' own option)."""
    try:
        chosen = config.getoption("--hypothesis-profile")
    except ValueError:  # hypothesis' plugin not loaded
        chosen = None
    settings.load_profile(chosen or "default")


DATA = Path(__file__).parent / "data"
KRAMATORSK = (DATA / "kramatorsk.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def analyzer() -> Analyzer:
    """One Analyzer with the default model and rules for the whole session (loading is slow)."""
    return Analyzer()


def spans_of(analysis: Analysis):
    """Every span an analysis reports, with a name saying where it came from."""
    article = analysis.article
    for name, span in (("headline", article.headline), ("dateline", article.dateline)):
        if span is not None:
            yield name, span
    for source in analysis.sources:
        for mention in source.mentions:
            yield f"source {source.id} mention", mention
    for attribution in analysis.attributions:
        for part in ("source", "cue", "content", "channel"):
            span = getattr(attribution, part)
            if span is not None:
                yield f"attribution {attribution.id} {part}", span


def assert_consistent(text: str, analysis: Analysis) -> None:
    """Offsets index the caller's text, claims are ordered and disjoint, JSON round-trips."""
    for name, span in spans_of(analysis):
        assert 0 <= span.start <= span.end <= len(text), (name, span)
        assert text[span.start : span.end] == span.text, (name, span)
    previous_end = 0
    for claim in analysis.claims:
        assert 0 <= claim.start < claim.end <= len(text), claim
        assert text[claim.start : claim.end] == claim.text, claim
        assert previous_end <= claim.start, f"claim {claim.id} overlaps the one before it"
        previous_end = claim.end
    assert [c.id for c in analysis.claims] == [f"c{i}" for i in range(1, len(analysis.claims) + 1)]
    assert [a.id for a in analysis.attributions] == [
        f"a{i}" for i in range(1, len(analysis.attributions) + 1)
    ]
    known = {source.id for source in analysis.sources}
    for claim in analysis.claims:
        assert set(claim.chain) <= known, claim
    assert Analysis.model_validate_json(analysis.model_dump_json()) == analysis
