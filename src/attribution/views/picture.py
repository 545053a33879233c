"""The provenance picture: claims down the left, each chain a path to its originator.

Columns, left to right: the claims (coloured by kind), then the sources in the order the
chains pass them, publisher first and originators last. A claim's edge goes to the
publisher; every later hop is one edge between sources, as thick as the number of claims
that travel it, labelled with their ids ("c2, c9–c12") and, for the claims whose last hop
it is, their channel ("c9–c12 on Telegram"). Drawn with matplotlib (the ``views``
extra), which loads nothing from the network; :func:`svg` gives the same picture as
inline SVG for the HTML report.

:func:`layout` is plain Python, so the positions can be tested without matplotlib.
"""

from __future__ import annotations

import io
import itertools
import os
import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..models import Analysis, Claim
from . import _rows
from ._optional import require
from ._style import KIND_COLOURS, kind_colour
from .notebook import shorten

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure
    from matplotlib.text import Text

#: Characters of claim text beside each claim's id on the left.
CLAIM_CHARS = 46
#: Longest list of claim ids on a hop; a longer one is shown as a count.
HOP_LABEL_CHARS = 30
#: Inches of height per claim row.
ROW_HEIGHT = 0.34
#: Inches left of the drawing for the claim labels (id and CLAIM_CHARS of text at 8 pt).
LABEL_WIDTH = 3.4


@dataclass
class Hop:
    """One edge between two sources, with the claims that travel it and, for those for
    which it is the last hop, the channel they were said on."""

    source: str
    target: str
    claims: list[str] = field(default_factory=list)
    channels: dict[str, list[str]] = field(default_factory=dict)

    @property
    def label(self) -> str:
        """Which claims travel the hop ("c9–c12, c2"), or how many when that is long;
        then each channel, with the claims said on it unless that is all of them."""
        listed = claim_ranges(self.claims)
        count = f"{len(self.claims)} claim" + ("s" if len(self.claims) != 1 else "")
        lines = [listed if len(listed) <= HOP_LABEL_CHARS else count]
        for channel, claims in self.channels.items():
            which = "" if len(claims) == len(self.claims) else claim_ranges(claims) + " "
            lines.append(f"{which}on {channel}")
        return "\n".join(lines)


def claim_ranges(claim_ids: list[str]) -> str:
    """ "c2, c6, c9–c12": runs of consecutive ids joined; other ids as they are."""
    numbered = sorted(
        (int(claim_id[1:]), claim_id)
        for claim_id in claim_ids
        if claim_id[:1] == "c" and claim_id[1:].isdigit()
    )
    others = [claim_id for claim_id in claim_ids if claim_id not in {c for _, c in numbered}]
    runs: list[list[int]] = []
    for number, _ in numbered:
        if runs and number == runs[-1][-1] + 1:
            runs[-1].append(number)
        else:
            runs.append([number])
    parts = [f"c{run[0]}" if len(run) == 1 else f"c{run[0]}–c{run[-1]}" for run in runs]
    return ", ".join(parts + others)


@dataclass
class Layout:
    """Where everything goes: claims at x=0, sources at x=column, y down from 0."""

    claims: dict[str, tuple[float, float]]
    sources: dict[str, tuple[float, float]]
    columns: int
    hops: list[Hop]
    entries: list[tuple[str, str, str | None]]  # claim id, first source, channel if lone


def _columns(analysis: Analysis) -> dict[str, int]:
    """Each source's column: the longest way to it from a publisher, 1-based.

    Hops between sources make a graph; longest-path layering puts every relay left of
    whom it cites. A cycle (A cites B here, B cites A there) falls back to the deepest
    place a source takes in any one chain.
    """
    import networkx as nx

    hops = nx.DiGraph()
    deepest: dict[str, int] = {}
    for claim in analysis.claims:
        for index, source in enumerate(claim.chain):
            hops.add_node(source)
            deepest[source] = max(deepest.get(source, 0), index + 1)
        hops.add_edges_from(itertools.pairwise(claim.chain))
    hops.remove_edges_from(nx.selfloop_edges(hops))
    if not nx.is_directed_acyclic_graph(hops):
        return deepest
    column: dict[str, int] = {}
    for node in nx.topological_sort(hops):
        before = [column[p] for p in hops.predecessors(node)]
        column[node] = max(before, default=0) + 1
    return column


