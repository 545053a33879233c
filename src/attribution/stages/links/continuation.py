"""Quotes with no cue of their own: the speaker going on, a colon or a dash that names them."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import replace

from spacy.tokens import Span, Token

from ..intervals import Intervals
from ..parts import Cue, Link, Quote
from ..syntax import char_span, mention_span
from .context import (
    _NAME_ENTITIES,
    CONFIDENCE_ADJACENT,
    _Context,
    _quote_content,
    _sentence_of,
    _text_of,
    _trimmed_marks,
)
from .nouns import _noun_holder
from .quoted import _has_own_cue
from .speakers import _possessor, _subject

_DASH_BYLINE = re.compile(r"\s{0,3}(?P<dash>—|–|--)\s{0,3}(?P<name>[A-Z][^\n]{0,80})\Z")


_PARAGRAPH_REASON = "a quote paragraph with no cue continues the previous speaker"


_SENTENCE_REASON = "a quote right after a quoted sentence and its cue continues that speaker"


_SAME_PARAGRAPH_REASON = "a quote later in a quoted speaker's paragraph continues that speaker"


_LEAD_IN_REASON = "a quote right after a sentence about a person, with no cue, is that person's"


_CUE_AFTER_REASON = "a quote with no cue of its own is given by the cue of the sentence after it"


_SENTENCE_ENDS = frozenset(".!?")


CONFIDENCE_CONTINUED = 0.6


def _continue_quotes(ctx: _Context) -> None:
    """Quotes with no cue of their own: a dash byline, or the previous speaker going on."""
    text = ctx.text
    covered = Intervals([link.content for link in ctx.links])
    ends = sorted(  # a quote goes on with someone: never with words nobody is said to speak
        (link.content[1], i)
        for i, link in enumerate(ctx.links)
        if link.source is not None or link.continues is not None
    )
    inner_of = {link.relayed_by: i for i, link in reversed(list(enumerate(ctx.links)))}
    added: int | None = None
    for quote in ctx.quotes:
        if covered.overlaps(_quote_content(quote)) or _dash_link(ctx, quote):
            continue
        if _inside_a_phrase(ctx, quote):
            continue  # 'on NBC's "Meet the Press."': a title in the narration, not speech
        previous = _previous_speaker(ctx, quote, ends, added, inner_of)
        if previous is None or _in_narration(ctx, quote):
            continue
        previous = _quoted_partner(ctx, previous)
        line_start = text.rfind("\n", 0, quote.start) + 1
        if not text[line_start : quote.start].strip():
            reason, inferred, confidence = _PARAGRAPH_REASON, True, CONFIDENCE_CONTINUED
        elif _follows_cue_sentence(ctx, ctx.links[previous], quote):
            reason, inferred, confidence = _SENTENCE_REASON, False, CONFIDENCE_ADJACENT
        elif _same_paragraph(ctx, ctx.links[previous], quote):
            reason, inferred, confidence = _SAME_PARAGRAPH_REASON, True, CONFIDENCE_CONTINUED
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


def _inside_a_phrase(ctx: _Context, quote: Quote) -> bool:
    """A capitalised quote right after a noun or a possessive ("on NBC's 'This Week'",
    "the book 'Strangers No More'"): a title, where a quote that goes on from the last
    speaker opens a sentence or a line, or is a phrase of the speaker's own words after a
    verb or a preposition ("based on 'one giant assumption'")."""
    before = ctx.text[: quote.start].rstrip(" \t")
    words = ctx.text[quote.start : quote.end].lstrip("'\"\u2018\u201c ")
    if not before or not before[-1].isalnum() or not words[:1].isupper():
        return False
    k = bisect_right(ctx.token_starts, len(before) - 1) - 1
    return k >= 0 and (ctx.doc[k].tag_ == "POS" or ctx.doc[k].pos_ in {"NOUN", "PROPN"})


def _colon_quotes(ctx: _Context) -> None:
    """'Dr. Lima, a surgeon, is more blunt: "The system is failing."': a quote that a
    colon opens after a copula whose subject is a named person or body (or he, she, they)
    is that subject's, though no cue word says so."""
    covered = Intervals([link.content for link in ctx.links])
    for quote in ctx.quotes:
        if covered.overlaps(_quote_content(quote)):
            continue
        colon = quote.start - 1
        while colon >= 0 and ctx.text[colon] in " \t":
            colon -= 1
        if colon < 0 or ctx.text[colon] != ":":
            continue
        k = bisect_right(ctx.token_starts, colon) - 1
        speaker = _colon_speaker(ctx, ctx.doc[k]) if k >= 0 else None
        if speaker is not None:
            ctx.add(
                Link(
                    _quote_content(quote),
                    mention_span(speaker),
                    (colon, colon + 1),
                    None,
                    "direct",
                    confidence=CONFIDENCE_ADJACENT,
                    quote=quote,
                )
            )


