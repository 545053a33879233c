"""schema.org ``Claim`` objects as JSON-LD, one per claim.

The originator is the ``author``, the article is the ``appearance``, and, where the
claim came through someone (the chain goes beyond the publisher), the originator's own
statement is the ``firstAppearance``, with its channel where the text names one. Never
``ClaimReview``: rating a claim is the fact-checker's job, not this library's.
"""

from __future__ import annotations

import json
from typing import Any

from ..models import Analysis, Claim, Source
from ..stages.ids import slug

CONTEXT = "https://schema.org"


def _source_id(source_id: str) -> str:
    return f"#source-{source_id}"


def _agent(source: Source) -> dict[str, Any]:
    node: dict[str, Any] = {
        "@type": "Person" if source.type == "person" else "Organization",
        "@id": _source_id(source.id),
        "name": source.name,
    }
    if source.aliases:
        node["alternateName"] = list(source.aliases)
    if source.role:
        node["jobTitle" if source.type == "person" else "description"] = source.role
    return node


def _article(analysis: Analysis) -> dict[str, Any]:
    node: dict[str, Any] = {"@type": "NewsArticle", "@id": _article_id(analysis)}
    for name, value in (
        ("headline", analysis.article.title),
        ("url", analysis.article.url),
        ("datePublished", analysis.article.published),
        ("dateline", analysis.article.dateline.text if analysis.article.dateline else None),
    ):
        if value:
            node[name] = value
    if analysis.publisher:
        node["publisher"] = {"@id": _source_id(analysis.publisher)}
    return node


def _article_id(analysis: Analysis) -> str:
    return analysis.article.url or f"#article-{slug(analysis.id) if analysis.id else 'article'}"


def _claim(analysis: Analysis, claim: Claim) -> dict[str, Any]:
    node: dict[str, Any] = {
        "@type": "Claim",
        "@id": f"#claim-{claim.id}",
        "text": claim.text,
        "appearance": {"@id": _article_id(analysis)},
    }
    if claim.chain:
        node["author"] = {"@id": _source_id(claim.chain[-1])}
    if len(claim.chain) > 1:
        first: dict[str, Any] = {
            "@type": "CreativeWork",
            "author": {"@id": _source_id(claim.chain[-1])},
        }
        if claim.channel:
            first["publisher"] = {"@type": "Organization", "name": claim.channel}
        node["firstAppearance"] = first
    return node


def to_jsonld(analysis: Analysis) -> dict[str, Any]:
    """The article, its sources and one ``Claim`` per claim, in one ``@graph``."""
    graph = [_article(analysis), *(_agent(source) for source in analysis.sources)]
    graph += [_claim(analysis, claim) for claim in analysis.claims]
    return {"@context": CONTEXT, "@graph": graph}


def jsonld_text(analysis: Analysis) -> str:
    return json.dumps(to_jsonld(analysis), ensure_ascii=False, indent=2)
