"""Recommendations in words (es/en), each citing the numbers that triggered and sized it; a plan's §7 columns
("reduction", "compensation") and the report's 70/30 split beside the model's."""

from __future__ import annotations

from cocoa_desktop.engine import carbon_market
from cocoa_desktop.engine import promperu_2020 as report
from cocoa_desktop.engine.recommendations import Plan, Recommendation, Tier, estimate_words
from cocoa_desktop.engine.report import format_quantity
from cocoa_desktop.engine.results import note_message

TIER_WORDS: dict[Tier, tuple[str, str]] = {
    Tier.AVOID: ("Evitar", "Avoid"),
    Tier.REDUCE: ("Reducir", "Reduce"),
    Tier.RESTORE: ("Restaurar", "Restore"),
    Tier.COMPENSATE: ("Compensar", "Compensate"),
}
DASH = "–"


def tier_words(tier: Tier, lang: str = "es") -> str:
    return TIER_WORDS[tier][lang == "en"]


def _q(value: float, decimals: int, lang: str) -> str:
    return format_quantity(value, decimals, lang)


def size_words(value: float, lang: str = "es") -> str:
    """A size read at a glance: whole numbers from 100 on, one decimal from 1, two below (a farm's 0,54 ha)."""
    return _q(value, 0 if abs(value) >= 100 else 1 if abs(value) >= 1 else 2, lang)


_a = size_words


def _pct(value: float, lang: str) -> str:
    return format_quantity(value * 100, 0, lang) + " %"


def _money(n: dict[str, float], lang: str) -> tuple[str, str, str]:
    social, low, high = (n[f"usd_{p.usd_per_t:g}"] for p in carbon_market.PRICES)
    return _q(social, 0, lang), _q(low, 0, lang), _q(high, 0, lang)


def _prices(lang: str) -> tuple[str, str, str]:
    social, low, high = (_q(p.usd_per_t, 2 if p.usd_per_t % 1 else 0, lang) for p in carbon_market.PRICES)
    return social, low, high


