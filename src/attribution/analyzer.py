"""The public entry points: ``analyze(text)`` and the ``Analyzer`` that loads once.

Both are total over ``str``: any string gives an :class:`Analysis` whose offsets index
the caller's own string, with ``warnings`` saying what was odd about the input (empty,
blank, probably not English, parsed in chunks). Anything that is not a string is a
``TypeError`` that names what was given.

Two guards keep the cost linear in the text's length:

* A text longer than ``max_chunk_chars`` (default: :data:`.limits.CHUNK_CHARS`, or the
  pipeline's ``nlp.max_length`` if smaller) is parsed in chunks cut at paragraph breaks
  outside quotes (see :mod:`.chunking`); the parsed chunks are joined into one Doc over
  the whole text, and the attribution flow runs once on it, so sources, pronouns,
  relays and ids work across the cuts. Peak memory follows the chunk size.
* spaCy's tokenizer takes quadratic time on one long run of characters without
  whitespace that it keeps splitting affixes from (10,000 quote marks: ~8 s). Such runs
  are tokenized in slices of :data:`LONG_RUN` characters and the pieces joined again.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator, Mapping
from functools import cache
from typing import Any, NamedTuple

import numpy
from spacy.language import Language
from spacy.tokens import Doc

from . import component
from .chunking import is_paragraph_cut, plan_chunks
from .language import load_language
from .limits import (
    CHUNK_CHARS,
    LIMIT_KEY,
    MAX_CUES_PER_SENTENCE,
    check_time,
    check_timeout,
    time_budget,
)
from .models import Analysis
from .quotes import find_quotes
from .rules import RuleSet
from .rules.model import Scope

_SCOPES = ("speech", "all")
_SEGMENTER = "attribution_segmenter"

#: Runs of non-space characters at least this long are tokenized in slices this long.
LONG_RUN = 256
_LONG_RUN_RE = re.compile(rf"(?<!\S)\S{{{LONG_RUN},}}")


_SURROGATE_RE = re.compile("[\ud800-\udfff]")
SURROGATES = (
    "the text holds {count} lone surrogate code point(s), which are not Unicode characters; "
    "they were read as U+FFFD (the replacement character), offsets unchanged"
)


class _Item(NamedTuple):
    text: str
    metadata: dict[str, Any]


class Analyzer:
    """Loads a spaCy pipeline and a rule set once, then analyses many articles.

    ``model`` names an installed spaCy pipeline (default: en_core_web_sm, or its PyPI
    copy from the ``model`` extra); ``rules`` replaces the built-in rule set (extend
    :func:`attribution.default_rules` to add to it); ``scope`` is ``"speech"`` (what
    was said, reported or written) or ``"all"`` (also beliefs, intentions, perceptions).
    ``max_chunk_chars`` is the longest text parsed in one piece (default:
    :data:`~attribution.limits.CHUNK_CHARS`); longer texts are parsed in
    paragraph-aligned chunks. ``max_cues_per_sentence`` bounds the cues linked in one
    sentence, and ``timeout`` (seconds) is each document's time budget, past which
    :class:`~attribution.errors.AnalysisTimeout` is raised: see :mod:`attribution.limits`.
    """

    def __init__(
        self,
        model: str | None = None,
        *,
        rules: RuleSet | None = None,
        scope: Scope = "speech",
        nlp: Language | None = None,
        max_chunk_chars: int | None = None,
        max_cues_per_sentence: int = MAX_CUES_PER_SENTENCE,
        timeout: float | None = None,
    ) -> None:
        if scope not in _SCOPES:
            raise ValueError(f"scope must be one of {', '.join(_SCOPES)}, not {scope!r}")
        if max_chunk_chars is not None and (
            isinstance(max_chunk_chars, bool)
            or not isinstance(max_chunk_chars, int)
            or max_chunk_chars < 1
        ):
            raise ValueError(f"max_chunk_chars must be a positive int, not {max_chunk_chars!r}")
        if (
            isinstance(max_cues_per_sentence, bool)
            or not isinstance(max_cues_per_sentence, int)
            or max_cues_per_sentence < 1
        ):
            raise ValueError(
                f"max_cues_per_sentence must be a positive int, not {max_cues_per_sentence!r}"
            )
        self.timeout: float | None = check_timeout(timeout)
        self.nlp = nlp if nlp is not None else load_language(model)
        self.max_chunk_chars: int = (
            max_chunk_chars
            if max_chunk_chars is not None
            else min(CHUNK_CHARS, self.nlp.max_length)
        )
        self.max_cues_per_sentence = max_cues_per_sentence
        self.component = self._install(rules, scope)

    def _install(self, rules: RuleSet | None, scope: Scope) -> component.AttributionComponent:
        nlp = self.nlp
        if _SEGMENTER not in nlp.pipe_names and "parser" in nlp.pipe_names:
            nlp.add_pipe(_SEGMENTER, before="parser")
        if "attribution" not in nlp.pipe_names:
            nlp.add_pipe("attribution", config={"scope": scope})
        pipe = nlp.get_pipe("attribution")
        pipe.configure(rules=rules, scope=scope)
        return pipe

    @property
    def rules(self) -> RuleSet:
        return self.component.rules

    def analyze(self, text: str, *, timeout: float | None = None, **metadata: Any) -> Analysis:
        """Analyse one article. Metadata: id, title, publisher, url, published.

        ``timeout`` (seconds) overrides the Analyzer's time budget for this article.
        """
        return next(self.pipe([(text, metadata)], timeout=timeout))

    def pipe(
        self,
        texts: Iterable[str | tuple[str, dict[str, Any]]],
        *,
        batch_size: int = 16,
        n_process: int = 1,
        timeout: float | None = None,
    ) -> Iterator[Analysis]:
        """Analyse many articles, as plain texts or (text, metadata) pairs, in order.

        With a time budget (``timeout``, or the Analyzer's), articles are analysed one at
        a time, each under its own budget, and the first that overruns raises
        :class:`~attribution.errors.AnalysisTimeout`.
        """
        if isinstance(texts, str | bytes):
            raise TypeError(
                "pipe() takes an iterable of texts or (text, metadata) pairs, "
                "not one text; use analyze() for a single text"
            )
        budget = check_timeout(timeout) if timeout is not None else self.timeout
        items = (_item(entry) for entry in texts)
        if budget is not None:
            for item in items:
                with time_budget(budget):
                    analysis = self._analyze_one(item)
                yield analysis
            return
        for is_long, group in itertools.groupby(items, key=self._too_long):
            if is_long:
                for item in group:
                    yield self._analyze_in_chunks(item)
            else:
                docs = (self._doc(item) for item in group)
                for doc in self.nlp.pipe(docs, batch_size=batch_size, n_process=n_process):
                    yield doc._.attribution

    def _analyze_one(self, item: _Item) -> Analysis:
        """One article through the pipeline, component by component, checking the budget."""
        if self._too_long(item):
            return self._analyze_in_chunks(item)
        doc = self._doc(item)
        for _, process in self.nlp.pipeline:
            check_time()
            doc = process(doc)
        return doc._.attribution

    def _too_long(self, item: _Item) -> bool:
        return len(item.text) > self.max_chunk_chars

    def _doc(self, item: _Item) -> Doc:
        doc = self._tokenize(item.text)
        doc._.set("attribution_meta", self._meta(item.metadata))
        return doc

    def _meta(self, metadata: Mapping[str, Any]) -> dict[str, Any]:
        """The metadata the component reads, with this Analyzer's limits (the pipeline
        may be shared with other Analyzers, so they travel with the document)."""
        return {**metadata, LIMIT_KEY: self.max_cues_per_sentence}

    def _tokenize(self, text: str) -> Doc:
        """The tokenizer's Doc, with very long non-space runs tokenized in slices."""
        tokenizer = self.nlp.tokenizer
        if _LONG_RUN_RE.search(text) is None:
            return tokenizer(text)
        pieces, position = [], 0
        for run in _LONG_RUN_RE.finditer(text):
            if run.start() > position:
                pieces.append(text[position : run.start()])
            pieces.extend(
                text[i : min(i + LONG_RUN, run.end())]
                for i in range(run.start(), run.end(), LONG_RUN)
            )
            position = run.end()
        if position < len(text):
            pieces.append(text[position:])
        doc = Doc.from_docs([tokenizer(piece) for piece in pieces], ensure_whitespace=False)
        return doc if doc.text == text else tokenizer(text)  # slow, but never wrong

    def _parse_chunk(self, text: str, start: int, end: int) -> Doc:
        """One chunk through every component but attribution, as if read in place.

        The paragraph segmenter reads a headline and dateline at the start of what it is
        given; only the first chunk starts where the article does, so later chunks get
        the segmenter's paragraph breaks alone, as they would in the whole text.
        """
        doc = self._tokenize(text[start:end])
        skip = {self.component.name}
        if start > 0 and _SEGMENTER in self.nlp.pipe_names:
            skip.add(_SEGMENTER)
            component.mark_paragraphs(doc, dateline=False)
        for name, process in self.nlp.pipeline:
            if name not in skip:
                check_time()
                doc = process(doc)
        doc.tensor = numpy.zeros((0,), dtype="float32")  # not needed after parsing
        return doc

    def _analyze_in_chunks(self, item: _Item) -> Analysis:
        """Parse a long text chunk by chunk, then run the attribution flow on the whole."""
        text = item.text
        chunks = plan_chunks(text, self.max_chunk_chars, find_quotes(text))
        parsed = [self._parse_chunk(text, start, end) for start, end in chunks]
        whole = _checked(
            Doc.from_docs(
                parsed, ensure_whitespace=False, exclude=["spans", "tensor", "user_data"]
            ),
            text,
        )
        inside = sum(not is_paragraph_cut(text, end) for _, end in chunks[:-1])
        note = (
            f"the text is longer than {self.max_chunk_chars} characters, "
            f"so it was parsed in {len(chunks)} chunks"
        )
        if inside:
            note += (
                f"; {inside} of the cuts fell inside a paragraph, where an attribution "
                "across the cut may be missed"
            )
        metadata = self._meta(item.metadata)
        metadata["warnings"] = [note, *metadata.get("warnings", ())]
        whole._.set("attribution_meta", metadata)
        return self.component(whole)._.attribution


