"""Chunk planning: where to cut a text too long to parse in one piece.

spaCy's parser needs memory in proportion to the text it is given (``nlp.max_length``
guards it), so a longer text is parsed piece by piece and the parsed pieces are joined
again. A cut must not separate a cue from its quote or a quote from its own paragraphs,
so cuts fall, best first, at:

1. a paragraph break outside every quotation span (quotes from the marks alone, which a
   multi-paragraph quote spans whole);
2. a sentence end outside every quotation span, when one paragraph is too long;
3. a paragraph break, then a sentence end, inside a quote longer than the limit;
4. any whitespace;
5. the limit itself (a hard cut), in text with no whitespace at all.

A cut sits at the first non-space character after the break, so each chunk keeps its
trailing whitespace and the next starts with text. Planning is one linear pass plus a
binary search per chunk; it never looks at the parse.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

from .stages.parts import Quote

#: Characters that break a line (``str.splitlines`` counts the same ones).
LINE_BREAKS = frozenset("\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
#: Sentence-final punctuation, optionally followed by closing quotes or brackets.
_SENTENCE_END_RE = re.compile(r"[.!?…。！？][\"'”’»›)\]]*\Z")
_WHITESPACE_RE = re.compile(r"\s+")
#: How far back from a whitespace run to look for the sentence-final mark.
_SENTENCE_LOOKBACK = 8

# Cut kinds, best first; each is tried outside quotes before inside (see the docstring).
PARAGRAPH, SENTENCE, SPACE = 0, 1, 2


def plan_chunks(
    text: str, max_chars: int, quotes: Sequence[Quote] | None = None
) -> list[tuple[int, int]]:
    """Consecutive (start, end) ranges that cover ``text``, each at most ``max_chars`` long.

    ``quotes`` are the text's quotation spans, sorted and non-overlapping (as
    :func:`attribution.quotes.find_quotes` gives them); without them no cut counts as
    inside a quote. An empty text gives no chunks.
    """
    if max_chars < 1:
        raise ValueError(f"max_chars must be at least 1, not {max_chars}")
    n = len(text)
    if n <= max_chars:
        return [(0, n)] if n else []
    tiers = _candidate_cuts(text, quotes or ())
    chunks: list[tuple[int, int]] = []
    start = 0
    while n - start > max_chars:
        end = _best_cut(tiers, start, start + max_chars)
        chunks.append((start, end))
        start = end
    chunks.append((start, n))
    return chunks


def _candidate_cuts(text: str, quotes: Sequence[Quote]) -> list[list[int]]:
    """Cut positions by preference tier, each list ascending.

    Tiers: paragraph outside quotes, sentence outside quotes, paragraph inside a quote,
    sentence inside a quote, any whitespace.
    """
    tiers: list[list[int]] = [[] for _ in range(5)]
    n = len(text)
    q = 0
    for match in _WHITESPACE_RE.finditer(text):
        cut = match.end()
        if cut >= n or match.start() == 0:
            continue
        while q < len(quotes) and quotes[q].end <= cut:
            q += 1
        inside = q < len(quotes) and quotes[q].start < cut
        kind = _kind(text, match.start(), match.group())
        if kind == PARAGRAPH:
            tiers[2 if inside else 0].append(cut)
        elif kind == SENTENCE:
            tiers[3 if inside else 1].append(cut)
        tiers[4].append(cut)
    return tiers


def _kind(text: str, start: int, space: str) -> int:
    """Whether a whitespace run at ``start`` breaks a paragraph, ends a sentence, or neither."""
    if any(ch in LINE_BREAKS for ch in space):
        return PARAGRAPH
    if _SENTENCE_END_RE.search(text, max(0, start - _SENTENCE_LOOKBACK), start):
        return SENTENCE
    return SPACE


def _best_cut(tiers: list[list[int]], start: int, limit: int) -> int:
    """The last cut in (start, limit] of the best tier that has one, else ``limit``."""
    for cuts in tiers:
        i = bisect_right(cuts, limit) - 1
        if i >= 0 and cuts[i] > start:
            return cuts[i]
    return limit


def is_paragraph_cut(text: str, offset: int) -> bool:
    """True when ``offset`` is the text's start or end, or follows a line break run."""
    if offset <= 0 or offset >= len(text):
        return True
    i = offset
    while i > 0 and text[i - 1].isspace():
        i -= 1
        if text[i] in LINE_BREAKS:
            return True
    return False
