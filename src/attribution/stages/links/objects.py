"""Content that is a cue's object or the object of its preposition, and what is only a topic."""

from __future__ import annotations

from spacy.tokens import Token

from ..syntax import char_span, subtree
from .clauses import _through_quotes, _without_trailing_aside
from .context import (
    _OBJECT_DEPS,
    _OBJECT_RUN,
    _RELATIVE_TAGS,
    _SPEAKER_ENTITIES,
    _SUBJECTS,
    _TIME_ENTITIES,
    _broad,
    _Context,
    _could_speak,
    _is_infinitive,
    _is_quote_mark,
    _upward,
)
from .speakers import _is_expletive_it, _subject

#: The predicate a reflexive object takes: "describes himself *as* a fixer".
_AS = "as"


_THING_POS = frozenset({"NOUN", "PROPN", "NUM"})


_CLAUSE_DEPS = frozenset({"ccomp", "acl"})


def _is_document_participle(ctx: _Context, verb: Token) -> bool:
    """ "a poll showing the race tied", "a memo warning that ...": a participle that
    modifies a record speaks for the record (an issuer, if any, was taken before)."""
    return (
        _broad(ctx)  # in 'speech' a record speaks only through who issued it
        and verb.dep_ == "acl"
        and verb.tag_ == "VBG"
        and verb.head.lemma_.lower() in ctx.rules.documents
        and ctx.quote_of[verb.head.i] < 0
    )


def _is_evidence(ctx: _Context, verb: Token, frames: frozenset[str]) -> bool:
    """A verb whose object is content only when a record does it: "the poll showed
    Cruz ahead", "emails showed staff favoring her"; not "the museum showed the paintings"."""
    if "evidence" not in frames or not _broad(ctx):
        return False  # in 'speech' what a record shows is content only as a clause
    subject = _subject(verb)
    if subject is not None and subject.tag_ in _RELATIVE_TAGS and verb.dep_ == "relcl":
        subject = verb.head  # "a survey, which showed ..."
    if subject is None and _is_document_participle(ctx, verb):
        subject = verb.head
    return subject is not None and subject.lemma_.lower() in ctx.rules.documents


def _object_content(
    ctx: _Context, verb: Token, exclude: set[int], frames: frozenset[str]
) -> tuple[int, int] | None:
    """ "accused the government of rigging the vote", "denied targeting civilians": what
    the verb takes as its object, when it has no clause or quote; a to-infinitive only
    for a verb whose frames include it ("vowed to repeal the law")."""
    rights = [c for c in verb.rights if c.i not in exclude]
    if verb.lemma_.lower() in ctx.rules.relay_lemmas("recipient"):
        rights = [c for c in rights if not _is_recipient(ctx, c)]  # told *reporters*
    start = next((k for k, c in enumerate(rights) if c.dep_ in _OBJECT_DEPS), None)
    if start is None:
        return _prepositional_content(ctx, verb, rights)
    if _is_infinitive(rights[start]) and "infinitive" not in frames:
        return None  # "prices continued to rise": an aspect verb, not a statement
    if rights[start].dep_ == "dobj" and rights[start].ent_type_ in _TIME_ENTITIES:
        return None  # "has contended several other years": how long, not what was said
    start = _past_listener(rights, start, frames)
    nouns = "object" in frames or ("topic" in frames and _broad(ctx))
    nouns = nouns or _is_evidence(ctx, verb, frames)
    if not nouns and not _is_infinitive(rights[start]):
        return None  # "the results encouraged the team": no object is speech for this verb
    run = []
    for child in rights[start:]:
        if child.dep_ not in _OBJECT_RUN:
            break
        if _holds_channel(ctx, child):
            if child.i in ctx.channel_tokens or child.left_edge.i in ctx.channel_tokens:
                break
            run.append(child)  # 'called him a "coward" on Twitter': the words, not where
            break
        run.append(child)
    while len(run) > 1 and _is_when(run[-1]):
        run.pop()  # "endorsed the mayor in March": when it was done, not what
    if not _broad(ctx) and _is_reflexive_object(ctx, run):
        return None  # "the bakery finds itself in a bind": the subject's state, not speech
    if len(run) == 1 and not _broad(ctx) and _names_someone(ctx, run[0]):
        return None  # "criticizes it", "writing the council": whom it was about, no proposition
    if not _broad(ctx) and "judged" not in frames and _is_bare_thing(ctx, run):
        return None  # "defended the team's record", "claimed responsibility": no proposition
    tokens = _without_trailing_aside([t for child in run for t in subtree(child)], verb)
    tokens = _before_channel(ctx, tokens)
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space):
        if _is_quote_mark(ctx, tokens[-1]):
            break
        tokens.pop()
    return _through_quotes(ctx, char_span(tokens)) if tokens else None


