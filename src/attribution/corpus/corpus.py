"""``Corpus``: many analyses merged into one graph, with findings across articles.

>>> corpus = Corpus.from_analyses(analyses)        # doctest: +SKIP
>>> corpus.add(another)                            # doctest: +SKIP
>>> [f.kind for f in corpus.findings]              # doctest: +SKIP

Adding is cheap; the merge runs when a result is first asked for, and again after the
next ``add``. It depends only on the set of analyses, never on their order.
"""

from __future__ import annotations

import gc
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from functools import cached_property
from typing import Any, NamedTuple

import networkx as nx
from pydantic import ValidationError

from ..errors import InputError
from ..models import Analysis, Claim, Finding
from ..stages.ids import text_key
from .findings import (
    KINDS,
    QUOTE_KINDS,
    Context,
    Entry,
    numeric_conflict,
    quote_drift,
    statement_findings,
)
from .graph import build_graph
from .grouping import Item, group
from .identity import Identities, merge_sources, source_id
from .models import (
    CandidateMerge,
    CorpusArticle,
    CorpusClaim,
    CorpusDocument,
    CorpusSource,
)
from .numbers import QUANTITY, content, normalise
from .words import CorpusWords, default_words

DUPLICATE = "duplicate article id {id!r}: the corpus already has an article with this id"
NOT_ANALYSIS = (
    "{what} is not an analysis of this version of the contract ({problem}); "
    "analyse the text again with this version (attribution batch)"
)
NOT_MAPPING = "{what} must be an Analysis or a dict, not {type}"
#: Content words (quantities aside) a claim needs to be matched across articles.
MIN_WORDS = 3
UNKNOWN_SOURCE = "article {article}: claim {claim} names source {source!r}, which it does not list"


class _Built(NamedTuple):
    document: CorpusDocument
    graph: nx.MultiDiGraph


