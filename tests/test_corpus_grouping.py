"""Grouping claims: MinHash LSH finds candidates, rapidfuzz confirms; never all pairs."""

from __future__ import annotations

import hashlib

import pytest

from attribution.corpus import grouping
from attribution.corpus.grouping import Item, buckets, group, same_fact, signatures
from attribution.corpus.numbers import content, normalise
from attribution.corpus.words import default_words

WORDS = default_words()


def item(text: str) -> Item:
    norm = normalise(text, WORDS)
    masked = content(norm.masked, WORDS)
    return Item(frozenset(masked), " ".join(masked), " ".join(norm.words))


@pytest.mark.parametrize(
    ("first", "second", "same"),
    [
        (
            "A landslide near Orvik killed three people",
            "A landslide near Orvik killed 5 people",
            True,  # one fact, two figures
        ),
        (
            "Floods in Miraval killed 3 people and forced 2,000 from their homes",
            "3 people were killed and 2,000 forced from their homes by floods in Miraval",
            True,  # reordered wire copy
        ),
        ("Three people were injured in the crash", "Three people were killed in the crash", False),
        ("The bridge will reopen on Friday", "The market will stay closed until Sunday", False),
        ("We will not raise the fuel tax this year", "We will not be raising the fuel tax", True),
    ],
)
def test_same_fact(first: str, second: str, same: bool) -> None:
    assert same_fact(item(first), item(second)) is same


def test_signatures_are_stable_and_equal_for_equal_sets() -> None:
    sets = [frozenset({"ferry", "sank", "halden"}), frozenset({"halden", "ferry", "sank"})]
    sigs = signatures(sets)
    assert (sigs[0] == sigs[1]).all()
    assert (signatures(sets) == sigs).all()


def test_copies_land_in_one_group_among_unrelated_claims() -> None:
    def word(i: int, salt: int) -> str:
        digest = hashlib.sha1(f"{i}-{salt}".encode()).hexdigest()
        return "".join(chr(ord("a") + int(c, 16)) for c in digest[:8])

    unrelated = [item(f"{word(i, 1)} {word(i, 2)} {word(i, 3)} {word(i, 4)}") for i in range(300)]
    copy = "A passenger ferry sank off Halden killing four people"
    items = [*unrelated[:100], item(copy), *unrelated[100:200], item(copy), *unrelated[200:]]
    groups = group(items, lambda i, j: False)
    assert groups.facts[100] == groups.facts[201]
    assert len(set(groups.facts)) == len(items) - 1


def test_comparisons_stay_bounded_in_a_crowded_bucket(monkeypatch: pytest.MonkeyPatch) -> None:
    """A thousand copies are joined by comparing each with a leader, not with each other."""
    calls = 0
    real = grouping.same_fact

    def counting(a: Item, b: Item) -> bool:
        nonlocal calls
        calls += 1
        return real(a, b)

    monkeypatch.setattr(grouping, "same_fact", counting)
    items = [item("Officials said the road would reopen on Monday")] * 1000
    groups = group(items, lambda i, j: False)
    assert len(set(groups.facts)) == 1
    assert calls < 1000


def test_buckets_hold_only_claims_that_share_a_band() -> None:
    sets = [frozenset({"a", "b"}), frozenset({"a", "b"}), frozenset({"x", "y"})]
    sigs = signatures(sets)
    import numpy as np

    runs = [run.tolist() for run in buckets(sigs, np.arange(3))]
    assert runs and all(run == [0, 1] for run in runs)
