"""eventwire: news in, sourced and structured event records out."""

__version__ = "0.1.0"
