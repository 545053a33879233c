"""Overlap queries over spans."""

from __future__ import annotations

import pytest

from attribution.stages.intervals import Intervals


@pytest.mark.parametrize(
    ("spans", "query", "expected"),
    [
        ([], (0, 5), False),
        ([(0, 5)], (5, 9), False),
        ([(0, 5)], (4, 9), True),
        ([(10, 20)], (0, 10), False),
        ([(10, 20)], (12, 13), True),
        ([(0, 100), (10, 12)], (50, 60), True),
        ([(0, 3), (10, 12)], (4, 9), False),
    ],
)
def test_overlaps(spans: list[tuple[int, int]], query: tuple[int, int], expected: bool) -> None:
    assert Intervals(spans).overlaps(query) is expected