def message(rec: Recommendation, lang: str = "es") -> str:
    n, en = rec.numbers, lang == "en"
    q = lambda v, d=0: _q(v, d, lang)  # noqa: E731
    a = lambda v: _a(v, lang)  # noqa: E731
    if rec.code == "deforestation":
        if n.get("estimated"):  # e.g. a regional area shared out by area: not this cooperative's measured figure
            said = estimate_words(rec.sources, lang)
            return (f"No further forest conversion: an estimated {q(n['ha'], 1)} ha converted from forest ({said}) "
                    f"emitted an estimated {q(n['t'])} t CO2e once, {q(n['times_gross'], 1)} times a year's gross "
                    "emissions; its compensation is sized apart, below." if en else
                    f"No convertir más bosque: se estiman {q(n['ha'], 1)} ha convertidas de bosque ({said}), que "
                    f"emitieron unas {q(n['t'])} t CO2e una sola vez, {q(n['times_gross'], 1)} veces las emisiones "
                    "brutas de un año; su compensación se calcula aparte, más abajo.")
        return (f"No further forest conversion: {q(n['ha'], 1)} ha converted from forest emitted {q(n['t'])} t CO2e "
                f"once, {q(n['times_gross'], 1)} times a year's gross emissions; its compensation is sized apart, "
                "below." if en else
                f"No convertir más bosque: {q(n['ha'], 1)} ha convertidas de bosque emitieron {q(n['t'])} t CO2e una "
                f"sola vez, {q(n['times_gross'], 1)} veces las emisiones brutas de un año; su compensación se calcula "
                "aparte, más abajo.")
    if rec.code == "jute":
        return (f"Jute sacks instead of plastic: {q(n['plastic_kg'])} kg of plastic bags a year emit "
                f"{q(n['t'], 1)} t CO2e/yr; jute, {q(n['jute_ef'], 2)} kg CO2e per kg in this factor set: "
                f"{q(n['t'], 1)} t CO2e/yr avoided." if en else
                f"Sacos de yute en lugar de plástico: {q(n['plastic_kg'])} kg de envases plásticos al año emiten "
                f"{q(n['t'], 1)} t CO2e/año; el yute, {q(n['jute_ef'], 2)} kg CO2e por kg en este conjunto de "
                f"factores: se evitan {q(n['t'], 1)} t CO2e/año.")
    if rec.code == "compost":
        text = (f"Compost the husk: {_pct(n['rotting_share'], lang)} of it is left to rot on the farm; composting it "
                f"saves {q(n['t'])} t CO2e/yr ({_pct(n['share_of_husk'], lang)} of the husk stage, "
                f"{q(n['husk_t'])} t/yr)." if en else
                f"Compostar la cáscara: el {_pct(n['rotting_share'], lang)} se deja pudrir en la finca; compostarla "
                f"ahorra {q(n['t'])} t CO2e/año (el {_pct(n['share_of_husk'], lang)} de la etapa de cáscara, "
                f"{q(n['husk_t'])} t/año).")
        if "t_ipcc" not in n:
            return text
        cal, ipcc = format_quantity(n["ch4"], 4, lang), format_quantity(n["ch4_ipcc"], 4, lang)
        return text + (f" That rests on the husk methane factor calibrated to the report ({cal} kg CH4/kg husk); with "
                       f"the IPCC value for an unmanaged heap ({ipcc}) it would save {q(n['t_ipcc'])} t CO2e/yr."
                       if en else
                       f" Depende del factor de metano de la cáscara calibrado al informe ({cal} kg CH4/kg de cáscara);"
                       f" con el valor del IPCC para un montón sin manejo ({ipcc}) ahorraría {q(n['t_ipcc'])} t "
                       "CO2e/año.")
    if rec.code == "densify":
        return (f"Densify or renew plantations: {q(n['yield'])} kg/ha, {_pct(n['ratio'], lang)} of the campaign's "
                f"{q(n['campaign_yield'])} kg/ha. At the campaign's yield the same land would give "
                f"{q(n['extra_kg'])} kg more cocoa a year and the net footprint would go from "
                f"{q(n['net_per_kg'], 2)} to {q(n['net_per_kg_after'], 2)} kg CO2e/kg." if en else
                f"Densificar o renovar plantaciones: {q(n['yield'])} kg/ha, el {_pct(n['ratio'], lang)} de los "
                f"{q(n['campaign_yield'])} kg/ha de la campaña. Con el rendimiento de la campaña la misma tierra daría "
                f"{q(n['extra_kg'])} kg más de cacao al año y la huella neta pasaría de {q(n['net_per_kg'], 2)} a "
                f"{q(n['net_per_kg_after'], 2)} kg CO2e/kg.")
    social, low, high = _money(n, lang)
    p_social, p_low, p_high = _prices(lang)
    ha = (f"{a(n['ha'])} ha ({a(n['ha_low'])}–{a(n['ha_high'])} ha at {q(n['rate_low'])}–{q(n['rate_high'])} t "
          f"CO2e/ha/yr)" if en else
          f"{a(n['ha'])} ha ({a(n['ha_low'])}–{a(n['ha_high'])} ha con {q(n['rate_low'])}–{q(n['rate_high'])} t "
          f"CO2e/ha/año)")
    if rec.code == "residual":
        text = (f"Compensate what remains, {a(n['t'])} t CO2e/yr: {ha} of forest or agroforestry plantation at "
                f"{q(n['rate'], 1)} t CO2e/ha/yr, or {a(n['t'])} carbon credits a year: USD {social} at Peru's social "
                f"carbon price (USD {p_social}/t), USD {low}–{high} at insetting prices (USD {p_low}–{p_high}/t)."
                if en else
                f"Compensar lo que queda, {a(n['t'])} t CO2e/año: {ha} de plantación forestal o agroforestal a "
                f"{q(n['rate'], 1)} t CO2e/ha/año, o {a(n['t'])} créditos de carbono al año: USD {social} al precio "
                f"social del carbono del Perú (USD {p_social}/t), USD {low}–{high} a precios de inserción "
                f"(USD {p_low}–{p_high}/t).")
        if n.get("sequestration_zero"):
            text += " " + sequestration_zero_words(lang)
        return text
    # the same estimate as the deforestation above: said again where it is sized
    guess_en, guess_es = (" estimated", " estimado") if n.get("estimated") else ("", "")
    return (f"Compensate the{guess_en} land-use change apart, {a(n['t'])} t CO2e once: densify with agroforestry or "
            f"plant {ha} to absorb it in {q(n['years'])} years, or conserve standing forest (avoided deforestation, "
            f"REDD); as credits, {a(n['t'])} once: USD {social} (social price) to USD {high}." if en else
            f"Compensar aparte el cambio de uso del suelo{guess_es}, {a(n['t'])} t CO2e una sola vez: densificar con "
            f"sistemas agroforestales o plantar {ha} que lo absorban en {q(n['years'])} años, o conservar bosque en "
            f"pie (deforestación evitada, REDD); en créditos, {a(n['t'])} una sola vez: de USD {social} (precio "
            f"social) a USD {high}.")


