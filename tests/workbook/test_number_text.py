"""The workbook spells numbers in words as the app does: the formulas of cooperatives_sheet.number_text and
size_text, recalculated by LibreOffice, give exactly format_quantity's and size_words' text ("8 316", "91,0",
"0,54"; "8,316", "91.0" in English), so the 'Cooperativas' sheet's words equal the app's, the CLI's and the PDF's."""

from __future__ import annotations

import xlsxwriter
from openpyxl import load_workbook

from cocoa_desktop.engine.decisions.recommendation_words import size_words
from cocoa_desktop.engine.report import format_quantity
from cocoa_desktop.workbook.cooperatives_sheet import number_text, size_text

# sizes around each boundary (100, 1, the thousands), large and small, a few negatives; no value sits on an exact
# half of its last decimal (there Python's binary rounding and a spreadsheet's ROUND may differ: a computed
# residual or hectare figure is never that close to one)
VALUES = (0.0, 0.004, 0.0049, 0.054, 0.5449, 0.994, 0.99999, 1.0, 1.04, 9.94, 99.94, 99.96, 100.0, 100.4, 999.4,
          999.6, 1000.0, 1188.0023211989794, 8316.016248392856, 90.95858457908163, 12345.678, 99999.6, 999999.4,
          1_000_000.0, 1_234_567.891, 987_654_321.2, 1_234_567_890.3, 5_389_628_522.36, -5389.628522362098, -0.3,
          -1234567.4, 636.7100920535714, 59.731879515306126, 0.07)


def test_number_words_recalculated_by_libreoffice_equal_the_apps(recalc, tmp_path):
    path = tmp_path / "numbers.xlsx"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("n")
    cases = [(lambda r, lang: size_text(r, lang), lambda v, lang: size_words(v, lang))] + [
        (lambda r, lang, d=d: number_text(r, d, lang), lambda v, lang, d=d: format_quantity(v, d, lang))
        for d in (0, 1, 2)]
    for row, value in enumerate(VALUES):
        sheet.write_number(row, 0, value)
        col = 1
        for formula, _ in cases:
            for lang in ("es", "en"):
                sheet.write_formula(row, col, "=" + formula(f"A{row + 1}", lang), None, "")
                col += 1
    book.close()
    (recalculated,) = recalc([path])
    got = load_workbook(recalculated, data_only=True)["n"]
    wrong = []
    for row, value in enumerate(VALUES):
        col = 2
        for _, words in cases:
            for lang in ("es", "en"):
                cell = got.cell(row + 1, col).value
                if cell != words(value, lang):
                    wrong.append((value, lang, cell, words(value, lang)))
                col += 1
    assert not wrong, wrong[:10]
