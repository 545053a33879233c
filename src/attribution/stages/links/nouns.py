"""Cue nouns: 'Trump's claim that ...', 'her decision not to run', 'criticism of the plan'."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from ..parts import Cue, Link
from ..syntax import char_span, mention_span, subtree
from .clauses import _clause_span
from .context import _RELATIVE_TAGS, _TIME_ENTITIES, CONFIDENCE_OBJECT, _broad, _Context
from .objects import _names_someone
from .speakers import _subject, _subject_span


def _noun_link(ctx: _Context, cue: Cue) -> None:
    """ "Trump's claim that crime is rising", "her decision not to run", "criticism of the
    plan from Democrats": a cue noun's own clause, to-infinitive or preposition is the
    content; its possessor, the holder in a by/from phrase or the subject of the verb that
    takes it ("voiced concern that ...") the source. Without a source it counts only in
    the broad scope ("There are fears that ...")."""
    noun = ctx.doc[cue.head]
    rule = ctx.rules.nouns.get(noun.lemma_.lower())
    if rule is None or ctx.quote_of[noun.i] >= 0 or _inside_content(ctx, noun):
        return
    if any(c.dep_ == "det" and c.lower_ in ctx.rules.negations for c in noun.children):
        return  # "no claim that ...": nothing is attributed
    content = _noun_content(ctx, noun, rule.frames, rule.prepositions)
    if content is None:
        return
    if _overlaps_content(ctx, content):
        return  # "said in a statement that ...": the verb has said it
    holder = _noun_holder(ctx, noun)
    if holder is None and not (_broad(ctx) and _is_existential(noun)):
        return  # only "There are fears that ..." holds a view with no one holding it
    if holder is not None and (ctx.quote_of[holder.i] >= 0 or holder.tag_ in _RELATIVE_TAGS):
        return
    source = None if holder is None else _subject_span(ctx, holder.head, holder)
    if holder is not None and holder.dep_ in {"poss", "pobj"}:
        source = mention_span(holder)
    cue_span = char_span([noun])
    link = Link(content, source, cue_span, cue.category, confidence=CONFIDENCE_OBJECT)
    ctx.add(replace(link, stance=rule.stance), range(noun.i, noun.i + 1))


def _overlaps_content(ctx: _Context, span: tuple[int, int]) -> bool:
    return any(link.content[0] < span[1] and span[0] < link.content[1] for link in ctx.links)


def _is_existential(noun: Token) -> bool:
    """ "There are *fears* that ...": a view the text gives no holder for."""
    return noun.dep_ == "attr" and any(c.dep_ == "expl" for c in noun.head.children)


def _inside_content(ctx: _Context, token: Token) -> bool:
    """The token lies in a content already linked ("rejected the claim that ..."): the
    outer cue has said it."""
    start = token.idx
    return any(link.content[0] <= start < link.content[1] for link in ctx.links)


def _noun_content(
    ctx: _Context, noun: Token, frames: frozenset[str], prepositions: frozenset[str]
) -> tuple[int, int] | None:
    """The noun's clause ("that ..."), to-infinitive ("to run") or prepositional object
    ("of the plan"), or the clause its copula takes ("the mayor's view is that ...")."""
    children = [c for c in noun.rights if c.dep_ in {"acl", "ccomp"}]
    if noun.dep_ == "nsubj" and noun.head.lemma_ == "be":
        children += [c for c in noun.head.rights if c.dep_ == "ccomp"]
    for clause in children:
        marked = any(
            c.dep_ == "mark" and c.lower_ in ctx.rules.complementizers for c in clause.children
        )
        if (marked and "clause" in frames) or (
            "infinitive" in frames and any(c.tag_ == "TO" for c in clause.children)
        ):
            return _clause_span(ctx, clause, set())
    for child in noun.rights:
        if child.dep_ != "prep" or child.lower_ not in prepositions:
            continue
        obj = next((c for c in child.children if c.dep_ in {"pobj", "pcomp"}), None)
        if obj is None or obj.ent_type_ in _TIME_ENTITIES:
            return None
        if not _broad(ctx) and _names_someone(ctx, obj):
            return None  # "criticism of him": whom it was about, no proposition
        return char_span(list(subtree(obj)))
    return None


def _noun_holder(ctx: _Context, noun: Token) -> Token | None:
    """Whose claim, view or decision it is: the possessor ("*his* decision"), the object of
    by/from ("criticism *from Democrats*"), or the subject of the verb that takes the noun
    as its object ("*She* voiced concern that ...")."""
    for child in noun.children:
        if child.dep_ == "poss":
            return child
    for child in noun.rights:
        if child.dep_ == "prep" and child.lower_ in ctx.rules.holder_prepositions:
            obj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if obj is not None:
                return obj
    if noun.dep_ == "dobj" and noun.head.pos_ == "VERB":
        return _subject(noun.head)
    return None
