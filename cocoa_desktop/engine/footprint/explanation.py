"""How a result was computed, in words: each calculation step (named by key in the engine) put into Spanish or
English with units, for the results page, the CLI and the workbook alike.

The engine records steps as keys and quantities (:class:`~cocoa_desktop.engine.footprint.results.Step`); this module is
the one place that says them to people, so no internal id (``R_husk``, ``soil_ef4``) reaches the screen
without its words.
"""

from __future__ import annotations

from dataclasses import dataclass

from cocoa_desktop.engine.factor_words import factor_label, factor_unit
from cocoa_desktop.engine.footprint import land_use
from cocoa_desktop.engine.footprint.factors import Factors
from cocoa_desktop.engine.footprint.results import (
    KG_CO2_ONCE,
    KG_CO2_YR,
    KG_CO2E_YR,
    KG_PER_KG,
    STAGE_LABELS,
    Stage,
    Step,
)
from cocoa_desktop.engine.model import vocabulary
from cocoa_desktop.engine.words import decimal_sign, pick, quantity, say

# step key -> (title es, title en, formula es, formula en); "{item}" is the step's item, in words
STEP_WORDS: dict[str, tuple[str, str, str, str]] = {
    "husk_destination": ("Cáscara: {item}", "Husk: {item}",
                         "producción × cáscara por kg de cacao × proporción × factor del destino",
                         "production × husk per kg of cocoa × share × factor of the destination"),
    "fertilisation_fallback": ("Abonamiento sin datos: valor por hectárea",
                               "Fertilisation without data: per-hectare value",
                               "área productiva × factor por hectárea", "productive area × per-hectare factor"),
    "fertiliser_product": ("Abono: {item}", "Fertiliser: {item}",
                           "N aplicado × (EF1 + fracción volatilizada × EF4 + fracción lixiviada × EF5) × 44/28"
                           " × PCG N2O + fabricación del N sintético + CO2 de la urea o la cal",
                           "N applied × (EF1 + fraction volatilised × EF4 + fraction leached × EF5) × 44/28"
                           " × GWP N2O + manufacture of synthetic N + CO2 from urea or lime"),
    "pesticide": ("Plaguicida: {item}", "Pesticide: {item}", "ingrediente activo × factor",
                  "active ingredient × factor"),
    "fertilisation_fuel": ("Combustible de motoguadañas y fumigadoras", "Fuel for brush-cutters and sprayers",
                           "Σ cantidad × factor del combustible", "Σ amount × factor of the fuel"),
    "fermentation": ("Fermentación: {item}", "Fermentation: {item}",
                     "producción × fracción fermentada × factor del método",
                     "production × share fermented × factor of the method"),
    "drying": ("Secado", "Drying", "electricidad × factor de la red + Σ combustible × factor (secado al sol = 0)",
               "electricity × grid factor + Σ fuel × factor (sun drying = 0)"),
    "packaging_bag": ("Envases: {item}", "Packaging: {item}", "kg de envases × factor del material ÷ usos por envase",
                      "kg of bags × factor of the material ÷ uses per bag"),
    "transport_litres": ("Transporte: {item}", "Transport: {item}", "litros de combustible × factor del combustible",
                         "litres of fuel × factor of the fuel"),
    "transport_litres_over_distance": (
        "Transporte: {item}", "Transport: {item}",
        "litros de combustible × factor del combustible (se usan los litros, medición más directa; la distancia "
        "escrita no se usa)",
        "litres of fuel × factor of the fuel (the litres are used, the more direct measurement; the distance typed "
        "is not used)"),
    "transport_distance": ("Transporte: {item}", "Transport: {item}",
                           "viajes × distancia de ida = recorrido en km; recorrido en km ÷ 1,609344 km por milla = "
                           "recorrido en millas; recorrido en millas × factor del vehículo (por vehículo-milla, como "
                           "publica sus factores el GHG Protocol)",
                           "trips × one-way distance = distance in km; distance in km ÷ 1.609344 km per mile = "
                           "distance in miles; distance in miles × factor of the vehicle (per vehicle-mile, as the "
                           "GHG Protocol publishes its factors)"),
    "sequestration_per_kg": ("Secuestro por kg de cacao", "Sequestration per kg of cocoa",
                             "producción × secuestro por kg", "production × sequestration per kg"),
    "sequestration_area": ("Secuestro: {item}", "Sequestration: {item}",
                           "hectáreas × carbono fijado por hectárea y año × 44/12 × 1000",
                           "hectares × carbon fixed per hectare and year × 44/12 × 1000"),
    "land_use_change": ("Cambio de uso del suelo: {item}", "Land-use change: {item}",
                        "hectáreas convertidas × emisión por hectárea × 1000",
                        "hectares converted × emission per hectare × 1000"),
    "land_use_change_amortised": (
        "Cambio de uso del suelo en esta campaña: {item}", "Land-use change in this campaign: {item}",
        "emisión única ÷ años de amortización (PAS 2050 §5.6: año desconocido = dentro de los últimos 20 años; "
        "periodo = su primer año; 0 solo si es de hace más de 20 años o posterior a la campaña)",
        "one-off emission ÷ amortisation years (PAS 2050 §5.6: unknown year = within the last 20 years; period = "
        "its first year; 0 only when more than 20 years old or after the campaign)"),
    "gross": ("Emisiones brutas", "Gross emissions", "suma de las seis etapas", "sum of the six stages"),
    "net": ("Emisiones netas", "Net emissions", "emisiones brutas − secuestro", "gross emissions − sequestration"),
    "net_intensity": ("Intensidad neta", "Net intensity", "emisiones netas ÷ producción",
                      "net emissions ÷ production"),
}

