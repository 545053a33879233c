"""Pronouns and quotes with no cue: the most salient earlier mention that agrees with them."""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Doc

from ..parts import Link
from ..syntax import subtree_indices
from .context import _Candidate, _Context
from .registry import (
    _LOOKBACK,
    _LOOKBACK_SENTENCES,
    CONFIDENCE_PRONOUN,
    _Entry,
    _in_adverbial_clause,
    _is_channel,
    _Registry,
)

_NEWS_TYPES = frozenset({"news_agency", "news_outlet"})


CONFIDENCE_MIN = 0.5


CONFIDENCE_MAX = 0.85


UNRESOLVED_NAME = "unidentified speaker"


# Salience weights: how a reader ranks the earlier mentions a pronoun may stand for.
_W_SPEAKER = 1.0  # the mention is the source of an earlier attribution


_W_LAST_SPEAKER = 0.5  # ... of the latest attribution before the pronoun


_W_SUBJECT = 1.0  # the subject of its sentence


_W_GENDER = 0.5  # its gender is known and agrees


_W_REPORTED = -1.0  # it sits in someone's reported speech


_W_DISTANCE = -0.6  # per sentence back


_W_NEWCOMER = 0.5  # brought in with a description: "... heard from Robin Tate, who ran it"


_W_SUBORDINATE = -1.0  # it sits in an adverbial clause: "Although Trump tweeted ..., ..."


def _is_expletive(doc: Doc, span: tuple[int, int]) -> bool:
    """ "It was reported that ...": a passive subject "it" stands for nobody in particular;
    "he was quoted as saying" still stands for someone."""
    tokens = doc.char_span(span[0], span[1], alignment_mode="expand")
    return tokens is not None and tokens.root.dep_ == "nsubjpass"


@dataclass(frozen=True, slots=True)
class _Agreement:
    """What a pronoun (or a continued quote) demands of what it stands for."""

    kinds: frozenset[str]
    gender: str | None = None
    plural: bool | None = None


def _resolve_pronoun(context, links, keys, index, pronoun: str, refers_to) -> tuple[str, Link]:
    """he/she/they/it -> the most salient earlier mention that agrees with it."""
    registry = context.registry
    link = links[index]
    rules = context.rules
    agreement = _Agreement(
        refers_to, rules.pronoun_gender.get(pronoun), rules.pronoun_plural.get(pronoun)
    )
    surface = registry.text[link.source[0] : link.source[1]]
    cited = _document_just_cited(context, links, keys, index, agreement)
    if cited is not None:  # "The lawsuit alleges ... It says ...": the lawsuit, its author's
        prev = links[cited]
        key = registry.final_key(keys[cited]) or keys[cited]
        assert key is not None and prev.source is not None
        reason = f"'{surface}' resolved to {registry.text[prev.source[0] : prev.source[1]]}"
        return key, replace(
            link,
            channel=link.channel or prev.channel or prev.source,
            channel_name=link.channel_name or prev.channel_name,
            inferred=True,
            reason=reason,
            confidence=CONFIDENCE_PRONOUN,
        )
    ranked = _rank(context, links, keys, index, link.source[0], agreement, link)
    if not ranked:
        key = f"unresolved:{UNRESOLVED_NAME}"
        registry.entries.setdefault(key, _Entry(key, UNRESOLVED_NAME, "anonymous", anonymous=True))
        registry.entries[key].mentions.append(link.source)
        reason = f"'{surface}' has no antecedent"
        return key, replace(link, inferred=True, reason=reason, confidence=CONFIDENCE_MIN)
    key, confidence, runner_up = ranked
    entry = registry.entries[key]
    entry.mentions.append(link.source)
    registry.learn_gender(key, agreement.gender)
    reason = f"'{surface}' resolved to {entry.name}"
    if runner_up:
        reason += f" over {runner_up}"
    relay = _inherited_relay(registry, links, keys, index, key)
    if relay is not None and link.relayed_by is None:
        reason += ", still in the relayed report"
        link = replace(link, relayed_by=relay)
    return key, replace(link, inferred=True, reason=reason, confidence=confidence)


