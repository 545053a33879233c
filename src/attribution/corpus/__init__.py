"""Many analyses, one graph: sources merged across articles, claims grouped, findings.

The corpus stage reads finished analyses (never text or a parse) and gives a
:class:`CorpusDocument`, the corpus contract of ``docs/corpus.md``.
"""

from .corpus import Corpus
from .models import (
    CORPUS_VERSION,
    CandidateMerge,
    CorpusArticle,
    CorpusClaim,
    CorpusDocument,
    CorpusSource,
)
from .words import CorpusWords, default_words

__all__ = [
    "CORPUS_VERSION",
    "CandidateMerge",
    "Corpus",
    "CorpusArticle",
    "CorpusClaim",
    "CorpusDocument",
    "CorpusSource",
    "CorpusWords",
    "default_words",
]
