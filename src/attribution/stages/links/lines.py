"""Lines that name their speaker by layout: transcript turns, signed posts and pull credits."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter

from spacy.tokens import Token

from ..intervals import Intervals
from ..parts import Link
from ..syntax import char_span
from .context import _NAME_ENTITIES, CONFIDENCE_ADJACENT, _Context, _is_news, _trimmed

_TURN_NAME_CHARS = 40


_TURN_NAME_TOKENS = 4


_TURN_MIN_CHARS = 12


# An embedded post's footer: "... https://t.co/x — Jane Roe (@janeroe) May 3, 2019".
_POST_FOOTER = re.compile(
    r"\s(?:—|–|--)\s(?P<name>[^\n()@]{2,60}?)\s\(@\w{1,30}\)\s+\w+\.?\s\d{1,2},\s\d{4}\s*\Z"
)


# A pull quote's credit after its last sentence: "... for the region. Ana Cruz, a nurse".
_PULL_CREDIT = re.compile(
    r"(?<=[.!?\"”’])\s+(?P<name>[A-Z][\w’'.-]*(?:\s[A-Z][\w’'.-]*){0,3})"
    r"(?:,\s(?P<role>[^\n,;:!?\"“”]{2,50}))?\s*\Z"
)


# A capitalised label that opens a line: "KEEPING SCORE:", "TAPPER:", "ASIA'S DAY:".
_CAPS_LABEL = re.compile(r"(?m)^[ \t]*(?P<label>[A-Z][A-Z0-9 .,'’&-]{0,38}):")


_MIN_HEADS = 3


_TRAILING_URL = re.compile(r"\s*\S+\.\S+/\S+\s*\Z")


_PULL_MIN_CHARS = 30


def _colon_turns(ctx: _Context) -> None:
    """ "FALLIN: I think ...", "John McCain: Populist anger appeals to ...": a line that
    opens with a name and a colon gives the rest of the line to that name."""
    text = ctx.text
    heads = _run_in_heads(text)
    line_start = 0
    while line_start < len(text):
        line_end = text.find("\n", line_start)
        line_end = len(text) if line_end < 0 else line_end
        colon = text.find(":", line_start, min(line_end, line_start + _TURN_NAME_CHARS))
        if colon > line_start and line_start not in heads:
            _colon_turn(ctx, line_start, colon, line_end)
        line_start = line_end + 1


def _run_in_heads(text: str) -> set[int]:
    """The line starts of run-in headings ("ENERGY: Oil fell 2 per cent ...", "BONDS: ..."):
    capitalised labels used once each, three or more and most of such lines, are a story's
    sections; a transcript's speakers take turns and so come back ("SMITH: ... JONES: ...
    SMITH: ..."), and a link line ("READ MORE:") may recur beside either."""
    found = [(m.start(), m.group("label").strip()) for m in _CAPS_LABEL.finditer(text)]
    counts = Counter(label for _, label in found)
    once = [start for start, label in found if counts[label] == 1]
    if len(once) < _MIN_HEADS or 2 * len(once) <= len(found):
        return set()
    return set(once)


def _colon_turn(ctx: _Context, start: int, colon: int, end: int) -> None:
    first, stop = bisect_left(ctx.token_starts, start), bisect_left(ctx.token_starts, colon)
    name = [t for t in ctx.doc[first:stop] if not t.is_space]
    if not name or len(name) > _TURN_NAME_TOKENS or not all(_is_name_token(t) for t in name):
        return
    content_start = colon + 1
    while content_start < end and ctx.text[content_start].isspace():
        content_start += 1
    content_end = end
    while content_end > content_start and ctx.text[content_end - 1].isspace():
        content_end -= 1
    if content_end - content_start < _TURN_MIN_CHARS:
        return
    ctx.add(
        Link(
            (content_start, content_end),
            char_span(name),
            (colon, colon + 1),
            None,
            "indirect",
            confidence=CONFIDENCE_ADJACENT,
        )
    )


def _bylines(ctx: _Context) -> None:
    """A paragraph signed at its end: an embedded post's footer ("— Jane Roe (@janeroe)
    May 3, 2019") or a pull quote's credit ("... for the region. Ana Cruz, a nurse")
    gives the paragraph's text to the name."""
    text = ctx.text
    covered = Intervals([link.content for link in ctx.links])
    line_start = 0
    while line_start < len(text):
        line_end = text.find("\n", line_start)
        line_end = len(text) if line_end < 0 else line_end
        found = _post_footer(ctx, line_start, line_end) or _pull_credit(ctx, line_start, line_end)
        if found is not None and not covered.overlaps(found[0]):
            content, name, cue = found
            ctx.add(Link(content, name, cue, None, "direct", confidence=CONFIDENCE_ADJACENT))
        line_start = line_end + 1


_Byline = tuple[tuple[int, int], tuple[int, int], tuple[int, int] | None]


def _post_footer(ctx: _Context, start: int, end: int) -> _Byline | None:
    """ "... pic.example.com/x — BC Water (@bcwater) May 3, 2019": the post's author."""
    match = _POST_FOOTER.search(ctx.text, start, end)
    if match is None:
        return None
    body_end = match.start()
    url = _TRAILING_URL.search(ctx.text, start, body_end)
    body = _trimmed(ctx.text, start, url.start() if url else body_end)
    if body is None:
        return None
    name = _trimmed(ctx.text, *match.span("name"))
    return None if name is None else (body, name, (match.start() + 1, match.start() + 2))


def _pull_credit(ctx: _Context, start: int, end: int) -> _Byline | None:
    """ "It is bad for our seniors. Rod Diaz, Lake Town mayor": a line whose last sentence
    is a body's name, or a person's name and role, credits the line before it, if that line
    has a speaker's voice and the credit names no news outlet (a photo credit)."""
    match = _PULL_CREDIT.search(ctx.text, start, end)
    if match is None or match.start() - start < _PULL_MIN_CHARS:
        return None
    tokens = ctx.doc.char_span(*match.span("name"), alignment_mode="expand")
    if tokens is None or not all(t.ent_type_ in _NAME_ENTITIES for t in tokens):
        return None
    if match.group("role") is None and tokens[0].ent_type_ != "ORG":
        return None  # a bare person's name under a line is as often a photo credit
    tail = ctx.doc.char_span(match.start("name"), match.end(), alignment_mode="expand")
    if tail is None or any(t.pos_ in {"VERB", "AUX"} for t in tail):
        return None
    credit = [match.span("name")] + ([match.span("role")] if match.group("role") else [])
    if any(_is_news(ctx, span) for span in credit):
        return None
    body = _trimmed(ctx.text, start, match.start())
    words = ctx.doc.char_span(*body, alignment_mode="expand") if body else None
    if words is None or not any(_is_voiced(t) for t in words):
        return None  # "The harbour froze overnight. Ana Cruz, City Press": a caption
    return body, match.span("name"), None


def _is_voiced(token: Token) -> bool:
    """A word that shows a speaker's voice, not a caption's: a modal, "I", "we", "you"."""
    return token.tag_ == "MD" or any(p in {"1", "2"} for p in token.morph.get("Person"))


def _is_name_token(token: Token) -> bool:
    return (token.is_alpha and (token.pos_ == "PROPN" or token.is_upper)) or token.text == "."
