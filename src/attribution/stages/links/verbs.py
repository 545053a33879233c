"""A cue verb's link: its speaker and content, unless the cue is negated, withheld or a question."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import replace

from spacy.tokens import Token

from ..parts import Cue, Link
from ..syntax import char_span, subtree
from .content import _content_of, _joined_outside_quote
from .context import (
    _INVERTED_DEPS,
    _RELATIVE_TAGS,
    _WIDE_CATEGORIES,
    CONFIDENCE_OBJECT,
    _broad,
    _Context,
    _contiguous,
    _has_verb,
    _words,
)
from .objects import _is_document_participle
from .relays import _participle_relays
from .speakers import (
    _absolute_speaker,
    _agentless_passive,
    _apposed_after_quote,
    _before_clause,
    _before_participle,
    _cannot_speak,
    _caused_speaker,
    _controller,
    _first_conjunct_subject,
    _holder_of_participle,
    _inverted_speaker,
    _is_gerund_of_manner,
    _misread_frame,
    _name_span,
    _news_recipient,
    _orphan_subject,
    _outer_speaker,
    _participle_speaker,
    _passive_subject,
    _relative_antecedent,
    _stranded_speaker,
    _subject,
    _subject_outside_quotes,
    _subject_span,
    _swallowed_speaker,
)

#: A noun cue's own clause: "the claim *that* ...", "concerns *whether* ...".
#: What opens an indirect question: "asked *whether* ...", "asked *how* long ...".
_WH_TAGS = frozenset({"WDT", "WP", "WP$", "WRB"})


_NEGATING_DEPS = frozenset({"neg", "det", "preconj", "mark"})


def _unsourced_link(ctx: _Context, verb: Token, cue: Cue) -> None:
    """A belief that the text holds by no one: its complement, with no source."""
    found = _content_of(ctx, verb, cue.category, set())
    if found is None:
        return
    content, kind, quote, confidence = found
    link = Link(content, None, char_span([verb]), cue.category, kind, quote=quote)
    ctx.add(replace(link, confidence=confidence), range(verb.i, verb.i + 1))


def _verb_link(ctx: _Context, cue: Cue) -> None:
    verb = ctx.doc[cue.head]
    if ctx.quote_of[verb.i] >= 0 or _withheld(ctx, verb):
        return  # "did not say whether", "declined to comment": nothing is attributed
    subject = _outer_speaker(ctx, verb) or _subject(verb) or _first_conjunct_subject(ctx, verb)
    if subject is not None and ctx.quote_of[subject.i] >= 0:
        # '"... Real trouble," said Leslie Wimes': the quote's last words are no subject
        subject = (
            _subject_outside_quotes(ctx, verb)
            or _inverted_speaker(ctx, verb)
            or _stranded_speaker(ctx, verb)
            or _apposed_after_quote(ctx, subject)
            or subject
        )
    orphan = _orphan_subject(ctx, verb) or _inverted_speaker(ctx, verb) if subject is None else None
    subject = subject or orphan or _swallowed_speaker(ctx, verb) or _participle_speaker(ctx, verb)
    absolute = _absolute_speaker(ctx, verb) if subject is None else None
    subject = subject or absolute
    subject = subject or _controller(ctx, verb, cue.category)
    subject = subject or _caused_speaker(ctx, verb, cue.category)
    aside = _inverted_aside(ctx, verb) if subject is None else None
    if aside is not None:  # "There is a joy, insists Mia Tran, in finishing a book"
        _aside_links(ctx, verb, cue, aside)
        return
    if subject is None and _is_question(ctx, verb):
        if _passive_subject(verb) is None:  # "if they are asked to leave": no question
            _question_link(ctx, verb, cue)
        return
    joined = _joined_outside_quote(ctx, verb)
    if joined is not None:
        subject = _subject(joined)  # 'He said the bill "works" and accused ...': he accused
    if subject is None and _carried_by_document(ctx, verb):
        subject = _subject(verb.head.head)  # "X issued a statement saying ...": X says
    rule = ctx.rules.verbs.get(verb.lemma_.lower())
    wide = cue.category in _WIDE_CATEGORIES
    if (rule is not None and rule.holder == "none") or (wide and _agentless_passive(verb)):
        _unsourced_link(ctx, verb, cue)  # "the plan seems to work", "who is expected to win"
        return
    if subject is None and wide:
        subject = _holder_of_participle(verb)
    if subject is None and _is_document_participle(ctx, verb):
        subject = verb.head  # "a new poll showing ...": the poll
    antecedent = None
    if subject is not None and subject.tag_ in _RELATIVE_TAGS:
        held = _relative_antecedent(ctx, verb, subject) if verb.dep_ == "relcl" else None
        if held is None:
            return
        antecedent = _before_clause(held, verb)  # "Sanders, who said ...": who is Sanders
    if subject is None or ctx.quote_of[subject.i] >= 0 or _cannot_speak(ctx, subject):
        return
    found = _content_of(ctx, verb, cue.category, {subject.i} | _misread_frame(orphan, verb))
    if found is None:
        return
    content, kind, quote, confidence = found
    if kind == "indirect" and _is_question(ctx, verb) and _asks(ctx, content):
        return  # "she asked whether the bridge was safe": a question asserts nothing
    source = _subject_span(ctx, verb, subject) if orphan is None else _name_span(ctx, orphan)
    if absolute is not None:
        source = _before_participle(ctx, source, verb)
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
            antecedent=antecedent,
            stance=_stance(ctx, verb),
            question=_is_question(ctx, verb),
        ),
        range(verb.i, verb.i + 1),
    )
    _participle_relays(ctx, verb, index)


def _carried_by_document(ctx: _Context, verb: Token) -> bool:
    """ "issued a statement saying ...", "sent a letter warning that ...": the words are
    the document's, and so its issuer's."""
    carrier = verb.head
    return (
        verb.dep_ == "acl"
        and verb.tag_ == "VBG"
        and carrier.dep_ == "dobj"
        and carrier.lemma_.lower() in ctx.rules.documents
        and carrier.head.pos_ == "VERB"
    )


def _inverted_aside(ctx: _Context, verb: Token) -> Token | None:
    """ "There is a real joy, insists 16-year-old Mia Tran, in finishing a book": a cue set
    off by commas inside the sentence it reports, its speaker after it, read by the parser
    as the cue's object. No quote is near: '"...," says X' is read elsewhere."""
    doc = verb.doc
    if verb.tag_ not in {"VBZ", "VBD"} or verb.i < 2 or doc[verb.i - 1].text != ",":
        return None
    if verb.dep_ not in {"conj", "parataxis", "ccomp", "advcl"} or verb.head.i > verb.i:
        return None
    speaker = next((c for c in verb.rights if c.dep_ in _INVERTED_DEPS), None)
    if speaker is None or speaker.pos_ != "PROPN" or speaker.left_edge.i != verb.i + 1:
        return None
    after = speaker.right_edge.i + 1
    if after >= len(doc) or doc[after].text != ",":
        return None
    if any(ctx.quote_of[t.i] >= 0 for t in verb.sent):
        return None
    return speaker


