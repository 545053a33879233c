"""Exports: PROV (read back by prov), schema.org Claim JSON-LD, GraphML and GEXF (read
back by networkx), each also a --format of `attribution analyze`."""

from __future__ import annotations

import io
import json
import sys

import networkx as nx
import pytest
from typer.testing import CliRunner

import attribution
from attribution import Analysis
from attribution.cli import app
from attribution.views import FORMATS, MissingExtraError, export
from helpers import DATA, claim_id

prov_model = pytest.importorskip("prov.model")
SEED_FILE = DATA / "kramatorsk.txt"


def read_prov(text: str, format: str):
    return prov_model.ProvDocument.deserialize(content=text, format=format)


def agents(document) -> dict[str, str]:
    """Agent labels to their PROV type."""
    found = {}
    for record in document.get_records(prov_model.ProvAgent):
        label = str(next(iter(record.get_attribute("prov:label"))))
        found[label] = str(next(iter(record.get_attribute("prov:type"))))
    return found


@pytest.mark.parametrize(("format", "reader"), [("prov-json", "json"), ("prov-xml", "xml")])
def test_prov_reads_back_with_the_agents_of_the_seed(seed: Analysis, format, reader) -> None:
    document = read_prov(export(seed, format), reader)
    assert document == attribution.to_prov(seed)
    found = agents(document)
    assert found["CNN"] == "prov:Organization"
    assert found["Police officials"] == "prov:Organization"
    assert found["Volodymyr Zelensky"] == "prov:Person"


def derivations(document, prov_type: str | None) -> list:
    """Derivations of one PROV type: prov:Quotation, prov:PrimarySource, or None (plain)."""
    found = []
    for record in document.get_records(prov_model.ProvDerivation):
        types = {str(value) for value in record.get_attribute("prov:type")}
        if (prov_type in types) if prov_type else not types:
            found.append(record)
    return found


def test_prov_relations_follow_the_chains(seed: Analysis) -> None:
    document = attribution.to_prov(seed)
    direct = [c for c in seed.claims if c.kind == "direct"]
    relayed = [c for c in seed.claims if len(c.chain) > 1]
    reported = [c for c in relayed if c.kind != "direct"]
    assert len(derivations(document, "prov:Quotation")) == sum(len(c.chain) - 1 for c in direct)
    assert len(derivations(document, None)) == sum(len(c.chain) - 1 for c in reported)
    assert len(derivations(document, "prov:PrimarySource")) == len(relayed)
    attributed = list(document.get_records(prov_model.ProvAttribution))
    article = [r for r in attributed if str(r.args[0]).startswith("attr:article/")]
    assert [str(r.args[1]) for r in article] == ["attr:source/ani"]


def test_provn_names_the_relations(seed: Analysis) -> None:
    text = export(seed, "provn")
    assert text.startswith("document")
    for relation in ("wasDerivedFrom(", "wasAttributedTo(", "hadMember("):
        assert relation in text
    # PROV-N writes wasQuotedFrom and hadPrimarySource as typed derivations.
    assert "prov:Quotation" in text and "prov:PrimarySource" in text


def test_jsonld_claims_are_schema_org_claims(seed: Analysis) -> None:
    document = json.loads(export(seed, "jsonld"))
    assert document["@context"] == "https://schema.org"
    nodes = {node["@id"]: node for node in document["@graph"]}
    claims = [node for node in document["@graph"] if node["@type"] == "Claim"]
    assert len(claims) == len(seed.claims)
    assert "ClaimReview" not in json.dumps(document)
    police = nodes[f"#claim-{claim_id(seed, 'Iskander-K')}"]
    assert nodes[police["author"]["@id"]]["name"] == "Police officials"
    assert nodes[police["appearance"]["@id"]]["@type"] == "NewsArticle"
    assert police["firstAppearance"]["publisher"]["name"] == "Telegram"
    own = nodes[f"#claim-{claim_id(seed, 'Since October')}"]
    assert nodes[own["author"]["@id"]]["name"] == "ANI" and "firstAppearance" not in own


@pytest.mark.parametrize(("format", "read"), [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_graph_files_read_back_with_every_node(seed: Analysis, format, read) -> None:
    graph = read(io.BytesIO(export(seed, format).encode("utf-8")))
    assert set(graph.nodes) == set(seed.to_networkx().nodes)
    assert graph.number_of_edges() == seed.to_networkx().number_of_edges()


def test_export_names_the_formats_it_knows(seed: Analysis) -> None:
    with pytest.raises(ValueError, match="prov-json"):
        export(seed, "pdf")


def test_a_missing_extra_is_a_clear_error(seed: Analysis, monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "prov.model", None)  # as if prov were not installed
    with pytest.raises(MissingExtraError, match=r"news-attribution\[views\]"):
        export(seed, "prov-json")


@pytest.mark.parametrize("format", FORMATS)
def test_analyze_writes_each_format(format: str) -> None:
    result = CliRunner().invoke(app, ["analyze", str(SEED_FILE), "--format", format])
    assert result.exit_code == 0, result.output
    assert len(result.stdout) > 1000
    first = result.stdout.lstrip()[:1]
    assert first in "<{d"  # XML or HTML, JSON, or PROV-N's "document"


def test_analyze_says_which_extra_a_format_needs(monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "prov.model", None)
    result = CliRunner().invoke(app, ["analyze", str(SEED_FILE), "--format", "provn"])
    assert result.exit_code == 2
    assert "news-attribution[views]" in result.output
    assert "Traceback" not in result.output
