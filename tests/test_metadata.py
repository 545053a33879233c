"""Article metadata at the door: converted where it converts cleanly, refused by name."""

from __future__ import annotations

import datetime
from typing import Any

import pytest

from attribution.metadata import check_metadata


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        (
            {"id": "kyiv-1", "title": "Strikes hit the east"},
            {"id": "kyiv-1", "title": "Strikes hit the east"},
        ),
        ({"id": 42}, {"id": "42"}),
        ({"id": -3}, {"id": "-3"}),
        ({"published": datetime.date(2023, 2, 2)}, {"published": "2023-02-02"}),
        (
            {"published": datetime.datetime(2023, 2, 2, 8, 15, tzinfo=datetime.UTC)},
            {"published": "2023-02-02T08:15:00+00:00"},
        ),
        ({"publisher": None, "url": None}, {}),
    ],
)
def test_what_converts(given: dict[str, Any], expected: dict[str, Any]) -> None:
    assert check_metadata(given) == expected


@pytest.mark.parametrize(
    ("given", "error", "message"),
    [
        ({"id": False}, TypeError, "metadata field 'id' must be a str or an int, not bool"),
        ({"publisher": 7}, TypeError, "metadata field 'publisher' must be a str, not int"),
        ({"url": b"http://x"}, TypeError, "metadata field 'url' must be a str, not bytes"),
        ({"title": {"a": 1}}, TypeError, "metadata field 'title' must be a str, not dict"),
        (
            {"published": 1.5},
            TypeError,
            "metadata field 'published' must be a str, a date or a datetime, not float",
        ),
        (
            {"publisher": "Agence \udcff"},
            ValueError,
            "metadata field 'publisher' holds a lone surrogate (U+DCFF), which is not "
            "Unicode text (a non-UTF-8 byte?)",
        ),
        (
            {"pubisher": "Reuters"},
            TypeError,
            "unknown article metadata 'pubisher'; "
            "the known fields are id, title, publisher, url, published",
        ),
        (
            {"warnings": ["x"], "other": 1},
            TypeError,
            "unknown article metadata 'other', 'warnings'; "
            "the known fields are id, title, publisher, url, published",
        ),
    ],
)
def test_what_does_not(given: dict[str, Any], error: type[Exception], message: str) -> None:
    with pytest.raises(error) as raised:
        check_metadata(given)
    assert str(raised.value) == message


def test_the_callers_mapping_is_left_alone() -> None:
    given = {"id": 5, "publisher": None}
    check_metadata(given)
    assert given == {"id": 5, "publisher": None}
