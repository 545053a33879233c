"""Who speaks: the source mention of a cue verb, including the forms the parser gets wrong."""

from __future__ import annotations

from spacy.tokens import Token

from ..syntax import char_span, mention_span, subtree
from .context import (
    _ACTOR_DEPS,
    _CONTENT_DEPS,
    _INVERTED_DEPS,
    _RELATIVE_TAGS,
    _SUBJECTS,
    _WIDE_CATEGORIES,
    _WIDE_CONTENT_DEPS,
    _broad,
    _Context,
    _could_speak,
    _finite_tag,
    _is_news,
    _upward,
)

_SPOKEN = frozenset({"speech", "denial"})


_NOMINAL_POS = frozenset({"NOUN", "PROPN", "PRON"})


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


def _possessor(noun: Token) -> Token | None:
    """The name or he/she/they that owns a common noun ("Lee's message", "her advice")."""
    if noun.pos_ != "NOUN":
        return None
    return next((c for c in noun.children if c.dep_ == "poss"), None)