class Corpus:
    """Analyses of many articles, merged: one identity per source, claims grouped."""

    def __init__(self, words: CorpusWords | None = None) -> None:
        self._words = words or default_words()
        self._analyses: dict[str, Analysis] = {}

    @classmethod
    def from_analyses(
        cls, analyses: Iterable[Analysis | Mapping[str, Any]], *, words: CorpusWords | None = None
    ) -> Corpus:
        """A corpus of these analyses (models, or dicts in the JSON contract)."""
        corpus = cls(words)
        for analysis in analyses:
            corpus.add(analysis)
        return corpus

    def add(self, analysis: Analysis | Mapping[str, Any]) -> str:
        """Add one analysis and return its article id (its own id, or a content hash).

        Raises InputError for a duplicate id or a document of another contract version.
        """
        model = _as_analysis(analysis, f"analysis {len(self._analyses) + 1}")
        article = model.id if model.id is not None else "a-" + text_key(model.model_dump_json())
        if article in self._analyses:
            raise InputError(DUPLICATE.format(id=article))
        self._analyses[article] = model
        self.__dict__.pop("_built", None)
        return article

    def __len__(self) -> int:
        return len(self._analyses)

    def __contains__(self, article: object) -> bool:
        return article in self._analyses

    # -- results ---------------------------------------------------------------------

    @property
    def findings(self) -> list[Finding]:
        """Findings across articles, grouped by kind."""
        return self._built.document.findings

    @property
    def sources(self) -> list[CorpusSource]:
        """One source per real-world source, with the articles it appears in."""
        return self._built.document.sources

    @property
    def claims(self) -> list[CorpusClaim]:
        return self._built.document.claims

    @property
    def articles(self) -> list[CorpusArticle]:
        return self._built.document.articles

    @property
    def candidate_merges(self) -> list[CandidateMerge]:
        """Sources that may be one but were kept apart, each with the reason."""
        return self._built.document.candidate_merges

    @property
    def graph(self) -> nx.MultiDiGraph:
        """The merged provenance graph (a copy is not made: do not change it)."""
        return self._built.graph

    def document(self) -> CorpusDocument:
        """The corpus contract as a pydantic model; ``.model_dump(mode="json")`` for JSON."""
        return self._built.document

    def source(self, source_id: str) -> CorpusSource:
        """The corpus source with this id; KeyError says which ids exist."""
        for source in self.sources:
            if source.id == source_id:
                return source
        raise KeyError(f"no source {source_id!r} in this corpus")

    def chain_names(self, claim: CorpusClaim) -> list[str]:
        """The names along a corpus claim's chain, publisher first."""
        return [self.source(s).name for s in claim.chain]

    @cached_property
    def _built(self) -> _Built:
        with _collector_paused():
            return _build(self._analyses, self._words)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """The merge makes many small objects and no cycles; Python's cycle collector would
    walk every one of them again and again (a third of the time at 10,000 articles, and
    more the larger the corpus), so it waits until the merge is done."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _as_analysis(analysis: Analysis | Mapping[str, Any], what: str) -> Analysis:
    if isinstance(analysis, Analysis):
        return analysis
    if not isinstance(analysis, Mapping):
        raise InputError(NOT_MAPPING.format(what=what, type=type(analysis).__name__))
    if analysis.get("id") is not None:
        what = f"analysis {analysis['id']!r}"
    try:
        return Analysis.model_validate(analysis)
    except ValidationError as exc:
        raise InputError(NOT_ANALYSIS.format(what=what, problem=_first_error(exc))) from None


def _first_error(exc: ValidationError) -> str:
    error = exc.errors()[0]
    where = ".".join(str(part) for part in error["loc"])
    more = len(exc.errors()) - 1
    return f"{where}: {error['msg']}" + (f", and {more} more" if more else "")


# --- the merge ------------------------------------------------------------------------


def _build(analyses: Mapping[str, Analysis], words: CorpusWords) -> _Built:
    ordered = sorted(analyses.items())
    identities = merge_sources(ordered, words)
    warnings: list[str] = []
    articles = [_article(article, analysis, identities) for article, analysis in ordered]
    claims = [
        _claim(article, claim, identities, warnings)
        for article, analysis in ordered
        for claim in analysis.claims
    ]
    said = [_said(analysis, claim) for _, analysis in ordered for claim in analysis.claims]
    published = {a.id: a.published for a in articles}
    entries, items = [], []
    for claim, words_said in zip(claims, said, strict=True):
        entry, item = _compared(claim, words_said, published[claim.article], words)
        entries.append(entry)
        items.append(item)
    sources = identities.sources + _unlisted(claims, identities)
    findings = _findings(entries, items, sources)
    document = CorpusDocument(
        articles=articles,
        sources=sorted(sources, key=lambda s: s.id),
        claims=[e.claim for e in entries],
        findings=findings,
        candidate_merges=identities.candidates,
        warnings=warnings,
    )
    graph = build_graph(document.articles, document.sources, document.claims)
    document.graph = nx.node_link_data(graph, edges="edges")
    return _Built(document, graph)


def _article(article: str, analysis: Analysis, identities: Identities) -> CorpusArticle:
    publisher = analysis.publisher
    return CorpusArticle(
        id=article,
        publisher=identities.ids.get((article, publisher)) if publisher else None,
        title=analysis.article.title,
        url=analysis.article.url,
        published=analysis.article.published,
    )


def _claim(article: str, claim: Claim, identities: Identities, warnings: list[str]) -> CorpusClaim:
    chain = []
    for local in claim.chain:
        corpus_id = identities.ids.get((article, local))
        if corpus_id is None:
            warnings.append(UNKNOWN_SOURCE.format(article=article, claim=claim.id, source=local))
            corpus_id = source_id(local, f"own:{article}:{local}")
        chain.append(corpus_id)
    return CorpusClaim(
        id=f"{article}:{claim.id}",
        article=article,
        text=claim.text,
        start=claim.start,
        end=claim.end,
        kind=claim.kind,
        stance=claim.stance,
        chain=chain,
        channel=claim.channel,
    )


def _unlisted(claims: list[CorpusClaim], identities: Identities) -> list[CorpusSource]:
    """A source for each chain member its analysis did not list (warned about), so that
    every id in the document names a source."""
    known = {s.id for s in identities.sources}
    made: dict[str, CorpusSource] = {}
    for claim in claims:
        for corpus_id in claim.chain:
            if corpus_id not in known and corpus_id not in made:
                name = corpus_id.rsplit("-", 1)[0]
                made[corpus_id] = CorpusSource(
                    id=corpus_id,
                    name=name,
                    type="organisation",
                    local=True,
                    articles=[claim.article],
                    members=[f"{claim.article}:{name}"],
                )
    return list(made.values())


def _said(analysis: Analysis, claim: Claim) -> str:
    """What a claim says, without the cue frame that shares its sentence ('"...," Berg said
    on Monday'): the parts of its attributions' contents inside it, or all of its text for
    the publisher's own claims. Outlets frame one quote differently; the quote is the same."""
    wanted = set(claim.attribution_ids)
    pieces = sorted(
        (max(a.content.start, claim.start), min(a.content.end, claim.end))
        for a in analysis.attributions
        if a.id in wanted and a.content.start < claim.end and a.content.end > claim.start
    )
    if not pieces:
        return claim.text
    merged: list[list[int]] = []
    for start, end in pieces:
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return " ".join(claim.text[s - claim.start : e - claim.start] for s, e in merged)


def _compared(
    claim: CorpusClaim, said: str, published: str | None, words: CorpusWords
) -> tuple[Entry, Item]:
    """What the findings and the grouping compare of one claim (normalised once): what it
    says (see :func:`_said`). A claim with no chain has no one to compare, and a claim of
    fewer than MIN_WORDS content words says too little to be told from another story's;
    neither gets words, so neither groups."""
    norm = normalise(said, words)
    wording = " ".join(norm.words)
    masked = content(norm.masked, words) if claim.chain else ()
    if sum(1 for word in masked if word != QUANTITY) < MIN_WORDS:
        masked = ()  # "# people were arrested" could be any story's
    entry = Entry(claim, norm.quantities, wording, published)
    return entry, Item(frozenset(masked), " ".join(masked), wording)


def _findings(
    entries: list[Entry], items: list[Item], sources: list[CorpusSource]
) -> list[Finding]:

    def quotable(i: int, j: int) -> bool:
        a, b = entries[i].claim, entries[j].claim
        return (
            a.kind in QUOTE_KINDS
            and b.kind in QUOTE_KINDS
            and len(a.chain) > 1
            and len(b.chain) > 1
            and a.chain[-1] == b.chain[-1]
            and a.article != b.article
        )

    groups = group(items, quotable)
    context = Context({s.id: s for s in sources})
    facts: dict[int, list[int]] = defaultdict(list)
    quotes: dict[int, list[int]] = defaultdict(list)
    for index, (fact, quote) in enumerate(zip(groups.facts, groups.quotes, strict=True)):
        facts[fact].append(index)
        quotes[quote].append(index)
    found: list[Finding] = []
    for members in facts.values():
        if len(members) > 1:
            found.extend(_fact_findings(entries, members, context))
    for members in quotes.values():
        if len(members) > 1:
            drift = quote_drift([entries[i] for i in members], context)
            if drift is not None:
                found.append(drift)
    order = {kind: rank for rank, kind in enumerate(KINDS)}
    return sorted(found, key=lambda f: (order.get(f.kind, len(order)), f.id))


def _denies(entry: Entry) -> bool:
    return entry.claim.stance == "denies"


def _fact_findings(entries: list[Entry], members: list[int], context: Context) -> list[Finding]:
    """Per statement (same quantities, same stance): who carries it; across statements:
    conflicts. A denial ("the ministry denied that ...") never backs an assertion."""
    statements: dict[tuple[tuple[float, ...], bool], list[int]] = defaultdict(list)
    for index in members:
        entry = entries[index]
        statements[(tuple(sorted(entry.quantities)), _denies(entry))].append(index)
    found: list[Finding] = []
    for indices in statements.values():
        chosen = [entries[i] for i in indices]
        if len({e.claim.article for e in chosen}) > 1:
            group_id = "s-" + text_key("|".join(sorted(e.claim.id for e in chosen)))[:10]
            for i in indices:
                entries[i] = entries[i]._replace(
                    claim=entries[i].claim.model_copy(update={"group": group_id})
                )
            found.extend(statement_findings([entries[i] for i in indices], context))
    asserted = [entries[i] for i in members if not _denies(entries[i])]
    conflict = numeric_conflict(asserted, context)
    if conflict is not None:
        found.append(conflict)
    return found
