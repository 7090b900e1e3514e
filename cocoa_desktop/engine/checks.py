"""Warnings: valid input that is probably not what the technician meant (it is computed anyway).

The 67 % trap (methodology §5): the report's "67 % of husk is left on the soil" is the unweighted mean of
ten cooperatives' shares. Entered as a regional mass share it overstates the husk stage by a third; the
production-weighted share is 0.425. A region or campaign must be entered per unit, or with weighted shares.
"""

from __future__ import annotations

from collections.abc import Sequence

from cocoa_desktop.engine.issues import Issue, Severity
from cocoa_desktop.engine.survey import HuskDestination, Survey, SurveyUnit

TRAP_SHARE = 0.67
TRAP_TOLERANCE = 0.005
_ON_FARM = (HuskDestination.LEFT_ON_SOIL, HuskDestination.HEAPED)


def _warning(path: str, code: str, es: str, en: str) -> Issue:
    return Issue(path, code, es, en, Severity.WARNING)


def survey_warnings(survey: Survey) -> list[Issue]:
    found: list[Issue] = []
    shares = survey.husk.shares
    on_farm = sum(shares.get(d, 0.0) for d in _ON_FARM)
    if survey.unit is SurveyUnit.REGION:
        if abs(on_farm - TRAP_SHARE) <= TRAP_TOLERANCE:
            found.append(_warning(
                "husk.shares.left_on_soil", "regional_share_trap",
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
    if survey.fertilisation.data_collected and not (
        survey.fertilisation.products or survey.fertilisation.pesticides or survey.fertilisation.fuels
    ):
        found.append(_warning(
            "fertilisation.products", "fertilisation_empty",
            "Se indicó que hay datos de abonamiento pero no se registró ningún producto: la etapa cuenta 0.",
            "Fertiliser data was marked as collected but no product was entered: the stage counts 0.",
        ))
    return found


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
