"""Documents as channels: the author of a report, letter or statement is the source."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span, Token

from ..parts import Link
from .context import _Context
from .pronouns import _NEWS_TYPES, _resolve_pronoun
from .registry import _LOOKBACK, CONFIDENCE_PRONOUN, _Registry

_NOT_ISSUERS = frozenset({"person", "anonymous", "document", "article", *_NEWS_TYPES})


_ISSUER_SENTENCES = 1  # "X said ... A statement said": X's, if X spoke this close before it


def _through_document(registry: _Registry, key: str, link: Link) -> tuple[str, Link]:
    """A document with a named author: the author speaks, the document is the channel."""
    entry = registry.entries.get(key)
    if entry is None or entry.type != "document" or entry.author is None or link.source is None:
        return key, link
    if link.channel is None:
        link = replace(link, channel=link.source, channel_name=entry.name)
    if entry.author_earlier and not link.inferred:
        author = registry.entries.get(registry.final_key(entry.author) or entry.author)
        by = author.name if author is not None else "its author"
        reason = f"'{entry.name}' is taken to be by {by}, named before it or as its filer"
        link = replace(link, inferred=True, reason=reason, confidence=CONFIDENCE_PRONOUN)
    return entry.author, link


def _issued_by_last_body(
    context: _Context, links: list[Link], keys: list[str | None], index: int
) -> tuple[str | None, Link]:
    """ "The charity said two staff were hurt. A statement said ...": a document with no
    author, in or right after the sentence where a body spoke last, is that body's."""
    registry = context.registry
    key, link = keys[index], links[index]
    entry = registry.entries.get(key) if key else None
    if entry is None or entry.type != "document" or entry.author or link.source is None:
        return key, link
    tokens = context.tokens(link.source)
    if tokens is None or any(t.pos_ not in {"DET", "ADJ", "NOUN"} for t in tokens):
        return key, link  # "a statement from the union" names its own author
    here = context.sentence_at(link.source[0])
    made_in = _made_in(context, links, keys, index, tokens)
    if made_in is not None:  # "Dhillon said in a statement ... the statement said"
        speaker = registry.entries[made_in]
        reason = f"'{entry.name}' is taken to be the one {speaker.name} spoke in just before"
        return made_in, _through_the_document(link, entry.name, reason)
    for prev in range(index - 1, -1, -1):
        source = links[prev].source
        if keys[prev] is None or source is None or source[0] >= link.source[0]:
            continue
        if here - context.sentence_at(source[0]) > _ISSUER_SENTENCES:
            break
        body = registry.final_key(keys[prev])
        speaker = registry.entries.get(body) if body else None
        if body is None or speaker is None or speaker.type in _NOT_ISSUERS:
            break
        reason = f"'{entry.name}' is taken to be by {speaker.name}, who spoke just before it"
        return body, _through_the_document(link, entry.name, reason)
    return key, link


def _through_the_document(link: Link, document: str, reason: str) -> Link:
    """The link with the document as its channel, inferred for ``reason``."""
    return replace(
        link,
        channel=link.channel or link.source,
        channel_name=link.channel_name or document,
        inferred=True,
        reason=reason,
        confidence=CONFIDENCE_PRONOUN,
    )


def _made_in(
    context: _Context, links: list[Link], keys: list[str | None], index: int, mention: Span
) -> str | None:
    """ "Dhillon said in a statement that ... The ministry would act, the statement said":
    a definite mention of the document an earlier link was made in, no more than a sentence
    before, is that document, whoever its speaker is."""
    if mention[0].lower_ != "the":
        return None
    text, here = context.registry.text, context.sentence_at(links[index].source[0])
    for prev in range(index - 1, max(-1, index - _LOOKBACK), -1):
        link, key = links[prev], context.registry.final_key(keys[prev])
        if link.source is None or here - context.sentence_at(link.source[0]) > _ISSUER_SENTENCES:
            continue
        said_in = text[link.channel[0] : link.channel[1]].lower().split() if link.channel else []
        if key in context.registry.entries and mention.root.lower_ in said_in:
            return key
    return None


def _pronoun_owner(context: _Context, link: Link) -> Token | None:
    """The possessive pronoun that owns a document named as the source: "its statement",
    "their research"."""
    assert link.source is not None
    tokens = context.tokens(link.source)
    if tokens is None or context.registry._word(tokens.root) not in context.rules.documents:
        return None
    owner = next((c for c in tokens.root.children if c.dep_ == "poss"), None)
    if owner is None or owner.lower_ not in context.rules.pronouns or owner.i < tokens.start:
        return None
    return owner


def _through_owner(
    context: _Context, links: list[Link], keys: list[str | None], index: int, owner: Token
) -> tuple[str, Link]:
    """The pronoun owning the document speaks; the document is the channel."""
    link = links[index]
    assert link.source is not None
    document = context.registry.text[owner.idx + len(owner.text) : link.source[1]].strip()
    links[index] = replace(link, source=(owner.idx, owner.idx + len(owner.text)))
    try:
        key, resolved = _resolve_pronoun(
            context, links, keys, index, owner.lower_, context.rules.pronouns[owner.lower_]
        )
    finally:
        links[index] = link
    channel = link.channel or link.source
    return key, replace(
        resolved,
        source=link.source,
        channel=channel,
        channel_name=link.channel_name or document,
    )
