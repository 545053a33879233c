"""The doc with its lookups, shared by every linking form, and small token tests."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from ...rules.compiled import CompiledRules
from ..parts import Link, Quote
from ..syntax import doc_text, mention_span

_SUBJECTS = frozenset({"nsubj", "csubj"})


_CONTENT_DEPS = frozenset({"ccomp"})


_WIDE_CONTENT_DEPS = frozenset({"ccomp", "xcomp"})


_WIDE_CATEGORIES = frozenset({"belief", "intention", "perception"})


_RELATIVE_TAGS = frozenset({"WDT", "WP", "WP$"})


_ACTOR_DEPS = frozenset({"dobj", "dative", "pobj", "nsubjpass"})


_NEWS_TYPES = frozenset({"news_agency", "news_outlet"})


_SPEAKER_ENTITIES = frozenset({"PERSON", "ORG", "NORP", "GPE"})


_NAME_ENTITIES = frozenset({"PERSON", "ORG"})


_QUOTE_MARKS = frozenset('“”„«»"')


CONFIDENCE_ADJACENT = 0.8


CONFIDENCE_OBJECT = 0.7


_OBJECT_DEPS = frozenset({"dobj", "xcomp"})


_TIME_ENTITIES = frozenset({"DATE", "TIME"})


_OBJECT_RUN = frozenset({"dobj", "xcomp", "prep", "ccomp", "oprd"})


_INVERTED_DEPS = frozenset({"dobj", "attr"})


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
    relayed_by_cue: dict[int, int] = field(default_factory=dict)
    channel_tokens: set[int] = field(default_factory=set)
    channel_head: dict[int, int] = field(default_factory=dict)
    content_clause: dict[int, Token] = field(default_factory=dict)
    quote_starts: list[int] = field(default_factory=list)
    text: str = ""
    token_starts: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.text = doc_text(self.doc)  # spaCy rebuilds Doc.text on every access
        starts = self.quote_starts = [q.start for q in self.quotes]
        self.token_starts = [t.idx for t in self.doc]
        self.quote_of = [-1] * len(self.doc)
        for token in self.doc:
            last = token.idx + len(token.text) - 1  # "\u2066“we" is one token: read its end
            i = bisect_right(starts, last) - 1
            if i >= 0 and token.idx < self.quotes[i].end:
                self.quote_of[token.i] = i

    def add(self, link: Link, cue_tokens: range | None = None) -> int:
        self.links.append(link)
        index = len(self.links) - 1
        for i in cue_tokens or ():
            self.by_cue_token.setdefault(i, index)
        return index


def _finite_tag(verb: Token) -> str:
    """The tag of the word that carries a verb's tense: its first auxiliary, or itself."""
    aux = next((c for c in verb.children if c.dep_ in {"aux", "auxpass"} and c.i < verb.i), None)
    return (aux or verb).tag_


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


def _broad(ctx: _Context) -> bool:
    """The broad scope ('all'), where a topic or a person spoken of is content too:
    PolNeAR's "praised Putin"; in 'speech' a content is a proposition or quoted words."""
    return ctx.rules.scope == "all"


def _is_infinitive(token: Token) -> bool:
    return token.dep_ == "xcomp" and any(c.tag_ == "TO" for c in token.children)


def _has_verb(tokens: list[Token]) -> bool:
    return any(t.pos_ in {"VERB", "AUX"} for t in tokens)


def _words(tokens: Span) -> list[Token]:
    """The tokens less punctuation and space at either end."""
    run = list(tokens)
    while run and (run[0].is_punct or run[0].is_space):
        run.pop(0)
    while run and (run[-1].is_punct or run[-1].is_space):
        run.pop()
    return run


def _trimmed(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if end > start else None


def _could_speak(ctx: _Context, token: Token) -> bool:
    """A person, a body, an outlet or an unnamed source: something that can be cited."""
    rules = ctx.rules
    lemma = token.lemma_.lower()
    return (
        token.ent_type_ in _SPEAKER_ENTITIES
        or token.pos_ in {"PROPN", "PRON"}
        or lemma in rules.anonymous
        or lemma in rules.titles
        or lemma in rules.affiliations
        or lemma in rules.type_of_lemma
        or _is_news(ctx, mention_span(token))
    )


def _is_news(ctx: _Context, span: tuple[int, int]) -> bool:
    """The mention names a news organisation: the whole of it (less a determiner) is in
    the gazetteer, or a noun in it says so ("the broadcaster GloboNews")."""
    tokens = ctx.doc.char_span(*span, alignment_mode="expand")
    if tokens is None:
        return False
    words = [t.text for t in tokens]
    for name in (words, words[1:] if tokens[0].pos_ == "DET" else None):
        org = ctx.rules.organisation(" ".join(name)) if name else None
        if org is not None:
            return org[2] in _NEWS_TYPES
    if any(t.i in ctx.channel_tokens for t in tokens):
        return False  # "on his Telegram channel": where it was said, not who passed it on
    kinds = {ctx.rules.type_of_lemma.get(t.lemma_.lower()) for t in tokens if t.pos_ == "NOUN"}
    return bool(kinds & _NEWS_TYPES)


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


def _text_of(ctx: _Context, link: Link) -> str:
    return ctx.text[link.content[0] : link.content[1]]


def _trimmed_marks(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The span less the whitespace and quotation marks at its two ends."""
    while start < end and (text[start].isspace() or text[start] in _QUOTE_MARKS):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in _QUOTE_MARKS):
        end -= 1
    return (start, end) if end > start else None


def _sentence_of(ctx: _Context, span: tuple[int, int]) -> Span | None:
    found = ctx.doc.char_span(*span, alignment_mode="expand")
    return found.sent if found is not None else None


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]
