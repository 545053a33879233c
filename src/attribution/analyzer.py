"""The public entry points: ``analyze(text)`` and the ``Analyzer`` that loads once."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from . import component
from .language import load_language
from .models import Analysis
from .rules import RuleSet
from .rules.model import Scope

_SCOPES = ("speech", "all")


class Analyzer:
    """Loads a spaCy pipeline and a rule set once, then analyses many articles.

    ``model`` names an installed spaCy pipeline (default: en_core_web_sm, or its PyPI
    copy from the ``model`` extra); ``rules`` replaces the built-in rule set (extend
    :func:`attribution.default_rules` to add to it); ``scope`` is ``"speech"`` (what
    was said, reported or written) or ``"all"`` (also beliefs, intentions, perceptions).
    """

    def __init__(
        self,
        model: str | None = None,
        *,
        rules: RuleSet | None = None,
        scope: Scope = "speech",
        nlp: Language | None = None,
    ) -> None:
        if scope not in _SCOPES:
            raise ValueError(f"scope must be one of {', '.join(_SCOPES)}, not {scope!r}")
        self.nlp = nlp if nlp is not None else load_language(model)
        self.component = self._install(rules, scope)

    def _install(self, rules: RuleSet | None, scope: Scope) -> component.AttributionComponent:
        nlp = self.nlp
        if "attribution_segmenter" not in nlp.pipe_names and "parser" in nlp.pipe_names:
            nlp.add_pipe("attribution_segmenter", before="parser")
        if "attribution" not in nlp.pipe_names:
            nlp.add_pipe("attribution", config={"scope": scope})
        pipe = nlp.get_pipe("attribution")
        pipe.configure(rules=rules, scope=scope)
        return pipe

    @property
    def rules(self) -> RuleSet:
        return self.component.rules

    def analyze(self, text: str, **metadata: Any) -> Analysis:
        """Analyse one article. Metadata: id, title, publisher, url, published."""
        return next(self.pipe([(text, metadata)]))

    def pipe(
        self,
        texts: Iterable[str | tuple[str, dict[str, Any]]],
        *,
        batch_size: int = 16,
        n_process: int = 1,
    ) -> Iterator[Analysis]:
        """Analyse many articles, as plain texts or (text, metadata) pairs, in order."""
        docs = (self._doc(item) for item in texts)
        for doc in self.nlp.pipe(docs, batch_size=batch_size, n_process=n_process):
            yield doc._.attribution

    def _doc(self, item: str | tuple[str, dict[str, Any]]) -> Doc:
        text, metadata = (item, {}) if isinstance(item, str) else item
        if not isinstance(text, str):
            raise TypeError(f"analyze() takes article text as str, not {type(text).__name__}")
        doc = self.nlp.make_doc(text)
        doc._.set("attribution_meta", dict(metadata))
        return doc


@cache
def _default_analyzer(scope: Scope) -> Analyzer:
    return Analyzer(scope=scope)


def analyze(text: str, *, scope: Scope = "speech", **metadata: Any) -> Analysis:
    """Analyse one article with the default pipeline and rules (loaded once, then reused)."""
    return _default_analyzer(scope).analyze(text, **metadata)
