"""The checks stage: findings on one article, each kind on made-up news, and their order."""

from __future__ import annotations

import pytest

from attribution import Analysis
from attribution.models import Attribution, Claim, Source, Span
from attribution.rules.loader import default_rules
from attribution.stages.checks import KIND_ORDER, run_checks
from helpers import shared_analyzer


def analyse(text: str) -> Analysis:
    return shared_analyzer().analyze(text)


def kinds(analysis: Analysis) -> dict[str, list[list[str]]]:
    """Each kind's findings, as the claim texts each points at."""
    texts = {claim.id: claim.text for claim in analysis.claims}
    found: dict[str, list[list[str]]] = {}
    for finding in analysis.findings:
        found.setdefault(finding.kind, []).append([texts[c] for c in finding.claims])
    return found


def flagged(analysis: Analysis, kind: str) -> str:
    return " | ".join(" ".join(texts) for texts in kinds(analysis).get(kind, []))


@pytest.mark.parametrize(
    ("text", "flagged_words", "not_flagged"),
    [
        (
            "The ministry has ordered a review. Some 2,400 teachers left the profession in 2023.",
            "2,400 teachers",
            None,
        ),
        (
            "Flooding closed the coastal road, officials said. The water rose 3 metres in an hour.",
            "3 metres",
            "closed the coastal road",
        ),
        (
            "The council met on Tuesday. The new tram line cost $310 million, twice the estimate.",
            "$310 million",
            "met on Tuesday",
        ),
    ],
)
def test_unattributed_flags_figures_in_the_publishers_voice(
    text: str, flagged_words: str, not_flagged: str | None
) -> None:
    found = flagged(analyse(text), "unattributed")
    assert flagged_words in found
    if not_flagged:
        assert not_flagged not in found


@pytest.mark.parametrize(
    "text",
    [
        "We believe that is wonderful news for the town.",
        "Will the mayor stand again next year?",
        "I hope we can all enjoy the summer.",
    ],
)
def test_opinions_questions_and_wishes_are_not_unattributed_findings(text: str) -> None:
    assert "unattributed" not in kinds(analyse(text))


@pytest.mark.parametrize(
    ("text", "hedge"),
    [
        ("The minister reportedly offered to resign after the vote.", "reportedly"),
        ("The general is said to have ordered the retreat himself.", "is said to"),
        ("It is understood that the talks broke down over fishing rights.", "It is understood"),
    ],
)
def test_hedged_claims_with_no_named_source(text: str, hedge: str) -> None:
    analysis = analyse(text)
    hedged = [f for f in analysis.findings if f.kind == "hedged"]
    assert hedged and hedged[0].detail["hedge"] == hedge
    assert f"“{hedge}”" in hedged[0].message


def test_a_hedge_beside_a_named_source_is_no_finding() -> None:
    analysis = analyse("The minister reportedly offered to resign, her spokesman Tom Hale said.")
    assert "hedged" not in kinds(analysis)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Officials said the bridge would stay closed until March.", "stay closed"),
        (
            "A source familiar with the matter said the merger talks had collapsed.",
            "merger talks",
        ),
        ("Two diplomats said the draft resolution would be withdrawn.", "draft resolution"),
    ],
)
def test_anonymous_sources(text: str, words: str) -> None:
    analysis = analyse(text)
    assert words in flagged(analysis, "anonymous_source")
    finding = next(f for f in analysis.findings if f.kind == "anonymous_source")
    assert "unnamed source" in finding.message


@pytest.mark.parametrize(
    ("text", "relay", "originator"),
    [
        (
            "The dam was damaged overnight, Reuters reported, citing local officials.",
            "Reuters",
            "officials",
        ),
        (
            "Mayor Ana Ruiz told the BBC that 40 families had been moved to shelters.",
            "BBC",
            "Ana Ruiz",
        ),
        (
            "The border was closed at dawn, CNN reported citing the interior ministry.",
            "CNN",
            "ministry",
        ),
    ],
)
def test_second_hand_chains_name_the_relay_and_the_depth(
    text: str, relay: str, originator: str
) -> None:
    analysis = analyse(text)
    finding = next(f for f in analysis.findings if f.kind == "second_hand")
    assert finding.detail["depth"] == 2
    assert relay in finding.message and originator.lower() in finding.message.lower()
    assert "second-hand" in finding.message


def test_one_hop_is_not_second_hand() -> None:
    analysis = analyse("Finance Minister Lena Berg said the budget would be balanced by 2027.")
    assert "second_hand" not in kinds(analysis)


@pytest.mark.parametrize(
    "text",
    [
        "The plant will close in June, the company said. About 600 jobs will go, "
        "the company added. Talks with the union failed, the company said.",
        '"We are proud of the team," coach Mia Torres said. "We beat the champions '
        'twice this season," Torres said.',
        "The ministry said the border would reopen on Monday. The ministry said 300 "
        "lorries were waiting at the crossing.",
    ],
)
def test_single_source_articles(text: str) -> None:
    analysis = analyse(text)
    (finding,) = [f for f in analysis.findings if f.kind == "single_source"]
    assert finding.detail["count"] >= 2 and len(finding.sources) == 1


def test_two_sources_are_not_single_source() -> None:
    analysis = analyse(
        "The plant will close in June, the company said. The union said talks had failed."
    )
    assert "single_source" not in kinds(analysis)


# -- denied: the stance comes from another stage; a hand-built input stands in for it ----

