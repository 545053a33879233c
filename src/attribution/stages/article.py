"""What a news article's text says about itself: headline, dateline and publisher.

Before any parsing, the raw text already tells us a lot. A short first line set off by
a blank line is the headline; the body's opening words often carry a dateline such as
``Kyiv [Ukraine], February 2 (ANI):`` or ``WASHINGTON (Reuters) -`` that names the place,
the date and the agency the whole article comes through. That agency is the first link
of every provenance chain, so it has to be read reliably and from the text alone,
without spaCy.

The patterns below are structural (capitalised words, a bracket, a parenthesised name,
a dash), not word lists. They are anchored, use only bounded repetitions, and are only
ever applied to a short prefix of a paragraph, so any input, however long or odd, is
read in linear time. Every offset is into the caller's original string.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from ..models import Article, Span

#: Longest first line still taken as a headline.
MAX_HEADLINE = 200
#: How much of the body paragraph the dateline patterns look at.
DATELINE_WINDOW = 300
#: Short lines (a byline, a time stamp, a pasted page's menu) that may stand before the dateline.
MAX_LEADING_LINES = 12
MAX_LEADING_LINE = 80

#: Leading blanks, byte order marks and zero-width spaces before the text proper.
LEADING_SPACE_RE = re.compile(r"[\s\ufeff\u200b]*")
#: Characters that end a line, as ``str.splitlines`` counts them (U+2029 included).
LINE_BREAKS = "\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"
_BREAK = "\\n\\r\\v\\f\\x1c-\\x1e\\x85\\u2028\\u2029"
#: One line break: CRLF, or any single line-ending character.
LINE_BREAK_RE = re.compile(rf"\r\n?|[{_BREAK}]")
#: The rest of a blank line: horizontal whitespace only, then its line break.
BLANK_LINE_RE = re.compile(rf"[^\S{_BREAK}]*(?:\r\n?|[{_BREAK}])")

_HS = rf"[^\S{_BREAK}]"  # horizontal whitespace
_WORD = r"[^\W\d_][\w.'’/&-]{0,30}"  # a word starting with a letter
_WORDS = rf"{_WORD}(?:{_HS}{{1,3}}{_WORD}){{0,5}}"
_MONTH = r"[A-Z][a-z]{2,8}\.?"  # "February", "Feb.", "Sept"
_DATE = (
    rf"{_MONTH}{_HS}{{1,3}}\d{{1,2}}(?:,{_HS}{{1,3}}\d{{4}})?"  # February 2, 2024
    rf"|\d{{1,2}}{_HS}{{1,3}}{_MONTH}(?:{_HS}{{1,3}}\d{{4}})?"  # 2 February 2024
)
_PLACE = (
    rf"(?P<place>{_WORDS})"
    rf"(?:{_HS}{{0,3}}\[(?P<bracket>[^\[\]\r\n]{{1,60}})\])?"  # Kyiv [Ukraine]
    rf"(?:,{_HS}{{1,3}}(?P<region>{_WORDS}))?"  # KYIV, Ukraine
    rf"(?:,{_HS}{{1,3}}(?P<date>{_DATE}))?"  # PARIS, Jan 5
)

#: A dateline naming its agency: ``Kyiv [Ukraine], February 2 (ANI):``,
#: ``WASHINGTON (Reuters) -``, ``KYIV, Ukraine (AP) —``, ``(Reuters) -``,
#: ``NEW DELHI, March 3 (IANS)``.
AGENCY_DATELINE_RE = re.compile(
    rf"(?:{_PLACE}{_HS}{{0,3}})?"
    rf"\((?P<publisher>{_WORDS})\)"
    rf"(?P<sep>{_HS}{{0,3}}(?:[:\u2013\u2014\u2015]|--?(?=\s|$)))?"
)

#: A dateline with a place and no agency, closed by a dash: ``KYIV, Ukraine —``.
PLACE_DATELINE_RE = re.compile(
    rf"{_PLACE}(?P<sep>{_HS}{{0,3}}[\u2013\u2014\u2015]|{_HS}{{1,3}}--?(?=\s|$))"
)


@dataclass(frozen=True, slots=True)
class _Dateline:
    """A dateline found at the start of a window; offsets relative to that window."""

    start: int
    end: int
    place: str | None
    date: str | None
    publisher: str | None


def read_article(
    text: str,
    *,
    title: str | None = None,
    publisher: str | None = None,
    url: str | None = None,
    published: str | None = None,
) -> Article:
    """Read headline, dateline and publisher from the raw text; never raises on a str.

    A caller's ``title`` and ``publisher`` win over what the text says; ``url`` and
    ``published`` are passed through. The publisher is the caller's, else the dateline's
    agency, else the URL's site, else None: a headline is never a publisher. When the
    caller's publisher differs from the dateline's agency, that agency is ``agency``.
    """
    first = _skip_space(text, 0)
    headline, body = _find_headline(text, first)
    body = _after_short_lines(text, body)
    found = _find_dateline(text[body : body + DATELINE_WINDOW])
    dateline: Span | None = None
    body_start = body
    if found is not None:
        dateline = _span(text, body + found.start, body + found.end)
        body_start = _skip_space(text, dateline.end)
    return Article(
        title=title if title is not None else (headline.text if headline else None),
        headline=headline,
        dateline=dateline,
        place=found.place if found else None,
        date=found.date if found else None,
        publisher=publisher or (found.publisher if found else None) or url_site(url),
        agency=_agency(publisher, found.publisher if found else None),
        url=url,
        published=published,
        body_start=body_start,
    )


def url_site(url: str | None) -> str | None:
    """The site a URL points at: "https://www.reuters.com/x" -> "reuters.com"."""
    if not url or not isinstance(url, str):
        return None
    try:
        host = urlsplit(url.strip() if "//" in url else "//" + url.strip()).hostname
    except ValueError:
        return None
    if not host or "." not in host:
        return None
    for prefix in ("www.", "m.", "amp.", "mobile."):
        host = host.removeprefix(prefix)
    return host


def _agency(publisher: str | None, dateline_agency: str | None) -> str | None:
    """The dateline's agency when the caller names another publisher."""
    if not publisher or not dateline_agency:
        return None
    same = " ".join(publisher.split()).casefold() == " ".join(dateline_agency.split()).casefold()
    return None if same else dateline_agency