def _aside_links(ctx: _Context, verb: Token, cue: Cue, speaker: Token) -> None:
    """The parts of the sentence on either side of ", VERB SPEAKER,", each a link."""
    sent, end = verb.sent, speaker.right_edge.i + 1
    source = (speaker.left_edge.idx, speaker.idx + len(speaker.text))
    parts = [_words(ctx.doc[sent.start : verb.i - 1]), _words(ctx.doc[end + 1 : sent.end])]
    for part in parts:
        if not part or (not _has_verb(part) and part[0].pos_ != "ADP"):
            continue
        ctx.add(
            Link(
                char_span(part),
                source,
                char_span([verb]),
                cue.category,
                "indirect",
                confidence=CONFIDENCE_OBJECT,
                stance=_stance(ctx, verb),
            ),
            range(verb.i, verb.i + 1),
        )


def _stance(ctx: _Context, verb: Token) -> str:
    rule = ctx.rules.verbs.get(verb.lemma_.lower())
    return rule.stance if rule is not None else "asserts"


def _withheld(ctx: _Context, verb: Token) -> bool:
    """A negated or withheld cue: "did not say", "would not confirm", "declined to comment",
    and the withholding verb itself when what it withholds is a cue ("refused to say")."""
    rules = ctx.rules
    if any(_negates(ctx, c) for c in verb.children):
        return True  # "did not say", "higher than the city says it is"
    copula = verb.head if verb.dep_ == "acomp" else None
    if copula is not None and any(
        c.dep_ in _NEGATING_DEPS and c.lower_ in rules.negations for c in copula.children
    ):
        return True  # "is not sure why ..."
    subject = _subject(verb)
    if subject is not None and (
        subject.lower_ in rules.negations
        or any(c.dep_ in _NEGATING_DEPS and c.lower_ in rules.negations for c in subject.children)
    ):
        return True  # "nobody confirmed", "neither the firm nor the union confirmed"
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in rules.withholding:
        return True
    if _is_gerund_of_manner(verb) and verb.head.lower_ in rules.negations:
        return True  # "without saying whether ..."
    if verb.lemma_.lower() in rules.withholding:
        return any(c.dep_ == "xcomp" and c.lemma_.lower() in rules.verbs for c in verb.children)
    return False


def _negates(ctx: _Context, child: Token) -> bool:
    """A negation of the cue itself, not a quoted word the parser hung on it ("“Absolutely
    not,” he said")."""
    return (
        child.dep_ in _NEGATING_DEPS
        and child.lower_ in ctx.rules.negations
        and ctx.quote_of[child.i] < 0
    )


def _is_question(ctx: _Context, verb: Token) -> bool:
    return verb.lemma_.lower() in ctx.rules.questions


def _asks(ctx: _Context, content: tuple[int, int]) -> bool:
    """In 'speech' scope, an indirect question ("asked *whether* ...", "asked him *how* ..."):
    nothing is claimed, so no content; the broad scope keeps it (PolNeAR counts questions).
    A request ("asked the city to fix it") and a topic ("asked about the plan") stay."""
    if _broad(ctx):
        return False
    k = bisect_left(ctx.token_starts, content[0])
    if k >= len(ctx.doc):
        return False
    first = ctx.doc[k]
    return first.lower_ in ctx.rules.question_openers or first.tag_ in _WH_TAGS


def _question_link(ctx: _Context, verb: Token, cue: Cue) -> None:
    """ "Asked whether X, Y said Z", "When asked about X, ...": X was asked, by nobody named;
    it is no claim of Y's, and Y's answer is linked by Y's own cue."""
    if verb.dep_ != "advcl":
        return
    tokens = [t for t in subtree(verb) if t.i > verb.i and ctx.quote_of[t.i] < 0]
    while tokens and (tokens[0].is_punct or tokens[0].dep_ == "mark"):
        tokens.pop(0)
    while tokens and tokens[-1].is_punct:
        tokens.pop()
    run = _contiguous(tokens, tokens[0]) if tokens else []
    if not run:
        return
    ctx.add(
        Link(
            char_span(run),
            None,
            char_span([verb]),
            cue.category,
            "indirect",
            confidence=CONFIDENCE_OBJECT,
            question=True,
        ),
        range(verb.i, verb.i + 1),
    )
