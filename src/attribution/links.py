"""Linking: each cue tied to its source mention and its content span.

The dependency tree comes first (the subject of a cue verb is its source, its clausal
complement its content); quote adjacency second (a quote beside a cue clause is that
cue's content). Relay forms add an outer link, so that a chain reads content <- police
<- CNN. The shapes live here; the words that fill them come from the rule set.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from .intervals import Intervals
from .parts import Cue, Link, Quote
from .rules.compiled import CompiledRules
from .syntax import char_span, mention_span, np_head

_SUBJECTS = frozenset({"nsubj", "csubj"})
_CONTENT_DEPS = frozenset({"ccomp"})
_WIDE_CONTENT_DEPS = frozenset({"ccomp", "xcomp"})
_WIDE_CATEGORIES = frozenset({"belief", "intention", "perception"})
_PARENTHETICAL = frozenset({"parataxis", "ccomp"})
_RELATIVE_TAGS = frozenset({"WDT", "WP", "WP$"})
_ACTOR_DEPS = frozenset({"dobj", "dative", "pobj", "nsubjpass"})
_NEWS_TYPES = frozenset({"news_agency", "news_outlet"})
_MAX_CHANNEL_HOPS = 8
_NEST_WINDOW = 8

_DASH_BYLINE = re.compile(r"\s{0,3}(?P<dash>—|–|--)\s{0,3}(?P<name>[A-Z][^\n]{0,80})\Z")
_PARAGRAPH_REASON = "a quote paragraph with no cue continues the previous speaker"
_SENTENCE_REASON = "a quote right after a quoted sentence and its cue continues that speaker"

CONFIDENCE_READ = 0.9
CONFIDENCE_ADJACENT = 0.8
CONFIDENCE_CONTINUED = 0.6


@dataclass
class _Context:
    """The doc with fast lookups: which quote each token is in, links by cue token."""

    doc: Doc
    quotes: list[Quote]
    rules: CompiledRules
    quote_of: list[int] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    by_cue_token: dict[int, int] = field(default_factory=dict)
    used_tokens: set[int] = field(default_factory=set)

    def __post_init__(self) -> None:
        starts = [q.start for q in self.quotes]
        self.quote_of = [-1] * len(self.doc)
        for token in self.doc:
            i = bisect_right(starts, token.idx) - 1
            if i >= 0 and token.idx < self.quotes[i].end:
                self.quote_of[token.i] = i

    def add(self, link: Link, cue_tokens: range | None = None) -> int:
        self.links.append(link)
        index = len(self.links) - 1
        for i in cue_tokens or ():
            self.by_cue_token.setdefault(i, index)
        return index


def find_links(doc: Doc, quotes: list[Quote], cues: list[Cue], rules: CompiledRules) -> list[Link]:
    """Every attribution link in the doc, sorted by content and cue position."""
    ctx = _Context(doc, quotes, rules)
    for cue in cues:
        if cue.kind == "relay" and cue.form == "quote_as":
            _quote_as_link(ctx, cue)
    for cue in cues:
        if cue.kind == "verb" and cue.head not in ctx.used_tokens:
            _verb_link(ctx, cue)
    for cue in cues:
        if cue.kind == "evidential" or (
            cue.kind == "relay" and cue.form in {"interview", "preposition"}
        ):
            _phrase_link(ctx, cue)
    _nest_inner_links(ctx)
    _continue_quotes(ctx)
    by_source = {link.source[0]: i for i, link in enumerate(ctx.links) if link.source}
    for cue in cues:
        if cue.kind == "channel":
            _attach_channel(ctx, cue, by_source)
    return _sorted(ctx.links)


# --- spans -----------------------------------------------------------------------------


def _clause_span(ctx: _Context, head: Token, exclude: set[int]) -> tuple[int, int] | None:
    """The clause under ``head``, minus excluded tokens, trimmed to its first contiguous run."""
    tokens = [t for t in head.subtree if t.i not in exclude]
    while tokens and (tokens[0].is_punct or tokens[0].dep_ == "mark" or tokens[0].is_space):
        tokens.pop(0)
    run = _contiguous(tokens, head)
    while run and (run[-1].is_punct or run[-1].is_space) and not _is_quote_mark(ctx, run[-1]):
        run.pop()
    return char_span(run) if run else None


def _contiguous(tokens: list[Token], head: Token) -> list[Token]:
    """The run of consecutive tokens that contains the head."""
    if not tokens:
        return []
    index = next((k for k, t in enumerate(tokens) if t.i == head.i), 0)
    lo = hi = index
    while lo > 0 and tokens[lo - 1].i == tokens[lo].i - 1:
        lo -= 1
    while hi < len(tokens) - 1 and tokens[hi + 1].i == tokens[hi].i + 1:
        hi += 1
    return tokens[lo : hi + 1]


def _is_quote_mark(ctx: _Context, token: Token) -> bool:
    return token.is_quote and ctx.quote_of[token.i] >= 0


def _quote_content(quote: Quote) -> tuple[int, int]:
    return quote.content_start, quote.content_end


# --- cue verbs -------------------------------------------------------------------------


def _subject(verb: Token) -> Token | None:
    """The speaker: the verb's subject, a coordinated verb's subject, or a passive's agent."""
    for child in verb.children:
        if child.dep_ in _SUBJECTS:
            return child
    for child in verb.children:
        if child.dep_ == "agent":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    for child in verb.children:
        if child.dep_ == "nsubjpass" and child.pos_ == "PRON":
            return child  # "it was reported that ...": a vague source
    if verb.dep_ == "conj" and verb.head.pos_ in {"VERB", "AUX"}:
        return _subject(verb.head)
    return None