def layout(analysis: Analysis) -> Layout:
    """Positions for every claim and source, and the hops with their claim counts."""
    claims = {claim.id: (0.0, float(row)) for row, claim in enumerate(analysis.claims)}
    column = _columns(analysis)
    hops: dict[tuple[str, str], Hop] = {}
    entries: list[tuple[str, str, str | None]] = []
    for claim in analysis.claims:
        if not claim.chain:
            continue
        lone = claim.channel if len(claim.chain) == 1 else None
        entries.append((claim.id, claim.chain[0], lone))
        pairs = [p for p in itertools.pairwise(claim.chain) if p[0] != p[1]]
        for index, (a, b) in enumerate(pairs):
            hop = hops.setdefault((a, b), Hop(a, b))
            hop.claims.append(claim.id)
            if claim.channel and index == len(pairs) - 1:
                hop.channels.setdefault(claim.channel, []).append(claim.id)
    sources = _source_positions(analysis, column, claims)
    columns = max(column.values(), default=0)
    return Layout(claims, sources, columns, list(hops.values()), entries)


def _source_positions(
    analysis: Analysis, column: dict[str, int], claims: dict[str, tuple[float, float]]
) -> dict[str, tuple[float, float]]:
    """Within a column, sources sit in the order of the claims they carry (barycentre),
    spread evenly over the claims' height, so that few edges cross."""
    rows: dict[str, list[float]] = defaultdict(list)
    for claim in analysis.claims:
        for source in claim.chain:
            rows[source].append(claims[claim.id][1])
    height = max(len(analysis.claims) - 1, 1)
    by_column: dict[int, list[str]] = defaultdict(list)
    for source, col in column.items():
        by_column[col].append(source)
    positions: dict[str, tuple[float, float]] = {}
    for col, members in by_column.items():
        members.sort(key=lambda s: sum(rows[s]) / len(rows[s]))
        step = height / len(members)
        for index, source in enumerate(members):
            positions[source] = (float(col), step * (index + 0.5))
    return positions


# --- matplotlib -----------------------------------------------------------------------


def _source_label(analysis: Analysis, source_id: str) -> str:
    name = _rows.source_name(analysis, source_id) or source_id
    for source in analysis.sources:
        if source.id == source_id:
            return f"{name}\n({source.type.replace('_', ' ')})"
    return name


def draw(
    analysis: Analysis, *, ax: Axes | None = None, path: str | os.PathLike[str] | None = None
) -> Figure:
    """Draw the provenance picture; into ``ax`` if given, to ``path`` if given (the format
    from its suffix: .png, .svg, .pdf). Returns the Figure, which Jupyter displays."""
    require("matplotlib", "draw()")
    plan = layout(analysis)
    ours = ax is None
    if ax is None:
        figure, ax = _new_figure(plan.columns, max(len(analysis.claims), 4))
    else:
        figure = ax.figure  # type: ignore[assignment]
    _draw_into(analysis, plan, ax)
    if path is not None:  # our own figure has room for the labels; another may not
        figure.savefig(path, dpi=110, bbox_inches=None if ours else "tight")
    return figure  # type: ignore[return-value]


def _new_figure(columns: int, rows: int) -> tuple[Figure, Axes]:
    """A figure sized to the picture, with the claim labels' room on its left (so that
    saving needs no second, "tight" drawing pass). Made through pyplot, so that Jupyter
    knows how to show the one returned, and closed at once, so that it is shown once."""
    import matplotlib.pyplot as plt

    width, height = LABEL_WIDTH + 4.5 + 2.6 * columns, 0.8 + ROW_HEIGHT * rows
    figure = plt.figure(figsize=(width, height))
    plt.close(figure)
    left = LABEL_WIDTH / width
    top = 0.4 / height  # the title sits above the axes
    ax = figure.add_axes((left, 0.01, 0.99 - left, 0.99 - top))
    return figure, ax


