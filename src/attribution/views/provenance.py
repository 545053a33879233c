"""W3C PROV through the ``prov`` package: PROV-JSON, PROV-N and PROV-XML.

Sources are agents (``prov:Person`` or ``prov:Organization``). The article, each claim
and each statement along a claim's chain are entities: for claim c9 with chain
ANI ← CNN ← police, the claim as printed is attributed to ANI and derived from CNN's
report of it, which is attributed to CNN and derived from the police's statement, which
is attributed to the police and is the claim's primary source. A verbatim quote is
``wasQuotedFrom``, reported speech ``wasDerivedFrom`` (the same rule as the graph's), the
originator's statement ``hadPrimarySource``, and the article ``wasAttributedTo`` its
publisher. ``prov`` comes with the ``views`` extra.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..models import Analysis, Claim, Source
from ..stages.ids import slug
from ._optional import require

if TYPE_CHECKING:
    from prov.model import ProvDocument

#: Our own terms; a URN, so that nothing suggests a place to fetch them from.
NAMESPACE = ("attr", "urn:news-attribution:")
#: Formats ``prov`` writes, by our ``--format`` names.
SERIALIZERS = {"prov-json": "json", "provn": "provn", "prov-xml": "xml"}


def _article_key(analysis: Analysis) -> str:
    return slug(analysis.id) if analysis.id else "article"


def to_prov(analysis: Analysis) -> ProvDocument:
    """The analysis as a ``prov.model.ProvDocument``."""
    model = require("prov.model", "PROV export", "prov")
    document = model.ProvDocument()
    ours = document.add_namespace(*NAMESPACE)
    prov = model.PROV
    agents = {source.id: _agent(document, prov, source) for source in analysis.sources}
    key = _article_key(analysis)
    article = document.entity(
        f"attr:article/{key}",
        _attrs(
            {
                "prov:type": prov["Collection"],
                "prov:label": analysis.article.title or analysis.id or "article",
                "attr:url": analysis.article.url,
                "attr:published": analysis.article.published,
            }
        ),
    )
    if analysis.publisher in agents:
        document.wasAttributedTo(article, agents[analysis.publisher])
    for claim in analysis.claims:
        _claim(document, ours, key, article, claim, agents)
    return document


def _attrs(values: dict[str, Any]) -> dict[str, Any]:
    return {name: value for name, value in values.items() if value is not None}


def _agent(document: Any, prov: Any, source: Source) -> Any:
    kind = prov["Person"] if source.type == "person" else prov["Organization"]
    return document.agent(
        f"attr:source/{source.id}",
        _attrs(
            {
                "prov:type": kind,
                "prov:label": source.name,
                "attr:sourceType": source.type,
                "attr:role": source.role,
            }
        ),
    )


def _claim(
    document: Any, ours: Any, key: str, article: Any, claim: Claim, agents: dict[str, Any]
) -> None:
    """The claim as printed, then one statement per source further along its chain."""
    entity = document.entity(
        f"attr:claim/{key}/{claim.id}",
        _attrs(
            {
                "prov:type": ours["Claim"],
                "prov:value": claim.text,
                "attr:kind": claim.kind,
                "attr:start": claim.start,
                "attr:end": claim.end,
                "attr:inferred": claim.inferred,
                "attr:stance": claim.stance,
            }
        ),
    )
    document.hadMember(article, entity)
    chain = [source_id for source_id in claim.chain if source_id in agents]
    if not chain:
        return
    document.wasAttributedTo(entity, agents[chain[0]])
    relation = document.wasQuotedFrom if claim.kind == "direct" else document.wasDerivedFrom
    current = entity
    for hop, source_id in enumerate(chain[1:], start=1):
        last = hop == len(chain) - 1
        statement = document.entity(
            f"attr:statement/{key}/{claim.id}/{hop}",
            _attrs(
                {
                    "prov:type": ours["Statement"],
                    "prov:label": f"{claim.id} as {'said' if last else 'relayed'} by "
                    + str(agents[source_id].get_attribute("prov:label").pop()),
                    "attr:channel": claim.channel if last else None,
                }
            ),
        )
        document.wasAttributedTo(statement, agents[source_id])
        relation(current, statement)
        current = statement
    if len(chain) > 1:
        document.hadPrimarySource(entity, current)


def prov_text(analysis: Analysis, format: str) -> str:
    """The PROV document in one of :data:`SERIALIZERS`' formats, as text."""
    serializer = SERIALIZERS[format]
    document = to_prov(analysis)
    if serializer == "json":
        return document.serialize(format="json", indent=2)
    return document.serialize(format=serializer)
