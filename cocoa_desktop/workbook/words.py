"""Words of the workbook that are not a choice list: units in English, and the estimated fields of a survey said
with the sheet and column where they live (not as internal paths). Factor names and units: engine.factor_words."""

from __future__ import annotations

from cocoa_desktop.engine.words import pick, say

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


# Estimated fields are stored as paths (``general.dry_cocoa_kg``, ``husk.shares``); people read them as the
# place in the workbook. (section → sheet key of the layout)
SECTION_SHEET = {"general": "general", "husk": "husk", "fertilisation": "fertilisation",
                 "fermentation": "fermentation", "drying": "drying", "sequestration": "sequestration",
                 "packaging": "bags", "transport": "legs", "land_use_change": "conversions"}
SUB_SHEET = {"fertilisation.products": "products", "fertilisation.pesticides": "pesticides",
             "fertilisation.fuels": "fuels", "drying.fuels": "fuels", "general.areas": "areas",
             "transport.legs": "legs", "land_use_change.conversions": "conversions"}
SHARES = ("proporciones", "shares")


def estimated_words(paths: list[str], lang: str) -> str:
    from cocoa_desktop.workbook.calc_layout import BY_KEY

    said = []
    for path in paths:
        parts = path.split(".")
        sheet_key = SUB_SHEET.get(".".join(parts[:2])) or SECTION_SHEET.get(parts[0])
        if sheet_key is None:
            said.append(path)
            continue
        spec = BY_KEY[sheet_key]
        text = spec.title(lang)
        rest = ".".join(parts[1:]) if sheet_key == SECTION_SHEET.get(parts[0]) else ".".join(parts[2:])
        column = next((c for c in spec.columns if c.key == rest), None)
        if column is not None:
            text += ": " + column.label(lang)
        elif rest == "shares":
            text += ": " + pick(SHARES, lang)
        said.append(text)
    return "; ".join(dict.fromkeys(said))
