"""The public data model: what an analysis returns, in the shape of the JSON contract.

Every offset is a code-point index into the original input, so that for any span
``text[span.start:span.end] == span.text`` holds on the caller's own string.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal

import networkx as nx
from pydantic import BaseModel, ConfigDict, Field

if TYPE_CHECKING:  # the views import pandas and matplotlib lazily, when asked
    import os

    import pandas as pd
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from .views import Rendered

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
    "document",
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


class Quantity(_Model):
    """A number in a claim, with its unit, its qualifier and what it counts.

    ``start``/``end``/``text`` cover the number and its unit ("$4.2 billion", "40
    percent", "three"); ``qualifier`` is the bounding words before it ("at least") and
    ``bound`` what they mean; ``low``/``high`` are a range's ends ("between 10 and 20");
    ``counts`` is the noun it counts ("people", "buildings"), when the parse says.
    """

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str
    value: float | None = None
    low: float | None = None
    high: float | None = None
    unit: str | None = None
    qualifier: str | None = None
    bound: Literal["lower", "upper", "approximate", "range"] | None = None
    counts: str | None = None


class Checkworthiness(_Model):
    """How much a claim is worth checking, in [0, 1], and why (the questions answered)."""

    score: float = Field(ge=0.0, le=1.0)
    reasons: list[str] = Field(default_factory=list)


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
    checkworthiness: Checkworthiness | None = None
    quantities: list[Quantity] = Field(default_factory=list)


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
    """The result of analysing one article.

    ``text`` is the analysed text, so that every span can be read in place; ``error`` is
    set, with nothing else found, when ``Analyzer.pipe(..., on_error="keep")`` could not
    analyse an item.
    """

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
    #: Only in the JSON when set, so that a line with "error" is always a failed item.
    error: str | None = Field(default=None, exclude_if=lambda value: value is None)
    text: str = ""

    def context(self, span: Span | Claim, width: int = 60) -> str:
        """The span with up to ``width`` characters of the article either side, on one line.

        For reading a claim or a source in place, in a notebook or a report:
        ``analysis.context(analysis.claims[3])``.
        """
        before = self.text[max(0, span.start - width) : span.start]
        after = self.text[span.end : span.end + width]
        middle = self.text[span.start : span.end]
        return " ".join(f"{before}[{middle}]{after}".split())

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

    # Views: thin delegations into attribution.views, imported when first used, so that
    # importing the models costs nothing more (see docs/views.md).

    def __repr__(self) -> str:
        from .views import short_repr

        return short_repr(self)

    __str__ = __repr__

    def _repr_html_(self) -> str:
        """What Jupyter shows: claims, sources and findings as compact tables."""
        from .views import repr_html

        return repr_html(self)

    def claims_frame(self) -> pd.DataFrame:
        """Claims as a pandas DataFrame with flat columns (the ``views`` extra)."""
        from .views import claims_frame

        return claims_frame(self)

    def sources_frame(self) -> pd.DataFrame:
        """Sources as a pandas DataFrame with flat columns (the ``views`` extra)."""
        from .views import sources_frame

        return sources_frame(self)

    def attributions_frame(self) -> pd.DataFrame:
        """Attribution links as a pandas DataFrame with flat columns (the ``views`` extra)."""
        from .views import attributions_frame

        return attributions_frame(self)

    def render(self, text: str | None = None) -> Rendered:
        """The article in displaCy's span style (``text``: default, the analysed text)."""
        from .views import render

        return render(self, text if text is not None else self.text)

    def draw(self, *, ax: Axes | None = None, path: str | os.PathLike[str] | None = None) -> Figure:
        """The provenance picture with matplotlib (the ``views`` extra)."""
        from .views import draw

        return draw(self, ax=ax, path=path)

    def to_html(self, text: str | None = None) -> str:
        """The self-contained HTML report, with the article (default: the analysed text)."""
        from .views import report_html

        return report_html(self, text if text is not None else (self.text or None))

    def export(self, format: str, *, text: str | None = None) -> str:
        """The analysis in another format: html, prov-json, provn, prov-xml, jsonld,
        graphml or gexf."""
        from .views import export

        return export(self, format, text=text if text is not None else (self.text or None))
