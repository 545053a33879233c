"""The rule set: all language knowledge the library uses, as validated data.

Code holds the shapes of attribution (a subject of a cue verb, the object of a relay
participle); rule files hold the words that fill them. Every entry has a ``key`` so that
an extension can override or remove it, and may carry ``examples`` that run as tests.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Annotated, Literal, NamedTuple, Self

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    ValidationInfo,
    WithJsonSchema,
    field_validator,
    model_validator,
)
from pydantic.json_schema import SkipJsonSchema

from ..models import SourceType, Stance

Scope = Literal["speech", "all"]
Gender = Literal["male", "female"]
RelayForm = Literal["participle", "quote_as", "recipient", "interview", "preposition"]
QuestionTest = Literal[
    "always",
    "quantity",
    "quantities",
    "comparison",
    "named_subject",
    "named_entity",
    "date",
    "past_event",
    "lemmas",
    "words",
    "modal",
    "question",
    "shorter_than",
    "longer_than",
]
Bound = Literal["lower", "upper", "approximate", "range"]
#: How a cue verb takes its content: a clause ("said that ..."), a quote beside it, or a
#: content object ("denied the report"). A verb whose other senses take plain objects
#: ("charged $600", "maintained the roads") lists only the frames that mean speech. A verb
#: of commitment also takes a to-infinitive as its content ("vowed to repeal the law"),
#: which an aspect verb does not ("prices continued to rise"): it lists 'infinitive'.
#: 'topic' is a noun-phrase object that names what or whom the speech was about ("discussed
#: the budget", "told a story", "wrote a letter"); it is content only in the broad scope
#: ('all', PolNeAR's idea of attribution), never in 'speech', where a content is a
#: proposition or quoted words. In 'speech' an 'object' that only names someone ("criticized
#: him", "told the media") is such a topic too, and so is a lone noun phrase with no quoted
#: words or clause in it ("defended the fees", "claimed responsibility"), except for a verb
#: of judgement that lists 'judged': what it condemns or praises is its statement ("condemned
#: the arrests"). 'evidence' is a noun-phrase object that is content only when the subject
#: is a record (a poll, a study, an email: "the poll showed Cruz ahead"), never when someone
#: or something else does it ("the museum showed the paintings").
Frame = Literal["clause", "quoted", "object", "infinitive", "topic", "evidence", "judged"]
#: Parts of speech a cue lemma is found as: a verb ("said"), a predicate adjective ("is
#: confident that ...") or a noun with a clause of its own ("the claim that ...").
CuePart = Literal["VERB", "ADJ", "NOUN"]


class _Rule(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Example(_Rule):
    """A sentence and the attribution a reader expects from it; it runs as a test.

    The example passes when SOME attribution in the analysis of ``text`` matches every
    field given (see :func:`attribution.testing.check_example` for the exact rules):
    ``cue`` is the cue's text; ``source`` is, or is part of, the source's text or its
    resolved name; ``content`` lies inside the reported content; ``chain`` lists the
    source names after the publisher; ``expect_none`` says nothing is attributed.
    ``line`` and ``file`` are filled in by the loader so failures can point back here.
    """

    text: str = Field(min_length=1, description="The sentence (or short passage) to analyse.")
    source: str | None = Field(
        default=None, description="The source's words in the text, or its resolved name."
    )
    cue: str | None = Field(default=None, description="The cue's words: 'said', 'according to'.")
    content: str | None = Field(
        default=None, description="Words that must lie inside the attributed content."
    )
    chain: list[str] | None = Field(
        default=None,
        description="Source names along the content's chain, after the publisher; outermost "
        "relay first, originator last.",
    )
    channel: str | None = Field(
        default=None, description="The channel name the statement was made on: 'Telegram'."
    )
    kind: Literal["direct", "indirect", "mixed"] | None = None
    stance: Stance | None = Field(
        default=None, description="'asserts', or 'denies' for a denial ('denied that ...')."
    )
    scope: Scope = Field(
        default="all", description="The Analyzer scope to run with: 'speech' or 'all'."
    )
    expect_none: bool = Field(
        default=False, description="True when the text must yield no attribution at all."
    )
    known_failure: str | None = Field(
        default=None,
        min_length=1,
        description="Why the analysis gets this example wrong today. The example then runs "
        "as an expected failure, and fails once it passes, so the note is removed.",
    )
    line: SkipJsonSchema[int | None] = Field(default=None, exclude=True)
    file: SkipJsonSchema[str | None] = Field(default=None, exclude=True)

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        if self.expect_none and self.expectations():
            raise ValueError(
                "expect_none cannot be combined with " + ", ".join(self.expectations())
            )
        return self

    def expectations(self) -> list[str]:
        """The names of the fields this example asserts, in a fixed order."""
        fields = ("source", "cue", "content", "chain", "channel", "kind", "stance")
        return [name for name in fields if getattr(self, name) is not None]


def _not_blank(word: str) -> str:
    if not word.strip():
        raise ValueError("must not be blank")
    return word


Word = Annotated[
    str, AfterValidator(_not_blank), WithJsonSchema({"type": "string", "pattern": r"\S"})
]
Words = list[Word]


class _Entry(_Rule):
    key: str = Field(
        min_length=1,
        description="Unique within its section; an extension overrides or removes by key.",
    )
    examples: list[Example] = Field(
        default_factory=list, description="Sentences that run as tests of this entry."
    )


class Category(_Entry):
    """A kind of cue (speech, belief...) and the widest scope it needs."""

    scope: Scope = Field(
        description="'speech': used by every analysis; 'all': only when scope='all'."
    )
    description: str = ""


class CueVerb(_Entry):
    """Verbs whose subject is a source and whose complement is content."""

    lemmas: Words = Field(min_length=1, description="Verb lemmas: say, tell, report.")
    category: str = Field(description="The key of a category, here or in the extended set.")
    stance: Stance = Field(
        default="asserts", description="'denies' for deny, reject, dispute and refute forms."
    )
    frames: list[Frame] = Field(
        default=["clause", "quoted", "object"],
        min_length=1,
        description=(
            "The frames in which the verb is speech: 'clause', 'quoted', 'object', 'infinitive',"
            " 'topic' (a noun-phrase object, content only in scope 'all'), 'evidence' (an"
            " object, content when the subject is a record: 'the poll showed Cruz ahead'),"
            " 'judged' (a lone noun-phrase object that is judged, content in 'speech' too)."
        ),
    )
    prepositions: Words = Field(
        default_factory=list,
        description="Prepositions whose object is the content: 'for' in 'called for a vote'.",
    )
    holder: Literal["subject", "none"] = Field(
        default="subject",
        description=(
            "'none' for a verb whose subject is what the impression is about, not who holds"
            " it ('the plan seems to work'): its content has no source."
        ),
    )
    parts: list[CuePart] = Field(
        default=["VERB"],
        min_length=1,
        description=(
            "Parts of speech the lemmas are cues as: 'ADJ' for a predicate adjective"
            " ('is confident that ...', 'was critical of ...'), whose speaker is the"
            " subject of its copula; 'NOUN' for a noun whose clause, to-infinitive or"
            " preposition is the content ('his claim that ...', 'her decision to ...')."
        ),
    )


class Phrase(_Entry):
    """A fixed phrase matched token by token, case-insensitively."""

    phrases: Words = Field(
        min_length=1, description="Phrases matched token by token: 'according to'."
    )

    @field_validator("phrases")
    @classmethod
    def _not_blank(cls, phrases: list[str]) -> list[str]:
        if any(not p.split() for p in phrases):
            raise ValueError("a phrase must have at least one word")
        return phrases


class Evidential(Phrase):
    """A phrase that introduces its source after it: "according to X"."""

    category: str = Field(default="evidential", description="The key of a category.")


class Relay(_Entry):
    """A form that makes a chain: the relayer passes on what an originator said.

    ``form`` names the structure, ``lemmas`` or ``phrases`` the words that fill it.
    """

    form: RelayForm = Field(
        description="participle: 'X reported, citing Y'; quote_as: 'X quoted Y as saying'; "
        "recipient: 'Y told X' (X a news organisation); interview: 'Y said in an interview "
        "with X'; preposition: 'via X'."
    )
    lemmas: Words = Field(default_factory=list, description="Verb lemmas that fill the form.")
    phrases: Words = Field(default_factory=list, description="Phrases that fill the form.")
    category: str = Field(description="The cue category of the relayer's link: 'report'.")

    @model_validator(mode="after")
    def _has_words(self) -> Self:
        if not self.lemmas and not self.phrases:
            raise ValueError("a relay needs lemmas or phrases")
        return self


class Channel(Phrase):
    """Words that name where a statement was made, and the channel they stand for."""

    name: str = Field(description="The channel's name on claims: 'Telegram'.")
    case_sensitive: bool = Field(
        default=False, description="Match case exactly (for short words like 'X')."
    )


class WordClass(_Entry):
    """Lemmas that mark a noun phrase as a kind of source."""

    lemmas: Words = Field(min_length=1, description="Single-word noun lemmas.")
    type: SourceType | None = Field(
        default=None, description="The source type these nouns give (source_types only)."
    )
    stands_for: dict[str, str] = Field(
        default_factory=dict,
        description=(
            "Short forms among the lemmas and the word each is short for (sen: senator), so "
            "that 'Sen. Ann Cole' holds the office 'the senator' names (titles only)."
        ),
    )
    filed_by: Words = Field(
        default_factory=list,
        description=(
            "Nouns for who files these documents (complaint: prosecutor), so that a document "
            "with no author of its own is theirs when the article names them (documents only)."
        ),
    )


class Organisation(_Entry):
    """A named organisation the gazetteer knows, with its type."""

    name: str = Field(description="The canonical name, used for the source.")
    aliases: Words = Field(
        default_factory=list, description="Other names, matched case-insensitively."
    )
    type: SourceType


class Pronoun(_Entry):
    """Pronoun forms and what they can refer to."""

    forms: Words = Field(min_length=1, description="The pronoun's forms: he, him, his.")
    refers_to: list[Literal["person", "group", "organisation"]] = Field(min_length=1)
    gender: Gender | None = Field(
        default=None, description="The gender a person it refers to must not contradict."
    )
    plural: bool | None = Field(
        default=None,
        description="True: only plural mentions, groups and bodies; False: only singular "
        "ones; unset: either.",
    )


class GenderWords(_Entry):
    """Given names and words that tell a person's gender, so that "she" skips a man."""

    gender: Gender
    names: Words = Field(
        default_factory=list, description="Given names, matched as written: 'Maria'."
    )
    lemmas: Words = Field(
        default_factory=list,
        description="Lower-case words before or as a person's mention: 'ms', 'spokeswoman'.",
    )