def _document_just_cited(
    context: _Context, links: list[Link], keys: list[str | None], index: int, agreement
) -> int | None:
    """The index of the link just before, in this sentence or the one before, whose source
    is a document ("The review found ... It recommends ..."): "it" goes on citing it."""
    if "person" in agreement.kinds or agreement.plural:
        return None
    link = links[index]
    assert link.source is not None
    here = context.sentence_at(link.source[0])
    for prev in range(index - 1, -1, -1):
        source = links[prev].source
        if source is None or keys[prev] is None or source[0] >= link.source[0]:
            continue
        if here - context.sentence_at(source[0]) > 1:
            return None
        entry = context.registry.describe(source)
        return prev if entry.type == "document" else None
    return None


def _rank(
    context: _Context,
    links: list[Link],
    keys: list[str | None],
    index: int,
    start: int,
    agreement: _Agreement,
    link: Link | None,
    since: int = -1,
) -> tuple[str, float, str | None] | None:
    """The best agreeing antecedent's key, a confidence from its margin over the
    runner-up, and the runner-up's name. ``since`` keeps only mentions after an offset."""
    registry = context.registry
    here = context.sentence_at(start)
    ruled_out = _governed(context, link) if link is not None else set()
    scores: dict[str, float] = {}
    spans: dict[str, tuple[int, int]] = {}
    last_speaker = True
    for prev in range(index - 1, max(-1, index - _LOOKBACK), -1):
        key, source = keys[prev], links[prev].source
        if key is None or source is None or source[0] >= start or source[0] < since:
            continue
        if not _agrees(registry, key, agreement):
            continue
        distance = here - context.sentence_at(source[0])
        if distance > _LOOKBACK_SENTENCES:
            break
        if context.subordinate(source):
            score = _W_SPEAKER + _W_SUBORDINATE + _W_DISTANCE * distance
            scores[key] = max(scores.get(key, score), score)
            continue  # a backgrounded speaker is not the one the story goes on with
        score = _W_SPEAKER + (_W_LAST_SPEAKER if last_speaker else 0.0) + _W_DISTANCE * distance
        last_speaker = False
        score += _gender_bonus(registry, key, agreement)
        scores[key] = max(scores.get(key, score), score)
    for cand in context.before(start, _LOOKBACK):
        if cand.start < since or cand.aside or cand.token in ruled_out:
            continue
        if link is not None and link.content[0] <= cand.start < link.content[1]:
            continue  # a name in what the speaker says is someone the speaker speaks about
        distance = here - context.sentence_of[cand.token]
        if distance > _LOOKBACK_SENTENCES:
            continue
        if cand.pronoun is not None:
            if agreement.gender is None:
                continue  # only a "he" or a "she" is sure to go on with the same person
            key = _narrative_key(context, links, keys, index, cand)
            if key is None or not _agrees(registry, key, agreement):
                continue
        else:
            key = registry.key_of(cand.span)
            if not _agrees(registry, key, agreement, cand.span):
                continue
        score = _W_DISTANCE * distance + (_W_SUBJECT if cand.subject else 0.0)
        score += _W_NEWCOMER if cand.newcomer else 0.0
        if _in_reported_speech(context, cand.start, index):
            score += _W_REPORTED
        if _in_adverbial_clause(context.doc[cand.token]):
            score += _W_SUBORDINATE
        score += _gender_bonus(registry, key, agreement, cand.span)
        if score > scores.get(key, float("-inf")):
            scores[key] = score
            spans[key] = cand.span
    if not scores:
        return None
    order = sorted(scores.items(), key=lambda kv: -kv[1])
    best_key, best = order[0]
    if best_key not in registry.entries:
        best_key = registry.add(spans[best_key])
        registry.entries[best_key].mentions.pop()
        registry.entries[best_key].names.pop()
    if len(order) == 1:
        return best_key, CONFIDENCE_MAX, None
    margin = best - order[1][1]
    confidence = min(CONFIDENCE_MAX, CONFIDENCE_MIN + 0.15 * margin)
    runner_up = registry.entries.get(order[1][0]) or registry.describe(spans[order[1][0]])
    return best_key, round(confidence, 2), runner_up.name


