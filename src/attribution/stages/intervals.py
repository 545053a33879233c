"""Overlap queries over character spans, so that no stage compares every pair."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable


class Intervals:
    """A fixed set of (start, end) spans; ``overlaps`` answers in O(log n)."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self.starts = [start for start, _ in ordered]
        self.max_end: list[int] = []
        for _, end in ordered:
            self.max_end.append(max(end, self.max_end[-1]) if self.max_end else end)

    def overlaps(self, span: tuple[int, int]) -> bool:
        """True if any stored span shares at least one character with ``span``."""
        k = bisect_left(self.starts, span[1])
        return k > 0 and self.max_end[k - 1] > span[0]
