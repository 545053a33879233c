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
import os
import re
import warnings
from collections import deque
from collections.abc import Iterable, Iterator, Mapping, Sized
from functools import cache
from pathlib import Path
from typing import Any, Literal, NamedTuple

import numpy
from rich.console import Console
from rich.progress import track
from spacy.language import Language
from spacy.tokens import Doc

from . import component
from .budget import check_time, check_timeout, time_budget
from .chunking import is_paragraph_cut, plan_chunks
from .errors import NO_PARSER, AnalysisTimeout, PipelineError
from .language import has_parser, load_language, pipeline_name
from .limits import CHUNK_CHARS, MAX_CUES_PER_SENTENCE
from .metadata import check_metadata
from .models import Analysis
from .rules import RuleSet, default_rules
from .rules.compiled import CompiledRules
from .rules.loader import load_extension
from .rules.model import Scope
from .stages.quotes import find_quotes

_SCOPES = ("speech", "all")
_SEGMENTER = component.SEGMENTER

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


class _Entry(NamedTuple):
    """One pipe() input: its position, the item (a checked _Item once read) and the
    caller's context; ``error`` says what is wrong with a bad item."""

    position: int
    item: Any
    context: Any = None
    error: str | None = None


OnError = Literal["raise", "skip", "keep"]
_ON_ERROR = ("raise", "skip", "keep")


