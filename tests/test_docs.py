"""Every Python block of the README and the docs runs as written.

The blocks of one file run in order in one namespace, as a reader pasting them into a
notebook would run them, from the repository root, with ``text`` bound to the example
article (examples/kramatorsk.txt). A block that is not meant to run is fenced as text.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCUMENTS = sorted(
    [ROOT / "README.md", *(ROOT / "docs").glob("*.md"), *(ROOT / "examples").rglob("*.md")]
)
_BLOCK = re.compile(r"^```python\n(.*?)^```$", re.S | re.M)


def python_blocks(path: Path) -> list[str]:
    return _BLOCK.findall(path.read_text(encoding="utf-8"))


def test_the_readme_has_python_blocks() -> None:
    assert len(python_blocks(ROOT / "README.md")) >= 3


@pytest.mark.parametrize(
    "path", [p for p in DOCUMENTS if python_blocks(p)], ids=lambda p: str(p.relative_to(ROOT))
)
def test_python_blocks_run_as_written(
    path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(ROOT)
    namespace = {"text": (ROOT / "examples" / "kramatorsk.txt").read_text(encoding="utf-8")}
    for number, block in enumerate(python_blocks(path), start=1):
        code = compile(block, f"{path.name}, python block {number}", "exec")
        exec(code, namespace)
    capsys.readouterr()
