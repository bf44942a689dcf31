"""saiken: a calculator of a debtor's legal situation under Japanese law."""

__version__ = "0.1.0"