# input key -> (es, en, unit es, unit en)
INPUT_WORDS: dict[str, tuple[str, str, str, str]] = {
    "production_kg": ("producción de cacao seco", "dry cocoa production", "kg/año", "kg/yr"),
    "husk_kg_per_kg": ("cáscara por kg de cacao seco", "husk per kg of dry cocoa", "kg/kg", "kg/kg"),
    "share": ("proporción", "share", "%", "%"),
    "area_ha": ("área productiva", "productive area", "ha", "ha"),
    "mass_kg": ("cantidad aplicada", "amount applied", "kg/año", "kg/yr"),
    "n_percent": ("nitrógeno", "nitrogen", "% N", "% N"),
    "active_ingredient_kg": ("ingrediente activo", "active ingredient", "kg/año", "kg/yr"),
    "fermented_share": ("fracción fermentada", "share fermented", "%", "%"),
    "kwh": ("electricidad", "electricity", "kWh/año", "kWh/yr"),
    "bag_kg": ("envases", "bags", "kg/año", "kg/yr"),
    "uses": ("usos por envase", "uses per bag", "", ""),
    "litres": ("combustible", "fuel", "litros/año", "litres/yr"),
    "trips": ("viajes", "trips", "por año", "per yr"),
    "distance_km": ("distancia de ida", "one-way distance", "km", "km"),
    "distance_mi": ("distancia de ida", "one-way distance", "millas", "miles"),
    "vehicle_km": ("recorrido", "distance travelled", "km/año", "km/yr"),
    "km_per_mile": ("kilómetros por milla", "kilometres per mile", "km/milla", "km/mile"),
    "vehicle_miles": ("recorrido en millas", "distance travelled in miles", "millas/año", "miles/yr"),
    "hectares": ("área", "area", "ha", "ha"),
    "one_off_kg": ("emisión única", "one-off emission", "kg CO2", "kg CO2"),
    "gross_kg": ("emisiones brutas", "gross emissions", "kg CO2e/año", "kg CO2e/yr"),
    "sequestration_kg": ("secuestro", "sequestration", "kg CO2/año", "kg CO2/yr"),
    "net_kg": ("emisiones netas", "net emissions", "kg CO2e/año", "kg CO2e/yr"),
}
FUEL_AMOUNT_UNIT = {"diesel": ("litros/año", "litres/yr"), "gasoline": ("litros/año", "litres/yr"),
                    "lpg": ("kg/año", "kg/yr"), "firewood": ("kg/año", "kg/yr")}
UNIT_WORDS: dict[str, tuple[str, str]] = {
    KG_CO2E_YR: ("kg CO2e/año", "kg CO2e/yr"),
    KG_CO2_YR: ("kg CO2/año", "kg CO2/yr"),
    KG_CO2_ONCE: ("kg CO2 (una sola vez)", "kg CO2 (one-off)"),
    KG_PER_KG: ("kg CO2e por kg de cacao", "kg CO2e per kg of cocoa"),
}
# items that are keys of a list, and the list that has their words
# (a user's own name for a product or a leg is not in the list and is shown as typed)
_ITEM_WORDS = {"husk_destination": vocabulary.HUSK, "fermentation": vocabulary.FERMENTATION,
               "packaging_bag": vocabulary.BAG, "land_use_change": vocabulary.PREVIOUS_USE,
               "fertiliser_product": vocabulary.FERTILISER, "pesticide": vocabulary.PESTICIDE,
               "transport_litres": vocabulary.VEHICLE, "transport_litres_over_distance": vocabulary.VEHICLE,
               "transport_distance": vocabulary.VEHICLE}