def _subject_span(verb: Token, subject: Token) -> tuple[int, int]:
    """The subject phrase, joined with a split-off neighbour: "the engineer Petro Melnyk"."""
    start, end = mention_span(subject)
    for other in verb.children:
        if other.dep_ in _SUBJECTS and other.i != subject.i:
            o_start, o_end = mention_span(other)
            if o_start >= end and not verb.doc.text[end:o_start].strip():
                end = o_end
    return start, end


def _verb_link(ctx: _Context, cue: Cue) -> None:
    verb = ctx.doc[cue.head]
    if ctx.quote_of[verb.i] >= 0:
        return
    subject = _subject(verb)
    if subject is None or ctx.quote_of[subject.i] >= 0 or subject.tag_ in _RELATIVE_TAGS:
        return
    found = _content_of(ctx, verb, cue.category, {subject.i})
    if found is None:
        return
    content, kind, quote, confidence = found
    source = _subject_span(verb, subject)
    recipient = _news_recipient(ctx, verb)
    outer = None
    if recipient is not None:
        outer = ctx.add(
            Link(
                content,
                recipient,
                char_span([verb]),
                cue.category,
                kind,
                quote=quote,
                confidence=confidence,
            ),
        )
    index = ctx.add(
        Link(
            content,
            source,
            char_span([verb]),
            cue.category,
            kind,
            relayed_by=outer,
            quote=quote,
            confidence=confidence,
        ),
        range(verb.i, verb.i + 1),
    )
    _participle_relays(ctx, verb, index)


def _content_of(
    ctx: _Context, verb: Token, category: str | None, exclude: set[int]
) -> tuple[tuple[int, int], str, Quote | None, float] | None:
    """Content span, kind, quote and confidence for a cue verb, or None if it has none."""
    deps = _WIDE_CONTENT_DEPS if category in _WIDE_CATEGORIES else _CONTENT_DEPS
    clause = next((c for c in verb.children if c.dep_ in deps), None)
    if clause is not None:
        return _clause_content(ctx, clause, exclude)
    quote = _adjacent_quote(ctx, verb)
    if quote is not None:
        return _quote_content(quote), "direct", quote, CONFIDENCE_ADJACENT
    head = verb.head
    if _is_parenthetical(verb):
        skip = {t.i for t in verb.subtree} | exclude
        span = _clause_span(ctx, head, skip)
        if span is not None:
            return span, "indirect", None, CONFIDENCE_ADJACENT
    return None


