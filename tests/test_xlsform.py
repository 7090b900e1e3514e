"""The survey as an XLSForm for phones (issue 23, point 1): pyxform, the library ODK Collect and KoboToolbox use,
converts it to an XForm in both languages (ODK Validate needs Java: not run here), every leaf a technician types
has exactly one question, in the wizard's pages and words, with the model's bounds as constraints and the app's
messages, and the vocabulary's choice lists."""

from __future__ import annotations

import re
import typing
import xml.etree.ElementTree as ET
from collections import Counter
from importlib import metadata
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pyxform.xls2xform import convert

from cocoa_desktop import __version__
from cocoa_desktop.cli import main
from cocoa_desktop.engine.model import vocabulary as v
from cocoa_desktop.engine.model.fields import ITEM, leaves
from cocoa_desktop.engine.model.issues import message_of
from cocoa_desktop.engine.model.survey import Survey
from cocoa_desktop.workbook import xlsform as x

ES, EN = "Español (es)", "English (en)"
XF = "{http://www.w3.org/2002/xforms}"
NCNAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_.-]*$")
QUESTION_TYPES = ("text", "integer", "decimal", "select_one")


def _sheets(path: Path) -> dict[str, list[dict[str, str]]]:
    """Each sheet of the written file as rows of {header: text}."""
    book = load_workbook(path)
    found = {}
    for sheet in book.worksheets:
        rows = [["" if c is None else str(c) for c in row] for row in sheet.iter_rows(values_only=True)]
        found[sheet.title] = [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]
    return found


@pytest.fixture(scope="module", params=["es", "en"])
def written(request, tmp_path_factory) -> tuple[str, Path, dict[str, list[dict[str, str]]]]:
    path = x.write_xlsform(tmp_path_factory.mktemp(request.param) / "encuesta.xlsx", request.param)
    return request.param, path, _sheets(path)


def _questions(survey: list[dict[str, str]]) -> list[dict[str, str]]:
    return [row for row in survey if row["type"].split(" ")[0] in QUESTION_TYPES]


def test_pyxform_converts_the_form(written):
    lang, path, _ = written
    warnings: list[str] = []
    result = convert(str(path), warnings=warnings)
    assert warnings == []
    root = ET.fromstring(result.xform)
    languages = [t.get("lang") for t in root.iter(f"{XF}translation")]
    assert sorted(languages) == [EN, ES]
    default = next(t.get("lang") for t in root.iter(f"{XF}translation") if t.get("default"))
    assert default == (EN if lang == "en" else ES)
    instance = next(root.iter(f"{XF}instance"))[0]
    assert instance.get("id") == x.FORM_ID and instance.get("version") == __version__
    binds = {b.get("nodeset").rsplit("/", 1)[1]: b for b in root.iter(f"{XF}bind")}
    asked = [leaf for leaf in x.asked()]
    assert {x.field_name(leaf.path) for leaf in asked} <= binds.keys()
    bounded = [leaf for leaf in asked if leaf.low is not None or leaf.high is not None]
    for leaf in bounded:  # every bound is a constraint with its message in both languages (itext)
        bind = binds[x.field_name(leaf.path)]
        assert bind.get("constraint") and "jr:itext" in bind.get("{http://openrosa.org/javarosa}constraintMsg")
    assert binds[x.SURVEY_ID].get("calculate") == "once(uuid())"
    assert binds["husk_shares_sum"].get("calculate").count("coalesce(") == len(v.HUSK)
    print(f"\n{lang}: pyxform {metadata.version('pyxform')} converted {len(asked)} questions "
          f"({len(bounded)} with bounds) to an XForm of {len(result.xform):,} characters")


def test_every_leaf_a_technician_types_has_exactly_one_question(written):
    _, _, sheets = written
    questions = _questions(sheets["survey"])
    counts = Counter(x.leaf_path(q["name"]) for q in questions)
    typed = [leaf.path for leaf in leaves() if leaf.path not in x.NOT_ASKED]
    assert all(counts[path] == 1 for path in typed), [p for p in typed if counts[p] != 1]
    assert set(counts) == set(typed)  # and no question answers something else
    assert list(x.NOT_ASKED) == ["estimated_fields"]  # tests/test_fields.py: the wizard does not ask it either
    print(f"\n{len(questions)} questions cover {len(typed)} of the model's {len(leaves())} leaves "
          f"(all but {', '.join(x.NOT_ASKED)})")
    assert len(questions) == len(typed) > 60  # derived from the model: a field added there needs no count here


