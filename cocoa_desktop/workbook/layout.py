"""The workbook's layout, described once: sheets, columns, input kinds and the formulas of computed columns.

Export writes it and import reads it back, so the two cannot drift apart. Rows: 1 title, 2 labels, 3 units,
4 field keys (hidden; the import checks them), data from row 5, then spare rows with the same formulas for
surveys and items added by hand.

Nothing is tied by row position between sheets: column A holds the survey id everywhere, and formulas find the
survey's row in another sheet by id (trying the row where the export put it first, so the usual case costs one
comparison, not a search). Sorting a sheet therefore never mixes one survey's inputs with another's.

Formula templates: ``{c:key}`` a cell of this row, ``{id}`` this row's survey id, ``{g:key}`` the survey's value
in "Datos generales" (found by id), ``{same:key}`` the same row of "Datos generales" (only
the calculation sheet, which mirrors it), ``{s:sheet:key}`` the survey's value in a per-survey sheet (through the
calculation sheet's helper of that sheet), ``{items:sheet:key}`` the sum of the survey's items in an item sheet,
``{k:key}`` the key of the word chosen in a list cell, ``{FT}`` the factor table; named cells ``f_<factor>``,
``ef_husk_<destination>``, ``PCG_CH4`` / ``PCG_N2O`` hold the factors. The template of each stage's equation is the
engine's, written beside its Python function (``*_TEMPLATE`` in :mod:`cocoa_desktop.engine.footprint.stages`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from openpyxl.utils import get_column_letter

from cocoa_desktop.engine.footprint.stages import fertilisation, fuels, husk, post_harvest, sequestration, transport
from cocoa_desktop.engine.model import vocabulary as v
from cocoa_desktop.engine.model.fields import Leaf, with_asked
from cocoa_desktop.engine.words import say
from cocoa_desktop.workbook.leaves import place
from cocoa_desktop.workbook.units import spanish_unit

FIRST_ROW = 5
KEY_ROW = 4
WORKBOOK_FORMAT = "cocoa-desktop/workbook"
WORKBOOK_VERSION = 6  # 3: a conversion's period (year_last) and the PAS 2050 assumption; 4: "saving with jute" per bag;
# 5: the sequestration of each survey on its sheet; the cooperatives sheet's spare rows (a helper column in the
# calculation sheet lists the cooperatives typed in by hand) and the checks of errors, text in number cells and
# totals; 6: hidden key columns of the choices the item formulas test several times (LibreOffice's save: one lookup
# per row, not seven)
META_SHEET = "_cocoa"
LISTS_SHEET = "Listas"


@dataclass(frozen=True)
class Col:
    key: str
    es: str
    en: str
    unit: str = ""  # Spanish; units.unit_in() gives the English
    kind: str = "number"  # id | text | number | share | int | year | choice | formula | label | note | helper
    words: str = ""  # the vocabulary list of a choice column
    formula: str = ""
    fmt: str = ""  # number format name (see xlsx.FORMATS)
    width: float = 14
    hint_es: str = ""  # input message of the cell
    hint_en: str = ""
    needs: str = ""  # a helper summing a survey's item block: the item sheet it needs ("*": any); else 0

    @property
    def is_input(self) -> bool:
        return self.kind in ("id", "text", "number", "share", "int", "year", "choice")

    def label(self, lang: str) -> str:
        return say(lang, self.es, self.en)


@dataclass(frozen=True)
class SheetSpec:
    key: str
    es: str
    en: str
    per_survey: bool
    columns: tuple[Col, ...]
    column_of: dict[str, str] = field(default_factory=dict, compare=False)

    def title(self, lang: str) -> str:
        return say(lang, self.es, self.en)

    def letter(self, key: str) -> str:
        if not self.column_of:
            self.column_of.update({c.key: get_column_letter(i) for i, c in enumerate(self.columns, start=1)})
        return self.column_of[key]

    def index(self, key: str) -> int:
        """0-based column index of ``key``."""
        return next(i for i, c in enumerate(self.columns) if c.key == key)


ASKED_COLUMN = {"text": ("text", ""), "number": ("number", "num"), "whole": ("int", "int")}  # kind → (kind, fmt)


def _with_asked(spec: SheetSpec) -> SheetSpec:
    """The sheet with a column for each field declared with its words in the model (engine/model/asked.py), right after
    the column of the field declared before it."""

    def column(leaf: Leaf) -> Col:
        asked = leaf.asked
        assert asked is not None
        kind, fmt = ASKED_COLUMN[leaf.kind]
        return Col(leaf.column, asked.es, asked.en, spanish_unit(asked.unit), kind=kind, fmt=fmt, width=asked.width,
                   hint_es=asked.hint_es, hint_en=asked.hint_en)

    columns = with_asked(spec.columns, lambda col: (spec.key, col.key), column, place)
    return SheetSpec(spec.key, spec.es, spec.en, spec.per_survey, tuple(columns))


ID = Col("id", "Encuesta (id)", "Survey (id)", kind="id", width=24,
         hint_es="El id de la encuesta (cópielo de «Datos generales»).",
         hint_en="The survey's id (copy it from 'General data').")
NOT_FOUND = ("⚠ id no está en «Datos generales»", "⚠ id not in 'General data'")
LABEL = Col("label", "Organización — finca", "Organisation — farm", kind="label", width=30, formula="{g:name}")
GUESS = Col("_g", "fila en Datos generales (al exportar)", "row in General data (at export)", kind="guess", width=6)


def _key(column: str) -> Col:
    """A hidden helper holding the key of the word chosen in ``column`` (``urea`` for "Urea"): the formulas that test
    the choice several times read it once (``{k:column}`` then names this cell, not a VLOOKUP)."""
    return Col(f"_k_{column}", f"clave de {column}", f"key of {column}", kind="helper", width=6,
               formula=f"VLOOKUP({{c:{column}}},claves,2,FALSE)")


def _words(list_name: str, key: str, lang: str) -> str:
    return v.label(v.LISTS[list_name], key, lang)


SHARES_HUSK = tuple(d.value for d in v.HUSK)
DRYING_METHODS = tuple(d.value for d in v.DRYING)
SHARE_HINT = ("Proporción: escriba 25 % o 0,25 con el separador decimal de su computadora; deben sumar 100 %.",
              "Share: type 25 % or 0.25 with your computer's decimal separator; they must sum to 100 %.")


def _share(prefix: str, list_name: str, key: str) -> Col:
    return Col(f"shares.{key}", _words(list_name, key, "es"), _words(list_name, key, "en"), "%", kind="share",
               fmt="share", width=15, hint_es=SHARE_HINT[0], hint_en=SHARE_HINT[1])


GENERAL = _with_asked(SheetSpec("general", "Datos generales", "General data", True, (
    Col("id", "Encuesta (id)", "Survey (id)", kind="id", width=24,
        hint_es="Identificador único de la encuesta. Para una encuesta nueva escriba uno sin espacios "
                "(p. ej. finca-123).",
        hint_en="Unique survey identifier. For a new survey type one without spaces (e.g. farm-123)."),
    Col("organisation", "Organización (cooperativa)", "Organisation (cooperative)", kind="text", width=30),
    Col("farm_name", "Finca", "Farm", kind="text", width=16),
    Col("unit", "Unidad", "Unit", kind="choice", words="unit", width=20),
    Col("campaign_year", "Campaña (año)", "Campaign (year)", kind="year", fmt="year", width=9,
        hint_es="Año de la campaña, entre 1990 y 2100.", hint_en="Campaign year, between 1990 and 2100."),
    Col("region", "Región", "Region", kind="text", width=12),
    Col("producers", "Productores", "Producers", kind="int", fmt="int", width=10),
    Col("productive_area_ha", "Área productiva", "Productive area", "ha", fmt="num", width=11),
    Col("dry_cocoa_kg", "Cacao seco entregado", "Dry cocoa delivered", "kg/año", fmt="kg", width=13,
        hint_es="kg de cacao seco al año. O deje vacío y llene cacao en baba y la relación.",
        hint_en="kg of dry cocoa per year. Or leave empty and fill in wet cocoa and the ratio."),
    Col("wet_cocoa_kg", "Cacao en baba", "Wet cocoa", "kg/año", fmt="kg", width=11),
    Col("wet_to_dry_ratio", "Relación baba→seco", "Wet→dry ratio", "kg/kg", fmt="ratio", width=10),
    Col("cocoa_trees_per_ha", "Plantas de cacao", "Cocoa trees", "por ha", fmt="int", width=9),
    Col("shade_trees_per_ha", "Árboles de sombra", "Shade trees", "por ha", fmt="int", width=9),
    Col("notes", "Notas", "Notes", kind="text", width=30),
    Col("estimated_words", "Campos estimados", "Estimated fields", kind="note", width=24),
    Col("estimated_fields", "campos estimados (claves)", "estimated fields (keys)", kind="text", width=6),
    Col("name", "Organización — finca", "Organisation — farm", kind="label", width=30,
        formula='IF({c:organisation}="","",{c:organisation}&IF({c:farm_name}="",""," — "&{c:farm_name}))'),
    Col("production_kg", "Producción usada", "Production used", "kg/año", kind="formula", fmt="kg", width=13,
        formula='IF({c:dry_cocoa_kg}<>"",{c:dry_cocoa_kg},{c:wet_cocoa_kg}*{c:wet_to_dry_ratio})'),
)))
HIDDEN_INPUTS = {"estimated_fields"}  # read back, not shown: the visible words are beside them

_HUSK_KG = "{c:husk_kg}"
HUSK = _with_asked(SheetSpec("husk", "Cáscara", "Husk", True, (
    ID, LABEL,
    Col("husk_kg_per_kg_cocoa", "Cáscara por kg de cacao (opcional)", "Husk per kg cocoa (optional)", "kg/kg",
        fmt="ratio", width=12),
    *(_share("shares", "husk_destination", k) for k in SHARES_HUSK),
    Col("share_total", "Suma de proporciones", "Sum of shares", "debe ser 100 %", kind="formula", fmt="share",
        formula="+".join(f"{{c:shares.{k}}}" for k in SHARES_HUSK)),
    Col("husk_kg", "Cáscara", "Husk", "kg/año", kind="formula", fmt="kg", formula=husk.HUSK_KG_TEMPLATE),
    Col("s1", "S1 cáscara", "S1 husk", "kg CO2e/año", kind="formula", fmt="emission", formula=husk.S1_TEMPLATE),
    Col("composting_saving", "Ahorro si se composta", "Saving if composted", "kg CO2e/año", kind="formula",
        fmt="emission", formula="+".join(f"{_HUSK_KG}*{{c:shares.{k}}}*MAX(0,ef_husk_{k}-ef_husk_composted)"
                                         for k in ("left_on_soil", "heaped", "other"))),
)))

FERTILISATION = _with_asked(SheetSpec("fertilisation", "Abonamiento", "Fertilisation", True, (
    ID, LABEL,
    Col("data_collected", "¿Hay datos de abonos?", "Fertiliser data?", "sí / no", kind="choice", words="yes_no",
        width=12, hint_es="«no»: se usa el valor por hectárea del conjunto de factores (si lo tiene).",
        hint_en="'no': the factor set's per-hectare value is used (if it has one)."),
)))

FERMENTATION = _with_asked(SheetSpec("fermentation", "Fermentación", "Fermentation", True, (
    ID, LABEL,
    Col("method", "Método", "Method", kind="choice", words="fermentation", width=18),
    Col("fermented_share", "Fracción fermentada", "Share fermented", "%", kind="share", fmt="share",
        hint_es=SHARE_HINT[0].split(";")[0] + ".", hint_en=SHARE_HINT[1].split(";")[0] + "."),
    Col("on_farm_share", "Fracción en finca", "Share on farm", "%", kind="share", fmt="share",
        hint_es=SHARE_HINT[0].split(";")[0] + ".", hint_en=SHARE_HINT[1].split(";")[0] + "."),
    Col("fermented_kg", "Cacao fermentado", "Cocoa fermented", "kg/año", kind="formula", fmt="kg",
        formula=post_harvest.FERMENTED_KG_TEMPLATE),
    Col("s3", "S3 fermentación", "S3 fermentation", "kg CO2e/año", kind="formula", fmt="emission",
        formula=post_harvest.S3_TEMPLATE),
)))

DRYING = _with_asked(SheetSpec("drying", "Secado", "Drying", True, (
    ID, LABEL,
    *(_share("shares", "drying", k) for k in DRYING_METHODS),
    Col("electricity_kwh", "Electricidad", "Electricity", "kWh/año", fmt="num"),
    Col("share_total", "Suma de proporciones", "Sum of shares", "debe ser 100 %", kind="formula", fmt="share",
        formula="+".join(f"{{c:shares.{k}}}" for k in DRYING_METHODS)),
)))

SEQUESTRATION = _with_asked(SheetSpec("sequestration", "Secuestro", "Sequestration", True, (
    ID, LABEL,
    Col("shade_trees_inventory", "Inventario de árboles de sombra", "Shade-tree inventory", kind="text", width=50),
    # the survey's sequestration, live from the calculation sheet (which computes it from "Áreas")
    Col("sequestration", "Secuestro", "Sequestration", "kg CO2/año", kind="formula", fmt="emission",
        formula='IFERROR(INDEX({col:calc:sequestration},{FIND:calc}),"")'),
)))

PRODUCTS = SheetSpec("products", "Abonos", "Fertilisers", False, (
    ID, LABEL,
    Col("type", "Tipo", "Type", kind="choice", words="fertiliser", width=18),
    Col("name", "Nombre", "Name", kind="text", width=16),
    Col("kg_per_year", "Cantidad", "Amount", "kg/año", fmt="kg"),
    Col("kg_per_ha", "Dosis", "Rate", "kg/ha", fmt="num"),
    Col("hectares", "Área abonada", "Area fertilised", "ha", fmt="num"),
    Col("n_percent", "Nitrógeno", "Nitrogen", "% N", fmt="num", hint_es="Por ciento de N del producto (46 para la "
        "urea; vacío: el contenido habitual del tipo, como en la aplicación).", hint_en="Per cent N of the product "
        "(46 for urea; empty: the type's usual content, as in the app)."),
    Col("mass", "Masa usada", "Mass used", "kg/año", kind="formula", fmt="kg",
        formula=fertilisation.PRODUCT_MASS_TEMPLATE),
    # an empty N % is the type's usual content, as the survey model fills it in (engine.nitrogen)
    Col("n", "N aplicado", "N applied", "kg N/año", kind="formula", fmt="num",
        formula=fertilisation.N_APPLIED_TEMPLATE),
    Col("total", "Emisiones", "Emissions", "kg CO2e/año", kind="formula", fmt="emission",
        formula=fertilisation.PRODUCT_EMISSIONS_TEMPLATE),
    GUESS,
    _key("type"),
))

PESTICIDES = SheetSpec("pesticides", "Plaguicidas", "Pesticides", False, (
    ID, LABEL,
    Col("type", "Tipo", "Type", kind="choice", words="pesticide", width=14),
    Col("product", "Producto", "Product", kind="text", width=18),
    Col("active_ingredient_kg", "Ingrediente activo", "Active ingredient", "kg/año", fmt="num"),
    Col("total", "Emisiones", "Emissions", "kg CO2e/año", kind="formula", fmt="emission",
        formula=fertilisation.PESTICIDE_EMISSIONS_TEMPLATE),
    GUESS,
))

FUELS = SheetSpec("fuels", "Combustibles", "Fuels", False, (
    ID, LABEL,
    Col("use", "Uso", "Use", kind="choice", words="fuel_use", width=18),
    Col("fuel", "Combustible", "Fuel", kind="choice", words="fuel", width=16),
    Col("amount", "Cantidad", "Amount", "litros o kg", fmt="num",
        hint_es="Litros de diésel o gasolina; kg de GLP o de leña.", hint_en="Litres of diesel or gasoline; kg of "
        "LPG or firewood."),
    Col("purpose", "Para qué", "Purpose", kind="text", width=18),
    Col("total", "Emisiones", "Emissions", "kg CO2e/año", kind="formula", fmt="emission",
        formula=fuels.FUEL_USE_TEMPLATE),
    Col("total_fertilisation", "De abonamiento", "Of fertilisation", "kg CO2e/año", kind="formula", fmt="emission",
        formula='IF({k:use}="fertilisation",{c:total},0)'),
    Col("total_drying", "De secado", "Of drying", "kg CO2e/año", kind="formula", fmt="emission",
        formula='IF({k:use}="drying",{c:total},0)'),
    GUESS,
))

BAGS = SheetSpec("bags", "Envases", "Packaging", False, (
    ID, LABEL,
    Col("type", "Tipo de envase", "Bag type", kind="choice", words="bag", width=18),
    Col("bags_per_year", "Envases", "Bags", "unidades/año", fmt="int"),
    Col("kg_per_bag", "Peso por envase", "Weight per bag", "kg", fmt="ratio",
        hint_es="Peso del envase vacío, no del cacao que lleva.", hint_en="Weight of the empty bag, not of the "
        "cocoa it holds."),
    Col("material_kg_per_year", "Peso total (si no hay conteo)", "Total weight (if not counted)", "kg/año",
        fmt="kg"),
    Col("reuse_cycles", "Usos por envase", "Uses per bag", "veces", fmt="num"),
    Col("material_kg", "Material usado", "Material used", "kg/año", kind="formula", fmt="kg",
        formula=post_harvest.BAG_MASS_TEMPLATE),
    Col("plastic_kg", "De ello plástico", "Of which plastic", "kg/año", kind="formula", fmt="kg",
        formula='IF({k:type}="jute_sack",0,{c:material_kg})'),
    Col("total", "Emisiones", "Emissions", "kg CO2e/año", kind="formula", fmt="emission",
        formula=post_harvest.BAG_EMISSIONS_TEMPLATE),
    Col("jute_saving", "Ahorro con yute", "Saving with jute", "kg CO2e/año", kind="formula", fmt="emission",
        formula='IF({k:type}="jute_sack",0,{c:total}-{c:material_kg}*f_bag_jute_sack)'),
    GUESS,
    _key("type"),
))

LEGS = SheetSpec("legs", "Transporte", "Transport", False, (
    ID, LABEL,
    Col("name", "Tramo", "Leg", kind="text", width=22),
    Col("vehicle", "Vehículo", "Vehicle", kind="choice", words="vehicle", width=18),
    Col("trips_per_year", "Viajes", "Trips", "por año", fmt="int"),
    Col("distance", "Distancia (ida)", "Distance (one way)", fmt="num"),
    Col("distance_unit", "Unidad", "Unit", "km / millas", kind="choice", words="distance_unit", width=9),
    Col("fuel", "Combustible (si se conoce)", "Fuel (if known)", kind="choice", words="vehicle_fuel", width=12),
    Col("litres_per_year", "Litros", "Litres", "por año", fmt="num",
        hint_es="Si se conocen los litros, se usan en lugar de la distancia (indique el combustible).",
        hint_en="When the litres are known they are used instead of the distance (give the fuel)."),
    Col("load_kg_per_trip", "Carga", "Load", "kg/viaje", fmt="kg"),
    Col("vehicle_km", "Recorrido", "Distance driven", "km/año", kind="formula", fmt="kg",
        formula=transport.VEHICLE_KM_TEMPLATE),
    Col("total", "Emisiones", "Emissions", "kg CO2e/año", kind="formula", fmt="emission",
        formula=transport.LEG_EMISSIONS_TEMPLATE),
    GUESS,
    _key("vehicle"),
    _key("fuel"),
))

AREAS = SheetSpec("areas", "Áreas", "Areas", False, (
    ID, LABEL,
    Col("system", "Sistema", "System", kind="choice", words="system", width=26),
    Col("age_class", "Edad", "Age", kind="choice", words="age_class", width=12),
    Col("hectares", "Área", "Area", "ha", fmt="num"),
    Col("total", "Secuestro por área", "Per-area sequestration", "kg CO2/año", kind="formula", fmt="emission",
        formula=sequestration.AREA_SEQUESTRATION_TEMPLATE),
    GUESS,
))

CONVERSIONS = SheetSpec("conversions", "Cambio de uso", "Land-use change", False, (
    ID, LABEL,
    Col("hectares", "Área convertida", "Area converted", "ha", fmt="num"),
    Col("year", "Año o primer año", "Year or first year", kind="year", fmt="year", width=11,
        hint_es="El año de la conversión o, si es un periodo (p. ej. 2001–2017), su primer año. Vacío si no se "
                "conoce: se supone dentro de los últimos 20 años (PAS 2050 §5.6).",
        hint_en="The year of the conversion or, for a period (e.g. 2001–2017), its first year. Empty when unknown: "
                "it is then assumed within the last 20 years (PAS 2050 §5.6)."),
    Col("year_last", "Último año (periodo)", "Last year (period)", kind="year", fmt="year", width=11,
        hint_es="Solo para un periodo: su último año (p. ej. 2017). Vacío para un solo año o si no se conoce.",
        hint_en="Only for a period: its last year (e.g. 2017). Empty for a single year or when unknown."),
    Col("previous_use", "Uso anterior", "Previous use", kind="choice", words="previous_use", width=16),
    Col("source", "Fuente de la información", "Source of the information", kind="text", width=30),
    Col("campaign_year", "Campaña", "Campaign", kind="formula", fmt="year", width=9, formula="{g:campaign_year}"),
    Col("one_off", "Emisión única", "One-off emission", "kg CO2 (una vez)", kind="formula", fmt="emission",
        formula=sequestration.LUC_ONE_OFF_TEMPLATE),
    # the assumption PAS 2050 §5.6 takes for the row's conversion, in the workbook's words (engine.land_use)
    Col("basis", "Supuesto (PAS 2050 §5.6)", "Assumption (PAS 2050 §5.6)", kind="label", width=48,
        formula=sequestration.LUC_BASIS_TEMPLATE),
    # PAS 2050 §5.6: 1/20 a year unless shown to be more than 20 years old (or dated after the campaign)
    Col("amortised", "Amortizado (PAS 2050)", "Amortised (PAS 2050)", "kg CO2/año", kind="formula", fmt="emission",
        formula=sequestration.LUC_AMORTISED_TEMPLATE),
    GUESS,
))

SURVEY_SHEETS = (GENERAL, HUSK, FERTILISATION, FERMENTATION, DRYING, SEQUESTRATION)
ITEM_SHEETS = (AREAS, PRODUCTS, PESTICIDES, FUELS, BAGS, LEGS, CONVERSIONS)
# The per-survey sheets whose row the calculation sheet needs (sequestration holds only a text)
LINKED_SHEETS = (HUSK, FERTILISATION, FERMENTATION, DRYING)
DATA_SHEETS_BEFORE_CALC = (*SURVEY_SHEETS, *ITEM_SHEETS)
