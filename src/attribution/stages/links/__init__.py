"""Linking: each cue tied to its source mention and its content span.

The dependency tree comes first (the subject of a cue verb is its source, its clausal
complement its content); quote adjacency second (a quote beside a cue clause is that
cue's content). Relay forms add an outer link, so that a chain reads content <- police
<- CNN. The shapes live here; the words that fill them come from the rule set.

:func:`find_links` runs the forms in order. The modules, from the shared base up:

- ``context``: the doc with its lookups, and small token tests every form shares;
- ``speakers``: who speaks for a cue verb, with the forms the parser gets wrong;
- ``clauses``, ``objects``, ``quoted``: where a reported clause, an object content or an
  adjacent quotation begins and ends;
- ``content``: what a cue verb reports, chosen among those by the verb's frames;
- ``relays``: "according to X", "X quoted Y as saying", "citing Y", and nesting;
- ``verbs``: a cue verb's link, unless the cue is negated, withheld or a question;
- ``nouns``: cue nouns ("the claim that ...");
- ``around``: a cue set off by commas in mid-sentence;
- ``continuation``: quotes with no cue of their own;
- ``lines``: speakers named by layout (transcript turns, signed posts, pull credits).
"""

from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Doc

from ...budget import check_time
from ...rules.compiled import CompiledRules
from ..parts import Cue, Link, Quote
from .around import _split_around_cue
from .context import _Context
from .continuation import (
    _colon_quotes,
    _continue_quotes,
    _lead_in_quotes,
    _quotes_given_after,
    _split_paragraph_quotes,
)
from .lines import _bylines, _colon_turns
from .nouns import _noun_link
from .relays import (
    _attach_channel,
    _cited_grounds,
    _link_trailing_reports,
    _nest_inner_links,
    _phrase_link,
    _quote_as_link,
)
from .verbs import _verb_link

_WORD_CUES = frozenset({"verb", "noun"})


def find_links(doc: Doc, quotes: list[Quote], cues: list[Cue], rules: CompiledRules) -> list[Link]:
    """Every attribution link in the doc, sorted by content and cue position."""
    ctx = _Context(doc, quotes, rules)
    ctx.channel_tokens = {i for c in cues if c.kind == "channel" for i in range(c.start, c.end)}
    for cue in cues:
        if cue.kind == "relay" and cue.form == "quote_as":
            _quote_as_link(ctx, cue)
    for cue in cues:
        check_time()  # the time budget, if any: linking is the stage with the most to read
        if cue.kind == "verb" and cue.head not in ctx.used_tokens:
            _verb_link(ctx, cue)
    for cue in cues:
        if cue.kind == "noun" and cue.head not in ctx.used_tokens:
            _noun_link(ctx, cue)
    _link_trailing_reports(ctx)
    for cue in cues:
        if cue.kind == "relay" and cue.form == "participle":
            _cited_grounds(ctx, cue)
    _split_around_cue(
        ctx, {i for c in cues if c.kind not in _WORD_CUES for i in range(c.start, c.end)}
    )
    _colon_turns(ctx)
    _bylines(ctx)
    for cue in cues:
        if cue.kind == "evidential" or (
            cue.kind == "relay" and cue.form in {"interview", "preposition"}
        ):
            _phrase_link(ctx, cue)
    _nest_inner_links(ctx)
    _colon_quotes(ctx)
    _quotes_given_after(ctx, cues)
    _continue_quotes(ctx)
    _lead_in_quotes(ctx)
    _split_paragraph_quotes(ctx)
    _settle_kinds(ctx)
    by_source = {link.source[0]: i for i, link in enumerate(ctx.links) if link.source}
    for cue in cues:
        if cue.kind == "channel":
            _attach_channel(ctx, cue, by_source)
    return _sorted(ctx.links)


def _settle_kinds(ctx: _Context) -> None:
    """Reported speech holding quoted words ('called it a "dumping ground"') is mixed;
    content that is one quote and nothing else is direct."""
    for link in ctx.links:
        if link.kind == "direct":
            continue
        start, end = link.content
        k = bisect_left(ctx.quote_starts, start - 1)
        inside = []
        while k < len(ctx.quotes) and ctx.quotes[k].start < end:
            quote = ctx.quotes[k]
            if quote.content_start < end and start < quote.content_end:
                inside.append(quote)
            k += 1
        if not inside:
            continue
        outside = ctx.text[start:end]
        for quote in inside:
            a, b = max(start, quote.start) - start, min(end, quote.end) - start
            outside = outside[:a] + " " * (b - a) + outside[b:]
        wholly = len(inside) == 1 and not any(ch.isalnum() for ch in outside)
        link.kind = "direct" if wholly else "mixed"


def _sorted(links: list[Link]) -> list[Link]:
    """Links in text order, with their cross-references renumbered to match."""
    order = sorted(
        range(len(links)),
        key=lambda i: (links[i].content[0], links[i].cue[0] if links[i].cue else 1 << 62, i),
    )
    new_index = {old: new for new, old in enumerate(order)}
    result = [links[i] for i in order]
    for link in result:
        if link.relayed_by is not None:
            link.relayed_by = new_index[link.relayed_by]
        if link.continues is not None:
            link.continues = new_index[link.continues]
    return result