def _item(entry: Any) -> _Item:
    """A (text, metadata) pair from a pipe() entry; TypeError for anything but text."""
    if isinstance(entry, tuple) and len(entry) == 2:
        text, metadata = entry
    else:
        text, metadata = entry, {}
    if not isinstance(text, str):
        hint = (
            " (decode bytes first, e.g. data.decode('utf-8'))"
            if isinstance(text, bytes | bytearray)
            else ""
        )
        raise TypeError(f"analyze() takes article text as str, not {type(text).__name__}{hint}")
    if metadata is None:
        metadata = {}
    if not isinstance(metadata, Mapping):
        raise TypeError(f"article metadata must be a mapping, not {type(metadata).__name__}")
    metadata = dict(metadata)
    text, count = _SURROGATE_RE.subn("\ufffd", text)
    if count:  # spaCy and JSON both need valid Unicode; U+FFFD keeps every offset
        metadata["warnings"] = [SURROGATES.format(count=count), *metadata.get("warnings", ())]
    return _Item(text, metadata)


def _checked(doc: Doc, text: str) -> Doc:
    """The joined Doc, after checking that joining kept every character in place."""
    if doc.text != text:  # pragma: no cover - would be a spaCy bug
        raise RuntimeError("joining tokenized pieces changed the text; please report this")
    return doc


@cache
def _default_analyzer(scope: Scope) -> Analyzer:
    return Analyzer(scope=scope)


def analyze(
    text: str, *, scope: Scope = "speech", timeout: float | None = None, **metadata: Any
) -> Analysis:
    """Analyse one article with the default pipeline and rules (loaded once, then reused).

    ``timeout`` is a time budget in seconds (see :mod:`attribution.limits`).
    """
    return _default_analyzer(scope).analyze(text, timeout=timeout, **metadata)
