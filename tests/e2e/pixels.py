"""What a screenshot shows, read as pixels (QImage needs no application object to load a PNG)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QImage


def load(path: Path) -> QImage:
    image = QImage(str(path))
    assert not image.isNull(), f"not an image: {path}"
    return image


def dark_share(image: QImage, x: int, y: int, width: int, height: int, below: int = 80) -> float:
    """The share of pixels in the box darker than ``below`` in every channel: text drawn in black (an enabled
    menu entry, a label) has some; greyed-out text and empty background have none."""
    x0, y0 = max(0, x), max(0, y)
    x1, y1 = min(image.width(), x + width), min(image.height(), y + height)
    total = dark = 0
    for row in range(y0, y1):
        for column in range(x0, x1, 2):
            pixel = image.pixel(column, row)
            total += 1
            if max((pixel >> 16) & 255, (pixel >> 8) & 255, pixel & 255) < below:
                dark += 1
    return dark / total if total else 0.0


def ink_box(image: QImage, background: int | None = None, tolerance: int = 24) -> tuple[int, int, int, int] | None:
    """The smallest box (left, top, right, bottom) holding every pixel that differs from the background (the
    top-left pixel's colour unless given); None for a blank image."""
    background = image.pixel(0, 0) if background is None else background
    channels = [(background >> s) & 255 for s in (16, 8, 0)]
    left, top, right, bottom = image.width(), image.height(), -1, -1
    for row in range(image.height()):
        for column in range(image.width()):
            pixel = image.pixel(column, row)
            if max(abs(((pixel >> s) & 255) - c) for s, c in zip((16, 8, 0), channels, strict=True)) > tolerance:
                left, top = min(left, column), min(top, row)
                right, bottom = max(right, column), max(bottom, row)
    return None if right < 0 else (left, top, right, bottom)
