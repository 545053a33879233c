"""Cheap checks of the input itself: empty, blank, wordless, or probably not English.

The analysis runs whatever the text is; these checks only add ``warnings`` to it, so a
caller can tell a text with no attributions from a text the rules could not read.

"Probably not English" is judged from two ratios that cost one vectorised pass over the
Doc and two over the text: the share of alphabetic tokens that are English stop words
(the pipeline's own ``Defaults.stop_words``, read through the ``IS_STOP`` lexeme flag;
about 40% in English news, under 10% in French, German or Spanish), and the share of
letters that are ASCII (near 0 for Cyrillic, Arabic or Chinese). Too few words give no
judgement at all.
"""

from __future__ import annotations

import re

from spacy.attrs import IS_ALPHA, IS_STOP
from spacy.tokens import Doc

EMPTY = "the text is empty"
BLANK = "the text is blank: it holds only whitespace or invisible characters"
NO_WORDS = "the text has no letters or digits"
NOT_ENGLISH = "the text may not be English ({detail}); the analysis is best-effort"

#: Fewest alphabetic tokens for the stop-word ratio to mean anything.
MIN_WORDS = 20
#: Below this share of English stop words among alphabetic tokens, flag the text.
MIN_STOP_RATIO = 0.2
#: Fewest letters for the script ratio to mean anything.
MIN_LETTERS = 20
#: Below this share of ASCII letters among all letters, flag the text.
MIN_ASCII_LETTERS = 0.5

_ALNUM_RE = re.compile(r"[^\W_]")
_LETTERS_RE = re.compile(r"[^\W\d_]+")
_ASCII_LETTERS_RE = re.compile(r"[A-Za-z]+")
#: Whitespace, control and format characters (zero-width spaces, bidi marks, BOM, NUL).
_INVISIBLE_RE = re.compile(
    r"[\s\x00-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f"
    r"\u202a-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]*"
)


def text_warnings(doc: Doc, text: str | None = None) -> list[str]:
    """Warnings about the input text of a tokenized Doc, in a fixed order.

    ``text`` is ``doc.text`` when the caller has it already (spaCy rebuilds it from the
    tokens on every access).
    """
    text = doc.text if text is None else text
    if not text:
        return [EMPTY]
    if _ALNUM_RE.search(text) is None:
        blank = _INVISIBLE_RE.fullmatch(text) is not None
        return [BLANK if blank else NO_WORDS]
    warning = language_warning(doc, text)
    return [warning] if warning else []


def language_warning(doc: Doc, text: str | None = None) -> str | None:
    """A warning when the Doc's text is probably not English, else None."""
    text = doc.text if text is None else text
    letters = len(text) - len(_LETTERS_RE.sub("", text))
    if letters >= MIN_LETTERS:
        ascii_letters = len(text) - len(_ASCII_LETTERS_RE.sub("", text))
        share = ascii_letters / letters
        if share < MIN_ASCII_LETTERS:
            outside = round(100 * (1 - share))
            return NOT_ENGLISH.format(detail=f"{outside}% of its letters are not Latin")
    if len(doc) == 0:
        return None
    flags = doc.to_array([IS_ALPHA, IS_STOP])
    alpha = flags[:, 0] == 1
    words = int(alpha.sum())
    if words < MIN_WORDS:
        return None
    ratio = int((flags[alpha, 1] == 1).sum()) / words
    if ratio < MIN_STOP_RATIO:
        detail = f"only {round(100 * ratio)}% of its words are common English words"
        return NOT_ENGLISH.format(detail=detail)
    return None
