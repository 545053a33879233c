"""One identity per real-world source across articles.

Each article's sources are merged into corpus sources by what the text says about them:

- outlets by the gazetteer's canonical name, or by their own name;
- people by name: full names that agree, and a bare surname when exactly one full name
  in the corpus carries it (with two candidates it stays apart, as a candidate merge);
- bodies by the words that single them out ("the Donetsk regional police" and "Donetsk
  police" share {donetsk, police});
- generic and anonymous sources ("police", "officials", "a source") never merge across
  articles: each stays the source of its own article.

Ids are hashed from what identifies the source, so the same articles in any order give
the same ids.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from functools import cache
from typing import NamedTuple

from nameparser.config import CONSTANTS

from ..models import Analysis, Source
from ..stages.ids import slug
from .models import CandidateMerge, CorpusSource
from .words import CorpusWords, bare

OUTLET_TYPES = frozenset({"news_agency", "news_outlet"})
_WORD = re.compile(r"[^\W_]+", re.UNICODE)

MemberKey = tuple[str, str]  # (article id, the article's own source id)


class Member(NamedTuple):
    """One article's source, as the merge sees it."""

    article: str
    source: Source

    @property
    def key(self) -> MemberKey:
        return (self.article, self.source.id)


class Identities(NamedTuple):
    """The merge's result: corpus sources, each member's corpus id, and the doubts."""

    sources: list[CorpusSource]
    ids: dict[MemberKey, str]
    candidates: list[CandidateMerge]


def source_id(name: str, key: str) -> str:
    """A readable, stable id: the name's slug and a short hash of the identity key."""
    digest = hashlib.sha1(key.encode("utf-8")).hexdigest()[:6]
    return f"{slug(name)}-{digest}"


def merge_sources(analyses: Iterable[tuple[str, Analysis]], words: CorpusWords) -> Identities:
    """Corpus sources for the sources of every (article id, analysis), in a stable order."""
    members = [
        Member(article, source) for article, analysis in analyses for source in analysis.sources
    ]
    outlets = {bare(m.source.name) for m in members if m.source.type in OUTLET_TYPES}
    keys: dict[MemberKey, str] = {}
    people: list[Member] = []
    for member in members:
        key = _key(member, words, outlets)
        if key is None:
            people.append(member)
        else:
            keys[member.key] = key
    doubts = _key_people(people, keys)
    return _build(members, keys, doubts)


def _key(member: Member, words: CorpusWords, outlets: set[str]) -> str | None:
    """The identity key of a non-person source; None for a person (merged by name)."""
    source = member.source
    if source.anonymous or source.type in ("anonymous", "article"):
        return _own(member)
    known = _known(source, words)
    if known is not None:
        return f"known:{bare(known)}"
    outlet = _outlet_name(source, outlets)
    if outlet is not None:
        return f"outlet:{outlet}"
    if source.type == "person" or _bare_name(source, words):
        return None
    qualified = _qualified(source, words)
    return f"body:{qualified}" if qualified else _own(member)


def _own(member: Member) -> str:
    """The key of a source that belongs to its article alone."""
    return f"own:{member.article}:{member.source.id}"


def _names(source: Source) -> list[str]:
    return [source.name, *source.aliases]


def _known(source: Source, words: CorpusWords) -> str | None:
    """The gazetteer's canonical name for any of the source's names ("AP", "the AP")."""
    for name in _names(source):
        for form in (name.casefold(), bare(name)):
            if form in words.outlets:
                return words.outlets[form]
    return None


def _outlet_name(source: Source, outlets: set[str]) -> str | None:
    """An outlet's normalised name, also where another article types the same name as an
    outlet (as its publisher)."""
    name = bare(source.name)
    return name if source.type in OUTLET_TYPES or name in outlets else None


def _bare_name(source: Source, words: CorpusWords) -> bool:
    """A one-word proper name the analysis typed loosely ("Ruiz" as an organisation)."""
    tokens = _WORD.findall(source.name)
    return (
        source.type == "organisation"
        and len(tokens) == 1
        and tokens[0][:1].isupper()
        and not tokens[0].isupper()
        and not words.is_filler(tokens[0].casefold())
        and words.head(tokens[0].casefold()) is None
    )


def qualifiers(name: str, words: CorpusWords) -> tuple[frozenset[str], frozenset[str]]:
    """(qualifying words, head nouns) of a body's name: "the Donetsk regional police"
    gives ({donetsk}, {police}); "Police officials" gives ((), {police, official})."""
    quals: set[str] = set()
    heads: set[str] = set()
    for token in _WORD.findall(name.casefold()):
        head = words.head(token)
        if head is not None:
            heads.add(head)
        elif not words.is_filler(token):
            quals.add(token[:-1] if token.endswith("s") and not token.endswith("ss") else token)
    return frozenset(quals), frozenset(heads)


