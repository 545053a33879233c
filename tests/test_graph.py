"""The provenance graph stage, on hand-built claims and sources (no spaCy)."""

from __future__ import annotations

import itertools
import json
import re
from collections import Counter
from pathlib import Path

import networkx as nx
import pytest

from attribution.models import Analysis, Claim, Source
from attribution.stages.graph import (
    build_graph,
    chain_of,
    claims_of,
    depth,
    graph_data,
    originators,
    to_gexf,
    to_graphml,
)

KEY = "kramatorsk"

SOURCES = [
    Source(id="ani", name="ANI", type="news_agency"),
    Source(id="cnn", name="CNN", type="news_outlet"),
    Source(id="police", name="police", type="police", aliases=["local police"]),
    Source(id="zelensky", name="Volodymyr Zelensky", type="person", role="President"),
]

CLAIMS = [
    Claim(id="c1", text="A missile hit Kramatorsk.", start=0, end=25, kind="unattributed",
          chain=["ani"], inferred=True),
    Claim(id="c2", text="Two people were killed.", start=26, end=49, kind="indirect",
          chain=["ani", "cnn", "police"], attribution_ids=["a1", "a2"]),
    Claim(id="c3", text="\u201cRescuers are at the scene.\u201d", start=50, end=78, kind="direct",
          chain=["ani", "cnn", "police"], channel="Telegram", attribution_ids=["a3", "a4"]),
    Claim(id="c4", text="\u201cRussia will answer.\u201d", start=79, end=101, kind="direct",
          chain=["ani", "zelensky"], channel="Telegram", attribution_ids=["a5"]),
]  # fmt: skip


@pytest.fixture
def graph() -> nx.MultiDiGraph:
    return build_graph(KEY, CLAIMS, SOURCES, title="Missile strike on Kramatorsk")


def claim(claim_id: str, key: str = KEY) -> str:
    return f"claim:{key}:{claim_id}"


def relations(graph: nx.MultiDiGraph, u: str, v: str) -> Counter[str]:
    return Counter(data["relation"] for data in graph.get_edge_data(u, v, default={}).values())


@pytest.mark.parametrize(
    ("claim_id", "expected"),
    [
        ("c1", ["source:ani"]),
        ("c2", ["source:ani", "source:cnn", "source:police"]),
        ("c3", ["source:ani", "source:cnn", "source:police"]),
        ("c4", ["source:ani", "source:zelensky"]),
        (claim("c4"), ["source:ani", "source:zelensky"]),
    ],
)
def test_chain_of(graph: nx.MultiDiGraph, claim_id: str, expected: list[str]) -> None:
    assert chain_of(graph, claim_id) == expected


@pytest.mark.parametrize(
    ("claim_id", "expected"),
    [("c1", 0), ("c2", 2), ("c3", 2), ("c4", 1)],
)
def test_depth(graph: nx.MultiDiGraph, claim_id: str, expected: int) -> None:
    assert depth(graph, claim_id) == expected


@pytest.mark.parametrize(
    ("source_id", "expected"),
    [
        ("ani", ["c1", "c2", "c3", "c4"]),
        ("cnn", ["c2", "c3"]),
        ("police", ["c2", "c3"]),
        ("zelensky", ["c4"]),
        ("source:zelensky", ["c4"]),
    ],
)
def test_claims_of(graph: nx.MultiDiGraph, source_id: str, expected: list[str]) -> None:
    assert claims_of(graph, source_id) == [claim(c) for c in expected]


def test_originators(graph: nx.MultiDiGraph) -> None:
    assert originators(graph) == ["source:ani", "source:police", "source:zelensky"]


@pytest.mark.parametrize(
    ("u", "v", "expected"),
    [
        ("article:kramatorsk", claim("c1"), {"hadMember": 1}),
        (claim("c1"), "source:ani", {"wasAttributedTo": 1}),
        (claim("c2"), "source:ani", {"wasAttributedTo": 1}),
        ("source:ani", "source:cnn", {"wasDerivedFrom": 1, "wasQuotedFrom": 1}),
        ("source:cnn", "source:police", {"wasDerivedFrom": 1, "wasQuotedFrom": 1}),
        ("source:ani", "source:zelensky", {"wasQuotedFrom": 1}),
        (claim("c2"), "source:police", {"hadPrimarySource": 1}),
        (claim("c4"), "source:zelensky", {"hadPrimarySource": 1}),
        (claim("c1"), "source:ani", {"wasAttributedTo": 1}),  # no primary source of its own
        (claim("c3"), "channel:telegram", {"atLocation": 1}),
        (claim("c4"), "channel:telegram", {"atLocation": 1}),
        (claim("c2"), "channel:telegram", {}),
    ],
)
def test_edge_relations(graph: nx.MultiDiGraph, u: str, v: str, expected: dict[str, int]) -> None:
    assert relations(graph, u, v) == Counter(expected)


@pytest.mark.parametrize(
    ("claim_id", "relation"),
    [("c2", "wasDerivedFrom"), ("c3", "wasQuotedFrom"), ("c4", "wasQuotedFrom")],
)
def test_chain_edges_carry_claim_and_hop(
    graph: nx.MultiDiGraph, claim_id: str, relation: str
) -> None:
    node = claim(claim_id)
    chain = chain_of(graph, claim_id)
    for hop, (u, v) in enumerate(itertools.pairwise(chain), start=1):
        mine = [d for d in graph.get_edge_data(u, v).values() if d["claim"] == node]
        assert mine == [{"relation": relation, "claim": node, "hop": hop}]


