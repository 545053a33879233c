"""The spaCy side: ``nlp.add_pipe("attribution")`` and the paragraph segmenter.

The analysis is stored on the Doc as plain JSON-like data (so Docs still serialise
across ``nlp.pipe(n_process=...)`` workers) and read back as a model through
``doc._.attribution``. Claims, sources, cues and contents go to ``doc.spans``.
"""

from __future__ import annotations

import weakref
from functools import cache
from pathlib import Path
from typing import Any

from spacy.attrs import ORTH, SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import compile_suffix_regex

from .errors import NOT_PARSED, PipelineError
from .flow import analyze_doc
from .limits import MAX_CUES_PER_SENTENCE
from .models import Analysis
from .rules import RuleSet, default_rules
from .rules.compiled import CompiledRules, compile_rules
from .rules.model import Scope
from .stages.article import LINE_BREAKS, read_article

SPANS_KEY = "attribution"
SEGMENTER = "attribution_segmenter"
#: How many other callers' compiled rules a shared component keeps.
_MAX_OTHERS = 8
_DATA = "attribution_data"
_META = "attribution_meta"

#: The Analysis read from each live Doc, with the data it was read from: the getter
#: validates once per Doc, not on every access. Weak keys: the cache dies with the Doc.
_READ: weakref.WeakKeyDictionary[Doc, tuple[Any, Analysis]] = weakref.WeakKeyDictionary()


def ensure_extensions() -> None:
    """Register the Doc extensions once per process (workers start without them)."""
    if not Doc.has_extension(_DATA):
        Doc.set_extension(_DATA, default=None)
    if not Doc.has_extension(_META):
        Doc.set_extension(_META, default=None)
    if not Doc.has_extension("attribution"):
        Doc.set_extension("attribution", getter=_analysis)


def _analysis(doc: Doc) -> Analysis | None:
    """The Doc's Analysis, validated from its stored data once per Doc and data."""
    data = doc._.get(_DATA)
    if data is None:
        return None
    cached = _READ.get(doc)
    if cached is not None and cached[0] is data:
        return cached[1]
    analysis = Analysis.model_validate(data)
    _READ[doc] = (data, analysis)
    return analysis


def ensure_segmenter(nlp: Language) -> None:
    """Put the paragraph segmenter before the parser, where it must run to count.

    Without it the parser joins a headline, a dateline and the first paragraph into one
    sentence, and the analysis differs from ``analyze()``'s.
    """
    if SEGMENTER not in nlp.pipe_names and "parser" in nlp.pipe_names:
        nlp.add_pipe(SEGMENTER, before="parser")


class AttributionComponent:
    """Runs the attribution flow over each parsed Doc."""

    def __init__(
        self,
        nlp: Language,
        name: str,
        scope: Scope,
        rules: str | None,
        max_cues_per_sentence: int = MAX_CUES_PER_SENTENCE,
    ) -> None:
        self.nlp = nlp
        self.name = name
        self.scope: Scope = scope
        self.max_cues_per_sentence = max_cues_per_sentence
        base = default_rules()
        self.rules: RuleSet = base if rules is None else base.extend(RuleSet.load(Path(rules)))
        self._compiled: CompiledRules | None = None
        #: Rules compiled for the settings other Analyzers sharing the pipeline hand in.
        self._others: dict[tuple[int, Scope], tuple[RuleSet, CompiledRules]] = {}
        ensure_extensions()

    def configure(self, rules: RuleSet | None = None, scope: Scope | None = None) -> None:
        """Use another rule set or scope; patterns are compiled again on next use."""
        if rules is not None:
            self.rules = rules
        if scope is not None:
            self.scope = scope
        self._compiled = None

    @property
    def compiled(self) -> CompiledRules:
        if self._compiled is None:
            self._compiled = compile_rules(self.rules, self.nlp, self.scope)
        return self._compiled

    def compiled_for(self, rules: RuleSet, scope: Scope) -> CompiledRules:
        """Rules compiled for one caller's settings: the component's own, or another's
        (an Analyzer sharing the pipeline), compiled once and kept while in use."""
        if rules is self.rules and scope == self.scope:
            return self.compiled
        key = (id(rules), scope)
        if key not in self._others:
            if len(self._others) >= _MAX_OTHERS:
                self._others.pop(next(iter(self._others)))
            self._others[key] = (rules, compile_rules(rules, self.nlp, scope))
        return self._others[key][1]

    def __call__(
        self,
        doc: Doc,
        rules: RuleSet | None = None,
        scope: Scope | None = None,
        max_cues_per_sentence: int | None = None,
    ) -> Doc:
        """Analyse a parsed Doc, with this component's settings unless others are given
        (an Analyzer sharing the pipeline hands its own with every Doc)."""
        ensure_extensions()
        if len(doc) and not doc.has_annotation("DEP"):
            raise PipelineError(NOT_PARSED)
        compiled = self.compiled_for(rules or self.rules, scope or self.scope)
        limit = max_cues_per_sentence or self.max_cues_per_sentence
        analysis = analyze_doc(doc, compiled, doc._.get(_META), max_cues_per_sentence=limit)
        data = analysis.model_dump(mode="json")
        doc._.set(_DATA, data)
        _READ[doc] = (data, analysis)
        doc.spans[SPANS_KEY] = _spans(doc, analysis)
        return doc


