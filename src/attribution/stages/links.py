"""Linking: each cue tied to its source mention and its content span.

The dependency tree comes first (the subject of a cue verb is its source, its clausal
complement its content); quote adjacency second (a quote beside a cue clause is that
cue's content). Relay forms add an outer link, so that a chain reads content <- police
<- CNN. The shapes live here; the words that fill them come from the rule set.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Span, Token

from ..budget import check_time
from ..rules.compiled import CompiledRules
from .intervals import Intervals
from .parts import Cue, Link, Quote
from .syntax import char_span, doc_text, mention_span, np_head, subtree

_SUBJECTS = frozenset({"nsubj", "csubj"})
_CONTENT_DEPS = frozenset({"ccomp"})
_WIDE_CONTENT_DEPS = frozenset({"ccomp", "xcomp"})
_WIDE_CATEGORIES = frozenset({"belief", "intention", "perception"})
_SPOKEN = frozenset({"speech", "denial"})
_WORD_CUES = frozenset({"verb", "noun"})
#: A noun cue's own clause: "the claim *that* ...", "concerns *whether* ...".
#: What opens an indirect question: "asked *whether* ...", "asked *how* long ...".
_WH_TAGS = frozenset({"WDT", "WP", "WP$", "WRB"})
#: The predicate a reflexive object takes: "describes himself *as* a fixer".
_AS = "as"
#: Prepositions whose object is who holds a noun cue's view: "criticism *from* Democrats".
_PARENTHETICAL = frozenset({"parataxis", "ccomp"})
_RELATIVE_TAGS = frozenset({"WDT", "WP", "WP$"})
_ACTOR_DEPS = frozenset({"dobj", "dative", "pobj", "nsubjpass"})
_NEWS_TYPES = frozenset({"news_agency", "news_outlet"})
_MAX_CHANNEL_HOPS = 8
_NEST_WINDOW = 8
_OWN_CUE_WINDOW = 5
_TURN_NAME_CHARS = 40
_TURN_NAME_TOKENS = 4
_TURN_MIN_CHARS = 12
_SPEAKER_ENTITIES = frozenset({"PERSON", "ORG", "NORP", "GPE"})
_NOMINAL_POS = frozenset({"NOUN", "PROPN", "PRON"})
_FRAME_DEPS = frozenset(
    {"nsubj", "nsubjpass", "prep", "dative", "advmod", "npadvmod", "agent", "aux", "neg", "punct"}
)

_DASH_BYLINE = re.compile(r"\s{0,3}(?P<dash>—|–|--)\s{0,3}(?P<name>[A-Z][^\n]{0,80})\Z")
# An embedded post's footer: "... https://t.co/x — Jane Roe (@janeroe) May 3, 2019".
_POST_FOOTER = re.compile(
    r"\s(?:—|–|--)\s(?P<name>[^\n()@]{2,60}?)\s\(@\w{1,30}\)\s+\w+\.?\s\d{1,2},\s\d{4}\s*\Z"
)
# A pull quote's credit after its last sentence: "... for the region. Ana Cruz, a nurse".
_PULL_CREDIT = re.compile(
    r"(?<=[.!?\"”’])\s+(?P<name>[A-Z][\w’'.-]*(?:\s[A-Z][\w’'.-]*){0,3})"
    r"(?:,\s(?P<role>[^\n,;:!?\"“”]{2,50}))?\s*\Z"
)
# A capitalised label that opens a line: "KEEPING SCORE:", "TAPPER:", "ASIA'S DAY:".
_CAPS_LABEL = re.compile(r"(?m)^[ \t]*(?P<label>[A-Z][A-Z0-9 .,'’&-]{0,38}):")
_MIN_HEADS = 3
_TRAILING_URL = re.compile(r"\s*\S+\.\S+/\S+\s*\Z")
_PULL_MIN_CHARS = 30
_NAME_ENTITIES = frozenset({"PERSON", "ORG"})
_QUOTE_MARKS = frozenset('“”„«»"')
_PARAGRAPH_REASON = "a quote paragraph with no cue continues the previous speaker"
_SENTENCE_REASON = "a quote right after a quoted sentence and its cue continues that speaker"
_SAME_PARAGRAPH_REASON = "a quote later in a quoted speaker's paragraph continues that speaker"
_LEAD_IN_REASON = "a quote right after a sentence about a person, with no cue, is that person's"
_CUE_AFTER_REASON = "a quote with no cue of its own is given by the cue of the sentence after it"
_SENTENCE_ENDS = frozenset(".!?")

CONFIDENCE_READ = 0.9
CONFIDENCE_ADJACENT = 0.8
CONFIDENCE_CONTINUED = 0.6
CONFIDENCE_OBJECT = 0.7
_OBJECT_DEPS = frozenset({"dobj", "xcomp"})
_NOMINAL_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj"})
_TIME_ENTITIES = frozenset({"DATE", "TIME"})
_OBJECT_RUN = frozenset({"dobj", "xcomp", "prep", "ccomp", "oprd"})
_NEGATING_DEPS = frozenset({"neg", "det", "preconj", "mark"})
_INTRODUCING = frozenset({":", ";"})
_SETTING_DEPS = frozenset({"advcl", "advmod", "prep", "npadvmod"})
_PARTICIPLES = frozenset({"VBN", "VBG"})
_PRESENT_TAGS = frozenset({"VBP", "VBZ"})
_VERBS = frozenset({"VERB", "AUX"})
_CUE_PARTICLE_DEPS = frozenset({"prt", "advmod", "npadvmod"})  # "he said *later*"
_THING_POS = frozenset({"NOUN", "PROPN", "NUM"})
_INVERTED_DEPS = frozenset({"dobj", "attr"})
_GLOSS_DEPS = frozenset({"advcl", "xcomp", "conj", "ccomp", "acl", "ROOT"})
_CLAUSE_DEPS = frozenset({"ccomp", "acl"})


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


def find_links(doc: Doc, quotes: list[Quote], cues: list[Cue], rules: CompiledRules) -> list[Link]:
    """Every attribution link in the doc, sorted by content and cue position."""
    ctx = _Context(doc, quotes, rules)
    ctx.channel_tokens = {i for c in cues if c.kind == "channel" for i in range(c.start, c.end)}
    for cue in cues:
        if cue.kind == "relay" and cue.form == "quote_as":
            _quote_as_link(ctx, cue)
    for cue in cues:
        check_time()  # the time budget, if any: linking is the stage with the most to read
        if cue.kind == "verb" and cue.head not in ctx.used_tokens:
            _verb_link(ctx, cue)
    for cue in cues:
        if cue.kind == "noun" and cue.head not in ctx.used_tokens:
            _noun_link(ctx, cue)
    _link_trailing_reports(ctx)
    for cue in cues:
        if cue.kind == "relay" and cue.form == "participle":
            _cited_grounds(ctx, cue)
    _split_around_cue(
        ctx, {i for c in cues if c.kind not in _WORD_CUES for i in range(c.start, c.end)}
    )
    _colon_turns(ctx)
    _bylines(ctx)
    for cue in cues:
        if cue.kind == "evidential" or (
            cue.kind == "relay" and cue.form in {"interview", "preposition"}
        ):
            _phrase_link(ctx, cue)
    _nest_inner_links(ctx)
    _colon_quotes(ctx)
    _quotes_given_after(ctx, cues)
    _continue_quotes(ctx)
    _lead_in_quotes(ctx)
    _split_paragraph_quotes(ctx)
    _settle_kinds(ctx)
    by_source = {link.source[0]: i for i, link in enumerate(ctx.links) if link.source}
    for cue in cues:
        if cue.kind == "channel":
            _attach_channel(ctx, cue, by_source)
    return _sorted(ctx.links)


# --- spans -----------------------------------------------------------------------------


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


def _is_second_cue(ctx: _Context, verb: Token) -> bool:
    """A speech verb conjoined to a cue's content clause, in the cue's own form and with
    no subject or complementizer of its own: the cue's speaker going on."""
    clause = verb.head
    rule = ctx.rules.verbs.get(verb.lemma_.lower())
    return (
        verb.dep_ == "conj"
        and clause.dep_ in _WIDE_CONTENT_DEPS
        and rule is not None
        and rule.category in _SPOKEN
        and verb.tag_ == clause.head.tag_  # "said ... and called", "says ... and tells"
        and clause.head.lemma_.lower() in ctx.rules.verbs
        and not any(c.dep_ in {"mark", "nsubj", "nsubjpass"} for c in verb.children)
    )


