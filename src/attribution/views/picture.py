"""The provenance picture: claims down the left, each chain a path to its originator.

Columns, left to right: the claims (coloured by kind), then the sources in the order the
chains pass them, publisher first and originators last. A claim's edge goes to the
publisher; every later hop is one edge between sources, as thick as the number of claims
that travel it, labelled with that number and, on the last hop, with the channel
("on Telegram"). Drawn with matplotlib (the ``views`` extra), which loads nothing from
the network; :func:`svg` gives the same picture as inline SVG for the HTML report.

:func:`layout` is plain Python, so the positions can be tested without matplotlib.
"""

from __future__ import annotations

import io
import itertools
import os
import re
from collections import Counter, defaultdict
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
#: Inches of height per claim row.
ROW_HEIGHT = 0.34


@dataclass
class Hop:
    """One edge between two sources, with the claims that travel it."""

    source: str
    target: str
    claims: list[str] = field(default_factory=list)
    channels: Counter[str] = field(default_factory=Counter)

    @property
    def label(self) -> str:
        count = f"{len(self.claims)} claim" + ("s" if len(self.claims) != 1 else "")
        channels = ", ".join(self.channels)
        return f"{count}, on {channels}" if channels else count


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
                hop.channels[claim.channel] += 1
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
    if ax is None:
        rows = max(len(analysis.claims), 4)
        figure = _new_figure((7.5 + 2.6 * plan.columns, 0.8 + ROW_HEIGHT * rows))
        ax = figure.add_subplot()
    else:
        figure = ax.figure  # type: ignore[assignment]
    _draw_into(analysis, plan, ax)
    if path is not None:
        figure.savefig(path, bbox_inches="tight", dpi=110)
    return figure  # type: ignore[return-value]


def _new_figure(size: tuple[float, float]) -> Figure:
    """A figure made through pyplot, so that Jupyter knows how to show the one returned,
    and closed at once, so that it is shown once (as the return value), not twice."""
    import matplotlib.pyplot as plt

    figure = plt.figure(figsize=size)
    plt.close(figure)
    return figure


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
        figure.savefig(buffer, format="svg", bbox_inches="tight", metadata={"Date": None})
    markup = _XML_HEAD_RE.sub("", buffer.getvalue(), count=1)
    return _METADATA_RE.sub("", markup)
