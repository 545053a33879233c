"""What a cue verb reports: its clause, object, quote or a clause before it, chosen by frame."""

from __future__ import annotations

from spacy.tokens import Token

from ..parts import Quote
from ..syntax import char_span, subtree
from .clauses import (
    _clause_content,
    _clause_span,
    _misparsed_complement,
    _to_sentence_end,
    _within_quote,
)
from .context import (
    _CONTENT_DEPS,
    _OBJECT_DEPS,
    _OBJECT_RUN,
    _RELATIVE_TAGS,
    _SUBJECTS,
    _WIDE_CATEGORIES,
    _WIDE_CONTENT_DEPS,
    CONFIDENCE_ADJACENT,
    CONFIDENCE_OBJECT,
    _broad,
    _Context,
    _quote_content,
)
from .objects import _answer, _is_evidence, _object_content, _prepositional_content
from .quoted import _adjacent_quote
from .speakers import _inverted_speaker, _is_first_conjunct, _is_gerund_of_manner, _subject

#: Prepositions whose object is who holds a noun cue's view: "criticism *from* Democrats".
_PARENTHETICAL = frozenset({"parataxis", "ccomp"})


_INTRODUCING = frozenset({":", ";"})


_SETTING_DEPS = frozenset({"advcl", "advmod", "prep", "npadvmod"})


_PARTICIPLES = frozenset({"VBN", "VBG"})


_PRESENT_TAGS = frozenset({"VBP", "VBZ"})


_VERBS = frozenset({"VERB", "AUX"})


def _joined_outside_quote(ctx: _Context, verb: Token) -> Token | None:
    """'He said the bill "works" and accused ...': the parser joins "accused" to the quoted
    verb, but it stands after the quote; it joins the first verb above the quote."""
    if verb.dep_ != "conj" or ctx.quote_of[verb.i] >= 0:
        return None
    q = ctx.quote_of[verb.head.i]
    if q < 0 or verb.idx < ctx.quotes[q].end:
        return None
    outer = verb.head
    while outer.head.i != outer.i and ctx.quote_of[outer.i] == q:
        outer = outer.head
    if ctx.quote_of[outer.i] >= 0 or outer.pos_ not in {"VERB", "AUX"}:
        return None
    return outer


def _escaped_conjuncts(ctx: _Context, clause: Token) -> set[int]:
    """Tokens of verbs joined to the clause's quoted part but standing after the quote,
    with their conjunction: they are the speaker's own acts, not the content."""
    out: set[int] = set()
    for token in subtree(clause):
        if token.pos_ == "VERB" and _joined_outside_quote(ctx, token) is not None:
            end = ctx.quotes[ctx.quote_of[token.head.i]].end
            out.update(t.i for t in subtree(token))
            out.update(c.i for c in token.head.children if c.dep_ == "cc" and c.idx >= end)
    return out


def _frames(ctx: _Context, verb: Token) -> frozenset[str]:
    """The frames in which this verb is speech ("charged $600" is not; "charged that" is)."""
    rule = ctx.rules.verbs.get(verb.lemma_.lower())
    return rule.frames if rule is not None else frozenset({"clause", "quoted", "object"})


