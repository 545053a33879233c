"""The article with its claims and marks, in displaCy's span style, as offline HTML.

Claims are underlined in their kind's colour and labelled with their id and kind;
sources, cues and channels get bars of their own beneath. Hovering a claim, or a label on
it, shows its chain (a ``title``); in the report, clicking it jumps to the claim's row.
The markup needs no script, font or stylesheet from anywhere: it is inline.

displaCy itself renders one token stream in one block, with no per-span hover and no
paragraphs, so this module draws the same picture from the analysis's own offsets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape

from ..models import Analysis
from . import _rows
from ._style import ARTICLE_CSS, MARK_COLOURS, kind_colour
from .notebook import claim_anchor

TEXT_MISMATCH = (
    "this text is not the one the analysis was made from: claim {id} is {expected!r} at "
    "{start}:{end}, the text has {found!r} there; pass the article's own text"
)

# displaCy's span geometry, in px: where the first bar sits, and the step between bars.
TOP_OFFSET = 40
OFFSET_STEP = 17
LABEL_ROOM = 20

_PARAGRAPH_RE = re.compile(r"\n[ \t\r\f\v]*\n\s*")
_WORD_RE = re.compile(r"\S+|\s+")


@dataclass(frozen=True)
class Mark:
    """A labelled stretch of the text; ``slot`` 0 is the top bar (claims)."""

    start: int
    end: int
    label: str
    colour: str
    title: str
    slot: int = 0
    claim: str | None = None


class Rendered:
    """HTML that Jupyter displays and ``str()`` gives as markup."""

    def __init__(self, html: str) -> None:
        self.html = html

    def _repr_html_(self) -> str:
        return self.html

    def __str__(self) -> str:
        return self.html

    def __repr__(self) -> str:
        return f"<Rendered article, {len(self.html)} characters of HTML>"


def check_text(analysis: Analysis, text: str) -> None:
    """ValueError unless every claim sits at its offsets in ``text``."""
    if not isinstance(text, str):
        raise TypeError(f"text must be the article's text as str, not {type(text).__name__}")
    for claim in analysis.claims:
        found = text[claim.start : claim.end]
        if found != claim.text:
            raise ValueError(
                TEXT_MISMATCH.format(
                    id=claim.id,
                    expected=claim.text[:40],
                    start=claim.start,
                    end=claim.end,
                    found=found[:40],
                )
            )


def marks(analysis: Analysis) -> list[Mark]:
    """Claims on the top bar, then sources, cues and channels on bars below them."""
    found = [
        Mark(
            claim.start,
            claim.end,
            f"{claim.id} {claim.kind.upper()}",
            kind_colour(claim.kind),
            _rows.chain_title(analysis, claim),
            claim=claim.id,
        )
        for claim in analysis.claims
    ]
    return found + _slotted(_inner_marks(analysis))


def _inner_marks(analysis: Analysis) -> list[Mark]:
    seen: set[tuple[int, int, str]] = set()
    inner: list[Mark] = []

    def add(start: int, end: int, label: str, title: str) -> None:
        if end > start and (start, end, label) not in seen:
            seen.add((start, end, label))
            inner.append(Mark(start, end, label, MARK_COLOURS[label], title))

    for attribution in analysis.attributions:
        name = _rows.source_name(analysis, attribution.source_id) or "unresolved source"
        if attribution.source is not None:
            add(attribution.source.start, attribution.source.end, "SOURCE", name)
        if attribution.cue is not None:
            add(attribution.cue.start, attribution.cue.end, "CUE", f"{attribution.id}: {name}")
        if attribution.channel is not None:
            channel = attribution.channel_name or attribution.channel.text
            add(attribution.channel.start, attribution.channel.end, "CHANNEL", channel)
    for source in analysis.sources:
        for mention in source.mentions:
            add(mention.start, mention.end, "SOURCE", source.name)
    return sorted(inner, key=lambda mark: (mark.start, -(mark.end - mark.start)))


def _slotted(inner: list[Mark]) -> list[Mark]:
    """Each mark on the highest free bar below the claims', so overlaps stack."""
    placed: list[Mark] = []
    for mark in inner:
        taken = {p.slot for p in placed if _collide(p, mark)}
        slot = next(s for s in range(1, len(placed) + 2) if s not in taken)
        placed.append(Mark(mark.start, mark.end, mark.label, mark.colour, mark.title, slot))
    return placed


