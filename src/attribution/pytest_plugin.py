"""The pytest plugin: every ``*.rules.yaml`` file on pytest's paths is a file of tests.

Registered under the ``pytest11`` entry point, it turns each example of a rule file into
one test, so a team's rule file is tested the same way the built-in rules are::

    pytest newsdesk.rules.yaml

A file under test is applied as an extension of the default rules, so it need only hold
its own additions. This is the only module of the package that imports pytest; nothing
the library or the command line imports depends on it.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from .errors import RuleFileError
from .rules.loader import load_extension, load_rule_file
from .rules.model import Example
from .testing import AnalyzerPool, ExampleResult, check_example, example_cases

_POOL = pytest.StashKey[AnalyzerPool]()


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
        analysis = analyzer.analyze(self.example.text)
        result = ExampleResult(
            self.name, self.example, check_example(analysis, self.example), analysis
        )
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