def _draw_into(analysis: Analysis, plan: Layout, ax: Axes) -> None:
    """Boxes first, so that each arrow can be clipped to the edges of the boxes it joins."""
    claim_boxes = {claim.id: _claim_box(ax, plan, claim) for claim in analysis.claims}
    source_boxes = {
        source_id: _source_box(ax, analysis, source_id, xy)
        for source_id, xy in plan.sources.items()
    }
    kinds = {claim.id: claim.kind for claim in analysis.claims}
    for claim_id, first, lone in plan.entries:
        _arrow(ax, claim_boxes[claim_id], source_boxes[first], kind_colour(kinds[claim_id]), 1.3)
        if lone:
            x, y = plan.claims[claim_id]
            ax.text(x + 0.45, y, f"on {lone}", fontsize=7, color="#355", va="bottom")
    widest = max((len(hop.claims) for hop in plan.hops), default=1)
    for hop in plan.hops:
        width = 1.0 + 4.0 * len(hop.claims) / widest
        _arrow(ax, source_boxes[hop.source], source_boxes[hop.target], "#777", width)
        (x0, y0), (x1, y1) = plan.sources[hop.source], plan.sources[hop.target]
        ax.text(
            (x0 + x1) / 2,
            (y0 + y1) / 2 - 0.3,
            hop.label,
            fontsize=7.5,
            ha="center",
            color="#234",
            zorder=5,
            bbox={"boxstyle": "round,pad=0.2", "fc": "white", "ec": "none", "alpha": 0.85},
        )
    _legend(ax)
    ax.set_xlim(-0.1, plan.columns + 0.6)
    ax.set_ylim(max(len(analysis.claims) - 0.5, 3.5), -1.2)
    ax.axis("off")
    ax.set_title("claims  →  publisher  →  relays  →  originators", fontsize=9, loc="right")


def _claim_box(ax: Axes, plan: Layout, claim: Claim) -> Text:
    x, y = plan.claims[claim.id]
    mark = f" {_rows.INFERRED_MARK}" if claim.inferred else ""
    return ax.text(
        x - 0.08,
        y,
        f"{claim.id}{mark}  {shorten(claim.text, CLAIM_CHARS)}",
        ha="right",
        va="center",
        fontsize=8,
        zorder=3,
        bbox={"boxstyle": "round,pad=0.25", "fc": kind_colour(claim.kind), "ec": "none"},
    )


def _source_box(ax: Axes, analysis: Analysis, source_id: str, xy: tuple[float, float]) -> Text:
    originator = any(c.chain and c.chain[-1] == source_id for c in analysis.claims)
    return ax.text(
        *xy,
        _source_label(analysis, source_id),
        ha="center",
        va="center",
        fontsize=8.5,
        zorder=3,
        fontweight="bold" if originator else "normal",
        bbox={"boxstyle": "round,pad=0.4", "fc": "#fff7e6", "ec": "#c47a00"},
    )


def _arrow(ax: Axes, start: Text, end: Text, colour: str, width: float) -> None:
    """An arrow between two labelled boxes, clipped to their edges."""
    ax.annotate(
        "",
        xy=end.get_position(),
        xytext=start.get_position(),
        zorder=4,  # after the boxes, whose patches are placed when they are drawn
        arrowprops={
            "arrowstyle": "-|>",
            "color": colour,
            "lw": width,
            "alpha": 0.8,
            "patchA": start.get_bbox_patch(),
            "patchB": end.get_bbox_patch(),
            "shrinkA": 2,
            "shrinkB": 2,
        },
    )


def _legend(ax: Axes) -> None:
    from matplotlib.patches import Patch

    handles = [Patch(color=colour, label=kind) for kind, colour in KIND_COLOURS.items()]
    ax.legend(handles=handles, loc="upper right", fontsize=7, frameon=False, ncols=4)


_XML_HEAD_RE = re.compile(r"^.*?(?=<svg)", re.S)
_METADATA_RE = re.compile(r"<metadata>.*?</metadata>\s*", re.S)


def svg(analysis: Analysis) -> str:
    """The picture as an inline ``<svg>`` element: text as text, no metadata links."""
    matplotlib = require("matplotlib", "the report's picture")
    buffer = io.StringIO()
    with matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": "attribution"}):
        figure = draw(analysis)
        figure.savefig(buffer, format="svg", metadata={"Date": None})
    markup = _XML_HEAD_RE.sub("", buffer.getvalue(), count=1)
    return _METADATA_RE.sub("", markup)
