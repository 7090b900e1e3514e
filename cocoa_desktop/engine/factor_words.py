"""Every factor in words, in Spanish and English: its name ("EF1: N2O directo del suelo") and its unit (the factor
files write units in English). The workbook's factor sheet and the explanation of each result ("¿Cómo se
calculó?") say the same thing."""

from __future__ import annotations

from cocoa_desktop.engine.model import vocabulary as v
from cocoa_desktop.engine.words import english, pick, say

# Factor units (the factor files are in English): their Spanish, word by word where they repeat.
_FACTOR_UNIT_WORDS = (
    ("vehicle-mile", "vehículo-milla"), ("dry cocoa", "cacao seco"), ("fresh husk", "cáscara fresca"),
    ("wet garden waste", "residuo de jardín húmedo"), ("wet waste", "residuo húmedo"),
    ("dry matter burned", "materia seca quemada"), ("dry matter", "materia seca"),
    ("active ingredient", "ingrediente activo"), ("N applied", "N aplicado"), ("N leached", "N lixiviado"),
    ("NH3-N + NOx-N volatilised", "NH3-N + NOx-N volatilizado"),
    ("(synthetic)", "(sintético)"), ("litre (liquid)", "litro (líquido)"), ("litre", "litro"), ("material", "material"),
    ("wood", "leña"), ("dolomite", "dolomita"), ("limestone", "caliza"), ("urea", "urea"),
    ("ha converted", "ha convertida"), ("/ yr", "/ año"), ("years", "años"),
    ("fraction of CH4 in generated gas (F)", "fracción de CH4 en el gas generado (F)"),
    ("fraction of DOC decomposing", "fracción del COD que se descompone"),
    ("fraction of N leached", "fracción de N lixiviado"),
    ("fraction of dry matter burned", "fracción de materia seca quemada"),
    ("fraction of organic N volatilised", "fracción de N orgánico volatilizado"),
    ("fraction of synthetic N volatilised", "fracción de N sintético volatilizado"),
    ("methane correction factor", "factor de corrección de metano"), ("OX", "OX (fracción oxidada)"),
)


def factor_unit(unit: str, lang: str) -> str:
    if english(lang):
        return unit
    for en, es in sorted(_FACTOR_UNIT_WORDS, key=lambda pair: -len(pair[0])):
        unit = unit.replace(en, es)
    return unit


# Factor names: by the choice list their id ends with, or one by one.
_PREFIX_LISTS = (("bag_", v.BAG, "Envase", "Bag"), ("vehicle_", v.VEHICLE, "Vehículo", "Vehicle"),
                 ("fuel_", v.VEHICLE_FUEL, "Combustible", "Fuel"),
                 ("fermentation_", v.FERMENTATION, "Fermentación", "Fermentation"),
                 ("pesticide_", v.PESTICIDE, "Plaguicida", "Pesticide"),
                 ("luc_", v.PREVIOUS_USE, "Cambio de uso desde", "Land-use change from"))
