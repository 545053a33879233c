"""The provenance graph: article, claims, sources and channels as a networkx MultiDiGraph.

Edge labels are W3C PROV relation names. Every edge that belongs to a claim carries
``claim=<claim node id>`` (and chain edges a ``hop`` index), so one claim's chain can be
read back from the multigraph even where many claims share the same sources. Node ids
and edge keys are namespaced and stable, so the graphs of many articles merge with
``nx.compose`` on shared sources without edges of one article overwriting another's.
"""

from __future__ import annotations

import itertools
import json
import os
from collections.abc import Iterable
from typing import Any

import networkx as nx

from ..models import Claim, Source
from .ids import slug

HAD_MEMBER = "hadMember"
WAS_ATTRIBUTED_TO = "wasAttributedTo"
WAS_QUOTED_FROM = "wasQuotedFrom"
WAS_DERIVED_FROM = "wasDerivedFrom"
HAD_PRIMARY_SOURCE = "hadPrimarySource"
AT_LOCATION = "atLocation"

CHAIN_RELATIONS = frozenset({WAS_ATTRIBUTED_TO, WAS_QUOTED_FROM, WAS_DERIVED_FROM})

# GEXF reads node "start"/"end" as a time interval and would make the graph dynamic.
_GEXF_RENAMES = {"start": "text_start", "end": "text_end"}

PathLike = str | os.PathLike[str]


# --- node ids -------------------------------------------------------------------------


def article_node(article_key: str) -> str:
    """The article's node id."""
    return f"article:{article_key}"


def claim_node(article_key: str, claim_id: str) -> str:
    """A claim's node id; namespaced by article since claim ids restart in each article."""
    return f"claim:{article_key}:{claim_id}"


def source_node(source_id: str) -> str:
    """A source's node id; not namespaced, so that articles merge on shared sources."""
    return f"source:{source_id}"


def channel_node(channel: str) -> str:
    """A channel's node id, from its slugged name so spelling variants of case merge."""
    return f"channel:{slug(channel)}"


# --- building -------------------------------------------------------------------------


def build_graph(
    article_key: str,
    claims: list[Claim],
    sources: list[Source],
    *,
    title: str | None = None,
) -> nx.MultiDiGraph:
    """The provenance graph of one article; nodes and edges in input order."""
    graph = nx.MultiDiGraph()
    article = article_node(article_key)
    graph.add_node(article, type="article", article_key=article_key, title=title)
    for source in sources:
        _add_source(graph, source)
    for claim in claims:
        _add_claim(graph, article, article_key, claim)
    return graph


def _prov_type(source: Source) -> str:
    """PROV agent class: people are prov:Person, everything else an organisation."""
    return "prov:Person" if source.type == "person" else "prov:Organization"


def _add_source(graph: nx.MultiDiGraph, source: Source) -> None:
    graph.add_node(
        source_node(source.id),
        type="source",
        source_id=source.id,
        name=source.name,
        aliases=list(source.aliases),
        source_type=source.type,
        role=source.role,
        anonymous=source.anonymous,
        prov_type=_prov_type(source),
    )


def _ensure_source(graph: nx.MultiDiGraph, source_id: str) -> str:
    """The node of a chain member; a bare agent node when the source list lacks it."""
    node = source_node(source_id)
    if node not in graph:
        graph.add_node(
            node,
            type="source",
            source_id=source_id,
            name=source_id,
            aliases=[],
            source_type="unknown",
            role=None,
            anonymous=False,
            prov_type="prov:Agent",
        )
    return node


def _add_claim(graph: nx.MultiDiGraph, article: str, article_key: str, claim: Claim) -> None:
    node = claim_node(article_key, claim.id)
    graph.add_node(
        node,
        type="claim",
        claim_id=claim.id,
        article_key=article_key,
        text=claim.text,
        start=claim.start,
        end=claim.end,
        kind=claim.kind,
        inferred=claim.inferred,
        attribution_ids=list(claim.attribution_ids),
    )
    graph.add_edge(article, node, key=f"{node}:{HAD_MEMBER}", relation=HAD_MEMBER, claim=node)
    _add_chain(graph, node, claim)
    if claim.channel:
        _add_channel(graph, node, claim.channel)