def _spans(doc: Doc, analysis: Analysis) -> list[Span]:
    """Claims, sources, cues and contents as labelled spans, for displaCy's span style."""
    found: list[Span] = []

    def add(start: int, end: int, label: str) -> None:
        span = doc.char_span(start, end, label=label, alignment_mode="expand")
        if span is not None:
            found.append(span)

    for claim in analysis.claims:
        add(claim.start, claim.end, "CLAIM")
    for attribution in analysis.attributions:
        for part, label in ((attribution.source, "SOURCE"), (attribution.cue, "CUE")):
            if part is not None:
                add(part.start, part.end, label)
    return found


def mark_paragraphs(doc: Doc, *, dateline: bool = True) -> Doc:
    """Start a sentence at every paragraph and after the dateline, before the parser runs.

    Written as one array: the ``Token.is_sent_start`` setter scans the whole Doc on every
    call (it checks for a parse first), which would make this quadratic.
    """
    if len(doc) < 2:
        return doc
    values = doc.to_array([SENT_START]).astype("int64").reshape(-1, 1)  # -1 means "not"
    abbreviations = _abbreviations()
    for token in doc[:-1]:
        if token.is_space and any(ch in LINE_BREAKS for ch in token.text):
            values[token.i + 1, 0] = 1
        elif _ends_abbreviation(doc, token, abbreviations) and values[token.i + 1, 0] != 1:
            values[token.i + 1, 0] = -1  # "Sens. Cruz and Rubio": no sentence ends here
        elif _inside_a_name(token, doc[token.i + 1]) and values[token.i + 1, 0] != 1:
            values[token.i + 1, 0] = -1  # "Halden Health will close": one name, one sentence
    if dateline:
        _mark_dateline(doc, values)
    doc.from_array([SENT_START], values.astype("uint64"))
    return doc


def keep_abbreviations(nlp: Language, rules: RuleSet) -> None:
    """Tokenize each abbreviation of the rule set as one word ("Sens."), so that the parser
    reads it as a title rather than a word and a full stop."""
    for entry in rules.abbreviations:
        for word in entry.words:
            if not word.strip() or any(ch.isspace() for ch in word):
                continue
            nlp.tokenizer.add_special_case(word, [{ORTH: word}])


#: A full stop after a capital that follows a small letter or "&" ("GroupM.", "PwC.",
#: "AT&T."): spaCy splits a stop only after a small letter, so a camel-case name at the
#: end of a sentence kept its stop and was read as punctuation, not as a name.
_STOP_AFTER_CAMEL_CAPITAL = r"(?<=[a-z&][A-Z])\."


def split_stop_after_camel_case(nlp: Language) -> None:
    """Split the sentence's full stop off a camel-case name ("according to GroupM."), so
    that the name is a word of its own; "U.S." and "Ph.D." (a stop before the capital)
    and the rule set's abbreviations stay whole."""
    compiled = getattr(nlp.tokenizer.suffix_search, "__self__", None)
    if _STOP_AFTER_CAMEL_CAPITAL in getattr(compiled, "pattern", ""):
        return  # already split (a second Analyzer on the same pipeline)
    suffixes = [*(nlp.Defaults.suffixes or []), _STOP_AFTER_CAMEL_CAPITAL]
    nlp.tokenizer.suffix_search = compile_suffix_regex(suffixes).search


def _inside_a_name(token: Token, following: Token) -> bool:
    """Two capitalised words with one space between ("Halden Health") are never two
    sentences: a sentence ends with a stop or a line, and the parser sometimes cuts a
    company's name in two at the start of a paragraph."""
    return (
        token.whitespace_ == " "
        and token.is_alpha
        and following.is_alpha
        and token.is_title
        and following.is_title
    )


def _ends_abbreviation(doc: Doc, token: Token, abbreviations: frozenset[str]) -> bool:
    """The token closes an abbreviation: "Sen." as one token, or "Sens" then "."."""
    if token.text in abbreviations:
        return True
    if token.text != "." or token.i == 0:
        return False
    before = doc[token.i - 1]
    return not before.whitespace_ and before.text + "." in abbreviations


@cache
def _abbreviations() -> frozenset[str]:
    """The built-in abbreviations that never end a sentence (rule data)."""
    return frozenset(w for entry in default_rules().abbreviations for w in entry.words)


def _mark_dateline(doc: Doc, values) -> None:
    """ "Kyiv [Ukraine], February 2 (ANI):" is no sentence of its own; the body starts one."""
    article = read_article(doc.text)
    if article.dateline is None:
        return
    for token in doc[1:]:
        if token.idx >= article.body_start:
            values[token.i, 0] = 1
            return
        if token.idx > article.dateline.start:
            values[token.i, 0] = -1


@Language.factory(
    "attribution",
    default_config={
        "scope": "speech",
        "rules": None,
        "max_cues_per_sentence": MAX_CUES_PER_SENTENCE,
    },
    requires=["token.dep"],
)
def make_attribution(
    nlp: Language,
    name: str,
    scope: Scope,
    rules: str | None,
    max_cues_per_sentence: int = MAX_CUES_PER_SENTENCE,
) -> Any:
    """Build the component; ``rules`` is an optional path to a rule file extending the
    default; ``max_cues_per_sentence`` bounds linking work (see :mod:`attribution.limits`).

    The paragraph segmenter goes in before the parser too, so that
    ``nlp.add_pipe("attribution")`` alone gives the same analysis as ``analyze()``.
    """
    ensure_segmenter(nlp)
    return AttributionComponent(nlp, name, scope, rules, max_cues_per_sentence)


@Language.factory("attribution_segmenter")
def make_segmenter(nlp: Language, name: str) -> Any:
    """Paragraph breaks and the dateline end sentences, whatever the parser thinks."""
    return mark_paragraphs