class AnonymityPhrases(_Entry):
    """Phrases that make the source they describe anonymous: 'on condition of anonymity'."""

    phrases: Words = Field(min_length=1, description="Matched case-insensitively, as words.")


class CheckExample(_Rule):
    """A sentence and whether a check rule fires on it (a question answers yes, a hedge or
    a qualifier is found); it runs as a test."""

    text: str = Field(min_length=1, description="The sentence to check.")
    expect: bool = Field(description="True when the rule must fire on the text, else False.")
    line: SkipJsonSchema[int | None] = Field(default=None, exclude=True)
    file: SkipJsonSchema[str | None] = Field(default=None, exclude=True)


class _CheckEntry(_Rule):
    key: str = Field(
        min_length=1,
        description="Unique within its section; an extension overrides or removes by key.",
    )
    examples: list[CheckExample] = Field(
        default_factory=list, description="Sentences that run as tests of this entry."
    )


class Question(_CheckEntry):
    """A check-worthiness question asked of a claim, and the weight of a yes.

    ``test`` names the shape the code answers (a number, a named subject, a word from
    ``lemmas``...); the words live here. A claim's score is the logistic of the summed
    weights of its yes answers (the ``always`` question is the prior).
    """

    ask: str = Field(min_length=1, description="The question, as a fact-checker asks it.")
    reason: str = Field(
        min_length=1, description="The reason shown on a claim when the answer is yes."
    )
    test: QuestionTest = Field(description="The shape of the test the code runs.")
    lemmas: Words = Field(
        default_factory=list,
        description="Lemmas (test 'lemmas') or lower-case words (test 'words') looked for.",
    )
    phrases: Words = Field(
        default_factory=list, description="Word sequences looked for, lower-case (test 'modal')."
    )
    size: int | None = Field(
        default=None,
        ge=1,
        description="The word count for 'shorter_than', 'longer_than' and 'quantities' "
        "(words of numbers, qualifiers, scales and units).",
    )
    weight: float = Field(description="Fitted by benchmarks/fit_checkworthy.py.")