def _chain_relation(claim: Claim) -> str:
    """Verbatim quotes are PROV quotations; anything reworded is a derivation."""
    return WAS_QUOTED_FROM if claim.kind == "direct" else WAS_DERIVED_FROM


def _add_chain(graph: nx.MultiDiGraph, node: str, claim: Claim) -> None:
    """claim -> publisher -> relay ... -> originator, one hop-indexed edge per link."""
    members = [_ensure_source(graph, source_id) for source_id in claim.chain]
    if not members:
        return
    _add_claim_edge(graph, node, members[0], WAS_ATTRIBUTED_TO, node, hop=0)
    relation = _chain_relation(claim)
    for hop, (relayer, origin) in enumerate(itertools.pairwise(members), start=1):
        _add_claim_edge(graph, relayer, origin, relation, node, hop=hop)
    if len(members) > 1:
        _add_claim_edge(graph, node, members[-1], HAD_PRIMARY_SOURCE, node)


def _add_channel(graph: nx.MultiDiGraph, node: str, channel: str) -> None:
    target = channel_node(channel)
    if target not in graph:
        graph.add_node(target, type="channel", name=channel)
    _add_claim_edge(graph, node, target, AT_LOCATION, node)


def _add_claim_edge(
    graph: nx.MultiDiGraph,
    u: str,
    v: str,
    relation: str,
    claim: str,
    *,
    hop: int | None = None,
) -> None:
    """An edge keyed by claim, relation and hop, so compose never overwrites one."""
    key = f"{claim}:{relation}" if hop is None else f"{claim}:{relation}:{hop}"
    data: dict[str, Any] = {"relation": relation, "claim": claim}
    if hop is not None:
        data["hop"] = hop
    graph.add_edge(u, v, key=key, **data)


# --- serialising ----------------------------------------------------------------------


def graph_data(graph: nx.MultiDiGraph) -> dict[str, Any]:
    """The JSON contract's ``graph`` field; ``Analysis.to_networkx`` reads it back."""
    return nx.node_link_data(graph, edges="edges")


# --- queries --------------------------------------------------------------------------


def _nodes_of_type(graph: nx.MultiDiGraph, node_type: str) -> list[str]:
    return [node for node, data in graph.nodes(data=True) if data.get("type") == node_type]


def _resolve_claim(graph: nx.MultiDiGraph, claim_id: str) -> str:
    """The claim node for a model id ("c3") or a full node id; KeyError says what exists."""
    if graph.nodes.get(claim_id, {}).get("type") == "claim":
        return claim_id
    claims = _nodes_of_type(graph, "claim")
    matches = [node for node in claims if graph.nodes[node].get("claim_id") == claim_id]
    if len(matches) == 1:
        return matches[0]
    if matches:
        raise KeyError(
            f"claim id {claim_id!r} is ambiguous in a merged graph; "
            f"pass one of the node ids: {', '.join(matches)}"
        )
    known = ", ".join(graph.nodes[node].get("claim_id", node) for node in claims)
    raise KeyError(f"no claim {claim_id!r} in this graph (known: {known or 'none'})")


def _resolve_source(graph: nx.MultiDiGraph, source_id: str) -> str:
    """The source node for a model id ("cnn") or a full node id; KeyError says what exists."""
    for node in (source_id, source_node(source_id)):
        if graph.nodes.get(node, {}).get("type") == "source":
            return node
    known = ", ".join(graph.nodes[node]["source_id"] for node in _nodes_of_type(graph, "source"))
    raise KeyError(f"no source {source_id!r} in this graph (known: {known or 'none'})")


def _next_hop(graph: nx.MultiDiGraph, node: str, claim: str, hop: int) -> str | None:
    """Where this claim's chain goes from ``node`` at ``hop``, if anywhere."""
    for _, target, data in graph.out_edges(node, data=True):
        if (
            data.get("claim") == claim
            and data.get("hop") == hop
            and data.get("relation") in CHAIN_RELATIONS
        ):
            return target
    return None


