"""The workbook's units: written in Spanish in the layout, with their English; a wizard unit's Spanish (split from
workbook/words.py so that the layout reads them without a cycle)."""

from __future__ import annotations

from cocoa_desktop.engine.words import say

# Column units are written in Spanish in the layout; their English.
UNIT_EN = {
    "kg/año": "kg/yr", "kg CO2e/año": "kg CO2e/yr", "kg CO2/año": "kg CO2/yr", "kg N/año": "kg N/yr",
    "kWh/año": "kWh/yr", "por ha": "per ha", "por año": "per yr", "unidades/año": "units/yr", "veces": "times",
    "kg/viaje": "kg/trip", "km / millas": "km / miles", "litros o kg": "litres or kg", "km/año": "km/yr",
    "kg CO2 (una vez)": "kg CO2 (one-off)", "debe ser 100 %": "must be 100 %", "sí / no": "yes / no",
    "t CO2e/año": "t CO2e/yr", "t CO2/año": "t CO2/yr", "t/año": "t/yr", "kg/ha/año": "kg/ha/yr",
}


def unit_in(unit: str, lang: str) -> str:
    return say(lang, unit, UNIT_EN.get(unit, unit))


def spanish_unit(english: str) -> str:
    """The workbook's (Spanish) unit of a wizard unit: "per yr" → "por año"; "ha", "kg" are both."""
    return next((es for es, en in UNIT_EN.items() if en == english), english)
