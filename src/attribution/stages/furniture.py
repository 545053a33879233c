"""Page furniture: the lines of a copied web page that are not part of the story.

"READ MORE: ...", "Story continues below advertisement", "WATCH", captions, credits,
bylines and "(Reporting by ...; Editing by ...)" are set aside before any cue is read, so
that they become neither claims nor sources; the analysis lists them with the reason.
A credit such as "(Reporting by ... for Reuters)" also names the agency the story came
through. The patterns are rule data (``furniture`` in the rule set); this module only
applies them, one line at a time, at the start of each line of the body.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..models import Article
from ..rules.compiled import CompiledRules
from .parts import Cue, Link, Quote

_TRAILING = " \t.;,)"


@dataclass(frozen=True, slots=True)
class Piece:
    """One line set aside: its trimmed offsets, the rule's key and reason, any agency."""

    start: int
    end: int
    key: str
    reason: str
    agency: str | None = None


def find_furniture(text: str, body_start: int, rules: CompiledRules) -> list[Piece]:
    """Every furniture line of the body, in text order."""
    pieces: list[Piece] = []
    position = body_start
    while position < len(text):
        line_end = text.find("\n", position)
        line_end = len(text) if line_end < 0 else line_end
        piece = _match_line(text, position, line_end, rules)
        if piece is not None:
            pieces.append(piece)
        position = line_end + 1
    return pieces


def _match_line(text: str, start: int, end: int, rules: CompiledRules) -> Piece | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start >= end:
        return None
    for rule in rules.furniture:
        for pattern in rule.patterns:
            match = pattern.match(text, start, end)
            if match is None:
                continue
            agency = match.groupdict().get("agency")
            agency = agency.rstrip(_TRAILING) if agency else None
            return Piece(start, end, rule.key, rule.reason, agency or None)
    return None


def with_credited_agency(article: Article, pieces: list[Piece]) -> Article:
    """A credit line's agency ("for Reuters") is the publisher when none is known, and
    the agency when the publisher is another outlet."""
    credited = next((p.agency for p in pieces if p.agency), None)
    if credited is None or article.agency is not None:
        return article
    if article.publisher is None:
        return article.model_copy(update={"publisher": credited})
    if article.publisher.casefold() == credited.casefold():
        return article
    return article.model_copy(update={"agency": credited})


def _inside(pieces: list[Piece], start: int, end: int) -> bool:
    return any(p.start <= start and end <= p.end for p in pieces)


def outside_quotes(quotes: list[Quote], pieces: list[Piece]) -> list[Quote]:
    """The quotes that are not part of a furniture line."""
    if not pieces:
        return quotes
    return [q for q in quotes if not _inside(pieces, q.start, q.end)]


def outside_cues(cues: list[Cue], token_starts: list[int], pieces: list[Piece]) -> list[Cue]:
    """The cues whose first token is not on a furniture line."""
    if not pieces:
        return cues
    return [c for c in cues if not _inside(pieces, token_starts[c.start], token_starts[c.start])]


def outside_links(links: list[Link], pieces: list[Piece]) -> list[Link]:
    """Links with no part on a furniture line ("WATCH: ..." is no speaker), renumbered."""
    if not pieces:
        return links

    def touches(span: tuple[int, int] | None) -> bool:
        return span is not None and any(p.start < span[1] and span[0] < p.end for p in pieces)

    dropped = {i for i, link in enumerate(links) if touches(link.cue) or touches(link.content)}
    changed = True
    while changed:  # a link relayed by, or continuing, a dropped one goes too
        changed = False
        for i, link in enumerate(links):
            if i not in dropped and ({link.relayed_by, link.continues} & dropped):
                dropped.add(i)
                changed = True
    if not dropped:
        return links
    new_index = {}
    for old in range(len(links)):
        if old not in dropped:
            new_index[old] = len(new_index)
    kept = [links[old] for old in new_index]
    for link in kept:
        link.relayed_by = new_index.get(link.relayed_by) if link.relayed_by is not None else None
        link.continues = new_index.get(link.continues) if link.continues is not None else None
    return kept
