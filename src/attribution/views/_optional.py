"""Optional dependencies, imported when a view needs them, with an error that says what to
install. The core install stays lean: pandas, matplotlib and prov come with the
``views`` extra."""

from __future__ import annotations

import importlib
from types import ModuleType

from ..errors import AttributionError

MISSING = (
    "{what} needs the {package} package, which is not installed; "
    "install it with: pip install 'news-attribution[views]'"
)


class MissingExtraError(AttributionError, ImportError):
    """A view needs a package from the ``views`` extra that is not installed."""


def require(module: str, what: str, package: str | None = None) -> ModuleType:
    """Import ``module`` or raise MissingExtraError naming the view and the extra."""
    try:
        return importlib.import_module(module)
    except ImportError:
        name = package or module.split(".")[0]
        raise MissingExtraError(MISSING.format(what=what, package=name)) from None
