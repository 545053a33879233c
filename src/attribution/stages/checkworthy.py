"""Check-worthiness: the questions a fact-checker asks of a sentence, answered from its tokens.

Each question in the rule set's ``checkworthy`` section names a test shape (a number, a
named subject, a word from a list...) and carries a weight fitted on annotated debate
sentences (``benchmarks/fit_checkworthy.py``). A span's score is the logistic of the
summed weights of its yes answers, and its reasons are those answers in words. The
scorer reads a parsed span and nothing else, so the checks stage and the
``attribution checkworthy`` command score the same way.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from ..models import Checkworthiness
from ..rules.model import Question, RuleSet

#: spaCy entity labels (the model's label scheme, not English words).
COUNT_LABELS = frozenset({"CARDINAL", "MONEY", "PERCENT", "QUANTITY"})
NOT_COUNT_LABELS = frozenset({"DATE", "TIME", "ORDINAL"})
NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LAW", "EVENT"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_COMPARATIVES = frozenset({"JJR", "RBR", "JJS", "RBS"})


def is_count(token: Token) -> bool:
    """A number token that counts or measures: not a time, an ordinal, a year or a day
    of the month (the small model tags some ranges as dates, so a date's number counts
    unless the date holds a name or the number is a year)."""
    if not (token.like_num or token.tag_ == "CD"):
        return False
    label = token.ent_type_
    if label in NOT_COUNT_LABELS - {"DATE"}:
        return False
    return label != "DATE" or not _calendar_date(token)


def _calendar_date(token: Token) -> bool:
    if token.shape_ == "dddd":
        return True
    doc, start, end = token.doc, token.i, token.i + 1
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return any(t.pos_ == "PROPN" for t in doc[start:end])


def match_phrases(
    tokens: Sequence[Token], phrases: Iterable[tuple[str, ...]]
) -> list[tuple[int, int, tuple[str, ...]]]:
    """(start, end, phrase) for each lower-case word sequence found, as token positions
    within ``tokens``; longest first where two start at the same token."""
    lowers = [token.lower_ for token in tokens]
    by_first, empty = _by_first_word(frozenset(phrases))
    hits = []
    for i, word in enumerate(lowers):
        for phrase in by_first.get(word, ()):
            if tuple(lowers[i : i + len(phrase)]) == phrase:
                hits.append((i, i + len(phrase), phrase))
                break
        else:
            if empty:
                hits.append((i, i, ()))
    return hits


@lru_cache(maxsize=256)
def _by_first_word(
    phrases: frozenset[tuple[str, ...]],
) -> tuple[dict[str, tuple[tuple[str, ...], ...]], bool]:
    """The phrases by their first word, longest first, and whether the empty phrase is
    among them: a token is then tried against only the phrases that can start there
    (match_phrases runs once per claim and number, over every hedge or qualifier)."""
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for phrase in sorted(phrases, key=len, reverse=True):
        if phrase:
            by_first.setdefault(phrase[0], []).append(phrase)
    return {word: tuple(group) for word, group in by_first.items()}, () in phrases


def phrase_words(phrase: str) -> tuple[str, ...]:
    """A rule phrase as the lower-case word sequence it is matched by."""
    return tuple(phrase.lower().split())


@dataclass(frozen=True, slots=True)
class _Facts:
    """What every question reads from a span, gathered in one pass over its tokens."""

    tokens: list[Token]
    lemmas: frozenset[str]
    lowers: frozenset[str]
    counts: int  # runs of number tokens
    number_words: int  # tokens of numbers and of count entities ("at least 100": 3)
    words: int  # tokens that are not punctuation
    labels: frozenset[str]


def _facts(span: Span | Doc) -> _Facts:
    tokens = list(span)
    numbers = [is_count(t) for t in tokens]  # each token's attributes read once: this runs
    types = [t.ent_type_ for t in tokens]  # for every claim of every article
    counts, previous = 0, False
    for current in numbers:
        counts += current and not previous
        previous = current
    return _Facts(
        tokens=tokens,
        lemmas=frozenset(t.lemma_.lower() for t in tokens),
        lowers=frozenset(t.lower_ for t in tokens),
        counts=counts,
        number_words=sum(
            n or label in COUNT_LABELS for n, label in zip(numbers, types, strict=True)
        ),
        words=sum(not t.is_punct and not t.is_space for t in tokens),
        labels=frozenset(label for label in types if label),
    )


@dataclass(frozen=True, slots=True)
class _Compiled:
    key: str
    reason: str
    weight: float
    answer: Callable[[_Facts], bool]
    prior: bool  # the 'always' question: the score before any answer


def _past_event(facts: _Facts) -> bool:
    for token in facts.tokens:
        if token.tag_ == "VBD":
            return True
        root_participle = token.dep_ == "ROOT" and token.tag_ == "VBN"
        if root_participle and not any(child.tag_ == "MD" for child in token.children):
            return True
    return False


def _compile(question: Question) -> _Compiled:
    words = frozenset(word.lower() for word in question.lemmas)
    phrases = tuple(phrase_words(p) for p in question.phrases)
    size = question.size or 1
    tests: dict[str, Callable[[_Facts], bool]] = {
        "always": lambda f: True,
        "quantity": lambda f: f.counts >= 1 or bool(f.labels & COUNT_LABELS),
        "quantities": lambda f: f.number_words >= size,
        "comparison": lambda f: (
            bool(words & f.lemmas) or any(t.tag_ in _COMPARATIVES for t in f.tokens)
        ),
        "named_subject": lambda f: any(
            t.dep_ in _SUBJECTS and (t.pos_ == "PROPN" or t.ent_type_ in NAME_LABELS)
            for t in f.tokens
        ),
        "named_entity": lambda f: bool(f.labels & NAME_LABELS),
        "date": lambda f: "DATE" in f.labels,
        "past_event": _past_event,
        "lemmas": lambda f: bool(words & f.lemmas),
        "words": lambda f: bool(words & f.lowers),
        "modal": lambda f: (
            any(t.tag_ == "MD" and t.lemma_.lower() in words for t in f.tokens)
            or bool(match_phrases(f.tokens, phrases))
        ),
        "question": lambda f: _last_word(f) in words,
        "shorter_than": lambda f: f.words < size,
        "longer_than": lambda f: f.words > size,
    }
    return _Compiled(
        question.key,
        question.reason,
        question.weight,
        tests[question.test],
        prior=question.test == "always",
    )


def _last_word(facts: _Facts) -> str:
    for token in reversed(facts.tokens):
        if not token.is_space and token.text not in "\"'“”‘’)":
            return token.text
    return ""


class Scorer:
    """The check-worthiness questions of one rule set, ready to ask of parsed spans."""

    def __init__(self, rules: RuleSet) -> None:
        self.questions = [_compile(q) for q in rules.checkworthy]

    def answers(self, span: Span | Doc) -> dict[str, bool]:
        """Each question's key and whether the span answers yes."""
        facts = _facts(span)
        return {q.key: q.answer(facts) for q in self.questions}

    def score(self, span: Span | Doc) -> Checkworthiness:
        """The score in [0, 1] and the reasons: what speaks for checking, then against."""
        if not self.questions:
            return Checkworthiness(score=0.0, reasons=[])
        facts = _facts(span)
        logit, yes = 0.0, []
        for question in self.questions:
            if question.answer(facts):
                logit += question.weight
                if not question.prior and question.weight != 0:
                    yes.append(question)
        yes.sort(key=lambda q: -q.weight)
        reasons = [q.reason for q in yes if q.weight > 0]
        reasons += [f"against: {q.reason}" for q in yes if q.weight < 0]
        return Checkworthiness(score=round(_logistic(logit), 4), reasons=reasons)


def _logistic(x: float) -> float:
    if x >= 0:
        return 1.0 / (1.0 + math.exp(-x))
    z = math.exp(x)
    return z / (1.0 + z)


_SCORERS: dict[int, tuple[RuleSet, Scorer]] = {}


def scorer_for(rules: RuleSet) -> Scorer:
    """The Scorer of a rule set, built once per set (rule sets are frozen)."""
    held = _SCORERS.get(id(rules))
    if held is None or held[0] is not rules:
        held = (rules, Scorer(rules))
        _SCORERS[id(rules)] = held
    return held[1]
