"""The word lists the corpus stage reads, loaded from data, never written in code.

Two sources of words: the rule set (anonymous-source nouns, titles, member nouns, type
nouns and the outlet gazetteer) and ``rules/data/corpus.words.yaml`` (generic modifiers and
month names), plus spaCy's English stop words for determiners, numbers and function words.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field
from spacy.lang.en.stop_words import STOP_WORDS

from ..errors import RuleFileError
from ..rules import RuleSet, default_rules

WORDS_FILE = "corpus.words.yaml"


class _Data(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class GenericExample(_Data):
    """A source name and whether it is generic (names no one in particular)."""

    name: str
    generic: bool


class NumberExample(_Data):
    """A claim text and the quantities a reader compares in it."""

    text: str
    numbers: list[float]


class GenericModifiers(_Data):
    words: list[str] = Field(min_length=1)
    examples: list[GenericExample] = Field(default_factory=list)


class Months(_Data):
    words: list[str] = Field(min_length=1)
    examples: list[NumberExample] = Field(default_factory=list)


class WordsFile(_Data):
    """The shape of corpus.words.yaml."""

    name: str
    generic_modifiers: GenericModifiers
    months: Months


class CorpusWords:
    """Everything the corpus stage needs to know about words, as lowercase sets."""

    def __init__(self, data: WordsFile, rules: RuleSet) -> None:
        self.data = data
        self.stop_words: frozenset[str] = frozenset(STOP_WORDS)
        self.modifiers = frozenset(w.casefold() for w in data.generic_modifiers.words)
        self.months = frozenset(w.casefold() for w in data.months.words)
        self.heads = frozenset(
            lemma.casefold()
            for section in (rules.anonymous, rules.titles, rules.affiliations, rules.source_types)
            for entry in section
            for lemma in entry.lemmas
            if " " not in lemma
        )
        self.titles = frozenset(
            lemma.casefold() for entry in rules.titles for lemma in entry.lemmas
        )
        self.outlets = _gazetteer(rules)

    def head(self, word: str) -> str | None:
        """The head-noun lemma a word is a form of ("officials" -> "official"), if any."""
        for form in (word, word[:-1] if word.endswith("s") else "", _ies(word)):
            if form and form in self.heads:
                return form
        return None

    def is_filler(self, word: str) -> bool:
        """A word that qualifies no one: a stop word or a generic modifier."""
        return word in self.stop_words or word in self.modifiers or word.isdigit()


def _ies(word: str) -> str:
    return word[:-3] + "y" if word.endswith("ies") else ""


def _gazetteer(rules: RuleSet) -> dict[str, str]:
    """Every casefolded name and alias of a known organisation, also without its leading
    stop words -> its canonical name."""
    names: dict[str, str] = {}
    for entry in rules.organisations:
        for name in (entry.name, *entry.aliases):
            names[name.casefold()] = entry.name
            names[bare(name)] = entry.name
    return names


_WORD = re.compile(r"[^\W_]+", re.UNICODE)


def bare(name: str) -> str:
    """A name's lowercase words without its leading stop words ("The Hindu" -> "hindu")."""
    tokens = _WORD.findall(name.casefold())
    while len(tokens) > 1 and tokens[0] in STOP_WORDS:
        tokens = tokens[1:]
    return " ".join(tokens)


def read_words_file(text: str, path: str = WORDS_FILE) -> WordsFile:
    """Parse and validate the words file; a bad file is a RuleFileError naming it."""
    try:
        raw: Any = yaml.safe_load(text)
        return WordsFile.model_validate(raw)
    except (yaml.YAMLError, ValueError) as exc:
        problem = " ".join(str(exc).split())
        raise RuleFileError(path, None, None, problem) from None


@cache
def default_words() -> CorpusWords:
    """The packaged word lists with the default rule set (loaded once)."""
    text = resources.files("attribution.rules").joinpath("data", WORDS_FILE).read_text("utf-8")
    return CorpusWords(read_words_file(text), default_rules())
