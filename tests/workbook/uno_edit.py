"""Edit a workbook in LibreOffice as a user would, through UNO: run by the system python (python3-uno).

``/usr/bin/python3 uno_edit.py IN.xlsx OUT.xlsx STEPS.json PROFILE_DIR`` opens IN in a headless LibreOffice, does
each step on the sheets (unprotecting a sheet first, as a user must), recalculates everything and saves OUT as
.xlsx. Steps (JSON list):

- ``["sort", sheet, "A5:S14", column_index, descending]`` — Data ▸ Sort on a range by one of its columns
- ``["insert_row", sheet, row]`` — insert an empty row above ``row`` (1-based)
- ``["delete_row", sheet, row]`` — delete a whole row (1-based), as Sheet ▸ Delete Rows does
- ``["copy_row", sheet, from_row, to_row]`` — copy a whole row onto another (formulas adjust, as with copy-paste)
- ``["number", sheet, "E7", 12.5]`` / ``["text", sheet, "C7", "Urea"]`` — type a value into a cell
- ``["formula", sheet, "B5", "=1+1"]`` — type a formula into a cell
"""

from __future__ import annotations

import contextlib
import json
import subprocess
import sys
import time
from pathlib import Path

import uno  # type: ignore[import-not-found]
from com.sun.star.beans import PropertyValue  # type: ignore[import-not-found]
from com.sun.star.connection import NoConnectException  # type: ignore[import-not-found]
from com.sun.star.table import TableSortField  # type: ignore[import-not-found]


def prop(name: str, value: object) -> PropertyValue:
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def connect(pipe: str):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    for _ in range(120):
        try:
            return resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
        except NoConnectException:
            time.sleep(0.5)
    raise RuntimeError("LibreOffice did not start")


def step(doc, action: list) -> None:
    kind, sheet_name = action[0], action[1]
    sheet = doc.Sheets.getByName(sheet_name)
    sheet.unprotect("")
    if kind == "sort":
        _, _, area, column, descending = action
        rng = sheet.getCellRangeByName(area)
        field = TableSortField()
        field.Field, field.IsAscending = column, not descending
        descriptor = rng.createSortDescriptor()
        for p in descriptor:
            if p.Name == "SortFields":
                p.Value = uno.Any("[]com.sun.star.table.TableSortField", (field,))
            elif p.Name == "ContainsHeader":
                p.Value = False
        rng.sort(descriptor)
    elif kind == "insert_row":
        sheet.Rows.insertByIndex(action[2] - 1, 1)
    elif kind == "delete_row":
        sheet.Rows.removeByIndex(action[2] - 1, 1)
    elif kind == "copy_row":
        source = sheet.getCellRangeByName(f"A{action[2]}:AZ{action[2]}").RangeAddress
        target = sheet.getCellRangeByName(f"A{action[3]}").CellAddress
        sheet.copyRange(target, source)
    elif kind == "clear_inputs":  # what a user can clear on the protected sheet: the row's unlocked cells
        for cell in (sheet.getCellByPosition(c, action[2] - 1) for c in range(52)):
            if not cell.CellProtection.IsLocked:
                cell.clearContents(1 | 2 | 4 | 16)  # values, dates, texts, formulas
    elif kind == "number":
        sheet.getCellRangeByName(action[2]).setValue(float(action[3]))
    elif kind == "text":
        sheet.getCellRangeByName(action[2]).setString(str(action[3]))
    elif kind == "formula":
        sheet.getCellRangeByName(action[2]).setFormula(str(action[3]))
    else:
        raise ValueError(kind)


def main() -> None:
    source, target, steps_file, profile = sys.argv[1:5]
    pipe = f"cocoa{time.time_ns()}"
    office = subprocess.Popen(["soffice", f"-env:UserInstallation={Path(profile).resolve().as_uri()}", "--headless",
                               "--invisible", "--norestore", "--nologo", f"--accept=pipe,name={pipe};urp;"])
    desktop = None
    try:
        ctx = connect(pipe)
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        doc = desktop.loadComponentFromURL(Path(source).resolve().as_uri(), "_blank", 0, (prop("Hidden", True),))
        for action in json.loads(Path(steps_file).read_text(encoding="utf-8")):
            step(doc, action)
        doc.calculateAll()
        doc.storeToURL(Path(target).resolve().as_uri(), (prop("FilterName", "Calc MS Excel 2007 XML"),))
        doc.close(True)
    finally:
        quit_office(desktop, office)


def quit_office(desktop, office: subprocess.Popen) -> None:
    """Ask LibreOffice to quit, wait a minute for it, then kill it (``desktop`` None: it never connected)."""
    try:
        if desktop is not None:
            with contextlib.suppress(Exception):  # the bridge closes as LibreOffice quits
                desktop.terminate()
        office.wait(timeout=60)
    except subprocess.TimeoutExpired:
        office.kill()


if __name__ == "__main__":
    main()