def _before_channel(ctx: _Context, tokens: list[Token]) -> list[Token]:
    """The object's words before a channel phrase the parser hung inside it ('called him a
    "coward" *on his Facebook page*'), from the preposition that opens that phrase."""
    channel = next((t for t in tokens if t.i in ctx.channel_tokens), None)
    if channel is None:
        return tokens
    prep = next((t for t in _upward(channel) if t.dep_ == "prep"), None)
    first = prep.i if prep is not None and prep.i < channel.i else channel.i
    return [t for t in tokens if t.i < first]


def _is_reflexive_object(ctx: _Context, run: list[Token]) -> bool:
    """ "finds itself in a bind", "defended herself": the object is the subject itself, with
    no quoted words and no predicate on it ("describes himself *as* a fixer", "calls herself
    a moderate" say what the speaker claims to be)."""
    if not run or run[0].morph.get("Reflex") != ["Yes"]:
        return False
    if any(c.dep_ == "oprd" or (c.dep_ == "prep" and c.lower_ == _AS) for c in run[1:]):
        return False
    return not any(ctx.quote_of[t.i] >= 0 for child in run for t in subtree(child))


def _is_when(prep: Token) -> bool:
    """A prepositional phrase whose object is a date or a time ("in 2019", "for years")."""
    return prep.dep_ == "prep" and any(
        c.dep_ == "pobj" and c.ent_type_ in _TIME_ENTITIES for c in prep.children
    )


def _sets_the_scene(token: Token, verb: Token) -> bool:
    """A word after the object that opens the verb's own setting ("called the hotline *on*
    Monday", "rejected the offer *again*"), not a clause the parser split off."""
    return token.head.i == verb.i and token.dep_ in {"prep", "npadvmod", "advmod", "cc"}


def _is_bare_thing(ctx: _Context, run: list[Token]) -> bool:
    """A lone noun-phrase object with no quoted words and no clause of its own ("rejected
    the offer", "vowed revenge", "boasts two titles"): in 'speech' scope it names a thing
    the speaker acted on, not a proposition; "accused X of lying", 'called it "a mess"',
    "denied targeting civilians" keep a clause, a second complement or quoted words."""
    if not run or run[0].dep_ != "dobj" or run[0].pos_ not in _THING_POS:
        return False
    if not all(_is_setting_after(ctx, phrase) for phrase in run[1:]):
        return False
    tokens = [t for phrase in run for t in subtree(phrase)]
    if any(ctx.quote_of[t.i] >= 0 or _is_quote_mark(ctx, t) for t in tokens):
        return False
    after = tokens[-1].i + 1
    setting = after < len(ctx.doc) and _sets_the_scene(ctx.doc[after], run[0].head)
    if after < run[0].sent.end and not ctx.doc[after].is_punct and not setting:
        return False  # "said the pairing of the two *came* late": a clause the parser split
    if any(t.dep_ in {"pcomp", "pobj"} and t.tag_ == "VBG" for t in tokens):
        return False  # "accused the mayor of *breaking* his promise": what he is said to do
    return not any(t.dep_ in _CLAUSE_DEPS and _subject(t) is not None for t in tokens)


def _is_setting_after(ctx: _Context, phrase: Token) -> bool:
    """A phrase after the object that sets the scene of the act ("rejected the deal *by
    432 votes*", "found two survivors *under the rubble*"), not a complement that says
    something of the object: none of the cue's own prepositions ("called for"), and no
    clause or predicate inside it ("blamed X *for failing*", "described X *as* a fixer")."""
    if phrase.dep_ != "prep" or phrase.lower_ == _AS:
        return False
    rule = ctx.rules.verbs.get(phrase.head.lemma_.lower())
    if rule is not None and phrase.lower_ in rule.prepositions:
        return False
    return not any(t.pos_ in {"VERB", "AUX"} for t in subtree(phrase))


