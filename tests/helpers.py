"""Plain helpers shared by the test modules (fixtures live in conftest.py)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from attribution import Analysis, Analyzer

DATA = Path(__file__).parent / "data"
KRAMATORSK = (DATA / "kramatorsk.txt").read_text(encoding="utf-8")


@cache
def shared_analyzer(scope: str = "speech") -> Analyzer:
    """One Analyzer per scope for the whole run: loading spaCy takes seconds."""
    return Analyzer(scope=scope)


def spans_of(analysis: Analysis):
    """Every span an analysis reports, with a name saying where it came from."""
    article = analysis.article
    for name, span in (("headline", article.headline), ("dateline", article.dateline)):
        if span is not None:
            yield name, span
    for source in analysis.sources:
        for mention in source.mentions:
            yield f"source {source.id} mention", mention
    for attribution in analysis.attributions:
        for part in ("source", "cue", "content", "channel"):
            span = getattr(attribution, part)
            if span is not None:
                yield f"attribution {attribution.id} {part}", span
    for claim in analysis.claims:
        for quantity in claim.quantities:
            yield f"claim {claim.id} quantity", quantity


def assert_offsets_hold(text: str, analysis: Analysis) -> None:
    """Offsets are sacred: every reported span is exactly the text at its offsets."""
    for name, span in spans_of(analysis):
        assert 0 <= span.start <= span.end <= len(text), (name, span)
        assert text[span.start : span.end] == span.text, (name, span)
    for claim in analysis.claims:
        assert 0 <= claim.start < claim.end <= len(text), claim
        assert text[claim.start : claim.end] == claim.text, claim


def sole_speaker(analyzer: Analyzer, text: str) -> str:
    """The name of the source of the one attribution ``text`` yields, offsets checked."""
    analysis = analyzer.analyze(text)
    assert_offsets_hold(text, analysis)
    names = {s.id: s.name for s in analysis.sources}
    (link,) = analysis.attributions
    return names[link.source_id]


def assert_consistent(text: str, analysis: Analysis) -> None:
    """Offsets hold, claims are ordered and disjoint, ids are dense, JSON round-trips."""
    assert_offsets_hold(text, analysis)
    previous_end = 0
    for claim in analysis.claims:
        assert previous_end <= claim.start, f"claim {claim.id} overlaps the one before it"
        previous_end = claim.end
    assert [c.id for c in analysis.claims] == [f"c{i}" for i in range(1, len(analysis.claims) + 1)]
    assert [a.id for a in analysis.attributions] == [
        f"a{i}" for i in range(1, len(analysis.attributions) + 1)
    ]
    known = {source.id for source in analysis.sources}
    for claim in analysis.claims:
        assert set(claim.chain) <= known, claim
    assert Analysis.model_validate_json(analysis.model_dump_json()) == analysis


def claim_id(analysis: Analysis, phrase: str) -> str:
    """The id of the one claim that holds ``phrase``, so tests need not pin claim numbers."""
    found = [claim.id for claim in analysis.claims if phrase in claim.text]
    assert len(found) == 1, f"{phrase!r} is in claims {found}"
    return found[0]
