"""Recommendations in words (es/en), each citing the numbers that triggered and sized it; a plan's §7 columns
("reduction", "compensation") and the report's 70/30 split beside the model's."""

from __future__ import annotations

from cocoa_desktop.engine.decisions.recommendations import Plan, Recommendation, Tier, estimate_words
from cocoa_desktop.engine.economics import carbon_market
from cocoa_desktop.engine.footprint import promperu_2020 as report
from cocoa_desktop.engine.footprint.results import note_message
from cocoa_desktop.engine.words import percent, pick, quantity, say

TIER_WORDS: dict[Tier, tuple[str, str]] = {
    Tier.AVOID: ("Evitar", "Avoid"),
    Tier.REDUCE: ("Reducir", "Reduce"),
    Tier.RESTORE: ("Restaurar", "Restore"),
    Tier.COMPENSATE: ("Compensar", "Compensate"),
}
DASH = "–"


def tier_words(tier: Tier, lang: str = "es") -> str:
    return pick(TIER_WORDS[tier], lang)


def size_words(value: float, lang: str = "es") -> str:
    """A size read at a glance: whole numbers from 100 on, one decimal from 1, two below (a farm's 0,54 ha)."""
    return quantity(value, 0 if abs(value) >= 100 else 1 if abs(value) >= 1 else 2, lang)


_a = size_words


def _money(n: dict[str, float], lang: str) -> tuple[str, str, str]:
    social, low, high = (n[f"usd_{p.usd_per_t:g}"] for p in carbon_market.PRICES)
    return quantity(social, 0, lang), quantity(low, 0, lang), quantity(high, 0, lang)


def _prices(lang: str) -> tuple[str, str, str]:
    social, low, high = (quantity(p.usd_per_t, 2 if p.usd_per_t % 1 else 0, lang) for p in carbon_market.PRICES)
    return social, low, high


