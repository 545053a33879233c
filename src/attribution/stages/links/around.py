"""A cue set off by commas in mid-sentence reports both parts of the sentence."""

from __future__ import annotations

from spacy.tokens import Token

from ..intervals import Intervals
from ..parts import Link
from ..syntax import char_span, subtree
from .context import _RELATIVE_TAGS, _TIME_ENTITIES, _Context, _has_verb, _overlaps, _words
from .speakers import _subject

_CUE_PARTICLE_DEPS = frozenset({"prt", "advmod", "npadvmod"})  # "he said *later*"


_GLOSS_DEPS = frozenset({"advcl", "xcomp", "conj", "ccomp", "acl", "ROOT"})


def _split_around_cue(ctx: _Context, phrases: set[int]) -> None:
    """ "Too often, he says, they get it": a cue clause set off by commas in mid-sentence
    reports both parts of the sentence, each its own stretch of content."""
    covered = Intervals([link.content for link in ctx.links])
    for i, index in sorted(ctx.by_cue_token.items()):
        link = ctx.links[index]
        if link.quote is not None or link.kind != "indirect" or link.source is None:
            continue
        for part in _parts_around(ctx, ctx.doc[i], phrases):
            if _overlaps(part, link.content) or covered.overlaps(part):
                continue
            ctx.add(
                Link(
                    part,
                    link.source,
                    link.cue,
                    link.category,
                    "indirect",
                    antecedent=link.antecedent,
                    confidence=link.confidence,
                    stance=link.stance,
                )
            )


def _parts_around(ctx: _Context, verb: Token, phrases: set[int]) -> list[tuple[int, int]]:
    """The two parts of a sentence on either side of ", SPEAKER VERB," (none if the cue
    clause holds more than its speaker, a particle or an adverb, or touches a quote)."""
    subject = _subject(verb)
    if subject is None or subject.tag_ in _RELATIVE_TAGS:
        return []
    frame = {verb.i, *(t.i for t in subtree(subject))}
    frame.update(
        c.i for c in verb.children if c.dep_ in _CUE_PARTICLE_DEPS and not list(c.children)
    )
    for child in verb.children:  # "the mayor said *on Monday*", "*in a statement*"
        if _is_cue_setting(ctx, child, phrases):
            frame.update(t.i for t in subtree(child))
    lo, hi = min(frame), max(frame)
    sent = verb.sent
    if any(k not in frame for k in range(lo, hi + 1)):
        return []
    if lo - 1 <= sent.start or hi + 2 >= sent.end:
        return []
    if ctx.doc[lo - 1].text != "," or ctx.doc[hi + 1].text != ",":
        return []
    if any(ctx.quote_of[t.i] >= 0 for t in sent):
        return []
    before = _words(ctx.doc[sent.start : lo - 1])
    if before and before[0].pos_ in {"ADP", "SCONJ"} and not _has_verb(before):
        before = []  # "On Monday, she said, ...": a setting, not something said
    if any(t.i in phrases for t in before):
        before = []
    after = _words(ctx.doc[hi + 2 : sent.end])
    if len(after) > 1 and after[0].pos_ == "CCONJ" and after[1].pos_ not in {"VERB", "AUX"}:
        after = []  # "..., he says, and he was upset": a clause of the narrator's own
    if not _has_verb(after) or any(t.i in phrases for t in after):
        after = []  # "..., he said, according to CNN": the frame goes on, not the content
    if _is_narrators_participle(after):
        after = []  # "..., the agency said, raising fears of more floods": the writer's gloss
    return [char_span(run) for run in (before, after) if run]


def _is_cue_setting(ctx: _Context, child: Token, phrases: set[int]) -> bool:
    """A prepositional phrase of the cue that says when or where the speaker spoke ("on
    Monday", "in a statement", "on Telegram"): part of the cue clause, not of the content."""
    words = subtree(child)[1:]
    if child.dep_ != "prep" or not words:
        return False
    if all(t.ent_type_ in _TIME_ENTITIES for t in words):
        return True
    heads = [c for c in child.children if c.dep_ == "pobj"]
    return any(t.i in phrases or t.lemma_.lower() in ctx.rules.documents for t in heads) or any(
        t.i in phrases for t in words
    )


def _is_narrators_participle(tokens: list[Token]) -> bool:
    """A participle clause after a closing cue ("..., police said, prompting a search"): the
    writer glosses what the statement did; a cue participle ("adding that") links itself."""
    return bool(tokens) and tokens[0].tag_ == "VBG" and tokens[0].dep_ in _GLOSS_DEPS
