"""Limits that keep the analysis linear in time and bounded in memory on any input.

A service that analyses text from the web will be sent hostile text. Three settings
bound what one document can cost; each is an ``Analyzer`` argument, and an analysis that
hits a limit says so in its ``warnings`` (the time budget ends it with an error instead):

* ``max_cues_per_sentence`` (:data:`MAX_CUES_PER_SENTENCE`): linking reads the parse
  around each cue, and a cue's clause can hold the rest of its sentence, so a sentence
  made of cues ("he said he said ...") would cost the square of its length. News
  sentences hold a handful of cues; beyond the limit, a sentence's later cues are not
  linked.
* ``max_chunk_chars`` (:data:`CHUNK_CHARS`): spaCy's parser needs memory in proportion
  to what it is given (about 3 GB for its 1,000,000-character ``max_length``), so a
  longer text is parsed in chunks of at most this many characters (see
  :mod:`.chunking`). Peak memory is then one chunk's parse plus the whole document's
  tokens and analysis: about 0.5 GB at 1 MB of text and 0.9 GB at 5 MB.
* ``timeout`` (seconds, default none): a budget per document. The analysis checks it
  between chunks, between pipeline components and stages, and inside the linking loop,
  and raises :class:`~attribution.errors.AnalysisTimeout` once it is spent; one chunk's
  parse (C code, bounded by the chunk size) is the longest step it cannot interrupt.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import NamedTuple

from .errors import AnalysisTimeout

#: Cue words linked per sentence; later ones in a sentence with more are left unlinked.
MAX_CUES_PER_SENTENCE = 24
#: Longest text parsed in one piece; the parser's memory grows with it.
CHUNK_CHARS = 100_000

#: The document metadata key that carries an Analyzer's cue limit to the flow.
LIMIT_KEY = "_max_cues_per_sentence"

CUES_DROPPED = (
    "{sentences} sentence(s) held more than {limit} cue words (max_cues_per_sentence); "
    "{dropped} later cue word(s) in them were not linked"
)


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
