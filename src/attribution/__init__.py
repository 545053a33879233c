"""Claims, sources and provenance chains from news articles.

>>> from attribution import analyze
>>> analysis = analyze(text)                       # doctest: +SKIP
>>> [analysis.chain_names(c) for c in analysis.claims]   # doctest: +SKIP
"""

from .analyzer import Analyzer, analyze
from .corpus import Corpus, CorpusDocument
from .errors import (
    AnalysisTimeout,
    AttributionError,
    InputError,
    ModelNotFoundError,
    PipelineError,
    RuleFileError,
)
from .language import load_pipeline
from .models import Analysis, Article, Attribution, Claim, Finding, Source, Span
from .rules import RuleSet, default_rules
from .views import export, report_html, to_gexf, to_graphml, to_jsonld, to_prov

__all__ = [
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
__version__ = "0.1.0"
