"""Reading article files: bytes to the exact text that the analysis indexes.

Every offset in an analysis is a code-point index into the text this module returns,
so it decodes and never normalises: line endings, odd spaces and control characters
stay as they are. The one exception is a leading byte order mark, which is an artefact
of the encoding and not of the text; it is dropped here, and offsets count from the
character after it (the analysis reports that decoded text, so nothing is lost).

Files that are not UTF-8 are decoded with charset-normalizer's detection (old
Windows-1252 exports are common in newsrooms). Anything that is not plausibly text is
rejected with a one-line :class:`~attribution.errors.InputError` rather than analysed
as mojibake.
"""

from __future__ import annotations

import codecs
import errno
import os
import re
import stat
import sys
import unicodedata
from pathlib import Path
from typing import IO, Any, NamedTuple

from ..errors import InputError
from ..limits import MAX_INPUT_BYTES

#: How much of the start of a file the binary checks look at.
SNIFF_BYTES = 8192
#: Above this share of control characters, a decoded file is taken as binary.
MAX_CONTROL_SHARE = 0.10

#: The encoding preferred among equally likely guesses (see _detect).
PREFERRED_ENCODING = "cp1252"

#: What a name looks like for standard input in messages.
STDIN_NAME = "<stdin>"

# The messages, in one place. Each formats with the file's name as given.
NO_SUCH_FILE = "{name}: no such file"
IS_DIRECTORY = "{name}: is a directory, not a file"
NOT_A_FILE = "{name}: is not a regular file"
UNREADABLE = "{name}: cannot read the file ({reason})"
LINK_LOOP = "{name}: the symbolic links loop, so there is no file to read"
TOO_LARGE = "{name}: is larger than {limit} bytes, the limit for one article"
BINARY = "{name}: looks like a binary file, not text"
UNKNOWN_ENCODING = (
    "{name}: is not UTF-8 and its encoding could not be detected; convert it to UTF-8"
)
NO_TRAFILATURA = (
    "--html needs trafilatura, which is not installed: pip install 'news-attribution[html]'"
)
BROKEN_TRAFILATURA = (
    "--html needs trafilatura, which failed to import ({reason}): "
    "pip install 'news-attribution[html]'"
)
NO_ARTICLE_IN_HTML = "{name}: no article text found in the HTML"

#: Byte order marks and the codecs that decode them and drop the mark. UTF-32 comes
#: first because its little-endian mark starts with UTF-16's.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
#: Control characters that ordinary text does contain.
_TEXT_CONTROLS = frozenset("\t\n\r\f\v\x1b")


class Decoded(NamedTuple):
    """Text decoded from bytes, with the codec that did it (for a note to the user)."""

    text: str
    encoding: str


class HtmlArticle(NamedTuple):
    """An article's main text and the metadata trafilatura found in its HTML."""

    text: str
    title: str | None
    url: str | None
    published: str | None


def read_text_file(path: str | Path) -> str:
    """The text of an article file, decoded as described in this module's docstring."""
    return read_decoded(path).text


def read_decoded(path: str | Path) -> Decoded:
    """Like :func:`read_text_file`, but also says which encoding was used."""
    name = str(path)
    return decode_bytes(read_file_bytes(path), name)


def read_stdin() -> Decoded:
    """Standard input, read as bytes (at most MAX_INPUT_BYTES) and decoded like a file."""
    stream = sys.stdin.buffer if sys.stdin is not None else None
    if stream is None:
        raise InputError(f"{STDIN_NAME}: standard input is closed")
    try:
        data = _read_capped(stream, STDIN_NAME)
    except OSError as exc:
        raise InputError(f"{STDIN_NAME}: cannot read ({_reason(exc)})") from None
    return decode_bytes(data, STDIN_NAME)


def read_file_bytes(path: str | Path) -> bytes:
    """The raw bytes of a regular file; an InputError names what is wrong otherwise."""
    check_readable_file(path)
    try:
        with Path(path).open("rb") as handle:
            return _read_capped(handle, str(path))
    except OSError as exc:
        raise InputError(UNREADABLE.format(name=path, reason=_reason(exc))) from None


def _read_capped(stream: IO[bytes], name: str) -> bytes:
    """All of a stream, but never more than MAX_INPUT_BYTES (a file can grow, and a
    pipe from /dev/zero never ends)."""
    data = stream.read(MAX_INPUT_BYTES + 1)
    if len(data) > MAX_INPUT_BYTES:
        raise InputError(TOO_LARGE.format(name=name, limit=MAX_INPUT_BYTES))
    return data


def check_readable_file(path: str | Path) -> None:
    """Fail early, with a one-line reason, for a path that is not a readable file."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        raise InputError(NO_SUCH_FILE.format(name=path)) from None
    except OSError as exc:  # e.g. a name too long, or a loop of links
        if exc.errno == errno.ELOOP:
            raise InputError(LINK_LOOP.format(name=path)) from None
        raise InputError(UNREADABLE.format(name=path, reason=_reason(exc))) from None
    except ValueError as exc:  # a NUL in the name
        raise InputError(UNREADABLE.format(name=path, reason=str(exc))) from None
    if stat.S_ISDIR(mode):
        raise InputError(IS_DIRECTORY.format(name=path))
    if not stat.S_ISREG(mode):
        raise InputError(NOT_A_FILE.format(name=path))


def decode_bytes(data: bytes, name: str) -> Decoded:
    """Decode an article's bytes: BOM, then UTF-8, then detection; reject binaries."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return _checked(data.decode(codec), codec, name)
            except UnicodeDecodeError:
                raise InputError(UNKNOWN_ENCODING.format(name=name)) from None
    if b"\x00" in data[:SNIFF_BYTES]:
        raise InputError(BINARY.format(name=name))
    try:
        return _checked(data.decode("utf-8"), "utf-8", name)
    except UnicodeDecodeError:
        return _checked(*_detect(data, name), name)


