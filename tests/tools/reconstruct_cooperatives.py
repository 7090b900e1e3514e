"""Rebuild resources/examples/san-martin-2020-cooperatives.json from the report's cooperative table.

Kept for provenance: it documents how each reconstructed value was obtained. Run from the project root:
``python tests/tools/reconstruct_cooperatives.py``.

Published per cooperative (PROMPERÚ 2020 §7): area, partners, husk share of gross, net t/yr, net kg/kg.
Reconstructed: production P = net ÷ net kg/kg; husk left on the soil in piles f (methodology §2), the rest composted;
all cocoa fermented in boxes; sun drying; plastic bags and vehicle-miles in proportion to production
(regional totals 20,606 kg and 136,335 miles); fertilisation = guano de isla (10 % N) in the amount that
makes up the row's net. Deforested area: the regional 1,774 ha shared by area.
"""

from __future__ import annotations

from pathlib import Path

from cocoa_desktop.engine.files.survey_io import dumps
from cocoa_desktop.engine.footprint.compute import compute
from cocoa_desktop.engine.footprint.factors import factors_for
from cocoa_desktop.engine.footprint.stages.fertilisation import product_emissions
from cocoa_desktop.engine.model.survey import Campaign, FertiliserProduct, FertiliserType, Survey

REPORT_ROWS = [  # name, ha, partners, husk % of gross, net t/yr, net kg/kg, f
    ("Cooperativa Agraria Cacaotera Acopagro", 5000, 2200, 83, -5305.56, -1.17, 0.0),
    ("Cooperativa Agroindustrial Paraíso Ltda.", 340, 121, 94, 865.23, 2.47, 0.6),
    ("Coop. Agroindustrial Cordillera Azul Nuevo Progreso Ltda.", 268, 120, 94, 565.85, 2.52, 0.6),
    ("Cooperativa Agroindustrial Tocache Ltda.", 640, 205, 95, 2612.2, 3.10, 0.7),
    ("Cooperativa Agraria Allima Cacao Ltda.", 427, 120, 82, 271.18, 3.31, 0.6),
    ("Cooperativa Agraria del Valle del Mishollo", 327, 109, 91, 869.16, 3.32, 0.7),
    ("Cooperativa Agroindustrial CP Cacao", 327, 109, 88, 1389.49, 3.54, 0.7),
    ("Coop. Agraria Cafetalera y de Servicios Oro Verde Ltda.", 887, 1350, 97, 7115.33, 4.22, 0.9),
    ("Cooperativa Agroindustrial ASPROC NBT Ltda.", 925, 355, 96, 4542.41, 4.27, 0.9),
    ("Cooperativa Agraria Apahui Ltda.", 160, 120, 96, 623.32, 4.95, 1.0),
]
REGION_P = 9_569_017
REGION_BAGS_KG = 20_606
REGION_MILES = 136_335
REGION_HA = 9_301
REGION_DEFORESTED_HA = 1_774
GUANO_N_PERCENT = 10.0
ESTIMATED = [
    "general.dry_cocoa_kg", "husk.shares", "fertilisation.products", "fermentation",
    "drying", "packaging", "transport.legs", "land_use_change.conversions",
]


def build() -> Campaign:
    f = factors_for("promperu-2020")
    surveys = []
    for i, (name, ha, partners, husk_pct, net_t, net_kgkg, left) in enumerate(REPORT_ROWS, start=1):
        p = round(net_t * 1000 / net_kgkg)
        share = p / REGION_P
        doc = {
            "id": f"san-martin-2020-coop-{i:02d}",
            "unit": "cooperative",
            "notes": f"PROMPERÚ 2020 §7: {ha} ha, {partners} socios, cáscara {husk_pct} % de las emisiones brutas, "
                     f"neto {net_t} t CO2e/año, {net_kgkg} kg CO2e/kg. Datos de actividad reconstruidos.",
            "estimated_fields": ESTIMATED,
            "general": {"organisation": name, "campaign_year": 2019, "producers": partners,
                        "productive_area_ha": ha, "dry_cocoa_kg": p},
            "husk": {"shares": {"heaped": left, "composted": round(1 - left, 10)}},
            "fertilisation": {"data_collected": True, "products": []},
            "packaging": [{"type": "plastic_bag", "material_kg_per_year": round(REGION_BAGS_KG * share, 1)}],
            "transport": {"legs": [{"name": "finca → cooperativa → puerto", "vehicle": "rigid_truck",
                                    "trips_per_year": 1, "distance": round(REGION_MILES * share, 1),
                                    "distance_unit": "mi"}]},
            "land_use_change": {"conversions": [{
                "hectares": round(REGION_DEFORESTED_HA * ha / REGION_HA, 1), "year": 2001, "year_last": 2017,
                "previous_use": "primary_forest",
                "source": "1,774 ha regionales repartidos por área (reconstruido)"}]},
        }
        survey = Survey.model_validate(doc)
        others = compute(survey, f)
        target_gross = net_t * 1000 + others.sequestration_kg
        missing = target_gross - others.gross_kg
        per_kg_guano = product_emissions(
            FertiliserProduct(type=FertiliserType.GUANO, kg_per_year=1.0, n_percent=GUANO_N_PERCENT), f)
        doc["fertilisation"]["products"] = [{"type": "guano", "name": "guano de isla",
                                            "kg_per_year": round(missing / per_kg_guano),
                                            "n_percent": GUANO_N_PERCENT}]
        surveys.append(Survey.model_validate(doc))
    return Campaign(
        name="San Martín 2019 — 10 cooperativas (PROMPERÚ 2020)", year=2019,
        notes="Tabla §7 del informe PROMPERÚ 2020. Publicados: área, socios, % cáscara, neto t/año, neto kg/kg. "
              "Reconstruidos (estimated_fields): producción (neto ÷ kg/kg), destino de la cáscara, guano que "
              "completa el neto, envases y transporte proporcionales a la producción, deforestación por área.",
        surveys=surveys,
    )


if __name__ == "__main__":
    out = Path(__file__).resolve().parents[2] / "resources" / "examples" / "san-martin-2020-cooperatives.json"
    out.write_text(dumps(build()) + "\n", encoding="utf-8")
    print(f"written {out}")
