"""Shared test set-up: hypothesis profiles and the fixtures every module may ask for.

Profiles: ``default`` (quick, for every run) and ``thorough`` (for a long run before a
release): ``pytest --hypothesis-profile thorough``.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, settings

from attribution import Analysis, Analyzer
from helpers import KRAMATORSK, shared_analyzer

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


@pytest.fixture(scope="session")
def analyzer() -> Analyzer:
    """The default Analyzer, shared by the whole session (loading is slow)."""
    return shared_analyzer()


@pytest.fixture(scope="session")
def seed_text() -> str:
    return KRAMATORSK


@pytest.fixture(scope="session")
def seed() -> Analysis:
    """The reference article's analysis."""
    return shared_analyzer().analyze(KRAMATORSK)