def test_groups_and_repeats_follow_the_wizards_pages(written):
    _, _, sheets = written
    rows = sheets["survey"]
    groups = [r["name"] for r in rows if r["type"] == "begin group"]
    repeats = [r["name"] for r in rows if r["type"] == "begin repeat"]
    assert groups == ["page_organisation", "page_production", "page_husk", "husk_shares", "page_fertilisation",
                      "page_fermentation", "page_drying", "drying_shares", "page_packaging", "page_transport",
                      "page_sequestration", "page_land_use_change"]
    tables = list(dict.fromkeys(leaf.table for leaf in x.asked() if leaf.table))
    assert repeats == [x.field_name(t) for t in tables] and len(repeats) == 8
    assert sum(r["type"] == "end group" for r in rows) == len(groups)
    assert sum(r["type"] == "end repeat" for r in rows) == len(repeats)
    # the cooperative and the farm come first, after the survey's id
    assert [r["name"] for r in rows[:4]] == [x.SURVEY_ID, "page_organisation", "general__organisation",
                                             "general__farm_name"]
    # each repeat holds the columns of its list, and nothing else
    depth, current = [], {}
    for row in rows:
        if row["type"] == "begin repeat":
            depth.append(row["name"])
        elif row["type"] == "end repeat":
            depth.pop()
        elif row["type"].split(" ")[0] in QUESTION_TYPES:
            current[row["name"]] = depth[-1] if depth else ""
    for leaf in x.asked():
        assert current[x.field_name(leaf.path)] == (x.field_name(leaf.table) if leaf.table else ""), leaf.path


def _wizard_pages() -> list[tuple[str, str, list[str], list[tuple[str, str]]]]:
    """(page id, title, field paths, [(table key, title)]) of each wizard page but the results."""
    from cocoa_desktop.gui.wizard.specs import PAGES

    return [(page.id, page.title, [f.key for f in page.fields]
             + [f"{t.key}{ITEM}.{c.key}" for t in page.tables for c in t.columns],
             [(t.key, t.title) for t in page.tables]) for page in PAGES if page.id != "results"]


def test_the_page_of_each_leaf_is_the_wizards_in_its_order():
    wizard = _wizard_pages()
    assert [page for page, *_ in wizard] == list(x.FORM_PAGES)
    for page, _, paths, _ in wizard:
        form = [leaf.path for leaf in x.page_leaves(page)]
        if page == "organisation":  # on a phone the survey is of a farm: the farm is asked second, then the unit
            assert form[:3] == ["general.organisation", "general.farm_name", "unit"]
            assert sorted(form) == sorted(paths)
        else:
            assert form == paths, page


def test_page_and_table_titles_are_the_wizards_words():
    from PySide6.QtCore import QTranslator

    from cocoa_desktop.gui.i18n import translations_dir

    spanish = QTranslator()
    assert spanish.load("cocoa_desktop_es", translations_dir())
    wizard = _wizard_pages()
    for page, title, _, tables in wizard:
        assert x.PAGE_TITLES[page] == (spanish.translate("pages", title), title)
        for key, table_title in tables:
            assert x.TABLE_TITLES[key] == (spanish.translate("tables", table_title), table_title)
    assert {key for *_, tables in wizard for key, _ in tables} == set(x.TABLE_TITLES)


def test_names_are_xml_names_unique_and_read_back_as_leaves(written):
    _, _, sheets = written
    names = [r["name"] for r in sheets["survey"] if r["name"]]
    assert all(NCNAME.match(n) for n in names) and len(names) == len(set(names))
    for leaf in x.asked():
        assert x.leaf_path(x.field_name(leaf.path)) == leaf.path
    others = [n for n in names if x.leaf_path(n) is None]
    assert all("__" not in n for n in others if n not in {x.field_name(t) for t in x.TABLE_TITLES})
    assert x.leaf_path("survey_id") is None and x.leaf_path("meta") is None
    assert x.field_name("fertilisation.products[].n_percent") == "fertilisation__products__n_percent"


def _scaled(leaf, bound: float) -> float:
    return bound * 100 if x.is_percent(leaf) else bound


