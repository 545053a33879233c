"""Every example of the default rules, as one test each.

The examples in ``src/attribution/rules/data/*.rules.yaml`` are the rule set's tests;
this table runs them in the project's own suite (``attribution rules test`` and the
pytest plugin run the same checks). An example with a ``known_failure`` note is a
strict expected failure: once the linker gets it right, the note must go.
"""

from __future__ import annotations

import pytest

from attribution import default_rules
from attribution.rules import Example
from attribution.testing import AnalyzerPool, check_example, example_cases, format_failure


def _params() -> list:
    return [
        pytest.param(
            example,
            id=label,
            marks=[pytest.mark.xfail(strict=True, reason=example.known_failure)]
            if example.known_failure
            else [],
        )
        for label, example in example_cases(default_rules())
    ]


@pytest.fixture(scope="session")
def pool() -> AnalyzerPool:
    """One Analyzer per scope for the whole session: loading spaCy takes seconds."""
    return AnalyzerPool()


@pytest.mark.parametrize("example", _params())
def test_default_example(example: Example, pool: AnalyzerPool, request: pytest.FixtureRequest):
    analysis = pool.get("default", default_rules(), example.scope).analyze(example.text)
    mismatches = check_example(analysis, example)
    label = request.node.callspec.id
    assert not mismatches, format_failure(label, example, mismatches, analysis)