SHARE_INPUTS = frozenset({"share", "fermented_share"})
EXACT_INPUTS = frozenset({"km_per_mile"})  # a constant shown with all its decimals (1,609344), not rounded
DERIVED_FACTOR_WORDS = ("Factor de emisión de la cáscara: {item}", "Husk emission factor: {item}",
                        "kg CO2e/kg de cáscara fresca", "kg CO2e/kg fresh husk")


@dataclass(frozen=True)
class StepWords:
    title: str
    formula: str
    inputs: list[str]  # "producción de cacao seco = 9 569 017 kg/año"
    factors: list[str]  # "EF1 (soil_ef1) = 0,01 kg N2O-N / kg N applied"
    value: str  # "2 141 800,0 kg CO2e/año"


def item_words(step: Step, lang: str) -> str:
    if step.stage == "total":
        return ""
    if step.key == "sequestration_area":
        system, _, age = step.item.partition(" ")
        return f"{vocabulary.label(vocabulary.SYSTEM, system, lang)}, {vocabulary.label(vocabulary.AGE, age, lang)}"
    if step.key == "land_use_change_amortised":  # "primary_forest year_unknown": the use, then the assumption
        use, _, rule = step.item.partition(" ")
        return f"{vocabulary.label(vocabulary.PREVIOUS_USE, use, lang)} — {land_use.words(land_use.Basis(rule), lang)}"
    words = _ITEM_WORDS.get(step.key)
    return vocabulary.label(words, step.item, lang) if words else step.item


def _number(value: float, lang: str) -> str:
    decimals = 0 if abs(value) >= 1000 else (3 if abs(value) >= 1 else 6)
    text = quantity(value, decimals, lang)
    if decimals and ("," in text or "." in text):  # trailing zeros say nothing
        sep = decimal_sign(lang)
        head, _, tail = text.rpartition(sep)
        tail = tail.rstrip("0")
        text = f"{head}{sep}{tail}" if tail else head
    return text


def input_words(key: str, value: float, lang: str) -> str:
    if key.startswith("fuel."):
        fuel = key.split(".", 1)[1]
        unit = pick(FUEL_AMOUNT_UNIT.get(fuel, ("", "")), lang)
        name = vocabulary.label(vocabulary.VEHICLE_FUEL if fuel != "firewood" else vocabulary.FUEL, fuel, lang)
        return f"{name} = {_number(value, lang)} {unit}".strip()
    if key in {s.value for s in Stage}:
        name = pick(STAGE_LABELS[Stage(key)], lang)
        return f"{name} = {_number(value, lang)} {pick(UNIT_WORDS[KG_CO2E_YR], lang)}"
    es_name, en_name, unit_es, unit_en = INPUT_WORDS.get(key, (key, key, "", ""))
    shown = value * 100 if key in SHARE_INPUTS else value
    number = quantity(value, 6, lang) if key in EXACT_INPUTS else _number(shown, lang)
    return f"{say(lang, es_name, en_name)} = {number} {say(lang, unit_es, unit_en)}".strip()


def factor_words(factor_id: str, value: float, f: Factors, lang: str, item: str = "") -> str:
    """"EF1: N2O directo del suelo = 0,01 kg N2O-N / kg N aplicado" (the factor's id stays in the factor list)."""
    factor = f.factor_set.factors.get(factor_id)
    if factor is None:  # a value derived from several factors (the husk EF of a destination)
        es, en, unit_es, unit_en = DERIVED_FACTOR_WORDS
        name = say(lang, es, en).format(item=item)
        return f"{name} = {_number(value, lang)} {say(lang, unit_es, unit_en)}"
    return f"{factor_label(factor_id, lang)} = {_number(value, lang)} {factor_unit(factor.unit, lang)}"


def describe(step: Step, f: Factors, lang: str = "es") -> StepWords:
    """One step in words, with its inputs, factors and value, each with its unit."""
    title_es, title_en, formula_es, formula_en = STEP_WORDS.get(step.key, (step.key, step.key, "", ""))
    item = item_words(step, lang)
    title = say(lang, title_es, title_en).format(item=item)
    unit = pick(UNIT_WORDS.get(step.unit, (step.unit, step.unit)), lang)
    return StepWords(
        title=title,
        formula=say(lang, formula_es, formula_en),
        inputs=[input_words(k, v, lang) for k, v in step.inputs.items()],
        factors=[factor_words(k, v, f, lang, item) for k, v in step.factors.items()],
        value=f"{_number(step.value, lang)} {unit}",
    )