class Analyzer:
    """Loads a spaCy pipeline and a rule set once, then analyses many articles.

    ``model`` names an installed spaCy pipeline (default: en_core_web_sm, or its PyPI
    copy from the ``model`` extra); it must have a dependency parser. ``rules`` replaces
    the built-in rule set (extend :func:`attribution.default_rules` to add to it), or is
    the path of a rule file that extends it; ``scope`` is ``"speech"`` (what was said,
    reported or written) or ``"all"`` (also beliefs, intentions, perceptions).
    ``max_chunk_chars`` is the longest text parsed in one piece (default:
    :data:`~attribution.limits.CHUNK_CHARS`); longer texts are parsed in
    paragraph-aligned chunks. ``max_cues_per_sentence`` bounds the cues linked in one
    sentence, and ``timeout`` (seconds) is each document's time budget, past which
    :class:`~attribution.errors.AnalysisTimeout` is raised: see :mod:`attribution.limits`.

    Analyzers may share one pipeline (``Analyzer(nlp=other.nlp)``); each keeps its own
    rules, scope and limits, and hands them to the shared component with every Doc.
    """

    def __init__(
        self,
        model: str | None = None,
        *,
        rules: RuleSet | str | os.PathLike[str] | None = None,
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
        self._rules = _rule_set(rules)
        self.scope: Scope = scope
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
        if not has_parser(self.nlp):
            raise PipelineError(NO_PARSER.format(name=model or pipeline_name(self.nlp)))
        self.max_chunk_chars: int = (
            max_chunk_chars
            if max_chunk_chars is not None
            else min(CHUNK_CHARS, self.nlp.max_length)
        )
        self.max_cues_per_sentence = max_cues_per_sentence
        self.component = self._install()
        #: What the shared component is told with every Doc this Analyzer sends it.
        self._settings: dict[str, Any] = {
            "rules": self._rules,
            "scope": scope,
            "max_cues_per_sentence": max_cues_per_sentence,
        }

    def _install(self) -> component.AttributionComponent:
        """The pipeline's attribution component, added (with these settings as its own)
        if the pipeline has none; an existing one keeps its settings."""
        nlp = self.nlp
        component.ensure_segmenter(nlp)
        if "attribution" not in nlp.pipe_names:
            nlp.add_pipe("attribution", config={"scope": self.scope})
            nlp.get_pipe("attribution").configure(rules=self._rules, scope=self.scope)
        pipe = nlp.get_pipe("attribution")
        component.keep_abbreviations(nlp, self._rules)
        component.split_stop_after_camel_case(nlp)
        return pipe

    @property
    def rules(self) -> RuleSet:
        return self._rules

    @property
    def compiled(self) -> CompiledRules:
        """This Analyzer's rules compiled for its pipeline and scope."""
        return self.component.compiled_for(self._rules, self.scope)

    def analyze(self, text: str, *, timeout: float | None = None, **metadata: Any) -> Analysis:
        """Analyse one article. Metadata: id, title, publisher, url, published.

        ``timeout`` (seconds) overrides the Analyzer's time budget for this article.
        """
        return next(self.pipe([(text, metadata)], timeout=timeout))

    def pipe(
        self,
        texts: Iterable[Any],
        *,
        batch_size: int = 16,
        n_process: int = 1,
        as_tuples: bool = False,
        on_error: OnError = "raise",
        progress: bool = False,
        timeout: float | None = None,
    ) -> Iterator[Any]:
        """Analyse many articles, as plain texts or (text, metadata) pairs, in order.

        ``as_tuples=True`` takes ``(text, context)`` pairs, where ``text`` may itself be a
        ``(text, metadata)`` pair, and yields ``(analysis, context)`` with the context
        untouched, as ``nlp.pipe(as_tuples=True)`` does. ``on_error`` says what a bad
        item (not text, bad metadata) does: ``"raise"`` a TypeError, ``"skip"`` it with a
        warning, or ``"keep"`` it as an Analysis whose ``error`` says what was wrong;
        messages name the item's position and id. ``progress=True`` shows a progress bar
        on stderr.
        ``timeout`` (seconds; default: the Analyzer's) is each article's time budget: with
        one, articles are analysed one at a time, each under its own budget, and one that
        overruns raises :class:`~attribution.errors.AnalysisTimeout` (or, with
        ``on_error="keep"`` or ``"skip"``, is kept as an error or skipped like a bad item).
        """
        if isinstance(texts, str | bytes):
            raise TypeError(
                "pipe() takes an iterable of texts or (text, metadata) pairs, "
                "not one text; use analyze() for a single text"
            )
        if isinstance(batch_size, bool) or not isinstance(batch_size, int) or batch_size < 1:
            raise ValueError(f"batch_size must be a positive int, not {batch_size!r}")
        if on_error not in _ON_ERROR:
            raise ValueError(f"on_error must be one of {', '.join(_ON_ERROR)}, not {on_error!r}")
        budget = check_timeout(timeout) if timeout is not None else self.timeout
        entries = _entries(texts, as_tuples=as_tuples)
        if progress:
            entries = _with_progress(entries, texts)
        if budget is not None:
            results = self._results_in_time(entries, on_error, budget)
        else:
            results = self._results(entries, on_error, batch_size=batch_size, n_process=n_process)
        for analysis, context in results:
            yield (analysis, context) if as_tuples else analysis

    def _results_in_time(
        self, entries: Iterable[_Entry], on_error: OnError, budget: float
    ) -> Iterator[tuple[Analysis, Any]]:
        """Each entry's Analysis, one at a time, each under its own time budget."""
        for entry in (_checked_entry(entry, on_error) for entry in entries):
            if entry.error is None:
                try:
                    with time_budget(budget):
                        yield self._analyze_one(entry.item), entry.context
                    continue
                except AnalysisTimeout as exc:
                    if on_error == "raise":
                        raise
                    entry = entry._replace(error=f"{_describe(entry)}: {exc}")
            failed = _failed(entry, on_error)
            if failed is not None:
                yield failed, entry.context

    def _analyze_one(self, item: _Item) -> Analysis:
        """One article through the pipeline, component by component, checking the budget."""
        if self._too_long(item):
            return self._analyze_in_chunks(item)
        doc = self._doc(item)
        for name, process in self.nlp.pipeline:
            check_time()
            doc = process(doc, **self._settings) if name == self.component.name else process(doc)
        return doc._.attribution

    def _results(
        self, entries: Iterable[_Entry], on_error: OnError, *, batch_size: int, n_process: int
    ) -> Iterator[tuple[Analysis, Any]]:
        """Each entry's Analysis with its context: bad items, long texts and the rest."""
        checked = (_checked_entry(entry, on_error) for entry in entries)
        for kind, group in itertools.groupby(checked, key=self._kind):
            if kind == "bad":
                for entry in group:
                    failed = _failed(entry, on_error)
                    if failed is not None:
                        yield failed, entry.context
            elif kind == "long":
                for entry in group:
                    assert isinstance(entry.item, _Item)
                    yield self._analyze_in_chunks(entry.item), entry.context
            else:
                contexts: deque[Any] = deque()

                def docs(entries: Iterable[_Entry] = group, waiting: deque = contexts):
                    for entry in entries:
                        waiting.append(entry.context)
                        yield self._doc(entry.item)

                settings = {self.component.name: dict(self._settings)}  # spaCy adds to it
                for doc in self.nlp.pipe(
                    docs(), batch_size=batch_size, n_process=n_process, component_cfg=settings
                ):
                    yield doc._.attribution, contexts.popleft()

    def _kind(self, entry: _Entry) -> str:
        if entry.error is not None:
            return "bad"
        return "long" if self._too_long(entry.item) else "text"

    def _too_long(self, item: _Item) -> bool:
        return len(item.text) > self.max_chunk_chars

    def _doc(self, item: _Item) -> Doc:
        doc = self._tokenize(item.text)
        doc._.set("attribution_meta", dict(item.metadata))
        return doc

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
        metadata = dict(item.metadata)
        metadata["warnings"] = [note, *metadata.get("warnings", ())]
        whole._.set("attribution_meta", metadata)
        return self.component(whole, **self._settings)._.attribution


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
    metadata = check_metadata(metadata)
    text, count = _SURROGATE_RE.subn("\ufffd", text)
    if count:  # spaCy and JSON both need valid Unicode; U+FFFD keeps every offset
        metadata["warnings"] = [SURROGATES.format(count=count), *metadata.get("warnings", ())]
    return _Item(text, metadata)


def _entries(texts: Iterable[Any], *, as_tuples: bool) -> Iterator[_Entry]:
    """Number the inputs; with ``as_tuples``, split off each one's context."""
    for position, entry in enumerate(texts):
        if not as_tuples:
            yield _Entry(position, entry)
        elif isinstance(entry, tuple) and len(entry) == 2:
            yield _Entry(position, entry[0], entry[1])
        else:
            raise TypeError(
                f"with as_tuples=True, pipe() takes (text, context) pairs; "
                f"item {position} is a {type(entry).__name__}"
            )


def _with_progress(entries: Iterator[_Entry], texts: Iterable[Any]) -> Iterator[_Entry]:
    """The entries, counted on a progress bar on stderr (with a total when it is known)."""
    total = len(texts) if isinstance(texts, Sized) else None
    console = Console(stderr=True)
    yield from track(entries, total=total, description="analysing", console=console)


def _checked_entry(entry: _Entry, on_error: OnError) -> _Entry:
    """The entry with a checked item, or with the error text for a bad one."""
    try:
        return entry._replace(item=_item(entry.item))
    except (TypeError, ValueError) as exc:
        if on_error == "raise":
            raise
        return entry._replace(error=f"{_describe(entry)}: {exc}")


def _describe(entry: _Entry) -> str:
    """ "item 3" or "item 3 (id 'x')": how a message names a pipe() input."""
    doc_id = _metadata_of(entry.item).get("id")
    return f"item {entry.position}" + (f" (id {doc_id!r})" if doc_id is not None else "")


def _failed(entry: _Entry, on_error: OnError) -> Analysis | None:
    """What a bad item gives: a warning and nothing (skip), or an Analysis with the error."""
    if on_error == "skip":
        warnings.warn(f"skipped {entry.error}", stacklevel=4)
        return None
    doc_id = _metadata_of(entry.item).get("id")
    return Analysis(id=doc_id if isinstance(doc_id, str) else None, error=entry.error)


def _metadata_of(item: Any) -> Mapping[str, Any]:
    """The metadata of a (text, metadata) pair, or nothing."""
    if isinstance(item, tuple) and len(item) == 2 and isinstance(item[1], Mapping):
        return item[1]
    return {}


def _rule_set(rules: Any) -> RuleSet:
    """The rule set an Analyzer uses: the built-in one, the one given, or the built-in
    one extended by the rule file at a given path (read now, so errors show at once)."""
    if rules is None:
        return default_rules()
    if isinstance(rules, RuleSet):
        return rules
    if isinstance(rules, str | os.PathLike):
        return load_extension(Path(rules))
    raise TypeError(
        f"rules must be a RuleSet or the path of a rule file, not {type(rules).__name__}"
    )


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
