"""The Analyzer's API for pipelines and notebooks: contexts, bad items, progress, metadata."""

from __future__ import annotations

import math
import warnings

import pytest

from attribution import Analysis, Analyzer, analyze

GOOD = "The minister said the talks had failed."


def test_as_tuples_carries_the_context_through(analyzer: Analyzer) -> None:
    rows = [(GOOD, {"row": 1}), (("Police said it rained.", {"id": "p"}), "second")]
    out = list(analyzer.pipe(rows, as_tuples=True))
    assert [context for _, context in out] == [{"row": 1}, "second"]
    assert [analysis.id for analysis, _ in out] == [None, "p"]
    assert all(isinstance(analysis, Analysis) for analysis, _ in out)


def test_as_tuples_refuses_an_item_that_is_no_pair(analyzer: Analyzer) -> None:
    with pytest.raises(TypeError, match=r"takes \(text, context\) pairs; item 1 is a str"):
        list(analyzer.pipe([(GOOD, 1), GOOD], as_tuples=True))


BAD_ITEMS = [
    (math.nan, "item 1: analyze() takes article text as str, not float"),
    (
        (b"bytes", {"id": "b7"}),
        "item 1 (id 'b7'): analyze() takes article text as str, not bytes "
        "(decode bytes first, e.g. data.decode('utf-8'))",
    ),
    (None, "item 1: analyze() takes article text as str, not NoneType"),
    (
        (GOOD, {"id": "m", "pubisher": "x"}),
        "item 1 (id 'm'): unknown article metadata 'pubisher'; "
        "the known fields are id, title, publisher, url, published",
    ),
]


@pytest.mark.parametrize(("bad", "message"), BAD_ITEMS)
def test_keep_gives_an_analysis_holding_the_error(
    analyzer: Analyzer, bad: object, message: str
) -> None:
    out = list(analyzer.pipe([GOOD, bad, GOOD], on_error="keep"))
    assert [a.error for a in out] == [None, message, None]
    assert out[1].claims == [] and len(out[2].claims) == 1


@pytest.mark.parametrize(("bad", "message"), BAD_ITEMS)
def test_skip_warns_and_goes_on(analyzer: Analyzer, bad: object, message: str) -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        out = list(analyzer.pipe([GOOD, bad, GOOD], on_error="skip"))
    assert len(out) == 2
    assert [str(w.message) for w in caught] == [f"skipped {message}"]


@pytest.mark.parametrize(("bad", "message"), BAD_ITEMS)
def test_raise_is_the_default(analyzer: Analyzer, bad: object, message: str) -> None:
    with pytest.raises(TypeError) as raised:
        list(analyzer.pipe([GOOD, bad]))
    assert str(raised.value) == message.split(": ", 1)[1]


def test_an_unknown_on_error_is_refused(analyzer: Analyzer) -> None:
    with pytest.raises(ValueError, match="on_error must be one of raise, skip, keep, not 'ignore'"):
        list(analyzer.pipe([GOOD], on_error="ignore"))


@pytest.mark.parametrize(
    ("metadata", "message"),
    [
        ({"pubisher": "Reuters"}, "unknown article metadata 'pubisher'"),
        ({"titel": "x", "date": "y"}, "unknown article metadata 'date', 'titel'"),
        ({"author": "x"}, "the known fields are id, title, publisher, url, published"),
    ],
)
def test_an_unknown_metadata_keyword_names_the_known_ones(
    metadata: dict[str, str], message: str
) -> None:
    with pytest.raises(TypeError, match=message):
        analyze(GOOD, **metadata)


def test_progress_shows_a_bar_on_stderr(
    analyzer: Analyzer, capsys: pytest.CaptureFixture[str]
) -> None:
    out = list(analyzer.pipe([GOOD, GOOD, GOOD], progress=True))
    assert len(out) == 3
    captured = capsys.readouterr()
    assert "analysing" in captured.err and captured.out == ""


def test_the_analysis_keeps_its_text_and_reads_spans_in_place(analyzer: Analyzer) -> None:
    text = "Flooding closed the road. The mayor said crews were working overnight."
    analysis = analyzer.analyze(text)
    assert analysis.text == text
    claim = analysis.claims[-1]
    before = text[claim.start - 10 : claim.start]
    assert analysis.context(claim, width=10) == f"{before}[{claim.text}]{text[claim.end :]}"
