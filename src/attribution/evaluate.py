"""Scoring attributions against gold annotations, and running the analyzer over a gold file.

The metrics are those of the shared reference scorer (``shared/eval/score.py``), so the
two agree on the same files:

- each gold attribution is paired one-to-one with the prediction whose content overlaps
  it most (greedy, largest overlap first);
- content is right on any overlap (lenient) or at a Dice coefficient of 0.8 (strict);
- source and cue are right when a pair's spans overlap;
- full is right when a pair's sources overlap, or neither side has one.

Gold and predictions share the shape of the JSON contract's ``attributions``: ``source``,
``cue`` and ``content`` spans, with optional ``<part>_spans`` lists for discontinuous
parts. With ``kind``, only gold of that kind is kept, and predictions that overlap only
gold of other kinds are set aside (predictions carry no gold kind of their own).
"""

from __future__ import annotations

import json
import re
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import InputError
from .models import Analysis, Attribution

if TYPE_CHECKING:
    from spacy.language import Language

    from .analyzer import Analyzer
    from .rules import RuleSet

Interval = tuple[int, int]
Record = Mapping[str, Any]

METRICS = ("content_lenient", "content_strict", "source", "cue", "full")
KINDS = ("direct", "indirect", "mixed")
STRICT_DICE = 0.8
RELAY = "relay"  # the category the error analysis gives relay words ("citing")
CONTEXT_CHARS = 150
_PARAGRAPH_BREAK = re.compile(r"\s*\n\s*")
_OPENING_MARKS = "\"“‘'«„"


# --- spans -------------------------------------------------------------------------------


def spans(attribution: Record, part: str) -> tuple[Interval, ...]:
    """The intervals of one part ("source", "cue", "content"); ``<part>_spans`` wins."""
    many = attribution.get(f"{part}_spans")
    if many:
        return tuple((s["start"], s["end"]) for s in many)
    one = attribution.get(part)
    return ((one["start"], one["end"]),) if one else ()


def overlap(a: Sequence[Interval], b: Sequence[Interval]) -> int:
    """Characters shared by two sets of intervals, counted fragment by fragment."""
    return sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a for s2, e2 in b)


def size(a: Sequence[Interval]) -> int:
    return sum(end - start for start, end in a)


def _overlaps(a: Record, b: Record, part: str) -> bool:
    return overlap(spans(a, part), spans(b, part)) > 0


# --- counting ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PRF:
    """Precision, recall and F1 from a true-positive count and the two totals."""

    tp: int
    pred: int
    gold: int

    @property
    def p(self) -> float:
        return self.tp / self.pred if self.pred else 0.0

    @property
    def r(self) -> float:
        return self.tp / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.p, self.r
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {
            "p": round(self.p, 4),
            "r": round(self.r, 4),
            "f1": round(self.f1, 4),
            "tp": self.tp,
            "pred": self.pred,
            "gold": self.gold,
        }


@dataclass(slots=True)
class Counts:
    """The tallies every metric is computed from; they add up across documents."""

    gold: int = 0
    pred: int = 0
    pairs: int = 0
    strict: int = 0
    source_gold: int = 0
    source_pred: int = 0
    source_tp: int = 0
    cue_gold: int = 0
    cue_pred: int = 0
    cue_tp: int = 0
    full_tp: int = 0

    def __iadd__(self, other: Counts) -> Counts:
        for name in self.__slots__:
            setattr(self, name, getattr(self, name) + getattr(other, name))
        return self

    def metrics(self) -> dict[str, PRF]:
        return {
            "content_lenient": PRF(self.pairs, self.pred, self.gold),
            "content_strict": PRF(self.strict, self.pred, self.gold),
            "source": PRF(self.source_tp, self.source_pred, self.source_gold),
            "cue": PRF(self.cue_tp, self.cue_pred, self.cue_gold),
            "full": PRF(self.full_tp, self.pred, self.gold),
        }

    def as_dict(self) -> dict[str, dict[str, float | int]]:
        return {name: prf.as_dict() for name, prf in self.metrics().items()}


