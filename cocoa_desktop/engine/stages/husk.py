"""S1 Husk (cáscara de mazorca) management.

``M_husk = P × R_husk``; ``E_S1 = Σ_m M_husk × s_m × EF_m`` over the destinations m (methodology §3).
The emission factor of each destination (kg CO2e per kg fresh husk) depends only on the factor set and GWP
set, so it is computed once per :class:`Factors` and cached there.
"""

from __future__ import annotations

from collections.abc import Mapping

from cocoa_desktop.engine.factors import Factors
from cocoa_desktop.engine.results import Stage, Trace
from cocoa_desktop.engine.survey import HuskDestination, Survey

C_TO_CH4 = 16 / 12
N_TO_N2O = 44 / 28


def composting_ef(f: Factors) -> float:
    """IPCC 2006 Vol. 5 ch. 4 eq. 4.1/4.2: CH4 and N2O per kg wet waste composted, in kg CO2e."""
    return f["compost_ch4"] * f.gwp_ch4 + f["compost_n2o"] * f.gwp_n2o


def heaped_ef(f: Factors) -> float:
    """IPCC 2006 Vol. 5 ch. 3 first-order decay, simplified to the total CH4 a kg of heaped husk releases.

    ``DOC × DOCf × MCF × F × 16/12 × (1 − OX) × GWP_CH4`` with the husk's DOC scaled from garden waste by
    dry matter (DOC_garden × DM_husk / DM_garden).
    """
    doc = f["doc_garden_wet"] * f["husk_dry_matter"] / f["doc_garden_dm"]
    ch4 = doc * f["docf"] * f["mcf_heap"] * f["ch4_fraction_gas"] * C_TO_CH4 * (1 - f["oxidation_factor"])
    return ch4 * f.gwp_ch4


def scattered_ef(f: Factors) -> float:
    """Husk scattered under the trees as crop residue: N2O only, IPCC 2006 Vol. 4 ch. 11 eq. 11.1/11.10.

    ``N × (EF1 + FracLEACH × EF5) × 44/28 × GWP_N2O`` with N = DM × N content of DM.
    """
    n = f["husk_dry_matter"] * f["husk_n_of_dm"]
    return n * (f["soil_ef1"] + f["frac_leach"] * f["soil_ef5"]) * N_TO_N2O * f.gwp_n2o


def burned_ef(f: Factors) -> float:
    """Open burning, IPCC 2006 Vol. 4 ch. 2 eq. 2.27: CH4 and N2O per kg dry matter burned (CO2 biogenic)."""
    burned_dm = f["husk_dry_matter"] * f["burn_combustion_factor"]
    return burned_dm * (f["burn_ch4"] * f.gwp_ch4 + f["burn_n2o"] * f.gwp_n2o)


def destination_efs(f: Factors) -> dict[HuskDestination, float]:
    """kg CO2e per kg fresh husk for every destination, under the factor set's husk method."""
    cached = f.cache.get("husk_efs")
    if cached is not None:
        return cached
    if f.method("husk") == "promperu":
        # The report's tool used one calibrated factor for husk decomposing on the farm, however it lies. The
        # report blames anaerobic decomposition, so the factor is methane and follows the chosen GWP set.
        anaerobic = scattered = f["husk_left_on_soil_ch4"] * f.gwp_ch4
    else:
        anaerobic, scattered = heaped_ef(f), scattered_ef(f)
    efs = {
        HuskDestination.LEFT_ON_SOIL: scattered,
        HuskDestination.HEAPED: anaerobic,
        HuskDestination.OTHER: anaerobic,  # unknown fate: counted like heaped husk (conservative)
        HuskDestination.COMPOSTED: composting_ef(f),
        HuskDestination.BURNED: burned_ef(f),
        HuskDestination.ANIMAL_FEED: f["animal_feed"],
        HuskDestination.BIODIGESTER: f["biodigester_ch4"] * f.gwp_ch4,
    }
    f.cache["husk_efs"] = efs
    return efs


def husk_ratio(survey: Survey, f: Factors) -> float:
    return survey.husk.husk_kg_per_kg_cocoa or f["husk_ratio"]


def emissions(survey: Survey, production_kg: float, f: Factors, trace: Trace | None = None,
              shares: Mapping[HuskDestination, float] | None = None) -> float:
    """E_S1 in kg CO2e per year; ``shares`` replace the survey's husk shares (a what-if such as composting)."""
    ratio = husk_ratio(survey, f)
    husk_kg = production_kg * ratio
    efs = destination_efs(f)
    total = 0.0
    for destination, share in (survey.husk.shares if shares is None else shares).items():
        value = husk_kg * share * efs[destination]
        total += value
        if trace is not None:
            trace.add(Stage.HUSK, "husk_destination", value, item=destination.value,
                      inputs={"production_kg": production_kg, "husk_kg_per_kg": ratio, "share": share},
                      factors={f"ef_husk_{destination.value}": efs[destination]})
    return total