def _quotes_given_after(ctx: _Context, cues: list[Cue]) -> None:
    """'"Ask me in March." That was all Carla Ross would say.': a quote with no cue of its
    own, then a sentence (in its paragraph or the next) whose cue has no content of its
    own: that cue points back at the quote, and its speaker said it."""
    covered = Intervals([link.content for link in ctx.links])
    loose = [c for c in cues if c.kind in {"verb", "noun"} and c.head not in ctx.by_cue_token]
    if not loose:
        return
    for quote in ctx.quotes:
        if not quote.closed or covered.overlaps(_quote_content(quote)):
            continue
        after = _sentence_after(ctx, quote)
        if after is None:
            continue
        for cue in loose:
            if not after.start <= cue.head < after.end:
                continue
            head = ctx.doc[cue.head]
            speaker = _subject(head) if cue.kind == "verb" else _noun_holder(head)
            speaker = speaker or _only_person(after)  # a parse that lost the subject
            if speaker is None or not _could_give(speaker):
                continue
            ctx.add(
                Link(
                    _quote_content(quote),
                    mention_span(speaker),
                    char_span(ctx.doc[cue.start : cue.end]),
                    cue.category,
                    "direct",
                    inferred=True,
                    reason=_CUE_AFTER_REASON,
                    confidence=CONFIDENCE_CONTINUED,
                    quote=quote,
                ),
                range(cue.start, cue.end),
            )
            break


def _sentence_after(ctx: _Context, quote: Quote) -> Span | None:
    """The sentence that opens right after a quote that ends its own sentence, at most a
    paragraph break between, and that quotes nothing itself."""
    rest = ctx.text[quote.end : quote.end + 40]  # the gap: a few spaces and line breaks
    gap = len(rest) - len(rest.lstrip())
    if rest[:gap].count("\n") > 2 or quote.end + gap >= len(ctx.text):
        return None
    if ctx.text[quote.end - 2 : quote.end - 1] not in _SENTENCE_ENDS and not rest[:gap].count("\n"):
        return None  # '"..." she said' goes on in the quote's own sentence
    k = bisect_left(ctx.token_starts, quote.end + gap)
    if k >= len(ctx.doc):
        return None
    sent = ctx.doc[k].sent
    if sent.start != k or any(ctx.quote_of[t.i] >= 0 for t in sent):
        return None
    first = ctx.doc[k]
    if first.pos_ != "PRON" or first.morph.get("PronType") != ["Dem"]:
        return None  # only "That was all she would say": a sentence that points back
    return sent


def _only_person(sent: Span) -> Token | None:
    """The one person a sentence names, if it names exactly one."""
    people = [e for e in sent.ents if e.label_ == "PERSON"]
    return people[0].root if len(people) == 1 else None


def _could_give(token: Token) -> bool:
    """A speaker for a quote given after it: a name, or he, she or they."""
    if token.pos_ == "PRON":
        return token.morph.get("Person") == ["3"] and token.morph.get("Gender") != ["Neut"]
    return token.pos_ in {"PROPN", "NOUN"}


def _lead_in_quotes(ctx: _Context) -> None:
    """'She was blunt. "They are cutting the one run we need."': a quote with no cue that
    opens right after a narrative sentence of its paragraph is the words of the person
    that sentence is about (its subject: a named person, or he, she, they)."""
    covered = Intervals([link.content for link in ctx.links])
    for quote in ctx.quotes:
        if covered.overlaps(_quote_content(quote)) or not _whole_sentence(ctx, quote):
            continue
        lead = _lead_in_sentence(ctx, quote)
        speaker = _lead_in_speaker(ctx, lead) if lead is not None else None
        if speaker is None:
            continue
        ctx.add(
            Link(
                _quote_content(quote),
                mention_span(speaker),
                None,
                None,
                "direct",
                inferred=True,
                reason=_LEAD_IN_REASON,
                confidence=CONFIDENCE_CONTINUED,
                quote=quote,
            )
        )


