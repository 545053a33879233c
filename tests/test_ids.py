"""Stable, readable ids."""

from __future__ import annotations

import pytest

from attribution.stages.ids import slug, text_key


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("CNN", "cnn"),
        ("Volodymyr Zelensky", "volodymyr-zelensky"),
        ("State Emergency Service of Ukraine", "state-emergency-service-of-ukraine"),
        ("Russia's defence ministry", "russia-s-defence-ministry"),
        ("Хорунжий", "хорунжий"),
    ],
)
def test_slug(name: str, expected: str) -> None:
    assert slug(name) == expected


def test_slug_of_punctuation_is_a_stable_hash() -> None:
    assert slug("!!!") == slug("!!!") != slug("???")
    assert len(slug("!!!")) == 10


def test_text_key_is_stable_and_short() -> None:
    assert text_key("abc") == text_key("abc") != text_key("abd")
    assert len(text_key("abc")) == 12
