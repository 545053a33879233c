"""Every Python block of docs/corpus.md runs as written, in order, sharing one namespace,
with ``text`` bound to the example article (as the project's documentation rule says)."""

from __future__ import annotations

import re
from pathlib import Path

from helpers import KRAMATORSK

DOC = Path(__file__).parent.parent / "docs" / "corpus.md"
BLOCK = re.compile(r"^```python\n(.*?)^```", re.DOTALL | re.MULTILINE)


def test_python_blocks_run(capsys) -> None:
    blocks = BLOCK.findall(DOC.read_text(encoding="utf-8"))
    assert blocks
    namespace = {"text": KRAMATORSK}
    for block in blocks:
        exec(compile(block, str(DOC), "exec"), namespace)
    printed = capsys.readouterr().out
    assert "circular_reporting" in printed
    assert "['corroborated']" in printed
    assert "True False" in printed
    assert "(3.0,)" in printed
    assert "['The Hindu', 'ANI', 'CNN']" in printed
