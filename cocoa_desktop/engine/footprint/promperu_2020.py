"""What the PROMPERÚ 2020 report publishes about decisions (§6–9), to be shown *beside* the model, never fed into it.

Sources: ``shared/reference/promperu-2020-cocoa-carbon-footprint-san-martin.txt`` §5 (coverage: 54,159 ha of cocoa in
San Martín), §6 (regional results), §7 (the per-cooperative table with its "Reduction" and "Compensation" columns),
§9 (recommendations: composting "could reduce the total GHG emissions by 80 %, from 1,43 to 0,28 kg CO2eq/kg";
"reduce … by 70 %"; jute; compensation by plantations or credits). The report's own inconsistencies are kept as
published and explained where they are shown (methodology §2 and §5).
"""

from __future__ import annotations

from dataclasses import dataclass

from cocoa_desktop.engine.words import say

CAMPAIGN_YEAR = 2019  # the campaign of the §7 table (the shipped example's year)
SAN_MARTIN_COCOA_HA = 54_159.0  # report §5: cocoa cultivated area in San Martín (2017)
PERU_COCOA_HA = 147_304.0  # report §5: in Peru (2017)
STUDY_AREA_HA = 9_301.0
REGIONAL_NET_T = 13_702.5  # report §6
REGIONAL_NET_PER_KG = 1.43
REGIONAL_PRODUCTION_KG = 9_569_017.0

# §9: "Aerobic composting is recommended, which could reduce the total GHG emissions by 80 %, from 1,43 to 0,28"
COMPOSTING_CLAIM_SHARE = 0.80
COMPOSTING_CLAIM_BEFORE = 1.43
COMPOSTING_CLAIM_AFTER = 0.28
# §7 and §9: "70 % composting and manure produced" / "30 % plantation or purchase of carbon credits"
REPORT_REDUCTION_SHARE = 0.70
REPORT_COMPENSATION_SHARE = 0.30


@dataclass(frozen=True, slots=True)
class PublishedRow:
    """One row of the report's §7 table, as printed."""

    name: str
    area_ha: float
    partners: int
    husk_share: float  # "CO2 waste management emissions", share of the cooperative's gross
    net_t: float
    net_per_kg: float
    densification: bool  # "+ plantation densification" in the Reduction column
    sink: bool  # "-" in both recommendation columns

    @property
    def production_kg(self) -> float:
        """Implied production (net ÷ net kg/kg), as methodology §2 reconstructs it."""
        return self.net_t * 1000.0 / self.net_per_kg

    def reduction_words(self, lang: str = "es") -> str:
        if self.sink:
            return "–"
        es, en = "70 % compostaje y abono producido", "70 % composting and manure produced"
        if self.densification:
            es, en = es + " + densificación de plantaciones", en + " + plantation densification"
        return say(lang, es, en)

    def compensation_words(self, lang: str = "es") -> str:
        if self.sink:
            return "–"
        return say(lang, "30 % plantación o compra de créditos de carbono",
                         "30 % plantation or purchase of carbon credits")


def _row(name: str, ha: float, partners: int, husk: float, net_t: float, net_kg: float, *,
         dense: bool = False, sink: bool = False) -> PublishedRow:
    return PublishedRow(name, ha, partners, husk / 100.0, net_t, net_kg, dense, sink)


COOPERATIVES: tuple[PublishedRow, ...] = (  # report §7, in its order (by net kg/kg)
    _row("Cooperativa Agraria Cacaotera Acopagro", 5000, 2200, 83, -5305.56, -1.17, sink=True),
    _row("Cooperativa Agroindustrial Paraíso Ltda.", 340, 121, 94, 865.23, 2.47),
    _row("Coop. Agroindustrial Cordillera Azul Nuevo Progreso Ltda.", 268, 120, 94, 565.85, 2.52),
    _row("Cooperativa Agroindustrial Tocache Ltda.", 640, 205, 95, 2612.2, 3.10),
    _row("Cooperativa Agraria Allima Cacao Ltda.", 427, 120, 82, 271.18, 3.31, dense=True),
    _row("Cooperativa Agraria del Valle del Mishollo", 327, 109, 91, 869.16, 3.32),
    _row("Cooperativa Agroindustrial CP Cacao", 327, 109, 88, 1389.49, 3.54),
    _row("Coop. Agraria Cafetalera y de Servicios Oro Verde Ltda.", 887, 1350, 97, 7115.33, 4.22),
    _row("Cooperativa Agroindustrial ASPROC NBT Ltda.", 925, 355, 96, 4542.41, 4.27),
    _row("Cooperativa Agraria Apahui Ltda.", 160, 120, 96, 623.32, 4.95, dense=True),
)
BY_NAME: dict[str, PublishedRow] = {row.name: row for row in COOPERATIVES}


def published_row(name: str) -> PublishedRow | None:
    """The report's row for a cooperative of that exact name (the shipped example uses the report's names)."""
    return BY_NAME.get(name)


def covers_all_cooperatives(names: set[str] | frozenset[str]) -> bool:
    return set(BY_NAME) <= set(names)


def published_cooperative_net_t() -> float:
    """Σ of the §7 nets: 13,548.61 t, not the §6 regional 13,702.5 t."""
    return sum(row.net_t for row in COOPERATIVES)