def _is_parenthetical(verb: Token) -> bool:
    """ "..., Khorunzhyi said, ...": a cue clause set off after the clause it reports."""
    head = verb.head
    left = min((t.i for t in verb.subtree if not t.is_punct), default=verb.i)
    return (
        verb.dep_ in _PARENTHETICAL
        and head.i < verb.i
        and head.pos_ in {"VERB", "AUX"}
        and left > 0
        and verb.doc[left - 1].is_punct
    )


def _clause_content(
    ctx: _Context, clause: Token, exclude: set[int]
) -> tuple[tuple[int, int], str, Quote | None, float] | None:
    q = ctx.quote_of[clause.i]
    if q >= 0:
        quote = ctx.quotes[q]
        return _quote_content(quote), "direct", quote, CONFIDENCE_READ
    span = _clause_span(ctx, clause, exclude)
    if span is None:
        return None
    inner = [x for x in ctx.quotes if x.start >= span[0] and x.end <= span[1] + 1]
    kind = "mixed" if inner else "indirect"
    return span, kind, None, CONFIDENCE_READ


def _adjacent_quote(ctx: _Context, verb: Token) -> Quote | None:
    """A quote that the cue's clause introduces or closes, with only its own frame between."""
    subtree = {t.i for t in verb.subtree}
    sent = verb.sent
    before = [t for t in ctx.doc[sent.start : verb.i] if ctx.quote_of[t.i] >= 0]
    if before:
        q = ctx.quote_of[before[-1].i]
        gap = ctx.doc[before[-1].i + 1 : verb.i]
        if all(t.i in subtree or t.is_punct or t.is_space for t in gap):
            return ctx.quotes[q]
    for t in ctx.doc[verb.i + 1 : min(len(ctx.doc), sent.end + 2)]:
        if ctx.quote_of[t.i] >= 0:
            return ctx.quotes[ctx.quote_of[t.i]]
        if not (t.i in subtree or t.is_punct or t.is_space):
            break
    return None


def _news_recipient(ctx: _Context, verb: Token) -> tuple[int, int] | None:
    """The outlet a source told ("told Reuters"), which relays what it was told."""
    if verb.lemma_.lower() not in ctx.rules.relay_lemmas("recipient"):
        return None
    for child in verb.children:
        target = child
        if child.dep_ == "prep":
            target = next((c for c in child.children if c.dep_ == "pobj"), None)
        if target is None or target.dep_ not in _ACTOR_DEPS:
            continue
        span = mention_span(target)
        if _is_news(ctx, span):
            return span
    return None


def _is_news(ctx: _Context, span: tuple[int, int]) -> bool:
    words = ctx.doc.text[span[0] : span[1]].split()
    for start in range(len(words)):
        org = ctx.rules.organisation(" ".join(words[start:]))
        if org is not None:
            return org[2] in _NEWS_TYPES
    return False


def _participle_relays(ctx: _Context, verb: Token, outer: int) -> None:
    """ "X reported citing Y", "X, citing Y, said": Y's link is relayed by X's."""
    lemmas = ctx.rules.relay_lemmas("participle")
    for child in verb.children:
        if child.lemma_.lower() not in lemmas or child.pos_ != "VERB" or child.i in ctx.used_tokens:
            continue
        cited = next((c for c in child.children if c.dep_ == "dobj"), None)
        if cited is None:
            continue
        link = ctx.links[outer]
        ctx.add(
            Link(
                link.content,
                mention_span(cited),
                char_span([child]),
                link.category,
                link.kind,
                relayed_by=outer,
                quote=link.quote,
                confidence=link.confidence,
            ),
            range(child.i, child.i + 1),
        )
        ctx.used_tokens.add(child.i)


# --- relay verbs and phrases -----------------------------------------------------------


