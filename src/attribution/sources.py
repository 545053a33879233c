"""Sources: mentions become one canonical Source per real-world source.

Alias merging ("Ukrainian President Volodymyr Zelensky", "Zelensky"), pronouns ("he"
-> the nearest compatible earlier speaker or named entity, never a source of its own),
typing from the rule set (news agency, police, anonymous...) and roles. Pronoun and
continued links inherit the relay of the speaker's previous link, and are marked
inferred.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Span

from .ids import slug
from .models import Article, Source
from .models import Span as TextSpan
from .parts import Link, Quote
from .rules.compiled import CompiledRules
from .syntax import mention_span

_PERSON_LABELS = frozenset({"PERSON"})
_GROUP_LABELS = frozenset({"ORG", "NORP"})
_NEWS_TYPES = frozenset({"news_agency", "news_outlet"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
_LOOKBACK = 40
CONFIDENCE_PRONOUN = 0.7
ARTICLE_SOURCE = "article"
UNRESOLVED_NAME = "unidentified speaker"
VAGUE_NAME = "unnamed sources"


@dataclass(frozen=True, slots=True)
class Resolved:
    """The sources of an article and, for each link, the id of its source."""

    sources: list[Source]
    links: list[Link]
    source_ids: list[str | None]
    publisher_id: str
    agency_id: str | None = None


@dataclass
class _Entry:
    key: str
    name: str
    type: str
    role: str | None = None
    anonymous: bool = False
    mentions: list[tuple[int, int]] = field(default_factory=list)
    names: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class _Candidate:
    """An earlier mention a pronoun may point back to."""

    start: int
    kinds: frozenset[str]
    span: tuple[int, int]


class _Registry:
    """Canonical sources by key, in first-mention order."""

    def __init__(self, doc: Doc, rules: CompiledRules) -> None:
        self.doc = doc
        self.text = doc.text  # spaCy rebuilds Doc.text on every access
        self.ents = list(doc.ents)
        self.ent_at = {i: k for k, ent in enumerate(self.ents) for i in range(ent.start, ent.end)}
        self.rules = rules
        self.entries: dict[str, _Entry] = {}
        self.last_names: dict[str, str] = {}

    def add(self, span: tuple[int, int]) -> str:
        entry = self._describe(span)
        key = self.last_names.get(entry.key.removeprefix("name:"), entry.key)
        existing = self.entries.get(key)
        if existing is None:
            self.entries[key] = existing = entry
            if entry.type == "person":
                self.last_names.setdefault(entry.name.split()[-1].lower(), key)
        elif existing.role is None:
            existing.role = entry.role
        existing.mentions.append(span)
        existing.names.append(self.text[span[0] : span[1]])
        if len(entry.name) > len(existing.name) and entry.type == existing.type:
            existing.name = entry.name
        return key

    def _describe(self, span: tuple[int, int]) -> _Entry:
        tokens = self.doc.char_span(span[0], span[1], alignment_mode="expand")
        text = self.text[span[0] : span[1]]
        org = self._gazetteer(tokens)
        if org is not None:
            key, name, kind = org
            return _Entry(f"org:{key}", name, kind)
        person = self._entity(tokens, _PERSON_LABELS)
        if person is not None:
            name = _words(t for t in person if t.tag_ != "POS") or person.text
            role = _words(t for t in tokens if t.i < person.start and t.pos_ != "DET") or None
            return _Entry(f"person:{name.split()[-1].lower()}", name, "person", role)
        return self._describe_group(tokens, text)

    def _entity(self, tokens: Span, labels: frozenset[str]) -> Span | None:
        """The first entity of these labels wholly inside the tokens.

        Read from a per-Doc index: spaCy's ``Span.ents`` rescans every entity of the Doc.
        """
        for token in tokens:
            if token.ent_type_ in labels:
                ent = self.ents[self.ent_at[token.i]]
                if tokens.start <= ent.start and ent.end <= tokens.end:
                    return ent
        return None

    def _gazetteer(self, tokens: Span) -> tuple[str, str, str] | None:
        """A known organisation the mention names, as a run of words holding its head:
        "the Ukrainian State Emergency Services" is one; "the U.N. refugee agency" is not
        the U.N. A member noun speaks for its body: "a spokesperson for the ministry"."""
        words = [t.text for t in tokens]
        for head in self._heads(tokens):
            for start in range(head + 1):
                for end in range(len(words), head, -1):
                    org = self.rules.organisation(" ".join(words[start:end]))
                    if org is not None:
                        return org
        return None

    def _heads(self, tokens: Span) -> list[int]:
        """The mention's head, and the body a member noun belongs to, as offsets in it."""
        root = tokens.root
        heads = [root.i - tokens.start]
        if root.lemma_.lower() in self.rules.affiliations:
            bodies = (g for c in root.children if c.dep_ == "prep" for g in c.children)
            heads += [b.i - tokens.start for b in bodies if tokens.start <= b.i < tokens.end]
        return heads

    def _describe_group(self, tokens: Span, text: str) -> _Entry:
        rules = self.rules
        content = [t for t in tokens if not (t.is_punct or t.pos_ in {"DET", "PRON"})]
        core = [t for t in content if t.lemma_.lower() not in rules.affiliations] or content
        lemmas = [t.lemma_.lower() for t in core] or [text.lower()]
        name = _words(content) or text
        head = tokens.root
        is_named = any(t.pos_ == "PROPN" for t in core)
        if len(core) == 1 and is_named and core[0].text.lower() in self.last_names:
            return _Entry(f"name:{core[0].text.lower()}", name, "person")
        kind = next(
            (rules.type_of_lemma[x] for x in reversed(lemmas) if x in rules.type_of_lemma), None
        )
        anonymous = not is_named and head.lemma_.lower() in rules.anonymous and kind is None
        if anonymous:
            kind = "anonymous"
        elif kind is None:
            kind = self._default_type(tokens, head, is_named)
        return _Entry("group:" + " ".join(lemmas), name, kind, anonymous=anonymous)

    def _default_type(self, tokens: Span, head, is_named: bool) -> str:
        if head.lemma_.lower() in self.rules.titles:
            return "person"
        if self._entity(tokens, _GROUP_LABELS) is not None or is_named:
            return "organisation"
        return "person"

    def sources(self) -> tuple[list[Source], dict[str, str]]:
        """Source models with unique slug ids, and the id of each registry key."""
        ids: dict[str, str] = {}
        result: list[Source] = []
        for key, entry in self.entries.items():
            base = slug(entry.name)
            source_id, n = base, 2
            while source_id in ids.values():
                source_id, n = f"{base}-{n}", n + 1
            ids[key] = source_id
            mentions = sorted(set(entry.mentions))
            aliases = sorted({n for n in entry.names if n != entry.name and not self._pronoun(n)})
            result.append(
                Source(
                    id=source_id,
                    name=entry.name,
                    aliases=aliases,
                    type=entry.type,
                    role=entry.role,
                    anonymous=entry.anonymous,
                    mentions=[TextSpan(start=s, end=e, text=self.text[s:e]) for s, e in mentions],
                )
            )
        return result, ids

    def _pronoun(self, text: str) -> bool:
        return text.lower() in self.rules.pronouns


