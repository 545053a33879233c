"""The order of the stages, and the only module that knows it.

text -> article -> (parsed Doc) -> quotes -> cues -> links -> sources -> claims -> checks
     -> graph
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

from .budget import check_time
from .language_check import text_warnings
from .limits import CUES_DROPPED, MAX_CUES_PER_SENTENCE
from .metadata import METADATA_FIELDS
from .models import Analysis, Attribution, Furniture, Span
from .rules.compiled import CompiledRules
from .stages.article import read_article
from .stages.checks import run_checks
from .stages.claims import build_claims
from .stages.cues import find_cues
from .stages.furniture import (
    find_furniture,
    outside_cues,
    outside_links,
    outside_quotes,
    with_credited_agency,
)
from .stages.graph import build_graph, graph_data
from .stages.ids import text_key
from .stages.links import find_links
from .stages.parts import Cue, Link
from .stages.quotes import find_quotes
from .stages.sources import resolve_sources
from .stages.syntax import doc_text, sentences

NO_PUBLISHER = (
    "no publisher: none was given and the text names none in a dateline, a credit or a URL; "
    "the article itself heads every chain (pass a publisher to name it)"
)


def analyze_doc(
    doc: Doc,
    rules: CompiledRules,
    meta: dict[str, Any] | None = None,
    *,
    max_cues_per_sentence: int = MAX_CUES_PER_SENTENCE,
) -> Analysis:
    """Run every stage after parsing over one parsed article.

    ``meta`` holds the article's metadata (``id`` and :data:`METADATA_FIELDS`) and may
    hold ``warnings`` from earlier steps (the Analyzer's chunking), which come first.
    ``max_cues_per_sentence`` bounds the cues linked in one sentence (see :mod:`.limits`).
    The time budget, if any, is checked
    between stages.
    """
    meta = dict(meta or {})
    doc_id = meta.pop("id", None)
    text = doc_text(doc)
    warnings = [*_earlier_warnings(meta.pop("warnings", None)), *text_warnings(doc, text)]
    article = read_article(text, **{k: meta.get(k) for k in METADATA_FIELDS})
    furniture = find_furniture(text, 0, rules)
    article = with_credited_agency(article, furniture)
    quotes = outside_quotes(find_quotes(text), furniture)
    found = outside_cues(find_cues(doc, rules), [t.idx for t in doc], furniture)
    cues, note = _bounded_cues(doc, found, max_cues_per_sentence)
    warnings += [note] if note else []
    check_time()
    links = outside_links(find_links(doc, quotes, cues, rules), furniture)
    check_time()
    resolved = resolve_sources(doc, links, article, quotes, rules)
    check_time()
    shown = [not _asked_by_no_one(link, rules) for link in resolved.links]
    attribution_ids = _numbered(shown)
    claims = build_claims(
        doc,
        resolved.links,
        resolved.source_ids,
        resolved.publisher_id,
        dateline=(article.dateline.start, article.dateline.end) if article.dateline else None,
        attribution_ids=attribution_ids,
        furniture=[(p.start, p.end) for p in furniture],
        agency_id=resolved.agency_id,
    )
    if article.publisher is None and any(len(claim.chain) > 1 for claim in claims):
        warnings.append(NO_PUBLISHER)  # only where a chain is shown with the article at its head
    attributions = [
        _attribution(text, link, attribution_ids, resolved.source_ids[i], attribution_ids[i])
        for i, link in enumerate(resolved.links)
        if shown[i]
    ]
    headline = (article.headline.start, article.headline.end) if article.headline else None
    checked = run_checks(
        doc,
        claims,
        resolved.sources,
        attributions,
        resolved.publisher_id,
        rules.rules,
        headline=headline,
    )
    check_time()
    graph = build_graph(doc_id or text_key(text), claims, resolved.sources, title=article.title)
    return Analysis(
        id=doc_id,
        publisher=resolved.publisher_id if article.publisher else None,
        article=article,
        sources=resolved.sources,
        attributions=attributions,
        claims=checked.claims,
        findings=checked.findings,
        furniture=[
            Furniture(span=_span(text, (p.start, p.end)), kind=p.key, reason=p.reason)
            for p in furniture
        ],
        graph=graph_data(graph),
        warnings=warnings,
        text=text,
    )


def _asked_by_no_one(link: Link, rules: CompiledRules) -> bool:
    """ "Asked whether X, the mayor said ...": in 'speech' scope the reporter's question is
    no attribution (it asserts nothing); the broad scope lists it, as PolNeAR counts
    questions. The claims stage still reads its link, to keep X out of the answer's frame."""
    return rules.scope == "speech" and link.question and link.source is None


def _numbered(shown: list[bool]) -> list[str]:
    """Attribution ids in text order, counting only the links that are shown: "a1", "a2",
    ...; a hidden link gets an id no attribution has, so nothing can point at it."""
    ids: list[str] = []
    count = 0
    for i, is_shown in enumerate(shown):
        count += is_shown
        ids.append(f"a{count}" if is_shown else f"hidden{i + 1}")
    return ids


def _bounded_cues(doc: Doc, cues: list[Cue], limit: int) -> tuple[list[Cue], str | None]:
    """The cues, at most ``limit`` of them per sentence (the first ones), and a warning
    when some were dropped. One pass over the sentences and one over the cues."""
    if len(cues) <= limit:
        return cues, None
    sentence_of = [0] * len(doc)
    for number, sentence in enumerate(sentences(doc)):
        sentence_of[sentence.start : sentence.end] = [number] * len(sentence)
    kept: list[Cue] = []
    seen: dict[int, int] = {}
    for cue in cues:
        number = sentence_of[cue.head]
        seen[number] = seen.get(number, 0) + 1
        if seen[number] <= limit:
            kept.append(cue)
    if len(kept) == len(cues):
        return cues, None
    crowded = sum(count > limit for count in seen.values())
    return kept, CUES_DROPPED.format(sentences=crowded, limit=limit, dropped=len(cues) - len(kept))


def _earlier_warnings(value: Any) -> list[str]:
    """Warnings handed on in the metadata: one string or a list of them."""
    if not value:
        return []
    return [value] if isinstance(value, str) else [str(item) for item in value]


def _span(text: str, span: tuple[int, int] | None) -> Span | None:
    if span is None:
        return None
    return Span(start=span[0], end=span[1], text=text[span[0] : span[1]])


def _attribution(
    text: str, link: Link, ids: list[str], source_id: str | None, attribution_id: str
) -> Attribution:
    return Attribution(
        id=attribution_id,
        source=_span(text, link.source),
        cue=_span(text, link.cue),
        content=_span(text, link.content),
        source_id=source_id,
        channel=_span(text, link.channel),
        channel_name=link.channel_name,
        kind=link.kind,
        category=link.category,
        confidence=link.confidence,
        inferred=link.inferred,
        reason=link.reason,
        relayed_by=ids[link.relayed_by] if link.relayed_by is not None else None,
        stance=link.stance,
    )
