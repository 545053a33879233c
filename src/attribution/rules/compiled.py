"""A rule set compiled for one spaCy vocabulary: lookup tables and phrase matchers.

Built once per Analyzer (matchers are tied to a vocab), then shared by every document.
Matching is token-by-token phrase lookup, so no rule file can make it super-linear.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from .model import RuleSet, Scope


@dataclass(frozen=True, slots=True)
class PhraseHit:
    """A phrase rule that matched tokens [start, end)."""

    section: str  # "evidentials" | "relays" | "channels"
    key: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class VerbRule:
    key: str
    category: str
    stance: str = "asserts"
    frames: frozenset[str] = frozenset({"clause", "quoted", "object"})
    prepositions: frozenset[str] = frozenset()
    parts: frozenset[str] = frozenset({"VERB"})
    holder: str = "subject"


@dataclass(frozen=True, slots=True)
class FurnitureRule:
    """One furniture entry's patterns, compiled."""

    key: str
    reason: str
    patterns: tuple[re.Pattern[str], ...]


@dataclass
class CompiledRules:
    """Everything a stage looks up, keyed the way the stage asks."""

    rules: RuleSet
    scope: Scope
    verbs: dict[str, VerbRule] = field(default_factory=dict)
    nouns: dict[str, VerbRule] = field(default_factory=dict)
    categories: frozenset[str] = frozenset()
    relay_forms: dict[str, frozenset[str]] = field(default_factory=dict)
    channel_names: dict[str, str] = field(default_factory=dict)
    evidential_categories: dict[str, str] = field(default_factory=dict)
    relay_phrase_forms: dict[str, str] = field(default_factory=dict)
    relay_categories: dict[str, str] = field(default_factory=dict)
    anonymous: frozenset[str] = frozenset()
    titles: frozenset[str] = frozenset()
    title_short_forms: dict[str, str] = field(default_factory=dict)
    affiliations: frozenset[str] = frozenset()
    type_of_lemma: dict[str, str] = field(default_factory=dict)
    any_kind_bodies: frozenset[str] = frozenset()
    organisations: dict[str, tuple[str, str, str]] = field(default_factory=dict)
    acronyms: dict[str, tuple[str, str, str]] = field(default_factory=dict)
    pronouns: dict[str, frozenset[str]] = field(default_factory=dict)
    pronoun_gender: dict[str, str] = field(default_factory=dict)
    pronoun_plural: dict[str, bool] = field(default_factory=dict)
    honorifics: frozenset[str] = frozenset()
    documents: frozenset[str] = frozenset()
    filers: dict[str, frozenset[str]] = field(default_factory=dict)
    authorship: frozenset[str] = frozenset()
    non_agents: frozenset[str] = frozenset()
    anonymity: tuple[str, ...] = ()
    gender_of_name: dict[str, str] = field(default_factory=dict)
    gender_of_lemma: dict[str, str] = field(default_factory=dict)
    channel_words: frozenset[str] = frozenset()
    negations: frozenset[str] = frozenset()
    withholding: frozenset[str] = frozenset()
    questions: frozenset[str] = frozenset()
    complementizers: frozenset[str] = frozenset()
    question_openers: frozenset[str] = frozenset()
    holder_prepositions: frozenset[str] = frozenset()
    absolute_prepositions: frozenset[str] = frozenset()
    coordinators: frozenset[str] = frozenset()
    causatives: frozenset[str] = frozenset()
    furniture: tuple[FurnitureRule, ...] = ()
    abbreviations: frozenset[str] = frozenset()
    _lower: PhraseMatcher | None = None
    _exact: PhraseMatcher | None = None

    def phrases(self, doc: Doc) -> list[PhraseHit]:
        """Every phrase rule that matches in the doc, in text order."""
        hits: list[PhraseHit] = []
        for matcher in (self._lower, self._exact):
            if matcher is None:
                continue
            for match_id, start, end in matcher(doc):
                section, _, key = doc.vocab.strings[match_id].partition(":")
                hits.append(PhraseHit(section, key, start, end))
        return sorted(hits, key=lambda h: (h.start, -h.end, h.section, h.key))

    def organisation(self, words: str) -> tuple[str, str, str] | None:
        """(key, canonical name, type) for a gazetteer name or alias.

        Names match case-insensitively; acronyms ("WHO", "AP") only as written, so that
        "who" and "ap" in running text are not organisations.
        """
        joined = " ".join(words.split())
        return self.acronyms.get(joined) or self.organisations.get(joined.lower())

    def relay_lemmas(self, form: str) -> frozenset[str]:
        return self.relay_forms.get(form, frozenset())