def is_generic(name: str, words: CorpusWords) -> bool:
    """True when the name singles no one out: only heads, modifiers and function words."""
    return not qualifiers(name, words)[0]


def _qualified(source: Source, words: CorpusWords) -> str | None:
    """The key words of the most specific name a source has, or None when all are generic."""
    best: frozenset[str] = frozenset()
    for name in _names(source):
        quals, heads = qualifiers(name, words)
        if quals and len(quals | heads) > len(best):
            best = quals | heads
    return " ".join(sorted(best)) if best else None


# --- people ---------------------------------------------------------------------------


class _Name(NamedTuple):
    first: str
    last: str


@cache
def _name_words() -> tuple[frozenset[str], frozenset[str]]:
    """Titles and suffixes from nameparser's well-kept lists (its full parser is slow)."""
    suffixes = set(CONSTANTS.suffix_acronyms) | set(CONSTANTS.suffix_not_acronyms)
    return frozenset(CONSTANTS.titles), frozenset(suffixes)


@cache
def _parse(name: str) -> _Name:
    """First and last name, titles and suffixes dropped ("Dr. Anna Berg Jr." -> anna, berg)."""
    titles, suffixes = _name_words()
    tokens = [t.casefold().strip(".,") for t in name.split()]
    tokens = [t for t in tokens if t]
    while len(tokens) > 1 and tokens[0] in titles:
        tokens = tokens[1:]
    while len(tokens) > 1 and tokens[-1] in suffixes:
        tokens = tokens[:-1]
    if not tokens:
        return _Name("", "")
    if len(tokens) == 1:
        return _Name("", tokens[0])
    return _Name(tokens[0], tokens[-1])


class _Doubt(NamedTuple):
    member: MemberKey
    could_be: list[str]  # identity keys of the people it could be
    reason: str


def _key_people(people: list[Member], keys: dict[MemberKey, str]) -> list[_Doubt]:
    """Keys for people by surname; an ambiguous bare surname stays in its article."""
    by_last: dict[str, list[tuple[Member, _Name]]] = defaultdict(list)
    for member in people:
        parsed = _parse(member.source.name)
        by_last[parsed.last].append((member, parsed))
    doubts: list[_Doubt] = []
    for last, group in sorted(by_last.items()):
        firsts = sorted({name.first for _, name in group if len(name.first) > 1})
        for member, name in group:
            first = _resolve_first(name.first, firsts)
            if first is not None:
                keys[member.key] = _person_key(first, last)
                continue
            keys[member.key] = _own(member)
            could_be = [_person_key(f, last) for f in firsts if f.startswith(name.first)]
            reason = (
                f"{member.source.name!r} in {member.article} has the surname of "
                f"{len(could_be)} people in the corpus; kept apart"
            )
            doubts.append(_Doubt(member.key, could_be, reason))
    return doubts


def _person_key(first: str, last: str) -> str:
    return f"person:{first} {last}" if first else f"person:{last}"


def _resolve_first(first: str, firsts: list[str]) -> str | None:
    """The full first name that a full, initial or missing first name stands for; None
    when several people could be meant."""
    if len(first) > 1:
        return first
    matching = [f for f in firsts if f.startswith(first)]
    if len(matching) == 1:
        return matching[0]
    return first if not matching else None


# --- building -------------------------------------------------------------------------


def _build(members: list[Member], keys: dict[MemberKey, str], doubts: list[_Doubt]) -> Identities:
    grouped: dict[str, list[Member]] = defaultdict(list)
    for member in members:
        grouped[keys[member.key]].append(member)
    ids: dict[MemberKey, str] = {}
    by_key: dict[str, str] = {}
    sources: list[CorpusSource] = []
    for key, group in grouped.items():
        source = _corpus_source(key, group)
        sources.append(source)
        by_key[key] = source.id
        for member in group:
            ids[member.key] = source.id
    sources.sort(key=lambda s: s.id)
    candidates = [
        CandidateMerge(
            sources=[ids[doubt.member], *sorted(by_key[k] for k in doubt.could_be)],
            reason=doubt.reason,
        )
        for doubt in doubts
    ]
    candidates.sort(key=lambda c: c.sources)
    return Identities(sources, ids, candidates)


def _corpus_source(key: str, members: list[Member]) -> CorpusSource:
    """One corpus source: the fullest name, the commonest type, every other name an alias."""
    names = sorted({n for m in members for n in _names(m.source)})
    name = max((m.source.name for m in members), key=lambda n: (len(n), n))
    types = Counter(m.source.type for m in members)
    kind = min(types, key=lambda t: (-types[t], t))
    if key.startswith("person:"):
        kind = "person"
    return CorpusSource(
        id=source_id(name, key),
        name=name,
        aliases=[n for n in names if n != name],
        type=kind,
        anonymous=any(m.source.anonymous for m in members),
        local=key.startswith("own:"),
        articles=sorted({m.article for m in members}),
        members=sorted(f"{m.article}:{m.source.id}" for m in members),
    )
