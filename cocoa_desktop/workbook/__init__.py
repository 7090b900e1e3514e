"""Excel workbook export and import (openpyxl), laid out like the PROMPERÚ calculation tool."""
