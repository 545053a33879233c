"""The public surface is deliberate: pin it, so that a change to it is a decision."""

from __future__ import annotations

import attribution


def test_exported_names() -> None:
    assert sorted(attribution.__all__) == [
        "Analysis",
        "AnalysisTimeout",
        "Analyzer",
        "Article",
        "Attribution",
        "AttributionError",
        "Claim",
        "Corpus",
        "CorpusDocument",
        "Finding",
        "InputError",
        "ModelNotFoundError",
        "PipelineError",
        "RuleFileError",
        "RuleSet",
        "Source",
        "Span",
        "analyze",
        "default_rules",
        "export",
        "load_pipeline",
        "report_html",
        "to_gexf",
        "to_graphml",
        "to_jsonld",
        "to_prov",
    ]
    for name in attribution.__all__:
        assert getattr(attribution, name).__module__.startswith("attribution")