def message(rec: Recommendation, lang: str = "es") -> str:
    n = rec.numbers
    a = lambda v: _a(v, lang)  # noqa: E731
    if rec.code == "deforestation":
        if n.get("estimated"):  # e.g. a regional area shared out by area: not this cooperative's measured figure
            said = estimate_words(rec.sources, lang)
            return say(lang,
                       f"No convertir más bosque: se estiman {quantity(n['ha'], 1, lang)} ha convertidas de bosque "
                       f"({said}), que emitieron unas {quantity(n['t'], 0, lang)} t CO2e una sola vez, "
                       f"{quantity(n['times_gross'], 1, lang)} veces las emisiones brutas de un año; su compensación "
                       "se calcula aparte, más abajo.",
                       f"No further forest conversion: an estimated {quantity(n['ha'], 1, lang)} ha converted from "
                       f"forest ({said}) emitted an estimated {quantity(n['t'], 0, lang)} t CO2e once, "
                       f"{quantity(n['times_gross'], 1, lang)} times a year's gross emissions; its compensation is "
                       "sized apart, below.")
        return say(lang,
                   f"No convertir más bosque: {quantity(n['ha'], 1, lang)} ha convertidas de bosque emitieron "
                   f"{quantity(n['t'], 0, lang)} t CO2e una sola vez, {quantity(n['times_gross'], 1, lang)} veces las "
                   "emisiones brutas de un año; su compensación se calcula aparte, más abajo.",
                   f"No further forest conversion: {quantity(n['ha'], 1, lang)} ha converted from forest emitted "
                   f"{quantity(n['t'], 0, lang)} t CO2e once, {quantity(n['times_gross'], 1, lang)} times a year's "
                   "gross emissions; its compensation is sized apart, below.")
    if rec.code == "jute":
        return say(lang,
                   f"Sacos de yute en lugar de plástico: {quantity(n['plastic_kg'], 0, lang)} kg de envases plásticos "
                   f"al año emiten {quantity(n['t'], 1, lang)} t CO2e/año; el yute, {quantity(n['jute_ef'], 2, lang)} "
                   f"kg CO2e por kg en este conjunto de factores: se evitan {quantity(n['t'], 1, lang)} t CO2e/año.",
                   f"Jute sacks instead of plastic: {quantity(n['plastic_kg'], 0, lang)} kg of plastic bags a year "
                   f"emit {quantity(n['t'], 1, lang)} t CO2e/yr; jute, {quantity(n['jute_ef'], 2, lang)} kg CO2e per "
                   f"kg in this factor set: {quantity(n['t'], 1, lang)} t CO2e/yr avoided.")
    if rec.code == "compost":
        text = say(lang,
                   f"Compostar la cáscara: el {percent(n['rotting_share'], 0, lang)} se deja pudrir en la finca; "
                   f"compostarla ahorra {quantity(n['t'], 0, lang)} t CO2e/año (el "
                   f"{percent(n['share_of_husk'], 0, lang)} de la etapa de cáscara, {quantity(n['husk_t'], 0, lang)} "
                   "t/año).",
                   f"Compost the husk: {percent(n['rotting_share'], 0, lang)} of it is left to rot on the farm; "
                   f"composting it saves {quantity(n['t'], 0, lang)} t CO2e/yr ({percent(n['share_of_husk'], 0, lang)} "
                   f"of the husk stage, {quantity(n['husk_t'], 0, lang)} t/yr).")
        if "t_ipcc" not in n:
            return text
        cal, ipcc = quantity(n["ch4"], 4, lang), quantity(n["ch4_ipcc"], 4, lang)
        return text + say(lang,
                          f" Depende del factor de metano de la cáscara calibrado al informe ({cal} kg CH4/kg de "
                          f"cáscara); con el valor del IPCC para un montón sin manejo ({ipcc}) ahorraría "
                          f"{quantity(n['t_ipcc'], 0, lang)} t CO2e/año.",
                          f" That rests on the husk methane factor calibrated to the report ({cal} kg CH4/kg husk); "
                          f"with the IPCC value for an unmanaged heap ({ipcc}) it would save "
                          f"{quantity(n['t_ipcc'], 0, lang)} t CO2e/yr.")
    if rec.code == "densify":
        return say(lang,
                   f"Densificar o renovar plantaciones: {quantity(n['yield'], 0, lang)} kg/ha, el "
                   f"{percent(n['ratio'], 0, lang)} de los {quantity(n['campaign_yield'], 0, lang)} kg/ha de la "
                   "campaña. Con el rendimiento de la campaña la misma tierra daría "
                   f"{quantity(n['extra_kg'], 0, lang)} kg más de cacao al año y la huella neta pasaría de "
                   f"{quantity(n['net_per_kg'], 2, lang)} a {quantity(n['net_per_kg_after'], 2, lang)} kg CO2e/kg.",
                   f"Densify or renew plantations: {quantity(n['yield'], 0, lang)} kg/ha, "
                   f"{percent(n['ratio'], 0, lang)} of the campaign's {quantity(n['campaign_yield'], 0, lang)} kg/ha. "
                   f"At the campaign's yield the same land would give {quantity(n['extra_kg'], 0, lang)} kg more cocoa "
                   f"a year and the net footprint would go from {quantity(n['net_per_kg'], 2, lang)} to "
                   f"{quantity(n['net_per_kg_after'], 2, lang)} kg CO2e/kg.")
    social, low, high = _money(n, lang)
    p_social, p_low, p_high = _prices(lang)
    ha = say(lang,
             f"{a(n['ha'])} ha ({a(n['ha_low'])}–{a(n['ha_high'])} ha con "
             f"{quantity(n['rate_low'], 0, lang)}–{quantity(n['rate_high'], 0, lang)} t CO2e/ha/año)",
             f"{a(n['ha'])} ha ({a(n['ha_low'])}–{a(n['ha_high'])} ha at "
             f"{quantity(n['rate_low'], 0, lang)}–{quantity(n['rate_high'], 0, lang)} t CO2e/ha/yr)")
    if rec.code == "residual":
        text = say(lang,
                   f"Compensar lo que queda, {a(n['t'])} t CO2e/año: {ha} de plantación forestal o agroforestal a "
                   f"{quantity(n['rate'], 1, lang)} t CO2e/ha/año, o {a(n['t'])} créditos de carbono al año: USD "
                   f"{social} al precio social del carbono del Perú (USD {p_social}/t), USD {low}–{high} a precios de "
                   f"inserción (USD {p_low}–{p_high}/t).",
                   f"Compensate what remains, {a(n['t'])} t CO2e/yr: {ha} of forest or agroforestry plantation at "
                   f"{quantity(n['rate'], 1, lang)} t CO2e/ha/yr, or {a(n['t'])} carbon credits a year: USD {social} "
                   f"at Peru's social carbon price (USD {p_social}/t), USD {low}–{high} at insetting prices (USD "
                   f"{p_low}–{p_high}/t).")
        if n.get("sequestration_zero"):
            text += " " + sequestration_zero_words(lang)
        return text
    # the same estimate as the deforestation above: said again where it is sized
    guess_en, guess_es = (" estimated", " estimado") if n.get("estimated") else ("", "")
    return say(lang,
               f"Compensar aparte el cambio de uso del suelo{guess_es}, {a(n['t'])} t CO2e una sola vez: densificar "
               f"con sistemas agroforestales o plantar {ha} que lo absorban en {quantity(n['years'], 0, lang)} años, o "
               f"conservar bosque en pie (deforestación evitada, REDD); en créditos, {a(n['t'])} una sola vez: de USD "
               f"{social} (precio social) a USD {high}.",
               f"Compensate the{guess_en} land-use change apart, {a(n['t'])} t CO2e once: densify with agroforestry or "
               f"plant {ha} to absorb it in {quantity(n['years'], 0, lang)} years, or conserve standing forest "
               f"(avoided deforestation, REDD); as credits, {a(n['t'])} once: USD {social} (social price) to USD "
               f"{high}.")


