"""Claims, sources and provenance chains from news articles.

>>> from attribution import analyze
>>> analysis = analyze(text)                       # doctest: +SKIP
>>> [analysis.chain_names(c) for c in analysis.claims]   # doctest: +SKIP
"""

from .analyzer import Analyzer, analyze
from .errors import (
    AnalysisTimeout,
    AttributionError,
    InputError,
    ModelNotFoundError,
    RuleFileError,
)
from .models import Analysis, Article, Attribution, Claim, Finding, Source, Span
from .rules import RuleSet, default_rules

__all__ = [
    "Analysis",
    "AnalysisTimeout",
    "Analyzer",
    "Article",
    "Attribution",
    "AttributionError",
    "Claim",
    "Finding",
    "InputError",
    "ModelNotFoundError",
    "RuleFileError",
    "RuleSet",
    "Source",
    "Span",
    "analyze",
    "default_rules",
]
__version__ = "0.1.0"