class Hedge(_CheckEntry):
    """Words by which the publisher passes a claim on without vouching for it or naming
    anyone: 'reportedly', 'is said to'."""

    phrases: Words = Field(min_length=1, description="Phrases matched token by token.")


class Qualifier(_CheckEntry):
    """Words before a number that bound it: 'at least', 'about', 'up to'."""

    name: str = Field(min_length=1, description="The qualifier on quantities: 'at least'.")
    bound: Bound = Field(
        description="lower: 'at least'; upper: 'up to'; approximate: 'about'; range: "
        "'between' (the number's words then hold both ends)."
    )
    phrases: Words = Field(min_length=1, description="Phrases matched token by token.")


class Furniture(_Entry):
    """Page furniture: a line that is part of the page, not of the story ("READ MORE: ...").

    ``patterns`` are regular expressions matched at the start of one line (with its
    leading blanks stripped); a match sets the whole line aside. A pattern with a group
    named ``agency`` also names the agency the story came through ("for Reuters").
    """

    patterns: Words = Field(min_length=1, description="Regular expressions matched per line.")
    reason: str = Field(min_length=1, description="Why such a line is set aside, for people.")
    lines: Words = Field(default_factory=list, description="Lines that must match: tests.")
    not_lines: Words = Field(
        default_factory=list, description="Lines that must not match: counter-examples."
    )

    @field_validator("patterns")
    @classmethod
    def _compiles(cls, patterns: list[str]) -> list[str]:
        for pattern in patterns:
            try:
                re.compile(pattern)
            except re.error as exc:
                raise ValueError(f"pattern {pattern!r} is no regular expression: {exc}") from None
        return patterns