def estimate_sentence(plan: Plan, lang: str = "es") -> str:
    """A sentence for wherever the land-use change of an estimated area is printed ("" when it is not estimated)."""
    rec = plan.item("deforestation")
    if rec is None or not rec.numbers.get("estimated"):
        return ""
    source = "; ".join(rec.sources[:3]) + ("; …" if len(rec.sources) > 3 else "")
    return say(lang, "La superficie convertida y su emisión son una estimación, no una medición",
               "The area converted and its emission are an estimate, not a measurement") + (
        f": {source}." if source else ".")


def sequestration_zero_words(lang: str = "es") -> str:
    """What a residual sized without the crop's sequestration must say: the note ``compute`` shows, and what it
    means for the amount to compensate."""
    return note_message("sequestration_no_areas", lang) + (
        say(lang,
            " Lo que queda por compensar es toda la emisión neta, sin restar nada de lo que absorbe el cacao: registre "
            "las áreas por sistema y edad para contarlo.",
            " What is left to compensate is the whole net emission, with nothing absorbed by the cocoa subtracted: "
            "enter the areas by system and age to count it."))


def plan_notes(plan: Plan, lang: str = "es", unsaid_only: bool = False) -> list[str]:
    """The notes said with a plan (``unsaid_only``: those its recommendations do not already say: the residual's
    words carry the sequestration note)."""
    residual = plan.item("residual")
    said = {"sequestration_no_areas"} if residual is not None and residual.numbers.get("sequestration_zero") else set()
    return [sequestration_zero_words(lang) if n == "sequestration_no_areas" else note_message(n, lang)
            for n in plan.notes if not (unsaid_only and n in said)]


def reduction_words(plan: Plan, lang: str = "es") -> str:
    """The §7 "Reduction" column for this plan: what avoiding and reducing save, or "–"."""
    parts = [f"{tier_words(r.tier, lang).lower()}: {_short(r, lang)} {quantity(r.saving_t, 0, lang)} "
             f"t/{say(lang, 'año', 'yr')}" for r in plan.items if r.saving_t > 0]
    return "; ".join(parts) if parts else DASH


