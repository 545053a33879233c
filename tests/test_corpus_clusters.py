"""The development set: each cluster of articles gives the findings a careful reader
expects, and no others (tests/data/corpus/clusters.yaml says what and why)."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from attribution import Analysis, Corpus
from helpers import KRAMATORSK, shared_analyzer

CLUSTERS = yaml.safe_load(
    (Path(__file__).parent / "data" / "corpus" / "clusters.yaml").read_text(encoding="utf-8")
)["clusters"]


@cache
def analyses(name: str) -> tuple[Analysis, ...]:
    cluster = next(c for c in CLUSTERS if c["name"] == name)
    analyzer = shared_analyzer()
    return tuple(
        analyzer.analyze(a["text"], **{k: v for k, v in a.items() if k != "text"})
        for a in cluster["articles"]
    )


def texts(name: str) -> dict[str, str]:
    cluster = next(c for c in CLUSTERS if c["name"] == name)
    return {a["id"]: a["text"] for a in cluster["articles"]}


def described(corpus: Corpus) -> list[dict[str, Any]]:
    """Each finding as the YAML writes expectations: kind, articles and origin names."""
    found = []
    for finding in corpus.findings:
        entry: dict[str, Any] = {
            "kind": finding.kind,
            "articles": sorted({claim.split(":")[0] for claim in finding.claims}),
        }
        if "origin" in finding.detail:
            entry["origin"] = corpus.source(finding.detail["origin"]).name
        elif "origins" in finding.detail:
            entry["origins"] = sorted(corpus.source(o).name for o in finding.detail["origins"])
        if "revision" in finding.detail:
            entry["revision"] = finding.detail["revision"]
        found.append(entry)
    return found


def expected(cluster: dict[str, Any]) -> list[dict[str, Any]]:
    result = []
    for entry in cluster["expect"]:
        entry = dict(entry)
        if entry["kind"] == "numeric_conflict":
            entry.setdefault("revision", False)
        result.append(entry)
    return result


def _key(entry: dict[str, Any]) -> tuple[str, list[str]]:
    return (entry["kind"], entry["articles"])


@pytest.mark.parametrize("cluster", CLUSTERS, ids=[c["name"] for c in CLUSTERS])
def test_cluster_gives_its_expected_findings(cluster: dict[str, Any]) -> None:
    corpus = Corpus.from_analyses(analyses(cluster["name"]))
    assert sorted(described(corpus), key=_key) == sorted(expected(cluster), key=_key)


@pytest.mark.parametrize("cluster", CLUSTERS, ids=[c["name"] for c in CLUSTERS])
def test_claim_offsets_hold_in_their_own_article(cluster: dict[str, Any]) -> None:
    corpus = Corpus.from_analyses(analyses(cluster["name"]))
    own = texts(cluster["name"])
    for claim in corpus.document().claims:
        assert own[claim.article][claim.start : claim.end] == claim.text, claim.id


@pytest.mark.parametrize("cluster", CLUSTERS, ids=[c["name"] for c in CLUSTERS])
def test_any_order_gives_the_same_document(cluster: dict[str, Any]) -> None:
    forward = Corpus.from_analyses(analyses(cluster["name"])).document()
    backward = Corpus.from_analyses(reversed(analyses(cluster["name"]))).document()
    assert forward.model_dump() == backward.model_dump()


def test_generic_sources_stay_in_their_own_articles() -> None:
    corpus = Corpus.from_analyses(analyses("generic_sources"))
    police = [s for s in corpus.sources if "police" in s.name.casefold()]
    assert len(police) == 3
    assert all(len(s.articles) == 1 and s.local for s in police)


def test_all_clusters_in_one_corpus_give_the_union_of_their_findings() -> None:
    """Clusters do not bleed into each other: generic sources and look-alike sentences of
    different stories stay apart when every article is in one corpus."""
    everything = [a for c in CLUSTERS for a in analyses(c["name"])]
    corpus = Corpus.from_analyses(everything)
    union = [e for c in CLUSTERS for e in expected(c)]
    assert sorted(described(corpus), key=_key) == sorted(union, key=_key)


@given(st.randoms(use_true_random=False))
def test_any_shuffle_of_every_article_gives_the_same_document(rng) -> None:
    everything = [a for c in CLUSTERS for a in analyses(c["name"])]
    shuffled = list(everything)
    rng.shuffle(shuffled)
    first = Corpus.from_analyses(everything).document()
    assert Corpus.from_analyses(shuffled).document() == first


UKRINFORM = (
    "Kramatorsk, February 2 (Ukrinform) - A Russian missile strike on the eastern city of "
    "Kramatorsk killed 3 people, the Donetsk regional police said on Telegram.\n\n"
    '"Preliminarily, it is known about 3 dead civilians and 20 wounded," the police said.'
)


def test_the_reference_story_run_by_a_second_outlet_and_quoted_by_a_third() -> None:
    """ANI relays CNN, which relays the police; The Hindu runs ANI's copy; Ukrinform
    quotes the Donetsk police itself. Every shared claim has one origin."""
    analyzer = shared_analyzer()
    corpus = Corpus.from_analyses(
        [
            analyzer.analyze(KRAMATORSK, id="ani"),
            analyzer.analyze(KRAMATORSK, id="hindu", publisher="The Hindu"),
            analyzer.analyze(UKRINFORM, id="ukrinform"),
        ]
    )
    assert {f.kind for f in corpus.findings} == {"circular_reporting"}
    (quoted,) = [f for f in corpus.findings if "ukrinform:c2" in f.claims]
    assert corpus.source(quoted.detail["origin"]).name == "Donetsk regional police"
    assert sorted(c.split(":")[0] for c in quoted.claims) == ["ani", "hindu", "ukrinform"]
    assert "4 outlets" in quoted.message and "one independent origin" in quoted.message