def _detect(data: bytes, name: str) -> tuple[str, str]:
    """Text and encoding by charset-normalizer, which gives up on what is not text.

    Among equally good guesses it prefers Windows-1252, by far the commonest legacy
    encoding of Western news text: on a short Spanish text charset-normalizer otherwise
    ties cp1250 with cp1252 and picks cp1250, turning "año" into "ańo".
    """
    from charset_normalizer import from_bytes  # imported late: only non-UTF-8 files need it

    matches = from_bytes(data)
    best = matches.best()
    if best is None:
        raise InputError(UNKNOWN_ENCODING.format(name=name))
    if PREFERRED_ENCODING in best.could_be_from_charset:
        return str(best), PREFERRED_ENCODING
    for match in matches:
        tied = (match.chaos, match.coherence) == (best.chaos, best.coherence)
        if tied and PREFERRED_ENCODING in match.could_be_from_charset:
            return str(match), PREFERRED_ENCODING
    return str(best), best.encoding


def _checked(text: str, encoding: str, name: str) -> Decoded:
    """Reject decoded text that is mostly control characters: a binary in disguise."""
    sample = text[:SNIFF_BYTES]
    controls = sum(
        1 for char in sample if char not in _TEXT_CONTROLS and unicodedata.category(char) == "Cc"
    )
    if sample and controls / len(sample) > MAX_CONTROL_SHARE:
        raise InputError(BINARY.format(name=name))
    return Decoded(text, encoding)


def _reason(exc: OSError) -> str:
    return exc.strerror or type(exc).__name__


# ---------------------------------------------------------------------------- HTML

#: An HTML document's opening, after any blanks, comments or an XML declaration.
_HTML_START_RE = re.compile(
    r"\A\ufeff?\s*(?:<\?xml[^>]{0,200}>\s*)?(?:<!--.{0,2000}?-->\s*)*<(?:!doctype\s+html|html[\s>])",
    re.IGNORECASE | re.DOTALL,
)
#: Tags of the elements that article pages are built from.
_TAG_RE = re.compile(
    r"</?(?:a|article|b|body|br|div|em|h[1-6]|head|i|img|li|link|meta|nav|p|script|"
    r"section|span|strong|style|table|td|title|tr|ul)\b[^<>]{0,1000}>",
    re.IGNORECASE,
)
#: This many HTML tags make a text HTML, however long it is...
MANY_TAGS = 20
#: ...and a few make it HTML when they are this dense (tags per 1,000 characters).
TAGS_PER_1000 = 5


def looks_like_html(text: str) -> bool:
    """Whether the text is an HTML page, not an article (so --html is probably wanted)."""
    if _HTML_START_RE.match(text[:SNIFF_BYTES]):
        return True
    tags = sum(1 for _ in _TAG_RE.finditer(text))
    return tags >= MANY_TAGS or (tags >= 2 and tags * 1000 >= TAGS_PER_1000 * len(text))


def extract_html(html: str, name: str) -> HtmlArticle:
    """The main article text of an HTML page, paragraphs set off by blank lines.

    Offsets in the analysis then refer to this extracted text, not to the HTML. The
    site's name is not taken as the publisher: a site often runs an agency's copy, and
    the dateline in the text names that agency better.
    """
    trafilatura = _import_trafilatura()
    extracted = trafilatura.extract(html, include_comments=False, include_tables=False)
    if not extracted or not extracted.strip():
        raise InputError(NO_ARTICLE_IN_HTML.format(name=name))
    paragraphs = [line.strip() for line in extracted.splitlines() if line.strip()]
    meta = trafilatura.extract_metadata(html)
    return HtmlArticle(
        text="\n\n".join(paragraphs),
        title=_meta(meta, "title"),
        url=_meta(meta, "url"),
        published=_meta(meta, "date"),
    )


def _import_trafilatura() -> Any:
    try:
        import trafilatura
    except ModuleNotFoundError as exc:
        if exc.name == "trafilatura":
            raise InputError(NO_TRAFILATURA) from None
        raise InputError(BROKEN_TRAFILATURA.format(reason=_one_line(exc))) from None
    except ImportError as exc:  # installed, but a dependency of it is broken
        raise InputError(BROKEN_TRAFILATURA.format(reason=_one_line(exc))) from None
    return trafilatura


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())


def _meta(meta: Any, field: str) -> str | None:
    """A metadata field from trafilatura's Document (2.x) or dict (older), if non-empty."""
    if meta is None:
        return None
    value = meta.get(field) if isinstance(meta, dict) else getattr(meta, field, None)
    return (value.strip() or None) if isinstance(value, str) else None
