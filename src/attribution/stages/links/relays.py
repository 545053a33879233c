"""Relays and phrases: 'according to X', 'X quoted Y as saying', 'citing Y', and nesting."""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Token

from ..parts import Cue, Link
from ..syntax import char_span, mention_span, np_head, subtree
from .clauses import _clause_span
from .content import _content_of, _relay_participles
from .context import (
    _RELATIVE_TAGS,
    CONFIDENCE_OBJECT,
    _broad,
    _Context,
    _could_speak,
    _outermost,
    _upward,
)
from .objects import _object_content
from .speakers import _subject, _subject_span

_MAX_CHANNEL_HOPS = 8


_NEST_WINDOW = 8


_NOMINAL_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj"})


def _link_trailing_reports(ctx: _Context) -> None:
    """Point each link that a trailing "..., TASS reported" relays at TASS's link."""
    for verb, report in ctx.relayed_by_cue.items():
        inner, outer = ctx.by_cue_token.get(verb), ctx.by_cue_token.get(report)
        if inner is not None and outer is not None and ctx.links[inner].relayed_by is None:
            ctx.links[inner].relayed_by = outer


def _participle_relays(ctx: _Context, verb: Token, outer: int) -> None:
    """ "X reported citing Y", "X, citing Y, said": Y's link is relayed by X's."""
    link = ctx.links[outer]
    clause = ctx.content_clause.get(verb.i)
    for participle in _relay_participles(ctx, verb, clause):
        cited = next((c for c in participle.children if c.dep_ == "dobj"), None)
        if cited is None or participle.i in ctx.used_tokens or not _could_speak(ctx, cited):
            continue  # "citing low economic growth": a reason, not a source
        ctx.add(
            Link(
                link.content,
                mention_span(cited),
                char_span([participle]),
                link.category,
                link.kind,
                relayed_by=outer,
                quote=link.quote,
                confidence=link.confidence,
            ),
            range(participle.i, participle.i + 1),
        )
        ctx.used_tokens.add(participle.i)


def _cited_grounds(ctx: _Context, cue: Cue) -> None:
    """ "..., the senator said, citing low wages", "the board cited rising costs": what is
    cited, when it is no one who speaks (then it relays, above), is the speaker's own
    statement of grounds, with the citer as its source."""
    verb = ctx.doc[cue.head]
    if not _broad(ctx) or verb.i in ctx.used_tokens or verb.i in ctx.by_cue_token:
        return  # grounds are a topic of the speech: content in the broad scope only
    if ctx.quote_of[verb.i] >= 0:
        return
    cited = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if cited is None or _could_speak(ctx, cited) or ctx.quote_of[cited.i] >= 0:
        return
    subject = _subject(verb)
    if subject is None or subject.tag_ in _RELATIVE_TAGS or ctx.quote_of[subject.i] >= 0:
        return
    span = _object_content(ctx, verb, {subject.i}, frozenset({"object"}))
    if span is None:
        return
    ctx.add(
        Link(
            span,
            _subject_span(ctx, verb, subject),
            char_span([verb]),
            cue.category,
            "indirect",
            confidence=CONFIDENCE_OBJECT,
        ),
        range(verb.i, verb.i + 1),
    )
    ctx.used_tokens.add(verb.i)


