"""The words of the report sheets (es, en): instructions, labels of the results sheet, checks, scope."""

from __future__ import annotations

SCOPE = {
    "es": "Alcance: método basado en PAS 2050:2011 (IPCC, WRI), de la finca al puerto de origen; unidad funcional: "
          "1 kg de cacao en grano seco y envasado; período: un año (una campaña). El secuestro y el cambio de uso "
          "del suelo se informan aparte.",
    "en": "Scope: method based on PAS 2050:2011 (IPCC, WRI), cradle to port of origin; functional unit: 1 kg of "
          "dry, packaged cocoa beans; period: one year (a campaign). Sequestration and land-use change are "
          "reported apart.",
}

INSTRUCTIONS = {
    "es": [
        "Herramienta de cálculo de la huella de carbono del cacao (formato PROMPERÚ 2020)",
        "Colores:",
        "Celdas amarillas: datos de entrada (se pueden cambiar). Celdas verdes: fórmulas (protegidas). Rojo: algo "
        "que revisar (proporciones que no suman 100 %, un id que no se encuentra, una encuesta incompleta).",
        "Números:",
        "Escriba los números con el separador decimal de su computadora (en una computadora configurada en "
        "español de Perú suele ser el punto: 0.25; en otras, la coma: 0,25). Las proporciones se muestran en %: "
        "escriba 25 % o la fracción 0,25 / 0.25; deben sumar 100 %.",
        "Los números ya calculados están guardados en el libro: se ven aunque el programa no recalcule (vista "
        "previa, teléfono). Al cambiar un dato, Excel o LibreOffice recalculan todo.",
        "Hojas:",
        "Resultados y Cooperativas: como en el informe de 2020. Cálculos: cada etapa de cada encuesta, con la "
        "fórmula en el encabezado. Factores: cada factor con su valor, unidad, gas, estado y fuente (los "
        "«calibrados» reproducen el informe y no vienen de la literatura).",
        "Datos generales, Cáscara, Abonamiento, Fermentación, Secado y Secuestro tienen una fila por encuesta; "
        "Abonos, Plaguicidas, Combustibles, Envases, Transporte, Áreas y Cambio de uso una fila por elemento. En "
        "todas, la columna A es el id de la encuesta y la columna B dice de qué organización y finca es.",
        "Ordenar y agregar:",
        "Las hojas se buscan entre sí por el id, no por la posición: puede ordenar las filas sin mezclar "
        "encuestas. Las hojas están protegidas sin contraseña para evitar borrar fórmulas por error.",
        "Para agregar un elemento (un abono, un envase, un tramo de transporte…) escriba en una fila libre al "
        "final de la hoja, o inserte una fila y copie en ella la fila de arriba: las fórmulas están listas y "
        "empiezan a contar cuando la columna A tiene el id de una encuesta (elíjalo de la lista).",
        "Para agregar una encuesta, llene una fila libre de Datos generales con un id nuevo y una fila con el "
        "mismo id en Cáscara, Abonamiento, Fermentación y Secado; mientras falte una, Cálculos la marca en rojo "
        "y no la cuenta.",
        "Los tipos (vehículo, envase, abono…) se eligen de la lista de cada celda.",
        "Volver a la aplicación:",
        "El libro se puede volver a importar en la aplicación (Importar libro Excel, o cocoa-desktop import-xlsx); "
        "la aplicación calcula igual que el libro y avisa de lo que falte, con la hoja y la celda.",
    ],
    "en": [
        "Cocoa carbon footprint calculation tool (PROMPERÚ 2020 layout)",
        "Colours:",
        "Yellow cells: inputs (may be changed). Green cells: formulas (protected). Red: something to check (shares "
        "not summing to 100 %, an id not found, an incomplete survey).",
        "Numbers:",
        "Type numbers with your computer's decimal separator (0.25 or 0,25, as your computer is set). Shares are "
        "shown in %: type 25 % or the fraction 0.25; they must sum to 100 %.",
        "The computed numbers are stored in the workbook: they show even where nothing recalculates (previews, "
        "phones). When you change an input, Excel or LibreOffice recalculate everything.",
        "Sheets:",
        "Results and Cooperatives: as in the 2020 report. Calculations: every stage of every survey, with the "
        "formula in its heading. Factors: every factor with its value, unit, gas, status and source (the "
        "'calibrated' ones reproduce the report and do not come from the literature).",
        "General data, Husk, Fertilisation, Fermentation, Drying and Sequestration have one row per survey; "
        "Fertilisers, Pesticides, Fuels, Packaging, Transport, Areas and Land-use change one row per item. In all "
        "of them column A is the survey id and column B says which organisation and farm it is.",
        "Sorting and adding:",
        "Sheets find each other by id, not by position: rows may be sorted without mixing surveys. Sheets are "
        "protected without a password, against deleting formulas by mistake.",
        "To add an item (a fertiliser, a bag, a transport leg…) type in a free row at the end of the sheet, or "
        "insert a row and copy the row above into it: the formulas are there and count as soon as column A holds "
        "a survey id (choose it from the list).",
        "To add a survey, fill a free row of General data with a new id, and a row with the same id in Husk, "
        "Fertilisation, Fermentation and Drying; while one is missing, Calculations marks it red and leaves it "
        "out.",
        "Types (vehicle, bag, fertiliser…) are chosen from each cell's list.",
        "Back to the application:",
        "The workbook can be imported back into the application (Import Excel workbook, or cocoa-desktop "
        "import-xlsx); the application computes as the workbook does and names the sheet and cell of anything "
        "missing.",
    ],
}

