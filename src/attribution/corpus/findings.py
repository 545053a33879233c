"""Findings across articles: what a fact-checker should know about claims many outlets carry.

- ``circular_reporting``: outlets carry one statement, but every chain ends in one origin;
- ``corroborated``: the statement has two or more independent origins;
- ``numeric_conflict``: claims about one fact disagree on a quantity;
- ``quote_drift``: one originator's quote is worded differently in different articles;
- ``attribution_conflict``: the same quoted words are given to different originators.

An origin is independent of the others when it does not itself pass the statement on in
another article's chain ("CNN, citing police" makes CNN a relay of the police, not a
second origin).
"""

from __future__ import annotations

import hashlib
import itertools
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from ..models import Finding
from .models import CorpusClaim, CorpusSource

KINDS = (
    "circular_reporting",
    "corroborated",
    "numeric_conflict",
    "quote_drift",
    "attribution_conflict",
)
QUOTE_KINDS = frozenset({"direct", "mixed"})


class Entry(NamedTuple):
    """A claim with what the findings compare."""

    claim: CorpusClaim
    quantities: tuple[float, ...]
    words: str  # normalised wording
    published: str | None


class Context:
    """What findings look up: corpus sources by id, and named sources by (article, type)."""

    def __init__(self, sources: dict[str, CorpusSource]) -> None:
        self.sources = sources
        self.named: dict[tuple[str, str], list[str]] = defaultdict(list)
        for source in sorted(sources.values(), key=lambda s: s.id):
            if not source.local:
                for article in source.articles:
                    self.named[(article, source.type)].append(source.id)

    def name(self, source_id: str) -> str:
        source = self.sources.get(source_id)
        return source.name if source is not None else source_id

    def is_local(self, source_id: str) -> bool:
        source = self.sources.get(source_id)
        return source is None or source.local

    def name_in_article(self, source_id: str) -> str:
        """The name, with the article of a source kept to its article: "police (a3)"."""
        source = self.sources.get(source_id)
        if source is None or not source.local:
            return self.name(source_id)
        return f"{source.name} ({', '.join(source.articles)})"

    def named_in_article(self, source_id: str) -> str | None:
        """The one named source of the same type in a local source's article, if there is
        exactly one: what "the police" most likely stands for there."""
        source = self.sources.get(source_id)
        if source is None or not source.local or len(source.articles) != 1:
            return None
        found = self.named.get((source.articles[0], source.type), [])
        return found[0] if len(found) == 1 else None

    def type(self, source_id: str) -> str:
        source = self.sources.get(source_id)
        return source.type if source is not None else "unknown"

    def chain(self, claim: CorpusClaim) -> list[str]:
        return [self.name(s) for s in claim.chain]


def finding_id(kind: str, claims: Iterable[str]) -> str:
    """Stable: the kind and a hash of the claim ids it points at."""
    digest = hashlib.sha1("|".join(sorted(claims)).encode("utf-8")).hexdigest()[:8]
    return f"{kind}-{digest}"


def _finding(
    kind: str, entries: Sequence[Entry], sources: Iterable[str], message: str, detail: dict
) -> Finding:
    claims = sorted(e.claim.id for e in entries)
    return Finding(
        id=finding_id(kind, claims),
        kind=kind,
        claims=claims,
        sources=sorted(set(sources)),
        message=message,
        detail=detail,
    )


def _articles(entries: Sequence[Entry]) -> list[str]:
    return sorted({e.claim.article for e in entries})


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def _names(context: Context, ids: Iterable[str]) -> str:
    return ", ".join(context.name(i) for i in ids)


def _chains(context: Context, entries: Sequence[Entry]) -> dict[str, list[str]]:
    return {e.claim.id: context.chain(e.claim) for e in sorted(entries, key=lambda e: e.claim.id)}


# --- one statement in many articles ---------------------------------------------------


def origins(entries: Sequence[Entry]) -> list[str]:
    """Independent origins: ends of attributed chains that relay no other chain here."""
    ends = {e.claim.chain[-1] for e in entries if len(e.claim.chain) > 1}
    relays = {s for e in entries for s in e.claim.chain[:-1]}
    return sorted(ends - relays) or sorted(ends)


def _relayers(entries: Sequence[Entry]) -> dict[str, set[str]]:
    """Who passed each origin's words on: the member before it in each chain."""
    found: dict[str, set[str]] = defaultdict(set)
    for entry in entries:
        if len(entry.claim.chain) > 1:
            found[entry.claim.chain[-1]].add(entry.claim.chain[-2])
    return found


Unit = list[str]  # origins that are one source
Cluster = list[Unit]  # units that may be one source


