"""A time budget per document: ``timeout=`` on the API, ``--timeout`` on the command line.

The budget lives in a context variable, so that every step of one document's analysis
can check it without passing it along: the Analyzer checks it between chunks and between
pipeline components, the flow between stages, and linking at every cue. One chunk's
parse (C code, bounded by :data:`~attribution.limits.CHUNK_CHARS`) is the longest step
it cannot interrupt.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import NamedTuple

from .errors import AnalysisTimeout


class _Budget(NamedTuple):
    seconds: float
    deadline: float


_BUDGET: ContextVar[_Budget | None] = ContextVar("attribution_time_budget", default=None)


def check_timeout(value: object) -> float | None:
    """A valid timeout in seconds (a positive number), or None for no budget."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or not value > 0:
        raise ValueError(f"timeout must be a positive number of seconds, not {value!r}")
    return float(value)


@contextmanager
def time_budget(seconds: float | None) -> Iterator[None]:
    """Run the block under a budget of ``seconds`` (None: no budget of its own).

    An enclosing budget that ends sooner still applies.
    """
    if seconds is None:
        yield
        return
    outer = _BUDGET.get()
    budget = _Budget(seconds, time.monotonic() + seconds)
    if outer is not None and outer.deadline < budget.deadline:
        budget = outer
    token = _BUDGET.set(budget)
    try:
        yield
    finally:
        _BUDGET.reset(token)


def check_time() -> None:
    """Raise :class:`AnalysisTimeout` when the current document's budget is spent."""
    budget = _BUDGET.get()
    if budget is not None and time.monotonic() > budget.deadline:
        raise AnalysisTimeout(budget.seconds)
