"""Where a reported clause begins and ends: the content edges of a cue's clause."""

from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Token

from ..parts import Quote
from ..syntax import char_span, subtree
from .context import _ACTOR_DEPS, _Context, _contiguous, _is_quote_mark, _quote_content, _words
from .speakers import _is_cue_subjects_act, _is_second_cue

CONFIDENCE_READ = 0.9


def _clause_span(ctx: _Context, head: Token, exclude: set[int]) -> tuple[int, int] | None:
    """The clause under ``head``, minus excluded tokens, trimmed to its first contiguous run.

    The edges follow the annotators' habit (PolNeAR's): the clause's own complementizer
    ("*that* the vote was rigged", "*whether* ...") and a quote's opening mark are content;
    a comma-set aside that closes the clause (", who ...", ", a former aide") and the stop
    after it are not.
    """
    stop = _conjoined_cue(ctx, head)
    tokens = [t for t in subtree(head) if t.i not in exclude and t.i < stop]
    run = _without_trailing_aside(_contiguous(tokens, head), head)
    while run and run[0].i < head.i and _is_leading_glue(ctx, run[0], head):
        run.pop(0)  # ", was delayed" once "according to two aides" is cut out
    while run and run[-1].i > head.i and run[-1].dep_ == "cc":
        run.pop()  # "... and" before a conjoined cue that was cut off
    while run and (run[-1].is_punct or run[-1].is_space) and not _is_quote_mark(ctx, run[-1]):
        run.pop()
    return char_span(run) if run else None


def _conjoined_cue(ctx: _Context, head: Token) -> int:
    """Where a cue verb conjoined to the clause begins, or past the end if none does:
    "she said he was charming *and called the race a rout*" is two statements, the
    second with its own content, though the parser hung it on the first's clause."""
    for child in head.rights:
        if child.dep_ != "conj":
            continue
        if _is_second_cue(ctx, child) or _is_cue_subjects_act(ctx, child):
            return child.left_edge.i
    return len(head.doc)


def _is_leading_glue(ctx: _Context, token: Token, head: Token) -> bool:
    """Punctuation or a subordinator before a clause's words; not the clause's own
    complementizer, nor the opening mark of a quote it holds."""
    if token.dep_ == "mark":
        return token.head.i != head.i
    if _is_quote_mark(ctx, token):
        return ctx.quotes[ctx.quote_of[token.i]].start != token.idx
    return token.is_punct or token.is_space


_ASIDE_DEPS = frozenset({"appos", "relcl", "acl"})


_ASIDE_MARKS = frozenset({",", "—", "–", "--"})


def _without_trailing_aside(run: list[Token], head: Token) -> list[Token]:
    """The run less an aside set off by a comma or dash that runs to its end: "...
    Eric Fanning, who was his chief of staff", "... the Hyde Amendment, a federal rule"."""
    last = next((t.i for t in reversed(run) if not (t.is_punct or t.is_space)), -1)
    for k in range(len(run) - 2, -1, -1):
        mark = run[k]
        if mark.i <= head.i:
            break
        if mark.text in _ASIDE_MARKS and _is_aside(run[k + 1], last):
            return run[:k]
    return run


def _is_aside(first: Token, last: int) -> bool:
    """The phrase that opens at ``first`` is an apposition or relative clause reaching
    token ``last``."""
    phrase = first
    while phrase.head.i != phrase.i and phrase.head.left_edge.i == first.i:
        phrase = phrase.head
    if phrase.dep_ not in _ASIDE_DEPS or phrase.right_edge.i < last:
        return False
    return not _is_list_item(phrase)


def _is_list_item(phrase: Token) -> bool:
    """ "backed by women, young voters, those with degrees": an apposition in a series
    (after another, or with a conjunct of its own) is an item of a list, not an aside."""
    return phrase.dep_ == "appos" and (
        phrase.head.dep_ == "appos" or any(c.dep_ in {"conj", "cc"} for c in phrase.children)
    )


def _through_quotes(ctx: _Context, span: tuple[int, int]) -> tuple[int, int]:
    """Content that opens a quotation runs to its closing mark: 'said Cruz has "taken
    every punch. And he is still standing."' is one statement, not its first sentence."""
    start, end = span
    k = bisect_left(ctx.quote_starts, end) - 1
    while k >= 0 and ctx.quotes[k].start >= start:
        quote = ctx.quotes[k]
        if quote.closed and quote.content_start < end < quote.end:
            end = quote.end
        k -= 1
    return start, end


def _misparsed_complement(verb: Token) -> Token | None:
    """A content clause the parser hung on an object as a relative clause.

    "citing two diplomats that the talks had collapsed", "said in a press release that
    profits had doubled": a clause under the verb's object whose introducer is not its
    own subject.
    """
    for child in verb.children:
        objects = [child] if child.dep_ in _ACTOR_DEPS else []
        objects += [c for c in child.children if c.dep_ in _ACTOR_DEPS]
        for obj in objects:
            for clause in obj.rights:
                if clause.dep_ in {"relcl", "acl"} and _has_own_subject(clause):
                    return clause
    return None


