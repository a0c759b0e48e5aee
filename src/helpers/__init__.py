"""briefing notebooks helpers: per-document parsing, extraction, sentiment and stance.

Notebooks call these functions; logic lives here, never copied between notebooks.
"""
__version__ = "0.1.0"