def _lead_in_sentence(ctx: _Context, quote: Quote) -> Span | None:
    """The sentence a quote follows in its paragraph, if it ends right before the quote
    and quotes nothing itself."""
    gap = ctx.text[max(0, quote.start - 40) : quote.start]
    end = quote.start - (len(gap) - len(gap.rstrip(" \t")))
    if end <= 0 or ctx.text[end - 1] not in _SENTENCE_ENDS:
        return None
    k = bisect_right(ctx.token_starts, end - 1) - 1
    if k < 0 or ctx.quote_of[k] >= 0:
        return None
    sent = ctx.doc[k].sent
    if any(ctx.quote_of[t.i] >= 0 for t in sent):
        return None
    return sent


def _whole_sentence(ctx: _Context, quote: Quote) -> bool:
    """The quote is a sentence of its own: it closes on a full stop, a ? or a !, not on
    the comma of '"...," the judge said, "..."'."""
    last = ctx.text[quote.content_start : quote.content_end].rstrip()
    return quote.closed and bool(last) and last[-1] in _SENTENCE_ENDS


def _last_clause(root: Token) -> Token:
    """The last clause of a sentence that has its own subject: "he expected me to read
    it, and the judge interrupted me" is, at its end, about the judge."""
    clause = root
    while True:
        later = [c for c in clause.children if c.dep_ == "conj" and c.pos_ in {"VERB", "AUX"}]
        own = [c for c in later if any(g.dep_ in {"nsubj", "nsubjpass"} for g in c.children)]
        if not own:
            return clause
        clause = own[-1]


