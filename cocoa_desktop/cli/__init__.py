"""The command line (``cocoa-desktop``, ``python -m cocoa_desktop``): app (the parser and the dispatch, and the
commands compute, demo, factors, package, export-xlsx, import-xlsx and report), decisions (recommend, scenario,
compute --uncertainty), economics (economics, sample-size), xlsform, submissions (import-submissions), input (the
surveys a file holds) and output (what reaches the terminal).

Errors in the user's files end with a clear message and exit code 2, never a traceback. Importing this package
loads nothing heavy: ``cocoa-desktop`` without arguments opens the window first (tests/gui/test_app_start.py).
"""

from cocoa_desktop.cli.app import EXIT_BAD_INPUT, EXIT_INTERNAL, main

__all__ = ["EXIT_BAD_INPUT", "EXIT_INTERNAL", "main"]
