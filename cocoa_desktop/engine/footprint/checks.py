"""Warnings: valid input that is probably not what the technician meant (it is computed anyway).

The 67 % trap (methodology §5): the report's "67 % of husk is left on the soil" is the unweighted mean of
ten cooperatives' shares. Entered as a regional mass share it overstates the husk stage by a third; the
production-weighted share is 0.425. A region or campaign must be entered per unit, or with weighted shares.
"""

from __future__ import annotations

from collections.abc import Sequence

from cocoa_desktop.engine.footprint.results import STAGES, Footprint, Stage
from cocoa_desktop.engine.model.issues import Issue, Severity
from cocoa_desktop.engine.model.survey import HuskDestination, Survey, SurveyUnit
from cocoa_desktop.engine.words import quantity

TRAP_SHARE = 0.67
TRAP_TOLERANCE = 0.005
_ON_FARM = (HuskDestination.LEFT_ON_SOIL, HuskDestination.HEAPED)


def _warning(path: str, code: str, es: str, en: str) -> Issue:
    return Issue(path, code, es, en, Severity.WARNING)


# Plausibility bounds (methodology §2: the region's yield is 1,029 kg/ha; packaging 0.019 and transport
# 0.017 kg CO2e/kg): far outside them a value is more likely a typing slip than a real farm.
YIELD_HIGH_KG_HA = 3000.0
YIELD_LOW_KG_HA = 100.0
PACKAGING_HIGH_PER_KG = 0.05
TRANSPORT_HIGH_PER_KG = 2.0
N_HIGH_KG_HA = 500.0


def survey_warnings(survey: Survey, footprint: Footprint | None = None) -> list[Issue]:
    """Warnings about a valid survey; with its footprint, also the plausibility of the stages it gives."""
    return _unit_warnings(survey, plausibility_warnings(survey, footprint))


def value_warnings(survey: Survey, values: Sequence[float]) -> list[Issue]:
    """:func:`survey_warnings` with the survey's footprint, from its annual values as
    :func:`~cocoa_desktop.engine.footprint.compute.annual_values` gives them (S1 … S6 first): the same warnings,
    without a footprint made for each of 100,000 farms (``compute``)."""
    production = survey.general.production_kg
    found = _input_warnings(survey.general.productive_area_ha, production, survey)
    if production > 0:
        _stage_warnings(found, production, values[_PACKAGING], values[_TRANSPORT])
    return _unit_warnings(survey, found)


_PACKAGING, _TRANSPORT = STAGES.index(Stage.PACKAGING), STAGES.index(Stage.TRANSPORT)


def _unit_warnings(survey: Survey, found: list[Issue]) -> list[Issue]:
    """The warnings about the unit and its sections added to ``found`` (the plausibility warnings)."""
    if survey.unit is SurveyUnit.REGION:
        shares = survey.husk.shares
        on_farm = sum(shares.get(d, 0.0) for d in _ON_FARM)
        if abs(on_farm - TRAP_SHARE) <= TRAP_TOLERANCE:
            found.append(_warning(
                "husk.shares.heaped", "regional_share_trap",
                "¿67 %? Ese valor del informe es el promedio simple de las 10 cooperativas, no una proporción de "
                "masa. Ponderado por la producción es 42,5 %. Con 67 % la etapa de cáscara sube un 36 %. "
                "Registre cada cooperativa por separado o use la proporción ponderada por producción.",
                "67 %? That figure of the report is the plain mean of the 10 cooperatives, not a mass share. "
                "Weighted by production it is 42.5 %. With 67 % the husk stage rises by 36 %. Enter each "
                "cooperative separately or use the production-weighted share.",
            ))
        else:
            found.append(_warning(
                "husk.shares", "regional_share_weighting",
                "Encuesta regional: las proporciones de cáscara deben estar ponderadas por la producción de "
                "cada cooperativa (no un promedio simple).",
                "Regional survey: husk shares must be weighted by each cooperative's production (not a plain mean).",
            ))
    fertilisation = survey.fertilisation
    if fertilisation.data_collected and not (fertilisation.products or fertilisation.pesticides or fertilisation.fuels):
        found.append(_warning(
            "fertilisation.products", "fertilisation_empty",
            "Se indicó que hay datos de abonamiento pero no se registró ningún producto: la etapa cuenta 0.",
            "Fertiliser data was marked as collected but no product was entered: the stage counts 0.",
        ))
    return found


def _n(value: float, decimals: int = 0) -> tuple[str, str]:
    """The number as each language writes it (words.quantity: "3 125,5" / "3,125.5")."""
    return quantity(value, decimals, "es"), quantity(value, decimals, "en")


