"""Source identity across articles, on hand-built analyses (no parse needed)."""

from __future__ import annotations

import pytest

from attribution import Analysis, Claim, Corpus, Source
from attribution.corpus.identity import is_generic, qualifiers
from attribution.corpus.words import default_words

WORDS = default_words()


def article(doc_id: str, *sources: tuple[str, str, list[str]], publisher: str = "") -> Analysis:
    """An analysis with these (name, type, aliases) sources and one claim naming each."""
    outlet = publisher or f"Outlet {doc_id}"
    listed = [Source(id="pub", name=outlet, type="news_outlet")]
    for index, (name, kind, aliases) in enumerate(sources):
        listed.append(
            Source(
                id=f"s{index}",
                name=name,
                type=kind,  # type: ignore[arg-type]
                aliases=aliases,
                anonymous=kind == "anonymous",
            )
        )
    claims = [
        Claim(id=f"c{i + 1}", text="x", start=0, end=1, kind="indirect", chain=["pub", s.id])
        for i, s in enumerate(listed[1:])
    ]
    return Analysis(id=doc_id, publisher="pub", sources=listed, claims=claims)


def merged(*analyses: Analysis) -> dict[str, list[str]]:
    """Corpus source name -> the members it merges."""
    corpus = Corpus.from_analyses(analyses)
    return {s.name: s.members for s in corpus.sources if not s.id.startswith("outlet-")}


def test_one_person_under_three_names() -> None:
    found = merged(
        article("a", ("Volodymyr Zelensky", "person", ["President Volodymyr Zelensky"])),
        article("b", ("Zelensky", "person", [])),
        article("c", ("Volodymyr Zelensky", "person", ["Ukrainian President Volodymyr Zelensky"])),
    )
    assert found["Volodymyr Zelensky"] == ["a:s0", "b:s0", "c:s0"]


def test_an_ambiguous_surname_stays_apart_as_a_candidate() -> None:
    corpus = Corpus.from_analyses(
        [
            article("a", ("Anna Berg", "person", [])),
            article("b", ("Jonas Berg", "person", [])),
            article("c", ("Berg", "person", [])),
        ]
    )
    bare = next(s for s in corpus.sources if s.name == "Berg")
    assert bare.members == ["c:s0"] and bare.local
    (candidate,) = corpus.candidate_merges
    names = sorted(corpus.source(s).name for s in candidate.sources)
    assert names == ["Anna Berg", "Berg", "Jonas Berg"]
    assert "surname" in candidate.reason


def test_an_initial_joins_the_one_full_name_it_fits() -> None:
    found = merged(
        article("a", ("Elena Ruiz", "person", [])),
        article("b", ("E. Ruiz", "person", [])),
        article("c", ("Ruiz", "organisation", [])),  # a loosely typed bare name
    )
    assert found["Elena Ruiz"] == ["a:s0", "b:s0", "c:s0"]


@pytest.mark.parametrize(
    ("first", "second", "same"),
    [
        ("police", "Police officials", False),  # generic: never on the word alone
        ("officials", "officials", False),
        ("a source", "a source", False),
        ("the Donetsk regional police", "Donetsk police", True),  # qualified the same way
        ("State Emergency Service of Ukraine", "the State Emergency Service of Ukraine", True),
        ("Kharkiv police", "Donetsk police", False),
    ],
)
def test_bodies_merge_only_when_qualified_the_same_way(first: str, second: str, same: bool) -> None:
    kind = "anonymous" if first in ("a source", "officials") else "police"
    corpus = Corpus.from_analyses(
        [article("a", (first, kind, [])), article("b", (second, kind, []))]
    )
    shared = [s for s in corpus.sources if len(s.articles) == 2]
    assert bool(shared) == same


def test_outlets_merge_through_the_gazetteer() -> None:
    corpus = Corpus.from_analyses(
        [
            article("a", ("Associated Press", "news_agency", [])),
            article("b", ("AP", "news_agency", [])),
            article("c", ("CNN", "news_outlet", []), publisher="The Hindu"),
            article("d", ("Hindu", "organisation", [])),
        ]
    )
    names = {s.name: s.articles for s in corpus.sources if len(s.articles) > 1}
    assert names["Associated Press"] == ["a", "b"]
    assert names["The Hindu"] == ["c", "d"]


def test_ids_are_hashed_from_the_identity_not_the_order() -> None:
    one = Corpus.from_analyses(
        [article("a", ("Jonas Berg", "person", [])), article("b", ("Berg", "person", []))]
    )
    two = Corpus.from_analyses(
        [article("b", ("Berg", "person", [])), article("a", ("Jonas Berg", "person", []))]
    )
    assert [s.id for s in one.sources] == [s.id for s in two.sources]
    assert any(s.id.startswith("jonas-berg-") for s in one.sources)


@pytest.mark.parametrize("example", WORDS.data.generic_modifiers.examples, ids=lambda e: e.name)
def test_generic_examples_from_the_words_file(example) -> None:
    assert is_generic(example.name, WORDS) is example.generic


def test_qualifiers_split_names_into_qualifying_words_and_heads() -> None:
    assert qualifiers("the Donetsk regional police", WORDS) == (
        frozenset({"donetsk"}),
        frozenset({"police"}),
    )