def _is_cue_subjects_act(ctx: _Context, verb: Token) -> bool:
    """A verb conjoined to the content clause with no subject of its own, whose tense
    agrees with the cue's and not with the clause's: "she said the bridge would reopen
    *and thanked the crews*" is the speaker going on, for "thanked" cannot share "would"."""
    clause = verb.head
    if verb.dep_ != "conj" or verb.pos_ not in {"VERB", "AUX"}:
        return False
    if clause.dep_ not in _WIDE_CONTENT_DEPS or clause.head.lemma_.lower() not in ctx.rules.verbs:
        return False
    if any(c.dep_ in {"mark", "nsubj", "nsubjpass", "expl"} for c in verb.children):
        return False
    own = _finite_tag(verb)
    return own == _finite_tag(clause.head) and own != _finite_tag(clause)


def _finite_tag(verb: Token) -> str:
    """The tag of the word that carries a verb's tense: its first auxiliary, or itself."""
    aux = next((c for c in verb.children if c.dep_ in {"aux", "auxpass"} and c.i < verb.i), None)
    return (aux or verb).tag_


def _outer_speaker(ctx: _Context, verb: Token) -> Token | None:
    """The subject of the cue whose content clause a second cue was hung on."""
    second = _is_second_cue(ctx, verb) or _is_cue_subjects_act(ctx, verb)
    return _subject(verb.head.head) if second else None