def plausibility_warnings(survey: Survey, footprint: Footprint | None = None) -> list[Issue]:
    """Values a real cocoa unit hardly reaches, each with the slip that usually produces it."""
    general = survey.general
    found = _input_warnings(general.productive_area_ha, general.production_kg, survey)
    if footprint is not None and footprint.production_kg > 0:
        stages = footprint.stages
        _stage_warnings(found, footprint.production_kg, stages[Stage.PACKAGING], stages[Stage.TRANSPORT])
    return found


def _input_warnings(area: float, production: float, survey: Survey) -> list[Issue]:
    """The yield and the nitrogen per hectare."""
    found: list[Issue] = []
    if area > 0 and production > 0:
        yield_kg_ha = production / area
        if yield_kg_ha > YIELD_HIGH_KG_HA:
            es, en = _n(yield_kg_ha)  # only when a warning says it: 100,000 farms format none (0.5 s saved)
            found.append(_warning(
                "general.dry_cocoa_kg", "yield_high",
                f"Rendimiento de {es} kg de cacao seco por hectárea: más de 3 000 es muy raro. ¿Escribió el cacao "
                "en baba como cacao seco, o el área en otra unidad?",
                f"A yield of {en} kg of dry cocoa per hectare: more than 3,000 is very rare. Was wet cocoa typed as "
                "dry cocoa, or the area in another unit?"))
        elif yield_kg_ha < YIELD_LOW_KG_HA:
            es, en = _n(yield_kg_ha)
            found.append(_warning(
                "general.productive_area_ha", "yield_low",
                f"Rendimiento de {es} kg de cacao seco por hectárea: menos de 100 es muy raro. ¿Escribió la "
                "producción en toneladas, o sobra un cero en el área?",
                f"A yield of {en} kg of dry cocoa per hectare: less than 100 is very rare. Was production typed in "
                "tonnes, or has the area an extra zero?"))
    fertilisation = survey.fertilisation
    if area > 0 and fertilisation.data_collected and fertilisation.products:
        n_kg = sum(p.mass_kg * p.n_percent / 100.0 for p in fertilisation.products)
        if n_kg / area > N_HIGH_KG_HA:
            es, en = _n(n_kg / area)
            found.append(_warning(
                "fertilisation.products", "nitrogen_high",
                f"{es} kg de nitrógeno por hectárea y año: más de 500 es muy raro. ¿Escribió kg por hectárea donde "
                "va kg por año, o el % de N del producto como número de kg?",
                f"{en} kg of nitrogen per hectare and year: more than 500 is very rare. Was kg per hectare typed "
                "where kg per year goes, or the product's N % as a number of kg?"))
    return found


def _stage_warnings(found: list[Issue], production: float, packaging_kg: float, transport_kg: float) -> None:
    """Packaging and transport per kg of cocoa (``production`` > 0), added to ``found``."""
    packaging = packaging_kg / production
    if packaging > PACKAGING_HIGH_PER_KG:
        es, en = _n(packaging, 3)
        found.append(_warning(
            "packaging", "packaging_high",
            f"Los envases dan {es} kg CO2e por kg de cacao: más de 0,05 es muy raro. ¿Escribió los kg de cacao que "
            "lleva cada envase en lugar del peso del envase vacío?",
            f"Packaging gives {en} kg CO2e per kg of cocoa: more than 0.05 is very rare. Were the kg of cocoa each "
            "bag holds typed instead of the empty bag's weight?"))
    transport = transport_kg / production
    if transport > TRANSPORT_HIGH_PER_KG:
        es, en = _n(transport, 2)
        found.append(_warning(
            "transport.legs", "transport_high",
            f"El transporte da {es} kg CO2e por kg de cacao: más de 2 es muy raro. ¿Distancia en millas marcada "
            "como km, la ida y vuelta sumada, o viajes por año de más?",
            f"Transport gives {en} kg CO2e per kg of cocoa: more than 2 is very rare. A distance in miles marked as "
            "km, the round trip added up, or too many trips per year?"))


def unweighted_vs_weighted_share(surveys: Sequence[Survey], destination: HuskDestination) -> tuple[float, float]:
    """(plain mean of the units' shares, production-weighted share): the two numbers behind the trap."""
    if not surveys:
        return 0.0, 0.0
    plain = sum(s.husk.shares.get(destination, 0.0) for s in surveys) / len(surveys)
    total_p = sum(s.production_kg for s in surveys)
    weighted = (
        sum(s.husk.shares.get(destination, 0.0) * s.production_kg for s in surveys) / total_p if total_p else 0.0
    )
    return plain, weighted
