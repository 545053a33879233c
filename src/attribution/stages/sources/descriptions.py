"""Roles and descriptions that stand for someone named before: 'his attorney', 'the affable
proprietor', 'the agency'.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span, Token

from ..parts import Link
from ..syntax import subtree
from .context import _Context
from .pronouns import _Agreement, _rank
from .registry import (
    _LOOKBACK_SENTENCES,
    _PLURAL_TAGS,
    CONFIDENCE_PRONOUN,
    _Entry,
    _place_modifier,
    _Registry,
    _set_beside,
    _surname,
    _words,
)

_ASIDE_DEPS = frozenset({"relcl", "acl", "parataxis", "advcl", "prep", "pobj"})


_EPITHET_SENTENCES = 3


_NAMED_NEXT_SENTENCES = 2  # "A spokeswoman said ... '...,' said Ada Kerr": this close after


VAGUE_NAME = "unnamed sources"


def _role_holder(context: _Context, link: Link) -> str | None:
    """ "His attorney", "her mother": a possessive pronoun and a title or a relation stand
    for the named person last given that role ("Omar Beck's attorney, Dana Price")."""
    assert link.source is not None
    registry = context.registry
    tokens = context.tokens(link.source)
    if tokens is None or len(tokens) != 2 or tokens[1] != tokens.root:
        return None
    owner, head = tokens[0], tokens.root
    if owner.dep_ != "poss" or owner.lower_ not in context.rules.pronouns:
        return None
    if head.tag_ in _PLURAL_TAGS or not registry.person_word(head):
        return None
    word, here = registry._word(head), context.sentence_at(link.source[0])
    latest: tuple[int, str] | None = None
    for key, entry in registry.entries.items():
        if not key.startswith("person:") or word not in (entry.role or "").lower().split():
            continue
        before = [m[0] for m in entry.mentions if m[0] < link.source[0]]
        if before and here - context.sentence_at(max(before)) <= _LOOKBACK_SENTENCES:
            latest = max(latest or (-1, ""), (max(before), key))
    return latest[1] if latest else None


def _as_holder(context: _Context, link: Link, key: str) -> tuple[str, Link]:
    assert link.source is not None
    registry = context.registry
    entry = registry.entries[key]
    surface = registry.text[link.source[0] : link.source[1]]
    entry.mentions.append(link.source)
    entry.names.append(surface)
    reason = f"'{surface}' resolved to {entry.name}, named in that role before"
    return key, replace(link, inferred=True, reason=reason, confidence=CONFIDENCE_PRONOUN)


def _resolve_description(
    context: _Context, links: list[Link], keys: list[str | None], index: int
) -> tuple[str, Link]:
    """ "the affable proprietor", "the self-taught Cambridge resident": a definite
    description with no name and no title of office stands for the person just named."""
    registry = context.registry
    link = links[index]
    entry = registry.describe(link.source)
    tokens = context.tokens(link.source)
    if not _is_epithet(context, entry, tokens):
        if _is_unnamed_role(context, entry, tokens):  # "A spokeswoman for X said ..."
            return _named_next(context, links, index, entry) or _stand_in(registry, link)
        return _stand_in(registry, link)
    agreement = _Agreement(frozenset({"person"}), entry.gender, False)
    start = link.source[0]
    since = context.sentence_starts[max(0, context.sentence_at(start) - _EPITHET_SENTENCES)]
    ranked = _rank(context, links, keys, index, start, agreement, link, since=since)
    named = ranked is not None and registry.entries[ranked[0]].key.startswith("person:")
    if not named:  # "The busiest referee in hockey said ... Paul Garver has announced"
        return _named_next(context, links, index, entry) or _stand_in(registry, link)
    key, confidence, _ = ranked
    target = registry.entries[key]
    target.mentions.append(link.source)
    target.names.append(registry.text[link.source[0] : link.source[1]])
    surface = registry.text[link.source[0] : link.source[1]]
    reason = f"'{surface}' resolved to {target.name}"
    return key, replace(link, inferred=True, reason=reason, confidence=confidence)


def _is_unnamed_role(context: _Context, entry: _Entry, tokens: Span | None) -> bool:
    """ "A spokeswoman for the premier", "an aide": one person by a role, with no name and
    no owner's name before the head, that the text may name in the next breath."""
    if tokens is None or not len(tokens) or tokens[0].lower_ not in {"a", "an"}:
        return False
    if entry.type not in {"person", "anonymous"} or entry.plural:
        return False
    root = tokens.root
    registry = context.registry
    named = any(t.pos_ == "PROPN" and t.i < root.i and not _place_modifier(t) for t in tokens)
    return root.pos_ == "NOUN" and not named and registry.person_word(root)


