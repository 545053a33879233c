"""Plain data passed between the stages of the flow.

Stages never import one another; they share these small frozen records instead, so
each stage can be tested on hand-built input. Offsets are code points into the text the
stage was given; token indices are into the spaCy Doc.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Quote:
    """A quotation found from the marks alone.

    ``start``/``end`` include the marks; ``content_start``/``content_end`` do not.
    ``closed`` is False for a best-effort reading of an unbalanced mark.
    """

    start: int
    end: int
    content_start: int
    content_end: int
    closed: bool = True


@dataclass(frozen=True, slots=True)
class Cue:
    """A cue found by the rules: a verb, a noun, an evidential phrase, a relay or a channel.

    ``start``/``end`` are token indices (end exclusive); ``head`` is the token that
    carries the cue in the dependency tree.
    """

    kind: str  # "verb" | "noun" | "evidential" | "relay" | "channel"
    start: int
    end: int
    head: int
    key: str
    category: str | None = None
    form: str | None = None
    name: str | None = None


@dataclass(slots=True)
class Link:
    """A cue tied to its source mention and its content, before sources are merged.

    Every span here is a pair of character offsets (start, end) into the text.
    ``relayed_by`` indexes the outer link in the same list when this one was passed on
    by another source ("CNN reported citing police": police's link is relayed by CNN's);
    ``continues`` indexes the link whose speaker a cue-less quote paragraph continues;
    ``antecedent`` is what a relative-pronoun source ("who said") stands for;
    ``stance`` is "denies" for a denial; ``question`` marks content that was asked, which
    is no claim of the one who asked it.
    """

    content: tuple[int, int]
    source: tuple[int, int] | None
    cue: tuple[int, int] | None
    category: str | None
    kind: str = "indirect"
    channel: tuple[int, int] | None = None
    channel_name: str | None = None
    relayed_by: int | None = None
    continues: int | None = None
    antecedent: tuple[int, int] | None = None
    inferred: bool = False
    reason: str | None = None
    confidence: float = 0.9
    quote: Quote | None = None
    stance: str = "asserts"
    question: bool = False
