"""The command line's stdout: a rich Console that lets a closed pipe end the command quietly.

``attribution analyze x | head`` closes the pipe early; that is the reader having enough,
not an error. Rich's own Console exits with status 1 then; this one raises
BrokenPipeError, which the command line turns into a clean exit 0.
"""

from __future__ import annotations

from rich.console import Console


class ReaderConsole(Console):
    """A Console for stdout whose closed pipe is an ordinary BrokenPipeError."""

    def on_broken_pipe(self) -> None:
        self.quiet = True
        raise BrokenPipeError


def stdout_console(**options: object) -> Console:
    """The Console every table of the command line prints to."""
    return ReaderConsole(**options)  # type: ignore[arg-type]


def chain_arrow(console: Console) -> str:
    """' ← ' (got it from) where the terminal can show it, ' < ' where it cannot."""
    try:
        "←".encode(console.encoding or "utf-8")
    except (UnicodeEncodeError, LookupError):
        return " < "
    return " ← "
