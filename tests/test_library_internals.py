"""What the app takes from inside its libraries, checked by name: an upgrade that renames or reshapes one of them fails
here, naming it, instead of writing workbooks that are wrong or unreadable.

- workbook/xlsx.py: ExactWorksheet overrides three private methods of XlsxWriter's Worksheet, and reads private
  attributes of the worksheet, the shared string table, the cell formats and the cells it is handed;
- workbook/report_sheets.py reads a worksheet's cells back from its ``table``; workbook/xlsx.py's ``discard`` closes
  a streamed sheet's temporary file;
- workbook/reader.py reads each sheet's XML through openpyxl's private ``ReadOnlyWorksheet._get_source``;
- engine/files/survey_io.py reads a ZIP's end record through the standard library's private ``zipfile._EndRecData``.

pyproject.toml bounds XlsxWriter and openpyxl below their next major version and constraints.txt pins the versions
tested: raise them on purpose, with this file.
"""

from __future__ import annotations

import inspect
import zipfile
from pathlib import Path

import openpyxl
import pytest
import xlsxwriter.worksheet
from openpyxl.worksheet._read_only import ReadOnlyWorksheet
from xlsxwriter.format import Format
from xlsxwriter.sharedstrings import SharedStringTable
from xlsxwriter.worksheet import Worksheet

from cocoa_desktop.workbook.xlsx import ExactWorkbook, ExactWorksheet

OVERRIDDEN = ("_prepare_formula", "_write_cell", "_xml_number_element")


def _parameters(function) -> list[tuple[str, object]]:
    return [(p.name, p.kind) for p in inspect.signature(function).parameters.values()]


@pytest.mark.parametrize("name", OVERRIDDEN)
def test_xlsxwriter_has_each_method_exact_worksheet_overrides_with_the_same_parameters(name):
    assert name in vars(ExactWorksheet), name  # still overridden here: else this list is out of date
    assert hasattr(Worksheet, name), f"XlsxWriter's Worksheet no longer has {name}: the override is never called"
    assert _parameters(getattr(Worksheet, name)) == _parameters(getattr(ExactWorksheet, name)), (
        f"Worksheet.{name}{inspect.signature(getattr(Worksheet, name))} vs the override's "
        f"{inspect.signature(getattr(ExactWorksheet, name))}")


@pytest.mark.parametrize("name", OVERRIDDEN)
def test_xlsxwriter_still_calls_each_overridden_method(name):
    """An override that the library no longer calls changes nothing: numbers rounded again, formulas prefixed."""
    assert f"self.{name}(" in inspect.getsource(xlsxwriter.worksheet), name


def test_the_private_methods_exact_worksheet_calls_exist_with_their_parameters():
    assert _parameters(Worksheet._escape_attributes) == [("self", inspect.Parameter.POSITIONAL_OR_KEYWORD),
                                                         ("attribute", inspect.Parameter.POSITIONAL_OR_KEYWORD)]
    assert [p for p, _ in _parameters(SharedStringTable._get_shared_string_index)] == ["self", "string"]
    assert [p for p, _ in _parameters(Format._get_xf_index)] == ["self"]


def test_a_fresh_workbook_and_worksheet_have_the_attributes_read(tmp_path: Path):
    wb = ExactWorkbook(str(tmp_path / "x.xlsx"))
    assert wb.worksheet_class is ExactWorksheet and hasattr(wb, "constant_memory")
    streamed = wb.streamed_sheet("streamed")
    kept = wb.add_worksheet("kept")
    assert isinstance(streamed, ExactWorksheet) and streamed.constant_memory and not kept.constant_memory
    for ws in (streamed, kept):
        for attribute in ("fh", "constant_memory", "str_table", "table", "row_data_fh", "row_data_filename"):
            assert hasattr(ws, attribute), attribute
    assert isinstance(kept.str_table, SharedStringTable) and isinstance(kept.table, dict)
    wb.close()


def test_cells_are_handed_over_as_the_named_tuples_the_override_reads(tmp_path: Path):
    """ExactWorksheet._write_cell tells cells by their type's name and reads their fields (a streamed sheet's text
    as text, to put in the shared string table); report_sheets reads ``table[row][col]``."""
    wb = ExactWorkbook(str(tmp_path / "x.xlsx"))
    bold = wb.add_format({"bold": True})
    for ws in (wb.streamed_sheet("streamed"), wb.add_worksheet("kept")):
        ws.write_string(0, 0, "text", bold)
        ws.write_formula(0, 1, "=1+1", bold, 2)
        string, formula = ws.table[0][0], ws.table[0][1]  # a streamed sheet keeps its current row in the table
        assert type(string).__name__ == "String" and string._fields == ("string", "format"), string
        assert string.format is bold and (string.string == "text" if ws.constant_memory else True), string
        assert type(formula).__name__ == "Formula" and formula._fields == ("formula", "format", "value"), formula
        assert (formula.formula, formula.format, formula.value) == ("1+1", bold, 2), formula
    assert isinstance(bold._get_xf_index(), int)
    wb.close()


def test_openpyxl_read_only_sheets_give_their_xml(tmp_path: Path):
    path = tmp_path / "x.xlsx"
    book = openpyxl.Workbook()
    book.active["A1"] = "=1+1"
    book.save(path)
    wb = openpyxl.load_workbook(path, read_only=True)
    ws = wb.active
    assert isinstance(ws, ReadOnlyWorksheet)
    with ws._get_source() as xml:
        assert b"<f>1+1</f>" in xml.read()
    wb.close()


def test_zipfile_end_record_reader_is_there(tmp_path: Path):
    path = tmp_path / "x.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("a.txt", "a")
        archive.writestr("b.txt", "b")
    with path.open("rb") as handle:
        end = zipfile._EndRecData(handle)
    assert end[zipfile._ECD_ENTRIES_TOTAL] == 2 and end[zipfile._ECD_SIZE] > 0