def _collide(placed: Mark, mark: Mark) -> bool:
    """Marks that overlap, or whose labels would (a label is about 0.6 of a character a
    letter wide, at its smaller size), cannot share a bar."""
    label_reach = placed.start + int(len(placed.label) * 0.6) + 2
    return placed.start < mark.end and mark.start < max(placed.end, label_reach)


def render_article(analysis: Analysis, text: str, *, links: bool = False) -> str:
    """The article as HTML paragraphs with every mark drawn; ``links`` makes claims link
    to their rows (``#claim-<id>``), as the report has them."""
    check_text(analysis, text)
    all_marks = marks(analysis)
    cuts = sorted({0, len(text), *(m.start for m in all_marks), *(m.end for m in all_marks)})
    paragraphs = []
    for start, end in _paragraphs(text):
        paragraphs.append(_paragraph(text, start, end, all_marks, cuts, links))
    body = "".join(f"<p>{html}</p>" for html in paragraphs if html)
    return f'<div class="attribution-article">{body}</div>'


def render(analysis: Analysis, text: str) -> Rendered:
    """The notebook view: the article with its marks, and the styles it needs."""
    return Rendered(f"<style>{ARTICLE_CSS}</style>" + render_article(analysis, text))


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans, position = [], 0
    for brk in _PARAGRAPH_RE.finditer(text):
        spans.append((position, brk.start()))
        position = brk.end()
    spans.append((position, len(text)))
    return [(start, end) for start, end in spans if text[start:end].strip()]


def _pieces(text: str, start: int, end: int, cuts: list[int]) -> list[tuple[int, int]]:
    """Words and runs of space in [start, end), cut again wherever a mark starts or ends."""
    pieces = []
    for word in _WORD_RE.finditer(text, start, end):
        position = word.start()
        for cut in cuts:
            if word.start() < cut < word.end():
                pieces.append((position, cut))
                position = cut
        pieces.append((position, word.end()))
    return pieces


def _paragraph(
    text: str, start: int, end: int, all_marks: list[Mark], cuts: list[int], links: bool
) -> str:
    out: list[str] = []
    open_claim: Mark | None = None
    for a, b in _pieces(text, start, end, cuts):
        covering = [m for m in all_marks if m.start <= a and b <= m.end]
        claim = next((m for m in covering if m.claim is not None), None)
        if claim is not open_claim:
            if open_claim is not None:
                out.append("</a>" if links else "</span>")
            if claim is not None:
                out.append(_claim_open(claim, links))
            open_claim = claim
        out.append(_piece(text[a:b], a, covering))
    if open_claim is not None:
        out.append("</a>" if links else "</span>")
    return "".join(out)


def _claim_open(claim: Mark, links: bool) -> str:
    title = escape(claim.title)
    data = f'data-claim="{escape(claim.claim or "")}" title="{title}"'
    if links:
        return f'<a class="claim" href="#{claim_anchor(claim.claim or "")}" {data}>'
    return f'<span class="claim" {data}>'


def _piece(piece: str, start: int, covering: list[Mark]) -> str:
    if not piece.strip():
        return " "
    if not covering:
        return escape(piece)
    height = TOP_OFFSET + LABEL_ROOM + OFFSET_STEP * max(m.slot for m in covering)
    bars = "".join(_bar(mark, is_start=mark.start == start) for mark in covering)
    return f'<span class="w" style="height:{height}px">{escape(piece)}{bars}</span>'


def _bar(mark: Mark, *, is_start: bool) -> str:
    top = TOP_OFFSET + OFFSET_STEP * mark.slot
    label = ""
    if is_start:
        label = (
            f'<span class="label" style="background:{mark.colour}" '
            f'title="{escape(mark.title)}">{escape(mark.label)}</span>'
        )
    return f'<span class="bar" style="background:{mark.colour};top:{top}px">{label}</span>'
