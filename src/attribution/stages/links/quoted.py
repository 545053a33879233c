"""A quotation beside a cue's clause: the quote that the clause introduces or closes."""

from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Token

from ..parts import Quote
from ..syntax import subtree
from .context import _Context
from .speakers import _stranded_frame

_OWN_CUE_WINDOW = 5


_FRAME_DEPS = frozenset(
    {"nsubj", "nsubjpass", "prep", "dative", "advmod", "npadvmod", "agent", "aux", "neg", "punct"}
)


def _adjacent_quote(ctx: _Context, verb: Token) -> Quote | None:
    """A quote that the cue's clause introduces or closes, with only its own frame between."""
    sent = verb.sent
    last = next((i for i in range(verb.i - 1, sent.start - 1, -1) if ctx.quote_of[i] >= 0), None)
    own = {t.i for t in subtree(verb)}
    frame = _stranded_frame(ctx, verb)
    own |= {t.i for t in subtree(frame)} if frame is not None else set()  # "X, now 80, said"
    if last is not None:
        q = ctx.quote_of[last]
        gap = ctx.doc[last + 1 : verb.i]
        if all(t.i in own or t.is_punct or t.is_space for t in gap):
            return ctx.quotes[q]
    else:
        closed = _quote_closing_before(ctx, verb, own)
        if closed is not None:
            return closed
    frame = _frame_tokens(ctx, verb)
    for t in ctx.doc[verb.i + 1 : min(len(ctx.doc), sent.end + 2)]:
        if ctx.quote_of[t.i] >= 0:
            quote = ctx.quotes[ctx.quote_of[t.i]]
            if _has_own_cue(ctx, quote) or _is_embedded(ctx, verb, t):
                return None
            return quote
        if not (t.i in frame or t.is_punct or t.is_space):
            break
    return None


def _is_embedded(ctx: _Context, verb: Token, mark: Token) -> bool:
    """A quote inside a phrase of the frame, not the cue's whole complement: 'called for
    more "patience" from workers', 'warned of a "brutal" winter'. Its words hang on a word
    outside it other than the cue, and no colon or comma sets it off."""
    q = ctx.quote_of[mark.i]
    before = mark.i - 1
    while before > verb.i and ctx.doc[before].is_space:
        before -= 1
    if before <= verb.i or ctx.doc[before].is_punct:
        return False
    inside = [t for t in ctx.doc[mark.i : mark.i + 64] if ctx.quote_of[t.i] == q]
    heads = {t.head.i for t in inside if ctx.quote_of[t.head.i] != q}
    return bool(heads) and verb.i not in heads


def _quote_closing_before(ctx: _Context, verb: Token, own: set[int]) -> Quote | None:
    """'"... a pathetic figure!" he wrote.': the quote's own "!" or "?" ended the
    sentence, so the cue stands alone after the closing mark, on its line or the next."""
    sent = verb.sent
    if not all(t.i in own or t.is_punct or t.is_space for t in ctx.doc[sent.start : verb.i]):
        return None
    k = sent.start - 1
    while k >= 0 and (ctx.doc[k].is_space or (ctx.doc[k].is_punct and ctx.quote_of[k] < 0)):
        k -= 1
    if k < 0 or ctx.quote_of[k] < 0:
        return None
    quote = ctx.quotes[ctx.quote_of[k]]
    between = ctx.text[quote.end : sent.start_char]
    first = next((t for t in sent if not (t.is_space or t.is_punct)), verb)
    if between.strip(" \t\n,'\u2019\"\u201d") or ("\n" in between and not first.is_lower):
        return None  # a new paragraph that opens with a capital is a sentence of its own
    if between.strip(" \t\n,") and not _ends_in_exclamation(ctx, quote):
        return None  # the rest of a closing mark ("!''") only after a "!" or "?"
    return quote


def _ends_in_exclamation(ctx: _Context, quote: Quote) -> bool:
    """The quote's words end in "!" or "?": the mark that ended the sentence."""
    words = ctx.text[quote.start : quote.end].rstrip(" '\u2019\"\u201d")
    return words.endswith(("!", "?"))


def _frame_tokens(ctx: _Context, verb: Token) -> set[int]:
    """The cue's own frame: speaker, recipient, channel; not an object it already has."""
    recipient = verb.lemma_.lower() in ctx.rules.relay_lemmas("recipient")
    frame = {verb.i}
    for child in verb.children:
        if child.dep_ in _FRAME_DEPS or (recipient and child.dep_ == "dobj"):
            frame.update(t.i for t in subtree(child))
    return frame


def _has_own_cue(ctx: _Context, quote: Quote) -> bool:
    """ "..., he said." right after the closing mark: the quote has a speaker of its own."""
    first = bisect_left(ctx.token_starts, quote.end)
    for token in ctx.doc[first : first + _OWN_CUE_WINDOW * 8]:
        if ctx.quote_of[token.i] >= 0 or (token.is_sent_start and token.i != first):
            return False
        if token.pos_ != "VERB" or token.lemma_.lower() not in ctx.rules.verbs:
            continue
        if token.i < first + _OWN_CUE_WINDOW or _stranded_frame(ctx, token) is not None:
            return True  # '"...," Mr. Dalton, now 80 and retired in Dover, said'
    return False
