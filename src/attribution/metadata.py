"""An article's metadata, checked at the door: what converts cleanly is converted, the
rest is refused with one line that names the field.

The analysis writes metadata into its JSON as it is, so each value must be text, and
valid Unicode text: a lone surrogate (what Python makes of a non-UTF-8 byte in a file
name or on the command line) cannot be written as JSON, and would fail far from its
cause. So it fails here, naming the field.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping
from typing import Any

#: What an article may say about itself besides its id and text.
METADATA_FIELDS = ("title", "publisher", "url", "published")
#: The metadata fields whose values are article text.
TEXT_FIELDS = ("id", *METADATA_FIELDS)

UNKNOWN = "unknown article metadata {names}; the known fields are {known}"
WRONG_TYPE = "metadata field {field!r} must be {wanted}, not {given}"
SURROGATE = (
    "metadata field {field!r} holds a lone surrogate ({code}), which is not Unicode text "
    "(a non-UTF-8 byte?)"
)

_SURROGATE_RE = re.compile("[\ud800-\udfff]")
_WANTED = {
    "id": "a str or an int",
    "published": "a str, a date or a datetime",
}


def check_metadata(metadata: Mapping[str, Any]) -> dict[str, Any]:
    """The metadata with each text field as a str (an int id as its digits, a date as
    its ISO form) and None values dropped; TypeError or ValueError names a bad field, and
    a TypeError names the known fields when it is given one it does not know (a typo:
    ``pubisher``)."""
    unknown = sorted(str(key) for key in metadata if key not in TEXT_FIELDS)
    if unknown:
        names = ", ".join(map(repr, unknown))
        raise TypeError(UNKNOWN.format(names=names, known=", ".join(TEXT_FIELDS)))
    checked = dict(metadata)
    for field in TEXT_FIELDS:
        value = checked.get(field)
        if value is None:
            checked.pop(field, None)
        else:
            checked[field] = _text(field, value)
    return checked


def _text(field: str, value: Any) -> str:
    if isinstance(value, str):
        text = value
    elif field == "id" and isinstance(value, int) and not isinstance(value, bool):
        text = str(value)
    elif field == "published" and isinstance(value, datetime.date):  # datetime included
        text = value.isoformat()
    else:
        wanted = _WANTED.get(field, "a str")
        raise TypeError(WRONG_TYPE.format(field=field, wanted=wanted, given=type(value).__name__))
    found = _SURROGATE_RE.search(text)
    if found:
        raise ValueError(SURROGATE.format(field=field, code=f"U+{ord(found.group()):04X}"))
    return text
