"""The rule set: all language knowledge the library uses, as validated data.

Code holds the shapes of attribution (a subject of a cue verb, the object of a relay
participle); rule files hold the words that fill them. Every entry has a ``key`` so that
an extension can override or remove it, and may carry ``examples`` that run as tests.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal, Self

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from ..models import SourceType

Scope = Literal["speech", "all"]
RelayForm = Literal["participle", "quote_as", "recipient", "interview", "preposition"]


class _Rule(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Example(_Rule):
    """A sentence and the attribution a reader expects from it.

    ``source``, ``cue`` and ``content`` are matched against the reported spans:
    ``source`` may also name the resolved source; ``content`` need only lie inside the
    reported content. ``chain`` lists source names after the publisher.
    """

    text: str = Field(min_length=1)
    source: str | None = None
    cue: str | None = None
    content: str | None = None
    chain: list[str] | None = None
    channel: str | None = None
    kind: Literal["direct", "indirect", "mixed"] | None = None
    scope: Scope = "all"
    expect_none: bool = False
    line: int | None = Field(default=None, exclude=True)


class _Entry(_Rule):
    key: str = Field(min_length=1)
    examples: list[Example] = Field(default_factory=list)


class Category(_Entry):
    """A kind of cue (speech, belief...) and the widest scope it needs."""

    scope: Scope
    description: str = ""


class CueVerb(_Entry):
    """Verbs whose subject is a source and whose complement is content."""

    lemmas: list[str] = Field(min_length=1)
    category: str


class Phrase(_Entry):
    """A fixed phrase matched token by token, case-insensitively."""

    phrases: list[str] = Field(min_length=1)

    @field_validator("phrases")
    @classmethod
    def _not_blank(cls, phrases: list[str]) -> list[str]:
        if any(not p.split() for p in phrases):
            raise ValueError("a phrase must have at least one word")
        return phrases


class Evidential(Phrase):
    """A phrase that introduces its source after it: "according to X"."""

    category: str = "evidential"


class Relay(_Entry):
    """A form that makes a chain: the relayer passes on what an originator said.

    ``form`` names the structure, ``lemmas`` or ``phrases`` the words that fill it.
    """

    form: RelayForm
    lemmas: list[str] = Field(default_factory=list)
    phrases: list[str] = Field(default_factory=list)

    @model_validator(mode="after")
    def _has_words(self) -> Self:
        if not self.lemmas and not self.phrases:
            raise ValueError("a relay needs lemmas or phrases")
        return self


class Channel(Phrase):
    """Words that name where a statement was made, and the channel they stand for."""

    name: str
    case_sensitive: bool = False


class WordClass(_Entry):
    """Lemmas that mark a noun phrase as a kind of source."""

    lemmas: list[str] = Field(min_length=1)
    type: SourceType | None = None


class Organisation(_Entry):
    """A named organisation the gazetteer knows, with its type."""

    name: str
    aliases: list[str] = Field(default_factory=list)
    type: SourceType


class Pronoun(_Entry):
    """Pronoun forms and what they can refer to."""

    forms: list[str] = Field(min_length=1)
    refers_to: list[Literal["person", "group", "organisation"]] = Field(min_length=1)


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
)


class RuleSet(BaseModel):
    """All the attribution knowledge one Analyzer uses.

    Load one with :meth:`load`, start from :func:`attribution.default_rules`, and
    combine with :meth:`extend`.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = "rules"
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

    @model_validator(mode="after")
    def _check(self) -> Self:
        for section in _SECTIONS:
            keys = [entry.key for entry in getattr(self, section)]
            duplicated = sorted({k for k in keys if keys.count(k) > 1})
            if duplicated:
                raise ValueError(f"{section}: duplicate key(s) {', '.join(duplicated)}")
        for item in self.remove:
            section, _, key = item.partition(".")
            if section not in _SECTIONS or not key:
                raise ValueError(
                    f"remove: {item!r} must be 'section.key' with a section among "
                    + ", ".join(_SECTIONS)
                )
        return self

    def check_categories(self) -> None:
        """Raise ValueError when a cue names a category the set does not define."""
        known = {c.key for c in self.categories}
        for entry in [*self.cue_verbs, *self.evidentials]:
            if entry.category not in known:
                raise ValueError(
                    f"unknown category {entry.category!r} in {entry.key!r}; "
                    f"known: {', '.join(sorted(known))}"
                )

    @classmethod
    def load(cls, path: str) -> RuleSet:
        """Read and validate a YAML rule file; errors name the file, line and field."""
        from .loader import load_rule_file

        return load_rule_file(path)

    def extend(self, other: RuleSet) -> RuleSet:
        """A new set: ``other``'s entries added, same-key entries overridden, removals applied."""
        result = self.merge(other).model_copy(update={"name": f"{self.name}+{other.name}"})
        result.check_categories()
        return result

    def merge(self, other: RuleSet) -> RuleSet:
        """Like :meth:`extend`, without checking that every category is defined yet."""
        removed = set(other.remove)
        merged: dict[str, list] = {}
        for section in _SECTIONS:
            entries = {e.key: e for e in getattr(self, section)}
            for entry in getattr(other, section):
                entries[entry.key] = entry
            merged[section] = [e for k, e in entries.items() if f"{section}.{k}" not in removed]
        unknown = removed - {f"{s}.{e.key}" for s in _SECTIONS for e in getattr(self, s)}
        if unknown:
            raise ValueError(f"cannot remove what the set does not have: {sorted(unknown)}")
        return RuleSet(name=self.name, description=self.description, **merged)

    def entries(self) -> Iterable[tuple[str, _Entry]]:
        """Every entry with its section name, in file order."""
        for section in _SECTIONS:
            for entry in getattr(self, section):
                yield section, entry

    def scope_categories(self, scope: Scope) -> frozenset[str]:
        """The cue categories an analysis at this scope uses."""
        if scope == "all":
            return frozenset(c.key for c in self.categories)
        return frozenset(c.key for c in self.categories if c.scope == "speech")