def _quote_as_link(ctx: _Context, cue: Cue) -> None:
    """ "X quoted Y as saying ...", "Y was quoted by X as saying ..."."""
    verb = ctx.doc[cue.head]
    relayer = _subject(verb)
    if relayer is not None and relayer.dep_ == "nsubjpass":
        relayer = None
    originator = next((c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}), None)
    saying = next(
        (t for t in verb.subtree if t.i > verb.i and t.lemma_.lower() in ctx.rules.verbs), None
    )
    if relayer is None or originator is None or saying is None:
        return
    found = _content_of(ctx, saying, ctx.rules.verbs[saying.lemma_.lower()].category, set())
    if found is None:
        return
    content, kind, quote, confidence = found
    outer = ctx.add(
        Link(
            content,
            mention_span(relayer),
            char_span([verb]),
            "report",
            kind,
            quote=quote,
            confidence=confidence,
        ),
        range(verb.i, verb.i + 1),
    )
    ctx.add(
        Link(
            content,
            mention_span(originator),
            char_span([saying]),
            "speech",
            kind,
            relayed_by=outer,
            quote=quote,
            confidence=confidence,
        ),
        range(saying.i, saying.i + 1),
    )
    ctx.used_tokens.update({verb.i, saying.i})


def _phrase_link(ctx: _Context, cue: Cue) -> None:
    """ "according to X", "in an interview with X", "via X": X vouches for the clause."""
    doc = ctx.doc
    if ctx.quote_of[cue.start] >= 0:
        return
    last = doc[cue.end - 1]
    target = next((c for c in last.children if c.dep_ == "pobj"), None)
    if target is None and cue.end < len(doc) and doc[cue.end].pos_ in {"PROPN", "NOUN", "DET"}:
        target = np_head(doc[cue.end])
    if target is None:
        return
    source = mention_span(target)
    head = _governing_verb(doc[cue.start : cue.end].root)
    inner = (
        next((ctx.by_cue_token[t.i] for t in _upward(head) if t.i in ctx.by_cue_token), None)
        if head is not None
        else None
    )
    category = cue.category or "report"
    cue_span = char_span(doc[cue.start : cue.end])
    if inner is not None:
        link = ctx.links[_outermost(ctx, inner)]
        outer = ctx.add(
            Link(
                link.content,
                source,
                cue_span,
                category,
                link.kind,
                quote=link.quote,
                confidence=link.confidence,
            ),
            range(cue.start, cue.end),
        )
        link.relayed_by = outer
        return
    if cue.form is not None or head is None:
        return
    phrase = {t.i for t in doc[cue.start : cue.end].root.subtree}
    content = _clause_span(ctx, head, phrase)
    if content is not None:
        ctx.add(Link(content, source, cue_span, category, "indirect"), range(cue.start, cue.end))


def _governing_verb(token: Token) -> Token | None:
    for t in _upward(token):
        if t.pos_ in {"VERB", "AUX"} and t.i != token.i:
            return t
    return None


def _upward(token: Token):
    """The token and its ancestors, nearest first."""
    yield token
    yield from token.ancestors


def _outermost(ctx: _Context, index: int) -> int:
    seen = {index}
    while (outer := ctx.links[index].relayed_by) is not None and outer not in seen:
        seen.add(outer)
        index = outer
    return index


# --- nesting, continuation and channels ------------------------------------------------


def _nest_inner_links(ctx: _Context) -> None:
    """A link whose cue lies inside another link's indirect content is relayed by it."""
    outers = sorted(
        (link.content[0], -link.content[1], i)
        for i, link in enumerate(ctx.links)
        if link.kind != "direct"
    )
    starts = [start for start, _, _ in outers]
    for index, link in enumerate(ctx.links):
        if link.relayed_by is not None or link.cue is None:
            continue
        k = bisect_right(starts, link.cue[0])
        for _, _, outer_index in reversed(outers[max(0, k - _NEST_WINDOW) : k]):
            outer = ctx.links[outer_index]
            if outer_index == index or outer.relayed_by == index:
                continue
            if link.cue[1] <= outer.content[1]:
                if _outermost(ctx, outer_index) != index:
                    link.relayed_by = outer_index
                break