def origin_clusters(found: list[str], entries: Sequence[Entry], context: Context) -> list[Cluster]:
    """Origins grouped by what the text allows. A source kept to its article stands for
    the one named source of its type in that article, if there is one ("the police" beside
    "the Donetsk regional police"). Two such sources of one type that one relayer cites are
    one (Reuters' source in two copies of Reuters' story). Otherwise such a source may be
    any other origin of its type, so its unit joins that origin's cluster. Named origins
    stay apart."""
    relayers = _relayers(entries)
    units: dict[str, Unit] = {o: [o] for o in sorted(found) if not context.is_local(o)}
    loose: list[str] = []
    for origin in sorted(o for o in found if context.is_local(o)):
        named = context.named_in_article(origin)
        if named is None:
            loose.append(origin)
        else:
            units.setdefault(named, [named]).append(origin)
            relayers[named] |= relayers[origin]
    for origin in loose:
        head = next(
            (
                h
                for h in units
                if context.is_local(h)
                and context.type(h) == context.type(origin)
                and relayers[h] & relayers[origin]
            ),
            None,
        )
        if head is None:
            units[origin] = [origin]
        else:
            units[head].append(origin)
    clusters: list[Cluster] = []
    for head in sorted(units, key=lambda h: (context.is_local(h), h)):
        home = next(
            (
                c
                for c in clusters
                if context.is_local(head) and context.type(c[0][0]) == context.type(head)
            ),
            None,
        )
        if home is None:
            clusters.append([units[head]])
        else:
            home.append(units[head])
    return clusters


def statement_findings(entries: Sequence[Entry], context: Context) -> list[Finding]:
    """circular_reporting, corroborated or attribution_conflict for one statement."""
    if len(_articles(entries)) < 2:
        return []
    clusters = origin_clusters(origins(entries), entries, context)
    quoted = sorted(
        {
            e.claim.chain[-1]
            for e in entries
            if e.claim.kind in QUOTE_KINDS
            and len(e.claim.chain) > 1
            and not context.is_local(e.claim.chain[-1])
        }
    )
    if len(quoted) > 1:
        return [_attribution_conflict(entries, quoted, context)]
    publishers = sorted({e.claim.chain[0] for e in entries})
    if len(clusters) == 1 and len(publishers) > 1:
        (origin, *same), *others = clusters[0]
        if others and context.is_local(origin):
            return []  # several unnamed sources of one kind: too unsure to say one or many
        possibly = [o for unit in others for o in unit]
        return [_circular(entries, origin, same, possibly, context)]
    if len(clusters) > 1:
        return [_corroborated(entries, [c[0][0] for c in clusters], context)]
    return []


def _circular(
    entries: Sequence[Entry], origin: str, same: list[str], possibly: list[str], context: Context
) -> Finding:
    ones = (origin, *same, *possibly)
    outlets = sorted({s for e in entries for s in e.claim.chain if s not in ones})
    publishers = sorted({e.claim.chain[0] for e in entries})
    relays = sorted(set(outlets) - set(publishers))
    unsourced = sorted({e.claim.chain[0] for e in entries if len(e.claim.chain) == 1} - {origin})
    message = (
        f"{_plural(len(outlets), 'outlet')} carry this ({_names(context, outlets)}), "
        f"but it has one independent origin: {context.name(origin)}."
    )
    if unsourced:
        verb = "prints" if len(unsourced) == 1 else "print"
        message += f" {_names(context, unsourced)} {verb} it without naming a source."
    if possibly:
        listed = ", ".join(context.name_in_article(o) for o in possibly)
        message += f" Taken to be the same: {listed} (unnamed, of the same kind)."
    detail = {
        "origin": origin,
        "same": same,
        "possibly_same": possibly,
        "outlets": outlets,
        "publishers": publishers,
        "relays": relays,
        "unsourced": unsourced,
        "articles": _articles(entries),
        "chains": _chains(context, entries),
    }
    return _finding("circular_reporting", entries, [origin, *outlets], message, detail)


def _corroborated(entries: Sequence[Entry], found: list[str], context: Context) -> Finding:
    anonymous = [o for o in found if context.is_local(o)]
    message = (
        f"{_plural(len(found), 'independent origin')} back this across "
        f"{_plural(len(_articles(entries)), 'article')}: {_names(context, found)}."
    )
    if anonymous:
        message += f" Unnamed: {_names(context, anonymous)}, so independence is not certain."
    detail = {
        "origins": found,
        "anonymous": anonymous,
        "articles": _articles(entries),
        "chains": _chains(context, entries),
    }
    sources = {s for e in entries for s in e.claim.chain}
    return _finding("corroborated", entries, sources, message, detail)


