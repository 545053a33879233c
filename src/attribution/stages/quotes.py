"""Quotation spans found from the quote marks alone, before any parsing.

Direct speech is the strongest signal of attribution, and its boundaries are typography,
not grammar: a parser splits a quote into sentences and loses the paragraphs that news
style strings together. So quotes are read here in one left-to-right pass over the raw
text, with no backtracking, and the later stages attach cues and sources to the spans.

The reading, in short:

* Double marks make top-level quotes: “…”, „…“ / „…”, «…» and straight "…". A straight
  mark opens when it stands after a boundary (start, space, bracket, dash) and before a
  non-space, and closes otherwise; a mark of the open quote's own kind that clearly opens
  again is counted as a nested level. Marks of other kinds inside a quote are ignored.
* Single marks (‘…’, '…', ‚…‘, ‹…›) inside a double quote never count. At top level they
  make a quote only at word boundaries, and only if they close within the paragraph, so
  apostrophes (Ukraine’s, don't, dogs’, ’90s) are never read as quote marks. ’ never opens.
* A quote still open at a line break continues when the next paragraph starts with the
  same opening mark (news style). A quote that has run over paragraphs that way and
  never closes is closed best-effort at the end of its paragraph with ``closed=False``.
  A quote that opens and never closes in its own paragraph has a stray opening mark:
  it is dropped, and the quotes of its kind that did open and close inside it are kept,
  so that one stray mark costs at most its own quote, never the paragraph's
  attributions. A stray closing mark is ignored.
* Content offsets exclude the marks and surrounding whitespace, and a single trailing
  comma just inside the closing mark ("The city is calm," the mayor said.) is left out:
  it belongs to the reporting frame, not to the speaker. Quotes with no content are
  dropped.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .parts import Quote

# Closing marks for each opening mark. A straight mark closes its own kind.
DOUBLE_CLOSERS = {"“": "”", "„": "“”", "«": "»", '"': '"'}
SINGLE_CLOSERS = {"‘": "’", "‚": "‘’", "‹": "›", "'": "'"}
CLOSERS = DOUBLE_CLOSERS | SINGLE_CLOSERS
MARKS = frozenset("“”„«»\"‘’‚‹›'")

# Characters after which a mark may open a quote, besides whitespace and text start.
BOUNDARY = frozenset("([{<:/-‐‑‒–—―“„«‘‚‹")
NEWLINES = frozenset("\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")


@dataclass(slots=True)
class _Frame:
    """A quote opened and not yet closed.

    ``opens`` holds the open marks of its own kind, outermost first (its own start at
    the bottom). ``inside[d]`` holds the pairs that closed with ``d`` marks still open
    below them: if those ``d`` marks never close, the pairs are quotes of their own.
    """

    opener: str
    start: int
    continued: bool = False
    opens: list[int] = field(default_factory=list)
    inside: list[list[tuple[int, int]]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.opens.append(self.start)

    @property
    def single(self) -> bool:
        return self.opener in SINGLE_CLOSERS

    def nest(self, i: int) -> None:
        self.opens.append(i)

    def unnest(self, i: int) -> None:
        """A closing mark at ``i``: pair it with the innermost open mark."""
        start = self.opens.pop()
        floor = len(self.opens)
        if floor == 0:
            return
        del self.inside[floor + 1 :]  # pairs nested in this one are not quotes of their own
        while len(self.inside) <= floor:
            self.inside.append([])
        self.inside[floor].append((start, i))

    def restart(self) -> None:
        """A new paragraph continues the quote: one level open, nothing pending."""
        del self.opens[1:]
        self.inside.clear()

    def recovered(self) -> list[tuple[int, int]]:
        """The outermost pairs that closed inside, when the marks below never did."""
        return sorted(pair for pairs in self.inside for pair in pairs)


def find_quotes(text: str) -> list[Quote]:
    """Top-level quotes in ``text``, sorted by start and non-overlapping."""
    return _Scanner(text).run()


class _Scanner:
    """One pass over the text; ``outer`` is the top-level quote being read.

    ``inner`` is a double quote inside a pending single one. Double quotes completed
    there are ``held``: they are kept only if the single mark turns out to be an
    apostrophe (never closed), since otherwise they are nested in a real quote.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.n = len(text)
        self.quotes: list[Quote] = []
        self.held: list[Quote] = []
        self.outer: _Frame | None = None
        self.inner: _Frame | None = None
        self.last_solid = -1

    def run(self) -> list[Quote]:
        text, i = self.text, 0
        while i < self.n:
            ch = text[i]
            if ch in NEWLINES and self.outer is not None:
                i = self._paragraph_break(i)
                continue
            if not ch.isspace():
                self.last_solid = i
            if ch in MARKS:
                self._mark(i, ch)
            i += 1
        if self.outer is not None:
            self._paragraph_break(self.n)
        return self.quotes

    # -- context of a mark ---------------------------------------------------------

    def _open_ctx(self, i: int) -> bool:
        """After start, space or a boundary, and before a non-space."""
        prev_ok = i == 0 or self.text[i - 1].isspace() or self.text[i - 1] in BOUNDARY
        return prev_ok and i + 1 < self.n and not self.text[i + 1].isspace()

    def _close_ctx(self, i: int) -> bool:
        """After a non-space, and not before a letter or digit."""
        prev_ok = i > 0 and not self.text[i - 1].isspace()
        return prev_ok and (i + 1 >= self.n or not self.text[i + 1].isalnum())

    def _open_only(self, i: int) -> bool:
        return self._open_ctx(i) and not self._close_ctx(i)

    def _close_only(self, i: int) -> bool:
        return self._close_ctx(i) and not self._open_ctx(i)

    def _may_open(self, i: int, ch: str) -> bool:
        """Whether ``ch`` at ``i`` opens a quote when nothing of its kind is open."""
        if ch in SINGLE_CLOSERS:
            apostrophe = ch == "'" and i + 1 < self.n and self.text[i + 1].isdigit()
            return self._open_ctx(i) and not apostrophe
        if ch not in DOUBLE_CLOSERS:
            return False
        if ch == '"' and (i + 1 >= self.n or self.text[i + 1].isspace()):
            return False
        return i + 1 < self.n and not self._close_only(i)

    # -- marks -----------------------------------------------------------------------

    def _mark(self, i: int, ch: str) -> None:
        if self.outer is None:
            if self._may_open(i, ch):
                self.outer = _Frame(ch, i)
        elif self.inner is not None:
            self._step(self.inner, i, ch)
        elif not self.outer.single:
            self._step(self.outer, i, ch)
        elif ch in DOUBLE_CLOSERS and self._may_open(i, ch):
            self.inner = _Frame(ch, i)
        elif ch in CLOSERS[self.outer.opener] and self._close_ctx(i):
            self._close(self.outer, i + 1, i, closed=True)

    def _step(self, frame: _Frame, i: int, ch: str) -> None:
        """Nest or unnest a double quote on a mark of its own kind."""
        closers = CLOSERS[frame.opener]
        if ch == frame.opener and ch in closers:  # straight: toggles unless clearly opening
            nests = self._open_only(i)
        elif ch == frame.opener:
            nests = not self._close_only(i)
        elif ch in closers:
            nests = False
        elif self._doubled_closer(frame, i, ch):  # “We print anything,’’ says the owner
            frame.unnest(i)
            if not frame.opens:
                self._close(frame, i + 2, i, closed=True)
            return
        else:
            return
        if nests:
            frame.nest(i)
        else:
            frame.unnest(i)
        if not frame.opens:
            self._close(frame, i + 1, i, closed=True)

    def _doubled_closer(self, frame: _Frame, i: int, ch: str) -> bool:
        """Two right single marks typed for a right double one (some news systems do):
        they close a curly double quote."""
        return (
            ch == "’"
            and frame.opener == "“"
            and self.text.startswith("’’", i)
            and self._close_ctx(i)
            and self._close_ctx(i + 1)
        )

    # -- paragraphs and closing --------------------------------------------------------

    def _paragraph_break(self, i: int) -> int:
        """Handle a line break (or the end) at ``i`` with a quote open; return where to go on."""
        j = i
        while j < self.n and self.text[j].isspace():
            j += 1
        outer = self.outer
        assert outer is not None
        k = self._past_spacer_lines(j)
        if not outer.single and k < self.n and self.text[k].islower():
            return k  # "... the case manager.\n .\n based on ...": a wrapped line, one paragraph
        if outer.single and not outer.continued and not self._continues(outer, j):
            self._drop_single()
            if self.outer is None:
                return j
        frame = self.outer
        assert frame is not None
        if self._continues(frame, j):
            frame.restart()
            frame.continued, self.inner = True, None
            self.last_solid = j
            return j + 1
        if frame.continued or frame.single:
            end = self.last_solid + 1
            self._close(frame, end, end, closed=False)
        else:
            self._drop_stray(frame)
        return j

    def _past_spacer_lines(self, j: int) -> int:
        """The start of the next line with a word or a mark on it: lines holding only " ."
        (as text copied from some news sites has) are no paragraphs."""
        while j < self.n:
            end = self.text.find("\n", j)
            end = self.n if end < 0 else end
            line = self.text[j:end]
            if any(c.isalnum() or c in MARKS for c in line):
                return j
            j = end
            while j < self.n and self.text[j].isspace():
                j += 1
        return j

    def _drop_stray(self, frame: _Frame) -> None:
        """A quote that never closed in its paragraph: its opening mark was stray. Keep
        the quotes that did close inside it, and nothing else."""
        self.outer, self.inner, self.held = None, None, []
        for start, stop in frame.recovered():
            quote = self._quote(_Frame(frame.opener, start), stop + 1, stop, closed=True)
            if quote is not None:
                self.quotes.append(quote)

    def _continues(self, frame: _Frame, j: int) -> bool:
        return j < self.n and self.text[j] == frame.opener and self._may_open(j, frame.opener)

    def _drop_single(self) -> None:
        """An unclosed single mark was an apostrophe: keep what was found inside it."""
        self.quotes.extend(self.held)
        self.held = []
        self.outer, self.inner = self.inner, None

    def _close(self, frame: _Frame, end: int, content_end: int, *, closed: bool) -> None:
        quote = self._quote(frame, end, content_end, closed)
        if frame is self.inner:
            self.inner = None
            if quote is not None:
                self.held.append(quote)
            return
        self.outer, self.inner, self.held = None, None, []
        if quote is not None:
            self.quotes.append(quote)

    def _quote(self, frame: _Frame, end: int, content_end: int, closed: bool) -> Quote | None:
        """The quote with its content trimmed, or None when there is no content."""
        text, start, stop = self.text, frame.start + 1, content_end
        while start < stop and text[start].isspace():
            start += 1
        stop = self._rstrip(start, stop)
        if closed and stop > start and text[stop - 1] == ",":
            stop = self._rstrip(start, stop - 1)
        if stop <= start:
            return None
        return Quote(frame.start, end, start, stop, closed)

    def _rstrip(self, start: int, stop: int) -> int:
        while stop > start and self.text[stop - 1].isspace():
            stop -= 1
        return stop
