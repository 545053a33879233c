"""What people look at: notebook displays, DataFrames, pictures, an HTML report, and
exports (PROV, schema.org Claim JSON-LD, GraphML, GEXF).

Views read the models and never analyse. Each heavy dependency (pandas, matplotlib,
prov) is imported only by the view that needs it, and comes with the ``views`` extra.
"""

from __future__ import annotations

from ..stages.graph import to_gexf, to_graphml
from ._optional import MissingExtraError
from .article import Rendered, render
from .exports import FORMATS, export
from .frames import attributions_frame, claims_frame, sources_frame
from .jsonld import to_jsonld
from .notebook import repr_html, short_repr
from .picture import draw, layout
from .provenance import to_prov
from .report import page, report_html

__all__ = [
    "FORMATS",
    "MissingExtraError",
    "Rendered",
    "attributions_frame",
    "claims_frame",
    "draw",
    "export",
    "layout",
    "page",
    "render",
    "report_html",
    "repr_html",
    "short_repr",
    "sources_frame",
    "to_gexf",
    "to_graphml",
    "to_jsonld",
    "to_prov",
]
