"""``python -m attribution.cli``: the same command line as ``attribution``."""

from .main import app

app(prog_name="attribution")