class Abbreviation(_Entry):
    """Abbreviations that do not end a sentence ("Sens. Cruz and Rubio")."""

    words: Words = Field(min_length=1, description="The abbreviations, with their period.")
    sentences: Words = Field(
        default_factory=list, description="Sentences that must stay one sentence: tests."
    )


class Finding(NamedTuple):
    """A problem in a rule set, located by its path in the data (for file:line errors)."""

    loc: tuple[str | int, ...]
    message: str

    def __str__(self) -> str:
        where = ".".join(str(part) for part in self.loc)
        return f"{where}: {self.message}" if where else self.message


_SECTIONS = (
    "categories",
    "cue_verbs",
    "evidentials",
    "relays",
    "channels",
    "anonymous",
    "titles",
    "affiliations",
    "source_types",
    "organisations",
    "pronouns",
    "honorifics",
    "documents",
    "authorship",
    "non_agents",
    "anonymity",
    "genders",
    "negations",
    "withholding",
    "questions",
    "complementizers",
    "holder_prepositions",
    "coordinators",
    "causatives",
    "furniture",
    "abbreviations",
)
#: Sections for the checks stage; their examples are CheckExamples, not attributions.
_CHECK_SECTIONS = ("checkworthy", "hedges", "qualifiers")
_ATTRIBUTION_SECTIONS = _SECTIONS
_SECTIONS = _ATTRIBUTION_SECTIONS + _CHECK_SECTIONS


