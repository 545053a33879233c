"""The merged provenance graph: every article's chains over shared corpus sources.

Nodes: ``article:<id>``, ``claim:<article id>:<claim id>``, ``source:<corpus source id>``
and ``statement:<group id>`` for claims that say the same thing in several articles.
Every edge of a chain carries the claim, the article it comes from and its hop, so each
article's relays stay visible (ANI -> CNN -> police) even where many articles share the
same sources. Edge labels are the PROV relation names the one-article graph uses.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from typing import Any

import networkx as nx

from ..stages.graph import (
    HAD_MEMBER,
    HAD_PRIMARY_SOURCE,
    WAS_ATTRIBUTED_TO,
    WAS_DERIVED_FROM,
    WAS_QUOTED_FROM,
)
from .models import CorpusArticle, CorpusClaim, CorpusSource

SPECIALIZATION_OF = "specializationOf"


def build_graph(
    articles: Iterable[CorpusArticle],
    sources: Iterable[CorpusSource],
    claims: Iterable[CorpusClaim],
) -> nx.MultiDiGraph:
    """The corpus graph, nodes and edges in the (sorted) order of their inputs."""
    graph = nx.MultiDiGraph()
    for article in articles:
        graph.add_node(
            f"article:{article.id}",
            type="article",
            article=article.id,
            title=article.title,
            publisher=article.publisher,
            published=article.published,
        )
    for source in sources:
        graph.add_node(
            f"source:{source.id}",
            type="source",
            source_id=source.id,
            name=source.name,
            source_type=source.type,
            anonymous=source.anonymous,
            articles=list(source.articles),
            prov_type="prov:Person" if source.type == "person" else "prov:Organization",
        )
    for claim in claims:
        _add_claim(graph, claim)
    return graph


def _add_claim(graph: nx.MultiDiGraph, claim: CorpusClaim) -> None:
    node = f"claim:{claim.id}"
    graph.add_node(
        node,
        type="claim",
        article=claim.article,
        text=claim.text,
        start=claim.start,
        end=claim.end,
        kind=claim.kind,
        group=claim.group,
    )
    _edge(graph, f"article:{claim.article}", node, HAD_MEMBER, claim)
    members = [f"source:{s}" for s in claim.chain]
    if members:
        _edge(graph, node, members[0], WAS_ATTRIBUTED_TO, claim, hop=0)
        relation = WAS_QUOTED_FROM if claim.kind == "direct" else WAS_DERIVED_FROM
        for hop, (relayer, origin) in enumerate(itertools.pairwise(members), start=1):
            _edge(graph, relayer, origin, relation, claim, hop=hop)
        if len(members) > 1:
            _edge(graph, node, members[-1], HAD_PRIMARY_SOURCE, claim)
    if claim.group:
        statement = f"statement:{claim.group}"
        if statement not in graph:
            graph.add_node(statement, type="statement")
        _edge(graph, node, statement, SPECIALIZATION_OF, claim)


def _edge(
    graph: nx.MultiDiGraph,
    u: str,
    v: str,
    relation: str,
    claim: CorpusClaim,
    *,
    hop: int | None = None,
) -> None:
    """One edge keyed by claim, relation and hop; it names the article it comes from."""
    node = f"claim:{claim.id}"
    key = f"{node}:{relation}" if hop is None else f"{node}:{relation}:{hop}"
    data: dict[str, Any] = {"relation": relation, "claim": node, "article": claim.article}
    if hop is not None:
        data["hop"] = hop
    graph.add_edge(u, v, key=key, **data)


def relay_paths(graph: nx.MultiDiGraph, claim_id: str) -> list[str]:
    """The source node ids along one claim's chain, publisher first (read from the graph)."""
    node = f"claim:{claim_id}"
    path: list[str] = []
    current, hop = node, 0
    while True:
        step = [
            v
            for _, v, data in graph.out_edges(current, data=True)
            if data.get("claim") == node and data.get("hop") == hop
        ]
        if not step:
            return path
        path.append(step[0])
        current, hop = step[0], hop + 1
