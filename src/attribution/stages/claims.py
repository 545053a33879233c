"""Claims: sentence-level units of content, each with the chain it came through.

A quoted passage gives one claim per quoted sentence; reported speech gives its content
clause; every other sentence is the publisher's own voice, kind ``unattributed``,
because unattributed factual claims are what fact-checkers look at first. Claims never
overlap: where one link's content holds another's, the inner one speaks.
"""

from __future__ import annotations

import heapq
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ..models import Claim
from .parts import Link
from .syntax import doc_text, heads, subtree
from .syntax import sentences as doc_sentences

#: Dependents of a cue verb that belong to its frame ("he said *on Tuesday* *to reporters*").
_FRAME_DEPS = frozenset(
    {
        "nsubj",
        "nsubjpass",
        "csubj",
        "aux",
        "auxpass",
        "neg",
        "advmod",
        "npadvmod",
        "prep",
        "agent",
        "dative",
        "dobj",
        "punct",
        "prt",
        "mark",
        "expl",
    }
)
#: Glue between a cue and its content or between clauses: "that", "and", "but".
_GLUE_DEPS = frozenset({"mark", "cc", "punct"})
#: Clauses hanging on a cue verb that tell of the telling, not what was told: "reported
#: *citing the police*", "citing the police, *that informed of it on Telegram*".
_FRAME_CLAUSE_DEPS = frozenset({"advcl", "relcl", "acl", "xcomp"})
#: Tags of a subject that points back rather than names someone: a relative word, or a lone
#: determiner the parser took for one ("the police, *that* informed ...").
_RELATIVE_TAGS = frozenset({"WDT", "WP", "DT"})
#: Quote marks that open a quote before a claim's first word.
_OPENING_MARKS = "\"'“‘"


@dataclass(frozen=True, slots=True)
class _Unit:
    start: int
    end: int
    link: int | None  # index of the innermost link, None for the publisher's own voice
    also: tuple[int, ...] = ()  # further links of one statement ("The plan, he said, works")


def build_claims(
    doc: Doc,
    links: list[Link],
    source_ids: list[str | None],
    publisher_id: str,
    *,
    dateline: tuple[int, int] | None = None,
    attribution_ids: list[str] | None = None,
    furniture: list[tuple[int, int]] | None = None,
    agency_id: str | None = None,
) -> list[Claim]:
    """Claims in text order, ids c1, c2, ... .

    Together with ``furniture`` and the ``dateline`` they cover every word of the text once:
    a cue's own frame ("he said on Telegram") joins the claim it introduces, and every
    other stretch (the headline too) is the publisher's claim. ``agency_id`` follows the
    publisher in every chain.
    """
    attribution_ids = attribution_ids or [f"a{i + 1}" for i in range(len(links))]
    text = doc_text(doc)  # spaCy rebuilds Doc.text on every access
    sentences = [(sent.start_char, sent.end_char) for sent in doc_sentences(doc)]
    furniture = sorted(furniture or [])
    frame = _frame_tokens(doc, links)
    units = _linked_units(text, links, sentences)
    units = _outside(text, units, dateline) if dateline else units
    units = _non_overlapping(text, units, _says_more(doc, frame))
    set_aside = sorted([*furniture, dateline] if dateline else furniture)
    units = _cover_body(doc, text, links, sentences, units, set_aside, frame)
    units = _with_marks(text, units, furniture)
    units = _joined_around_cues(text, links, source_ids, units)
    head = [publisher_id] if agency_id in (None, publisher_id) else [publisher_id, agency_id]
    return [
        _claim(text, f"c{number}", unit, links, source_ids, head, attribution_ids)
        for number, unit in enumerate(units, start=1)
    ]