def compile_rules(rules: RuleSet, nlp: Language, scope: Scope = "speech") -> CompiledRules:
    """Tables and matchers for ``rules`` on ``nlp``'s vocabulary, limited to ``scope``."""
    categories = rules.scope_categories(scope)
    compiled = CompiledRules(rules=rules, scope=scope, categories=categories)
    cue_rules = [
        (
            entry,
            VerbRule(
                entry.key,
                entry.category,
                entry.stance,
                frozenset(entry.frames),
                frozenset(p.lower() for p in entry.prepositions),
                frozenset(entry.parts),
                entry.holder,
            ),
        )
        for entry in rules.cue_verbs
        if entry.category in categories
    ]
    compiled.verbs = {
        lemma.lower(): rule
        for entry, rule in cue_rules
        if rule.parts - {"NOUN"}
        for lemma in entry.lemmas
    }
    compiled.nouns = {  # "claim" the noun is a rule of its own, beside "claim" the verb
        lemma.lower(): rule
        for entry, rule in cue_rules
        if "NOUN" in rule.parts
        for lemma in entry.lemmas
    }
    forms: dict[str, set[str]] = {}
    for relay in rules.relays:
        forms.setdefault(relay.form, set()).update(lemma.lower() for lemma in relay.lemmas)
    compiled.relay_forms = {form: frozenset(lemmas) for form, lemmas in forms.items()}
    compiled.anonymous = _lemmas(rules.anonymous)
    compiled.titles = _lemmas(rules.titles)
    compiled.title_short_forms = {
        short.lower(): full.lower()
        for entry in rules.titles
        for short, full in entry.stands_for.items()
    }
    compiled.affiliations = _lemmas(rules.affiliations)
    compiled.type_of_lemma = {
        lemma.lower(): entry.type
        for entry in rules.source_types
        if entry.type
        for lemma in entry.lemmas
    }
    compiled.any_kind_bodies = _lemmas(e for e in rules.source_types if e.key == "any_body")
    names = [(name, org) for org in rules.organisations for name in (org.name, *org.aliases)]
    compiled.organisations = {
        " ".join(name.lower().split()): (org.key, org.name, org.type)
        for name, org in names
        if not _is_acronym(name)
    }
    compiled.acronyms = {
        name: (org.key, org.name, org.type) for name, org in names if _is_acronym(name)
    }
    compiled.pronouns = {
        form.lower(): frozenset(p.refers_to) for p in rules.pronouns for form in p.forms
    }
    compiled.pronoun_gender = {
        form.lower(): p.gender for p in rules.pronouns if p.gender for form in p.forms
    }
    compiled.pronoun_plural = {
        form.lower(): p.plural for p in rules.pronouns if p.plural is not None for form in p.forms
    }
    compiled.honorifics = _lemmas(rules.honorifics)
    compiled.documents = _lemmas(rules.documents)
    compiled.filers = {
        lemma.lower(): frozenset(f.lower() for f in entry.filed_by)
        for entry in rules.documents
        if entry.filed_by
        for lemma in entry.lemmas
    }
    compiled.authorship = _lemmas(rules.authorship)
    compiled.non_agents = _lemmas(rules.non_agents)
    compiled.anonymity = tuple(
        " ".join(phrase.lower().split()) for entry in rules.anonymity for phrase in entry.phrases
    )
    compiled.gender_of_name = _one_gender(
        (name, g.gender) for g in rules.genders for name in g.names
    )
    compiled.gender_of_lemma = _one_gender(
        (lemma.lower(), g.gender) for g in rules.genders for lemma in g.lemmas
    )
    compiled.channel_words = frozenset(
        p if c.case_sensitive else p.lower() for c in rules.channels for p in c.phrases
    )
    compiled.negations = _lemmas(rules.negations)
    compiled.withholding = _lemmas(rules.withholding)
    compiled.questions = _lemmas(rules.questions)
    compiled.complementizers = _lemmas(rules.complementizers)
    compiled.question_openers = _lemmas(e for e in rules.complementizers if e.key == "question")
    holders = rules.holder_prepositions
    compiled.holder_prepositions = _lemmas(e for e in holders if e.key != "absolute")
    compiled.absolute_prepositions = _lemmas(e for e in holders if e.key == "absolute")
    compiled.coordinators = _lemmas(rules.coordinators)
    compiled.causatives = _lemmas(rules.causatives)
    compiled.furniture = tuple(
        FurnitureRule(f.key, f.reason, tuple(re.compile(p) for p in f.patterns))
        for f in rules.furniture
    )
    compiled.abbreviations = frozenset(w for a in rules.abbreviations for w in a.words)
    compiled.channel_names = {c.key: c.name for c in rules.channels}
    compiled.evidential_categories = {
        e.key: e.category for e in rules.evidentials if e.category in categories
    }
    compiled.relay_phrase_forms = {r.key: r.form for r in rules.relays if r.phrases}
    compiled.relay_categories = {
        word.lower(): r.category for r in rules.relays for word in (r.key, *r.lemmas)
    }
    _add_matchers(compiled, rules, nlp)
    return compiled


def _is_acronym(name: str) -> bool:
    letters = [ch for ch in name if ch.isalpha()]
    return " " not in name.strip() and len(letters) <= 6 and all(ch.isupper() for ch in letters)


def _one_gender(pairs) -> dict[str, str]:
    """Word -> gender, leaving out a word listed under both genders ("Jordan", "Kim")."""
    seen: dict[str, str | None] = {}
    for word, gender in pairs:
        seen[word] = gender if seen.get(word, gender) == gender else None
    return {word: gender for word, gender in seen.items() if gender is not None}


def _lemmas(entries) -> frozenset[str]:
    return frozenset(lemma.lower() for entry in entries for lemma in entry.lemmas)


def _add_matchers(compiled: CompiledRules, rules: RuleSet, nlp: Language) -> None:
    lower = PhraseMatcher(nlp.vocab, attr="LOWER")
    exact = PhraseMatcher(nlp.vocab, attr="ORTH")
    groups = [
        *(
            ("evidentials", e.key, e.phrases, False)
            for e in rules.evidentials
            if e.key in compiled.evidential_categories
        ),
        *(("relays", r.key, r.phrases, False) for r in rules.relays if r.phrases),
        *(("channels", c.key, c.phrases, c.case_sensitive) for c in rules.channels),
    ]
    for section, key, phrases, case_sensitive in groups:
        matcher = exact if case_sensitive else lower
        matcher.add(f"{section}:{key}", [nlp.make_doc(p) for p in phrases])
    compiled._lower = lower if len(lower) else None
    compiled._exact = exact if len(exact) else None
