"""Checks: what a fact-checker should look at in one article, and in what order.

This stage reads what the earlier ones made (the claims, the sources and the
attributions, and the parsed Doc's tokens) and writes two things: each claim's
check-worthiness and quantities, and the article's findings:

- ``denied``: a claim a source denies (an attribution with stance "denies");
- ``unattributed``: a check-worthy claim in the publisher's own voice;
- ``hedged``: a claim that stands on "reportedly", "is said to"..., with no named source
  (such a claim gets this finding instead of ``unattributed``);
- ``anonymous_source``: claims whose originator is unnamed ("officials");
- ``second_hand``: claims that reach the publisher through a relay, with the depth;
- ``single_source``: an article whose attributed claims all rest on one originator.

Findings come in that order of kinds (a dispute first, then what no one vouches for, then
weak provenance, then the article as a whole), and within a kind by check-worthiness.
The headline is a summary of the body, so it gets no finding of its own.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from ..models import Attribution, Claim, Finding, Source
from ..rules.model import RuleSet
from .checkworthy import Scorer, match_phrases, phrase_words, scorer_for
from .quantities import find_quantities
from .syntax import doc_text

#: A claim this check-worthy (or more) in the publisher's own voice is a finding.
CHECKWORTHY = 0.5
#: The bar for a claim that gives a number: a figure no one vouches for is what a
#: fact-checker checks first, even in a short sentence the debate-trained score doubts.
CHECKWORTHY_WITH_NUMBER = 0.35

KIND_ORDER = (
    "denied",
    "unattributed",
    "hedged",
    "anonymous_source",
    "second_hand",
    "single_source",
)

DENIED = "Claim {claim} is denied by {source}: {text}"
UNATTRIBUTED = "Claim {claim} {reason} in {publisher_s} own voice: {text}"
HEDGED = "Claim {claim} stands on “{hedge}” and names no source: {text}"
ANONYMOUS = (
    "{claims} {rest} on an unnamed source, “{source}”{text}. Ask who that is, "
    "or find the claim on the record."
)
SECOND_HAND = (
    "{claims} {reach} {publisher} {depth_word}: {publisher} reports {accounts}what "
    "{originator} said. Check {relay_s} report first, then {originator_s} own words."
)
SINGLE_SOURCE = (
    "All {count} attributed claims ({claims}) rest on one source, {source}: "
    "nothing in the article corroborates them."
)
_DEPTH_WORDS = {2: "second-hand", 3: "third-hand"}


@dataclass(frozen=True, slots=True)
class Checked:
    """The stage's output: claims with scores and quantities, and the ordered findings."""

    claims: list[Claim]
    findings: list[Finding]


@dataclass(frozen=True, slots=True)
class _Draft:
    kind: str
    claims: list[str]
    sources: list[str]
    message: str
    detail: dict
    rank: float  # higher is checked first within the kind


def run_checks(
    doc: Doc,
    claims: list[Claim],
    sources: list[Source],
    attributions: list[Attribution],
    publisher_id: str | None,
    rules: RuleSet,
    *,
    headline: tuple[int, int] | None = None,
) -> Checked:
    """Score every claim, find its quantities, and write the article's findings."""
    scorer = scorer_for(rules)
    text = doc_text(doc)  # spaCy rebuilds Doc.text on every read: once per article
    scored = [_scored(doc, text, claim, scorer, rules) for claim in claims]
    names = {source.id: source for source in sources}
    body = [claim for claim in scored if not _in_headline(claim, headline)]
    hedges = tuple(phrase_words(p) for entry in rules.hedges for p in entry.phrases)
    hedged = _hedged(doc, body, names, hedges)
    spoken_for = {claim_id for draft in hedged for claim_id in draft.claims}
    drafts = [
        *_denied(body, attributions, names),
        *_unattributed([c for c in body if c.id not in spoken_for], names, publisher_id),
        *hedged,
        *_anonymous(body, names),
        *_second_hand(body, names),
        *_single_source(body, names),
    ]
    drafts.sort(key=lambda d: (KIND_ORDER.index(d.kind), -d.rank))
    findings = [
        Finding(
            id=f"f{number}",
            kind=d.kind,
            claims=d.claims,
            sources=d.sources,
            message=d.message,
            detail=d.detail,
        )
        for number, d in enumerate(drafts, start=1)
    ]
    return Checked(claims=scored, findings=findings)


def _span(doc: Doc, claim: Claim) -> Span | None:
    return doc.char_span(claim.start, claim.end, alignment_mode="expand")


def _scored(doc: Doc, text: str, claim: Claim, scorer: Scorer, rules: RuleSet) -> Claim:
    span = _span(doc, claim)
    if span is None or not len(span):
        return claim
    return claim.model_copy(
        update={
            "checkworthiness": scorer.score(span),
            "quantities": find_quantities(span, rules, text),
        }
    )


def _in_headline(claim: Claim, headline: tuple[int, int] | None) -> bool:
    return headline is not None and claim.start < headline[1] and headline[0] < claim.end


def _score(claim: Claim) -> float:
    return claim.checkworthiness.score if claim.checkworthiness else 0.0


def _name(names: dict[str, Source], source_id: str | None) -> str:
    source = names.get(source_id or "")
    return source.name if source is not None else "the article"