def _joined_around_cues(
    text: str, links: list[Link], source_ids: list[str | None], units: list[_Unit]
) -> list[_Unit]:
    """ "The plan, he said later, would cost millions": one statement around its cue, two
    links with one cue and one speaker, is one claim, not two halves of a sentence."""
    joined: list[_Unit] = []
    for unit in units:
        last = joined[-1] if joined else None
        if last is not None and _one_statement(text, links, source_ids, last, unit):
            joined[-1] = _Unit(last.start, unit.end, last.link, (*last.also, unit.link))
        else:
            joined.append(unit)
    return joined


def _one_statement(
    text: str, links: list[Link], source_ids: list[str | None], first: _Unit, second: _Unit
) -> bool:
    if first.link is None or second.link is None or text[first.end : second.start].strip():
        return False
    one, two = links[first.link], links[second.link]
    return (
        one.cue is not None
        and one.cue == two.cue
        and source_ids[first.link] == source_ids[second.link]
        and one.content[1] <= one.cue[0] <= two.content[0]
    )


def _linked_units(text: str, links: list[Link], sentences: list[tuple[int, int]]) -> list[_Unit]:
    relayed_same = {(link.relayed_by, link.content) for link in links}
    units: list[_Unit] = []
    for index, link in enumerate(links):
        if (index, link.content) in relayed_same or _reporters_question(link):
            continue  # the inner link speaks for it; an unasked-by question is nobody's
        if link.kind == "direct":
            pieces = _sentences_within(text, sentences, *link.content)
            units.extend(_Unit(s, e, index) for s, e in pieces)
        else:
            units.append(_Unit(*_trim(text, *link.content), index))
    return [u for u in units if u.start < u.end]


def _outside(text: str, units: list[_Unit], span: tuple[int, int]) -> list[_Unit]:
    """The units less what they share with ``span`` (the dateline), which is no claim
    even where a misread link's content runs over it."""
    out = []
    for unit in units:
        if unit.end <= span[0] or span[1] <= unit.start:
            out.append(unit)
            continue
        for start, end in ((unit.start, span[0]), (span[1], unit.end)):
            piece = _trim(text, start, end) if start < end else (start, start)
            if piece[0] < piece[1] and _has_words(text, *piece):
                out.append(_Unit(*piece, unit.link))
    return out


def _sentences_within(
    text: str, sentences: list[tuple[int, int]], start: int, end: int
) -> list[tuple[int, int]]:
    """The sentence pieces of [start, end), trimmed, skipping pieces with no words."""
    pieces = []
    k = max(0, bisect_right(sentences, (start, 1 << 62)) - 1)
    while k < len(sentences) and sentences[k][0] < end:
        s, e = max(start, sentences[k][0]), min(end, sentences[k][1])
        if s < e:
            pieces.append(_trim(text, s, e))
        k += 1
    return [p for p in pieces if _has_words(text, *p)]


def _has_words(text: str, start: int, end: int) -> bool:
    return any(ch.isalnum() for ch in text[start:end])


def _cover_body(
    doc: Doc,
    text: str,
    links: list[Link],
    sentences: list[tuple[int, int]],
    units: list[_Unit],
    set_aside: list[tuple[int, int]],
    frame: dict[int, int],
) -> list[_Unit]:
    """The linked units, grown over their cue frames, plus the publisher's claims for the
    rest, so that every word is in exactly one claim, furniture line or the dateline."""
    taken = sorted([(u.start, u.end) for u in units] + set_aside)
    units = sorted(units, key=lambda u: u.start)
    for gap in _gaps(text, sentences, taken):
        runs = _runs(doc, text, frame, links, *gap)
        for number, (start, end, owner) in enumerate(runs):
            if owner is not None:
                last = number == len(runs) - 1
                units = _attach(units, links, start, end, owner, sentences, last)
            else:
                units = sorted([*units, _Unit(start, end, None)], key=lambda u: u.start)
    return units


