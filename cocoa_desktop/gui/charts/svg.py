"""A horizontal bar chart written directly as SVG from the chart's data (:class:`~cocoa_desktop.gui.charts.bars.Bars`).

Rendering the pyqtgraph widget through QSvgGenerator put the bars about two rows away from their labels (defect
1: pyqtgraph draws the bars from a cached QPicture whose transform the SVG device does not honour). Writing the
SVG from the same numbers the screen shows keeps each bar, its label and its value on one line by construction,
in every SVG renderer: text is placed by its baseline (no ``dominant-baseline``, which some renderers ignore).
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape

if TYPE_CHECKING:
    from cocoa_desktop.gui.charts.bars import Bars

EMISSION = "#8d6e63"
REMOVAL = "#2e7d32"
BASELINE_SHIFT = 0.35  # the baseline of a line of text sits this many font sizes below its middle
CHAR_WIDTH = 0.56  # average width of a character of a sans-serif font, in font sizes (to size the label column)


def nice_step(span: float, ticks: int = 5) -> float:
    """A round tick step (1, 2 or 5 × 10ⁿ) giving about ``ticks`` ticks over ``span``."""
    raw = span / ticks if span > 0 else 1.0
    power = 10 ** math.floor(math.log10(raw))
    return next(m * power for m in (1, 2, 5, 10) if m * power >= raw)


def tick_text(value: float, step: float, decimal: str) -> str:
    decimals = max(0, -math.floor(math.log10(step))) if step < 1 else 0
    text = f"{value:,.{decimals}f}".replace(",", "\u202f")
    return text.replace(".", decimal)


def title_rows(title: str, width: float, font: float) -> list[str]:
    """The title on one line, or broken at " — " (subject, then whose) when it is wider than the chart."""
    if font * CHAR_WIDTH * len(title) <= width or " — " not in title:
        return [title]
    head, _, tail = title.partition(" — ")
    return [head, tail]


def bars_svg(bars: Bars, width: int = 1000, font: float = 16.0) -> str:
    """The chart as an SVG document: title, one row per bar (label left, bar, value at its end), an axis."""
    row = font * 2.6
    label_width = font * CHAR_WIDTH * max(len(label) for label in bars.labels) + font
    value_width = font * CHAR_WIDTH * max(len(text) for text in bars.texts) + font
    step = nice_step((max(0.0, *bars.values) - min(0.0, *bars.values)) or 1.0)
    low = math.floor(min(0.0, *bars.values) / step) * step  # the axis ends on round ticks
    high = math.ceil(max(0.0, *bars.values) / step) * step
    span = (high - low) or 1.0
    left = label_width + (value_width if low < 0 else 0.0)  # room for the value printed left of a negative bar
    plot_width = max(width - left - value_width - font, 10 * font)
    width = int(left + plot_width + value_width + font)
    title_lines = title_rows(bars.title, width, font * 1.25)
    top = font * (1.6 * len(title_lines) + 1.6)
    height = int(top + row * len(bars.values) + font * 3)

    def x_of(value: float) -> float:
        return left + (value - low) / span * plot_width

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
        f'font-family="DejaVu Sans, Arial, sans-serif" font-size="{font:g}">',
        f"<title>{escape(bars.title)}</title>",
        f'<rect x="0" y="0" width="{width}" height="{height}" fill="white"/>',
    ]
    for number, line in enumerate(title_lines):  # one text per line: not every renderer moves tspans
        parts.append(f'<text class="title" x="{width / 2:.1f}" y="{font * 1.6 * (number + 1):.1f}" '
                     f'text-anchor="middle" font-size="{font * 1.25:g}" font-weight="bold">{escape(line)}</text>')
    for index, (label, value, text) in enumerate(zip(bars.labels, bars.values, bars.texts, strict=True)):
        middle = top + row * index + row / 2
        baseline = middle + BASELINE_SHIFT * font
        x0, x1 = sorted((x_of(0.0), x_of(value)))
        colour = REMOVAL if value < 0 else EMISSION
        parts.append(f'<rect class="bar" data-index="{index}" x="{x0:.1f}" y="{middle - row * 0.3:.1f}" '
                     f'width="{max(x1 - x0, 0.5):.1f}" height="{row * 0.6:.1f}" fill="{colour}"/>')
        parts.append(f'<text class="label" data-index="{index}" x="{label_width - font / 2:.1f}" y="{baseline:.1f}" '
                     f'text-anchor="end">{escape(label)}</text>')
        value_x, anchor = (x1 + font / 3, "start") if value >= 0 else (x0 - font / 3, "end")
        parts.append(f'<text class="value" data-index="{index}" x="{value_x:.1f}" y="{baseline:.1f}" '
                     f'text-anchor="{anchor}">{escape(text)}</text>')
    axis_y = top + row * len(bars.values)
    parts.append(f'<line x1="{x_of(low):.1f}" y1="{axis_y:.1f}" x2="{x_of(high):.1f}" y2="{axis_y:.1f}" '
                 'stroke="black"/>')
    parts.append(f'<line x1="{x_of(0.0):.1f}" y1="{top:.1f}" x2="{x_of(0.0):.1f}" y2="{axis_y:.1f}" stroke="black"/>')
    tick = low
    while tick <= high + step * 1e-9:
        x = x_of(tick)
        parts.append(f'<line x1="{x:.1f}" y1="{axis_y:.1f}" x2="{x:.1f}" y2="{axis_y + font / 3:.1f}" '
                     'stroke="black"/>')
        parts.append(f'<text class="tick" x="{x:.1f}" y="{axis_y + font * 1.5:.1f}" text-anchor="middle" '
                     f'font-size="{font * 0.8:g}">{tick_text(tick, step, bars.decimal)}</text>')
        tick += step
    parts.append("</svg>")
    return "\n".join(parts) + "\n"
