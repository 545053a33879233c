"""The public data model: what an analysis returns, in the shape of the JSON contract.

Every offset is a code-point index into the original input, so that for any span
``text[span.start:span.end] == span.text`` holds on the caller's own string.
"""

from __future__ import annotations

from typing import Any, Literal

import networkx as nx
from pydantic import BaseModel, ConfigDict, Field

AttributionKind = Literal["direct", "indirect", "mixed"]
ClaimKind = Literal["direct", "indirect", "mixed", "unattributed"]
Stance = Literal["asserts", "denies"]
SourceType = Literal[
    "news_agency",
    "news_outlet",
    "person",
    "government",
    "police",
    "emergency_services",
    "military",
    "organisation",
    "anonymous",
    "article",
]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Span(_Model):
    """A stretch of the original text."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str


class Source(_Model):
    """One real-world source, however many times and ways the article mentions it."""

    id: str
    name: str
    aliases: list[str] = Field(default_factory=list)
    type: SourceType
    role: str | None = None
    anonymous: bool = False
    mentions: list[Span] = Field(default_factory=list)


class Attribution(_Model):
    """One link: a source, through a cue, vouches for a content span.

    A relayed statement ("CNN reported citing police") gives two links over the same
    content; the inner one names the outer in ``relayed_by``.
    """

    id: str
    source: Span | None
    cue: Span | None
    content: Span
    source_id: str | None
    channel: Span | None = None
    channel_name: str | None = None
    kind: AttributionKind
    category: str | None = None
    confidence: float = Field(ge=0.0, le=1.0)
    inferred: bool = False
    reason: str | None = None
    relayed_by: str | None = None
    stance: Stance = "asserts"


class Claim(_Model):
    """A sentence-level unit of content and the chain of sources it came through."""

    id: str
    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    kind: ClaimKind
    chain: list[str]
    channel: str | None = None
    inferred: bool = False
    attribution_ids: list[str] = Field(default_factory=list)
    stance: Stance | None = None


class Finding(_Model):
    """Something a fact-checker should look at, and why: a kind, what it points at, a message.

    Findings on one article point at its claim and source ids; findings across a corpus
    point at corpus ids. ``detail`` holds the kind's own facts (a depth, an origin, values).
    """

    id: str
    kind: str
    claims: list[str] = Field(default_factory=list)
    sources: list[str] = Field(default_factory=list)
    message: str
    detail: dict[str, Any] = Field(default_factory=dict)


class Furniture(_Model):
    """A stretch of page furniture set aside from the claims, and why ("a byline")."""

    span: Span
    kind: str
    reason: str


class Article(_Model):
    """What the text says about itself: headline, dateline, publisher and agency.

    ``publisher`` comes from the caller, the dateline or the URL's site, never from a
    headline; ``agency`` is the agency the story came through when the publisher is
    another outlet ("The Hindu" publishing an ANI story).
    """

    title: str | None = None
    headline: Span | None = None
    dateline: Span | None = None
    place: str | None = None
    date: str | None = None
    publisher: str | None = None
    agency: str | None = None
    url: str | None = None
    published: str | None = None
    body_start: int = 0


class Analysis(_Model):
    """The result of analysing one article."""

    id: str | None = None
    publisher: str | None = None
    article: Article = Field(default_factory=Article)
    sources: list[Source] = Field(default_factory=list)
    attributions: list[Attribution] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    findings: list[Finding] = Field(default_factory=list)
    furniture: list[Furniture] = Field(default_factory=list)
    graph: dict[str, Any] = Field(default_factory=dict)
    warnings: list[str] = Field(default_factory=list)

    def source(self, source_id: str) -> Source:
        """The source with this id; KeyError names the ids that exist."""
        for source in self.sources:
            if source.id == source_id:
                return source
        known = ", ".join(s.id for s in self.sources)
        raise KeyError(f"no source {source_id!r} in this analysis (known: {known})")

    def chain_names(self, claim: Claim) -> list[str]:
        """The names along a claim's chain, publisher first."""
        return [self.source(source_id).name for source_id in claim.chain]

    def to_networkx(self) -> nx.MultiDiGraph:
        """The provenance graph as a live networkx object."""
        return nx.node_link_graph(self.graph, directed=True, multigraph=True, edges="edges")
