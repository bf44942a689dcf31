"""Phrasings of saiken report (one case, one report): see catalogue/__init__.py."""

MESSAGES = {
    "report.section_warning": ("[{section}] {warning_msg}", "[{section}] {warning_msg}"),
}