def _content_of(
    ctx: _Context, verb: Token, category: str | None, exclude: set[int]
) -> tuple[tuple[int, int], str, Quote | None, float] | None:
    """Content span, kind, quote and confidence for a cue verb, or None if it has none."""
    deps = _WIDE_CONTENT_DEPS if category in _WIDE_CATEGORIES else _CONTENT_DEPS
    frames = _frames(ctx, verb)
    subject_read_as_object = _subject_read_as_object(ctx, verb) if "clause" in frames else None
    if subject_read_as_object is not None:
        return _rest_of_sentence(ctx, subject_read_as_object), "indirect", None, CONFIDENCE_OBJECT
    clauses = [
        c
        for c in _complements(verb)
        if c.dep_ in deps
        and not _is_first_conjunct(ctx, c, verb)
        and not _is_relative_clause(c)
        and c.i not in exclude
    ]
    clause = _quoted_first(clauses, ctx)
    if clause is not None and _cut_off(ctx, clause, verb):
        clause = None  # "Ours is a hard system: the council proposes ...": a heading
    if clause is not None and "clause" not in frames:
        return None
    if clause is not None:
        reported = _trailing_report(ctx, clause)
        if reported is not None:
            ctx.relayed_by_cue[verb.i] = clause.i
            clause = reported
        ctx.content_clause[verb.i] = clause
        skip = exclude | _relay_frame(ctx, verb, clause) | _escaped_conjuncts(ctx, clause)
        found = _clause_content(ctx, clause, skip)
        fronted = _is_gerund_of_manner(verb) and verb.i < verb.head.head.i  # "After saying ..."
        if found is not None and found[1] != "direct" and clause.i > verb.i and not fronted:
            found = (_to_sentence_end(ctx, found[0]), *found[1:])
        return found
    clause = _misparsed_complement(verb) if "clause" in frames else None
    if clause is not None:
        ctx.content_clause[verb.i] = clause
        skip = exclude | {clause.left_edge.i} | _relay_frame(ctx, verb, clause)
        return _clause_content(ctx, clause, skip)
    if "clause" in frames and (_is_fronted_cue(verb) or _is_mid_clause_cue(verb)):
        clause = ctx.content_clause[verb.i] = verb.head
        skip = exclude | {t.i for t in subtree(verb)} | _relay_frame(ctx, verb, clause)
        return _clause_content(ctx, clause, skip)
    quote = _adjacent_quote(ctx, verb) if "quoted" in frames else None
    if quote is not None and (
        _in_a_modifier(ctx, verb, quote) or _has_own_object(ctx, verb, quote)
    ):
        quote = None  # 'In the "sextortion" case, the senders threatened ...': a term
    if quote is not None:
        return _quote_content(quote), "direct", quote, CONFIDENCE_ADJACENT
    head = verb.head
    if (_is_parenthetical(verb) or _is_trailing_frame(verb)) and "clause" in frames:
        skip = {t.i for t in subtree(verb)} | exclude
        span = _clause_span(ctx, head, skip)
        if span is not None:
            return span, "indirect", None, CONFIDENCE_ADJACENT
    objects = bool(frames & {"object", "infinitive"}) or ("topic" in frames and _broad(ctx))
    objects = objects or _is_evidence(ctx, verb, frames)
    if objects:
        span = _object_content(ctx, verb, exclude, frames)
    else:  # "referred to the rebels", never "referred the case to police"
        rights = [c for c in verb.rights if c.i not in exclude and c.dep_ not in _OBJECT_DEPS]
        has_object = any(c.dep_ in _OBJECT_DEPS for c in verb.rights)
        span = None if has_object else _prepositional_content(ctx, verb, rights)
    span = span or (_leading_content(ctx, verb) if "clause" in frames else None)
    span = span or (_answer(ctx, verb) if "object" in frames else None)
    return None if span is None else (span, "indirect", None, CONFIDENCE_OBJECT)


def _is_relative_clause(clause: Token) -> bool:
    """ "defend the levy on provinces – Ontario and Manitoba – *that* don't meet the rules":
    a clause whose subject is the relative "that" or "which", right after a noun that is
    none of the cue's own, describes that noun, though the parser hung it on the cue; it
    is never what was said. Right after the cue ("said *that* overlooked the costs") the
    word is a demonstrative, whatever its tag; before the cue ("the line, *which* a study
    concluded would cost ...") it opens the cue's own relative clause, and the clause is
    what was said of the noun."""
    subject = next((c for c in clause.children if c.dep_ in _SUBJECTS), None)
    if subject is None or subject.tag_ != "WDT" or subject.i < clause.head.i:
        return False
    before = subject.doc[subject.i - 1]
    while before.is_punct and before.i > 0:
        before = before.doc[before.i - 1]
    return before.pos_ in {"NOUN", "PROPN"} and before.head.i != clause.head.i


def _subject_read_as_object(ctx: _Context, verb: Token) -> Token | None:
    """ "Garland said unemployment and lost pay have broad effects": the parser took the
    reported clause's subject for the past-tense cue's object, and its present-tense verb
    (joined to the cue or hung on it as a clause) for a second act of the speaker's. A
    present-tense verb with no subject of its own after the object cannot be the
    past-tense speaker's: the object opens the reported clause."""
    if verb.tag_ != "VBD" or ctx.quote_of[verb.i] >= 0:
        return None
    obj = next((c for c in verb.children if c.dep_ in _OBJECT_DEPS), None)  # "xcomp": "flooding"
    if obj is None or obj.pos_ not in {"NOUN", "PROPN"} or obj.i < verb.i:
        return None
    for token in subtree(verb):
        if token.i <= obj.i or token.dep_ not in {"conj", "ccomp"} or token.pos_ not in _VERBS:
            continue
        if token.sent.start != verb.sent.start or ctx.quote_of[token.i] >= 0:
            continue
        if token.dep_ == "ccomp" and token.head.i != verb.i:
            continue
        present = token.tag_ in _PRESENT_TAGS or any(
            c.dep_ == "aux" and c.tag_ in _PRESENT_TAGS for c in token.children
        )
        if present and not any(
            c.dep_ in _SUBJECTS or c.dep_ == "nsubjpass" for c in token.children
        ):
            return obj
    return None


