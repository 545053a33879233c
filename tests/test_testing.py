"""The example semantics (check_example) on hand-built analyses, and the pytest plugin.

The matching rules are tested without spaCy: an Analysis is plain data, so each rule
gets a table of (example, passes?) rows over one hand-built analysis. The plugin is
tested with pytester on small rule files.
"""

from __future__ import annotations

import pytest
from pydantic import ValidationError

import attribution.testing as testing
from attribution import Analysis, Analyzer, Attribution, Claim, Source, Span
from attribution.rules import Example
from attribution.testing import check_example, describe_attributions

pytest_plugins = ["pytester"]

TEXT = "CNN reported, citing Kyiv police, that the bridge was closed."


def _span(part: str) -> Span:
    start = TEXT.index(part)
    return Span(start=start, end=start + len(part), text=part)


def _relayed() -> Analysis:
    """CNN relays the police: two links over one content, one claim with a chain of two."""
    content = _span("the bridge was closed")
    return Analysis(
        publisher="s0",
        sources=[
            Source(id="s0", name="the article", type="article"),
            Source(id="s1", name="CNN", aliases=["Cable News Network"], type="news_outlet"),
            Source(id="s2", name="Kyiv police", aliases=["police"], type="police"),
        ],
        attributions=[
            Attribution(
                id="a1",
                source=_span("CNN"),
                cue=_span("reported"),
                content=content,
                source_id="s1",
                kind="indirect",
                confidence=0.9,
            ),
            Attribution(
                id="a2",
                source=_span("Kyiv police"),
                cue=_span("citing"),
                content=content,
                source_id="s2",
                channel_name="Telegram",
                kind="indirect",
                confidence=0.8,
                relayed_by="a1",
            ),
        ],
        claims=[
            Claim(
                id="c1",
                text=content.text,
                start=content.start,
                end=content.end,
                kind="indirect",
                chain=["s0", "s1", "s2"],
                channel="Telegram",
                attribution_ids=["a1", "a2"],
            )
        ],
    )


RELAYED = _relayed()


@pytest.mark.parametrize(
    ("fields", "passes"),
    [
        # cue: equal to the cue's text, ignoring case
        ({"cue": "reported"}, True),
        ({"cue": "REPORTED"}, True),
        ({"cue": "report"}, False),
        # source: the span's text or the resolved name, or contained in either
        ({"source": "CNN"}, True),
        ({"source": "cnn"}, True),
        ({"source": "Kyiv police"}, True),
        ({"source": "police"}, True),
        ({"source": "Cable News Network"}, False),  # aliases count for chains only
        ({"source": "BBC"}, False),
        # content: inside the content, or equal to it ignoring punctuation around it
        ({"content": "bridge was closed"}, True),
        ({"content": '"the bridge was closed."'}, True),
        ({"content": "the bridge was open"}, False),
        ({"content": "that the bridge was closed"}, False),
        # kind
        ({"kind": "indirect"}, True),
        ({"kind": "direct"}, False),
        # channel: the attribution's channel name, or that of a claim holding the content
        ({"channel": "Telegram"}, True),
        ({"channel": "telegram", "cue": "citing"}, True),
        ({"channel": "Telegram", "cue": "reported", "content": "the bridge"}, True),
        ({"channel": "Facebook"}, False),
        # chain: names after the publisher, each contained in a name or alias
        ({"chain": ["CNN", "Kyiv police"], "content": "the bridge was closed"}, True),
        ({"chain": ["cable news", "police"], "content": "the bridge"}, True),
        ({"chain": ["CNN", "police"]}, True),
        ({"chain": ["Kyiv police", "CNN"], "content": "the bridge"}, False),
        ({"chain": ["CNN"], "content": "the bridge"}, False),
        ({"chain": ["the article", "CNN", "police"]}, False),
        # every field must hold for the SAME attribution
        ({"cue": "reported", "source": "CNN"}, True),
        ({"cue": "citing", "source": "police"}, True),
        ({"cue": "citing", "source": "CNN"}, False),
        ({"cue": "reported", "channel": "Telegram", "content": "the bridge"}, True),
        # no fields: any attribution will do
        ({}, True),
    ],
)
def test_check_example_fields(fields: dict, passes: bool) -> None:
    example = Example(text=TEXT, **fields)
    assert (check_example(RELAYED, example) == []) is passes


def test_expect_none_passes_only_without_attributions() -> None:
    example = Example(text=TEXT, expect_none=True)
    assert check_example(RELAYED, example) == ["expected no attribution, found 2"]
    assert check_example(Analysis(), example) == []


def test_an_example_with_expectations_fails_without_attributions() -> None:
    assert check_example(Analysis(), Example(text=TEXT, cue="said")) == [
        "expected an attribution, found none"
    ]


def test_expect_none_cannot_be_combined_with_expectations() -> None:
    with pytest.raises(ValidationError, match="expect_none cannot be combined with cue"):
        Example(text=TEXT, expect_none=True, cue="said")


