"""Every file format an analysis can be written as, behind one function.

``export(analysis, "prov-json")`` gives the text of that format; the command line's
``attribution analyze FILE --format F`` prints the same. GraphML and GEXF come from
:mod:`attribution.graph` (lists and dicts flattened to JSON strings, so that networkx,
yEd and Gephi read them back).
"""

from __future__ import annotations

import io

from ..models import Analysis
from ..stages import graph as graph_module
from .jsonld import jsonld_text
from .provenance import SERIALIZERS, prov_text
from .report import report_html

#: Formats :func:`export` writes, beside the command line's own ``table`` and ``json``.
FORMATS = ("html", "prov-json", "provn", "prov-xml", "jsonld", "graphml", "gexf")


def graph_file(analysis: Analysis, format: str) -> str:
    """GraphML or GEXF of the provenance graph, as text."""
    writer = graph_module.to_graphml if format == "graphml" else graph_module.to_gexf
    buffer = io.BytesIO()
    writer(analysis.to_networkx(), buffer)  # networkx writes to open files too
    return buffer.getvalue().decode("utf-8")


def export(analysis: Analysis, format: str, *, text: str | None = None) -> str:
    """The analysis as text in one of :data:`FORMATS`; ``text`` (the article's own text)
    is used by ``html`` to show the article."""
    if format == "html":
        return report_html(analysis, text)
    if format in SERIALIZERS:
        return prov_text(analysis, format)
    if format == "jsonld":
        return jsonld_text(analysis)
    if format in ("graphml", "gexf"):
        return graph_file(analysis, format)
    raise ValueError(f"unknown format {format!r}; choose one of {', '.join(FORMATS)}")