def chain_of(graph: nx.MultiDiGraph, claim_id: str) -> list[str]:
    """Source node ids the claim came through, publisher first, originator last."""
    claim = _resolve_claim(graph, claim_id)
    chain: list[str] = []
    current, hop = claim, 0
    while (target := _next_hop(graph, current, claim, hop)) is not None:
        chain.append(target)
        current, hop = target, hop + 1
    return chain


def _claims_touching(graph: nx.MultiDiGraph, node: str) -> set[str]:
    """Claims whose chain edges enter or leave ``node``."""
    edges: Iterable[tuple[str, str, dict[str, Any]]] = [
        *graph.in_edges(node, data=True),
        *graph.out_edges(node, data=True),
    ]
    return {data["claim"] for _, _, data in edges if data.get("relation") in CHAIN_RELATIONS}


def claims_of(graph: nx.MultiDiGraph, source_id: str) -> list[str]:
    """Claim node ids whose chain passes through the source, in graph order."""
    touching = _claims_touching(graph, _resolve_source(graph, source_id))
    return [node for node in _nodes_of_type(graph, "claim") if node in touching]


def originators(graph: nx.MultiDiGraph) -> list[str]:
    """Source node ids that end some chain: where claims first came from."""
    found: list[str] = []
    for claim in _nodes_of_type(graph, "claim"):
        chain = chain_of(graph, claim)
        if chain and chain[-1] not in found:
            found.append(chain[-1])
    return found


def depth(graph: nx.MultiDiGraph, claim_id: str) -> int:
    """Hops from publisher to originator: 0 own voice, 1 first-hand, 2 second-hand, ..."""
    return max(len(chain_of(graph, claim_id)) - 1, 0)


# --- export ---------------------------------------------------------------------------


def _flat_value(value: Any) -> Any:
    """GraphML and GEXF hold only scalars: lists and dicts become JSON strings."""
    if isinstance(value, list | tuple | dict):
        return json.dumps(value, ensure_ascii=False)
    return value


def _flat_attrs(data: dict[str, Any], renames: dict[str, str] | None = None) -> dict[str, Any]:
    """Scalar-only attributes; None is dropped since neither format can write it."""
    renames = renames or {}
    return {
        renames.get(key, key): _flat_value(value)
        for key, value in data.items()
        if value is not None
    }


def _flattened(
    graph: nx.MultiDiGraph, node_renames: dict[str, str] | None = None
) -> nx.MultiDiGraph:
    """A copy of the graph that file formats without lists or nulls accept."""
    flat = nx.MultiDiGraph()
    flat.graph.update(_flat_attrs(graph.graph))
    for node, data in graph.nodes(data=True):
        flat.add_node(node, **_flat_attrs(data, node_renames))
    for u, v, key, data in graph.edges(keys=True, data=True):
        flat.add_edge(u, v, key=key, **_flat_attrs(data))
    return flat


def to_graphml(graph: nx.MultiDiGraph, path: PathLike) -> None:
    """Write GraphML (yEd, Cytoscape) with list and dict attributes as JSON strings."""
    nx.write_graphml(_flattened(graph), path)


def _gexf_label(data: dict[str, Any]) -> str | None:
    """What Gephi shows on a node: a name, a title or the claim text."""
    for field in ("name", "title", "text"):
        if data.get(field):
            return str(data[field])
    return None


def to_gexf(graph: nx.MultiDiGraph, path: PathLike) -> None:
    """Write GEXF for Gephi; text offsets renamed so Gephi does not read them as time."""
    flat = _flattened(graph, _GEXF_RENAMES)
    for node, data in graph.nodes(data=True):
        label = _gexf_label(data)
        if label is not None:
            flat.nodes[node]["label"] = label
    for _, _, data in flat.edges(data=True):
        data["label"] = data["relation"]
    nx.write_gexf(flat, path)