def _names_someone(ctx: _Context, token: Token) -> bool:
    """A pronoun, a name or a party ("it", "Ottawa", "the media"): an object that is who
    or what was spoken of or to, never what was said."""
    rules = ctx.rules
    lemma = token.lemma_.lower()
    return (
        token.pos_ == "PRON"
        or token.ent_type_ in _SPEAKER_ENTITIES
        or lemma in rules.anonymous
        or lemma in rules.titles
        or lemma in rules.affiliations
        or lemma in rules.type_of_lemma
    )


def _past_listener(rights: list[Token], start: int, frames: frozenset[str]) -> int:
    """ "urged *residents* to stay indoors": the one told is no part of what they are told."""
    if "infinitive" not in frames or rights[start].dep_ != "dobj":
        return start
    later = (k for k in range(start + 1, len(rights)) if _is_infinitive(rights[k]))
    return next(later, start)  # "cautioned the public on Friday not to ..."


def _is_recipient(ctx: _Context, token: Token) -> bool:
    """ "told *reporters*", not "said *the same*" or "told *stories*": who is told."""
    if token.dep_ == "dobj" and _is_pro_form(token):
        return False  # "she said *that*", "he said *it*": what was said
    return token.dep_ == "dative" or (token.dep_ == "dobj" and _could_speak(ctx, token))


def _is_pro_form(token: Token) -> bool:
    """A demonstrative or the neuter "it": a pronoun that stands for something said,
    never for a listener."""
    return token.pos_ == "PRON" and (
        token.morph.get("PronType") == ["Dem"] or _is_expletive_it(token)
    )


def _answer(ctx: _Context, verb: Token) -> tuple[int, int] | None:
    """ "most residents said *yes*", "he said *no*": an interjection the cue takes is the
    answer it reports."""
    for child in verb.rights:
        if child.dep_ == "intj" and ctx.quote_of[child.i] < 0:
            return char_span(list(subtree(child)))
    return None


def _prepositional_content(
    ctx: _Context, verb: Token, rights: list[Token]
) -> tuple[int, int] | None:
    """ "called for new elections", "spoke about child care": the object of a preposition
    the verb's rule names, never a time ("spoke on Tuesday")."""
    rule = ctx.rules.verbs.get(verb.lemma_.lower())
    if rule is None or not rule.prepositions:
        return None
    for child in rights:
        if child.dep_ == "advcl" and _opened_by(child, rule.prepositions):
            return _prepositional_clause(ctx, child)
        if child.dep_ != "prep" or child.lower_ not in rule.prepositions:
            continue
        obj = next((c for c in child.children if c.dep_ in {"pobj", "pcomp"}), None)
        if obj is None or obj.ent_type_ in _TIME_ENTITIES or _holds_channel(ctx, obj):
            return None
        if not _broad(ctx) and _names_someone(ctx, obj):
            return None  # "talked about Smith", "railed against them": who, not what
        return char_span(list(subtree(obj)))
    return None


def _opened_by(clause: Token, prepositions: frozenset[str]) -> bool:
    """ "called *for* the city to close the plant": an infinitive clause with its own
    subject, which the parser hangs on the verb as a clause the preposition opens."""
    first = clause.left_edge
    return (
        first.dep_ == "mark"
        and first.head.i == clause.i
        and first.lower_ in prepositions
        and any(c.tag_ == "TO" for c in clause.children)
        and any(c.dep_ in _SUBJECTS or c.dep_ == "nsubjpass" for c in clause.children)
    )


def _prepositional_clause(ctx: _Context, clause: Token) -> tuple[int, int] | None:
    """The clause less the preposition that opens it: "the city to close the plant"."""
    tokens = [t for t in subtree(clause) if t.i != clause.left_edge.i]
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space):
        if _is_quote_mark(ctx, tokens[-1]):
            break
        tokens.pop()
    return _through_quotes(ctx, char_span(tokens)) if tokens else None


def _holds_channel(ctx: _Context, token: Token) -> bool:
    return any(t.i in ctx.channel_tokens for t in subtree(token))
