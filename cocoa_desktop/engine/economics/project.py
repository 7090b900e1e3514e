"""A carbon-credit project of a cooperative's cocoa agroforestry: what goes in (Goñas et al. 2024, Tables 5–9).

A project runs ``years`` years after year 0 (the year of the investment and of the set-up costs). Money is in
soles (PEN); the carbon price is in US dollars per tonne of CO2 and turned into soles with the exchange rate.
The file format (``cocoa-desktop/carbon-project``) is this model as JSON; see ``user_guide/en/economics.md``.

What the model holds, and where the paper has it:
- investment items, quantity × unit cost, in a year (Table 5: land, seedlings, their transport, planting);
- project costs per year (Table 7: consulting, registry account, methodology approval, validation/verification,
  monitoring staff);
- cocoa with and without the project: area, yield, losses and self-consumption, price, cost per kg, other costs
  per year (Tables 3, 4, 8);
- sequestration, either a rate (t CO2/ha/yr × ha, Table 6) or a carbon-stock-by-age curve with renewal;
- the carbon market: price, exchange rate, registry fee per credit, benefit sharing; payments per seedling.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, Strict, StringConstraints, ValidationError, model_validator
from pydantic_core import PydanticCustomError

from cocoa_desktop.engine.files.survey_io import parse_json, read_bytes
from cocoa_desktop.engine.model.issues import TEXT_PATTERN, Issue, SurveyValidationError, issues_from_validation_error

PROJECT_FORMAT = "cocoa-desktop/carbon-project"
FORMAT_VERSION = 1
MAX_YEARS = 60
MAX_PEN = 1e12
MAX_FILE_BYTES = 10 * 1024 * 1024  # a project file: a few kB (10,000 cohorts, the most the model takes, ~0.6 MB)

# Numbers are strict, as in the survey files: true/false or "5" where a number goes is an error, not 1 or 5.
Money = Annotated[float, Strict(), Field(ge=0.0, le=MAX_PEN, allow_inf_nan=False)]
Amount = Annotated[float, Strict(), Field(ge=0.0, le=1e12, allow_inf_nan=False)]
Fraction = Annotated[float, Strict(), Field(ge=0.0, le=1.0, allow_inf_nan=False)]
Whole = Annotated[int, Strict()]
Signed = Annotated[float, Strict(), Field(ge=-1e15, le=1e15, allow_inf_nan=False)]  # a published PEN figure, a rate
CurveAge = Annotated[float, Strict(), Field(le=1000.0, allow_inf_nan=False)]  # negative ages: the curve's own message
CurveStock = Annotated[float, Strict(), Field(le=1e6, allow_inf_nan=False)]


class _Part(BaseModel):
    model_config = ConfigDict(extra="forbid", allow_inf_nan=False)


class Perspective(StrEnum):
    """Which cash flow the indicators are computed on (see the user guide's chapter on economics)."""

    PUBLISHED = "published"  # Goñas et al. Table 9: investment + cocoa sales + carbon sales − project costs
    INCREMENTAL = "incremental"  # with the project minus without it: what selling credits adds
    WITH_PROJECT = "with_project"  # everything with the project, cocoa production costs included


class SequestrationMode(StrEnum):
    RATE = "rate"  # t CO2 per ha per year, the same every year (the paper's 103)
    STOCK_CURVE = "stock_curve"  # carbon stock by plantation age; renewal resets the age


class InvestmentItem(_Part):
    label: Annotated[str, StringConstraints(min_length=1, max_length=200, pattern=TEXT_PATTERN)]
    quantity: Amount
    unit_cost_pen: Money
    year: Whole = Field(default=0, ge=0, le=MAX_YEARS)

    @property
    def total_pen(self) -> float:
        return self.quantity * self.unit_cost_pen


class ProjectCost(_Part):
    """One line of Table 7, PEN per year from year 0 to the project's last year; a single value is a one-off cost in
    year 0 (consulting, registration). Any other list shorter than the project is refused, never read as zeros
    (:meth:`CarbonProject._years_fit`)."""

    label: Annotated[str, StringConstraints(min_length=1, max_length=200, pattern=TEXT_PATTERN)]
    # implementation | certification | monitoring
    group: Annotated[str, StringConstraints(max_length=60, pattern=TEXT_PATTERN)] = "implementation"
    pen_by_year: list[Money] = Field(max_length=MAX_YEARS + 1)


class Cocoa(_Part):
    area_ha: Amount
    yield_kg_per_ha: Amount
    yield_with_project_kg_per_ha: Amount | None = None  # when the project changes yields; else the same
    losses_share: Fraction = 0.05  # losses and self-consumption, not sold
    price_pen_per_kg: Money
    production_cost_pen_per_kg: Money = 0.0  # at the surveyed yield (the paper's 3.91)
    other_costs_pen_by_year: list[Money] = Field(default_factory=list, max_length=MAX_YEARS + 1)  # tools, admin

    def kg_sold(self, with_project: bool) -> float:
        kg_ha = self.yield_with_project_kg_per_ha if with_project and self.yield_with_project_kg_per_ha is not None \
            else self.yield_kg_per_ha
        return self.area_ha * kg_ha * (1.0 - self.losses_share)


class Cohort(_Part):
    area_ha: Amount
    age_years: Whole = Field(ge=0, le=200)  # age in year 0


class Sequestration(_Part):
    mode: SequestrationMode = SequestrationMode.RATE
    rate_t_co2_per_ha_year: Amount = 0.0
    area_ha: Amount | None = None  # rate mode; default: the cocoa area
    first_year: Whole = Field(default=1, ge=0, le=MAX_YEARS)  # credits are sold from this year on
    stock_curve: list[tuple[CurveAge, CurveStock]] = Field(default_factory=list, max_length=200)  # (age yr, t CO2/ha)
    cohorts: list[Cohort] = Field(default_factory=list, max_length=10_000)
    renewal_age_years: Whole = Field(default=30, ge=1, le=200)

    @model_validator(mode="after")
    def _curve_usable(self) -> Sequestration:
        if self.mode is SequestrationMode.STOCK_CURVE:
            ages = [age for age, _ in self.stock_curve]
            if len(ages) < 2 or ages != sorted(set(ages)) or min(ages) < 0:
                raise PydanticCustomError("stock_curve", "stock curve needs two or more increasing ages")
            if any(stock < 0 for _, stock in self.stock_curve):
                raise PydanticCustomError("stock_negative", "a carbon stock cannot be negative")
            if not self.cohorts:
                raise PydanticCustomError("cohorts_missing", "stock curve needs cohorts")
        return self


class CarbonMarket(_Part):
    price_usd_per_t: Money
    exchange_rate_pen_per_usd: Annotated[float, Strict()] = Field(gt=0.0, le=1e6, allow_inf_nan=False)
    registry_fee_usd_per_credit: Money = 0.37  # Gold Standard, per credit sold (Norandino)
    farmers_share: Fraction = 0.10  # of the net carbon income; the rest goes to project activities


class SeedlingPayments(_Part):
    """Payments to producers who raise and plant trees (Norandino: PEN 0.25 in the nursery, 0.50 planted)."""

    nursery_pen_per_seedling: Money = 0.25
    planted_pen_per_seedling: Money = 0.50
    nursery_by_year: list[Amount] = Field(default_factory=list, max_length=MAX_YEARS + 1)
    planted_by_year: list[Amount] = Field(default_factory=list, max_length=MAX_YEARS + 1)


# the variables of the sensitivity table (engine.sensitivity.VARIABLES; a test keeps the two the same)
SensitivityVariable = Literal["cocoa_production", "sequestration", "cocoa_price", "carbon_price", "project_costs"]


class PublishedAbstract(_Part):
    npv_pen: Signed
    irr: Signed
    benefit_cost: Signed


class PublishedSensitivityRow(_Part):
    variable: SensitivityVariable
    change: Annotated[float, Strict(), Field(ge=-1.0, le=100.0, allow_inf_nan=False)]
    npv_spreadsheet_pen: Signed
    irr: Signed | None = None
    benefit_cost: Signed | None = None


class Published(_Part):
    """The source's own figures (Goñas et al. 2024, Tables 9–11 and the abstract), set beside the model's by
    :mod:`published`; typed like the rest of the file, so that a wrong type is refused with its path."""

    source: Annotated[str, StringConstraints(max_length=500, pattern=TEXT_PATTERN)] = ""
    net_flow_pen: list[Signed] = Field(default_factory=list, max_length=MAX_YEARS + 1)
    cumulative_pen: list[Signed] | None = Field(default=None, max_length=MAX_YEARS + 1)
    npv_spreadsheet_pen: Signed | None = None
    irr: Signed | None = None
    benefit_cost: Signed | None = None
    abstract: PublishedAbstract | None = None
    sensitivity: list[PublishedSensitivityRow] = Field(default_factory=list, max_length=200)


class CarbonProject(_Part):
    name: Annotated[str, StringConstraints(min_length=1, max_length=200, pattern=TEXT_PATTERN)]
    years: Whole = Field(ge=1, le=MAX_YEARS)
    discount_rate: Annotated[float, Strict()] = Field(gt=-0.99, le=10.0, allow_inf_nan=False)
    perspective: Perspective = Perspective.INCREMENTAL
    producers: Whole = Field(default=0, ge=0, le=1_000_000)
    investment: list[InvestmentItem] = Field(default_factory=list, max_length=1000)
    project_costs: list[ProjectCost] = Field(default_factory=list, max_length=1000)
    cocoa: Cocoa
    sequestration: Sequestration
    carbon: CarbonMarket
    seedlings: SeedlingPayments = Field(default_factory=SeedlingPayments)
    profitability_threshold_kg_per_ha: Amount = 770.0  # literature figure quoted by the paper (Espinosa-García 2015)
    notes: list[Annotated[str, StringConstraints(max_length=2000, pattern=TEXT_PATTERN)]] = Field(
        default_factory=list, max_length=100)
    published: Published | None = None  # the paper's own figures, to compare with (not used in any result)

    @model_validator(mode="after")
    def _years_fit(self) -> CarbonProject:
        too_late = [item.label for item in self.investment if item.year > self.years]
        if too_late:
            raise PydanticCustomError("year_after_end", "an investment falls after the last year",
                                      {"years": self.years})
        short = self.short_lists()
        if short:
            where, count = short[0]
            raise PydanticCustomError("years_short", "a per-year list ends before the project's last year",
                                      {"where": where, "count": count, "last": count - 1, "years": self.years,
                                       "more": len(short) - 1})
        return self

    def short_lists(self) -> list[tuple[str, int]]:
        """(what, how many values) of each per-year list that ends before the last year. Counting the missing years
        as zero would be silent (APROCAM over 10 years with costs listed for 5: no monitoring or verification in
        years 6–10, the incremental NPV 13 % too high, the with-project one 3.6 times, against those costs going
        on at their year-5 level), so such a list is refused: a list gives every year from 0 to the last (0 where
        there is nothing), a project cost may be a single year-0 value (a one-off cost), and an empty list of other
        costs or seedlings is none at all. Values after the last year are outside the project."""
        need = self.years + 1
        found = [(f"«{cost.label}»", len(cost.pen_by_year)) for cost in self.project_costs
                 if 1 < len(cost.pen_by_year) < need]
        lists = (("cocoa.other_costs_pen_by_year", self.cocoa.other_costs_pen_by_year),
                 ("seedlings.nursery_by_year", self.seedlings.nursery_by_year),
                 ("seedlings.planted_by_year", self.seedlings.planted_by_year))
        return found + [(name, len(values)) for name, values in lists if 0 < len(values) < need]


# custom error code -> (Spanish, English)
MESSAGES: dict[str, tuple[str, str]] = {
    "stock_curve": ("la curva de carbono por edad necesita al menos dos edades, crecientes y sin repetir",
                    "the carbon-stock-by-age curve needs two or more ages, increasing and not repeated"),
    "stock_negative": ("una reserva de carbono no puede ser negativa", "a carbon stock cannot be negative"),
    "cohorts_missing": ("con la curva por edad indique las parcelas: hectáreas y edad en el año 0",
                        "with the curve by age, enter the plots: hectares and age in year 0"),
    "year_after_end": ("una inversión cae después del último año del proyecto ({years})",
                       "an investment falls after the project's last year ({years})"),
    "years_short": ("{where} tiene {count} valores por año (años 0 a {last}), pero el proyecto llega al año {years}: "
                    "dé un valor para cada año de 0 a {years} (0 donde no haya nada); los años que faltan no se "
                    "cuentan como cero (un costo del proyecto de un solo valor es un costo único del año 0) "
                    "[(y {more} lista(s) más así)]",
                    "{where} has {count} values by year (years 0 to {last}), but the project runs to year {years}: "
                    "give a value for every year from 0 to {years} (0 where there is nothing); missing years are not "
                    "counted as zero (a project cost with a single value is a one-off cost in year 0) "
                    "[(and {more} more such list(s))]"),
}


def project_issues(error: ValidationError, prefix: str = "project") -> list[Issue]:
    """A carbon project's validation errors as Issues in Spanish and English (the file's and the form's)."""
    return _issues(error, prefix)


def _issues(error: ValidationError, prefix: str) -> list[Issue]:
    found = []
    for issue, item in zip(issues_from_validation_error(error, prefix), error.errors(include_url=False),
                           strict=True):
        pair = MESSAGES.get(item["type"])
        if pair:
            ctx = item.get("ctx") or {}
            es, en = (text.format(**ctx) for text in pair)
            if not ctx.get("more"):  # "(and 2 more such lists)" only when there are
                es, en = es.split(" [")[0], en.split(" [")[0]
            else:
                es, en = es.replace("[", "").replace("]", ""), en.replace("[", "").replace("]", "")
            issue = Issue(issue.path, issue.code, es, en)
        found.append(issue)
    return found


def refuse(code: str, es: str, en: str, source: str = "", path: str = "(documento)") -> SurveyValidationError:
    return SurveyValidationError([Issue(path=path, code=code, message_es=es, message_en=en)], source=source)


def project_from_document(doc: Any, source: str = "") -> CarbonProject:
    if not isinstance(doc, dict) or doc.get("format") != PROJECT_FORMAT:
        raise refuse("not_our_format", "no es un archivo de proyecto de carbono de esta aplicación",
                     "not a carbon-project file of this application", source, "format")
    version = doc.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool) or not 1 <= version <= FORMAT_VERSION:
        raise refuse("bad_version", f"versión de formato no admitida: {version!r:.40}",
                     f"unsupported format version: {version!r:.40}", source, "format_version")
    unknown = sorted(str(key) for key in set(doc) - {"format", "format_version", "project"})
    if unknown:
        raise refuse("unknown_field", f"campos desconocidos en el documento: {', '.join(unknown)[:200]}",
                     f"unknown fields in the document: {', '.join(unknown)[:200]}", source, unknown[0][:60])
    try:
        return CarbonProject.model_validate(doc.get("project"))
    except ValidationError as exc:
        raise SurveyValidationError(_issues(exc, "project"), source=source) from None


def read_project(path: str | Path) -> CarbonProject:
    """Read a carbon-project file; every problem becomes an Issue (es/en), never a traceback. Read as the survey
    files are: only a regular file of at most MAX_FILE_BYTES, parsed by jiter (a key written twice, NaN, absurd
    nesting or a number of hundreds of digits refused)."""
    data = read_bytes(path, MAX_FILE_BYTES)
    return project_from_document(parse_json(data, str(path)), str(path))


def project_document(project: CarbonProject) -> dict[str, Any]:
    return {"format": PROJECT_FORMAT, "format_version": FORMAT_VERSION,
            "project": project.model_dump(mode="json", exclude_none=True)}
