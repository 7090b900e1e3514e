"""The workbook's layout, described once: sheets, columns, input kinds and the formulas of computed columns.

Export writes it and import reads it back, so the two cannot drift apart. Rows: 1 title, 2 labels, 3 units,
4 field keys (the import checks them), data from row 5. Per-survey sheets share the same row for a survey;
item sheets (fertilisers, bags, transport legs …) have one row per item, keyed by the survey id in column A.

Formula templates: ``{c:key}`` a cell of this row, ``{id}`` this row's survey id, ``{s:sheet:key}`` the same
row of another per-survey sheet, ``{col:sheet:key}`` a whole column of another sheet (for SUMIFS), ``{FT}`` the
factor table; named cells ``f_<factor>`` and ``PCG_CH4`` / ``PCG_N2O`` hold the factors.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from cocoa_desktop.engine.survey import (
    AgeClass,
    BagType,
    DistanceUnit,
    FermentationMethod,
    FertiliserType,
    Fuel,
    PesticideType,
    PreviousUse,
    ProductionSystem,
    SurveyUnit,
    Vehicle,
)

FIRST_ROW = 5
KEY_ROW = 4
WORKBOOK_FORMAT = "cocoa-desktop/workbook"
WORKBOOK_VERSION = 1
META_SHEET = "_cocoa"


@dataclass(frozen=True)
class Col:
    key: str
    es: str
    en: str
    unit: str = ""
    kind: str = "number"  # id | text | number | share | int | choice | yesno | formula | ref
    choices: tuple[str, ...] = ()
    formula: str = ""
    width: int = 14

    @property
    def is_input(self) -> bool:
        return self.kind not in ("formula", "ref")


@dataclass(frozen=True)
class SheetSpec:
    key: str
    es: str
    en: str
    per_survey: bool
    columns: tuple[Col, ...]
    note_es: str = ""
    note_en: str = ""
    column_of: dict[str, str] = field(default_factory=dict, compare=False)

    def title(self, lang: str) -> str:
        return self.en if lang == "en" else self.es

    def letter(self, key: str) -> str:
        from openpyxl.utils import get_column_letter

        if not self.column_of:
            self.column_of.update({c.key: get_column_letter(i) for i, c in enumerate(self.columns, start=1)})
        return self.column_of[key]


def _values(enum: type) -> tuple[str, ...]:
    return tuple(m.value for m in enum)


ID = Col("id", "Encuesta (id)", "Survey (id)", kind="id", width=38)
ORG = Col("organisation", "Organización", "Organisation", kind="ref", formula="{s:general:organisation}", width=30)
P = "{s:general:production_kg}"
LOOKUP = 'VLOOKUP("{prefix}"&{ref},{FT},2,FALSE)'
SHARES_HUSK = ("left_on_soil", "heaped", "composted", "burned", "animal_feed", "biodigester", "other")
HUSK_ES = ("dejada en el suelo", "amontonada", "compostada", "quemada", "alimento animal", "biodigestor", "otro")


def _lookup(prefix: str, ref: str) -> str:
    return LOOKUP.format(prefix=prefix, ref=ref, FT="{FT}")


GENERAL = SheetSpec("general", "Datos generales", "General data", True, (
    ID,
    Col("unit", "Unidad", "Unit", kind="choice", choices=_values(SurveyUnit)),
    Col("organisation", "Organización (cooperativa)", "Organisation (cooperative)", kind="text", width=34),
    Col("farm_name", "Finca", "Farm", kind="text", width=20),
    Col("campaign_year", "Campaña (año)", "Campaign (year)", kind="int"),
    Col("region", "Región", "Region", kind="text"),
    Col("technician", "Técnico", "Technician", kind="text", width=20),
    Col("producers", "Productores", "Producers", kind="int"),
    Col("productive_area_ha", "Área productiva", "Productive area", "ha"),
    Col("dry_cocoa_kg", "Cacao seco entregado", "Dry cocoa delivered", "kg/año"),
    Col("wet_cocoa_kg", "Cacao en baba", "Wet cocoa", "kg/año"),
    Col("wet_to_dry_ratio", "Relación baba→seco", "Wet→dry ratio", "kg/kg"),
    Col("cocoa_trees_per_ha", "Plantas de cacao", "Cocoa trees", "por ha"),
    Col("shade_trees_per_ha", "Árboles de sombra", "Shade trees", "por ha"),
    Col("notes", "Notas", "Notes", kind="text", width=30),
    Col("estimated_fields", "Campos estimados", "Estimated fields", kind="text", width=30),
    Col("production_kg", "Producción usada", "Production used", "kg/año", kind="formula",
        formula='IF({c:dry_cocoa_kg}<>"",{c:dry_cocoa_kg},{c:wet_cocoa_kg}*{c:wet_to_dry_ratio})'),
))

_HUSK_KG = "{c:husk_kg}"
HUSK = SheetSpec("husk", "Cáscara", "Husk", True, (
    ID, ORG,
    Col("husk_kg_per_kg_cocoa", "Cáscara por kg de cacao (opcional)", "Husk per kg cocoa (optional)", "kg/kg"),
    *(Col(f"shares.{k}", f"Proporción {es}", f"Share {k.replace('_', ' ')}", "0-1", kind="share")
      for k, es in zip(SHARES_HUSK, HUSK_ES, strict=True)),
    Col("compost_method", "Método de compostaje", "Composting method", kind="text", width=20),
    Col("share_total", "Suma de proporciones", "Sum of shares", "debe ser 1", kind="formula",
        formula="+".join(f"{{c:shares.{k}}}" for k in SHARES_HUSK)),
    Col("husk_kg", "Cáscara", "Husk", "kg/año", kind="formula",
        formula=f'{P}*IF({{c:husk_kg_per_kg_cocoa}}<>"",{{c:husk_kg_per_kg_cocoa}},f_husk_ratio)'),
    Col("s1", "S1 cáscara", "S1 husk", "kg CO2e/año", kind="formula",
        formula="+".join(f"{_HUSK_KG}*{{c:shares.{k}}}*ef_husk_{k}" for k in SHARES_HUSK)),
    Col("composting_saving", "Ahorro si se composta", "Saving if composted", "kg CO2e/año", kind="formula",
        formula="+".join(f"{_HUSK_KG}*{{c:shares.{k}}}*MAX(0,ef_husk_{k}-ef_husk_composted)"
                         for k in ("left_on_soil", "heaped", "other"))),
))

FERTILISATION = SheetSpec("fertilisation", "Abonamiento", "Fertilisation", True, (
    ID, ORG,
    Col("data_collected", "¿Hay datos de abonos? (sí/no)", "Fertiliser data? (yes/no)", kind="yesno"),
    Col("s2", "S2 abonamiento y plagas", "S2 fertilisation and pests", "kg CO2e/año", kind="formula",
        formula='IF({c:data_collected}="no",{FALLBACK},'
                'SUMIFS({col:products:total},{col:products:id},{id})'
                '+SUMIFS({col:pesticides:total},{col:pesticides:id},{id})'
                '+SUMIFS({col:fuels:total},{col:fuels:id},{id},{col:fuels:use},"fertilisation"))'),
))

FERMENTATION = SheetSpec("fermentation", "Fermentación", "Fermentation", True, (
    ID, ORG,
    Col("method", "Método", "Method", kind="choice", choices=_values(FermentationMethod)),
    Col("fermented_share", "Fracción fermentada", "Share fermented", "0-1", kind="share"),
    Col("on_farm_share", "Fracción en finca", "Share on farm", "0-1", kind="share"),
    Col("s3", "S3 fermentación", "S3 fermentation", "kg CO2e/año", kind="formula",
        formula=f"{P}*{{c:fermented_share}}*" + _lookup("fermentation_", "{c:method}")),
))

DRYING_METHODS = ("sun_tarp", "sun_concrete", "solar_dryer", "mechanical")
DRYING = SheetSpec("drying", "Secado", "Drying", True, (
    ID, ORG,
    *(Col(f"shares.{k}", f"Proporción {k.replace('_', ' ')}", f"Share {k.replace('_', ' ')}", "0-1", kind="share")
      for k in DRYING_METHODS),
    Col("electricity_kwh", "Electricidad", "Electricity", "kWh/año"),
    Col("s4", "S4 secado", "S4 drying", "kg CO2e/año", kind="formula",
        formula='{c:electricity_kwh}*f_grid_electricity'
                '+SUMIFS({col:fuels:total},{col:fuels:id},{id},{col:fuels:use},"drying")'),
))

SEQUESTRATION = SheetSpec("sequestration", "Secuestro", "Sequestration", True, (
    ID, ORG,
    Col("shade_trees_inventory", "Inventario de árboles de sombra", "Shade-tree inventory", kind="text", width=40),
))

PRODUCTS = SheetSpec("products", "Abonos", "Fertilisers", False, (
    ID,
    Col("type", "Tipo", "Type", kind="choice", choices=_values(FertiliserType)),
    Col("name", "Nombre", "Name", kind="text", width=20),
    Col("kg_per_year", "Cantidad", "Amount", "kg/año"),
    Col("kg_per_ha", "Dosis", "Rate", "kg/ha"),
    Col("hectares", "Área abonada", "Area fertilised", "ha"),
    Col("n_percent", "Nitrógeno", "Nitrogen", "% N"),
    Col("mass", "Masa usada", "Mass used", "kg/año", kind="formula",
        formula='IF({c:kg_per_year}<>"",{c:kg_per_year},{c:kg_per_ha}*{c:hectares})'),
    Col("n", "N aplicado", "N applied", "kg N/año", kind="formula", formula="{c:mass}*{c:n_percent}/100"),
    Col("total", "Emisiones", "Emissions", "kg CO2e/año", kind="formula",
        formula='IF({c:n}>0,{c:n}*(f_soil_ef1+IF(OR({c:type}="guano",{c:type}="own_compost",'
                '{c:type}="bought_compost",{c:type}="biol",{c:type}="manure"),f_frac_gas_organic,'
                'f_frac_gas_synthetic)*f_soil_ef4+f_frac_leach*f_soil_ef5)*44/28*PCG_N2O,0)'
                '+IF(AND({c:n}>0,OR({c:type}="urea",{c:type}="npk",{c:type}="foliar")),{c:n}*f_n_manufacture,0)'
                '+IF({c:type}="urea",{c:mass}*f_urea_carbon*44/12,IF({c:type}="lime",{c:mass}*f_lime_carbon*44/12,'
                'IF({c:type}="dolomite",{c:mass}*f_dolomite_carbon*44/12,0)))'),
))

PESTICIDES = SheetSpec("pesticides", "Plaguicidas", "Pesticides", False, (
    ID,
    Col("type", "Tipo", "Type", kind="choice", choices=_values(PesticideType)),
    Col("product", "Producto", "Product", kind="text", width=20),
    Col("active_ingredient_kg", "Ingrediente activo", "Active ingredient", "kg/año"),
    Col("total", "Emisiones", "Emissions", "kg CO2e/año", kind="formula",
        formula="{c:active_ingredient_kg}*" + _lookup("pesticide_", "{c:type}")),
))

FUELS = SheetSpec("fuels", "Combustibles", "Fuels", False, (
    ID,
    Col("use", "Uso", "Use", kind="choice", choices=("fertilisation", "drying")),
    Col("fuel", "Combustible", "Fuel", kind="choice", choices=_values(Fuel)),
    Col("amount", "Cantidad", "Amount", "litros (kg GLP/leña)"),
    Col("purpose", "Para qué", "Purpose", kind="text", width=20),
    Col("total", "Emisiones", "Emissions", "kg CO2e/año", kind="formula",
        formula="{c:amount}*" + _lookup("fuel_", "{c:fuel}")),
))

BAGS = SheetSpec("bags", "Envases", "Packaging", False, (
    ID,
    Col("type", "Tipo de envase", "Bag type", kind="choice", choices=_values(BagType)),
    Col("bags_per_year", "Envases", "Bags", "unidades/año"),
    Col("kg_per_bag", "Peso por envase", "Weight per bag", "kg"),
    Col("material_kg_per_year", "Peso total (si no hay conteo)", "Total weight (if not counted)", "kg/año"),
    Col("reuse_cycles", "Usos por envase", "Uses per bag", "veces"),
    Col("material_kg", "Material usado", "Material used", "kg/año", kind="formula",
        formula='IF({c:material_kg_per_year}<>"",{c:material_kg_per_year},{c:bags_per_year}*{c:kg_per_bag})'),
    Col("total", "Emisiones", "Emissions", "kg CO2e/año", kind="formula",
        formula="{c:material_kg}*" + _lookup("bag_", "{c:type}") + "/{c:reuse_cycles}"),
))

LEGS = SheetSpec("legs", "Transporte", "Transport", False, (
    ID,
    Col("name", "Tramo", "Leg", kind="text", width=24),
    Col("vehicle", "Vehículo", "Vehicle", kind="choice", choices=_values(Vehicle)),
    Col("trips_per_year", "Viajes", "Trips", "por año"),
    Col("distance", "Distancia (ida)", "Distance (one way)"),
    Col("distance_unit", "Unidad", "Unit", "km / mi", kind="choice", choices=_values(DistanceUnit)),
    Col("fuel", "Combustible (si se conoce)", "Fuel (if known)", kind="choice", choices=_values(Fuel)),
    Col("litres_per_year", "Litros", "Litres", "por año"),
    Col("load_kg_per_trip", "Carga", "Load", "kg/viaje"),
    Col("total", "Emisiones", "Emissions", "kg CO2e/año", kind="formula",
        formula='IF(AND({c:litres_per_year}<>"",{c:fuel}<>""),{c:litres_per_year}*'
                + _lookup("fuel_", "{c:fuel}") + '*IF({c:fuel}="lpg",f_lpg_density,1)'
                + ',{c:trips_per_year}*{c:distance}*IF({c:distance_unit}="mi",1.609344,1)/1.609344*'
                + 'IFERROR(' + _lookup("vehicle_", '{c:vehicle}&"_"&{c:fuel}') + ","
                + _lookup("vehicle_", "{c:vehicle}") + "))"),
))

AREAS = SheetSpec("areas", "Áreas", "Areas", False, (
    ID,
    Col("system", "Sistema", "System", kind="choice", choices=_values(ProductionSystem)),
    Col("age_class", "Edad", "Age", "años", kind="choice", choices=_values(AgeClass)),
    Col("hectares", "Área", "Area", "ha"),
    Col("total", "Secuestro por área", "Per-area sequestration", "kg CO2/año", kind="formula",
        formula='{c:hectares}*VLOOKUP("seq_"&{c:system}&"_"&{c:age_class},{FT},2,FALSE)*44/12*1000'),
))

CONVERSIONS = SheetSpec("conversions", "Cambio de uso", "Land-use change", False, (
    ID,
    Col("hectares", "Área convertida", "Area converted", "ha"),
    Col("year", "Año de conversión", "Year converted", kind="int"),
    Col("previous_use", "Uso anterior", "Previous use", kind="choice", choices=_values(PreviousUse)),
    Col("source", "Fuente de la información", "Source of the information", kind="text", width=30),
    Col("campaign_year", "Campaña", "Campaign", kind="ref",
        formula="INDEX({col:general:campaign_year},MATCH({id},{col:general:id},0))"),
    Col("one_off", "Emisión única", "One-off emission", "kg CO2", kind="formula",
        formula="{c:hectares}*" + _lookup("luc_", "{c:previous_use}") + "*1000"),
    Col("amortised", "Amortizado (PAS 2050)", "Amortised (PAS 2050)", "kg CO2/año", kind="formula",
        formula='IF({c:year}="",0,IF(AND({c:year}>={c:campaign_year}-f_luc_amortisation_years,'
                '{c:year}<={c:campaign_year}),{c:one_off}/f_luc_amortisation_years,0))'),
))

STAGE_KEYS = ("s1", "s2", "s3", "s4", "s5", "s6")
CALC = SheetSpec("calc", "Cálculos", "Calculations", True, (
    Col("id", "Encuesta (id)", "Survey (id)", kind="ref", formula="{s:general:id}", width=38), ORG,
    Col("farm", "Finca", "Farm", kind="ref", formula="{s:general:farm_name}&\"\"", width=18),
    Col("p", "Producción P", "Production P", "kg/año", kind="ref", formula=P),
    Col("s1", "S1 cáscara = P × R × Σ s·EF", "S1 husk = P × R × Σ s·EF", "kg CO2e/año", kind="ref",
        formula="{s:husk:s1}"),
    Col("s2", "S2 abonos = N × (EF1 + FracGAS·EF4 + FracLEACH·EF5) × 44/28 × PCG + …",
        "S2 fertiliser = N × (EF1 + FracGAS·EF4 + FracLEACH·EF5) × 44/28 × GWP + …", "kg CO2e/año", kind="ref",
        formula="{s:fertilisation:s2}"),
    Col("s3", "S3 fermentación = P × f × EF", "S3 fermentation = P × f × EF", "kg CO2e/año", kind="ref",
        formula="{s:fermentation:s3}"),
    Col("s4", "S4 secado = combustible × EF + kWh × EF", "S4 drying = fuel × EF + kWh × EF", "kg CO2e/año",
        kind="ref", formula="{s:drying:s4}"),
    Col("s5", "S5 envases = Σ kg × EF / usos", "S5 packaging = Σ kg × EF / uses", "kg CO2e/año", kind="formula",
        formula="SUMIFS({col:bags:total},{col:bags:id},{id})"),
    Col("s6", "S6 transporte = Σ viajes × distancia × EF", "S6 transport = Σ trips × distance × EF",
        "kg CO2e/año", kind="formula", formula="SUMIFS({col:legs:total},{col:legs:id},{id})"),
    Col("gross", "Emisiones brutas = S1 + … + S6", "Gross = S1 + … + S6", "kg CO2e/año", kind="formula",
        formula="{c:s1}+{c:s2}+{c:s3}+{c:s4}+{c:s5}+{c:s6}"),
    Col("sequestration", "Secuestro", "Sequestration", "kg CO2/año", kind="formula", formula="{SEQUESTRATION}"),
    Col("net", "Emisiones netas = brutas − secuestro", "Net = gross − sequestration", "kg CO2e/año",
        kind="formula", formula="{c:gross}-{c:sequestration}"),
    Col("gross_per_kg", "Brutas por kg", "Gross per kg", "kg CO2e/kg", kind="formula",
        formula='IF({c:p}>0,{c:gross}/{c:p},"")'),
    Col("sequestration_per_kg", "Secuestro por kg", "Sequestration per kg", "kg CO2/kg", kind="formula",
        formula='IF({c:p}>0,{c:sequestration}/{c:p},"")'),
    Col("net_per_kg", "Netas por kg", "Net per kg", "kg CO2e/kg", kind="formula",
        formula='IF({c:p}>0,{c:net}/{c:p},"")'),
    Col("luc_one_off", "Cambio de uso (único)", "Land-use change (one-off)", "kg CO2", kind="formula",
        formula="SUMIFS({col:conversions:one_off},{col:conversions:id},{id})"),
    Col("luc_amortised", "Cambio de uso amortizado", "Land-use change amortised", "kg CO2/año", kind="formula",
        formula="SUMIFS({col:conversions:amortised},{col:conversions:id},{id})"),
    Col("composting_saving", "Ahorro si se composta la cáscara", "Saving if husk composted", "kg CO2e/año",
        kind="ref", formula="{s:husk:composting_saving}"),
))

SURVEY_SHEETS = (GENERAL, HUSK, FERTILISATION, FERMENTATION, DRYING, SEQUESTRATION)
ITEM_SHEETS = (AREAS, PRODUCTS, PESTICIDES, FUELS, BAGS, LEGS, CONVERSIONS)
DATA_SHEETS = (*SURVEY_SHEETS, *ITEM_SHEETS, CALC)
BY_KEY = {s.key: s for s in DATA_SHEETS}