def _quote_as_link(ctx: _Context, cue: Cue) -> None:
    """ "X quoted Y as saying ...", "Y was quoted by X as saying ..."."""
    verb = ctx.doc[cue.head]
    relayer = _subject(verb)
    if relayer is not None and relayer.dep_ == "nsubjpass":
        relayer = None
    originator = next((c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}), None)
    saying = next(
        (t for t in subtree(verb) if t.i > verb.i and t.lemma_.lower() in ctx.rules.verbs), None
    )
    if relayer is None or originator is None or saying is None:
        return
    said_category = ctx.rules.verbs[saying.lemma_.lower()].category
    found = _content_of(ctx, saying, said_category, set())
    if found is None:
        return
    content, kind, quote, confidence = found
    outer = ctx.add(
        Link(
            content,
            mention_span(relayer),
            char_span([verb]),
            cue.category,
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
            said_category,
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
    if target is None:  # "in her words": the owner inside the phrase
        target = next((c for c in last.children if c.dep_ == "poss" and c.i >= cue.start), None)
    described = _described_by_participle(last) if target is None else None
    if described is not None:  # "according to consulting firm Deloitte"
        target = described
    if target is None or (target.i in ctx.channel_tokens and not _is_document(ctx, target)):
        return  # "said via Telegram": a channel, not a relaying source
    source = mention_span(target)
    if described is not None:
        source = (doc[cue.end].idx, source[1])
    head = _governing_verb(doc[cue.start : cue.end].root)
    inner = (
        next((ctx.by_cue_token[t.i] for t in _upward(head) if t.i in ctx.by_cue_token), None)
        if head is not None
        else None
    )
    category = cue.category
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
    phrase = {t.i for t in subtree(doc[cue.start : cue.end].root)}
    content = _clause_span(ctx, head, phrase)
    if content is not None:
        content = _across_the_phrase(ctx, head, phrase, content)
        ctx.add(Link(content, source, cue_span, category, "indirect"), range(cue.start, cue.end))


def _is_document(ctx: _Context, token: Token) -> bool:
    """ "according to the statement": a document that vouches for the clause, as its
    author's; a channel phrase only where something was said in it."""
    return token.lemma_.lower() in ctx.rules.documents


def _described_by_participle(last: Token) -> Token | None:
    """ "according to consulting firm Deloitte": the parser read the kind of firm before the
    name as a participle whose object is the name; the name is the source."""
    participle = next((c for c in last.children if c.dep_ == "pcomp"), None)
    if participle is None or participle.tag_ != "VBG" or participle.i != last.i + 1:
        return None
    name = next((c for c in participle.children if c.dep_ == "dobj"), None)
    if name is None or name.pos_ != "PROPN" or name.i > participle.i + 3:
        return None
    return name


def _across_the_phrase(
    ctx: _Context, head: Token, phrase: set[int], content: tuple[int, int]
) -> tuple[int, int]:
    """ "The former chief, according to two employees, had clashed with the board": the
    phrase stands inside the clause it vouches for, whose subject comes before it."""
    subject = _subject(head)
    if subject is None or not phrase or subject.i > min(phrase):
        return content
    first = subject.left_edge
    if first.idx >= content[0] or ctx.quote_of[first.i] >= 0:
        return content
    return first.idx, content[1]


def _governing_verb(token: Token) -> Token | None:
    """The verb a phrase hangs on; a noun the tagger took for a verb ("*Turnout*, according
    to officials, was low") is passed over."""
    for t in _upward(token):
        if t.pos_ in {"VERB", "AUX"} and t.i != token.i and t.dep_ not in _NOMINAL_DEPS:
            return t
    return None


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


def _attach_channel(ctx: _Context, cue: Cue, by_source: dict[int, int]) -> None:
    """Record a channel on the nearest link that governs it: its cue or its source."""
    doc = ctx.doc
    start, end = doc[cue.start].idx, doc[cue.end - 1].idx + len(doc[cue.end - 1])
    passed: set[int] = set()
    for hops, token in enumerate(_upward(doc[cue.head])):
        if hops > _MAX_CHANNEL_HOPS:
            return
        passed.add(token.i)
        index = ctx.by_cue_token.get(token.i)
        if index is None and token.i != cue.head:
            span = mention_span(token) if token.pos_ in {"NOUN", "PROPN"} else None
            index = by_source.get(span[0]) if span else None
        if index is None:
            continue
        link = ctx.links[index]
        if link.content[0] <= start < link.content[1]:
            return  # part of what was said, not where
        if link.channel is None or ctx.channel_head.get(index) in passed:
            link.channel, link.channel_name = (start, end), cue.name
            ctx.channel_head[index] = cue.head
        return