def _words(tokens) -> str:
    """The tokens' text with their own spacing: "Russia's defence ministry"."""
    return "".join(t.text_with_ws for t in tokens).strip()


def resolve_sources(
    doc: Doc, links: list[Link], article: Article, quotes: list[Quote], rules: CompiledRules
) -> Resolved:
    """Canonical sources for every link, plus the publisher (or the article itself)."""
    registry = _Registry(doc, rules)
    publisher_key = _publisher(registry, article)
    agency_key = _agency(registry, article, publisher_key)
    candidates = _candidates(doc, quotes, rules)
    resolved_links = list(links)
    keys: list[str | None] = [None] * len(links)
    for index, link in enumerate(links):
        keys[index], resolved_links[index] = _resolve_link(
            registry, candidates, resolved_links, keys, index, link
        )
    sources, ids = registry.sources()
    return Resolved(
        sources=sources,
        links=resolved_links,
        source_ids=[ids[k] if k else None for k in keys],
        publisher_id=ids[publisher_key],
        agency_id=ids[agency_key] if agency_key else None,
    )


def _publisher(registry: _Registry, article: Article) -> str:
    if not article.publisher:
        key = f"article:{ARTICLE_SOURCE}"
        registry.entries[key] = _Entry(key, "the article", "article")  # never the headline
        return key
    return _outlet(registry, article, article.publisher, "news_outlet")