def _find_dateline(window: str) -> _Dateline | None:
    """The dateline at the very start of ``window``, if there is one."""
    window = window[:DATELINE_WINDOW]
    match = AGENCY_DATELINE_RE.match(window)
    if match is not None and _agency_dateline_ok(match):
        return _dateline(match, match.group("publisher"))
    match = PLACE_DATELINE_RE.match(window)
    if match is not None and _place_dateline_ok(match):
        return _dateline(match, None)
    return None


def _after_short_lines(text: str, body: int) -> int:
    """Where the dateline is, when a byline or a time stamp stands before it ("By Marcus
    Hill", a blank line, "SACRAMENTO (AP) —"): past up to two short paragraphs with no
    sentence in them. Without a dateline after them, the body begins where it did."""
    position = body
    for _ in range(MAX_LEADING_LINES):
        if _find_dateline(text[position : position + DATELINE_WINDOW]) is not None:
            return position
        line_break = LINE_BREAK_RE.search(text, position, position + MAX_LEADING_LINE + 2)
        line = text[position : line_break.start()].strip() if line_break else ""
        if not line or len(line) > MAX_LEADING_LINE or line[-1] in '.!?"”':
            return body
        position = _skip_space(text, line_break.end())
    return position if _find_dateline(text[position : position + DATELINE_WINDOW]) else body


def _find_headline(text: str, first: int) -> tuple[Span | None, int]:
    """The headline starting at ``first`` and where the body begins after it.

    Without a headline the body begins at ``first``.
    """
    line_break = LINE_BREAK_RE.search(text, first, first + MAX_HEADLINE + 2)
    if line_break is None:
        return None, first
    line = text[first : line_break.start()].rstrip()
    blank = BLANK_LINE_RE.match(text, line_break.end())
    if not line or len(line) > MAX_HEADLINE or blank is None:
        return None, first
    body = _skip_space(text, blank.end())
    if body >= len(text) or _find_dateline(line) is not None:
        return None, first
    return _span(text, first, first + len(line)), body


def _agency_dateline_ok(match: re.Match[str]) -> bool:
    """Whether an agency-style match reads as a dateline rather than prose."""
    place = match.group("place")
    if not _capitalised(match.group("publisher")):
        return False
    if not (_capitalised(place) and _capitalised(match.group("region"))):
        return False
    if place is None:
        return match.group("sep") is not None
    return bool(match.group("sep") or match.group("date") or _in_capitals(place))


def _place_dateline_ok(match: re.Match[str]) -> bool:
    """A dateline without an agency needs its place in capitals ("KYIV, Ukraine —")."""
    return _in_capitals(match.group("place")) and _capitalised(match.group("region"))


def _dateline(match: re.Match[str], publisher: str | None) -> _Dateline:
    return _Dateline(
        start=match.start(),
        end=match.end(),
        place=match.group("place"),
        date=match.group("date"),
        publisher=publisher,
    )


def _capitalised(words: str | None) -> bool:
    """True when every word starts with a capital letter (or there are no words)."""
    return words is None or all(word[0].isupper() for word in words.split())


def _in_capitals(words: str | None) -> bool:
    """True for a place written in capitals, such as ``KYIV`` or ``NEW DELHI``."""
    return words is not None and words.isupper() and sum(c.isalpha() for c in words) >= 2


def _skip_space(text: str, pos: int) -> int:
    """The first offset at or after ``pos`` that is not whitespace, a BOM or a ZWSP."""
    match = LEADING_SPACE_RE.match(text, pos)
    return match.end() if match else pos


def _span(text: str, start: int, end: int) -> Span:
    return Span(start=start, end=end, text=text[start:end])