# --- pairing -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Pair:
    """A gold attribution (by index) paired with a prediction, and what each part got."""

    gold: int
    pred: int
    overlap: int
    dice: float
    source_ok: bool
    cue_ok: bool
    full_ok: bool

    @property
    def strict(self) -> bool:
        return self.dice >= STRICT_DICE


def _pair(gold: Record, pred: Record, gi: int, pi: int, shared: int) -> Pair:
    g_src, p_src = spans(gold, "source"), spans(pred, "source")
    g_cue, p_cue = spans(gold, "cue"), spans(pred, "cue")
    source_ok = bool(g_src) and bool(p_src) and overlap(g_src, p_src) > 0
    return Pair(
        gold=gi,
        pred=pi,
        overlap=shared,
        dice=2 * shared / (size(spans(gold, "content")) + size(spans(pred, "content"))),
        source_ok=source_ok,
        cue_ok=bool(g_cue) and bool(p_cue) and overlap(g_cue, p_cue) > 0,
        full_ok=source_ok or (not g_src and not p_src),
    )


def pair_greedy(gold: Sequence[Record], pred: Sequence[Record]) -> list[Pair]:
    """One-to-one pairs by content overlap, the largest first.

    Ties go to the later gold, then the later prediction: the reference scorer sorts
    ``(overlap, gold index, pred index)`` tuples in reverse, and so do we.
    """
    candidates = []
    for gi, g in enumerate(gold):
        g_content = spans(g, "content")
        for pi, p in enumerate(pred):
            shared = overlap(g_content, spans(p, "content"))
            if shared > 0:
                candidates.append((shared, gi, pi))
    candidates.sort(reverse=True)
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs = []
    for shared, gi, pi in candidates:
        if gi in used_gold or pi in used_pred:
            continue
        used_gold.add(gi)
        used_pred.add(pi)
        pairs.append(_pair(gold[gi], pred[pi], gi, pi, shared))
    return pairs


@dataclass(slots=True)
class DocMatch:
    """One document's scored attributions (after the kind filter) and their pairs."""

    id: str
    gold: list[Record]
    pred: list[Record]
    pairs: list[Pair]

    @property
    def unpaired_gold(self) -> list[int]:
        paired = {p.gold for p in self.pairs}
        return [i for i in range(len(self.gold)) if i not in paired]

    @property
    def unpaired_pred(self) -> list[int]:
        paired = {p.pred for p in self.pairs}
        return [i for i in range(len(self.pred)) if i not in paired]

    def counts(self) -> Counts:
        return Counts(
            gold=len(self.gold),
            pred=len(self.pred),
            pairs=len(self.pairs),
            strict=sum(p.strict for p in self.pairs),
            source_gold=sum(1 for a in self.gold if spans(a, "source")),
            source_pred=sum(1 for a in self.pred if spans(a, "source")),
            source_tp=sum(p.source_ok for p in self.pairs),
            cue_gold=sum(1 for a in self.gold if spans(a, "cue")),
            cue_pred=sum(1 for a in self.pred if spans(a, "cue")),
            cue_tp=sum(p.cue_ok for p in self.pairs),
            full_tp=sum(p.full_ok for p in self.pairs),
        )


def _select_kind(
    gold: list[Record], pred: list[Record], kind: str
) -> tuple[list[Record], list[Record]]:
    """Gold of ``kind``, and every prediction except those overlapping only other gold."""
    kept = [g for g in gold if g.get("kind") == kind]
    other = [g for g in gold if g.get("kind") != kind]
    pred = [
        p
        for p in pred
        if not any(_overlaps(p, o, "content") for o in other)
        or any(_overlaps(p, g, "content") for g in kept)
    ]
    return kept, pred