def _gaps(
    text: str, sentences: list[tuple[int, int]], taken: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Stretches with words in them that no span in ``taken`` covers, cut at sentences."""
    gaps = []
    for s, e in sentences:
        position = s
        k = max(0, bisect_right(taken, (s, 1 << 62)) - 1)
        while position < e:
            while k < len(taken) and taken[k][1] <= position:
                k += 1
            stop = e if k >= len(taken) else min(e, max(position, taken[k][0]))
            if stop > position:
                piece = _trim(text, position, stop)
                if piece[0] < piece[1] and _has_words(text, *piece):
                    gaps.append(piece)
            if k >= len(taken) or taken[k][0] >= e:
                break
            position = max(position, taken[k][1])
    return gaps


def _reporters_question(link: Link) -> bool:
    """ "Asked whether X, ...": a question with no asker in the text is the reporter's, no
    one's claim and no frame. A question someone is said to ask ('"Who approved this?" she
    asked') is that person's words: a claim with their chain, which no check reads as an
    assertion, since a question is never check-worthy."""
    return link.question and link.source is None


def _frame_tokens(doc: Doc, links: list[Link]) -> dict[int, int]:
    """Tokens of the links' cue frames, each with the link it frames: speaker, cue,
    recipient, time, place, channel; never content, and never a question (which is no
    frame of its answer). A clause hanging on a frame word ("the police, who posted on
    Telegram") belongs to that frame too."""
    frame: dict[int, int] = {}
    roots: set[int] = set()
    skipped = {index for index, link in enumerate(links) if _reporters_question(link)}
    for index, link in enumerate(links):
        if index in skipped:
            continue
        cue = doc.char_span(*link.cue, alignment_mode="expand") if link.cue else None
        tokens: list[int] = []
        if link.channel is not None:
            tokens.extend(_token_range(doc, link.channel))
        if link.source is not None:
            source = doc.char_span(*link.source, alignment_mode="expand")
            governed = source is not None and (
                cue is None or source.root.head.i in range(cue.start, cue.end)
            )
            if governed:  # not the subject a cue only shares ("Condemning ..., X expressed")
                tokens.extend(range(source.start, source.end))
        if cue is not None:
            tokens.extend(t.i for t in cue)
            root = cue.root
            roots.add(root.i)
            parts = [root] if len(cue) > 1 else []
            parts += [c for c in root.children if c.dep_ in _FRAME_DEPS]
            carrier = _issuing_verb(root)
            if carrier is not None:  # "X issued a statement saying ...": X issued it
                content = range(*link.content)
                tokens.extend(t.i for t in subtree(carrier) if t.idx not in content)
            tokens.extend(t.i for part in parts for t in subtree(part))
        for i in tokens:
            frame.setdefault(i, index)
    asked = [span for i in skipped for span in (links[i].cue, links[i].content) if span]
    for index, link in enumerate(links):  # after every cue's own words, which come first
        for i in _frame_clauses(doc, link, asked) if index not in skipped else ():
            frame.setdefault(i, index)
    _inherit_frames(heads(doc), frame, roots)
    return frame  # content never reaches a gap: it is in its own claim


def _inherit_frames(head_of: list[int], frame: dict[int, int], roots: set[int]) -> None:
    """Give each token outside the frames the frame of its nearest framed ancestor (a
    cue's root passes on nothing), as ``Token.ancestors`` walks up; on head indices, since
    a walk through Token objects makes one at every step of every token's path. Each walk
    stops at a token whose answer is known, so a deep chain of clauses costs its length,
    not its square."""
    known: dict[int, int | None] = {}
    for i in range(len(head_of)):
        if i in frame or i in known:
            continue
        path, j, found = [i], i, None
        while head_of[j] != j and len(path) <= len(head_of):  # a cycle stops, as spaCy's
            j = head_of[j]
            if j in frame and j not in roots:
                found = frame[j]
                break
            if j in known:
                found = known[j]
                break
            path.append(j)
        for k in path:
            known[k] = found
    frame.update({i: found for i, found in known.items() if found is not None and i not in frame})


def _issuing_verb(cue: Token) -> Token | None:
    """The verb that issued the document a participle cue hangs on ("*issued* a statement
    saying ..."): its words frame the claim as much as the cue's."""
    carrier = cue.head
    if cue.dep_ == "acl" and cue.tag_ == "VBG" and carrier.dep_ == "dobj":
        return carrier.head
    return None


def _frame_clauses(doc: Doc, link: Link, asked: list[tuple[int, int]]) -> list[int]:
    """Tokens of the clauses on a cue verb that say more of the telling, with no subject
    of their own but a relative word ("citing the police, that informed of it on
    Telegram"); never the link's content, never a clause with a subject of its own
    ("..., although the data shows ..."), which is a claim, and never the reporter's
    question ("Asked whether ..., she said"), which is no frame of its answer."""
    cue = doc.char_span(*link.cue, alignment_mode="expand") if link.cue else None
    if cue is None:
        return []
    tokens: list[int] = []
    for child in cue.root.children:
        if child.dep_ not in _FRAME_CLAUSE_DEPS:
            continue
        subjects = [c for c in child.children if c.dep_ in ("nsubj", "nsubjpass")]
        if any(s.tag_ not in _RELATIVE_TAGS for s in subjects):
            continue
        words = subtree(child)
        first, last = words[0].idx, words[-1].idx + len(words[-1])
        if any(first < e and s < last for s, e in [link.content, *asked]):
            continue
        tokens.extend(t.i for t in words)
    return tokens


def _token_range(doc: Doc, span: tuple[int, int]) -> range:
    tokens = doc.char_span(*span, alignment_mode="expand")
    return range(tokens.start, tokens.end) if tokens is not None else range(0)


def _runs(
    doc: Doc, text: str, frame: dict[int, int], links: list[Link], start: int, end: int
) -> list[tuple[int, int, int | None]]:
    """The stretch cut into runs of cue-frame words ("he said:"), with the link they frame,
    and runs of other words (None: "Asked whether ..."). Glue words ("that", "and") go with
    the words after them; punctuation stays with the words before it. The frames of one
    chain make one run ("CNN reported citing the police"); those of two links side by side
    two ("the mayor said, | adding that ..."), each joining its own claim."""
    tokens = doc.char_span(start, end, alignment_mode="expand")
    words = [t for t in tokens or () if any(ch.isalnum() for ch in t.text)]
    if not words:
        return [(start, end, None)]
    owners: list[int | None] = [frame.get(t.i) for t in words]
    glue = [t.dep_ in _GLUE_DEPS for t in words]
    following: int | None = None
    for k in range(len(words) - 1, -1, -1):
        if glue[k]:
            owners[k] = following if k < len(words) - 1 else (owners[k - 1] if k else None)
        following = owners[k]
    _relative_clauses_join_their_frame(words, owners)
    runs: list[tuple[int, int, int | None]] = []
    for token, owner in zip(words, owners, strict=True):
        t_start = max(start, token.idx) if runs else start
        if runs and _same_run(links, runs[-1][2], owner):
            pass  # the run goes on
        else:
            if runs:
                runs[-1] = (runs[-1][0], t_start, runs[-1][2])
            runs.append((t_start, t_start, owner))
    runs[-1] = (runs[-1][0], end, runs[-1][2])
    runs = _frame_runs_at_edges(runs)
    return [(*_trim_end(text, s, e), owner) for s, e, owner in runs]


def _relative_clauses_join_their_frame(words: list, owners: list[int | None]) -> None:
    """A clause whose subject is a relative word right after a frame ("citing the police,
    *that posted it on Facebook*") says more of that frame, however the parser hung it:
    alone it is no claim a reader could check."""
    for k in range(1, len(words)):
        if owners[k] is not None or owners[k - 1] is None or not _relative_subject(words[k]):
            continue
        for j in range(k, len(words)):
            if owners[j] is not None:
                break
            owners[j] = owners[k - 1]


def _relative_subject(token) -> bool:
    return (
        token.dep_ in ("nsubj", "nsubjpass")
        and token.tag_ in _RELATIVE_TAGS
        and token.head.i > token.i
    )


def _same_run(links: list[Link], previous: int | None, owner: int | None) -> bool:
    """Whether a word of ``owner`` goes on the run of ``previous``: both the publisher's,
    or frames of one chain, one relaying the other."""
    if previous is None or owner is None:
        return previous is None and owner is None
    return previous in _chain(links, owner) or owner in _chain(links, previous)


def _frame_runs_at_edges(
    runs: list[tuple[int, int, int | None]],
) -> list[tuple[int, int, int | None]]:
    """A cue frame joins a claim only at the edge of its stretch; one between other words
    ("..., the mayor said, and the council ...") stays with those words."""
    merged: list[tuple[int, int, int | None]] = []
    for number, (start, end, owner) in enumerate(runs):
        if 0 < number < len(runs) - 1:
            owner = None
        if merged and merged[-1][2] is None and owner is None:
            merged[-1] = (merged[-1][0], end, None)
        else:
            merged.append((start, end, owner))
    return merged


def _trim_end(text: str, start: int, end: int) -> tuple[int, int]:
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _attach(
    units: list[_Unit],
    links: list[Link],
    start: int,
    end: int,
    owner: int,
    sentences: list[tuple[int, int]],
    last: bool,
) -> list[_Unit]:
    """Grow the claim a cue frame belongs to over it: its own link's claim beside it, else
    the neighbour in its sentence, the one before it first; else the publisher's. Only
    the last run of a stretch may join the claim after it (nothing lies between)."""
    k = bisect_right([u.start for u in units], start)
    sentence = sentences[max(0, bisect_right(sentences, (start, 1 << 62)) - 1)]
    before = units[k - 1] if k > 0 else None
    after = units[k] if k < len(units) and last else None
    for neighbour, at in ((before, k - 1), (after, k)):
        if (
            neighbour is not None
            and neighbour.link is not None
            and (owner in _chain(links, neighbour.link))
        ):
            units[at] = _Unit(min(start, neighbour.start), max(end, neighbour.end), neighbour.link)
            return units
    if before is not None and before.end >= sentence[0]:
        units[k - 1] = _Unit(before.start, end, before.link)
    elif after is not None and after.start < sentence[1]:
        units[k] = _Unit(start, after.end, after.link)
    else:
        units.insert(k, _Unit(start, end, None))
    return units


def _with_marks(text: str, units: list[_Unit], furniture: list[tuple[int, int]]) -> list[_Unit]:
    """Each claim grown over the quote marks and the stop that touch its ends, so that it
    reads as printed: '“We are ready,” she said.', 'the mayor said: "I hope not."'.
    Trimming took them off every claim, so no other claim holds them; furniture stays.
    An opening mark left at a claim's end goes to the claim it opens."""
    units = [_Unit(u.start, _without_opening_marks(text, u.start, u.end), u.link) for u in units]
    bounds = sorted([(u.start, u.end) for u in units] + list(furniture))
    grown: list[_Unit] = []
    for unit in units:
        k = bisect_right(bounds, (unit.start, 1 << 62)) - 1
        floor = max(bounds[k - 1][1] if k > 0 else 0, grown[-1].end if grown else 0)
        ceiling = bounds[k + 1][0] if k + 1 < len(bounds) else len(text)
        start, end = _opening_marks(text, unit.start, floor), _closing(text, unit.end, ceiling)
        grown.append(_Unit(start, end, unit.link))
    return grown


def _without_opening_marks(text: str, start: int, end: int) -> int:
    """The end of a claim before the opening marks it ends with ('stated, “')."""
    while end > start + 1 and (
        text[end - 1] in "“‘"
        or (text[end - 1] in "\"'" and text[end - 2].isspace())
        or text[end - 1].isspace()
    ):
        end -= 1
    return end


def _opening_marks(text: str, start: int, floor: int) -> int:
    """Back over the opening quote marks just before ``start``; a straight mark opens only
    where no word runs into it ('"Yes' opens; 'farmers' "' closes)."""
    while start > floor and text[start - 1] in _OPENING_MARKS:
        before = text[start - 2] if start >= 2 else " "
        if text[start - 1] in "\"'" and before.isalnum():
            break
        start -= 1
    return start


def _closing(text: str, end: int, ceiling: int) -> int:
    """On over the punctuation right after ``end`` ('not."', 'tight.', 'held,'), when a
    space or the next claim follows it, so that nothing of the sentence is left out."""
    stop = end
    while stop < ceiling and not text[stop].isspace() and not text[stop].isalnum():
        stop += 1
    if stop == ceiling or stop == len(text) or text[stop].isspace():
        return stop
    return end


def _non_overlapping(
    text: str, units: list[_Unit], says_more: Callable[[int, int], bool]
) -> list[_Unit]:
    """Where one unit holds another the inner one speaks, and what the outer says besides
    stays the outer's ("Helix is recalling the pills after tests found traces, the company
    said": the recall is the company's word, not the publisher's); a rest that is only the
    inner's frame ("X said that *Y reported that* Z") goes to the inner. Then drop partial
    overlaps."""
    pending = [(u.start, -u.end, k, u) for k, u in enumerate(units)]
    heapq.heapify(pending)
    order = len(units)
    kept: list[_Unit] = []
    while pending:
        unit = heapq.heappop(pending)[3]
        while kept and kept[-1].start <= unit.start and unit.end <= kept[-1].end:
            outer = kept.pop()
            if (outer.start, outer.end) == (unit.start, unit.end):
                continue
            for start, end in ((outer.start, unit.start), (unit.end, outer.end)):
                start, end = _trim(text, start, end)
                if start >= end or not says_more(start, end):
                    continue
                if end <= unit.start:
                    kept.append(_Unit(start, end, outer.link))
                else:
                    heapq.heappush(pending, (start, -end, order, _Unit(start, end, outer.link)))
                    order += 1
        if kept and unit.start < kept[-1].end:
            continue
        kept.append(unit)
    return kept


def _says_more(doc: Doc, frame: dict[int, int]) -> Callable[[int, int], bool]:
    """Whether a stretch holds a word outside every cue frame: something said, not who said."""

    def says_more(start: int, end: int) -> bool:
        span = doc.char_span(start, end, alignment_mode="contract")
        return span is not None and any(
            t.i not in frame and any(ch.isalnum() for ch in t.text) and t.dep_ not in _GLUE_DEPS
            for t in span
        )

    return says_more


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in "\"“”'‘’,"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in "\"“”'‘’,"):
        end -= 1
    return start, end


def _chain(links: list[Link], index: int) -> list[int]:
    """Link indices from the outermost relay down to ``index``."""
    chain = [index]
    while (outer := links[chain[-1]].relayed_by) is not None and outer not in chain:
        chain.append(outer)
    return chain[::-1]


def _claim(article_text, claim_id, unit, links, source_ids, head, ids) -> Claim:
    text = article_text[unit.start : unit.end]
    if unit.link is None:
        return Claim(
            id=claim_id,
            text=text,
            start=unit.start,
            end=unit.end,
            kind="unattributed",
            chain=list(head),
            stance="asserts",
        )
    path = _chain(links, unit.link)
    chain = list(head)
    for index in path:
        source_id = source_ids[index]
        if source_id is not None and source_id not in chain:
            chain.append(source_id)
    inner = links[unit.link]
    return Claim(
        id=claim_id,
        text=text,
        start=unit.start,
        end=unit.end,
        kind=inner.kind,
        chain=chain,
        channel=inner.channel_name,
        inferred=any(links[i].inferred for i in path),
        attribution_ids=[ids[i] for i in path] + [ids[i] for i in unit.also],
        stance=inner.stance,
    )
