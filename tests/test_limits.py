"""The limits that bound one document's cost: cue limit, time budget, their settings."""

from __future__ import annotations

import time
from typing import Any

import pytest

from attribution import AnalysisTimeout, Analyzer, flow
from attribution.language import load_language
from attribution.limits import check_time, check_timeout, time_budget

ARTICLE = (
    "The mayor said the bridge was safe. “We checked every beam,” the engineer told "
    "Reuters.\n\nOfficials said the road would open on Monday, according to the ministry."
)


@pytest.mark.parametrize("value", [0, -1, "5", True, float("nan")])
def test_a_timeout_must_be_a_positive_number(value: object) -> None:
    with pytest.raises(ValueError, match="timeout must be a positive number"):
        check_timeout(value)


@pytest.mark.parametrize("value, seconds", [(None, None), (5, 5.0), (0.25, 0.25)])
def test_valid_timeouts(value: object, seconds: float | None) -> None:
    assert check_timeout(value) == seconds


def test_a_spent_budget_raises_and_names_its_seconds() -> None:
    with time_budget(0.01), pytest.raises(AnalysisTimeout, match=r"time budget of 0\.01 s"):
        time.sleep(0.02)
        check_time()
    check_time()  # no budget outside the block


def test_an_inner_budget_cannot_outlast_the_outer_one() -> None:
    with time_budget(0.01), time_budget(60), pytest.raises(AnalysisTimeout):
        time.sleep(0.02)
        check_time()


@pytest.fixture
def slow_links(monkeypatch: pytest.MonkeyPatch) -> None:
    """Linking that takes a while on texts that ask for it, as a runaway stage would."""
    original = flow.find_links

    def slow(doc: Any, *args: Any) -> Any:
        if "RUNAWAY" in doc.text:
            time.sleep(0.5)
        return original(doc, *args)

    monkeypatch.setattr(flow, "find_links", slow)


def test_a_runaway_analysis_stops_with_a_clear_error(analyzer: Analyzer, slow_links: None) -> None:
    with pytest.raises(AnalysisTimeout, match=r"time budget of 0\.2 s"):
        analyzer.analyze("RUNAWAY. " + ARTICLE, timeout=0.2)


def test_the_analyzer_budget_applies_to_each_document(analyzer: Analyzer, slow_links: None) -> None:
    budgeted = Analyzer(nlp=analyzer.nlp, timeout=0.2)
    assert budgeted.analyze(ARTICLE).claims  # an ordinary article fits its budget
    with pytest.raises(AnalysisTimeout):
        budgeted.analyze("RUNAWAY. " + ARTICLE)
    assert budgeted.analyze("RUNAWAY. " + ARTICLE, timeout=30).claims  # per-call override


def test_a_budget_gives_the_same_analyses(analyzer: Analyzer) -> None:
    texts = [ARTICLE, "", "He said so.", ARTICLE.upper()]
    plain = [a.model_dump_json() for a in analyzer.pipe(texts)]
    budgeted = [a.model_dump_json() for a in analyzer.pipe(texts, timeout=60)]
    assert budgeted == plain


def test_a_budget_covers_chunked_texts(analyzer: Analyzer, slow_links: None) -> None:
    chunked = Analyzer(nlp=analyzer.nlp, max_chunk_chars=60)
    with pytest.raises(AnalysisTimeout):
        chunked.analyze("RUNAWAY.\n\n" + ARTICLE, timeout=0.2)


@pytest.mark.parametrize("value", [0, -3, 2.5, "24", True])
def test_the_cue_limit_must_be_a_positive_int(analyzer: Analyzer, value: object) -> None:
    with pytest.raises(ValueError, match="max_cues_per_sentence must be a positive int"):
        Analyzer(nlp=analyzer.nlp, max_cues_per_sentence=value)  # type: ignore[arg-type]


def test_the_cue_limit_keeps_a_sentences_first_cues(analyzer: Analyzer) -> None:
    text = "The mayor said the clerk told the judge that the council had reported a loss."
    limited = Analyzer(nlp=analyzer.nlp, max_cues_per_sentence=1).analyze(text)
    assert any("1 later cue word" in w or "later cue word" in w for w in limited.warnings)
    assert [a.cue.text for a in limited.attributions if a.cue] == ["said"]
    assert not any("max_cues_per_sentence" in w for w in analyzer.analyze(text).warnings)


def test_the_default_chunk_bounds_memory(analyzer: Analyzer) -> None:
    assert Analyzer(nlp=analyzer.nlp).max_chunk_chars == min(100_000, analyzer.nlp.max_length)


def test_the_component_takes_the_cue_limit_as_config() -> None:
    """A spaCy user sets the limit in the pipe's config, as for scope and rules."""
    nlp = load_language()
    nlp.add_pipe("attribution", config={"max_cues_per_sentence": 1})
    doc = nlp("The mayor said the clerk told the judge that the council had reported a loss.")
    assert any("max_cues_per_sentence" in w for w in doc._.attribution.warnings)