def match_doc(
    doc_id: str,
    gold: Iterable[Record],
    pred: Iterable[Record],
    kind: str | None = None,
) -> DocMatch:
    """Pair one document's gold and predicted attributions (those with content)."""
    gold = [a for a in gold if spans(a, "content")]
    pred = [a for a in pred if spans(a, "content")]
    if kind:
        gold, pred = _select_kind(gold, pred, kind)
    return DocMatch(doc_id, gold, pred, pair_greedy(gold, pred))


def _by_id(docs: Mapping[str, Record] | Iterable[Record]) -> dict[str, Record]:
    if isinstance(docs, Mapping):
        return dict(docs)
    return {doc["id"]: doc for doc in docs}


def match_docs(
    gold_docs: Mapping[str, Record] | Iterable[Record],
    pred_docs: Mapping[str, Record] | Iterable[Record],
    kind: str | None = None,
) -> list[DocMatch]:
    """Every gold document matched with the predictions of the same id (none if absent)."""
    gold, pred = _by_id(gold_docs), _by_id(pred_docs)
    return [
        match_doc(
            doc_id,
            doc.get("attributions", []),
            pred.get(doc_id, {}).get("attributions", []),
            kind,
        )
        for doc_id, doc in gold.items()
    ]


def total(matches: Iterable[DocMatch]) -> Counts:
    counts = Counts()
    for match in matches:
        counts += match.counts()
    return counts


def score(
    gold_docs: Mapping[str, Record] | Iterable[Record],
    pred_docs: Mapping[str, Record] | Iterable[Record],
    kind: str | None = None,
) -> dict[str, dict[str, float | int]]:
    """P/R/F1 for content (lenient, strict), source, cue and full, as score.py reports them.

    Documents are ``{"id": ..., "attributions": [...]}``, given as a mapping by id or as
    an iterable. Only gold documents are scored; a missing prediction counts as empty.
    """
    return total(match_docs(gold_docs, pred_docs, kind)).as_dict()


# --- predictions from an analysis --------------------------------------------------------


def predictions(analysis: Analysis, text: str | None = None) -> list[dict[str, Any]]:
    """The attributions to score, one per stretch of text, as PolNeAR annotates them.

    PolNeAR gives each token to at most one attribution, so:

    - a relay ("CNN reported, citing police, that...") gives links over the same content,
      the inner naming the outer in ``relayed_by``: only the innermost is kept;
    - a link whose cue lies inside another kept link's content ("Cook told reporters
      that Carter believes...") is left to that outer link, which covers its tokens;
    - with the article's ``text``, a quote that goes on the previous speaker's words in
      the same paragraph (a link with no source or cue of its own, the same
      ``source_id``), or opens the next paragraph right after a quote and its cue, joins
      that speaker's attribution as a further ``content_spans`` fragment, as in
      ``"...," she said. "..."``. Without ``text`` nothing is joined.
    """
    attributions = analysis.attributions
    groups: dict[Interval, list[int]] = {}
    for index, attribution in enumerate(attributions):
        groups.setdefault((attribution.content.start, attribution.content.end), []).append(index)
    innermost = [_innermost(attributions, group) for group in groups.values()]
    keep = sorted(_outside_other_contents(attributions, innermost))
    records = _join_shared_cues([attributions[i].model_dump(mode="json") for i in keep])
    return records if text is None else _join_continued_quotes(records, text)