def estimate_sentence(plan: Plan, lang: str = "es") -> str:
    """A sentence for wherever the land-use change of an estimated area is printed ("" when it is not estimated)."""
    rec = plan.item("deforestation")
    if rec is None or not rec.numbers.get("estimated"):
        return ""
    source = "; ".join(rec.sources[:3]) + ("; …" if len(rec.sources) > 3 else "")
    if lang == "en":
        return ("The area converted and its emission are an estimate, not a measurement" +
                (f": {source}." if source else "."))
    return "La superficie convertida y su emisión son una estimación, no una medición" + (
        f": {source}." if source else ".")


def sequestration_zero_words(lang: str = "es") -> str:
    """What a residual sized without the crop's sequestration must say: the note ``compute`` shows, and what it
    means for the amount to compensate."""
    return note_message("sequestration_no_areas", lang) + (
        " What is left to compensate is the whole net emission, with nothing absorbed by the cocoa subtracted: "
        "enter the areas by system and age to count it." if lang == "en" else
        " Lo que queda por compensar es toda la emisión neta, sin restar nada de lo que absorbe el cacao: registre "
        "las áreas por sistema y edad para contarlo.")


def plan_notes(plan: Plan, lang: str = "es", unsaid_only: bool = False) -> list[str]:
    """The notes said with a plan (``unsaid_only``: those its recommendations do not already say: the residual's
    words carry the sequestration note)."""
    residual = plan.item("residual")
    said = {"sequestration_no_areas"} if residual is not None and residual.numbers.get("sequestration_zero") else set()
    return [sequestration_zero_words(lang) if n == "sequestration_no_areas" else note_message(n, lang)
            for n in plan.notes if not (unsaid_only and n in said)]


def reduction_words(plan: Plan, lang: str = "es") -> str:
    """The §7 "Reduction" column for this plan: what avoiding and reducing save, or "–"."""
    parts = [f"{tier_words(r.tier, lang).lower()}: {_short(r, lang)} {_q(r.saving_t, 0, lang)} "
             f"t/{'yr' if lang == 'en' else 'año'}" for r in plan.items if r.saving_t > 0]
    return "; ".join(parts) if parts else DASH


def _short(rec: Recommendation, lang: str) -> str:
    words = {"jute": ("yute", "jute"), "compost": ("compostaje", "composting")}
    return words[rec.code][lang == "en"]


