"""Rule examples as tests: the matching rules and a runner.

Every rule entry may carry examples; an example is a sentence and the attribution a
reader expects from it. :func:`check_example` defines when an analysis satisfies an
example, and :func:`run_examples` checks many. ``attribution rules test`` and the pytest
plugin (:mod:`attribution.pytest_plugin`) both run examples through here. This module
needs no test tools: the command line imports it on a machine without pytest.

Analyzers are built once per (rule file, scope) and reused, because loading a spaCy
pipeline takes seconds. Each example gets at most
:data:`~attribution.limits.EXAMPLE_TIME_LIMIT` seconds (where a timer signal can be set:
the main thread of a POSIX process); one that takes longer fails with a message saying so.
"""

from __future__ import annotations

import contextlib
import os
import signal
import string
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from .analyzer import Analyzer
from .limits import EXAMPLE_TIME_LIMIT
from .models import Analysis, Attribution, Claim
from .rules.model import Example, RuleSet, Scope

__all__ = [
    "Alarm",
    "AnalyzerPool",
    "ExampleResult",
    "ExampleTimeout",
    "check_example",
    "describe_attributions",
    "example_cases",
    "example_location",
    "format_failure",
    "run_example",
    "run_examples",
    "time_limit",
]

TIMED_OUT = (
    "the analysis took longer than {seconds:g} s, the time limit for one example; "
    "shorten the example's text"
)

_TRIM = string.punctuation + string.whitespace + "“”‘’«»—–…"


# -- matching ---------------------------------------------------------------------------


def _norm(text: str) -> str:
    """Case and spacing do not matter when comparing names and cue words."""
    return " ".join(text.casefold().split())


def _bare(text: str) -> str:
    """Content compared without the quote marks and commas that surround it."""
    return " ".join(text.split()).strip(_TRIM)


def _source_names(analysis: Analysis, source_id: str | None) -> list[str]:
    if source_id is None:
        return []
    try:
        source = analysis.source(source_id)
    except KeyError:
        return []
    return [source.name, *source.aliases]


def _overlaps(claim: Claim, content: str) -> bool:
    """The claim holds the content, or (a quote split into sentences) lies inside it."""
    claim_text, wanted = _bare(claim.text), _bare(content)
    return bool(claim_text) and (wanted in claim_text or claim_text in wanted)


def _claims_for(analysis: Analysis, attribution: Attribution, content: str | None) -> list[Claim]:
    """The claims an example's chain or channel is read from."""
    if content is not None:
        return [claim for claim in analysis.claims if _overlaps(claim, content)]
    return [claim for claim in analysis.claims if attribution.id in claim.attribution_ids]


def _chain_names(analysis: Analysis, claim: Claim) -> list[list[str]]:
    """Each source after the publisher, as its name and aliases."""
    return [_source_names(analysis, source_id) for source_id in claim.chain[1:]]


def _chain_matches(analysis: Analysis, claim: Claim, expected: list[str]) -> bool:
    actual = _chain_names(analysis, claim)
    return len(actual) == len(expected) and all(
        any(_norm(want) in _norm(name) for name in names)
        for want, names in zip(expected, actual, strict=True)
    )


def _cue_matches(analysis: Analysis, attribution: Attribution, example: Example) -> bool:
    cue = attribution.cue
    return cue is not None and _norm(cue.text) == _norm(example.cue or "")


def _source_matches(analysis: Analysis, attribution: Attribution, example: Example) -> bool:
    texts = _source_names(analysis, attribution.source_id)[:1]  # the name, not aliases
    if attribution.source is not None:
        texts.append(attribution.source.text)
    return any(_norm(example.source or "") in _norm(text) for text in texts)


def _content_matches(analysis: Analysis, attribution: Attribution, example: Example) -> bool:
    return _bare(example.content or "") in _bare(attribution.content.text)


def _kind_matches(analysis: Analysis, attribution: Attribution, example: Example) -> bool:
    return attribution.kind == example.kind


def _stance_matches(analysis: Analysis, attribution: Attribution, example: Example) -> bool:
    return attribution.stance == example.stance


def _channel_matches(analysis: Analysis, attribution: Attribution, example: Example) -> bool:
    claims = _claims_for(analysis, attribution, example.content)
    names = [attribution.channel_name, *(claim.channel for claim in claims)]
    return any(name is not None and _norm(name) == _norm(example.channel or "") for name in names)


def _chain_matches_example(analysis: Analysis, attribution: Attribution, example: Example) -> bool:
    claims = _claims_for(analysis, attribution, example.content)
    return any(_chain_matches(analysis, claim, example.chain or []) for claim in claims)


_MATCHERS: dict[str, Callable[[Analysis, Attribution, Example], bool]] = {
    "cue": _cue_matches,
    "source": _source_matches,
    "content": _content_matches,
    "kind": _kind_matches,
    "stance": _stance_matches,
    "channel": _channel_matches,
    "chain": _chain_matches_example,
}


