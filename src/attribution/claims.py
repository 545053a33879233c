"""Claims: sentence-level units of content, each with the chain it came through.

A quoted passage gives one claim per quoted sentence; reported speech gives its content
clause; every other sentence is the publisher's own voice, kind ``unattributed``,
because unattributed factual claims are what fact-checkers look at first. Claims never
overlap: where one link's content holds another's, the inner one speaks.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from spacy.tokens import Doc

from .intervals import Intervals
from .models import Claim
from .parts import Link


@dataclass(frozen=True, slots=True)
class _Unit:
    start: int
    end: int
    link: int | None  # index of the innermost link, None for the publisher's own voice


def build_claims(
    doc: Doc,
    links: list[Link],
    source_ids: list[str | None],
    publisher_id: str,
    *,
    body_start: int = 0,
    attribution_ids: list[str] | None = None,
) -> list[Claim]:
    """Claims in text order, ids c1, c2, ... ."""
    attribution_ids = attribution_ids or [f"a{i + 1}" for i in range(len(links))]
    text = doc.text  # spaCy rebuilds Doc.text on every access
    sentences = [(sent.start_char, sent.end_char) for sent in doc.sents]
    units = _non_overlapping(
        _linked_units(text, links, sentences)
        + _unattributed_units(text, links, sentences, body_start)
    )
    claims = []
    for number, unit in enumerate(units, start=1):
        claims.append(
            _claim(text, f"c{number}", unit, links, source_ids, publisher_id, attribution_ids)
        )
    return claims


def _linked_units(text: str, links: list[Link], sentences: list[tuple[int, int]]) -> list[_Unit]:
    relayed_same = {(link.relayed_by, link.content) for link in links}
    units: list[_Unit] = []
    for index, link in enumerate(links):
        if (index, link.content) in relayed_same:
            continue  # the inner link over the same content speaks for it
        if link.kind == "direct":
            pieces = _sentences_within(text, sentences, *link.content)
            units.extend(_Unit(s, e, index) for s, e in pieces)
        else:
            units.append(_Unit(*link.content, index))
    return units


def _sentences_within(
    text: str, sentences: list[tuple[int, int]], start: int, end: int
) -> list[tuple[int, int]]:
    """The sentence pieces of [start, end), trimmed, skipping pieces with no words."""
    pieces = []
    k = max(0, bisect_right(sentences, (start, 1 << 62)) - 1)
    while k < len(sentences) and sentences[k][0] < end:
        s, e = max(start, sentences[k][0]), min(end, sentences[k][1])
        if s < e:
            pieces.append(_trim(text, s, e))
        k += 1
    return [p for p in pieces if any(ch.isalnum() for ch in text[p[0] : p[1]])]


def _unattributed_units(
    text: str, links: list[Link], sentences: list[tuple[int, int]], body_start: int
) -> list[_Unit]:
    covered = Intervals(_covered_spans(links))
    units = []
    for start, end in sentences:
        if end <= body_start:
            if start == 0 or not text[:start].strip():
                pass  # the headline sentence, if it is before the body
            else:
                continue  # dateline pieces
        elif start < body_start:
            start = body_start
        start, end = _trim(text, start, end)
        if start >= end or not any(ch.isalnum() for ch in text[start:end]):
            continue
        if covered.overlaps((start, end)):
            continue
        units.append(_Unit(start, end, None))
    return units


def _covered_spans(links: list[Link]) -> set[tuple[int, int]]:
    spans = set()
    for link in links:
        spans.add(link.content)
        if link.cue is not None:
            spans.add(link.cue)  # '"...!" she wrote.': the cue's own sentence is no claim
        if link.quote is not None:
            spans.add((link.quote.start, link.quote.end))
    return spans


def _non_overlapping(units: list[_Unit]) -> list[_Unit]:
    """Where one unit holds another the inner one speaks; then drop partial overlaps."""
    kept: list[_Unit] = []
    for unit in sorted(units, key=lambda u: (u.start, -u.end)):
        while kept and kept[-1].start <= unit.start and unit.end <= kept[-1].end:
            kept.pop()
        if kept and unit.start < kept[-1].end:
            continue
        kept.append(unit)
    return kept


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in "\"“”'‘’,"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in "\"“”'‘’,"):
        end -= 1
    return start, end


def _chain(links: list[Link], index: int) -> list[int]:
    """Link indices from the outermost relay down to ``index``."""
    chain = [index]
    while (outer := links[chain[-1]].relayed_by) is not None and outer not in chain:
        chain.append(outer)
    return chain[::-1]


def _claim(article_text, claim_id, unit, links, source_ids, publisher_id, ids) -> Claim:
    text = article_text[unit.start : unit.end]
    if unit.link is None:
        return Claim(
            id=claim_id,
            text=text,
            start=unit.start,
            end=unit.end,
            kind="unattributed",
            chain=[publisher_id],
        )
    path = _chain(links, unit.link)
    chain = [publisher_id]
    for index in path:
        source_id = source_ids[index]
        if source_id is not None and source_id != chain[-1]:
            chain.append(source_id)
    inner = links[unit.link]
    return Claim(
        id=claim_id,
        text=text,
        start=unit.start,
        end=unit.end,
        kind=inner.kind,
        chain=chain,
        channel=inner.channel_name,
        inferred=any(links[i].inferred for i in path),
        attribution_ids=[ids[i] for i in path],
    )