@pytest.mark.parametrize(
    ("node", "expected"),
    [
        ("article:kramatorsk", {"type": "article", "title": "Missile strike on Kramatorsk"}),
        (claim("c3"), {"type": "claim", "kind": "direct", "start": 50, "end": 78}),
        (claim("c1"), {"type": "claim", "kind": "unattributed", "inferred": True}),
        ("source:ani", {"type": "source", "name": "ANI", "prov_type": "prov:Organization"}),
        ("source:police", {"source_type": "police", "prov_type": "prov:Organization"}),
        ("source:zelensky", {"source_type": "person", "prov_type": "prov:Person"}),
        ("channel:telegram", {"type": "channel", "name": "Telegram"}),
    ],
)
def test_node_attributes(graph: nx.MultiDiGraph, node: str, expected: dict[str, object]) -> None:
    data = graph.nodes[node]
    assert {key: data[key] for key in expected} == expected


def test_anonymous_source_is_an_agent() -> None:
    anonymous = Source(id="official", name="an official", type="anonymous", anonymous=True)
    claims = [Claim(id="c1", text="x", start=0, end=1, kind="indirect", chain=["ani", "official"])]
    graph = build_graph(KEY, claims, [SOURCES[0], anonymous])
    assert graph.nodes["source:official"]["prov_type"] == "prov:Organization"
    assert originators(graph) == ["source:official"]


def test_node_ids_are_stable_and_json_safe() -> None:
    first = graph_data(build_graph(KEY, CLAIMS, SOURCES, title="t"))
    second = graph_data(build_graph(KEY, CLAIMS, SOURCES, title="t"))
    assert first == second
    assert json.dumps(first) == json.dumps(second)
    assert [node["id"] for node in first["nodes"]] == [
        "article:kramatorsk",
        "source:ani",
        "source:cnn",
        "source:police",
        "source:zelensky",
        claim("c1"),
        claim("c2"),
        claim("c3"),
        "channel:telegram",
        claim("c4"),
    ]


def test_graph_data_round_trips_through_analysis(graph: nx.MultiDiGraph) -> None:
    analysis = Analysis(sources=SOURCES, claims=CLAIMS, graph=graph_data(graph))
    restored = Analysis.model_validate_json(analysis.model_dump_json()).to_networkx()
    assert nx.utils.graphs_equal(restored, graph)
    assert chain_of(restored, "c3") == chain_of(graph, "c3")


def test_compose_merges_articles_on_shared_sources(graph: nx.MultiDiGraph) -> None:
    other_sources = [
        Source(id="reuters", name="Reuters", type="news_agency"),
        Source(id="cnn", name="CNN", type="news_outlet"),
    ]
    other_claims = [
        Claim(id="c1", text="y", start=0, end=1, kind="indirect", chain=["reuters", "cnn"]),
    ]
    other = build_graph("other", other_claims, other_sources)
    merged = nx.compose(graph, other)

    assert [n for n in merged if n == "source:cnn"] == ["source:cnn"]
    assert merged.number_of_edges() == graph.number_of_edges() + other.number_of_edges()
    assert claims_of(merged, "cnn") == [claim("c2"), claim("c3"), claim("c1", "other")]
    assert chain_of(merged, claim("c1", "other")) == ["source:reuters", "source:cnn"]
    assert chain_of(merged, "c3") == ["source:ani", "source:cnn", "source:police"]
    assert set(originators(merged)) == {
        "source:ani",
        "source:police",
        "source:zelensky",
        "source:cnn",
    }


@pytest.mark.parametrize(
    ("query", "argument", "message"),
    [
        (chain_of, "c9", "no claim 'c9' in this graph (known: c1, c2, c3, c4)"),
        (depth, "c9", "no claim 'c9'"),
        (claims_of, "bbc", "no source 'bbc' in this graph (known: ani, cnn, police, zelensky)"),
    ],
)
def test_unknown_ids_raise_helpful_key_error(
    graph: nx.MultiDiGraph, query, argument: str, message: str
) -> None:
    with pytest.raises(KeyError, match=re.escape(message)):
        query(graph, argument)


def test_ambiguous_claim_id_in_merged_graph_names_node_ids(graph: nx.MultiDiGraph) -> None:
    other = build_graph("other", [CLAIMS[0]], SOURCES[:1])
    with pytest.raises(KeyError, match="ambiguous"):
        chain_of(nx.compose(graph, other), "c1")


@pytest.mark.parametrize(
    ("write", "read"),
    [
        (to_graphml, lambda path: nx.read_graphml(path, force_multigraph=True)),
        (to_gexf, nx.read_gexf),
    ],
    ids=["graphml", "gexf"],
)
def test_file_export_round_trip(graph: nx.MultiDiGraph, tmp_path: Path, write, read) -> None:
    path = tmp_path / "graph.out"
    write(graph, path)
    back = read(path)

    assert list(back.nodes) == list(graph.nodes)
    assert back.number_of_edges() == graph.number_of_edges()
    assert Counter(d["relation"] for *_, d in back.edges(data=True)) == Counter(
        d["relation"] for *_, d in graph.edges(data=True)
    )
    assert json.loads(back.nodes[claim("c2")]["attribution_ids"]) == ["a1", "a2"]
    assert json.loads(back.nodes["source:police"]["aliases"]) == ["local police"]
    assert back.nodes["source:zelensky"]["prov_type"] == "prov:Person"