class RuleSet(BaseModel):
    """All the attribution knowledge one Analyzer uses.

    Load one with :meth:`load`, start from :func:`attribution.default_rules`, and
    combine with :meth:`extend`.
    """

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        title="attribution rule set",
        json_schema_extra={"$schema": "https://json-schema.org/draft/2020-12/schema"},
    )

    name: str = Field(default="rules", description="A short name, shown in reports.")
    description: str = ""
    remove: list[str] = Field(
        default_factory=list,
        description="Keys, as 'section.key', that this set removes when it extends another.",
    )
    categories: list[Category] = Field(default_factory=list)
    cue_verbs: list[CueVerb] = Field(default_factory=list)
    evidentials: list[Evidential] = Field(default_factory=list)
    relays: list[Relay] = Field(default_factory=list)
    channels: list[Channel] = Field(default_factory=list)
    anonymous: list[WordClass] = Field(
        default_factory=list, description="Head nouns of unnamed sources: officials, sources."
    )
    titles: list[WordClass] = Field(
        default_factory=list, description="Titles and roles that precede or follow a name."
    )
    affiliations: list[WordClass] = Field(
        default_factory=list,
        description="Member nouns ('officials', 'spokesperson') that speak for a body.",
    )
    source_types: list[WordClass] = Field(
        default_factory=list, description="Head nouns that give a source its type."
    )
    organisations: list[Organisation] = Field(default_factory=list)
    pronouns: list[Pronoun] = Field(default_factory=list)
    honorifics: list[WordClass] = Field(
        default_factory=list,
        description="Forms of address ('Mr', 'Ms') that are no role and no part of a name.",
    )
    documents: list[WordClass] = Field(
        default_factory=list,
        description="Head nouns of documents (report, letter, statement): a channel, never "
        "a person; its author, where named, is the source.",
    )
    authorship: list[WordClass] = Field(
        default_factory=list,
        description="Prepositions that name a document's author ('a report by the institute'):"
        " the author is the source and the document its channel.",
    )
    non_agents: list[WordClass] = Field(
        default_factory=list,
        description="Head nouns that name no one who can speak ('needs', 'efforts', 'attack'):"
        " as a cue's subject they make the writer's narration, never a source.",
    )
    anonymity: list[AnonymityPhrases] = Field(default_factory=list)
    genders: list[GenderWords] = Field(default_factory=list)
    checkworthy: list[Question] = Field(
        default_factory=list, description="Check-worthiness questions and their weights."
    )
    hedges: list[Hedge] = Field(
        default_factory=list, description="Hedges: 'reportedly', 'allegedly', 'is said to'."
    )
    qualifiers: list[Qualifier] = Field(
        default_factory=list, description="Words that bound a number: 'at least', 'up to'."
    )
    negations: list[WordClass] = Field(
        default_factory=list, description="Words that negate a cue: not, never ('did not say')."
    )
    withholding: list[WordClass] = Field(
        default_factory=list,
        description="Verbs that withhold the cue they govern: 'declined to comment'.",
    )
    questions: list[WordClass] = Field(
        default_factory=list,
        description="Cue verbs whose content is a question, not a claim: 'asked whether'.",
    )
    complementizers: list[WordClass] = Field(
        default_factory=list,
        description="Words that open a cue noun's clause ('the claim that'); the entry keyed "
        "'question' lists those that open a question ('whether', 'if').",
    )
    holder_prepositions: list[WordClass] = Field(
        default_factory=list,
        description="Prepositions that name who holds a cue noun: 'criticism from Democrats'; "
        "the entry keyed 'absolute' those that name who does a cue participle: 'with one "
        "resident saying ...'.",
    )
    coordinators: list[WordClass] = Field(
        default_factory=list,
        description="Conjunctions that join a first verb to a cue across an aside: 'and', 'but'.",
    )
    causatives: list[WordClass] = Field(
        default_factory=list,
        description="Verbs after which their object does what the infinitive says: 'prompting "
        "the city to urge ...', 'led the mayor to warn ...'.",
    )
    furniture: list[Furniture] = Field(
        default_factory=list, description="Page furniture set aside from the story's claims."
    )
    abbreviations: list[Abbreviation] = Field(
        default_factory=list, description="Abbreviations that do not end a sentence."
    )

    @model_validator(mode="after")
    def _check(self, info: ValidationInfo) -> Self:
        # The loader defers these checks so it can point at the offending line itself.
        if info.context and info.context.get("defer_checks"):
            return self
        findings = self.findings()
        if findings:
            raise ValueError(str(findings[0]))
        return self

    def findings(self) -> list[Finding]:
        """Problems no single field shows: duplicate keys and malformed removals."""
        found: list[Finding] = []
        for section in _SECTIONS:
            seen: set[str] = set()
            for index, entry in enumerate(getattr(self, section)):
                if entry.key in seen:
                    found.append(Finding((section, index, "key"), f"duplicate key {entry.key!r}"))
                seen.add(entry.key)
        for index, item in enumerate(self.remove):
            section, _, key = item.partition(".")
            if section not in _SECTIONS or not key:
                found.append(
                    Finding(
                        ("remove", index),
                        f"{item!r} must be 'section.key' with a section among "
                        + ", ".join(_SECTIONS),
                    )
                )
        return found

    def unknown_categories(self, known: Iterable[str] = ()) -> list[Finding]:
        """Cues naming a category that neither this set nor ``known`` defines."""
        defined = {c.key for c in self.categories} | set(known)
        return [
            Finding(
                (section, index, "category"),
                f"unknown category {entry.category!r} in {entry.key!r}; "
                f"known: {', '.join(sorted(defined))}",
            )
            for section in ("cue_verbs", "evidentials", "relays")
            for index, entry in enumerate(getattr(self, section))
            if entry.category not in defined
        ]

    def missing_removals(self, base: RuleSet) -> list[Finding]:
        """Removals that name an entry ``base`` does not have (likely a typo)."""
        present = base._qualified_keys()
        return [
            Finding(("remove", index), f"cannot remove {item!r}: the base set has no such entry")
            for index, item in enumerate(self.remove)
            if item not in present
        ]

    def check_categories(self) -> None:
        """Raise ValueError when a cue names a category the set does not define."""
        unknown = self.unknown_categories()
        if unknown:
            raise ValueError(unknown[0].message)

    @classmethod
    def load(cls, path: str | Path, base: RuleSet | None = None) -> RuleSet:
        """Read and validate a YAML rule file; errors name the file, line and field.

        The file is checked as an extension of ``base`` (default: the default rules),
        so a cue may use the base's categories and a removal must name a base entry.
        """
        from .loader import load_rule_file

        return load_rule_file(path, base=base)

    def extend(self, other: RuleSet) -> RuleSet:
        """A new set: ``other``'s entries added, same-key entries overridden, removals applied."""
        result = self.merge(other).model_copy(update={"name": f"{self.name}+{other.name}"})
        result.check_categories()
        return result

    def merge(self, other: RuleSet) -> RuleSet:
        """Like :meth:`extend`, without checking that every category is defined yet."""
        missing = sorted(set(other.remove) - self._qualified_keys())
        if missing:
            raise ValueError(f"cannot remove what the set does not have: {missing}")
        removed = set(other.remove)
        merged: dict[str, list] = {}
        for section in _SECTIONS:
            entries = {e.key: e for e in getattr(self, section)}
            for entry in getattr(other, section):
                entries[entry.key] = entry
            merged[section] = [e for k, e in entries.items() if f"{section}.{k}" not in removed]
        return RuleSet(name=self.name, description=self.description, **merged)

    def _qualified_keys(self) -> set[str]:
        return {f"{section}.{entry.key}" for section, entry in self.entries()}

    def entries(self) -> Iterable[tuple[str, _Entry | _CheckEntry]]:
        """Every entry with its section name, in file order."""
        for section in _SECTIONS:
            for entry in getattr(self, section):
                yield section, entry

    def examples(self) -> Iterable[tuple[str, str, int, Example]]:
        """Every attribution example as (section, key, index within its entry, example)."""
        for section, entry in self.entries():
            if section not in _ATTRIBUTION_SECTIONS:
                continue
            for index, example in enumerate(entry.examples):
                yield section, entry.key, index, example

    def check_examples(self) -> Iterable[tuple[str, str, int, CheckExample]]:
        """Every example of the check sections (questions, hedges, qualifiers)."""
        for section, entry in self.entries():
            if section in _ATTRIBUTION_SECTIONS:
                continue
            for index, example in enumerate(entry.examples):
                yield section, entry.key, index, example

    def scope_categories(self, scope: Scope) -> frozenset[str]:
        """The cue categories an analysis at this scope uses."""
        if scope == "all":
            return frozenset(c.key for c in self.categories)
        return frozenset(c.key for c in self.categories if c.scope == "speech")


def schema_text() -> str:
    """The JSON Schema of rule files, exactly as committed in docs/rules.schema.json.

    One function for the file, the test that keeps it current and ``attribution rules
    schema``, so the three cannot disagree.
    """
    return json.dumps(RuleSet.model_json_schema(), indent=2, ensure_ascii=False) + "\n"
