"""The spaCy side: ``nlp.add_pipe("attribution")`` and the paragraph segmenter.

The analysis is stored on the Doc as plain JSON-like data (so Docs still serialise
across ``nlp.pipe(n_process=...)`` workers) and read back as a model through
``doc._.attribution``. Claims, sources, cues and contents go to ``doc.spans``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span

from .article import LINE_BREAKS, read_article
from .flow import analyze_doc
from .limits import MAX_CUES_PER_SENTENCE
from .models import Analysis
from .rules import RuleSet, default_rules
from .rules.compiled import CompiledRules, compile_rules
from .rules.model import Scope

SPANS_KEY = "attribution"
_DATA = "attribution_data"
_META = "attribution_meta"


def ensure_extensions() -> None:
    """Register the Doc extensions once per process (workers start without them)."""
    if not Doc.has_extension(_DATA):
        Doc.set_extension(_DATA, default=None)
    if not Doc.has_extension(_META):
        Doc.set_extension(_META, default=None)
    if not Doc.has_extension("attribution"):
        Doc.set_extension("attribution", getter=_analysis)


def _analysis(doc: Doc) -> Analysis | None:
    data = doc._.get(_DATA)
    return None if data is None else Analysis.model_validate(data)


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

    def __call__(self, doc: Doc) -> Doc:
        ensure_extensions()
        analysis = analyze_doc(
            doc,
            self.compiled,
            doc._.get(_META),
            max_cues_per_sentence=self.max_cues_per_sentence,
        )
        doc._.set(_DATA, analysis.model_dump(mode="json"))
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
    for token in doc[:-1]:
        if token.is_space and any(ch in LINE_BREAKS for ch in token.text):
            values[token.i + 1, 0] = 1
    if dateline:
        _mark_dateline(doc, values)
    doc.from_array([SENT_START], values.astype("uint64"))
    return doc


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
    default; ``max_cues_per_sentence`` bounds linking work (see :mod:`attribution.limits`)."""
    return AttributionComponent(nlp, name, scope, rules, max_cues_per_sentence)


@Language.factory("attribution_segmenter")
def make_segmenter(nlp: Language, name: str) -> Any:
    """Paragraph breaks and the dateline end sentences, whatever the parser thinks."""
    return mark_paragraphs