def _first_conjunct_subject(ctx: _Context, verb: Token) -> Token | None:
    """ "He shook hands and, to the surprise of many, said ...": an aside after "and" leads
    the parser to hang the first conjunct on the cue as its clause; its subject speaks."""
    first = next((c for c in verb.lefts if _is_first_conjunct(ctx, c, verb)), None)
    return None if first is None else _subject(first)


def _is_first_conjunct(ctx: _Context, clause: Token, verb: Token) -> bool:
    """A clause before the cue that ends in "and" or "but" and a comma-set aside up to the
    cue: the first of two coordinated verbs, not what the cue says."""
    if clause.dep_ not in _CONTENT_DEPS or clause.i > verb.i or verb.i < 2:
        return False
    if any(c.dep_ in _SUBJECTS for c in verb.children):
        return False  # "It will close and, sadly, nothing can be done, the union said"
    if verb.doc[verb.i - 1].text != "," or not any(c.dep_ in _SUBJECTS for c in clause.children):
        return False
    joints = [t for t in subtree(clause) if t.dep_ == "cc" and t.lower_ in ctx.rules.coordinators]
    aside = verb.doc[joints[-1].i + 1 : verb.i] if joints else []
    return len(aside) > 2 and aside[0].text == "," and clause.right_edge.i < verb.i


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


def _is_quote_mark(ctx: _Context, token: Token) -> bool:
    return token.is_quote and ctx.quote_of[token.i] >= 0


def _quote_content(quote: Quote) -> tuple[int, int]:
    return quote.content_start, quote.content_end


# --- cue verbs -------------------------------------------------------------------------


def _subject(verb: Token) -> Token | None:
    """The speaker: the verb's subject, a coordinated verb's subject, or a passive's agent.
    A closing mark the parser took for a subject (",’’ says the founder") is none."""
    for child in verb.children:
        if child.dep_ in _SUBJECTS and not child.is_punct:
            return child
    for child in verb.children:
        if child.dep_ == "agent":
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    for child in verb.children:
        if child.dep_ == "nsubjpass" and _is_expletive_it(child):
            return child  # "it was reported that ...": a vague source
    if verb.dep_ == "acomp" and verb.head.pos_ in {"VERB", "AUX"}:
        return _subject(verb.head)  # "aides are confident that ...": the copula's subject
    shares_subject = verb.dep_ == "conj" or (verb.dep_ == "advcl" and verb.tag_ == "VBG")
    if any(c.dep_ == "auxpass" for c in verb.children):
        shares_subject = False  # "raised questions but was told ...": told by someone else
    if shares_subject and verb.head.pos_ in {"VERB", "AUX"}:
        # "he said, adding that ...", "she paused and added ...", "he was quoted as saying"
        return _subject(verb.head) or _passive_subject(verb.head)
    if _is_gerund_of_manner(verb):  # "she won the seat by telling voters that ..."
        return _subject(verb.head.head) or _passive_subject(verb.head.head)
    return None


def _holder_of_participle(verb: Token) -> Token | None:
    """ "a group *backing* the governor", "pastors *supporting* him": the noun a belief's
    participle modifies holds the belief."""
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.pos_ in {"NOUN", "PROPN"}:
        return verb.head
    return None


def _agentless_passive(verb: Token) -> bool:
    """ "the bill is expected to pass": a passive belief with no one named as its holder."""
    children = {c.dep_ for c in verb.children}
    return "auxpass" in children and "agent" not in children


def _unsourced_link(ctx: _Context, verb: Token, cue: Cue) -> None:
    """A belief that the text holds by no one: its complement, with no source."""
    found = _content_of(ctx, verb, cue.category, set())
    if found is None:
        return
    content, kind, quote, confidence = found
    link = Link(content, None, char_span([verb]), cue.category, kind, quote=quote)
    ctx.add(replace(link, confidence=confidence), range(verb.i, verb.i + 1))


def _controller(ctx: _Context, verb: Token, category: str | None) -> Token | None:
    """The speaker of a to-infinitive cue of speech: the subject of the verb it completes
    or serves, unless that is the "it" of "it is hard to say" (no one in particular). A
    belief or perception ("wanted to see") is no statement of the subject's."""
    if category in _WIDE_CATEGORIES:
        return None
    if not _broad(ctx) and (
        category not in _SPOKEN or not any(c.dep_ == "ccomp" for c in verb.children)
    ):
        return None  # in 'speech', only an infinitive that says a clause ("to say that")
    head = _controlling_verb(verb)
    subject = _subject(head) if head is not None else None
    if subject is None or _is_expletive_it(subject) or subject.tag_ in _RELATIVE_TAGS:
        return None
    return subject