def _actual(analysis: Analysis, attribution: Attribution, field: str) -> Any:
    """What the attribution has where the example asserted ``field``, for messages."""
    if field in ("cue", "content", "source"):
        span = getattr(attribution, field)
        return None if span is None else span.text
    if field in ("kind", "stance"):
        return getattr(attribution, field)
    if field == "channel":
        return attribution.channel_name
    claims = [c for c in analysis.claims if attribution.id in c.attribution_ids]
    return [names[0] for names in _chain_names(analysis, claims[0])] if claims else None


def _mismatches(analysis: Analysis, attribution: Attribution, example: Example) -> list[str]:
    return [
        f"{field}: expected {getattr(example, field)!r}, "
        f"got {_actual(analysis, attribution, field)!r}"
        for field in example.expectations()
        if not _MATCHERS[field](analysis, attribution, example)
    ]


def check_example(subject: Analysis | Analyzer, example: Example) -> list[str]:
    """The ways the analysis misses the example; empty when the example passes.

    An example passes when SOME attribution matches every field it gives:

    - ``cue`` equals the cue's text, ignoring case;
    - ``source`` equals, or is contained in, the source span's text or the resolved
      source's name, ignoring case;
    - ``content`` lies inside the attribution's content (or equals it, ignoring the
      punctuation around it);
    - ``kind`` equals the attribution's kind;
    - ``channel`` equals the attribution's channel name, or that of a claim holding
      the content;
    - ``chain`` (source names after the publisher, originator last) matches the chain of
      a claim holding the content: as long, and each expected name contained in the
      actual source's name or one of its aliases, ignoring case.

    ``expect_none`` passes only when there is no attribution at all. Given an Analyzer,
    the example's text is analysed with it: choose one at ``example.scope``. When no
    attribution matches, the messages are those of the closest one.
    """
    analysis = subject.analyze(example.text) if isinstance(subject, Analyzer) else subject
    found = analysis.attributions
    if example.expect_none:
        return [f"expected no attribution, found {len(found)}"] if found else []
    if not found:
        return ["expected an attribution, found none"]
    return min((_mismatches(analysis, a, example) for a in found), key=len)


# -- reporting --------------------------------------------------------------------------


def _describe(analysis: Analysis, attribution: Attribution) -> str:
    source = attribution.source.text if attribution.source is not None else "-"
    names = _source_names(analysis, attribution.source_id)
    if names and _norm(names[0]) != _norm(source):
        source = f"{source} (= {names[0]})"
    claims = [c for c in analysis.claims if attribution.id in c.attribution_ids]
    chain = " > ".join(n[0] for n in _chain_names(analysis, claims[0]) if n) if claims else ""
    return " | ".join(
        [
            source,
            attribution.cue.text if attribution.cue is not None else "-",
            " ".join(attribution.content.text.split()),
            chain or "-",
            attribution.channel_name or "-",
        ]
    )


def describe_attributions(analysis: Analysis) -> list[str]:
    """One compact line per attribution: source | cue | content | chain | channel."""
    return [_describe(analysis, attribution) for attribution in analysis.attributions]


def _expected(example: Example) -> str:
    if example.expect_none:
        return "no attribution"
    fields = [f"{f}={getattr(example, f)!r}" for f in example.expectations()]
    return ", ".join(fields) or "any attribution"


def example_location(example: Example) -> str:
    """file:line of the example, relative to the working directory where it is below it."""
    file = example.file or "<rules>"
    if os.path.isabs(file):
        with contextlib.suppress(ValueError):  # another drive on Windows
            relative = os.path.relpath(file)
            file = file if relative.startswith("..") else relative
    return f"{file}:{example.line}" if example.line else file


#: The most of an example's text a failure report shows.
SHOWN_CHARS = 300


def _shown(text: str) -> str:
    if len(text) <= SHOWN_CHARS:
        return text
    return f"{text[:SHOWN_CHARS]}… ({len(text)} characters)"


def format_failure(
    label: str, example: Example, mismatches: list[str], analysis: Analysis | None
) -> str:
    """The report for a failed example: where it is, what it wanted, what came out."""
    if analysis is None:  # it ran out of time
        actual = ["(not analysed to the end)"]
    else:
        actual = describe_attributions(analysis) or ["(none)"]
    return "\n".join(
        [
            f"{example_location(example)}: example {label} failed",
            f"  text:     {_shown(example.text)}",
            f"  expected: {_expected(example)} (scope {example.scope})",
            *(f"  mismatch: {m}" for m in mismatches),
            "  actual (source | cue | content | chain | channel):",
            *(f"    {line}" for line in actual),
        ]
    )


# -- running ----------------------------------------------------------------------------


#: What a new analyzer reads before the first timed example: a cue, a quote and a number.
_WARM_UP = '"The count rose by 12 percent," the agency said on Monday.'


