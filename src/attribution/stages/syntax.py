"""Small readers of the dependency parse that more than one stage needs.

They hold shapes of English syntax (which dependents belong to a noun phrase), never
words: those come from the rule set.
"""

from __future__ import annotations

import weakref

import numpy
from spacy.attrs import HEAD, SENT_START
from spacy.tokens import Doc, Span, Token

_NP_LEFT = frozenset(
    {"det", "amod", "compound", "poss", "nummod", "nmod", "quantmod", "advmod", "predet", "case"}
)
_NP_RIGHT = frozenset({"prep", "amod", "compound", "case", "nummod", "appos"})


#: Each live Doc's sentences, read once: ``Doc.sents`` walks every token on each call,
#: and several stages need the sentences of one Doc.
_SENTENCES: weakref.WeakKeyDictionary[Doc, list[Span]] = weakref.WeakKeyDictionary()


def sentences(doc: Doc) -> list[Span]:
    """The Doc's sentences, as ``doc.sents`` gives them, computed once per Doc."""
    found = _SENTENCES.get(doc)
    if found is None:
        if len(doc) == 0:
            found = []
        else:
            marks = doc.to_array(SENT_START).astype("int64")
            starts = [0, *(int(i) for i in numpy.flatnonzero(marks == 1) if i > 0)]
            found = [doc[a:b] for a, b in zip(starts, [*starts[1:], len(doc)], strict=True)]
        _SENTENCES[doc] = found
    return found


#: Each live Doc's text, read once: spaCy rebuilds ``Doc.text`` from every token on each
#: read, and every stage needs it.
_TEXTS: weakref.WeakKeyDictionary[Doc, str] = weakref.WeakKeyDictionary()


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once per Doc (a Doc's text never changes: retokenizing keeps it)."""
    found = _TEXTS.get(doc)
    if found is None:
        found = _TEXTS[doc] = doc.text
    return found


#: Each live Doc's head indices, read once: walking heads through ``doc[i].head`` makes a
#: Token object at every step.
_HEADS: weakref.WeakKeyDictionary[Doc, list[int]] = weakref.WeakKeyDictionary()


def heads(doc: Doc) -> list[int]:
    """Each token's head as a token index (a root is its own head), computed once per Doc."""
    found = _HEADS.get(doc)
    if found is None:
        offsets = doc.to_array(HEAD).astype("int64")  # relative: head.i - token.i
        found = [i + int(offset) for i, offset in enumerate(offsets)]
        _HEADS[doc] = found
    return found


def char_span(tokens: Span | list[Token]) -> tuple[int, int]:
    """Character offsets (start, end) of a run of tokens."""
    first, last = tokens[0], tokens[-1]
    return first.idx, last.idx + len(last.text)


def subtree(token: Token) -> list[Token]:
    """The token and its descendants in text order, as ``Token.subtree`` gives them."""
    doc = token.doc
    return [doc[i] for i in subtree_indices(token)]


def subtree_indices(token: Token) -> list[int]:
    """The indices of ``subtree(token)``: a caller that needs only positions makes no
    Token objects, which cost more than the walk on a long sentence.

    In time linear in the subtree's extent: spaCy's ``Token.subtree`` is a recursive
    generator, which costs the subtree's size times its depth, so a chain of clauses each
    under the last ("he said he said ...") made every cue cost the square of its sentence.
    Each token between the edges is tested once, by walking up its heads until one is
    known (memoised), so that a non-projective parse gives the same tokens.
    """
    lo, hi = token.left_edge.i, token.right_edge.i
    head_of = heads(token.doc)
    inside: dict[int, bool] = {token.i: True}
    found: list[int] = []
    for i in range(lo, hi + 1):
        path, j, within = [], i, False
        while j not in inside:
            path.append(j)
            head = head_of[j]
            if head == j or not lo <= head <= hi:
                break
            j = head
        else:
            within = inside[j]
        for k in path:
            inside[k] = within
        if inside[i]:
            found.append(i)
    return found


_ASIDES = frozenset({"relcl", "acl"})


def mention_span(token: Token) -> tuple[int, int]:
    """The noun phrase a head token stands for, without relative clauses or appositions."""
    left = right = token.i
    for child in reversed(list(token.lefts)):
        joins = child.dep_ in _NP_LEFT or _word_hyphen(child)  # "front-runner": one word
        if not joins or child.right_edge.i != left - 1 or _focus_particle(child):
            break
        left = child.left_edge.i
    for child in token.rights:
        if child.dep_ not in _NP_RIGHT or child.left_edge.i != right + 1:
            break
        right = child.right_edge.i
    doc = token.doc
    right = _before_aside(doc, left, right)
    while right > left and (doc[right].is_punct or doc[right].tag_ == "POS"):
        right -= 1
    while left < right and doc[left].is_punct:
        left += 1
    return char_span(doc[left : right + 1])


def _word_hyphen(token: Token) -> bool:
    """A hyphen inside a word ("front-runner"), not a dash between phrases (" - ")."""
    if token.tag_ != "HYPH" or token.whitespace_ or token.i == 0:
        return False
    return not token.doc[token.i - 1].whitespace_


def _focus_particle(child: Token) -> bool:
    """ "even she", "only the mayor": an adverb before a noun phrase is no part of the name
    of whom it names (the parser hangs it on the noun)."""
    named = child.head.pos_ in {"PRON", "PROPN"}  # not "nearly half", a quantity
    return named and child.dep_ == "advmod" and child.pos_ == "ADV" and not list(child.children)


def _before_aside(doc: Doc, left: int, right: int) -> int:
    """Where a phrase stops before a clause set off by a comma inside it: "an aide to
    Briggs, who spoke on condition of anonymity," names the aide, not what he did."""
    for token in doc[left + 1 : right + 1]:
        first = token.left_edge.i
        if token.dep_ in _ASIDES and first > left + 1 and doc[first - 1].text == ",":
            return first - 2
    return right


def np_head(token: Token) -> Token:
    """The head noun of the noun phrase a modifier token starts."""
    while token.dep_ in _NP_LEFT and token.head.i > token.i:
        token = token.head
    return token