def _controlling_verb(verb: Token) -> Token | None:
    """ "she went on to say ...", "voters are more likely to say ...", "he flew in to
    announce ...": a to-infinitive's speaker is the subject of the verb it completes or
    serves; not when that verb has an object, who is then the one to speak ("urged
    residents to report ...")."""
    if verb.dep_ not in {"xcomp", "advcl"} or not any(c.tag_ == "TO" for c in verb.children):
        return None
    head = verb.head
    if head.dep_ == "acomp" and head.pos_ == "ADJ":
        head = head.head  # "is correct to note", "are likely to say"
    if head.pos_ not in {"VERB", "AUX"} or head.i == verb.i:
        return None
    if any(c.dep_ in {"dobj", "dative"} and c.i < verb.i for c in head.children):
        return None
    return head


def _caused_speaker(ctx: _Context, verb: Token, category: str | None) -> Token | None:
    """ "prompting the city to urge residents to ...", "led the coach to say ...": after a
    causative verb its object, not its subject, is the one who speaks."""
    if category not in _SPOKEN or verb.dep_ != "xcomp":
        return None
    if not any(c.tag_ == "TO" for c in verb.children):
        return None
    head = verb.head
    if head.lemma_.lower() not in ctx.rules.causatives:
        return None
    objects = (c for c in head.children if c.dep_ == "dobj" and c.i < verb.i)
    speaker = next(objects, None)
    if speaker is None or ctx.quote_of[speaker.i] >= 0 or speaker.tag_ in _RELATIVE_TAGS:
        return None
    return speaker


def _passive_subject(verb: Token) -> Token | None:
    """ "*he* was quoted as saying", "*she* was asked about it, saying ...": the subject of a
    passive is the one who does what a participle joined to it does."""
    return next((c for c in verb.children if c.dep_ == "nsubjpass"), None)


def _is_expletive_it(token: Token) -> bool:
    """ "*It* was reported that ...": the neuter personal pronoun stands for nobody, so the
    passive is a vague report. Any other passive subject is who or what was spoken of or
    to ("*he* was asked whether ...", "*she* is expected to win"), never the speaker."""
    morph = token.morph
    return (
        token.pos_ == "PRON"
        and morph.get("PronType") == ["Prs"]
        and morph.get("Gender") == ["Neut"]
        and morph.get("Number") == ["Sing"]
    )


def _is_gerund_of_manner(verb: Token) -> bool:
    """ "by saying ...", "after telling ...": a gerund under a preposition of the clause."""
    prep = verb.head
    return (
        verb.dep_ == "pcomp"
        and verb.tag_ == "VBG"
        and prep.dep_ == "prep"
        and prep.head.pos_ in {"VERB", "AUX"}
    )


def _subject_span(ctx: _Context, verb: Token, subject: Token) -> tuple[int, int]:
    """The subject phrase, joined with a split-off neighbour: "the engineer Petro Melnyk"."""
    start, end = mention_span(subject)
    members = [c for c in subject.children if c.dep_ == "conj" and c.pos_ in {"NOUN", "PROPN"}]
    if members:  # "Sen. Dave Ruiz and Sen. Nora Patel said": both of them
        end = max(end, mention_span(members[-1])[1])
    for other in verb.children:
        if other.dep_ in _SUBJECTS and other.i != subject.i:
            o_start, o_end = mention_span(other)
            if o_start >= end and not ctx.text[end:o_start].strip():
                end = o_end
    return start, end


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


def _cannot_speak(ctx: _Context, token: Token) -> bool:
    """ "The needs of the stage argue for ...", "the attack showed that ...": a common noun
    for a want, an outcome or an event (the rule set's non-agents) names no one who can
    speak; the sentence is the writer's narration, so the cue has no source."""
    return (
        token.pos_ == "NOUN"
        and not token.ent_type_
        and token.lemma_.lower() in ctx.rules.non_agents
    )


def _relative_antecedent(ctx: _Context, verb: Token, relative: Token) -> Token | None:
    """What a relative pronoun stands for. The parser hangs the clause on the last noun
    before it; where that noun cannot be the one meant, climb to the noun it describes:
    "one person with knowledge of the *talks*, who spoke ..." (the person), "patients with
    rare *diseases* who said ..." (the patients). None when only a non-agent is there."""
    noun = verb.head
    seen = {noun.i}
    while _stands_for_more(ctx, noun, relative):
        prep = noun.head
        before = ctx.doc[prep.i - 1] if prep.i > 0 else prep
        if noun.dep_ == "pobj" and prep.dep_ == "prep" and prep.head.pos_ in _NOMINAL_POS:
            noun = prep.head
        elif noun.dep_ == "pobj" and prep.dep_ == "prep" and before.pos_ in {"NOUN", "PROPN"}:
            noun = before  # "treats veterans with injuries who ...": the parser hung "with"
        else:  # on the verb, but it follows the noun it describes
            return None if _cannot_speak(ctx, noun) else noun
        if noun.i in seen:
            return None
        seen.add(noun.i)
    return noun