def test_mismatches_come_from_the_closest_attribution() -> None:
    example = Example(text=TEXT, source="CNN", cue="reported", kind="direct")
    assert check_example(RELAYED, example) == ["kind: expected 'direct', got 'indirect'"]


def test_describe_attributions_is_one_compact_line_each() -> None:
    assert describe_attributions(RELAYED) == [
        "CNN | reported | the bridge was closed | CNN > Kyiv police | -",
        "Kyiv police | citing | the bridge was closed | CNN > Kyiv police | Telegram",
    ]


def test_format_failure_names_the_place_and_both_sides() -> None:
    example = Example(text=TEXT, cue="said", line=12, file="team.rules.yaml")
    report = testing.format_failure(
        "cue_verbs.say[0]", example, check_example(RELAYED, example), RELAYED
    )
    assert report.splitlines()[0] == "team.rules.yaml:12: example cue_verbs.say[0] failed"
    assert "expected: cue='said' (scope all)" in report
    assert "mismatch: cue: expected 'said', got 'reported'" in report
    assert "CNN | reported | the bridge was closed | CNN > Kyiv police | -" in report


def test_check_example_runs_an_analyzer(analyzer: Analyzer) -> None:
    example = Example(text="The minister said the talks had failed.", cue="said")
    assert check_example(analyzer, example) == []


# -- the pytest plugin ------------------------------------------------------------------

TEAM = """\
name: team
cue_verbs:
  - key: blurt
    lemmas: [blurt]
    category: speech
    examples:
      - text: The striker blurted that the coach had resigned.
        source: The striker
        cue: blurted
        content: the coach had resigned
      - text: Reuters reported that the talks had stalled.
        chain: [Reuters]
      - text: The striker blurted that the coach had resigned.
        source: The coach
"""


def test_plugin_makes_one_item_per_example(pytester: pytest.Pytester) -> None:
    pytester.makefile(".rules.yaml", team=TEAM)
    result = pytester.runpytest("-v")
    result.assert_outcomes(passed=2, failed=1)
    result.stdout.fnmatch_lines(
        [
            "*team.rules.yaml::cue_verbs.blurt[[]0[]] PASSED*",
            "*team.rules.yaml::cue_verbs.blurt[[]1[]] PASSED*",
            "*team.rules.yaml::cue_verbs.blurt[[]2[]] FAILED*",
        ]
    )


def test_a_failure_names_file_line_expected_and_actual(pytester: pytest.Pytester) -> None:
    pytester.makefile(".rules.yaml", team=TEAM)
    result = pytester.runpytest()
    result.stdout.fnmatch_lines(
        [
            "team.rules.yaml:13: example cue_verbs.blurt[[]2[]] failed",
            "  text:     The striker blurted that the coach had resigned.",
            "  expected: source='The coach' (scope all)",
            "  mismatch: source: expected 'The coach', got 'The striker'",
            "  actual (source | cue | content | chain | channel):",
            "    The striker (= striker) | blurted | that the coach had resigned | striker | -",
        ]
    )
    assert "Traceback" not in result.stdout.str()


def test_a_malformed_rule_file_is_one_clear_collection_error(pytester: pytest.Pytester) -> None:
    pytester.makefile(".rules.yaml", team="name: team\ncue_verbs:\n  - key: x\n    lemas: [x]\n")
    result = pytester.runpytest()
    assert result.ret != 0
    result.stdout.fnmatch_lines(
        ["*team.rules.yaml:4: unknown field 'lemas' (did you mean 'lemmas'?) (field *lemas)"]
    )
    assert "Traceback" not in result.stdout.str()


def test_known_failures_are_strict_expected_failures(pytester: pytest.Pytester) -> None:
    pytester.makefile(
        ".rules.yaml",
        team="""\
name: team
cue_verbs:
  - key: blurt
    lemmas: [blurt]
    category: speech
    examples:
      - text: The weather was fine.
        cue: said
        known_failure: no cue in this sentence at all
      - text: The striker blurted that the coach had resigned.
        cue: blurted
        known_failure: this one passes, so the note is stale
""",
    )
    result = pytester.runpytest("-rxX")
    result.assert_outcomes(xfailed=1, failed=1)
    result.stdout.fnmatch_lines(["*passes now; remove its known_failure note*"])


def test_analyzers_are_built_once_per_file_and_scope(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    built: list[str] = []

    class Counting(Analyzer):
        def __init__(self, *args, **kwargs) -> None:
            built.append(kwargs["scope"])
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(testing, "Analyzer", Counting)
    pytester.makefile(
        ".rules.yaml",
        team=TEAM.replace("        source: The coach\n", "        source: The striker\n")
        + "      - text: Critics fear the law will silence the press.\n"
        + "        scope: speech\n        expect_none: true\n",
    )
    result = pytester.runpytest()
    result.assert_outcomes(passed=4)
    assert sorted(built) == ["all", "speech"]
