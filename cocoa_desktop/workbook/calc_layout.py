"""The calculation sheet: one row per row of "Datos generales" (it mirrors that sheet, so sorting it is safe),
every stage of the survey on it, and hidden helper columns.

Helpers: the survey's row in each per-survey sheet (found by id), and how many of the item rows in the blocks the
export wrote for the survey (one block per item sheet) hold the survey's id. A survey's items are summed over its
own blocks (a few cells) while every item row of the workbook lies in its own survey's block — the helpers then
add up to the number of item rows (``ok_items``, checked once) —; otherwise (rows sorted, copied or added outside
the blocks) by SUMIFS over the whole sheet: always the same result, the first way in time proportional to the
workbook, the second to its square.
"""

from __future__ import annotations

from cocoa_desktop.engine.footprint.stages import fertilisation, post_harvest, sequestration, transport
from cocoa_desktop.workbook.layout import (
    DATA_SHEETS_BEFORE_CALC,
    LINKED_SHEETS,
    Col,
    SheetSpec,
)

OK = "✓"
# The item columns each survey adds up over its own block of rows (one helper column each in this sheet).
BLOCK_SUMS = (("products", "total"), ("pesticides", "total"), ("fuels", "total_fertilisation"),
              ("fuels", "total_drying"), ("bags", "total"), ("legs", "total"), ("areas", "total"),
              ("conversions", "one_off"), ("conversions", "amortised"), ("bags", "jute_saving"))
MISSING = ("⚠ falta su fila en:", "⚠ no row in:")


def _result(key: str, es: str, en: str, unit: str, formula: str, fmt: str = "emission", width: float = 14) -> Col:
    return Col(key, es, en, unit, kind="result", formula=formula, fmt=fmt, width=width)


def _status() -> str:
    """✓ when the survey's row was found in every linked sheet (its row-number helpers, adjacent, all numbers),
    else the sheets it lacks; REPT(text, 0 or 1) instead of an IF per sheet (LibreOffice saves an IF dearly)."""
    first, last = (f"{{c:_{s.key}}}" for s in (LINKED_SHEETS[0], LINKED_SHEETS[-1]))
    missing = "&".join(f'REPT(" «{{TITLE:{s.key}}}»",1-ISNUMBER({{c:_{s.key}}}))' for s in LINKED_SHEETS)
    return f'IF(COUNT({first}:{last})={len(LINKED_SHEETS)},"{OK}","{{MISSING}}"&{missing})'


# results blank by themselves when the survey is incomplete (its production, gated, is then ""): no status test
SELF_GATED = ("gross_per_kg", "sequestration_per_kg", "net_per_kg")


CALC = SheetSpec("calc", "Cálculos", "Calculations", True, (
    Col("id", "Encuesta (id)", "Survey (id)", kind="mirror", formula="{same:id}", width=24),
    Col("label", "Organización — finca", "Organisation — farm", kind="mirror", formula="{same:name}", width=30),
    Col("organisation", "Cooperativa", "Cooperative", kind="mirror", formula="{same:organisation}", width=24),
    Col("status", "Estado", "Status", kind="label", formula=_status(), width=10),
    _result("p", "Producción P", "Production P", "kg/año", "{same:production_kg}", fmt="kg"),
    _result("s1", "S1 cáscara = P × R × Σ s·EF", "S1 husk = P × R × Σ s·EF", "kg CO2e/año", "{s:husk:s1}"),
    _result("s2", "S2 abonos = N × (EF1 + FracGAS·EF4 + FracLEACH·EF5) × 44/28 × PCG + …",
            "S2 fertiliser = N × (EF1 + FracGAS·EF4 + FracLEACH·EF5) × 44/28 × GWP + …", "kg CO2e/año",
            fertilisation.S2_TEMPLATE),
    _result("s3", "S3 fermentación = P × f × EF", "S3 fermentation = P × f × EF", "kg CO2e/año",
            "{s:fermentation:s3}"),
    _result("s4", "S4 secado = combustible × EF + kWh × EF", "S4 drying = fuel × EF + kWh × EF", "kg CO2e/año",
            post_harvest.S4_TEMPLATE),
    _result("s5", "S5 envases = Σ kg × EF / usos", "S5 packaging = Σ kg × EF / uses", "kg CO2e/año",
            post_harvest.S5_TEMPLATE),
    _result("s6", "S6 transporte = Σ viajes × distancia × EF", "S6 transport = Σ trips × distance × EF",
            "kg CO2e/año", transport.S6_TEMPLATE),
    _result("gross", "Emisiones brutas = S1 + … + S6", "Gross = S1 + … + S6", "kg CO2e/año",
            "{c:s1}+{c:s2}+{c:s3}+{c:s4}+{c:s5}+{c:s6}"),
    _result("sequestration", "Secuestro", "Sequestration", "kg CO2/año", "{SEQUESTRATION}"),
    _result("net", "Emisiones netas = brutas − secuestro", "Net = gross − sequestration", "kg CO2e/año",
            "{c:gross}-{c:sequestration}"),
    _result("gross_per_kg", "Brutas por kg", "Gross per kg", "kg CO2e/kg", 'IF(N({c:p})>0,{c:gross}/{c:p},"")',
            fmt="per_kg"),
    _result("sequestration_per_kg", "Secuestro por kg", "Sequestration per kg", "kg CO2/kg",
            'IF(N({c:p})>0,{c:sequestration}/{c:p},"")', fmt="per_kg"),
    _result("net_per_kg", "Netas por kg", "Net per kg", "kg CO2e/kg", 'IF(N({c:p})>0,{c:net}/{c:p},"")',
            fmt="per_kg"),
    _result("luc_one_off", "Cambio de uso (único)", "Land-use change (one-off)", "kg CO2 (una vez)",
            sequestration.LUC_ONE_OFF_TOTAL_TEMPLATE),
    _result("luc_amortised", "Cambio de uso amortizado", "Land-use change amortised", "kg CO2/año",
            sequestration.LUC_AMORTISED_TOTAL_TEMPLATE),
    _result("composting_saving", "Ahorro si se composta la cáscara", "Saving if husk composted", "kg CO2e/año",
            "{s:husk:composting_saving}"),
    _result("jute_saving", "Ahorro si los envases fueran de yute", "Saving if the bags were jute", "kg CO2e/año",
            "{items:bags:jute_saving}"),
    *(Col(f"_{s.key}", f"fila en {s.es}", f"row in {s.en}", kind="helper", formula=f"{{FIND:{s.key}}}", width=6)
      for s in LINKED_SHEETS),
    Col("n_items", "filas de elementos en sus bloques", "item rows in their blocks", kind="helper",
        formula="{COUNT}", width=6, needs="*"),
    *(Col(f"b_{sheet}_{key}", f"bloque {sheet}.{key}", f"block {sheet}.{key}", kind="helper",
          formula=f"{{BLOCKSUM:{sheet}:{key}}}", width=6, needs=sheet) for sheet, key in BLOCK_SUMS),
    # 1, 2, … on the first row of each cooperative the summary sheet does not name (typed in by hand): its spare
    # rows list them, so a new cooperative is summarised like the others
    Col("new_coop", "cooperativa nueva (orden)", "new cooperative (order)", kind="helper", formula="{NEW_COOP}",
        width=6),
))

DATA_SHEETS: tuple[SheetSpec, ...] = (*DATA_SHEETS_BEFORE_CALC, CALC)
BY_KEY = {s.key: s for s in DATA_SHEETS}