def _join_shared_cues(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One statement on both sides of its cue ("The plan, he said, would cost millions")
    is two links with one cue and one source; PolNeAR marks it as one attribution with two
    content fragments, so they are scored as one."""
    first: dict[tuple[int, int, str | None], dict[str, Any]] = {}
    joined: set[int] = set()
    order = sorted(range(len(records)), key=lambda i: records[i]["content"]["start"])
    for i in order:
        record = records[i]
        cue = record.get("cue")
        if cue is None:
            continue
        key = (cue["start"], cue["end"], record.get("source_id"))
        if key in first:
            fragments = first[key].setdefault("content_spans", [first[key]["content"]])
            fragments.append(record["content"])
            joined.add(i)
        else:
            first[key] = record
    return [record for i, record in enumerate(records) if i not in joined]


def _outside_other_contents(attributions: Sequence[Attribution], indices: list[int]) -> list[int]:
    """The links whose cue is not inside a kept link's content, the widest content first."""

    def width(i: int) -> int:
        return attributions[i].content.end - attributions[i].content.start

    kept: list[int] = []
    for i in sorted(indices, key=lambda i: (-width(i), i)):
        cue = attributions[i].cue
        if cue is None or not any(
            attributions[k].content.start < cue.end and cue.start < attributions[k].content.end
            for k in kept
        ):
            kept.append(i)
    return kept


def _join_continued_quotes(records: list[dict[str, Any]], text: str) -> list[dict[str, Any]]:
    """Join each cue-less quote to the attribution it goes on: the one before it, or,
    when that one is the same speaker's reported clause ('"...," she said, adding that
    .... "..."'), the speaker's quoted words before it."""
    joined: set[int] = set()
    order = sorted(range(len(records)), key=lambda i: records[i]["content"]["start"])
    previous: dict[str, Any] | None = None
    quoted: dict[str, dict[str, Any]] = {}  # each speaker's latest quoted words
    for i in order:
        record = records[i]
        target = previous
        if target is not None and target.get("kind") == "indirect":
            target = quoted.get(record.get("source_id") or "", target)
        if target is not None and _continues(target, record, text):
            fragments = target.setdefault("content_spans", [target["content"]])
            fragments.append(record["content"])
            joined.add(i)
            continue
        previous = record
        if record.get("kind") != "indirect" and record.get("source_id"):
            quoted[record["source_id"]] = record
    return [record for i, record in enumerate(records) if i not in joined]


def _continues(previous: Record, record: Record, text: str) -> bool:
    """Whether ``record`` is a cue-less quote going on ``previous`` in the same paragraph,
    or opening the next one right after a quote and its cue ("...," she said. / "..."):
    PolNeAR joins both."""
    if record["source"] is not None or record["cue"] is not None:
        return False
    if record.get("source_id") is None or record.get("source_id") != previous.get("source_id"):
        return False
    gap_start = spans(previous, "content")[-1][1]
    gap_end = record["content"]["start"]
    if gap_start > gap_end:
        return False
    gap = text[gap_start:gap_end]
    breaks = list(_PARAGRAPH_BREAK.finditer(gap))
    if not breaks:
        return True
    cue = previous.get("cue")
    return (
        len(breaks) == 1
        and previous.get("kind") == "direct"
        and record.get("kind") == "direct"
        and cue is not None
        and gap_start <= cue["start"] < gap_start + breaks[0].start()
        and not gap[breaks[0].end() :].strip(_OPENING_MARKS)
    )


def _innermost(attributions: Sequence[Attribution], group: list[int]) -> int:
    """The member no other member names as its relayer.

    Two links over one content that are not a chain (two cues claimed the same quote)
    are told apart by depth in the chain, then confidence, then the cue nearer the content.
    """
    by_id = {attributions[i].id: i for i in group}
    named = {attributions[i].relayed_by for i in group}
    candidates = [i for i in group if attributions[i].id not in named] or group

    def depth(i: int) -> int:
        seen = {i}
        outer = by_id.get(attributions[i].relayed_by or "")
        while outer is not None and outer not in seen:
            seen.add(outer)
            outer = by_id.get(attributions[outer].relayed_by or "")
        return len(seen)

    def rank(i: int) -> tuple[int, float, int, int]:
        attribution = attributions[i]
        return (depth(i), attribution.confidence, -_cue_distance(attribution), -i)

    return max(candidates, key=rank)


def _cue_distance(attribution: Attribution) -> int:
    cue, content = attribution.cue, attribution.content
    if cue is None:
        return 1 << 30
    return max(0, cue.start - content.end, content.start - cue.end)


# --- error analysis ----------------------------------------------------------------------


@dataclass(frozen=True)
class CueLexicon:
    """What the rule set knows about cue words, to guess why an attribution went wrong."""

    lemma_category: Mapping[str, str]
    wide_categories: frozenset[str]
    evidentials: Mapping[str, str]
    pronouns: frozenset[str]

    @classmethod
    def from_rules(cls, rules: RuleSet) -> CueLexicon:
        lemma_category = {
            lemma.lower(): entry.category for entry in rules.cue_verbs for lemma in entry.lemmas
        }
        for relay in rules.relays:
            for lemma in relay.lemmas:
                lemma_category.setdefault(lemma.lower(), RELAY)
        wide = frozenset(rules.scope_categories("all") - rules.scope_categories("speech"))
        evidentials = {
            _normal(phrase): entry.key for entry in rules.evidentials for phrase in entry.phrases
        }
        pronouns = frozenset(form.lower() for p in rules.pronouns for form in p.forms)
        return cls(lemma_category, wide, evidentials, pronouns)

    def evidential(self, cue: str) -> str | None:
        """The key of the evidential phrase in a cue ("according_to"), if any."""
        padded = f" {_normal(cue)} "
        return next((k for phrase, k in self.evidentials.items() if f" {phrase} " in padded), None)

    def category(self, lemmas: Iterable[str]) -> str | None:
        """The rule category of the first cue lemma the rule set knows."""
        return next((self.lemma_category[x] for x in lemmas if x in self.lemma_category), None)

    def is_pronoun(self, text: str) -> bool:
        return _normal(text) in self.pronouns


def _normal(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def lemmatizer(nlp: Language) -> Callable[[Sequence[str]], dict[str, tuple[str, ...]]]:
    """Lemmas of short texts (gold cues) from the pipeline's tagger and lemmatizer only."""
    keep = {"tok2vec", "tagger", "attribute_ruler", "lemmatizer"}
    disable = [name for name in nlp.pipe_names if name not in keep]

    def lemmatize(texts: Sequence[str]) -> dict[str, tuple[str, ...]]:
        unique = list(dict.fromkeys(texts))
        docs = nlp.pipe(unique, disable=disable)
        return {
            text: tuple(t.lemma_.lower() for t in doc) + tuple(t.lower_ for t in doc)
            for text, doc in zip(unique, docs, strict=True)
        }

    return lemmatize


def _part(text: str, attribution: Record, name: str) -> dict[str, Any] | None:
    intervals = spans(attribution, name)
    if not intervals:
        return None
    return {
        "start": min(s for s, _ in intervals),
        "end": max(e for _, e in intervals),
        "text": " … ".join(text[s:e] for s, e in intervals),
    }


def _parts(text: str, attribution: Record | None) -> dict[str, Any] | None:
    if attribution is None:
        return None
    parts = {name: _part(text, attribution, name) for name in ("source", "cue", "content")}
    category = attribution.get("category")
    return {**parts, "category": category} if category else parts


def _context(text: str, *attributions: Record | None) -> str:
    anchors = [
        spans(a, part)[0][0]
        for a in attributions
        if a is not None
        for part in ("cue", "content")
        if spans(a, part)
    ]
    anchor = anchors[0] if anchors else 0
    start = max(0, anchor - CONTEXT_CHARS // 2)
    return " ".join(text[start : start + CONTEXT_CHARS].split())


def _gold_cue_text(gold: Record, text: str) -> str:
    return " ".join(text[s:e] for s, e in spans(gold, "cue"))


def _gold_tags(
    gold: Record, text: str, lexicon: CueLexicon, lemmas: Mapping[str, tuple[str, ...]]
) -> list[str]:
    tags = []
    cue = _gold_cue_text(gold, text)
    if not cue:
        tags.append("no_cue")
    elif evidential := lexicon.evidential(cue):
        tags.append(evidential)
    elif category := lexicon.category(lemmas.get(cue, ())):
        tags.append(category)
    else:
        tags.append("unknown_cue")
    source = spans(gold, "source")
    if source and all(lexicon.is_pronoun(text[s:e]) for s, e in source):
        tags.append("pronoun_source")
    return tags


def _miss_category(tags: list[str], overlapped: bool, lexicon: CueLexicon) -> str:
    """Why a gold attribution went unpaired, most telling reason first."""
    first = tags[0]
    if first in lexicon.evidentials.values() or first in lexicon.wide_categories:
        return first
    if overlapped:
        return "merged_content"
    if first == "no_cue":
        return "no_cue"
    if first == "unknown_cue":
        return "missed_cue"
    return "missed_link"


def _pair_category(pair: Pair, gold: Record, pred: Record, tags: list[str]) -> tuple[str, str]:
    if not pair.full_ok:
        has_gold, has_pred = bool(spans(gold, "source")), bool(spans(pred, "source"))
        if has_gold and not has_pred:
            return "wrong_source", "missing_source"
        if has_pred and not has_gold:
            return "wrong_source", "extra_source"
        if "pronoun_source" in tags:
            return "wrong_source", "pronoun_source"
        return "wrong_source", "wrong_source"
    return "content_boundary", "content_boundary"


def diagnose(
    match: DocMatch,
    text: str,
    lexicon: CueLexicon,
    lemmas: Mapping[str, tuple[str, ...]],
) -> Iterator[dict[str, Any]]:
    """Every miss, false alarm, wrong-source pair and loose content pair of one document.

    Each record has the article id, a ``type`` (what the scorer saw), a coarse
    ``category`` (a guess at why), ``tags``, both sides' spans and some context.
    ``lemmas`` maps gold cue texts to their lemmas (see :func:`lemmatizer`).
    """

    def record(kind: str, category: str, tags, gold, pred, **extra) -> dict[str, Any]:
        return {
            "doc": match.id,
            "type": kind,
            "category": category,
            "tags": tags,
            "gold": _parts(text, gold),
            "pred": _parts(text, pred),
            **extra,
            "context": _context(text, gold, pred),
        }

    paired_gold = {p.gold for p in match.pairs}
    for gi in match.unpaired_gold:
        gold = match.gold[gi]
        tags = _gold_tags(gold, text, lexicon, lemmas)
        overlapped = any(_overlaps(gold, p, "content") for p in match.pred)
        yield record("miss", _miss_category(tags, overlapped, lexicon), tags, gold, None)
    for pair in match.pairs:
        if pair.full_ok and pair.strict:
            continue
        gold, pred = match.gold[pair.gold], match.pred[pair.pred]
        tags = _gold_tags(gold, text, lexicon, lemmas)
        if not pair.strict:
            longer = size(spans(pred, "content")) > size(spans(gold, "content"))
            tags.append("content_too_long" if longer else "content_too_short")
        if not pair.cue_ok:
            tags.append("wrong_cue")
        kind, category = _pair_category(pair, gold, pred, tags)
        yield record(kind, category, tags, gold, pred, dice=round(pair.dice, 3))
    for pi in match.unpaired_pred:
        pred = match.pred[pi]
        split = any(_overlaps(pred, match.gold[g], "content") for g in paired_gold)
        category = "split_content" if split else "false_alarm"
        tags = [pred.get("category") or "uncategorised"]
        yield record("false_alarm", category, tags, None, pred)


def gold_cues(matches: Iterable[DocMatch], texts: Mapping[str, str]) -> list[str]:
    """The gold cue texts the error analysis will look up."""
    return [cue for m in matches for g in m.gold if (cue := _gold_cue_text(g, texts[m.id]))]


# --- the evaluation run ------------------------------------------------------------------


def load_gold(path: str | Path, limit: int | None = None) -> list[dict[str, Any]]:
    """Articles from a gold JSONL file (``id``, ``text``, ``attributions`` on each line).

    Raises InputError, naming the file and line, when it cannot be read or used.
    """
    path = Path(path)
    if not path.is_file():
        raise InputError(f"gold file not found: {path}")
    docs: dict[str, dict[str, Any]] = {}
    try:
        with path.open(encoding="utf-8") as lines:
            for number, line in enumerate(lines, 1):
                if limit is not None and len(docs) >= limit:
                    break
                if not line.strip():
                    continue
                doc = _gold_doc(line, f"{path}:{number}")
                docs[doc["id"]] = doc
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read gold file {path}: {exc}") from None
    if not docs:
        raise InputError(f"no articles in gold file {path}")
    return list(docs.values())


def _gold_doc(line: str, where: str) -> dict[str, Any]:
    try:
        doc = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(f"{where}: not valid JSON ({exc.msg})") from None
    if not isinstance(doc, dict):
        raise InputError(f"{where}: expected a JSON object per line")
    missing = [k for k in ("id", "text", "attributions") if k not in doc]
    if missing:
        raise InputError(f"{where}: an article needs {', '.join(missing)}")
    if not isinstance(doc["text"], str) or not isinstance(doc["attributions"], list):
        raise InputError(f"{where}: 'text' must be a string and 'attributions' a list")
    return doc


@dataclass
class Report:
    """What an evaluation run measured."""

    metrics: dict[str, dict[str, float | int]]
    docs: int
    seconds: float
    kind: str | None = None
    scope: str | None = None
    errors: Counter[str] = field(default_factory=Counter)
    errors_path: Path | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "docs": self.docs,
            "seconds": round(self.seconds, 2),
            "kind": self.kind,
            "scope": self.scope,
            "metrics": self.metrics,
            "errors": dict(self.errors.most_common()),
            "errors_path": str(self.errors_path) if self.errors_path else None,
        }


def run(
    gold_path: str | Path,
    analyzer: Analyzer,
    limit: int | None = None,
    kind: str | None = None,
    errors_path: str | Path | None = None,
    *,
    on_doc: Callable[[int, int], None] | None = None,
) -> Report:
    """Analyse the gold texts with ``analyzer.pipe`` and score the predictions.

    ``limit`` keeps the first articles only; ``kind`` scores one gold kind; with
    ``errors_path``, every miss, false alarm and faulty pair goes there as JSONL.
    ``on_doc(done, total)`` is called after each article (for a progress bar).
    """
    if kind is not None and kind not in KINDS:
        raise ValueError(f"kind must be one of {', '.join(KINDS)}, not {kind!r}")
    gold = load_gold(gold_path, limit)
    started = time.perf_counter()
    predicted: dict[str, dict[str, Any]] = {}
    analyses = analyzer.pipe((doc["text"], {"id": doc["id"]}) for doc in gold)
    for done, (doc, analysis) in enumerate(zip(gold, analyses, strict=True), 1):
        attributions = predictions(analysis, doc["text"])
        predicted[doc["id"]] = {"id": doc["id"], "attributions": attributions}
        if on_doc is not None:
            on_doc(done, len(gold))
    seconds = time.perf_counter() - started
    matches = match_docs(gold, predicted, kind)
    report = Report(
        total(matches).as_dict(),
        docs=len(gold),
        seconds=seconds,
        kind=kind,
        scope=analyzer.scope,
    )
    if errors_path is not None:
        report.errors_path = Path(errors_path)
        report.errors = write_errors(report.errors_path, matches, gold, analyzer)
    return report


def write_errors(
    path: Path, matches: Sequence[DocMatch], gold: Sequence[Record], analyzer: Analyzer
) -> Counter[str]:
    """Write every error record as JSONL; return the counts by category."""
    texts = {doc["id"]: doc["text"] for doc in gold}
    lexicon = CueLexicon.from_rules(analyzer.rules)
    lemmas = lemmatizer(analyzer.nlp)(gold_cues(matches, texts))
    counts: Counter[str] = Counter()
    try:
        with path.open("w", encoding="utf-8") as out:
            for match in matches:
                for item in diagnose(match, texts[match.id], lexicon, lemmas):
                    counts[item["category"]] += 1
                    out.write(json.dumps(item, ensure_ascii=False) + "\n")
    except OSError as exc:
        raise InputError(f"cannot write errors file {path}: {exc}") from None
    return counts