def test_bounds_are_constraints_with_the_apps_messages(written):
    _, _, sheets = written
    rows = {r["name"]: r for r in sheets["survey"]}
    for leaf in x.asked():
        row = rows[x.field_name(leaf.path)]
        if leaf.low is not None:
            low = int(leaf.low) if leaf.kind == "whole" else _scaled(leaf, leaf.low)
            code, op, key = ("greater_than", ">", "gt") if leaf.above_low else ("greater_than_equal", ">=", "ge")
            assert f". {op} {low:g}" in row["constraint"], leaf.path
            assert message_of(code, "es", **{key: low}) in row[f"constraint_message::{ES}"], leaf.path
            assert message_of(code, "en", **{key: low}) in row[f"constraint_message::{EN}"], leaf.path
        if leaf.high is not None:
            high = int(leaf.high) if leaf.kind == "whole" else _scaled(leaf, leaf.high)
            assert f". <= {high:.0f}" in row["constraint"], leaf.path
            assert message_of("less_than_equal", "es", le=high) in row[f"constraint_message::{ES}"]
            assert message_of("less_than_equal", "en", le=high) in row[f"constraint_message::{EN}"]
        if leaf.max_length is not None:
            assert f"string-length(.) <= {leaf.max_length}" in row["constraint"]
        assert row["required"] == ("yes" if not leaf.optional else row["required"]), leaf.path
    ratio = rows["general__wet_to_dry_ratio"]
    assert ratio["constraint"] == ". > 0 and . <= 1"  # the model's gt=0: a ratio of 0 is refused
    assert ratio[f"constraint_message::{EN}"].startswith("must be greater than 0; cannot be greater than 1")
    assert rows["general__campaign_year"]["constraint"] == ". >= 1990 and . <= 2100"
    assert "menor que 1990;" in rows["general__campaign_year"][f"constraint_message::{ES}"]


def test_percentages_are_typed_as_in_the_wizard():
    percent = sorted(leaf.path for leaf in x.asked() if x.is_percent(leaf))
    assert percent == sorted([*(f"husk.shares.{k}" for k in v.HUSK), *(f"drying.shares.{k}" for k in v.DRYING),
                              "fermentation.fermented_share", "fermentation.on_farm_share"])
    assert x.to_model("husk.shares.heaped", 40) == pytest.approx(0.4)
    assert x.to_model("fertilisation.products[].n_percent", 46) == 46  # the model holds % N as typed
    assert x.to_model("general.wet_to_dry_ratio", 0.38) == 0.38  # a ratio, not a percentage


def test_husk_and_drying_shares_must_sum_to_100_percent(written):
    _, _, sheets = written
    rows = {r["name"]: r for r in sheets["survey"]}
    for prefix, words in (("husk.shares", v.HUSK), ("drying.shares", v.DRYING)):
        total = x._sum_name(prefix)
        names = [x.field_name(f"{prefix}.{key}") for key in words]
        assert rows[total]["type"] == "calculate"
        assert all(f"${{{n}}}" in rows[total]["calculation"] for n in names)
        for name in names:
            row = rows[name]
            assert f"${{{total}}} >= 99.9 and ${{{total}}} <= 100.1" in row["constraint"]  # SHARE_TOLERANCE
            assert row["required"] == f"${{{total}}} = 0"  # nothing typed: every share is asked for
            assert "deben sumar 100 %" in row[f"constraint_message::{ES}"]
            assert f"${{{total}}} %" in row[f"constraint_message::{EN}"]
        assert rows[prefix.replace(".", "_")]["appearance"] == "field-list"  # one screen: checked together


def test_rules_between_fields_follow_the_model(written):
    _, _, sheets = written
    rows = {r["name"]: r for r in sheets["survey"]}
    wet = rows["general__wet_cocoa_kg"]
    assert wet["relevant"] == wet["required"] == "${general__dry_cocoa_kg} = ''"
    assert wet[f"required_message::{ES}"] == message_of("production_missing", "es")
    bags = rows["packaging__material_kg_per_year"]
    assert bags["required"] == "${packaging__bags_per_year} = '' or ${packaging__kg_per_bag} = ''"
    litres = rows["transport__legs__litres_per_year"]
    assert litres["required"] == "${transport__legs__distance} = ''"
    assert "${transport__legs__fuel} != ''" in litres["constraint"]
    assert rows["fertilisation__products"]["relevant"] == "${fertilisation__data_collected} = 'yes'"
    assert "${land_use_change__conversions__year}" in rows["land_use_change__conversions__year_last"]["constraint"]


