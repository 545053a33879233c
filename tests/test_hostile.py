"""Hostile input at small sizes: the analysis stays total and true, and its work linear.

The adversarial families are the benchmark's own (``benchmarks/hostile_families.py``).
Every generated text must analyse without error, with every offset true, the same
twice. Growth is caught by counting work, never by timing: the tokens that linking
reads through :func:`attribution.stages.syntax.subtree` (the reading of a cue's clause), which
must grow at most linearly when the text doubles.
"""

from __future__ import annotations

import importlib
import importlib.util
import pkgutil
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.tokens import Token

from attribution import Analyzer
from attribution.stages import links, syntax
from helpers import assert_consistent

_PATH = Path(__file__).resolve().parent.parent / "benchmarks" / "hostile_families.py"
_SPEC = importlib.util.spec_from_file_location("hostile_families", _PATH)
assert _SPEC is not None and _SPEC.loader is not None
hostile_families = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(hostile_families)
FAMILIES: dict[str, Callable[[int], str]] = hostile_families.FAMILIES

#: Families whose cues crowd one sentence, where linking could grow with its square.
CROWDED = ["repeated cues", "said that", "relay chain"]


@pytest.fixture(scope="module")
def crowded(analyzer: Analyzer) -> Analyzer:
    """The shared pipeline with a low cue limit, so that small texts reach it."""
    return Analyzer(nlp=analyzer.nlp, max_cues_per_sentence=4)


@settings(max_examples=25)
@given(name=st.sampled_from(sorted(FAMILIES)), size=st.integers(min_value=1, max_value=700))
def test_every_family_is_total_and_true(analyzer: Analyzer, name: str, size: int) -> None:
    text = FAMILIES[name](size)
    first = analyzer.analyze(text)
    assert_consistent(text, first)
    assert analyzer.analyze(text).model_dump_json() == first.model_dump_json()


@settings(max_examples=10)
@given(name=st.sampled_from(sorted(FAMILIES)), size=st.integers(min_value=200, max_value=900))
def test_every_family_is_total_and_true_in_chunks(analyzer: Analyzer, name: str, size: int) -> None:
    chunked = Analyzer(nlp=analyzer.nlp, max_chunk_chars=150)
    text = FAMILIES[name](size)
    assert_consistent(text, chunked.analyze(text))


@pytest.fixture
def subtree_reads(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int]]:
    """Counts the tokens that linking reads through ``subtree`` while the test runs."""
    counted: list[int] = [0]
    original = syntax.subtree

    def counting(token: Token) -> list[Token]:
        found = original(token)
        counted[0] += len(found)
        return found

    for module in _links_modules():
        if getattr(module, "subtree", None) is original:
            monkeypatch.setattr(module, "subtree", counting)
    yield counted


def _links_modules() -> list[ModuleType]:
    """Every module of the links package, each with its own name for ``subtree``."""
    names = [info.name for info in pkgutil.iter_modules(links.__path__)]
    return [links, *(importlib.import_module(f"{links.__name__}.{n}") for n in names)]


def _reads(analyzer: Analyzer, counted: list[int], text: str) -> int:
    counted[0] = 0
    analyzer.analyze(text)
    return counted[0]


@pytest.mark.parametrize("name", CROWDED)
def test_linking_work_grows_linearly(
    crowded: Analyzer, subtree_reads: list[int], name: str
) -> None:
    small = _reads(crowded, subtree_reads, FAMILIES[name](600))
    double = _reads(crowded, subtree_reads, FAMILIES[name](1200))
    assert small > 0
    assert double <= 2.5 * small + 50, (small, double)


@pytest.mark.parametrize("name", CROWDED)
def test_crowded_sentences_carry_a_warning(crowded: Analyzer, name: str) -> None:
    analysis = crowded.analyze(FAMILIES[name](600))
    assert any("max_cues_per_sentence" in warning for warning in analysis.warnings)
    assert len(analysis.attributions) <= 2 * 4  # a cue and its relay's outer link at most


@pytest.mark.parametrize(
    "text",
    [
        "The mayor said the bridge was safe.",
        "“We are ready,” the engineer told Reuters, citing two inspectors.",
        "Officials said the water was clean, according to the ministry.",
    ],
)
def test_ordinary_sentences_stay_under_the_limit(analyzer: Analyzer, text: str) -> None:
    assert not any("max_cues_per_sentence" in w for w in analyzer.analyze(text).warnings)