TEXT = "The ministry denied that 30 soldiers were captured. Prices rose 4 percent in May."


def _denial_inputs(stance: str):
    doc = shared_analyzer().nlp(TEXT, disable=["attribution"])
    start = TEXT.index("30 soldiers")
    end = TEXT.index(".")
    content = Span(start=start, end=end, text=TEXT[start:end])
    sources = [
        Source(id="desk", name="Desk", type="news_outlet"),
        Source(id="ministry", name="the ministry", type="government"),
    ]
    attribution = Attribution(
        id="a1",
        source=Span(start=0, end=12, text=TEXT[0:12]),
        cue=Span(start=13, end=19, text=TEXT[13:19]),
        content=content,
        source_id="ministry",
        kind="indirect",
        confidence=0.9,
        stance=stance,
    )
    claims = [
        Claim(
            id="c1",
            text=content.text,
            start=start,
            end=end,
            kind="indirect",
            chain=["desk", "ministry"],
            attribution_ids=["a1"],
        )
    ]
    return doc, claims, sources, [attribution]


def test_a_denied_claim_is_found_first() -> None:
    doc, claims, sources, attributions = _denial_inputs("denies")
    checked = run_checks(doc, claims, sources, attributions, "desk", default_rules())
    first = checked.findings[0]
    assert (first.kind, first.claims, first.sources) == ("denied", ["c1"], ["ministry"])
    assert first.message == "Claim c1 is denied by the ministry: 30 soldiers were captured"


def test_an_asserted_claim_is_not_denied() -> None:
    doc, claims, sources, attributions = _denial_inputs("asserts")
    checked = run_checks(doc, claims, sources, attributions, "desk", default_rules())
    assert all(f.kind != "denied" for f in checked.findings)


def test_a_claim_stance_alone_marks_a_denial() -> None:
    doc, claims, sources, attributions = _denial_inputs("asserts")
    claims = [claims[0].model_copy(update={"stance": "denies"})]
    checked = run_checks(doc, claims, sources, attributions, "desk", default_rules())
    assert [f.kind for f in checked.findings][:1] == ["denied"]


# -- the whole article ----------------------------------------------------------------


def test_findings_come_in_check_order_with_dense_ids(seed: Analysis) -> None:
    order = [KIND_ORDER.index(f.kind) for f in seed.findings]
    assert order == sorted(order)
    assert [f.id for f in seed.findings] == [f"f{i}" for i in range(1, len(seed.findings) + 1)]


def test_every_claim_is_scored(seed: Analysis) -> None:
    assert all(claim.checkworthiness is not None for claim in seed.claims)


def test_seed_findings(seed: Analysis) -> None:
    unattributed = flagged(seed, "unattributed")
    assert "35 buildings were damaged" in unattributed
    assert "The strike also left 11 people injured" in unattributed
    police = [
        f
        for f in seed.findings
        if f.kind == "second_hand" and f.detail["originator"] == "police-officials"
    ]
    assert police and police[0].detail["relays"] == ["cnn"]
    texts = " ".join(c.text for c in seed.claims if c.id in police[0].claims)
    assert "3 dead civilians and 20 wounded" in texts
    headline = seed.article.headline
    assert headline is not None
    headline_claims = {c.id for c in seed.claims if c.start < headline.end}
    assert not any(set(f.claims) & headline_claims for f in seed.findings)


def test_seed_quantities(seed: Analysis) -> None:
    claim = next(c for c in seed.claims if c.text.startswith("A rescue operation"))
    (quantity,) = claim.quantities
    assert (quantity.value, quantity.qualifier, quantity.counts) == (
        100.0,
        "at least",
        "police officers",
    )


# -- the command line -----------------------------------------------------------------


def test_checkworthy_command_writes_a_score_per_line(tmp_path) -> None:
    from typer.testing import CliRunner

    from attribution.cli import app

    given = tmp_path / "in.jsonl"
    given.write_text(
        '{"id": "s1", "text": "The city spent $12 million on the new bridge in 2020."}\n'
        '{"id": "s2", "text": "Thank you all for coming tonight."}\n',
        encoding="utf-8",
    )
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(app, ["checkworthy", str(given), "-o", str(out)])
    assert result.exit_code == 0, result.output
    import json

    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [row["id"] for row in rows] == ["s1", "s2"]
    assert rows[0]["score"] > 0.5 > rows[1]["score"]
    assert "gives a number" in rows[0]["reasons"]


def test_checkworthy_command_rejects_a_bad_line(tmp_path) -> None:
    from typer.testing import CliRunner

    from attribution.cli import app

    given = tmp_path / "in.jsonl"
    given.write_text('{"id": "s1"}\n', encoding="utf-8")
    result = CliRunner().invoke(app, ["checkworthy", str(given), "-o", str(tmp_path / "o")])
    assert result.exit_code == 2
    assert "in.jsonl:1" in result.output and "Traceback" not in result.output


def test_analyze_prints_findings_under_the_claims(seed_text: str, tmp_path) -> None:
    from typer.testing import CliRunner

    from attribution.cli import app

    article = tmp_path / "article.txt"
    article.write_text(seed_text, encoding="utf-8")
    result = CliRunner().invoke(app, ["analyze", str(article)], env={"COLUMNS": "100"})
    assert result.exit_code == 0, result.output
    output = result.output
    assert output.index("Claims") < output.index("Findings") < output.index("Sources")
    assert "second hand" in output and "unattributed" in output
