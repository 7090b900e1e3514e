"""Charts: pyqtgraph plots, bar charts, SVG charts for reports."""
