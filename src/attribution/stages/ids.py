"""Stable, readable ids: the same input always gives the same ids."""

from __future__ import annotations

import hashlib
import re

_NON_WORD = re.compile(r"[^\w]+")


def slug(text: str) -> str:
    """A lowercase, hyphenated id part; a short hash when nothing word-like is left."""
    value = _NON_WORD.sub("-", text.casefold()).strip("-_")
    return value or hashlib.sha1(text.encode("utf-8")).hexdigest()[:10]


def text_key(text: str) -> str:
    """A short content hash that names an article without an id of its own."""
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:12]