def test_choice_lists_are_the_vocabulary(written):
    _, _, sheets = written
    lists: dict[str, list[tuple[str, str, str]]] = {}
    for row in sheets["choices"]:
        lists.setdefault(row["list_name"], []).append((row["name"], row[f"label::{ES}"], row[f"label::{EN}"]))
    for name, choices in lists.items():
        assert choices == [(str(k), es, en) for k, (es, en) in v.LISTS[name].items()], name
    used = {r["type"].split(" ", 1)[1] for r in sheets["survey"] if r["type"].startswith("select_one ")}
    assert used == set(lists)
    assert {"unit", "system", "age_class", "fertiliser", "pesticide", "fuel", "vehicle_fuel", "bag", "vehicle",
            "distance_unit", "previous_use", "fermentation", "yes_no"} == used
    for leaf in x.asked():  # every key the model takes is a choice (a leg's fuel: no firewood in a vehicle)
        if leaf.kind == "choice":
            listed = {c[0] for c in lists[x._column(leaf).words]}
            assert listed == set(leaf.choices) or leaf.path == "transport.legs[].fuel", leaf.path


def test_settings_give_the_apps_version_and_the_first_language(written):
    lang, _, sheets = written
    (settings,) = sheets["settings"]
    assert settings["version"] == __version__ == metadata.version("cocoa-desktop")
    assert settings["form_id"] == x.FORM_ID
    assert settings["default_language"] == (EN if lang == "en" else ES)
    headers = list(sheets["survey"][0])
    first, second = (EN, ES) if lang == "en" else (ES, EN)
    assert headers.index(f"label::{first}") < headers.index(f"label::{second}")
    assert settings["form_title"] == x.FORM_TITLE[lang == "en"]


def _model_default(path: str) -> object:
    model: typing.Any = Survey
    parts = path.split(".")
    for part in parts[:-1]:
        annotation = model.model_fields[part.removesuffix(ITEM)].annotation
        model = typing.get_args(annotation)[0] if part.endswith(ITEM) else annotation
    return model.model_fields[parts[-1]].get_default(call_default_factory=True)


def test_defaults_are_the_models_but_the_unit():
    for path, default in x.DEFAULTS.items():
        model = _model_default(path)
        if path == "unit":  # a phone goes to a farm; the model's default is a whole cooperative
            assert (model, default) == ("cooperative", "farm")
            continue
        leaf = next(leaf for leaf in leaves() if leaf.path == path)
        expected = ("yes" if model else "no") if isinstance(model, bool) else \
            f"{_scaled(leaf, model):g}" if isinstance(model, float | int) else str(model)
        assert default == expected, path


def test_cli_writes_the_form(tmp_path, capsys):
    out = tmp_path / "encuesta.xlsx"
    assert main(["xlsform", "-o", str(out)]) == 0
    typed = len([leaf for leaf in leaves() if leaf.path not in x.NOT_ASKED])
    assert f"{typed} preguntas → {out}" in capsys.readouterr().out
    assert _sheets(out)["settings"][0]["default_language"] == ES
    assert main(["xlsform", "-o", str(tmp_path / "survey.xlsx"), "--lang", "en"]) == 0
    assert f"{typed} questions →" in capsys.readouterr().out


@pytest.mark.parametrize("target", ["missing_folder", "folder", "device", "not_xlsx"])
def test_cli_refuses_an_output_it_cannot_write(tmp_path, capsys, target):
    out = {"missing_folder": str(tmp_path / "no-existe" / "f.xlsx"), "folder": str(tmp_path / "d.xlsx"),
           "device": "/dev/full", "not_xlsx": str(tmp_path / "f.csv")}[target]
    (tmp_path / "d.xlsx").mkdir()
    assert main(["xlsform", "-o", out]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and err.startswith("Datos no válidos")
    assert {"missing_folder": "no existe", "folder": "es una carpeta", "device": ".xlsx",
            "not_xlsx": "debe ser un archivo .xlsx"}[target] in err
    assert Path("/dev/full").exists() and not Path("/dev/full").is_file()
    assert main(["xlsform", "-o", out, "--lang", "en"]) == 2
    assert capsys.readouterr().err.startswith("Invalid data")
