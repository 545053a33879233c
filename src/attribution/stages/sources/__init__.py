"""Sources: mentions become one canonical Source per real-world source.

Alias merging ("Ukrainian President Volodymyr Zelensky", "Zelensky", "the president"),
roles that name their holder ("Hale's spokeswoman, Dana Ortiz": Ortiz), documents whose
author speaks ("a report by the institute", "the institute released a report ... the
report said": the institute, through the report), body words that stand for the body just
named ("the agency"), typing from the rule set (news agency, person, official body,
anonymous...) and pronouns.

A pronoun ("he", "she", "it", "they") and a quote with no cue of its own are resolved
to the most salient earlier mention that agrees with them: in kind (a person, a body, a
group), gender and number, never inside an aside or a relative clause about someone
else, never inside what the pronoun's own clause governs. Salience favours the speaker
of the latest attribution, then the subjects of plain narrative sentences (a narrative
"she persisted" counts for whom it stands for; a person brought in with a description
counts more), then recency; a speaker or subject in an adverbial clause ("Although X
said ...") is background. Such links are marked inferred, with the reason and a
confidence that falls as the runner-up comes close. They inherit the relay of the
speaker's previous link.

:func:`resolve_sources` resolves each link in text order. The modules: ``registry`` (every
mention keyed to one canonical source: names, titles, bodies, documents, types),
``context`` (what resolution reads besides the registry), ``pronouns``, ``documents``
(an author speaks through the document) and ``descriptions`` (roles and descriptions that
stand for someone named before).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from ...models import Article, Source
from ...rules.compiled import CompiledRules
from ..parts import Link, Quote
from .context import _Context
from .descriptions import _as_holder, _resolve_description, _role_holder, _vague
from .documents import _issued_by_last_body, _pronoun_owner, _through_document, _through_owner
from .pronouns import _continue, _is_expletive, _resolve_pronoun
from .registry import _Entry, _Registry

ARTICLE_SOURCE = "article"


@dataclass(frozen=True, slots=True)
class Resolved:
    """The sources of an article and, for each link, the id of its source."""

    sources: list[Source]
    links: list[Link]
    source_ids: list[str | None]
    publisher_id: str
    agency_id: str | None = None


def resolve_sources(
    doc: Doc, links: list[Link], article: Article, quotes: list[Quote], rules: CompiledRules
) -> Resolved:
    """Canonical sources for every link, plus the publisher (or the article itself)."""
    registry = _Registry(doc, rules)
    publisher_key = _publisher(registry, article)
    agency_key = _agency(registry, article, publisher_key)
    context = _Context(doc, registry, quotes, links)
    resolved_links = list(links)
    keys: list[str | None] = [None] * len(links)
    for index in range(len(links)):
        keys[index], resolved_links[index] = _resolve_link(context, resolved_links, keys, index)
        if keys[index] is not None:
            keys[index], resolved_links[index] = _through_document(
                registry, keys[index], resolved_links[index]
            )
            keys[index], resolved_links[index] = _issued_by_last_body(
                context, resolved_links, keys, index
            )
            _mark_anonymous(context, keys[index], resolved_links[index])
    registry.merge_titles()
    sources, ids = registry.sources()
    return Resolved(
        sources=sources,
        links=resolved_links,
        source_ids=[ids[registry.final_key(k)] if k else None for k in keys],
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


def _mark_anonymous(context: _Context, key: str, link: Link) -> None:
    """ "an engineer, asking for anonymity, said": a phrase by the source makes it anonymous."""
    entry = context.registry.entries.get(key)
    if entry is None or link.source is None or entry.anonymous:
        return
    tokens = context.tokens(link.source)
    if tokens is None or tokens.root.pos_ in {"PROPN", "PRON"} or tokens.root.ent_type_:
        return  # a named source, or a pronoun for one, is not anonymous ("an aide to Hale" is)
    if context.near_anonymity(link):
        entry.anonymous = True
        if entry.type == "person":
            entry.type = "anonymous"


def _resolve_link(
    context: _Context, links: list[Link], keys: list[str | None], index: int
) -> tuple[str | None, Link]:
    registry = context.registry
    link = links[index]
    if link.continues is not None:
        return _continue(context, links, keys, index)
    if link.source is None:
        return None, link
    if link.antecedent is not None:  # "who said": the relative clause's noun speaks
        key = registry.add(link.antecedent)
        registry.entries[key].mentions.append(link.source)
        return key, link
    text = registry.text[link.source[0] : link.source[1]]
    refers_to = registry.rules.pronouns.get(text.lower())
    owner = _pronoun_owner(context, link)
    if refers_to is None and owner is not None:  # "Its statement said": it, in a statement
        return _through_owner(context, links, keys, index, owner)
    holder = _role_holder(context, link) if refers_to is None else None
    if holder is not None:  # "Omar Beck's attorney, Dana Price ... His attorney said"
        return _as_holder(context, link, holder)
    if refers_to is None:
        return _resolve_description(context, links, keys, index)
    if "person" not in refers_to and _is_expletive(registry.doc, link.source):
        return _vague(registry, link)  # "it was reported"; "he was quoted as saying" is someone
    return _resolve_pronoun(context, links, keys, index, text.lower(), refers_to)
