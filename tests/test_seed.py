"""The reference article: every row a careful reader expects, reproduced."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from attribution import Analysis
from helpers import assert_offsets_hold

DATA = Path(__file__).parent / "data"
EXPECTED = json.loads((DATA / "kramatorsk.expected.json").read_text(encoding="utf-8"))


def _matches(pattern: str, analysis: Analysis, source_id: str) -> bool:
    source = analysis.source(source_id)
    return any(re.search(pattern, name, re.I) for name in [source.name, *source.aliases])


def _claim_with(analysis: Analysis, phrase: str):
    found = [c for c in analysis.claims if phrase in c.text]
    assert len(found) == 1, f"{phrase!r} is in {len(found)} claims: {[c.text for c in found]}"
    return found[0]


@pytest.mark.parametrize("row", EXPECTED["claims"], ids=lambda row: row["phrase"])
def test_claim_row(seed: Analysis, row: dict) -> None:
    claim = _claim_with(seed, row["phrase"])
    assert len(claim.chain) == len(row["chain"]), seed.chain_names(claim)
    for pattern, source_id in zip(row["chain"], claim.chain, strict=True):
        assert _matches(pattern, seed, source_id), (pattern, seed.chain_names(claim))
    for key in ("channel", "kind", "inferred"):
        if key in row:
            assert getattr(claim, key) == row[key], (key, claim)


@pytest.mark.parametrize("pattern", EXPECTED["sources"]["one_each"])
def test_one_source_each(seed: Analysis, pattern: str) -> None:
    named = [s.id for s in seed.sources if _matches(pattern, seed, s.id)]
    assert len(named) == 1, (pattern, named)


def test_publisher_is_ani(seed: Analysis) -> None:
    assert seed.source(seed.publisher).name == EXPECTED["publisher"]
    assert seed.article.place == "Kyiv"


def test_pronouns_are_never_sources(seed: Analysis) -> None:
    assert not any(s.name.lower() in {"he", "she", "they", "it"} for s in seed.sources)


def test_offsets_are_sacred(seed: Analysis, seed_text: str) -> None:
    assert_offsets_hold(seed_text, seed)