def _stands_for_more(ctx: _Context, noun: Token, relative: Token) -> bool:
    """A non-agent is never what a relative stands for; nor, for "who", a noun in a
    prepositional phrase that names no one who could speak ("knowledge of the talks")."""
    if _cannot_speak(ctx, noun):
        return True
    return (
        relative.lower_ in {"who", "whom"}
        and noun.dep_ == "pobj"
        and noun.head.dep_ == "prep"
        and not _could_speak(ctx, noun)
    )


def _before_clause(noun: Token, verb: Token) -> tuple[int, int]:
    """The antecedent's phrase, cut before the relative clause that follows it."""
    start, end = mention_span(noun)
    first = verb.left_edge
    if start < first.idx < end:
        words = [t for t in noun.doc[noun.i : first.i] if not t.is_punct]
        end = char_span(words)[1] if words else end
    return start, end


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


def _orphan_subject(ctx: _Context, verb: Token) -> Token | None:
    """ "Josh Matlow told HuffPost ...", misparsed so that the name hangs elsewhere (or ends
    the sentence before): a proper name right before a subjectless cue verb is its speaker."""
    if verb.i == 0 or verb.pos_ != "VERB" or verb.tag_ not in {"VBD", "VBZ", "VBP"}:
        return None
    name = verb.doc[verb.i - 1]
    if name.pos_ != "PROPN" or ctx.quote_of[name.i] >= 0:
        return None
    stray = name.head.i == verb.i and name.dep_ in {"punct", "dep"}  # "Traeger\u200b"
    if verb in name.ancestors and not stray and not _object_of_misread_verb(name, verb):
        return None
    if name.is_quote or "\n" in ctx.text[name.idx : verb.idx]:
        return None
    return name


def _object_of_misread_verb(name: Token, verb: Token) -> bool:
    """ "tenants advocate Josh Matlow told ...": the parser read a role noun before the name
    as a verb ("advocate") and the name as its object, under the subjectless cue."""
    misread = name.head
    return (
        name.dep_ in {"dobj", "dative"}
        and misread.pos_ in {"VERB", "AUX"}
        and misread.i < name.i
        and misread.head.i == verb.i
        and not any(c.dep_ in _SUBJECTS and c.i > misread.i for c in misread.children)
    )


def _misread_frame(orphan: Token | None, verb: Token) -> set[int]:
    """The tokens of the misread verb that holds an orphan speaker: frame, not content."""
    if orphan is None or not _object_of_misread_verb(orphan, verb):
        return set()
    return {t.i for t in subtree(orphan.head)}


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


def _subject_outside_quotes(ctx: _Context, verb: Token) -> Token | None:
    """A second subject of the cue, outside the quotes, where the parser also took the end of
    a quote of several sentences for one ('"... Real trouble," said Leslie Wimes')."""
    return next((c for c in verb.children if c.dep_ in _SUBJECTS and ctx.quote_of[c.i] < 0), None)


def _inverted_speaker(ctx: _Context, verb: Token) -> Token | None:
    """'"...," points out the city's planner': after a quote, the speaker who follows an
    inverted cue, when the parser took it for the verb's object."""
    before = verb.i - 1
    while before >= 0 and ctx.doc[before].is_punct and ctx.quote_of[before] < 0:
        before -= 1
    if before < 0 or ctx.quote_of[before] < 0:
        return None
    for child in verb.rights:
        if child.dep_ in _INVERTED_DEPS:  # "..., pleaded one parent": also read as attr
            speaks = _could_speak(ctx, child) or child.pos_ == "NOUN"  # "shouted the protester"
            return child if speaks and child.pos_ != "PRON" else None
    return None


def _apposed_after_quote(ctx: _Context, subject: Token) -> Token | None:
    """'"... last night, Mr. President," Rep. Steve Cohen told him': the parser took the
    quote's last words, a vocative, for the subject and the speaker after the closing
    mark for their apposition."""
    outside = (c for c in subject.children if ctx.quote_of[c.left_edge.i] < 0)
    named = (c for c in outside if c.dep_ == "appos" and c.pos_ in {"PROPN", "NOUN"})
    return next(named, None)


def _participle_speaker(ctx: _Context, verb: Token) -> Token | None:
    """ "Mitt Romney, the 2012 nominee, tweeted in response: '...'": after a name and its
    aside, the parser read the cue as a participle of the name; the name, which has no
    verb of its own outside the quote, is the speaker."""
    head = verb.head
    if verb.dep_ != "acl" or verb.tag_ not in {"VBN", "VBD"} or head.pos_ != "PROPN":
        return None
    if verb.i < 1 or ctx.doc[verb.i - 1].text != "," or ctx.quote_of[head.i] >= 0:
        return None
    governor = head.head
    if governor.i != head.i and ctx.quote_of[governor.i] < 0:
        return None  # "Smith, quoted in the paper, denied it": Smith denied
    return head