def _has_own_subject(clause: Token) -> bool:
    introducer = clause.left_edge
    return introducer.i < clause.i and any(
        c.dep_ in {"nsubj", "nsubjpass"} and c.i != introducer.i for c in clause.children
    )


def _to_sentence_end(ctx: _Context, span: tuple[int, int]) -> tuple[int, int]:
    """A reported clause runs on to the end of its sentence ("..., but a judge refused"),
    unless another cue, a quotation or a semicolon comes first."""
    first = bisect_left(ctx.token_starts, span[1])
    if first >= len(ctx.doc):
        return span
    sent = ctx.doc[first].sent if first < len(ctx.doc) else None
    if sent is None or first >= sent.end or ctx.doc[first].is_sent_start:
        return span  # the content closed its sentence (a quote that ends it)
    rest = list(ctx.doc[first : sent.end])
    while rest and (rest[-1].is_punct or rest[-1].is_space) and not _is_quote_mark(ctx, rest[-1]):
        rest.pop()
    for k, token in enumerate(rest):
        if token.is_space and "\n" in token.text:
            return span
        if token.text == ";" or ctx.quote_of[token.i] >= 0:
            return span
        if token.pos_ == "VERB" and token.lemma_.lower() in ctx.rules.verbs:
            return span
        if _is_speakers_act(token, first) or _is_narrators_clause(ctx, token, span):
            rest = _words(ctx.doc[first : max(first, token.left_edge.i)])
            while rest and rest[-1].dep_ == "cc":
                rest = _words(ctx.doc[first : rest[-1].i])
            break
        if token.text in _ASIDE_MARKS and k + 1 < len(rest) and _is_aside(rest[k + 1], -1):
            rest = rest[:k]  # ", a former aide ...": the writer's aside, not the speaker's
            break
    if not rest:
        return span
    return span[0], max(span[1], rest[-1].idx + len(rest[-1].text))


def _is_speakers_act(token: Token, first: int) -> bool:
    """A verb after the content that hangs on the cue (or above it), not on the content:
    a participle of the cue's own ("..., conceding the race") or a predicate that shares
    the cue's subject ("... and accused the board of fraud"). It tells what the speaker
    did, not what was said. (A clause with a subordinator, "... since she was a child",
    is as often the speaker's words as the writer's; it stays.)"""
    if token.pos_ not in {"VERB", "AUX"} or token.head.i >= first or token.head.i == token.i:
        return False
    if token.dep_ == "advcl":
        return _is_trailing_participle(token)
    own_subject = any(c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in token.children)
    return token.dep_ in {"conj", "xcomp"} and not own_subject


def _is_narrators_clause(ctx: _Context, token: Token, span: tuple[int, int]) -> bool:
    """ "The sailors were freed, showing what experts said was a sign of better ties, *but
    the episode gave critics ammunition*": a clause with a subject of its own, joined after
    a comma and a conjunction to a clause above the cue (the cue sits inside a clause of
    the writer's), is the writer's. Joined to the cue itself ("said ..., but a judge
    refused") it may be more of what was said, and runs on."""
    if token.dep_ != "conj" or token.pos_ not in {"VERB", "AUX"}:
        return False
    content = ctx.doc.char_span(*span, alignment_mode="expand")
    cue = content.root.head if content is not None else None
    if cue is None or cue.i == content.root.i or token.head not in cue.ancestors:
        return False
    subjects = [c for c in token.children if c.dep_ in {"nsubj", "nsubjpass", "expl"}]
    if not subjects or subjects[0].i < token.head.i:
        return False
    joint = token.left_edge.i - 1  # the conjunction, then the comma before it
    doc = token.doc
    return joint - 1 >= content.end and doc[joint].dep_ == "cc" and doc[joint - 1].text == ","


def _is_trailing_participle(phrase: Token) -> bool:
    """A participle clause after its head, with no subordinator or subject of its own:
    ", conceding the race", ", contrasting herself with her rival"."""
    return (
        phrase.dep_ == "advcl"
        and phrase.tag_ == "VBG"
        and phrase.i > phrase.head.i
        and not any(c.dep_ in {"mark", "nsubj", "nsubjpass", "conj"} for c in phrase.children)
    )


def _clause_content(
    ctx: _Context, clause: Token, exclude: set[int]
) -> tuple[tuple[int, int], str, Quote | None, float] | None:
    q = ctx.quote_of[clause.i]
    if q >= 0 and _within_quote(ctx, clause, q, exclude):
        quote = ctx.quotes[q]
        return _quote_content(quote), "direct", quote, CONFIDENCE_READ
    span = _clause_span(ctx, clause, exclude)
    if span is None:
        return None
    span = _through_quotes(ctx, span)
    k = bisect_left(ctx.quote_starts, span[0])
    inner = k < len(ctx.quotes) and ctx.quotes[k].end <= span[1] + 1
    kind = "mixed" if inner else "indirect"
    return span, kind, None, CONFIDENCE_READ


def _within_quote(ctx: _Context, clause: Token, q: int, exclude: set[int]) -> bool:
    """The clause is all quotation, not reported speech with a quoted part."""
    return all(
        ctx.quote_of[t.i] == q or t.is_punct or t.is_space or t.i in exclude
        for t in subtree(clause)
    )
