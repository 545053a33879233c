"""The pytest plugin: every ``*.rules.yaml`` file on pytest's paths is a file of tests.

Registered under the ``pytest11`` entry point, it turns each example of a rule file into
one test, so a team's rule file is tested the same way the built-in rules are::

    pytest newsdesk.rules.yaml

A file under test is applied as an extension of the default rules, so it need only hold
its own additions. Each example gets at most ``attribution_time_limit`` seconds (an ini
option; default :data:`~attribution.limits.EXAMPLE_TIME_LIMIT`, 0 for none), and fails
with a message saying so when it takes longer. This is the only module of the package
that imports pytest; nothing the library or the command line imports depends on it.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from .errors import RuleFileError
from .limits import EXAMPLE_TIME_LIMIT
from .rules.loader import load_extension, load_rule_file
from .rules.model import Example
from .testing import AnalyzerPool, example_cases, run_example

_POOL = pytest.StashKey[AnalyzerPool]()
_TIME_LIMIT = "attribution_time_limit"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addini(
        _TIME_LIMIT,
        f"Seconds one rule-file example may take (default {EXAMPLE_TIME_LIMIT:g}; 0: none).",
        default=str(EXAMPLE_TIME_LIMIT),
    )


def _time_limit(config: pytest.Config) -> float:
    value = config.getini(_TIME_LIMIT)
    try:
        return float(value)
    except (TypeError, ValueError):
        problem = f"{_TIME_LIMIT} must be a number of seconds, not {value!r}"
        raise pytest.UsageError(problem) from None


def _pool(config: pytest.Config) -> AnalyzerPool:
    if _POOL not in config.stash:
        config.stash[_POOL] = AnalyzerPool()
    return config.stash[_POOL]


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    """Collect every ``*.rules.yaml`` file on the test paths as a file of examples."""
    if file_path.name.endswith(".rules.yaml"):
        return RuleFile.from_parent(parent, path=file_path)
    return None


class ExampleFailed(AssertionError):
    """An example the analysis does not satisfy; its message is the whole report."""


class RuleFile(pytest.File):
    """A rule file: one test per example, run against the default rules extended by it."""

    def collect(self) -> Iterator[ExampleItem]:
        try:
            own = load_rule_file(self.path)
            self.rules = load_extension(self.path)
        except RuleFileError as exc:
            raise self.CollectError(str(exc)) from None
        for name, example in example_cases(own):
            yield ExampleItem.from_parent(self, name=name, example=example)


class ExampleItem(pytest.Item):
    """One example of a rule file."""

    def __init__(self, *, example: Example, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.example = example

    def runtest(self) -> None:
        parent = self.parent
        assert isinstance(parent, RuleFile)
        analyzer = _pool(self.config).get(str(self.path), parent.rules, self.example.scope)
        result = run_example(analyzer, self.name, self.example, _time_limit(self.config))
        if result.outcome == "known failure":
            pytest.xfail(f"known failure: {self.example.known_failure}")
        if not result.ok:
            raise ExampleFailed(result.report())

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style=None) -> str:
        if isinstance(excinfo.value, ExampleFailed):
            return str(excinfo.value)
        return super().repr_failure(excinfo, style=style)

    def reportinfo(self) -> tuple[Path, int | None, str]:
        line = self.example.line - 1 if self.example.line else None
        return self.path, line, f"{self.path.name}:{self.example.line} {self.name}"