FACTOR_NAMES = {
    "animal_feed": ("Cáscara para animales", "Husk fed to animals"),
    "biodigester_ch4": ("Cáscara en biodigestor: CH4", "Husk in a biodigester: CH4"),
    "burn_ch4": ("Quema: CH4", "Burning: CH4"), "burn_n2o": ("Quema: N2O", "Burning: N2O"),
    "burn_combustion_factor": ("Quema: fracción quemada", "Burning: combustion factor"),
    "ch4_fraction_gas": ("Fracción de CH4 en el gas", "CH4 fraction of the gas"),
    "compost_ch4": ("Compostaje: CH4", "Composting: CH4"), "compost_n2o": ("Compostaje: N2O", "Composting: N2O"),
    "doc_garden_dm": ("Materia seca de residuos de jardín", "Dry matter of garden waste"),
    "doc_garden_wet": ("Carbono orgánico degradable (residuo húmedo)", "Degradable organic carbon (wet waste)"),
    "docf": ("Fracción del COD que se descompone", "Fraction of DOC decomposing"),
    "dolomite_carbon": ("Carbono de la dolomita", "Carbon of dolomite"),
    "lime_carbon": ("Carbono de la cal", "Carbon of lime"), "urea_carbon": ("Carbono de la urea", "Carbon of urea"),
    "firewood_ch4": ("Leña: CH4", "Firewood: CH4"), "firewood_n2o": ("Leña: N2O", "Firewood: N2O"),
    "frac_gas_organic": ("N orgánico volatilizado", "Organic N volatilised"),
    "frac_gas_synthetic": ("N sintético volatilizado", "Synthetic N volatilised"),
    "frac_leach": ("N lixiviado", "N leached"), "grid_electricity": ("Electricidad de la red", "Grid electricity"),
    "husk_dry_matter": ("Materia seca de la cáscara", "Husk dry matter"),
    "husk_n_of_dm": ("N de la cáscara (de la materia seca)", "Husk N (of dry matter)"),
    "husk_ratio": ("Cáscara por kg de cacao seco", "Husk per kg of dry cocoa"),
    "husk_left_on_soil_ch4": ("Cáscara en el suelo: CH4 (calibrado)", "Husk on the soil: CH4 (calibrated)"),
    "lpg_density": ("Densidad del GLP", "LPG density"),
    "luc_amortisation_years": ("Años de amortización del cambio de uso", "Land-use change amortisation years"),
    "mcf_heap": ("Factor de corrección de metano (pila)", "Methane correction factor (heap)"),
    "n_manufacture": ("Fabricación del N sintético", "Manufacture of synthetic N"),
    "oxidation_factor": ("Factor de oxidación", "Oxidation factor"),
    "reforestation_sequestration": ("Secuestro de una plantación nueva", "Sequestration of a new plantation"),
    "sequestration_per_kg": ("Secuestro por kg de cacao", "Sequestration per kg of cocoa"),
    "soil_ef1": ("EF1: N2O directo del suelo", "EF1: direct soil N2O"),
    "soil_ef4": ("EF4: N2O del N volatilizado", "EF4: N2O from volatilised N"),
    "soil_ef5": ("EF5: N2O del N lixiviado", "EF5: N2O from leached N"),
    "fertilisation_fallback_per_ha": ("Abonamiento sin datos, por hectárea", "Fertilisation without data, per ha"),
    "fuel_firewood": ("Combustible: Leña", "Fuel: Firewood"),
    "vehicle_light_truck_gasoline": ("Vehículo: Camión ligero a gasolina", "Vehicle: Light truck, gasoline"),
    "vehicle_pickup_gasoline": ("Vehículo: Camioneta a gasolina", "Vehicle: Pickup, gasoline"),
}


def factor_label(factor_id: str, lang: str) -> str:
    """The factor's name in words (the id stays in its own column, where the formulas look it up)."""
    if factor_id in FACTOR_NAMES:
        return pick(FACTOR_NAMES[factor_id], lang)
    if factor_id.startswith("ef_husk_"):
        dest = factor_id.removeprefix("ef_husk_")
        return say(lang, "Cáscara: ", "Husk: ") + v.label(v.HUSK, dest, lang)
    if factor_id.startswith("seq_"):
        for system in v.SYSTEM:  # StrEnum keys: formatted as their values
            if factor_id.startswith(f"seq_{system}_"):
                age = factor_id.removeprefix(f"seq_{system}_")
                head = say(lang, "Secuestro", "Sequestration")
                return f"{head}: {v.label(v.SYSTEM, system, lang)}, {v.label(v.AGE, age, lang)}"
    for prefix, words, es, en in _PREFIX_LISTS:
        key = factor_id.removeprefix(prefix)
        if factor_id.startswith(prefix) and key in words:
            return f"{say(lang, es, en)}: {v.label(words, key, lang)}"
    return factor_id
