"""The command line: ``attribution analyze | batch | corpus | evaluate | checkworthy | rules``.

``main`` holds the app and the per-article commands; each other command group has a module
of its own (``corpus``, ``evaluate``, ``checks``, ``rules``), and ``reading`` and
``terminal`` read input files and print to the terminal for all of them.
"""

from .main import app

__all__ = ["app"]