def compensation_words(plan: Plan, lang: str = "es") -> str:
    """The §7 "Compensation" column: what remains after avoiding and reducing, in hectares or credits; "–" when
    nothing remains (a net sink, or a cooperative whose reductions cover its net emissions)."""
    rec = plan.item("residual")
    if rec is None:
        return DASH
    n = rec.numbers
    t, ha = _a(n["t"], lang), _a(n["ha"], lang)
    if lang == "en":
        return f"{t} t/yr: {ha} ha of plantation or {t} credits"
    return f"{t} t/año: {ha} ha de plantación o {t} créditos"


def comparison(plan: Plan, lang: str = "es") -> str:
    """The report's split (reduce ~70 %, compensate ~30 %) beside the model's, and where they differ."""
    en = lang == "en"
    split = plan.split()
    r, c = _pct(report.REPORT_REDUCTION_SHARE, lang), _pct(report.REPORT_COMPENSATION_SHARE, lang)
    if split is None:
        net = _q(-plan.net_t, 0, lang)
        return (f"Already a net sink (it absorbs {net} t CO2e/yr more than it emits): nothing to compensate, \"–\" as "
                "in the report." if en else
                f"Ya es un sumidero neto (absorbe {net} t CO2e/año más de lo que emite): nada que compensar, «–» como "
                "en el informe.")
    left = split[1]
    head = (f"The report: reduce ~{r} (composting and manure), compensate ~{c}. This model: avoiding and reducing "
            f"remove {_q(plan.reductions_t, 0, lang)} t CO2e/yr of {_q(plan.net_t, 0, lang)} t net "
            f"({_pct(plan.reductions_t / plan.net_t, lang)})" if en else
            f"El informe: reducir ~{r} (compostaje y abono), compensar ~{c}. Este modelo: evitar y reducir quitan "
            f"{_q(plan.reductions_t, 0, lang)} t CO2e/año de {_q(plan.net_t, 0, lang)} t netas "
            f"({_pct(plan.reductions_t / plan.net_t, lang)})")
    if left <= 0:
        calibrated = plan.husk_model is not None
        return head + ("; that is enough to make it a net sink" + (" with the calibrated husk factor" if calibrated
                                                                   else "") +
                       f": nothing is left to compensate, where the report still compensates {c}." if en else
                       "; basta para que pase a ser un sumidero neto" + (" con el factor calibrado de la cáscara"
                                                                          if calibrated else "") +
                       f": no queda nada que compensar, donde el informe compensa igual un {c}.")
    return head + (f"; {_pct(left, lang)} remains to compensate (the report: {c})." if en else
                   f"; queda un {_pct(left, lang)} por compensar (el informe: {c}).")


def densification_comparison(plans: list[Plan], lang: str = "es") -> str | None:
    """Which cooperatives the report names for densification beside those this model flags (only when the
    campaign holds the report's cooperatives)."""
    named = [p.name for p in plans if p.published is not None and p.published.densification]
    if not named:
        return None
    flagged = [p.name for p in plans if p.item("densify") is not None]
    both = _names(flagged) if flagged else DASH
    extra = [n for n in flagged if n not in named]
    missing = [n for n in named if n not in flagged]
    text = (f"The report names {_names(named)} for densification; this model (yield under 80 % of the campaign's) "
            f"flags {both}." if lang == "en" else
            f"El informe nombra a {_names(named)} para densificar; este modelo (rendimiento bajo el 80 % del de la "
            f"campaña) señala a {both}.")
    if extra:
        text += (f" Not in the report: {_names(extra)} (the report does not state its criterion)." if lang == "en"
                 else f" No están en el informe: {_names(extra)} (el informe no dice su criterio).")
    if missing:
        text += (f" In the report only: {_names(missing)}." if lang == "en" else
                 f" Solo en el informe: {_names(missing)}.")
    return text


def _names(names: list[str]) -> str:
    """Cooperative names joined, without a second full stop after "Ltda."."""
    return ", ".join(n.rstrip(".") for n in names)