def _agency(registry: _Registry, article: Article, publisher_key: str) -> str | None:
    """The agency a given publisher carries the story from, unless it is the publisher."""
    if not article.agency or not article.publisher:
        return None
    org = registry.rules.organisation(article.agency)
    key = f"org:{org[0]}" if org else f"group:{article.agency.lower()}"
    if key == publisher_key:
        return None
    return _outlet(registry, article, article.agency, "news_agency")


def _outlet(registry: _Registry, article: Article, name: str, default_type: str) -> str:
    """The registry key of a news organisation the article names, with its dateline mention."""
    text = registry.text
    span = None
    if article.dateline is not None:
        found = text.find(name, article.dateline.start, article.dateline.end)
        if found >= 0:
            span = (found, found + len(name))
    org = registry.rules.organisation(name)
    key = f"org:{org[0]}" if org else f"group:{name.lower()}"
    entry = registry.entries.get(key) or _Entry(
        key, org[1] if org else name, org[2] if org else default_type
    )
    registry.entries[key] = entry
    if span is not None:
        entry.mentions.append(span)
        entry.names.append(text[span[0] : span[1]])
    return key


class _Antecedents:
    """Candidate mentions in text order, searchable backwards from a position."""

    def __init__(self, items: list[_Candidate]) -> None:
        self.items = sorted(items, key=lambda c: c.start)
        self.starts = [c.start for c in self.items]

    def before(self, start: int, limit: int) -> list[_Candidate]:
        """Up to ``limit`` candidates that start before ``start``, nearest first."""
        position = bisect_left(self.starts, start)
        return self.items[max(0, position - limit) : position][::-1]


class _QuoteSpans:
    def __init__(self, quotes: list[Quote]) -> None:
        self.starts = [q.start for q in quotes]
        self.ends = [q.end for q in quotes]

    def __contains__(self, offset: int) -> bool:
        k = bisect_right(self.starts, offset) - 1
        return k >= 0 and offset < self.ends[k]


def _candidates(doc: Doc, quotes: list[Quote], rules: CompiledRules) -> _Antecedents:
    """Earlier mentions outside quotes that a pronoun may point back to: named entities,
    and subjects headed by a title ("the minister") or a kind of body ("the ministry")."""
    inside = _QuoteSpans(quotes)
    result = []
    for ent in doc.ents:
        kinds = _entity_kinds(ent.label_)
        if kinds and ent.start_char not in inside:
            result.append(_Candidate(ent.start_char, kinds, mention_span(ent.root)))
    for token in doc:
        if token.dep_ not in _SUBJECT_DEPS or token.ent_type_ or token.idx in inside:
            continue
        lemma = token.lemma_.lower()
        if lemma in rules.titles:
            kinds = frozenset({"person"})
        elif lemma in rules.type_of_lemma:
            kinds = frozenset({"organisation", "group"})
        else:
            continue
        span = mention_span(token)
        result.append(_Candidate(span[0], kinds, span))
    return _Antecedents(result)


def _entity_kinds(label: str) -> frozenset[str]:
    if label in _PERSON_LABELS:
        return frozenset({"person"})
    if label in _GROUP_LABELS:
        return frozenset({"organisation", "group"})
    return frozenset()


