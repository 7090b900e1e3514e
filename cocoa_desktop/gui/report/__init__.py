"""The buyers' footprint report: its facts as HTML pages and the PDF."""
