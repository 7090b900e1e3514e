"""Carbon prices used to size compensation in money, with their sources (domain note economics.md §3).

The sequestration rate that sizes compensation in hectares is a factor of the factor set
(``reforestation_sequestration``: 7.0 t CO2e/ha/yr, Norandino, range 5–15), so it travels with the other factors.
"""

from __future__ import annotations

from dataclasses import dataclass

from cocoa_desktop.engine.words import say


@dataclass(frozen=True, slots=True)
class CarbonPrice:
    usd_per_t: float
    label_es: str
    label_en: str
    source: str

    def label(self, lang: str = "es") -> str:
        return say(lang, self.label_es, self.label_en)


SOCIAL_PRICE = CarbonPrice(
    7.17, "precio social del carbono del Perú", "Peru's social carbon price",
    "MEF (2021), Nota técnica para el uso del precio social del carbono; used by Goñas et al. 2024, Table 8")
INSETTING_LOW = CarbonPrice(
    15.0, "venta por inserción, mínimo", "insetting sale, lowest",
    "IIED, Norandino coffee carbon insetting: credits sold 'between US$15 and US$28/tCO2'")
INSETTING_HIGH = CarbonPrice(
    28.0, "venta por inserción, máximo", "insetting sale, highest",
    "IIED, Norandino coffee carbon insetting: credits sold 'between US$15 and US$28/tCO2'")
PRICES: tuple[CarbonPrice, ...] = (SOCIAL_PRICE, INSETTING_LOW, INSETTING_HIGH)
