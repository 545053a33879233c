"""The corpus document: many analyses merged, in the shape of the corpus contract.

Ids are corpus ids: a source id is shared by every article that mentions the source, a
claim id is ``<article id>:<claim id>`` and its offsets point into its own article.
"""

from __future__ import annotations

from typing import Any

import networkx as nx
from pydantic import BaseModel, ConfigDict, Field

from ..models import ClaimKind, Finding, SourceType, Stance

#: The corpus contract's version; a reader can tell documents of other versions apart.
CORPUS_VERSION = "1"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class CorpusArticle(_Model):
    """One article of the corpus and what it says about itself."""

    id: str
    publisher: str | None = None  # a corpus source id
    title: str | None = None
    url: str | None = None
    published: str | None = None


class CorpusSource(_Model):
    """One real-world source across the corpus; ``members`` are the per-article sources
    ("<article id>:<source id>") it merges."""

    id: str
    name: str
    aliases: list[str] = Field(default_factory=list)
    type: SourceType
    anonymous: bool = False
    local: bool = False  # kept to its own article: generic, anonymous, or unsure
    articles: list[str] = Field(default_factory=list)
    members: list[str] = Field(default_factory=list)


class CorpusClaim(_Model):
    """A claim of one article, its chain in corpus source ids."""

    id: str
    article: str
    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    kind: ClaimKind
    stance: Stance | None = None
    chain: list[str]
    channel: str | None = None
    group: str | None = None  # the id of the statement it shares with other articles


class CandidateMerge(_Model):
    """Sources that may be one, kept apart because the text does not settle it."""

    sources: list[str]
    reason: str


class CorpusDocument(_Model):
    """The corpus contract: ``attribution corpus IN.jsonl --format json``."""

    version: str = CORPUS_VERSION
    articles: list[CorpusArticle] = Field(default_factory=list)
    sources: list[CorpusSource] = Field(default_factory=list)
    claims: list[CorpusClaim] = Field(default_factory=list)
    findings: list[Finding] = Field(default_factory=list)
    candidate_merges: list[CandidateMerge] = Field(default_factory=list)
    graph: dict[str, Any] = Field(default_factory=dict)
    warnings: list[str] = Field(default_factory=list)

    def to_networkx(self) -> nx.MultiDiGraph:
        """The merged provenance graph as a live networkx object."""
        return nx.node_link_graph(self.graph, directed=True, multigraph=True, edges="edges")
