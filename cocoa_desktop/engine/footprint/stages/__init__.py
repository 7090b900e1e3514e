"""The stages of the footprint, one module each, every equation once in Python and once as its Excel template.

A template (``<NAME>_TEMPLATE``, a plain string right under the function it mirrors) is the formula the workbook
writes for that equation, with the workbook's markers (expanded by :mod:`cocoa_desktop.workbook.formulas`):
``{c:key}`` a cell of the same row, ``{k:key}`` the key of the word chosen in a list cell, ``{g:key}`` /
``{same:key}`` the survey's value in "Datos generales", ``{s:sheet:key}`` its value in a per-survey sheet,
``{items:sheet:key}`` the sum over its items in an item sheet, ``{FT}`` the factor table (VLOOKUP by factor id);
the names ``f_<factor>``, ``ef_husk_<destination>``, ``PCG_CH4`` and ``PCG_N2O`` are cells of the factor sheet.
tests/test_excel_templates.py evaluates each template and compares it with its function.
"""