def _list(ids: list[str]) -> str:
    """'Claim c4', 'Claims c4 and c6', 'Claims c4, c6 and c9'."""
    if len(ids) == 1:
        return f"Claim {ids[0]}"
    return f"Claims {', '.join(ids[:-1])} and {ids[-1]}"


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _unattributed(
    claims: list[Claim], names: dict[str, Source], publisher_id: str | None
) -> list[_Draft]:
    drafts = []
    for claim in claims:
        worth = claim.checkworthiness
        if claim.kind != "unattributed" or worth is None:
            continue
        if worth.score < (CHECKWORTHY_WITH_NUMBER if claim.quantities else CHECKWORTHY):
            continue
        reason = "gives a number" if claim.quantities else _first_reason(worth.reasons)
        message = UNATTRIBUTED.format(
            claim=claim.id,
            reason=reason,
            publisher_s=_possessive(_name(names, publisher_id)),
            text=_one_line(claim.text),
        )
        detail = {
            "score": worth.score,
            "reasons": worth.reasons,
            "quantities": [q.text for q in claim.quantities],
        }
        sources = [publisher_id] if publisher_id else []
        drafts.append(_Draft("unattributed", [claim.id], sources, message, detail, worth.score))
    return drafts


def _first_reason(reasons: list[str]) -> str:
    positive = [r for r in reasons if not r.startswith("against:")]
    return positive[0] if positive else "makes a check-worthy claim"


def _unnamed(claim: Claim, names: dict[str, Source]) -> bool:
    """No one is named for the claim: the publisher alone, or an anonymous originator."""
    if len(claim.chain) <= 1:
        return True
    originator = names.get(claim.chain[-1])
    return originator is not None and _is_anonymous(originator)


def _is_anonymous(source: Source) -> bool:
    return source.anonymous or source.type == "anonymous"


def _hedged(
    doc: Doc,
    claims: list[Claim],
    names: dict[str, Source],
    hedges: tuple[tuple[str, ...], ...],
) -> list[_Draft]:
    drafts = []
    for claim in claims:
        span = _span(doc, claim)
        if span is None or not _unnamed(claim, names):
            continue
        hits = match_phrases(list(span), hedges)
        if not hits:
            continue
        start, end, _ = hits[0]
        hedge = span[start:end].text
        message = HEDGED.format(claim=claim.id, hedge=hedge, text=_one_line(claim.text))
        detail = {"hedge": hedge, "score": _score(claim)}
        drafts.append(_Draft("hedged", [claim.id], [], message, detail, _score(claim)))
    return drafts


def _anonymous(claims: list[Claim], names: dict[str, Source]) -> list[_Draft]:
    groups: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        if len(claim.chain) > 1:
            originator = names.get(claim.chain[-1])
            if originator is not None and _is_anonymous(originator):
                groups[originator.id].append(claim)
    drafts = []
    for source_id, group in groups.items():
        ids = [claim.id for claim in group]
        message = ANONYMOUS.format(
            claims=_list(ids),
            rest="rests" if len(ids) == 1 else "rest",
            source=_name(names, source_id),
            text=f": {_one_line(group[0].text).rstrip('.')}" if len(group) == 1 else "",
        )
        rank = max(_score(claim) for claim in group)
        detail = {"source": _name(names, source_id), "score": rank}
        drafts.append(_Draft("anonymous_source", ids, [source_id], message, detail, rank))
    return drafts


def _second_hand(claims: list[Claim], names: dict[str, Source]) -> list[_Draft]:
    groups: dict[tuple[str, ...], list[Claim]] = defaultdict(list)
    for claim in claims:
        if len(claim.chain) >= 3:
            groups[tuple(claim.chain)].append(claim)
    drafts = []
    for chain, group in groups.items():
        ids = [claim.id for claim in group]
        depth = len(chain) - 1
        chain_names = [_name(names, source_id) for source_id in chain]
        message = SECOND_HAND.format(
            claims=_list(ids),
            reach="reaches" if len(ids) == 1 else "reach",
            publisher=chain_names[0],
            depth_word=_DEPTH_WORDS.get(depth, f"through {depth} hands"),
            accounts="".join(f"{_possessive(name)} account of " for name in chain_names[1:-1]),
            originator=chain_names[-1],
            relay_s=_possessive(chain_names[1]),
            originator_s=_possessive(chain_names[-1]),
        )
        rank = max(_score(claim) for claim in group)
        detail = {
            "depth": depth,
            "chain": list(chain),
            "relays": list(chain[1:-1]),
            "originator": chain[-1],
            "score": rank,
        }
        drafts.append(_Draft("second_hand", ids, list(chain[1:]), message, detail, rank))
    return drafts


def _single_source(claims: list[Claim], names: dict[str, Source]) -> list[_Draft]:
    attributed = [c for c in claims if c.kind != "unattributed" and len(c.chain) > 1]
    origins = {claim.chain[-1] for claim in attributed}
    if len(attributed) < 2 or len(origins) != 1:
        return []
    origin = origins.pop()
    ids = [claim.id for claim in attributed]
    message = SINGLE_SOURCE.format(
        count=len(ids), claims=", ".join(ids), source=_name(names, origin)
    )
    detail = {"origin": origin, "count": len(ids)}
    rank = max(_score(claim) for claim in attributed)
    return [_Draft("single_source", ids, [origin], message, detail, rank)]


def _denied(
    claims: list[Claim], attributions: list[Attribution], names: dict[str, Source]
) -> list[_Draft]:
    denials = {a.id: a for a in attributions if a.stance == "denies"}
    drafts = []
    for claim in claims:
        denial = next((denials[i] for i in claim.attribution_ids if i in denials), None)
        if denial is None and claim.stance != "denies":
            continue
        source_id = denial.source_id if denial is not None else claim.chain[-1]
        message = DENIED.format(
            claim=claim.id,
            source=_name(names, source_id),
            text=_one_line(claim.text),
        )
        detail = {"attribution": denial.id if denial else None, "score": _score(claim)}
        sources = [source_id] if source_id else []
        drafts.append(_Draft("denied", [claim.id], sources, message, detail, _score(claim)))
    return drafts


def _possessive(name: str) -> str:
    return f"{name}'" if name.endswith("s") else f"{name}'s"
