"""Corpus: adding analyses, bad input, the merged graph and the JSON document."""

from __future__ import annotations

import json

import networkx as nx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from attribution import Analysis, Claim, Corpus, CorpusDocument, InputError, Source
from attribution.corpus.graph import relay_paths


def relayed(doc_id: str, outlet: str, text: str, *relays: str, published: str | None = None):
    """An analysis of one claim: outlet <- relays... (the last one the originator)."""
    sources = [Source(id="pub", name=outlet, type="news_outlet")]
    chain = ["pub"]
    for index, name in enumerate(relays):
        kind = "news_outlet" if name.isupper() else "police"
        sources.append(Source(id=f"r{index}", name=name, type=kind))
        chain.append(f"r{index}")
    claim = Claim(id="c1", text=text, start=0, end=len(text), kind="indirect", chain=chain)
    return Analysis(
        id=doc_id,
        publisher="pub",
        sources=sources,
        claims=[claim],
        article={"published": published},
    )


TOLL = "A drone strike on the city of Sumy killed four people"


def reference_story() -> list[Analysis]:
    return [
        relayed("ani", "ANI", TOLL, "CNN", "Sumy regional police"),
        relayed("hindu", "The Hindu", TOLL, "ANI", "CNN", "Sumy regional police"),
        relayed("ukrinform", "Ukrinform", TOLL, "Sumy regional police"),
    ]


def test_circular_reporting_names_its_one_origin_and_the_outlets() -> None:
    corpus = Corpus.from_analyses(reference_story())
    (finding,) = corpus.findings
    assert finding.kind == "circular_reporting"
    assert corpus.source(finding.detail["origin"]).name == "Sumy regional police"
    outlets = {corpus.source(s).name for s in finding.detail["outlets"]}
    assert outlets == {"ANI", "CNN", "The Hindu", "Ukrinform"}
    assert "4 outlets" in finding.message and "one independent origin" in finding.message


def test_add_is_incremental_and_changes_the_findings() -> None:
    corpus = Corpus.from_analyses(reference_story()[:1])
    assert corpus.findings == []
    assert corpus.add(reference_story()[2]) == "ukrinform"
    assert [f.kind for f in corpus.findings] == ["circular_reporting"]
    corpus.add(relayed("kyiv", "Kyiv Post", TOLL, "Governor Ivan Sydor"))
    assert [f.kind for f in corpus.findings] == ["corroborated"]


def test_the_merged_graph_keeps_each_articles_relays_and_provenance() -> None:
    corpus = Corpus.from_analyses(reference_story())
    graph = corpus.graph
    names = [graph.nodes[node]["name"] for node in relay_paths(graph, "hindu:c1")]
    assert names == ["The Hindu", "ANI", "CNN", "Sumy regional police"]
    for _, _, data in graph.edges(data=True):
        assert data["article"] in {"ani", "hindu", "ukrinform"}
    statements = [n for n, d in graph.nodes(data=True) if d["type"] == "statement"]
    assert len(statements) == 1 and graph.in_degree(statements[0]) == 3


def test_the_document_round_trips_through_json() -> None:
    document = Corpus.from_analyses(reference_story()).document()
    again = CorpusDocument.model_validate_json(document.model_dump_json())
    assert again == document
    assert set(json.loads(document.model_dump_json())) >= {
        "articles",
        "sources",
        "claims",
        "findings",
        "graph",
    }
    assert [c.id for c in document.claims] == ["ani:c1", "hindu:c1", "ukrinform:c1"]
    graph = document.to_networkx()
    assert isinstance(graph, nx.MultiDiGraph) and "claim:ani:c1" in graph


def test_a_revised_toll_is_told_from_a_contradiction() -> None:
    text = "A landslide near the village of Orvik killed {} people"
    revised = Corpus.from_analyses(
        [
            relayed("m", "Nord Post", text.format(3), "Orvik police", published="2026-03-10T08:00"),
            relayed("e", "Nord Post", text.format(7), "Orvik police", published="2026-03-10T20:00"),
        ]
    )
    (finding,) = revised.findings
    assert finding.kind == "numeric_conflict" and finding.detail["revision"] is True
    assert [v["values"] for v in finding.detail["variants"]] == [[3.0], [7.0]]
    contradiction = Corpus.from_analyses(
        [
            relayed("a", "Nord Post", text.format(3), "Orvik police"),
            relayed("b", "Valley Herald", text.format(7), "Mayor Eva Lind"),
        ]
    )
    (finding,) = contradiction.findings
    assert finding.detail["revision"] is False and "Not a clear revision" in finding.message


def test_a_duplicate_article_id_is_refused_and_the_others_stay() -> None:
    corpus = Corpus.from_analyses(reference_story()[:1])
    with pytest.raises(InputError, match="duplicate article id 'ani'"):
        corpus.add(reference_story()[0])
    assert len(corpus) == 1