def _narrative_key(
    context: _Context, links: list[Link], keys: list[str | None], index: int, cand: _Candidate
) -> str | None:
    """What a narrative pronoun ("But she persisted.") stands for, ranked like a
    speaker's pronoun at its own place, once per pronoun."""
    if cand.token not in context.pronoun_keys:
        context.pronoun_keys[cand.token] = None  # a pronoun never stands for itself
        pronoun, rules = cand.pronoun or "", context.rules
        agreement = _Agreement(
            rules.pronouns[pronoun],
            rules.pronoun_gender.get(pronoun),
            rules.pronoun_plural.get(pronoun),
        )
        ranked = _rank(context, links, keys, index, cand.start, agreement, None)
        context.pronoun_keys[cand.token] = ranked[0] if ranked else None
    return context.pronoun_keys[cand.token]


def _governed(context: _Context, link: Link) -> set[int]:
    """Tokens the pronoun's own cue governs: "Asked about Trump, he said": not Trump."""
    if link.cue is None:
        return set()
    cue = context.tokens(link.cue)
    if cue is None or not len(cue):
        return set()
    return set(subtree_indices(cue.root))


def _in_reported_speech(context: _Context, offset: int, index: int) -> bool:
    for prev in range(index - 1, max(-1, index - _LOOKBACK), -1):
        content = context.links[prev].content
        if content[0] <= offset < content[1]:
            return True
    return False


def _agrees(
    registry: _Registry, key: str, agreement: _Agreement, span: tuple[int, int] | None = None
) -> bool:
    entry = registry.entries.get(key) or (registry.describe(span) if span else None)
    if entry is None or entry.type in {"document", "article"}:
        return False
    if entry.plural:
        return bool({"group", "organisation"} & agreement.kinds) and agreement.plural is not False
    if entry.type in {"person", "anonymous"}:
        if "person" not in agreement.kinds or agreement.plural:
            return False
        return not (agreement.gender and entry.gender and entry.gender != agreement.gender)
    if _is_channel(registry, entry):
        return False  # "on Telegram": where it was said, never who said it
    return "organisation" in agreement.kinds


def _gender_bonus(
    registry: _Registry, key: str, agreement: _Agreement, span: tuple[int, int] | None = None
) -> float:
    if agreement.gender is None:
        return 0.0
    entry = registry.entries.get(key) or (registry.describe(span) if span else None)
    return _W_GENDER if entry is not None and entry.gender == agreement.gender else 0.0


def _continue(
    context: _Context, links: list[Link], keys: list[str | None], index: int
) -> tuple[str | None, Link]:
    """A quote with no cue continues its speaker, unless the narrative since that
    speaker's last words has turned to another person."""
    registry = context.registry
    link = links[index]
    previous = links[link.continues]
    key = keys[link.continues]
    link = replace(link, relayed_by=previous.relayed_by)
    since = max(previous.content[1], previous.cue[1] if previous.cue else 0)
    if key is None or since >= link.content[0]:
        return key, link
    person = _Agreement(frozenset({"person"}), None, False)
    turned = [
        c
        for c in context.before(link.content[0], _LOOKBACK)
        if c.start >= since and c.subject and not c.aside
    ]
    if not turned:
        return key, link
    ranked = _rank(context, links, keys, index, link.content[0], person, link, since=since)
    if ranked is None or ranked[0] == key:
        return key, link
    other = ranked[0]
    registry.entries[other].mentions.sort()
    reason = f"a quote after narrative about {registry.entries[other].name} continues them"
    return other, replace(link, reason=reason, relayed_by=None)


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
