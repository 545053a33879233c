"""The notebook views: a short repr, the HTML display and the DataFrames."""

from __future__ import annotations

import pytest

from attribution import Analysis, Claim, Finding, Source
from attribution.views import _rows
from attribution.views.notebook import repr_html, short_repr
from helpers import claim_id

pd = pytest.importorskip("pandas")


def small_analysis(findings: list[Finding] | None = None) -> Analysis:
    """A made-up article's analysis: one relayed quote and one claim of the paper's own."""
    sources = [
        Source(id="herald", name="Daily Herald", type="news_outlet"),
        Source(id="reuters", name="Reuters", type="news_agency"),
        Source(id="mayor", name="Mayor Ines Toll", type="person", role="mayor"),
    ]
    claims = [
        Claim(
            id="c1",
            text="The bridge will reopen on Monday",
            start=1,
            end=33,
            kind="direct",
            chain=["herald", "reuters", "mayor"],
            channel="X",
            inferred=True,
        ),
        Claim(
            id="c2",
            text="Traffic was light.",
            start=60,
            end=78,
            kind="unattributed",
            chain=["herald"],
        ),
    ]
    return Analysis(
        id="bridge", publisher="herald", sources=sources, claims=claims, findings=findings or []
    )


def test_repr_is_one_short_line(seed: Analysis) -> None:
    text = repr(seed)
    assert len(text) < 200 and "\n" not in text
    assert f"{len(seed.claims)} claims" in text and "'ANI'" in text
    assert str(seed) == text


def test_repr_html_has_every_claim_with_kind_and_chain(seed: Analysis) -> None:
    html = seed._repr_html_()
    assert len(html) < 20_000  # compact: not the whole JSON
    for claim in seed.claims:
        assert f"<td>{claim.id}</td>" in html
    assert "ANI ← CNN ← Police officials" in html
    assert "Telegram" in html
    assert "news_agency" in html  # sources with their types
    assert "Findings" in html and "second_hand" in html  # the seed's findings


@pytest.mark.parametrize(
    ("findings", "shown"),
    [
        ([], False),
        (
            [Finding(id="f1", kind="second_hand", claims=["c1"], message="Came through Reuters.")],
            True,
        ),
    ],
)
def test_repr_html_shows_findings_when_there_are_any(findings, shown) -> None:
    html = repr_html(small_analysis(findings))
    assert ("Came through Reuters." in html) is shown
    assert ("Findings" in html) is shown


def test_claims_frame_has_flat_columns(seed: Analysis) -> None:
    frame = seed.claims_frame()
    assert list(frame.index) == [claim.id for claim in seed.claims]
    for column in frame.columns:
        assert not any(isinstance(value, list | tuple | dict) for value in frame[column])
    police = claim_id(seed, "Iskander-K")
    assert frame.loc[police, "chain"] == "ANI ← CNN ← Police officials"
    assert frame.loc[police, "originator"] == "Police officials"
    assert frame.loc[police, "depth"] == 2
    assert frame.loc[police, "channel"] == "Telegram"
    unattributed = sum(claim.kind == "unattributed" for claim in seed.claims)
    assert frame.groupby("kind").size()["unattributed"] == unattributed


def test_sources_frame_counts_claims_through_and_from_each_source(seed: Analysis) -> None:
    frame = seed.sources_frame()
    assert frame.loc["ani", "claims"] == len(seed.claims)
    assert frame.loc["police-officials", "originated"] == 5
    assert frame.loc["volodymyr-zelensky", "type"] == "person"


def test_attributions_frame_has_spans_as_text(seed: Analysis) -> None:
    frame = seed.attributions_frame()
    assert len(frame) == len(seed.attributions)
    assert set(frame["kind"]) <= {"direct", "indirect", "mixed"}
    assert "CNN" in set(frame["source_name"])


def test_frames_of_an_empty_analysis_keep_their_columns() -> None:
    empty = Analysis()
    assert "chain" in empty.claims_frame().columns
    assert "originated" in empty.sources_frame().columns
    assert "cue" in empty.attributions_frame().columns
    assert short_repr(empty).startswith("Analysis(publisher='unknown', 0 claims")


def test_chain_names_tolerate_an_unknown_source() -> None:
    analysis = small_analysis()
    claim = analysis.claims[0].model_copy(update={"chain": ["herald", "ghost"]})
    assert _rows.chain_text(analysis, claim) == "Daily Herald ← ghost"


def test_repr_html_stays_compact_for_a_long_article() -> None:
    analysis = small_analysis()
    many = [
        claim.model_copy(update={"id": f"c{i}"})
        for i, claim in enumerate(analysis.claims * 100, start=1)
    ]
    html = repr_html(analysis.model_copy(update={"claims": many}))
    assert "<td>c60</td>" in html and "<td>c61</td>" not in html
    assert "140 more" in html