def _rest_of_sentence(ctx: _Context, first: Token) -> tuple[int, int]:
    """From a phrase's first word to its sentence's end, short of a semicolon or a quote."""
    tokens = []
    for token in ctx.doc[first.left_edge.i : first.sent.end]:
        if token.text == ";" or ctx.quote_of[token.i] >= 0 or "\n" in token.text:
            break
        tokens.append(token)
    while len(tokens) > 1 and (tokens[-1].is_punct or tokens[-1].is_space):
        tokens.pop()
    return char_span(tokens)


def _complements(verb: Token) -> list[Token]:
    """The cue's dependents; for a predicate adjective with none of its own, also what
    follows it under its copula ("aides are worried that ...")."""
    children = list(verb.children)
    if verb.dep_ == "acomp" and not any(c.dep_ in _WIDE_CONTENT_DEPS for c in children):
        children += [c for c in verb.head.children if c.i > verb.i]
    return children


def _in_a_modifier(ctx: _Context, verb: Token, quote: Quote) -> bool:
    """The quote is a word or two inside a phrase that modifies the cue's clause ("in the
    "sextortion" case"), not words the speaker said."""
    for child in verb.children:
        if child.dep_ not in _SETTING_DEPS:
            continue
        tokens = list(subtree(child))
        end = tokens[-1].idx + len(tokens[-1].text)  # a closing mark may hang on the cue
        if tokens[0].idx < quote.start and quote.content_end <= end:
            return True
    return False


def _is_setting(top: Token) -> bool:
    """A modifier of the cue's clause: a prepositional or adverbial phrase, or a clause
    that a subordinator opens ("after the vote ended"), not a clause of its own."""
    if top.dep_ == "advcl":
        return any(c.dep_ == "mark" for c in top.children)
    return top.dep_ in _SETTING_DEPS


def _has_own_object(ctx: _Context, verb: Token, quote: Quote) -> bool:
    """'... a "global takeover." Sparkes also criticized the prime minister': a cue after
    the quote that has an object of its own (not whom it was told) did not say the quote."""
    if quote.end > verb.idx or verb.lemma_.lower() in ctx.rules.relay_lemmas("recipient"):
        return False  # "..." she told reporters: the object of "tell" is whom she told
    speaker = _inverted_speaker(ctx, verb) if _subject(verb) is None else None
    return any(
        c.dep_ == "dobj" and ctx.quote_of[c.i] < 0 and c != speaker for c in verb.children
    )  # '"...," shouted the protester': the object read there is the speaker


def _cut_off(ctx: _Context, clause: Token, verb: Token) -> bool:
    """A clause before the cue that a colon or semicolon parts from it: what follows the
    mark explains the clause, and the cue's own sentence starts after it."""
    if clause.i > verb.i:
        return False
    between = ctx.doc[clause.right_edge.i + 1 : verb.i]
    return any(t.text in _INTRODUCING for t in between)


def _quoted_first(clauses: list[Token], ctx: _Context) -> Token | None:
    """The first content clause, or, when there are several, the one that is a quotation:
    "When told of the claim they had done no study, he said, 'I never said so.'" """
    if len(clauses) > 1:
        for clause in clauses:
            q = ctx.quote_of[clause.i]
            if q >= 0 and _within_quote(ctx, clause, q, set()):
                return clause
    return clauses[0] if clauses else None


def _leading_content(ctx: _Context, verb: Token) -> tuple[int, int] | None:
    """ "Talks stalled on Tuesday, two officials told the AP": a clause before the comma
    that opens the cue's own clause, when the parser did not make it the verb's."""
    subject = _subject(verb)
    if verb.dep_ != "ROOT" or subject is None or subject.i > verb.i:
        return None
    first, sent = subject.left_edge.i, verb.sent
    if first - 1 <= sent.start or not ctx.doc[first - 1].is_punct:
        return None
    if ctx.doc[first - 1].text in _INTRODUCING:
        return None  # "Ours is an adversarial system: the government proposes ...": a heading
    tokens = [t for t in ctx.doc[sent.start : first - 1] if ctx.quote_of[t.i] < 0]
    if not tokens or tokens[0].pos_ in {"ADP", "SCONJ"} or tokens[0].tag_ in _PARTICIPLES:
        return None  # "After the vote, ...", "Combined with ...": a setting, not a statement
    inside = {t.i for t in tokens}
    if any(_is_setting(t) for t in tokens if t.head.i not in inside):
        return None  # "Shortly after the account went up, ...": a setting too
    if not any(t.pos_ in {"VERB", "AUX"} for t in tokens):
        return None
    return char_span(tokens)