def _resolve_link(
    registry: _Registry,
    candidates: _Antecedents,
    links: list[Link],
    keys: list[str | None],
    index: int,
    link: Link,
) -> tuple[str | None, Link]:
    if link.continues is not None:
        previous = links[link.continues]
        return keys[link.continues], replace(link, relayed_by=previous.relayed_by)
    if link.source is None:
        return None, link
    if link.antecedent is not None:  # "who said": the relative clause's noun speaks
        key = registry.add(link.antecedent)
        registry.entries[key].mentions.append(link.source)
        return key, link
    text = registry.text[link.source[0] : link.source[1]]
    refers_to = registry.rules.pronouns.get(text.lower())
    if refers_to is None:
        return registry.add(link.source), link
    if _is_expletive(registry.doc, link.source):
        return _vague(registry, link)
    return _resolve_pronoun(registry, candidates, links, keys, index, link, refers_to)


def _is_expletive(doc: Doc, span: tuple[int, int]) -> bool:
    """ "It was reported that ...": a passive subject pronoun stands for nobody in particular."""
    tokens = doc.char_span(span[0], span[1], alignment_mode="expand")
    return tokens is not None and tokens.root.dep_ == "nsubjpass"


def _vague(registry: _Registry, link: Link) -> tuple[str, Link]:
    key = f"unresolved:{VAGUE_NAME}"
    registry.entries.setdefault(key, _Entry(key, VAGUE_NAME, "anonymous", anonymous=True))
    registry.entries[key].mentions.append(link.source)
    return key, link


def _resolve_pronoun(registry, candidates, links, keys, index, link, refers_to):
    """he/she/they/it -> the nearest compatible earlier speaker or named entity."""
    antecedent = _antecedent(registry, candidates, links, keys, index, link, refers_to)
    if antecedent is None:
        key = f"unresolved:{UNRESOLVED_NAME}"
        registry.entries.setdefault(key, _Entry(key, UNRESOLVED_NAME, "anonymous", anonymous=True))
        registry.entries[key].mentions.append(link.source)
        reason = f"'{registry.text[link.source[0] : link.source[1]]}' has no antecedent"
        return key, replace(link, inferred=True, reason=reason, confidence=CONFIDENCE_PRONOUN)
    key = antecedent
    entry = registry.entries[key]
    entry.mentions.append(link.source)
    pronoun = registry.text[link.source[0] : link.source[1]]
    relay = _inherited_relay(registry, links, keys, index, key)
    reason = f"'{pronoun}' resolved to {entry.name}"
    if relay is not None and link.relayed_by is None:
        reason += ", still in the relayed report"
        link = replace(link, relayed_by=relay)
    return key, replace(link, inferred=True, reason=reason, confidence=CONFIDENCE_PRONOUN)


def _antecedent(registry, candidates, links, keys, index, link, refers_to) -> str | None:
    """The nearest earlier compatible mention: a resolved speaker or a named entity."""
    start = link.source[0]
    best: tuple[int, str] | None = None
    for prev in range(index - 1, max(-1, index - _LOOKBACK), -1):
        key = keys[prev]
        source = links[prev].source
        if key is None or source is None or source[0] >= start:
            continue
        if _kind(registry.entries[key].type) in refers_to:
            best = (source[0], key)
            break
    for cand in candidates.before(start, _LOOKBACK):
        if cand.kinds & refers_to:
            if best is None or cand.start > best[0]:
                best = (cand.start, registry.add(cand.span))
                registry.entries[best[1]].mentions.remove(cand.span)
                registry.entries[best[1]].mentions.append(cand.span)
            break
    return best[1] if best else None


def _kind(source_type: str) -> str:
    if source_type == "person":
        return "person"
    if source_type == "anonymous":
        return "group"
    return "organisation"


def _inherited_relay(
    registry: _Registry, links: list[Link], keys: list[str | None], index: int, key: str
) -> int | None:
    """The news relay of the speaker's previous link, if that is the latest link of all:
    "Khorunzhyi said, according to CNN. ... he added" is still CNN's report."""
    relayers = {link.relayed_by for link in links[max(0, index - _LOOKBACK) : index]}
    for prev in range(index - 1, max(-1, index - _LOOKBACK), -1):
        if keys[prev] is None or prev in relayers:
            continue
        relay = links[prev].relayed_by if keys[prev] == key else None
        relayer = keys[relay] if relay is not None else None
        if relayer is None or registry.entries[relayer].type not in _NEWS_TYPES:
            return None
        return relay
    return None