def _absolute_speaker(ctx: _Context, verb: Token) -> Token | None:
    """ "..., with one resident saying the fees were too high": the noun of an absolute
    "with" does what its participle does; the parser may hang the participle on a noun
    inside that phrase ("with a spokesman for the union describing ..."), so climb its
    prepositions (two at most) to the noun of "with"."""
    if verb.dep_ != "acl" or verb.tag_ != "VBG":
        return None
    noun = verb.head
    for _ in range(3):
        if noun.pos_ not in {"NOUN", "PROPN"} or noun.dep_ != "pobj":
            return None
        prep = noun.head
        if prep.lower_ in ctx.rules.absolute_prepositions:
            return noun if ctx.quote_of[noun.i] < 0 else None
        if prep.dep_ != "prep":
            return None
        noun = prep.head
    return None


def _before_participle(ctx: _Context, span: tuple[int, int], verb: Token) -> tuple[int, int]:
    """The absolute's noun phrase without the participle the parser hung inside it:
    "a spokesman for the union", not "... for the union describing the mood"."""
    start, end = span
    if not start < verb.idx < end:
        return span
    words = [t for t in ctx.doc[: verb.i] if t.idx >= start and not t.is_punct]
    return (start, words[-1].idx + len(words[-1])) if words else span


def _stranded_speaker(ctx: _Context, verb: Token) -> Token | None:
    """'"...," Mr. Dalton, now 80 and retired in Dover, said': a long aside after the
    speaker leads the parser to make the aside's verb the speaker's and join the cue to the
    quote's verb; the speaker is the subject of that first verb, right after the quote."""
    sibling = _stranded_frame(ctx, verb)
    if sibling is None:
        return None
    subjects = (c for c in sibling.children if c.dep_ in _SUBJECTS and c.i < sibling.i)
    return next(subjects, None)


def _stranded_frame(ctx: _Context, verb: Token) -> Token | None:
    """The verb joined to the quote's verb between the quote and a subjectless cue, that
    opens right after the quote: the frame the parser broke off the cue."""
    if verb.dep_ != "conj" or ctx.quote_of[verb.head.i] < 0 or ctx.quote_of[verb.i] >= 0:
        return None
    if any(c.dep_ in _SUBJECTS for c in verb.children):
        return None
    for sibling in verb.head.children:
        if sibling.dep_ != "conj" or not verb.head.i < sibling.i < verb.i:
            continue
        words = [t.i for t in subtree(sibling) if not t.is_punct and ctx.quote_of[t.i] < 0]
        start = words[0] if words else sibling.i  # its "," and closing mark may hang on it
        before = start - 1
        while before > 0 and ctx.doc[before].is_punct and ctx.quote_of[before] < 0:
            before -= 1
        if ctx.quote_of[start] < 0 and ctx.quote_of[before] >= 0:
            return sibling
    return None


