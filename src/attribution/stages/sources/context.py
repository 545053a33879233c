"""What resolution reads besides the registry: the earlier mentions a pronoun may stand for,
sentences and quotes.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from ..parts import Link, Quote
from ..syntax import mention_span, sentences
from .registry import (
    _GROUP_LABELS,
    _PERSON_LABELS,
    _PLURAL_TAGS,
    _SUBJECT_DEPS,
    _capitalised,
    _in_adverbial_clause,
    _Registry,
)


@dataclass(frozen=True, slots=True)
class _Candidate:
    """An earlier mention a pronoun may point back to."""

    start: int
    span: tuple[int, int]
    token: int  # the mention's head token
    subject: bool
    aside: bool
    pronoun: str | None = None  # "she persisted": a narrative pronoun, resolved in turn
    newcomer: bool = False  # brought in with a description, to be heard next


class _Context:
    """What resolution reads besides the registry: candidates, sentences, quotes."""

    def __init__(self, doc: Doc, registry: _Registry, quotes: list[Quote], links: list[Link]):
        self.doc = doc
        self.registry = registry
        self.rules = registry.rules
        self.links = links
        self.quote_starts = [q.start for q in quotes]
        self.quote_ends = [q.end for q in quotes]
        self.sentence_of = [0] * len(doc)
        self.sentence_starts: list[int] = []
        for sent in sentences(doc):
            if not self.sentence_starts or any(t.is_alpha for t in sent):
                self.sentence_starts.append(sent.start_char)  # a lone " ." joins the last one
            for i in range(sent.start, sent.end):
                self.sentence_of[i] = len(self.sentence_starts) - 1
        self.telling = {self.sentence_at(link.cue[0]) for link in links if link.cue}
        self.aside_of: dict[int, bool] = {}
        self.candidates = self._candidates()
        self.candidate_starts = [c.start for c in self.candidates]
        self.speaker_at: dict[int, int] = {}
        self.pronoun_keys: dict[int, str | None] = {}  # narrative pronoun -> what it is

    def tokens(self, span: tuple[int, int]) -> Span | None:
        return self.doc.char_span(span[0], span[1], alignment_mode="expand")

    def in_quote(self, offset: int) -> bool:
        k = bisect_right(self.quote_starts, offset) - 1
        return k >= 0 and offset < self.quote_ends[k]

    def sentence_at(self, offset: int) -> int:
        return max(0, bisect_right(self.sentence_starts, offset) - 1)

    def subordinate(self, span: tuple[int, int]) -> bool:
        """Whether a speaker mention sits in an adverbial clause of its sentence."""
        tokens = self.tokens(span)
        return tokens is not None and len(tokens) > 0 and _in_adverbial_clause(tokens.root)

    def _candidates(self) -> list[_Candidate]:
        """Mentions outside quotes that a pronoun may point back to: named people and
        bodies, and nouns headed by a title, a kind of body or an unnamed-source word."""
        rules = self.rules
        result: dict[int, _Candidate] = {}
        names = {name.start: name for name in self.registry.name_of.values()}
        for name in [*names.values(), *self.doc.ents]:
            label = name.label_ or "PERSON"  # a name the parser did not tag is a person's
            if label == "NORP" and name.root.tag_ not in _PLURAL_TAGS:
                continue  # "Canadian" describes; "the Conservatives" may speak
            if self._modifies_thing(name.root):
                continue  # "the Kinder Morgan pipeline", "Stella's location": not a speaker
            if label in _PERSON_LABELS | _GROUP_LABELS and not self.in_quote(name.start_char):
                result.setdefault(name.root.i, self._candidate(name.root))
        for token in self.doc:
            if token.pos_ not in {"NOUN", "PROPN"} or token.i in result:
                continue
            if self.in_quote(token.idx):
                continue
            if self._named_person(token):
                result[token.i] = self._candidate(token)
                continue
            if token.ent_type_:
                continue
            lemma = token.lemma_.lower()
            if lemma in rules.non_agents:
                continue  # "the Liberals' hopes", "those efforts": no one a pronoun stands for
            if token.dep_ in _SUBJECT_DEPS and (
                lemma in rules.titles
                or lemma in rules.type_of_lemma
                or lemma in rules.anonymous
                or token.tag_ in _PLURAL_TAGS  # "two farmers", "the owners"
            ):
                result[token.i] = self._candidate(token)
        for token in self._narrative_pronouns():
            result[token.i] = replace(self._candidate(token), pronoun=token.lower_)
        return sorted(result.values(), key=lambda c: c.start)

    def _narrative_pronouns(self) -> list[Token]:
        """Gendered subject pronouns of the narration ("But she persisted."), not a
        link's own speaker: each keeps the person it stands for in the reader's focus,
        so a later "she said" goes on with that person, not with a nearer noun."""
        genders = self.rules.pronoun_gender
        speakers = {link.source[0] for link in self.links if link.source is not None}
        return [
            t
            for t in self.doc
            if t.pos_ == "PRON"
            and t.dep_ in _SUBJECT_DEPS
            and t.lower_ in genders
            and t.idx not in speakers
            and not self.in_quote(t.idx)
        ]

    def _modifies_thing(self, token: Token) -> bool:
        """A name that only modifies a noun for a thing: "the Kinder Morgan pipeline",
        "Stella's location"; not "Pentagon spokesman" nor "Hale's aide"."""
        head = token.head
        if token.dep_ not in {"compound", "poss"} or head.pos_ not in {"NOUN", "PROPN"}:
            return False
        return head.i not in self.registry.name_of and not self.registry.person_word(head)

    def _named_person(self, token: Token) -> bool:
        """A lone surname of someone named in full ("Matlow said"), or a name with a
        person in apposition ("Yuni, a resident of Lampung")."""
        if token.pos_ != "PROPN" or not _capitalised(token) or self._modifies_thing(token):
            return False
        if token.text.lower() in self.registry.people and token.i not in self.registry.name_of:
            return True
        return token.dep_ in _SUBJECT_DEPS and any(
            c.dep_ == "appos" and c.pos_ == "NOUN" and self.registry.person_word(c)
            for c in token.children
        )

    def _candidate(self, token: Token) -> _Candidate:
        span = mention_span(token)
        members = [c for c in token.children if c.dep_ == "conj" and c.pos_ in {"NOUN", "PROPN"}]
        if members:  # "Tore Lund and Mia Berg": the group with its members
            last = members[-1].right_edge
            span = (span[0], max(span[1], last.idx + len(last.text)))
        head = token.head if token.dep_ in {"appos", "compound"} else token
        introduced = self.sentence_of[token.i] not in self.telling and (
            any(
                c.dep_ == "appos" and c.pos_ == "NOUN" and self.registry.person_word(c)
                for c in token.children
            )  # "... worries Henry Crespo, president of the caucus": a newcomer in narration
            or self._described_newcomer(token)
        )
        subject = head.dep_ in _SUBJECT_DEPS or _is_agent(head) or introduced
        aside = self._in_aside(token) and not introduced
        return _Candidate(span[0], span, token.i, subject, aside, newcomer=introduced)

    def _described_newcomer(self, token: Token) -> bool:
        """ "The paper spoke to Dana Kowal, who has coached here for 20 years": a person
        named in full and described in a relative clause is brought in to be heard."""
        name = self.registry.name_of.get(token.i)
        if name is None or len(name) < 2 or token.dep_ in _SUBJECT_DEPS:
            return False
        return any(c.dep_ == "relcl" for c in token.children)

    def _in_aside(self, token: Token) -> bool:
        """The mention sits in a relative clause or an aside about another mention ("X, who
        succeeded Y as chairman, said"), not in its sentence's own frame. Each token's
        answer is kept, so the candidates of a deep tree cost one climb in all."""
        path: list[int] = []
        current = token
        while current.i not in self.aside_of:
            path.append(current.i)
            if current.dep_ in _ASIDE_HEADS or current.head.i == current.i:
                self.aside_of[current.i] = current.dep_ in _ASIDE_HEADS
                break
            current = current.head
        answer = self.aside_of[current.i]
        for i in path:
            self.aside_of[i] = answer
        return answer

    def before(self, offset: int, limit: int) -> list[_Candidate]:
        k = bisect_left(self.candidate_starts, offset)
        return self.candidates[max(0, k - limit) : k]

    def near_anonymity(self, link: Link) -> bool:
        """An anonymity phrase in the source's sentence, outside what it said."""
        assert link.source is not None
        tokens = self.tokens(link.source)
        if tokens is None:
            return False
        sent = tokens[0].sent
        content = link.content
        words = [
            t.lower_ for t in sent if not (content[0] <= t.idx < content[1]) and not t.is_punct
        ]
        joined = " " + " ".join(words) + " "
        return any(f" {phrase} " in joined for phrase in self.rules.anonymity)


def _is_agent(token: Token) -> bool:
    """The doer of a passive ("filmed by a student, Jia Chen"): its sentence's logical
    subject, as salient for a pronoun after it as a subject."""
    return token.dep_ == "pobj" and token.head.dep_ == "agent"


_ASIDE_HEADS = frozenset({"relcl", "acl", "parataxis"})