def _lead_in_speaker(ctx: _Context, sent: Span) -> Token | None:
    """The person a narrative sentence is about, at its end: the subject of its last
    clause, if a name or a he, she or they."""
    clause = _last_clause(sent.root)
    subject = next((t for t in clause.children if t.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is None:
        return None
    if subject.pos_ == "PRON":
        morph = subject.morph
        voiced = morph.get("Person") == ["3"] and morph.get("Gender") != ["Neut"]
        return subject if voiced and morph.get("PronType") == ["Prs"] else None
    return subject if subject.ent_type_ == "PERSON" else None


def _colon_speaker(ctx: _Context, colon: Token) -> Token | None:
    """The subject of the clause that the colon ends, if it can speak in its own voice."""
    sent = colon.sent
    subjects = [
        t
        for t in ctx.doc[sent.start : colon.i]
        if t.dep_ == "nsubj" and t.head.i < colon.i and ctx.quote_of[t.i] < 0
    ]
    if len(subjects) != 1 or any(ctx.quote_of[t.i] >= 0 for t in ctx.doc[sent.start : colon.i]):
        return None
    subject = subjects[0]
    if subject.head.pos_ != "AUX":
        return None  # "Police found a note: ...": what the subject did, not how it spoke
    subject = _possessor(subject) or subject  # "Lee's answer was short: ...": Lee's words
    if subject.pos_ == "PRON":
        morph = subject.morph
        voiced = morph.get("Person") == ["3"] and morph.get("Gender") != ["Neut"]
        return subject if voiced else None
    return subject if subject.ent_type_ in _NAME_ENTITIES else None


def _split_paragraph_quotes(ctx: _Context) -> None:
    """A quote that runs over paragraphs (an open mark at each) is one stretch of content
    per paragraph, each with the quote's one speaker and cue."""
    for index in range(len(ctx.links)):
        link = ctx.links[index]
        if link.quote is None or link.kind != "direct" or "\n" not in _text_of(ctx, link):
            continue
        pieces = _paragraph_pieces(ctx, link.content)
        if len(pieces) < 2:
            continue
        after = link.cue is not None and link.cue[0] >= link.content[1]
        own = pieces[-1] if after else pieces[0]
        link.content = own
        for piece in pieces:
            if piece != own:
                ctx.add(replace(link, content=piece))


def _paragraph_pieces(ctx: _Context, span: tuple[int, int]) -> list[tuple[int, int]]:
    """The span cut at its line breaks, each piece less the marks and space at its ends."""
    pieces, start = [], span[0]
    while start < span[1]:
        end = ctx.text.find("\n", start, span[1])
        end = span[1] if end < 0 else end
        piece = _trimmed_marks(ctx.text, start, end)
        if piece is not None and any(c.isalnum() for c in ctx.text[piece[0] : piece[1]]):
            pieces.append(piece)  # not a spacer line holding only " ."
        start = end + 1
    return pieces


def _in_narration(ctx: _Context, quote: Quote) -> bool:
    """'The "yellow vest" protesters marched on', 'The show is billed as "a love letter to
    the city."': a quote set inside a sentence of narration, whose own words outside the
    quote have a verb and no cue, is a term or a description, not the last speaker going
    on. A quote that opens its sentence ('"..." her statement read') is never set inside."""
    k = bisect_left(ctx.token_starts, quote.start)
    if k >= len(ctx.doc):
        return False
    sent = ctx.doc[k].sent
    if not any(ctx.quote_of[t.i] < 0 and not t.is_punct for t in ctx.doc[sent.start : k]):
        return False
    if any(i in ctx.by_cue_token for i in range(sent.start, sent.end)):
        return False
    outside = [t for t in sent if ctx.quote_of[t.i] < 0 and not t.is_punct]
    return any(t.pos_ in {"VERB", "AUX"} for t in outside)


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


def _quoted_partner(ctx: _Context, index: int) -> int:
    """For a link with no quote whose cue shares a sentence with a quoted link of the same
    source ('"...," he said, adding that ...'), that quoted link: a quote after the
    sentence goes on the quoted words, not on the added clause."""
    link = ctx.links[index]
    if link.cue is None or link.source is None:
        return index
    if _link_quote(ctx, link) is not None or _ends_in_quote(ctx, link):
        return index
    sent = _sentence_of(ctx, link.cue)
    if sent is None:
        return index
    for k in range(index - 1, -1, -1):
        other = ctx.links[k]
        if other.source != link.source or other.cue is None or other.cue[0] < sent.start_char:
            continue
        if other.cue[1] > sent.end_char:
            continue
        if _link_quote(ctx, other) is not None or _ends_in_quote(ctx, other):
            return k
    return index


def _same_paragraph(ctx: _Context, link: Link, quote: Quote) -> bool:
    """A quote later in the paragraph of a quoted speaker's words, with no cue of its own."""
    if _link_quote(ctx, link) is None or _has_own_cue(ctx, quote):
        return False
    return "\n" not in ctx.text[link.content[1] : quote.start]


def _follows_cue_sentence(ctx: _Context, link: Link, quote: Quote) -> bool:
    """ "..., X said. "...": the quote opens right after the sentence of a quote's cue
    (also of words that end in a quote: 'Yet it is "a start," she said. "..."')."""
    if link.cue is None or (_link_quote(ctx, link) is None and not _ends_in_quote(ctx, link)):
        return False
    cue = ctx.doc.char_span(*link.cue, alignment_mode="expand")
    if cue is None:
        return False
    return not ctx.text[cue.sent.end_char : quote.start].strip()


def _ends_in_quote(ctx: _Context, link: Link) -> bool:
    """The link's content closes with a quote of its own: 'Yet it is "a start,"'."""
    start, end = link.content
    k = bisect_right(ctx.quote_starts, end) - 1
    if k < 0:
        return False
    quote = ctx.quotes[k]
    return start <= quote.start and quote.closed and end - 1 <= quote.end <= end + 1


def _link_quote(ctx: _Context, link: Link) -> Quote | None:
    """The quote a link's content is, also when a phrase cue found it as a clause
    ('"...," according to Dr. Ng')."""
    if link.quote is not None:
        return link.quote
    k = bisect_right(ctx.quote_starts, link.content[0]) - 1
    if k < 0:
        return None
    quote = ctx.quotes[k]
    inside = quote.start <= link.content[0] and link.content[1] <= quote.end
    return quote if inside else None


def _dash_link(ctx: _Context, quote: Quote) -> bool:
    """ "“...” — Commissioner Maria Lopez": a dash and a name closing the quote's line."""
    text = ctx.text
    line_end = text.find("\n", quote.end)
    line_end = len(text) if line_end < 0 else line_end
    match = _DASH_BYLINE.match(text, quote.end, line_end)
    if match is None and not text[quote.end : line_end].strip() and line_end < len(text):
        next_end = text.find("\n", line_end + 1)
        next_end = len(text) if next_end < 0 else next_end
        match = _DASH_BYLINE.match(text, line_end + 1, next_end)  # the byline's own line
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
            None,
            "direct",
            confidence=CONFIDENCE_ADJACENT,
            quote=quote,
        )
    )
    return True