LABELS = {
    "es": {
        "title": "Huella de carbono del cacao", "technical": "Datos técnicos", "value": "Valor", "unit": "Unidad",
        "area": "Área productiva", "producers": "Productores", "coops": "Cooperativas",
        "production": "Producción de cacao seco", "yield": "Rendimiento", "deforested": "Área deforestada (cambio "
        "de uso del suelo)", "stage": "Etapa", "share": "% de brutas", "rank": "Orden",
        "ranked": "Etapas de mayor a menor", "key": "Indicadores clave", "gross": "Emisiones brutas",
        "seq": "Secuestro (fotosíntesis del cultivo)", "net": "Emisiones netas",
        "net_share": "Emisiones netas, % de las brutas", "luc": "Cambio de uso del suelo (aparte)",
        "luc_once": "Único (al convertir el bosque)", "luc_amortised": "Amortizado en 20 años (PAS 2050)",
        "activity": "Actividad por etapa", "husk_kg": "Cáscara generada", "fermented": "Cacao fermentado",
        "plastic": "Envases de plástico", "plastic_share": "Plástico, % del peso de los envases",
        "of_bags": "del peso de envases", "vehicle_km": "Recorrido de los vehículos",
        "vehicle_mi": "Recorrido de los vehículos (millas)",
        "chart_stages": "Emisiones por etapa, de mayor a menor (t CO2e/año)",
        "chart_balance": "Emisiones brutas, secuestro y emisiones netas (t/año)",
    },
    "en": {
        "title": "Cocoa carbon footprint", "technical": "Technical details", "value": "Value", "unit": "Unit",
        "area": "Productive area", "producers": "Producers", "coops": "Cooperatives",
        "production": "Dry cocoa production", "yield": "Yield", "deforested": "Area deforested (land-use change)",
        "stage": "Stage", "share": "% of gross", "rank": "Rank", "ranked": "Stages, largest first",
        "key": "Key indicators", "gross": "Gross emissions", "seq": "Sequestration (crop photosynthesis)",
        "net": "Net emissions", "net_share": "Net emissions, % of gross", "luc": "Land-use change (reported apart)",
        "luc_once": "One-off (when the forest was converted)", "luc_amortised": "Amortised over 20 years (PAS 2050)",
        "activity": "Activity by stage", "husk_kg": "Husk produced", "fermented": "Cocoa fermented",
        "plastic": "Plastic bags", "plastic_share": "Plastic, % of the weight of bags", "of_bags": "of bag weight",
        "vehicle_km": "Distance driven by vehicles", "vehicle_mi": "Distance driven by vehicles (miles)",
        "chart_stages": "Emissions by stage, largest first (t CO2e/yr)",
        "chart_balance": "Gross emissions, sequestration and net emissions (t/yr)",
    },
}