class AnalyzerPool:
    """Analyzers by (rule set label, scope), each built once: loading spaCy takes seconds.

    Each is warmed with one short analysis before any example is timed, so that one-time
    costs (the first pass through the pipeline, lazily built matchers and readers) are
    not charged to whichever example happens to run first."""

    def __init__(self, model: str | None = None) -> None:
        self.model = model
        self._made: dict[tuple[str, Scope], Analyzer] = {}

    def get(self, label: str, rules: RuleSet, scope: Scope) -> Analyzer:
        key = (label, scope)
        if key not in self._made:
            analyzer = Analyzer(self.model, rules=rules, scope=scope)
            analyzer.analyze(_WARM_UP)
            self._made[key] = analyzer
        return self._made[key]


@dataclass(frozen=True, slots=True)
class ExampleResult:
    """One example's outcome, with the analysis it was checked against."""

    label: str
    example: Example
    mismatches: list[str]
    analysis: Analysis | None  # None when the example ran out of time

    @property
    def outcome(self) -> str:
        """passed, failed, known failure, or fixed (a known failure that now passes).
        Running out of time is a failure, never the known one."""
        if self.example.known_failure is None or self.analysis is None:
            return "failed" if self.mismatches else "passed"
        return "known failure" if self.mismatches else "fixed"

    @property
    def ok(self) -> bool:
        """Passed, or failed in the way its ``known_failure`` note says it does."""
        return self.outcome in ("passed", "known failure")

    def report(self) -> str:
        if self.outcome == "fixed":
            return (
                f"{example_location(self.example)}: example {self.label} passes now; "
                f"remove its known_failure note ({self.example.known_failure})"
            )
        return format_failure(self.label, self.example, self.mismatches, self.analysis)


def example_cases(rules: RuleSet) -> Iterator[tuple[str, Example]]:
    """Each example of the set with a stable label, ``section.key[index]``."""
    for section, key, index, example in rules.examples():
        yield f"{section}.{key}[{index}]", example


class ExampleTimeout(Exception):
    """An example's analysis ran past its time limit."""


#: After the limit, the alarm rings again this often (seconds) until the block ends: a
#: ring can be lost, as when it lands in a garbage-collector callback, whose exceptions
#: Python prints and drops.
_RING_AGAIN = 0.05


@dataclass
class Alarm:
    """The state of one time limit: ``rang`` once the limit has passed."""

    seconds: float
    active: bool = True
    rang: bool = False

    def ring(self, signum: int, frame: Any) -> None:
        self.rang = True
        if self.active:
            raise ExampleTimeout(TIMED_OUT.format(seconds=self.seconds))


@contextlib.contextmanager
def time_limit(seconds: float | None) -> Iterator[Alarm | None]:
    """Raise ExampleTimeout in the block after ``seconds`` (None or 0: no limit).

    A timer signal is the one way to stop pure-Python work from outside it; it reaches
    only the main thread, and Windows has none, so elsewhere the block runs unlimited
    (and the context gives None). A timer already set (pytest-timeout's, say) is left
    alone, and so is its limit.
    """
    usable = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not seconds or not usable or signal.getitimer(signal.ITIMER_REAL)[0]:
        yield None
        return
    alarm = Alarm(seconds)
    previous = signal.signal(signal.SIGALRM, alarm.ring)
    signal.setitimer(signal.ITIMER_REAL, seconds, _RING_AGAIN)
    try:
        yield alarm
    finally:
        while True:  # a ring between these lines must not leave the timer running
            try:
                alarm.active = False
                signal.setitimer(signal.ITIMER_REAL, 0)
                signal.signal(signal.SIGALRM, previous)
                break
            except ExampleTimeout:
                continue


def run_example(
    analyzer: Analyzer,
    name: str,
    example: Example,
    seconds: float | None = EXAMPLE_TIME_LIMIT,
) -> ExampleResult:
    """Analyse one example's text within the time limit and check the analysis."""
    try:
        with time_limit(seconds) as alarm:
            analysis = analyzer.analyze(example.text)
    except ExampleTimeout as exc:
        return ExampleResult(name, example, [str(exc)], None)
    if alarm is not None and alarm.rang:  # every ring was lost, but the time is up
        return ExampleResult(name, example, [TIMED_OUT.format(seconds=seconds)], None)
    return ExampleResult(name, example, check_example(analysis, example), analysis)


def run_examples(
    cases: Iterable[tuple[str, Example]],
    rules: RuleSet,
    pool: AnalyzerPool | None = None,
    label: str = "rules",
    seconds: float | None = EXAMPLE_TIME_LIMIT,
) -> list[ExampleResult]:
    """Check each example with an Analyzer using ``rules`` at the example's scope, each
    within ``seconds``."""
    pool = pool or AnalyzerPool()
    return [
        run_example(pool.get(label, rules, example.scope), name, example, seconds)
        for name, example in cases
    ]
