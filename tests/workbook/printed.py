"""What a workbook printed by LibreOffice looks like on paper, read from its PDF with poppler's pdftotext: the
sheet each page belongs to (its footer names it), and the size of the smallest text on each page.

A word's box (``pdftotext -bbox-layout``) is as tall as its font's ascent plus descent, a fixed multiple of the
font size for a given font; that multiple is measured once on a calibration page printed by the same LibreOffice
with the same fonts (text of known size at 100 %), so the sizes hold whatever font stands in for Calibri.
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree import ElementTree

import xlsxwriter

CALIBRATION_PT = (8, 11, 14)
_WORD = "{http://www.w3.org/1999/xhtml}word"
_PAGE = "{http://www.w3.org/1999/xhtml}page"


@dataclass
class Page:
    sheet: str
    number: int
    heights: list[float] = field(default_factory=list)  # every word's box height, in points
    width: float = 0.0
    height: float = 0.0


def pages(pdf: Path) -> list[Page]:
    """Each page of ``pdf`` with the sheet named at the left of its footer and its words' heights."""
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True,
                          text=True).stdout
    found = []
    for number, page in enumerate(text.split("\f")[:-1], start=1):
        lines = page.strip().splitlines()
        footer = lines[-1].strip() if lines else ""
        found.append(Page(re.split(r"\s{2,}", footer)[0], number))
    xml = subprocess.run(["pdftotext", "-bbox-layout", str(pdf), "-"], check=True, capture_output=True,
                         text=True).stdout
    root = ElementTree.fromstring(xml)
    for page, element in zip(found, root.iter(_PAGE), strict=True):
        page.width, page.height = float(element.get("width", 0)), float(element.get("height", 0))
        page.heights = [float(w.get("yMax", 0)) - float(w.get("yMin", 0)) for w in element.iter(_WORD)]
    return found


def calibration_workbook(path: Path) -> Path:
    """A sheet with text of known sizes, printed at 100 %."""
    wb = xlsxwriter.Workbook(str(path))
    ws = wb.add_worksheet("cal")
    for r, size in enumerate(CALIBRATION_PT):
        ws.write_string(r, 0, "Xg", wb.add_format({"font_size": size}))
    wb.close()
    return path


def height_per_point(render: Callable[[Path], Path], folder: Path) -> float:
    """How tall a word's box is per point of font size, in PDFs made by ``render``."""
    page = pages(render(calibration_workbook(folder / "calibration.xlsx")))[0]
    heights = sorted(page.heights)
    assert len(heights) == len(CALIBRATION_PT), heights
    ratios = [h / pt for h, pt in zip(heights, CALIBRATION_PT, strict=True)]
    assert max(ratios) - min(ratios) < 0.02, ratios
    return sum(ratios) / len(ratios)


@dataclass
class SheetPrint:
    pages: int
    smallest_pt: float


def by_sheet(pdf: Path, per_point: float) -> dict[str, SheetPrint]:
    """Pages and smallest text size (pt) of each sheet, in the order printed."""
    found: dict[str, SheetPrint] = {}
    for page in pages(pdf):
        smallest = min(page.heights, default=float("inf")) / per_point
        seen = found.get(page.sheet)
        if seen is None:
            found[page.sheet] = SheetPrint(1, smallest)
        else:
            seen.pages += 1
            seen.smallest_pt = min(seen.smallest_pt, smallest)
    return found
