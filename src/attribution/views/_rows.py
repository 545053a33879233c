"""Flat rows out of an analysis: one dict of scalars per claim, source or attribution.

Every view that shows a table (the notebook display, the DataFrames, the HTML report)
reads these rows, so the columns mean the same everywhere. Nothing here analyses: it
only looks things up in the models.
"""

from __future__ import annotations

from typing import Any

from ..models import Analysis, Attribution, Claim, Source

#: Joins chain names, publisher first: "ANI ← CNN ← Police officials" (got it from).
ARROW = " ← "
#: Marks a claim whose chain has an inferred link, as the command line's table does.
INFERRED_MARK = "*"


def source_name(analysis: Analysis, source_id: str | None) -> str | None:
    """A source's name, or its id when the source list lacks it (never a KeyError)."""
    if source_id is None:
        return None
    for source in analysis.sources:
        if source.id == source_id:
            return source.name
    return source_id


def chain_names(analysis: Analysis, claim: Claim) -> list[str]:
    """The names along a claim's chain, publisher first; ids stand in for unknown sources."""
    return [source_name(analysis, source_id) or source_id for source_id in claim.chain]


def chain_text(analysis: Analysis, claim: Claim) -> str:
    """The chain as one line: "ANI ← CNN ← Police officials"."""
    return ARROW.join(chain_names(analysis, claim))


def chain_title(analysis: Analysis, claim: Claim) -> str:
    """What a hover shows: id, kind, chain, channel and the inferred mark."""
    parts = [f"{claim.id} {claim.kind}: {chain_text(analysis, claim)}"]
    if claim.channel:
        parts.append(f"on {claim.channel}")
    if claim.inferred:
        parts.append("(inferred link)")
    return " ".join(parts)


def claim_row(analysis: Analysis, claim: Claim) -> dict[str, Any]:
    """One claim as flat columns; the chain both as names and as ids."""
    chain = chain_names(analysis, claim)
    return {
        "id": claim.id,
        "kind": claim.kind,
        "stance": claim.stance,
        "chain": ARROW.join(chain),
        "publisher": chain[0] if chain else None,
        "originator": chain[-1] if chain else None,
        "depth": max(len(chain) - 1, 0),
        "channel": claim.channel,
        "inferred": claim.inferred,
        "start": claim.start,
        "end": claim.end,
        "text": claim.text,
        "chain_ids": "|".join(claim.chain),
        "attribution_ids": "|".join(claim.attribution_ids),
    }


def source_row(analysis: Analysis, source: Source) -> dict[str, Any]:
    """One source as flat columns, with how many claims pass through it and start at it."""
    through = [claim for claim in analysis.claims if source.id in claim.chain]
    return {
        "id": source.id,
        "name": source.name,
        "type": source.type,
        "role": source.role,
        "anonymous": source.anonymous,
        "aliases": "; ".join(source.aliases),
        "mentions": len(source.mentions),
        "claims": len(through),
        "originated": sum(1 for claim in through if claim.chain[-1] == source.id),
    }


def _span_text(span: Any) -> str | None:
    return None if span is None else span.text


def attribution_row(analysis: Analysis, attribution: Attribution) -> dict[str, Any]:
    """One attribution link as flat columns: spans as their text and offsets."""
    return {
        "id": attribution.id,
        "source_id": attribution.source_id,
        "source_name": source_name(analysis, attribution.source_id),
        "source": _span_text(attribution.source),
        "cue": _span_text(attribution.cue),
        "content": attribution.content.text,
        "content_start": attribution.content.start,
        "content_end": attribution.content.end,
        "channel": attribution.channel_name or _span_text(attribution.channel),
        "kind": attribution.kind,
        "stance": attribution.stance,
        "category": attribution.category,
        "confidence": attribution.confidence,
        "inferred": attribution.inferred,
        "reason": attribution.reason,
        "relayed_by": attribution.relayed_by,
    }


def claim_rows(analysis: Analysis) -> list[dict[str, Any]]:
    return [claim_row(analysis, claim) for claim in analysis.claims]


def source_rows(analysis: Analysis) -> list[dict[str, Any]]:
    return [source_row(analysis, source) for source in analysis.sources]


def attribution_rows(analysis: Analysis) -> list[dict[str, Any]]:
    return [attribution_row(analysis, attribution) for attribution in analysis.attributions]


def summary(analysis: Analysis) -> str:
    """One line: id, publisher and counts; what ``repr`` shows."""
    publisher = source_name(analysis, analysis.publisher) or "unknown"
    counts = ", ".join(
        f"{len(items)} {name}"
        for name, items in (
            ("claims", analysis.claims),
            ("sources", analysis.sources),
            ("attributions", analysis.attributions),
            ("findings", analysis.findings),
        )
    )
    head = f"id={analysis.id!r}, " if analysis.id is not None else ""
    return f"{head}publisher={publisher!r}, {counts}"