def test_an_analysis_of_another_contract_version_is_refused_clearly() -> None:
    document = reference_story()[0].model_dump(mode="json")
    document["claims"][0]["chain_of_sources"] = document["claims"][0].pop("chain")
    with pytest.raises(InputError, match=r"this version of the contract"):
        Corpus().add(document)


def test_something_that_is_not_an_analysis_is_refused() -> None:
    with pytest.raises(InputError, match="must be an Analysis or a dict"):
        Corpus().add("ANI reported")  # type: ignore[arg-type]


def test_an_analysis_without_an_id_gets_a_content_hash() -> None:
    analysis = reference_story()[0].model_copy(update={"id": None})
    first = Corpus().add(analysis)
    assert first.startswith("a-") and first == Corpus().add(analysis)


def test_an_empty_corpus_has_nothing_and_says_so() -> None:
    corpus = Corpus()
    assert corpus.findings == [] and corpus.sources == [] and corpus.graph.number_of_nodes() == 0


def test_a_claim_with_an_empty_chain_is_kept_but_never_grouped() -> None:
    story = reference_story()
    story[0].claims[0].chain = []
    corpus = Corpus.from_analyses(story)
    assert corpus.claims[0].chain == [] and corpus.claims[0].group is None
    assert [f.kind for f in corpus.findings] == ["circular_reporting"]


def test_a_denial_does_not_back_the_claim_it_denies() -> None:
    story = reference_story()
    denial = relayed("moscow", "TASS", TOLL, "Russian Defence Ministry")
    denial.claims[0].stance = "denies"
    corpus = Corpus.from_analyses([*story, denial])
    assert [f.kind for f in corpus.findings] == ["circular_reporting"]
    assert "moscow:c1" not in corpus.findings[0].claims


def test_a_chain_member_the_analysis_does_not_list_is_warned_about_and_still_named() -> None:
    story = reference_story()
    story[2].claims[0].chain.append("ghost")
    document = Corpus.from_analyses(story).document()
    assert any("ghost" in warning for warning in document.warnings)
    ids = {source.id for source in document.sources}
    assert all(set(claim.chain) <= ids for claim in document.claims)
    graph = document.to_networkx()
    assert all("type" in data for _, data in graph.nodes(data=True))


NAMES = ["Reuters", "AP", "police", "Donetsk police", "Anna Berg", "Berg", "officials", "CNN"]
TYPES = ["news_agency", "news_agency", "police", "police", "person", "person", "anonymous"]
SENTENCES = [
    "A strike on the city killed {} people",
    "The bridge will reopen on Friday",
    "We will not raise the fuel tax this year",
    "Rescue teams searched the rubble for {} hours",
]


@st.composite
def analyses(draw: st.DrawFn) -> list[Analysis]:
    made = []
    for number in range(draw(st.integers(1, 6))):
        picked = draw(st.lists(st.integers(0, len(TYPES) - 1), min_size=1, max_size=4))
        sources = [Source(id="pub", name=f"Outlet {draw(st.integers(0, 2))}", type="news_outlet")]
        sources += [
            Source(id=f"s{i}", name=NAMES[k], type=TYPES[k], anonymous=TYPES[k] == "anonymous")
            for i, k in enumerate(picked)
        ]
        claims = []
        for index in range(draw(st.integers(0, 3))):
            text = draw(st.sampled_from(SENTENCES)).format(draw(st.integers(1, 5)))
            chain = ["pub", *draw(st.lists(st.sampled_from([s.id for s in sources[1:]])))]
            kind = (
                draw(st.sampled_from(["direct", "indirect"])) if len(chain) > 1 else "unattributed"
            )
            claims.append(
                Claim(id=f"c{index + 1}", text=text, start=0, end=len(text), kind=kind, chain=chain)
            )
        made.append(Analysis(id=f"a{number}", publisher="pub", sources=sources, claims=claims))
    return made


@given(analyses())
def test_any_analyses_give_a_consistent_document(batch: list[Analysis]) -> None:
    document = Corpus.from_analyses(batch).document()
    ids = {source.id for source in document.sources}
    claims = {claim.id for claim in document.claims}
    assert len(claims) == len(document.claims)
    for claim in document.claims:
        assert set(claim.chain) <= ids
    for finding in document.findings:
        assert set(finding.claims) <= claims and set(finding.sources) <= ids
        assert finding.message
    assert Corpus.from_analyses(reversed(batch)).document() == document


def test_a_claim_too_short_to_tell_one_story_from_another_is_never_grouped() -> None:
    london = relayed("london", "London Daily", "Two people were arrested", "police")
    leeds = relayed("leeds", "Leeds Post", "Four people were arrested", "police")
    corpus = Corpus.from_analyses([london, leeds])
    assert corpus.findings == [] and all(c.group is None for c in corpus.claims)
