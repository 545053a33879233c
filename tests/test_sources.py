"""Sources from hand-built links: merging, typing, pronouns, publisher."""

from __future__ import annotations

from attribution.models import Article
from attribution.parts import Link
from attribution.quotes import find_quotes
from attribution.sources import resolve_sources
from helpers import shared_analyzer


def resolve(text: str, sources: list[tuple[str, int]], publisher: str | None = None):
    """Links whose source is the n-th occurrence of each given phrase."""
    analyzer = shared_analyzer()
    doc = analyzer.nlp(text)
    links = []
    for phrase, nth in sources:
        at = -1
        for _ in range(nth + 1):
            at = text.index(phrase, at + 1)
        links.append(Link((len(text) - 1, len(text)), (at, at + len(phrase)), None, "speech"))
    article = Article(publisher=publisher)
    return resolve_sources(doc, links, article, find_quotes(text), analyzer.component.compiled)


def test_aliases_merge_into_one_person_with_a_role() -> None:
    text = "Ukrainian President Volodymyr Zelensky spoke. Zelensky said it was a crime."
    resolved = resolve(text, [("Ukrainian President Volodymyr Zelensky", 0), ("Zelensky", 1)])
    (person,) = [s for s in resolved.sources if s.type == "person"]
    assert person.name == "Volodymyr Zelensky"
    assert person.role == "Ukrainian President"
    assert len(person.mentions) == 2
    assert resolved.source_ids[0] == resolved.source_ids[1] == person.id


def test_member_nouns_merge_with_their_body() -> None:
    text = "Police officials spoke first. Then the police spoke again."
    resolved = resolve(text, [("Police officials", 0), ("the police", 0)])
    assert resolved.source_ids[0] == resolved.source_ids[1]
    assert resolved.sources[-1].type == "police"


def test_pronoun_takes_the_nearest_person_and_is_never_a_source() -> None:
    text = "Anna Petrova visited the town. The river rose. She spoke to residents."
    resolved = resolve(text, [("She", 0)])
    (source,) = [s for s in resolved.sources if s.type == "person"]
    assert source.name == "Anna Petrova"
    assert resolved.links[0].inferred
    assert "resolved to Anna Petrova" in resolved.links[0].reason


def test_unnamed_officials_are_anonymous() -> None:
    text = "Officials spoke on Monday."
    resolved = resolve(text, [("Officials", 0)])
    (source,) = [s for s in resolved.sources if s.id == resolved.source_ids[0]]
    assert (source.type, source.anonymous) == ("anonymous", True)


def test_gazetteer_types_and_the_publisher() -> None:
    text = "Reuters spoke first."
    resolved = resolve(text, [("Reuters", 0)], publisher="ANI")
    publisher = next(s for s in resolved.sources if s.id == resolved.publisher_id)
    reuters = next(s for s in resolved.sources if s.id == resolved.source_ids[0])
    assert (publisher.name, publisher.type) == ("ANI", "news_agency")
    assert reuters.type == "news_agency"


def test_without_a_publisher_the_article_speaks() -> None:
    resolved = resolve("Nothing is attributed here.", [])
    (article,) = resolved.sources
    assert article.type == "article"