def _continue_quotes(ctx: _Context) -> None:
    """Quotes with no cue of their own: a dash byline, or the previous speaker going on."""
    text = ctx.doc.text
    covered = Intervals([link.content for link in ctx.links])
    ends = sorted((link.content[1], i) for i, link in enumerate(ctx.links))
    inner_of = {link.relayed_by: i for i, link in reversed(list(enumerate(ctx.links)))}
    added: int | None = None
    for quote in ctx.quotes:
        if covered.overlaps(_quote_content(quote)) or _dash_link(ctx, quote):
            continue
        previous = _previous_speaker(ctx, quote, ends, added, inner_of)
        if previous is None:
            continue
        line_start = text.rfind("\n", 0, quote.start) + 1
        if not text[line_start : quote.start].strip():
            reason, inferred, confidence = _PARAGRAPH_REASON, True, CONFIDENCE_CONTINUED
        elif _follows_cue_sentence(ctx, ctx.links[previous], quote):
            reason, inferred, confidence = _SENTENCE_REASON, False, CONFIDENCE_ADJACENT
        else:
            continue
        added = ctx.add(
            Link(
                _quote_content(quote),
                None,
                None,
                ctx.links[previous].category,
                "direct",
                continues=previous,
                inferred=inferred,
                reason=reason,
                confidence=confidence,
                quote=quote,
            )
        )


def _previous_speaker(
    ctx: _Context,
    quote: Quote,
    ends: list[tuple[int, int]],
    added: int | None,
    inner_of: dict[int | None, int],
) -> int | None:
    """The innermost link of the latest attribution before the quote."""
    k = bisect_right(ends, (quote.start, 1 << 62))
    last = ends[k - 1][1] if k else None
    if added is not None and (last is None or ctx.links[added].content[1] >= ends[k - 1][0]):
        last = added
    seen = set()
    while last is not None and last in inner_of and last not in seen:
        seen.add(last)
        last = inner_of[last]
    return last


def _follows_cue_sentence(ctx: _Context, link: Link, quote: Quote) -> bool:
    """ "..., X said. "...": the quote opens right after the sentence of a quote's cue."""
    if link.cue is None or link.quote is None:
        return False
    cue = ctx.doc.char_span(*link.cue, alignment_mode="expand")
    if cue is None:
        return False
    return not ctx.doc.text[cue.sent.end_char : quote.start].strip()


def _dash_link(ctx: _Context, quote: Quote) -> bool:
    """ "“...” — Commissioner Maria Lopez": a dash and a name closing the quote's line."""
    text = ctx.doc.text
    line_end = text.find("\n", quote.end)
    line_end = len(text) if line_end < 0 else line_end
    match = _DASH_BYLINE.match(text, quote.end, line_end)
    if match is None:
        return False
    name_start, name_end = match.span("name")
    while name_end > name_start and not text[name_end - 1].isalnum():
        name_end -= 1
    if name_end <= name_start:
        return False
    ctx.add(
        Link(
            _quote_content(quote),
            (name_start, name_end),
            match.span("dash"),
            "speech",
            "direct",
            confidence=CONFIDENCE_ADJACENT,
            quote=quote,
        )
    )
    return True


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _attach_channel(ctx: _Context, cue: Cue, by_source: dict[int, int]) -> None:
    """Record a channel on the nearest link that governs it: its cue or its source."""
    doc = ctx.doc
    start, end = doc[cue.start].idx, doc[cue.end - 1].idx + len(doc[cue.end - 1])
    for hops, token in enumerate(_upward(doc[cue.head])):
        if hops > _MAX_CHANNEL_HOPS:
            return
        index = ctx.by_cue_token.get(token.i)
        if index is None and token.i != cue.head:
            span = mention_span(token) if token.pos_ in {"NOUN", "PROPN"} else None
            index = by_source.get(span[0]) if span else None
        if index is None:
            continue
        link = ctx.links[index]
        if link.channel is None and not (link.content[0] <= start < link.content[1]):
            link.channel, link.channel_name = (start, end), cue.name
        return


# --- ordering --------------------------------------------------------------------------


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