def _short(rec: Recommendation, lang: str) -> str:
    words = {"jute": ("yute", "jute"), "compost": ("compostaje", "composting")}
    return pick(words[rec.code], lang)


def compensation_words(plan: Plan, lang: str = "es") -> str:
    """The §7 "Compensation" column: what remains after avoiding and reducing, in hectares or credits; "–" when
    nothing remains (a net sink, or a cooperative whose reductions cover its net emissions)."""
    rec = plan.item("residual")
    if rec is None:
        return DASH
    n = rec.numbers
    t, ha = _a(n["t"], lang), _a(n["ha"], lang)
    return say(lang,
               f"{t} t/año: {ha} ha de plantación o {t} créditos",
               f"{t} t/yr: {ha} ha of plantation or {t} credits")


def comparison(plan: Plan, lang: str = "es") -> str:
    """The report's split (reduce ~70 %, compensate ~30 %) beside the model's, and where they differ."""
    split = plan.split()
    r, c = percent(report.REPORT_REDUCTION_SHARE, 0, lang), percent(report.REPORT_COMPENSATION_SHARE, 0, lang)
    if split is None:
        net = quantity(-plan.net_t, 0, lang)
        return say(lang,
                   f"Ya es un sumidero neto (absorbe {net} t CO2e/año más de lo que emite): nada que compensar, «–» "
                   "como en el informe.",
                   f"Already a net sink (it absorbs {net} t CO2e/yr more than it emits): nothing to compensate, \"–\" "
                   "as in the report.")
    left = split[1]
    head = say(lang,
               f"El informe: reducir ~{r} (compostaje y abono), compensar ~{c}. Este modelo: evitar y reducir quitan "
               f"{quantity(plan.reductions_t, 0, lang)} t CO2e/año de {quantity(plan.net_t, 0, lang)} t netas "
               f"({percent(plan.reductions_t / plan.net_t, 0, lang)})",
               f"The report: reduce ~{r} (composting and manure), compensate ~{c}. This model: avoiding and reducing "
               f"remove {quantity(plan.reductions_t, 0, lang)} t CO2e/yr of {quantity(plan.net_t, 0, lang)} t net "
               f"({percent(plan.reductions_t / plan.net_t, 0, lang)})")
    if left <= 0:
        calibrated = plan.husk_model is not None
        return head + say(lang,
                          "; basta para que pase a ser un sumidero neto" + (" con el factor calibrado de la cáscara"
                                                                             if calibrated else "") +
                          f": no queda nada que compensar, donde el informe compensa igual un {c}.",
                          "; that is enough to make it a net sink" + (" with the calibrated husk factor" if calibrated
                                                                      else "") +
                          f": nothing is left to compensate, where the report still compensates {c}.")
    return head + say(lang, f"; queda un {percent(left, 0, lang)} por compensar (el informe: {c}).",
                            f"; {percent(left, 0, lang)} remains to compensate (the report: {c}).")


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
    text = say(lang,
               f"El informe nombra a {_names(named)} para densificar; este modelo (rendimiento bajo el 80 % del de la "
               f"campaña) señala a {both}.",
               f"The report names {_names(named)} for densification; this model (yield under 80 % of the campaign's) "
               f"flags {both}.")
    if extra:
        text += say(lang, f" No están en el informe: {_names(extra)} (el informe no dice su criterio).",
                          f" Not in the report: {_names(extra)} (the report does not state its criterion).")
    if missing:
        text += say(lang, f" Solo en el informe: {_names(missing)}.", f" In the report only: {_names(missing)}.")
    return text


def _names(names: list[str]) -> str:
    """Cooperative names joined, without a second full stop after "Ltda."."""
    return ", ".join(n.rstrip(".") for n in names)
