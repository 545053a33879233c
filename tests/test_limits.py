"""The limits: docs/limits.md states each one as attribution.limits has it, and each is
enforced with the message the page shows; the cue limit and the time budget bound what one
document costs to analyse."""

from __future__ import annotations

import re
import time
from pathlib import Path
from typing import Any

import pytest

from attribution import AnalysisTimeout, Analyzer, flow, limits
from attribution.budget import check_time, check_timeout, time_budget
from attribution.cli.main import _lines
from attribution.cli.reading import read_file_bytes
from attribution.errors import InputError, RuleFileError
from attribution.language import load_language
from attribution.rules import loader
from attribution.rules.loader import load_rule_file, parse_rules

DOC = Path(__file__).resolve().parent.parent / "docs" / "limits.md"
_ROW_RE = re.compile(r"^\| `([A-Z_]+)` \| ([\d,.]+) (\w+) \|", re.MULTILINE)
_UNITS = {
    "bytes": int,
    "nodes": int,
    "characters": int,
    "levels": int,
    "seconds": float,
    "cues": int,
}


def documented() -> dict[str, float]:
    rows = _ROW_RE.findall(DOC.read_text(encoding="utf-8"))
    return {name: _UNITS[unit](value.replace(",", "")) for name, value, unit in rows}


def test_the_docs_state_every_limit_as_the_code_has_it() -> None:
    in_code = {
        name: value
        for name, value in vars(limits).items()
        if name.isupper() and isinstance(value, int | float)
    }
    assert documented() == in_code


def test_the_docs_messages_quote_the_limits() -> None:
    """The example messages on the page carry the numbers the code prints."""
    page = DOC.read_text(encoding="utf-8")
    for value in (limits.MAX_INPUT_BYTES, limits.MAX_RULE_FILE_BYTES, limits.MAX_RULE_NODES):
        assert f"more than {value} " in page or f"larger than {value} " in page
    assert f"more than {limits.MAX_RULE_DEPTH} levels deep" in page
    assert f"longer than {limits.EXAMPLE_TIME_LIMIT:g} s" in page


def test_an_article_file_over_the_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import attribution.cli.reading as reading

    monkeypatch.setattr(reading, "MAX_INPUT_BYTES", 100)
    path = tmp_path / "long.txt"
    path.write_text("Police said so. " * 10, encoding="utf-8")
    with pytest.raises(InputError) as error:
        read_file_bytes(path)
    assert str(error.value) == f"{path}: is larger than 100 bytes, the limit for one article"
    path.write_text("Police said so.", encoding="utf-8")
    assert read_file_bytes(path) == b"Police said so."


def test_a_batch_line_over_the_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import attribution.cli.main as cli

    monkeypatch.setattr(cli, "MAX_INPUT_BYTES", 50)
    path = tmp_path / "in.jsonl"
    path.write_bytes(b'{"id": "a"}\n' + b"x" * 400 + b"\n" + b'{"id": "b"}\n' + b"y" * 60)
    with path.open("rb") as handle:
        assert list(_lines(handle)) == [
            (1, b'{"id": "a"}\n'),
            (2, None),
            (3, b'{"id": "b"}\n'),
            (4, None),
        ]
    assert cli._parse_line(2, None).error == "the line is longer than 50 bytes"


def test_a_rule_file_over_the_size_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(loader, "MAX_RULE_FILE_BYTES", 30)
    path = tmp_path / "x.rules.yaml"
    path.write_text("name: x\ndescription: " + "long " * 10 + "\n", encoding="utf-8")
    with pytest.raises(RuleFileError) as error:
        load_rule_file(path)
    assert str(error.value) == f"{path}: rule file is larger than 30 bytes, the limit"
    with pytest.raises(RuleFileError) as error:
        parse_rules(path.read_text(encoding="utf-8"))
    assert str(error.value) == "<rules>: rule file is larger than 30 bytes, the limit"


@pytest.mark.parametrize(
    ("depth", "ok"), [(limits.MAX_RULE_DEPTH - 2, True), (limits.MAX_RULE_DEPTH - 1, False)]
)
def test_the_depth_limit_is_exact(depth: int, ok: bool) -> None:
    text = "name: x\ndescription: " + "[" * depth + "x" + "]" * depth + "\n"
    with pytest.raises(RuleFileError) as error:
        parse_rules(text)
    assert ("levels deep" not in str(error.value)) == ok


def test_the_text_limit_counts_aliases(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(loader, "MAX_RULE_CHARS", 1000)
    with pytest.raises(RuleFileError) as error:
        parse_rules("name: x\ndescription: &a " + "x" * 400 + "\nremove: [*a, *a]\n")
    assert str(error.value) == (
        "<rules>: YAML aliases expand the file to more than 1000 characters of text, the limit"
    )
    with pytest.raises(RuleFileError) as error:
        parse_rules("name: x\ndescription: " + "x" * 1200 + "\n")
    assert str(error.value) == (
        "<rules>: the file holds more than 1000 characters of text, the limit for a rule file"
    )


def test_a_self_referring_alias() -> None:
    with pytest.raises(RuleFileError) as error:
        parse_rules("name: &a [*a]\n")
    assert str(error.value) == "<rules>:1: a YAML alias refers to itself"


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