def _attribution_conflict(entries: Sequence[Entry], quoted: list[str], context: Context) -> Finding:
    by_origin: dict[str, list[str]] = defaultdict(list)
    for entry in sorted(entries, key=lambda e: e.claim.id):
        if entry.claim.kind in QUOTE_KINDS and len(entry.claim.chain) > 1:
            by_origin[entry.claim.chain[-1]].append(entry.claim.id)
    who = "; ".join(f"{context.name(o)} ({', '.join(by_origin[o])})" for o in quoted)
    message = f"The same words are given to {_plural(len(quoted), 'different originator')}: {who}."
    detail = {
        "origins": quoted,
        "claims_by_origin": dict(by_origin),
        "chains": _chains(context, entries),
    }
    sources = {s for e in entries for s in e.claim.chain}
    return _finding("attribution_conflict", entries, sources, message, detail)


# --- one fact, different figures ------------------------------------------------------


def numeric_conflict(entries: Sequence[Entry], context: Context) -> Finding | None:
    """Claims about one fact whose quantities disagree, with times to tell a revision."""
    variants: dict[tuple[float, ...], list[Entry]] = defaultdict(list)
    for entry in entries:
        if entry.quantities:
            variants[tuple(sorted(entry.quantities))].append(entry)
    sizes = {len(key) for key in variants}
    if len(variants) < 2 or len(sizes) != 1 or len(_articles(entries)) < 2:
        return None
    listed = sorted(variants.values(), key=_earliest)
    if len({e.claim.article for group in listed for e in group}) < 2:
        return None
    described = [_variant(group, context) for group in listed]
    every = [e for group in listed for e in group]
    found = origins(every)
    clusters = origin_clusters(found, every, context)
    revision = len(clusters) == 1 and _looks_revised(listed)
    parts = "; ".join(
        f"{_values(v['values'])} ({', '.join(v['articles'])}"
        + (f", {v['published'][0]}" if v["published"] else "")
        + ")"
        for v in described
    )
    message = f"Figures for the same fact disagree: {parts}."
    if revision:
        message += (
            f" All from {context.name(clusters[0][0][0])}, published at different times: "
            "likely a revised figure; check the latest."
        )
    else:
        message += " Not a clear revision: check which figure is right."
    detail = {
        "variants": described,
        "origins": found,
        "revision": revision,
    }
    sources = {s for e in every for s in e.claim.chain}
    return _finding("numeric_conflict", every, sources, message, detail)


def _earliest(group: list[Entry]) -> tuple[int, str, str]:
    times = sorted(e.published for e in group if e.published)
    return (0, times[0], "") if times else (1, "", min(e.claim.id for e in group))


def _values(values: list[float]) -> str:
    return ", ".join(str(int(v)) if v.is_integer() else str(v) for v in values)


def _variant(group: list[Entry], context: Context) -> dict:
    first = min(group, key=lambda e: e.claim.id)
    return {
        "values": list(first.quantities),
        "claims": sorted(e.claim.id for e in group),
        "articles": _articles(group),
        "published": sorted({e.published for e in group if e.published}),
        "chains": _chains(context, group),
    }


def _looks_revised(listed: list[list[Entry]]) -> bool:
    """Every variant dated, and the variants follow one another in time."""
    spans = []
    for group in listed:
        times = [e.published for e in group]
        if not all(times):
            return False
        spans.append((min(times), max(times)))  # type: ignore[type-var]
    return all(a[1] < b[0] for a, b in itertools.pairwise(spans))


# --- one quote, several wordings ------------------------------------------------------


def quote_drift(entries: Sequence[Entry], context: Context) -> Finding | None:
    """Direct quotes of one originator whose wording differs across articles."""
    wordings: dict[str, list[Entry]] = defaultdict(list)
    for entry in entries:
        wordings[entry.words].append(entry)
    if len(wordings) < 2 or len(_articles(entries)) < 2:
        return None
    origin = entries[0].claim.chain[-1]
    listed = sorted(wordings.values(), key=lambda g: min(e.claim.id for e in g))
    variants = [
        {
            "text": min(group, key=lambda e: e.claim.id).claim.text,
            "claims": sorted(e.claim.id for e in group),
            "articles": _articles(group),
            "chains": _chains(context, group),
        }
        for group in listed
    ]
    shown = " / ".join(f"“{v['text']}” ({', '.join(v['articles'])})" for v in variants)
    message = (
        f"{context.name(origin)} is quoted in {_plural(len(variants), 'wording')} across "
        f"{_plural(len(_articles(entries)), 'article')}: {shown}. Check the original words."
    )
    detail = {"origin": origin, "variants": variants}
    sources = {s for e in entries for s in e.claim.chain}
    return _finding("quote_drift", entries, sources, message, detail)