def _named_next(
    context: _Context, links: list[Link], index: int, entry: _Entry
) -> tuple[str, Link] | None:
    """The person a description stands for when the text names them only after it:
    "A spokeswoman for the premier said ... '...,' said Ada Kerr." The next speaker, no
    more than two sentences on, named for the first time there by a bare full name (no
    role or aside of their own) of no other gender, is the one described."""
    registry, link = context.registry, links[index]
    assert link.source is not None
    here = context.sentence_at(link.source[0])
    for later in links[index + 1 :]:
        if later.source is None or later.source[0] <= link.source[1]:
            continue
        if context.sentence_at(later.source[0]) - here > _NAMED_NEXT_SENTENCES:
            return None
        tokens = context.tokens(later.source)
        name = registry.name_of.get(tokens.root.i) if tokens is not None else None
        if name is None or tokens is None or (name.start, name.end) != (tokens.start, tokens.end):
            return None  # the next speaker is someone else, or comes with a role
        if len(name) < 2 or any(c.dep_ in _ASIDE_DEPS | {"appos"} for c in name.root.children):
            return None
        surname = _surname(_words(name))
        if surname in registry.text[: link.source[0]].lower():
            return None  # named before: a known person, not the one described here
        full = registry.describe(later.source)
        if entry.gender and full.gender and full.gender != entry.gender:
            return None
        key = registry.add(later.source)
        target = registry.entries[key]
        target.mentions.pop()
        target.names.pop()
        target.mentions.append(link.source)
        surface = registry.text[link.source[0] : link.source[1]]
        target.names.append(surface)
        target.role = target.role or entry.role
        reason = f"'{surface}' is taken to be {target.name}, named as the next speaker"
        return key, replace(link, inferred=True, reason=reason, confidence=CONFIDENCE_PRONOUN)
    return None


def _stand_in(registry: _Registry, link: Link) -> tuple[str, Link]:
    """A mention's source; "the agency" standing for the body just named is inferred."""
    assert link.source is not None
    key = registry.add(link.source)
    if link.source not in registry.stood_for:
        return key, link
    surface = registry.text[link.source[0] : link.source[1]]
    reason = f"'{surface}' stands for {registry.entries[key].name}, named before it"
    return key, replace(link, inferred=True, reason=reason, confidence=CONFIDENCE_PRONOUN)


def _is_epithet(context: _Context, entry: _Entry, tokens: Span | None) -> bool:
    if tokens is None or not len(tokens) or tokens[0].lower_ != "the":
        return False
    if entry.type not in {"person", "anonymous"} or entry.plural or entry.bare_title:
        return False
    root = _epithet_head(context, tokens)
    rules = context.rules
    word = context.registry._word(root)
    known_by_work = rules.type_of_lemma.get(word) == "person"  # "the Star Wars actor"
    described = _counted(root)  # "the 39-year-old founder of ...": a person already named
    return (
        root.pos_ == "NOUN"
        and not any(
            (
                t.pos_ == "PROPN"
                and not _place_modifier(t)
                and not (known_by_work and t.i < root.i)
                and not _in_post_modifier(t, root)
            )
            or t.dep_ == "poss"
            for t in tokens
        )
        and (word not in rules.titles or described)
        and (word not in rules.affiliations or described)
        and word not in rules.nouns  # "the claim", "the warning": a statement, no person
        and word not in rules.non_agents  # "the move", "the crash"
        and not context.registry._body_word(root)  # "the railway" is no "proprietor"
        and not _named_in_apposition(root)
    )


def _counted(root: Token) -> bool:
    """A number in a modifier before the head ("the 39-year-old founder", "the two-time
    champion"): it describes one person, not an office that someone else may hold."""
    return any(
        c.dep_ == "amod" and c.i < root.i and any(t.pos_ == "NUM" for t in subtree(c))
        for c in root.children
    )


def _in_post_modifier(token: Token, root: Token) -> bool:
    """A name inside a phrase after the head ("the owner *of Crumb Collective*"): what the
    person owns or leads, not the person's own name."""
    return token.i > root.i and any(
        a.dep_ == "prep" and a.head.i == root.i for a in token.ancestors
    )


def _epithet_head(context: _Context, tokens: Span) -> Token:
    """The noun a description is headed by: its last word when that is a noun for a person
    known by what they do, even where the parser took a show's title before it for the head
    ("the Cooking in the Dark star")."""
    last = tokens[-1]
    if last.pos_ == "NOUN" and context.rules.type_of_lemma.get(context.registry._word(last)) == (
        "person"
    ):
        return last
    return tokens.root


def _named_in_apposition(root: Token) -> bool:
    """Whether a name in apposition says who the description is ("the carrier, Northline
    Freight,"): it names its own source rather than standing for one named before."""
    return any(t.pos_ == "PROPN" for t in _set_beside(root))


def _vague(registry: _Registry, link: Link) -> tuple[str, Link]:
    key = f"unresolved:{VAGUE_NAME}"
    registry.entries.setdefault(key, _Entry(key, VAGUE_NAME, "anonymous", anonymous=True))
    registry.entries[key].mentions.append(link.source)
    return key, link
