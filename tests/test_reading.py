"""Reading article files: decoding, rejection of what is not text, HTML detection.

None of these needs the spaCy model; the command line's use of them is in test_cli.py.
"""

from __future__ import annotations

import sys
import types
from pathlib import Path

import pytest

from attribution.cli.reading import (
    decode_bytes,
    extract_html,
    looks_like_html,
    read_decoded,
    read_text_file,
)
from attribution.errors import InputError

RUSSIAN = "Мэр заявил, что улица закрыта."
SPANISH = "El alcalde dijo que la compañía cerró el año con pérdidas, según fuentes oficiales."


@pytest.mark.parametrize(
    ("data", "text", "encoding"),
    [
        (b"Bob said hi.", "Bob said hi.", "utf-8"),
        ("Zelensky said “no”.".encode(), "Zelensky said “no”.", "utf-8"),
        (b"line one\r\nline two\r\n", "line one\r\nline two\r\n", "utf-8"),  # kept as is
        (b"", "", "utf-8"),
        (b"\xef\xbb\xbfBOM first", "BOM first", "utf-8-sig"),  # the mark is dropped
        ("\ufeffwide “text”".encode("utf-16-le"), "wide “text”", "utf-16"),
        (b"caf\xe9 said \x93hello\x94", "café said “hello”", "cp1252"),
        (SPANISH.encode("cp1252"), SPANISH, "cp1252"),  # not cp1250's "ańo"
        (RUSSIAN.encode("cp1251"), RUSSIAN, "cp1251"),
    ],
)
def test_decode(data: bytes, text: str, encoding: str) -> None:
    assert tuple(decode_bytes(data, "x.txt")) == (text, encoding)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"PK\x03\x04\x00\x00zip", "x.bin: looks like a binary file, not text"),
        (b"text" + b"\x00" * 3, "x.bin: looks like a binary file, not text"),
        (bytes(range(1, 32)) * 10, "x.bin: looks like a binary file, not text"),
        (
            bytes(range(0x80, 0x100)),
            "x.bin: is not UTF-8 and its encoding could not be detected; convert it to UTF-8",
        ),
    ],
)
def test_reject(data: bytes, message: str) -> None:
    with pytest.raises(InputError) as caught:
        decode_bytes(data, "x.bin")
    assert str(caught.value) == message


def test_read_text_file(tmp_path: Path) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(b"caf\xe9 said \x93hello\x94")
    assert read_text_file(path) == "café said “hello”"
    assert read_decoded(str(path)).encoding == "cp1252"


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda d: d / "missing.txt", "{path}: no such file"),
        (lambda d: d, "{path}: is a directory, not a file"),
    ],
)
def test_read_errors(tmp_path: Path, make, message: str) -> None:
    path = make(tmp_path)
    with pytest.raises(InputError) as caught:
        read_text_file(path)
    assert str(caught.value) == message.format(path=path)


def test_unreadable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Simulated, since root (as in CI containers) reads a file whatever its mode."""
    path = tmp_path / "secret.txt"
    path.write_text("x")

    def deny(self: Path, *args: object, **kwargs: object) -> bytes:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "open", deny)
    with pytest.raises(InputError) as caught:
        read_text_file(path)
    assert str(caught.value) == f"{path}: cannot read the file (Permission denied)"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<!DOCTYPE html><html><body>x</body></html>", True),
        ("\n  <!doctype HTML>\n<title>x</title>", True),
        ("<html lang='en'>", True),
        ('<?xml version="1.0"?>\n<!-- saved -->\n<html>', True),
        ("<div><p>Bob said hi.</p><p>Ann said bye.</p></div>", True),  # dense tags
        ("Bob said hi.\n\nAnn said bye.", False),
        ("The <b>mayor</b> said the road was closed. " * 1 + "More text here. " * 50, False),
        ("He typed <html> into the search box, the officer said.", False),
        ("x < y and y > z, the professor said.", False),
    ],
)
def test_looks_like_html(text: str, expected: bool) -> None:
    assert looks_like_html(text) is expected


def _fake_trafilatura(extracted: str | None, title: str | None = None) -> types.ModuleType:
    module = types.ModuleType("trafilatura")
    module.extract = lambda html, **options: extracted  # type: ignore[attr-defined]
    module.extract_metadata = lambda html: types.SimpleNamespace(  # type: ignore[attr-defined]
        title=title, url=None, date="2023-02-02", sitename="Site"
    )
    return module


def test_extract_html_paragraphs(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = _fake_trafilatura("Headline\nFirst paragraph.\n\n  Second one.  ", title="Headline")
    monkeypatch.setitem(sys.modules, "trafilatura", fake)
    page = extract_html("<html>...</html>", "page.html")
    assert page.text == "Headline\n\nFirst paragraph.\n\nSecond one."
    assert (page.title, page.url, page.published) == ("Headline", None, "2023-02-02")


def test_extract_html_empty(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "trafilatura", _fake_trafilatura(None))
    with pytest.raises(InputError) as caught:
        extract_html("<html></html>", "page.html")
    assert str(caught.value) == "page.html: no article text found in the HTML"


def test_extract_html_without_trafilatura(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "trafilatura", None)  # makes the import fail
    with pytest.raises(InputError) as caught:
        extract_html("<html></html>", "page.html")
    assert str(caught.value) == (
        "--html needs trafilatura, which is not installed: pip install 'news-attribution[html]'"
    )


def test_extract_html_with_real_trafilatura() -> None:
    pytest.importorskip("trafilatura", exc_type=ImportError)
    html = (
        "<!doctype html><html><head><title>Strike - Site</title></head><body>"
        "<nav>Home | World</nav><article><h1>Strike kills 3</h1>"
        "<p>Kyiv, February 2 (ANI): A missile strike killed 3 people, CNN reported.</p>"
        "<p>Rescue work went on through the night, the police said on Thursday.</p>"
        "</article><footer>Copyright</footer></body></html>"
    )
    page = extract_html(html, "page.html")
    assert "Home | World" not in page.text
    assert "CNN reported.\n\nRescue work" in page.text


def test_extract_html_with_broken_trafilatura(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Installed but not importable, as when lxml.html.clean is missing."""
    package = tmp_path / "trafilatura"
    package.mkdir()
    (package / "__init__.py").write_text('raise ImportError("lxml.html.clean is\\n separate")\n')
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delitem(sys.modules, "trafilatura", raising=False)
    with pytest.raises(InputError) as caught:
        extract_html("<html></html>", "page.html")
    assert str(caught.value) == (
        "--html needs trafilatura, which failed to import (lxml.html.clean is separate): "
        "pip install 'news-attribution[html]'"
    )