def _swallowed_speaker(ctx: _Context, verb: Token) -> Token | None:
    """ "At a rally in Ohio, the senator's aide, Tom Ellis, said ...": the speaker, set off
    by commas right before a subjectless cue, taken by the parser for an apposition to
    the noun that ends the opening phrase."""
    if verb.tag_ not in {"VBD", "VBZ", "VBP"} or verb.i < 2 or verb.doc[verb.i - 1].text != ",":
        return None
    last = verb.doc[verb.i - 2]
    phrase = next((t for t in _upward(last) if t.dep_ == "appos" and t.head.dep_ != "appos"), None)
    if phrase is None or phrase.right_edge.i not in {last.i, verb.i - 1}:
        return None
    opener = phrase.head
    while opener.head.i != verb.i and opener.head.i != opener.i and opener.head.i < verb.i:
        opener = opener.head
    if opener.dep_ != "prep" or opener.head.i != verb.i or opener.i > phrase.i:
        return None  # the noun it hangs on is not in a phrase that opens the cue's clause
    first = phrase.left_edge.i
    if first < 1 or verb.doc[first - 1].text != "," or ctx.quote_of[phrase.i] >= 0:
        return None
    if not _could_speak(ctx, phrase):
        return None
    name = next((c for c in phrase.rights if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
    return name or phrase  # "her press secretary, Ana Ruiz": the name, as for a subject


def _name_span(ctx: _Context, name: Token) -> tuple[int, int]:
    """The name's phrase, less any stray mark glued to its end ("Traeger\u200b")."""
    start, end = mention_span(name)
    if end > name.idx + len(name.text):
        start, end = name.idx, name.idx + len(name.text)  # the phrase runs past the verb
    while end > start + 1 and not ctx.text[end - 1].isalnum():
        end -= 1
    return start, end


def _stance(ctx: _Context, verb: Token) -> str:
    rule = ctx.rules.verbs.get(verb.lemma_.lower())
    return rule.stance if rule is not None else "asserts"


def _frames(ctx: _Context, verb: Token) -> frozenset[str]:
    """The frames in which this verb is speech ("charged $600" is not; "charged that" is)."""
    rule = ctx.rules.verbs.get(verb.lemma_.lower())
    return rule.frames if rule is not None else frozenset({"clause", "quoted", "object"})


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


def _broad(ctx: _Context) -> bool:
    """The broad scope ('all'), where a topic or a person spoken of is content too:
    PolNeAR's "praised Putin"; in 'speech' a content is a proposition or quoted words."""
    return ctx.rules.scope == "all"


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


def _is_infinitive(token: Token) -> bool:
    return token.dep_ == "xcomp" and any(c.tag_ == "TO" for c in token.children)


def _holds_channel(ctx: _Context, token: Token) -> bool:
    return any(t.i in ctx.channel_tokens for t in subtree(token))


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


def _colon_turns(ctx: _Context) -> None:
    """ "FALLIN: I think ...", "John McCain: Populist anger appeals to ...": a line that
    opens with a name and a colon gives the rest of the line to that name."""
    text = ctx.text
    heads = _run_in_heads(text)
    line_start = 0
    while line_start < len(text):
        line_end = text.find("\n", line_start)
        line_end = len(text) if line_end < 0 else line_end
        colon = text.find(":", line_start, min(line_end, line_start + _TURN_NAME_CHARS))
        if colon > line_start and line_start not in heads:
            _colon_turn(ctx, line_start, colon, line_end)
        line_start = line_end + 1


def _run_in_heads(text: str) -> set[int]:
    """The line starts of run-in headings ("ENERGY: Oil fell 2 per cent ...", "BONDS: ..."):
    capitalised labels used once each, three or more and most of such lines, are a story's
    sections; a transcript's speakers take turns and so come back ("SMITH: ... JONES: ...
    SMITH: ..."), and a link line ("READ MORE:") may recur beside either."""
    found = [(m.start(), m.group("label").strip()) for m in _CAPS_LABEL.finditer(text)]
    counts = Counter(label for _, label in found)
    once = [start for start, label in found if counts[label] == 1]
    if len(once) < _MIN_HEADS or 2 * len(once) <= len(found):
        return set()
    return set(once)


def _colon_turn(ctx: _Context, start: int, colon: int, end: int) -> None:
    first, stop = bisect_left(ctx.token_starts, start), bisect_left(ctx.token_starts, colon)
    name = [t for t in ctx.doc[first:stop] if not t.is_space]
    if not name or len(name) > _TURN_NAME_TOKENS or not all(_is_name_token(t) for t in name):
        return
    content_start = colon + 1
    while content_start < end and ctx.text[content_start].isspace():
        content_start += 1
    content_end = end
    while content_end > content_start and ctx.text[content_end - 1].isspace():
        content_end -= 1
    if content_end - content_start < _TURN_MIN_CHARS:
        return
    ctx.add(
        Link(
            (content_start, content_end),
            char_span(name),
            (colon, colon + 1),
            None,
            "indirect",
            confidence=CONFIDENCE_ADJACENT,
        )
    )


def _bylines(ctx: _Context) -> None:
    """A paragraph signed at its end: an embedded post's footer ("— Jane Roe (@janeroe)
    May 3, 2019") or a pull quote's credit ("... for the region. Ana Cruz, a nurse")
    gives the paragraph's text to the name."""
    text = ctx.text
    covered = Intervals([link.content for link in ctx.links])
    line_start = 0
    while line_start < len(text):
        line_end = text.find("\n", line_start)
        line_end = len(text) if line_end < 0 else line_end
        found = _post_footer(ctx, line_start, line_end) or _pull_credit(ctx, line_start, line_end)
        if found is not None and not covered.overlaps(found[0]):
            content, name, cue = found
            ctx.add(Link(content, name, cue, None, "direct", confidence=CONFIDENCE_ADJACENT))
        line_start = line_end + 1


_Byline = tuple[tuple[int, int], tuple[int, int], tuple[int, int] | None]


def _post_footer(ctx: _Context, start: int, end: int) -> _Byline | None:
    """ "... pic.example.com/x — BC Water (@bcwater) May 3, 2019": the post's author."""
    match = _POST_FOOTER.search(ctx.text, start, end)
    if match is None:
        return None
    body_end = match.start()
    url = _TRAILING_URL.search(ctx.text, start, body_end)
    body = _trimmed(ctx.text, start, url.start() if url else body_end)
    if body is None:
        return None
    name = _trimmed(ctx.text, *match.span("name"))
    return None if name is None else (body, name, (match.start() + 1, match.start() + 2))


def _pull_credit(ctx: _Context, start: int, end: int) -> _Byline | None:
    """ "It is bad for our seniors. Rod Diaz, Lake Town mayor": a line whose last sentence
    is a body's name, or a person's name and role, credits the line before it, if that line
    has a speaker's voice and the credit names no news outlet (a photo credit)."""
    match = _PULL_CREDIT.search(ctx.text, start, end)
    if match is None or match.start() - start < _PULL_MIN_CHARS:
        return None
    tokens = ctx.doc.char_span(*match.span("name"), alignment_mode="expand")
    if tokens is None or not all(t.ent_type_ in _NAME_ENTITIES for t in tokens):
        return None
    if match.group("role") is None and tokens[0].ent_type_ != "ORG":
        return None  # a bare person's name under a line is as often a photo credit
    tail = ctx.doc.char_span(match.start("name"), match.end(), alignment_mode="expand")
    if tail is None or any(t.pos_ in {"VERB", "AUX"} for t in tail):
        return None
    credit = [match.span("name")] + ([match.span("role")] if match.group("role") else [])
    if any(_is_news(ctx, span) for span in credit):
        return None
    body = _trimmed(ctx.text, start, match.start())
    words = ctx.doc.char_span(*body, alignment_mode="expand") if body else None
    if words is None or not any(_is_voiced(t) for t in words):
        return None  # "The harbour froze overnight. Ana Cruz, City Press": a caption
    return body, match.span("name"), None


def _is_voiced(token: Token) -> bool:
    """A word that shows a speaker's voice, not a caption's: a modal, "I", "we", "you"."""
    return token.tag_ == "MD" or any(p in {"1", "2"} for p in token.morph.get("Person"))


def _trimmed(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if end > start else None


def _is_name_token(token: Token) -> bool:
    return (token.is_alpha and (token.pos_ == "PROPN" or token.is_upper)) or token.text == "."


def _link_trailing_reports(ctx: _Context) -> None:
    """Point each link that a trailing "..., TASS reported" relays at TASS's link."""
    for verb, report in ctx.relayed_by_cue.items():
        inner, outer = ctx.by_cue_token.get(verb), ctx.by_cue_token.get(report)
        if inner is not None and outer is not None and ctx.links[inner].relayed_by is None:
            ctx.links[inner].relayed_by = outer


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


def _news_recipient(ctx: _Context, verb: Token) -> tuple[int, int] | None:
    """The outlet a source told ("told Reuters"), which relays what it was told."""
    if verb.lemma_.lower() not in ctx.rules.relay_lemmas("recipient"):
        return None
    for child in verb.children:
        target = child
        if child.dep_ == "prep":
            target = next((c for c in child.children if c.dep_ == "pobj"), None)
        if target is None or target.dep_ not in _ACTOR_DEPS:
            continue
        span = mention_span(target)
        if _is_news(ctx, span):
            return span
    return None


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


# --- relay verbs and phrases -----------------------------------------------------------


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


# --- nesting, continuation and channels ------------------------------------------------


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


def _possessor(noun: Token) -> Token | None:
    """The name or he/she/they that owns a common noun ("Lee's message", "her advice")."""
    if noun.pos_ != "NOUN":
        return None
    return next((c for c in noun.children if c.dep_ == "poss"), None)


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


def _text_of(ctx: _Context, link: Link) -> str:
    return ctx.text[link.content[0] : link.content[1]]


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


def _trimmed_marks(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The span less the whitespace and quotation marks at its two ends."""
    while start < end and (text[start].isspace() or text[start] in _QUOTE_MARKS):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in _QUOTE_MARKS):
        end -= 1
    return (start, end) if end > start else None


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


def _sentence_of(ctx: _Context, span: tuple[int, int]) -> Span | None:
    found = ctx.doc.char_span(*span, alignment_mode="expand")
    return found.sent if found is not None else None


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


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


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


def _settle_kinds(ctx: _Context) -> None:
    """Reported speech holding quoted words ('called it a "dumping ground"') is mixed;
    content that is one quote and nothing else is direct."""
    for link in ctx.links:
        if link.kind == "direct":
            continue
        start, end = link.content
        k = bisect_left(ctx.quote_starts, start - 1)
        inside = []
        while k < len(ctx.quotes) and ctx.quotes[k].start < end:
            quote = ctx.quotes[k]
            if quote.content_start < end and start < quote.content_end:
                inside.append(quote)
            k += 1
        if not inside:
            continue
        outside = ctx.text[start:end]
        for quote in inside:
            a, b = max(start, quote.start) - start, min(end, quote.end) - start
            outside = outside[:a] + " " * (b - a) + outside[b:]
        wholly = len(inside) == 1 and not any(ch.isalnum() for ch in outside)
        link.kind = "direct" if wholly else "mixed"


# --- ordering --------------------------------------------------------------------------


def _sorted(links: list[Link]) -> list[Link]:
    """Links in text order, with their cross-references renumbered to match."""
    order = sorted(
        range(len(links)),
        key=lambda i: (links[i].content[0], links[i].cue[0] if links[i].cue else 1 << 62, i),
    )
    new_index = {old: new for new, old in enumerate(order)}
    result = [links[i] for i in order]
    for link in result:
        if link.relayed_by is not None:
            link.relayed_by = new_index[link.relayed_by]
        if link.continues is not None:
            link.continues = new_index[link.continues]
    return result


# --- noun cues -------------------------------------------------------------------------


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