def _is_fronted_cue(verb: Token) -> bool:
    """ "X reported, citing Y, that ...", parsed with the reported clause as the root."""
    head = verb.head
    if not (verb.dep_ in _PARENTHETICAL and head.i > verb.i and head.pos_ in {"VERB", "AUX"}):
        return False
    if any(c.dep_ in _OBJECT_RUN for c in verb.children):
        return False  # the verb has a complement of its own: it is no aside
    after = max(t.i for t in subtree(verb) if not t.is_punct) + 1  # its own comma, if any
    set_off = after < len(verb.doc) and verb.doc[after].is_punct  # "At one point, she said, ..."
    return set_off or any(c.dep_ == "mark" and c.i < head.i for c in head.children)


def _is_mid_clause_cue(verb: Token) -> bool:
    """ "The new plan, the mayor said, would cut the deficit": a cue set off by commas
    inside the clause it reports. The content is the clause's part after the cue, its
    predicate; the part before (a subject, a setting) stays out, as a span has one part."""
    head, doc = verb.head, verb.doc
    if not (verb.dep_ in _PARENTHETICAL and head.i > verb.i and head.pos_ in {"VERB", "AUX"}):
        return False
    if any(c.dep_ in _OBJECT_DEPS or c.dep_ == "ccomp" for c in verb.children):
        return False  # a complement of its own: no aside ("on Friday" may be)
    left, right = verb.left_edge.i, verb.right_edge.i
    opened = doc[left].text == "," or (left > 0 and doc[left - 1].text == ",")
    closed = doc[right].text == "," or (right + 1 < len(doc) and doc[right + 1].text == ",")
    return opened and closed


def _trailing_report(ctx: _Context, clause: Token) -> Token | None:
    """ "X said ..., TASS reported": the clause is a report that relays X; its content is X's."""
    if clause.lemma_.lower() not in ctx.rules.verbs or _subject(clause) is None:
        return None
    return next((c for c in clause.children if c.dep_ in _CONTENT_DEPS and c.i < clause.i), None)


def _relay_frame(ctx: _Context, verb: Token, clause: Token) -> set[int]:
    """Tokens of "citing Y" inside or beside the content, which are frame, not content."""
    frame = {t.i for p in _relay_participles(ctx, verb, clause) for t in subtree(p)}
    if clause.i not in frame:
        return frame
    return frame - {t.i for t in subtree(clause)}


def _relay_participles(ctx: _Context, verb: Token, clause: Token | None) -> list[Token]:
    """ "citing Y" under the cue verb or, misattached, under its content clause."""
    lemmas = ctx.rules.relay_lemmas("participle")
    parents = [verb] if clause is None else [verb, clause]
    return [
        child
        for parent in parents
        for child in parent.children
        if child.lemma_.lower() in lemmas and child.pos_ == "VERB" and child.i != verb.i
    ]


def _is_parenthetical(verb: Token) -> bool:
    """ "..., Khorunzhyi said, ...": a cue clause set off after the clause it reports."""
    return verb.dep_ in _PARENTHETICAL and _is_parenthetical_shape(verb)


def _is_trailing_frame(verb: Token) -> bool:
    """ "One group entered the lobby, a guard present during the raid told Reuters.": the
    parser hung the closing cue clause on the clause it reports as an adverbial one; with
    a subject of its own, no "when" or "because", set off by a comma and closing the
    sentence, it is the frame of what comes before."""
    if verb.dep_ != "advcl" or not _is_parenthetical_shape(verb):
        return False
    children = list(verb.children)
    if any(c.dep_ == "mark" or c.tag_ in _RELATIVE_TAGS or c.tag_ == "WRB" for c in children):
        return False
    if not any(c.dep_ in _SUBJECTS and c.i < verb.i for c in children):
        return False
    last = max((t.i for t in verb.sent if not t.is_punct), default=verb.i)
    return verb.right_edge.i >= last


def _is_parenthetical_shape(verb: Token) -> bool:
    """A clause after its head verb, opened right after a punctuation mark."""
    head = verb.head
    left = min((t.i for t in subtree(verb) if not t.is_punct), default=verb.i)
    return (
        head.i < verb.i
        and head.pos_ in {"VERB", "AUX"}
        and left > 0
        and verb.doc[left - 1].is_punct
    )