CHECKS = {
    "es": {"head": "Verificaciones", "count": "Encuestas o filas", "fix": "revise las celdas en rojo",
           "fix_export": "importe el libro en la aplicación y expórtelo de nuevo",
           "fix_above": "corrija lo que señalan las verificaciones de arriba",
           "husk_shares": "Proporciones de cáscara que no suman 100 %",
           "drying_shares": "Proporciones de secado que no suman 100 %",
           "not_found": "Filas cuyo id no está en «Datos generales»",
           "incomplete": "Encuestas incompletas (falta su fila en una hoja; no se cuentan)",
           "errors": "Resultados con error (#¡REF!, #¡VALOR!…): ¿una fila borrada o un texto en una celda de número?",
           "text_numbers": "Celdas de número con texto (p. ej. «mil»): escriba el número con cifras",
           "coop_not_text": "Encuestas cuya cooperativa no es un texto (vacía, un número o una fórmula como =1+1)",
           "unlisted": "Encuestas que no suma ninguna fila de «Cooperativas» (más cooperativas nuevas que filas "
                       "libres)",
           "coop_totals": "Totales de «Cooperativas» distintos de los de esta hoja (producción, brutas, secuestro, "
                          "netas)",
           "warnings": "Avisos de la aplicación al exportar (valores poco probables): {n}",
           "notes": "Notas del cálculo (al exportar)"},
    "en": {"head": "Checks", "count": "Surveys or rows", "fix": "check the cells in red",
           "fix_export": "import the workbook into the application and export it again",
           "fix_above": "fix what the checks above point out",
           "husk_shares": "Husk shares not summing to 100 %", "drying_shares": "Drying shares not summing to 100 %",
           "not_found": "Rows whose id is not in 'General data'",
           "incomplete": "Incomplete surveys (a sheet lacks their row; left out)",
           "errors": "Results showing an error (#REF!, #VALUE!…): a deleted row, or text in a number cell?",
           "text_numbers": "Number cells holding text (e.g. 'thousand'): type the number in figures",
           "coop_not_text": "Surveys whose cooperative is not a text (empty, a number or a formula such as =1+1)",
           "unlisted": "Surveys no row of 'Cooperatives' adds up (more new cooperatives than spare rows)",
           "coop_totals": "Totals of 'Cooperatives' unlike this sheet's (production, gross, sequestration, net)",
           "warnings": "Warnings of the application at export (unlikely values): {n}",
           "notes": "Notes of the calculation (at export)"},
}

COOP_HEADERS = {
    "es": ("Cooperativa", "Área (ha)", "Socios", "Producción (kg/año)", "Cáscara (% de brutas)",
           "Brutas (t CO2e/año)", "Secuestro (t CO2/año)", "Netas (t CO2e/año)", "Netas (kg CO2e/kg)",
           "% de las netas de la campaña", "Evitar: sacos de yute (t/año)", "Reducir: compostar la cáscara (t/año)",
           "Residual tras evitar y reducir (t/año)", "Compensación: créditos (t)", "Compensación: plantación (ha)",
           "Evitar y reducir", "Compensación"),
    "en": ("Cooperative", "Area (ha)", "Partners", "Production (kg/yr)", "Husk (% of gross)", "Gross (t CO2e/yr)",
           "Sequestration (t CO2/yr)", "Net (t CO2e/yr)", "Net (kg CO2e/kg)", "% of the campaign's net",
           "Avoid: jute sacks (t/yr)", "Reduce: composting the husk (t/yr)", "Residual after avoiding and reducing "
           "(t/yr)", "Compensation: credits (t)", "Compensation: plantation (ha)", "Avoid and reduce", "Compensation"),
}
