"""The calculation engine: pure Python, no Qt, no openpyxl, no database (tests/test_architecture.py checks)."""
