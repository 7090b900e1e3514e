"""Fuzzing the newer commands — ``economics``, ``sample-size``, ``scenario``, ``recommend``, ``report`` — and every
command's output path, as careless senders and hostile files would (issue 18).

Each case is the command line a technician could type, with files mutated from the shipped examples (the
mutations of ``mutations.py``), options from pools of good and bad values, and outputs sent to odd places
(/proc/version, /dev/full, a folder, a FIFO, a missing folder, a 300-character name …). Every case is run by
``cli.main`` in a worker process (``cli_worker.py``, many cases per process, two processes), and a sample of them
again as the real console script. What each must show:

- exit 0 or 2: never a traceback, never the internal-error exit 70, never a hang (30 s), peak memory under 1 GB;
- known-invalid input (``INVALID``) refused with exit 2 and a message naming the file or the option; known-valid
  input (``VALID``) accepted; ``MAYBE`` either;
- nothing written when refused (the target unchanged, no temporary file left), a whole file when accepted (a PDF
  from %PDF- to %%EOF; an economics workbook whose title cell is text, not a formula);
- no control character (ESC, CR, C1 …) printed, and ``--json`` output that parses.

Seeded (a failure is reproduced by its case id); ``COCOA_FUZZ_SCALE=10`` runs ten times as many cases. The counts
(cases per command, exit codes, slowest case, peak memory) are printed at the end.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import select
import shutil
import stat
import subprocess
import sys
import threading
import time
import zipfile
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from helpers import generated_surveys
from mutations import BYTE_MUTATORS, INVALID, MAYBE, WRONG_VALUES, byte_flips, mutate_json

from cocoa_desktop.engine.files import survey_io
from cocoa_desktop.engine.files.resources import example_path
from cocoa_desktop.engine.model.survey import Campaign

VALID = "valid"
SCALE = int(os.environ.get("COCOA_FUZZ_SCALE", "1"))
COUNTS = {"economics": 520, "sample-size": 440, "scenario": 340, "recommend": 220, "report": 100, "output": 240}
SEED = 20261218
WORKERS = 2
REPLY_SECONDS = 60  # the worker's own deadline is 30 s; this catches a worker that died or froze below Python
PEAK_MEMORY_KB = 1024 * 1024
# Runs argv[2:] and appends its peak memory (kB) to the file argv[1]. A small parent of its own: a process forked from
# the (large) pytest process keeps pytest's mark in ru_maxrss across exec, so RUSAGE_CHILDREN there would count it.
MEASURED = ("import resource, subprocess, sys; code = subprocess.call(sys.argv[2:]); "
            "open(sys.argv[1], 'a').write(f'{resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}\\n'); "
            "sys.exit(code)")
CONSOLE_SAMPLE = 16  # cases run again, each as its own `cocoa-desktop` process
ROOT = Path(__file__).resolve().parents[2]
PROJECT = example_path("aprocam-2024-carbon-project.json")
REGION = example_path("san-martin-2020-region.json")
COOPS = example_path("san-martin-2020-cooperatives.json")
PRODUCERS = example_path("aprocam-producers-illustrative.csv")


# pools of option values, good and bad
CONFIDENCE = {VALID: ["0.9", "0,95", "90%", "95 %", "0.5", "0.9999", "99%", "0,8"],
              INVALID: ["1e-9", "0.000000001", "0", "1", "-0.9", "100%", "0.49", "abc", "", "nan", "9" * 400,
                        "1.5", "90", "0.99999", "1.000", "\x1b[31m"]}
ERROR = {VALID: ["0.1", "10%", "0,05", "0.5", "0.99"], INVALID: ["0", "1", "-0.1", "abc", "150%", ""]}
PROPORTION = {VALID: ["0.5", "50%", "0.1", "0,9"], INVALID: ["0", "1", "2", "x"]}
SEEDS = {VALID: ["7", "0", "123456", "-1"], INVALID: ["x", "1.5", "9" * 400]}
REGION_HA = {VALID: ["54159", "54 159", "0", "100000", "20000000", "54159,5"],
             INVALID: ["-1", "abc", "9" * 400, "20000001", "1e9", "54.159", "", "\x1b[2J"]}
LEVERS = ["husk.composted=80%", "husk.compost=0,5", "husk.burned=0", "packaging.jute_sack=1",
          "packaging.yute=100%", "general.yield_kg_ha=+20%", "transport.vehicle=Camión rígido",
          "transport.vehicle=pickup", "fermentation.method=sack", "fertilisation.urea=50%"]
BAD_CHANGES = ["general.organisation=Otra", "transport.legs.0=1", "general.areas=0", "husk.shares=1",
               "general.nada=1", "x=1", "husk.shares.nope=1", "transport.legs.99.distance=4",
               "husk.composted", "=5", "husk.composted=", "husk.composted=150%", "husk.composted=abc",
               "packaging.jute_sack=-1", "general.dry_cocoa_kg=abc", "general.yield_kg_ha=-300%"]
VALUES = ["1", "0", "-1", "80%", "+20%", "1e9", "9" * 30, "true", "sí", "sack", "Sacos", "", "x=y", "\x1b[2J",
          "1.250", "0,5", "millas", "NaN"]


@dataclass
class Case:
    id: int
    command: str  # for the counts: economics, sample-size, scenario, recommend, report, output
    args: list[str]
    verdict: str  # VALID, MAYBE or INVALID
    kind: str  # what was done to the input, for the failure message
    names: list[str] = field(default_factory=list)  # a refusal must name one of these (file or option)
    outputs: list[str] = field(default_factory=list)  # files the command may write
    json: bool = False
    before: dict[str, str] = field(default_factory=dict)  # output → its state before the run


def _worst(*verdicts: str) -> str:
    return INVALID if INVALID in verdicts else MAYBE if MAYBE in verdicts else VALID


def _state(path: str) -> str:
    """What a file system entry is, and its content's hash for a small regular file."""
    try:
        info = os.lstat(path)
    except (OSError, ValueError):
        return "absent"
    if path.startswith(("/proc", "/sys", "/dev")):  # their times change by themselves; no one can replace them
        return f"special {stat.S_IFMT(info.st_mode)}"
    if stat.S_ISREG(info.st_mode):
        if info.st_size > 2**20:
            return f"file {info.st_size} {info.st_mtime_ns}"
        return "file " + hashlib.sha256(Path(path).read_bytes()).hexdigest()
    return f"mode {stat.S_IFMT(info.st_mode)}"


class Factory:
    """Makes the cases, and the files they read, in ``folder``."""

    def __init__(self, folder: Path, rng: random.Random) -> None:
        self.folder, self.rng = folder, rng
        self.cases: list[Case] = []
        self.project = PROJECT.read_bytes()
        self.coops, self.region = COOPS.read_bytes(), REGION.read_bytes()
        farms = Campaign(name="Fincas", year=2024, surveys=generated_surveys(3, seed=11))
        self.farms = survey_io.dumps(farms).encode()
        self.fifo = folder / "tubería"
        os.mkfifo(self.fifo)
        self.a_file = folder / "un-archivo.txt"
        self.a_file.write_text("no soy una carpeta")
        self.xlsx = folder / "exportado.xlsx"  # for import-xlsx
        from cocoa_desktop.engine.footprint.factors import factors_for
        from cocoa_desktop.workbook.export import export_workbook

        export_workbook(survey_io.read(REGION), self.xlsx, factors_for(), "es")

    def file(self, name: str, data: bytes) -> str:
        path = self.folder / f"{len(self.cases)}-{name}"
        path.write_bytes(data)
        return str(path)

    def add(self, command: str, args: list[str], verdict: str, kind: str, names: list[str] | None = None,
            outputs: list[str] | None = None) -> None:
        outputs = outputs or []
        self.cases.append(Case(len(self.cases), command, args, verdict, kind, names or [], outputs,
                               "--json" in args, {o: _state(o) for o in outputs}))

    def out(self, suffix: str) -> str:
        return str(self.folder / f"{len(self.cases)}-salida{suffix}")

    def odd_input(self) -> tuple[str, str]:
        """A path that is no file to read: a device, a folder, a FIFO, nothing."""
        return self.rng.choice([("/dev/zero", "device"), (str(self.folder), "folder"), (str(self.fifo), "fifo"),
                                (str(self.folder / "no-existe.json"), "missing"), ("/proc/self/mem", "proc"),
                                (self.file("vacío.json", b""), "empty")])

    def odd_output(self, suffix: str) -> tuple[str, str]:
        """A place no file can be written to, or must not be replaced."""
        return self.rng.choice([
            ("/proc/version", "proc_file"), (f"/proc/salida{suffix}", "proc_new"), (f"/sys/salida{suffix}", "sys"),
            ("/dev/full", "dev_full"), ("/dev/null", "dev_null"), (str(self.folder), "folder"),
            (str(self.fifo), "fifo"), (str(self.folder / "no-existe" / f"x{suffix}"), "missing_folder"),
            (str(self.a_file / f"x{suffix}"), "under_a_file"), ("", "empty"),
            (str(self.folder / ("n" * 300 + suffix)), "name_too_long")])

    def good_output(self, suffix: str) -> str:
        name = self.rng.choice(["salida", "informe ñ #1", "a\x1b[2Jb", "línea\nnueva", "=1+2"])
        return str(self.folder / f"{len(self.cases)}-{name}{suffix}")

    def lang(self) -> list[str]:
        return self.rng.choice([[], ["--lang", "es"], ["--lang", "en"]])

    # ---- economics ----
    def economics(self) -> None:
        rng = self.rng
        choice = rng.random()
        doc = json.loads(self.project)
        if choice < 0.55:
            mutant = mutate_json(rng, self.project)
            data, verdict, kind = mutant.data, mutant.verdict, f"json:{mutant.kind}"
        elif choice < 0.72:
            data, verdict, kind = self._published(doc)
        elif choice < 0.84:
            data, verdict, kind = self._project_numbers(doc)
        elif choice < 0.94:
            doc["project"]["name"] = rng.choice(["=1+2", "+SUM(A1)", "-3", "@x", '=HYPERLINK("http://x","y")',
                                                 "http://example.com", "Cooperativa ñandú — 2024", "x" * 200])
            data, verdict, kind = json.dumps(doc, ensure_ascii=False).encode(), VALID, "name"
        else:
            path, kind = self.odd_input()
            self.add("economics", ["economics", path, *self.lang()], INVALID, f"input:{kind}", [path])
            return
        path = self.file("proyecto.json", data)
        args, outputs, names, out_verdict = ["economics", path, *self.lang()], [], [path], VALID
        if rng.random() < 0.4:
            args.append("--json")
        if rng.random() < 0.35:
            target, odd = (self.odd_output(".xlsx") if rng.random() < 0.4 else (self.good_output(".xlsx"), ""))
            args += ["--xlsx", target]
            outputs.append(target)
            if odd:
                names.append(target or ".")
                out_verdict, kind = INVALID, f"{kind}+xlsx:{odd}"
        self.add("economics", args, _worst(verdict, out_verdict), kind, names, outputs)

    def _published(self, doc: dict) -> tuple[bytes, str, str]:
        rng = self.rng
        pub = doc["project"]["published"]
        key = rng.choice(sorted(pub))
        numbers = ("npv_spreadsheet_pen", "irr", "benefit_cost")
        if key in numbers:
            value = rng.choice(["x", True, [], {}, "1e3", None])
            verdict = MAYBE if value is None else INVALID  # null: "not published"
        elif key in ("net_flow_pen", "cumulative_pen"):
            value = rng.choice([5, "x", [True], ["1"], {}, [[1]]])
            verdict = INVALID
        elif key == "abstract":
            value = rng.choice([5, "x", [], {}, {"npv_pen": "x", "irr": 0.4, "benefit_cost": 1.8},
                                {"npv_pen": 1.0}, {"npv_pen": 1, "irr": 1, "benefit_cost": 1, "extra": 1}])
            verdict = INVALID
        elif key == "sensitivity":
            row = {"variable": "cocoa_price", "change": 0.0, "npv_spreadsheet_pen": 1.0}
            value = rng.choice([5, [1], [{}], [{**row, "variable": "otra"}], [{**row, "variable": []}],
                                [{**row, "change": "x"}], [{**row, "npv_spreadsheet_pen": None}], "x"])
            verdict = INVALID
        else:  # source: a text
            value = rng.choice([5, [], None, "x" * 501, "Fuente\x1b[2J"])
            verdict = INVALID
        pub[key] = value
        return json.dumps(doc, ensure_ascii=False).encode(), verdict, f"published:{key}={str(value)[:30]}"

    def _project_numbers(self, doc: dict) -> tuple[bytes, str, str]:
        rng = self.rng
        project = doc["project"]
        key = rng.choice(["years", "discount_rate", "producers", "profitability_threshold_kg_per_ha"])
        value = rng.choice([True, False, "5", [5], {}, 5.5 if key in ("years", "producers") else "x"])
        project[key] = value
        return json.dumps(doc, ensure_ascii=False).encode(), INVALID, f"number:{key}={value!r}"

    # ---- sample-size ----

    def _pick(self, pool: dict[str, list[str]], invalid_share: float) -> tuple[str, str]:
        verdict = INVALID if self.rng.random() < invalid_share else VALID
        return self.rng.choice(pool[verdict]), verdict

    def sample_size(self) -> None:
        rng = self.rng
        confidence, v1 = self._pick(CONFIDENCE, 0.25)
        error, v2 = self._pick(ERROR, 0.12)
        args = ["sample-size", "--confidence", confidence, "--error", error]
        verdicts, names, kinds = [v1, v2], [], [f"confidence={confidence[:12]!r}", f"error={error!r}"]
        for v, name in ((v1, "confidence"), (v2, "error")):
            if v == INVALID:
                names.append(name)
        if rng.random() < 0.3:
            proportion, v = self._pick(PROPORTION, 0.3)
            args += ["--proportion", proportion]
            verdicts.append(v)
            names += ["proportion"] if v == INVALID else []
        if rng.random() < 0.5:
            path, v, kind, count = self._producers()
            args += ["--producers", path]
            verdicts.append(v)
            names.append(path)
            kinds.append(kind)
            if rng.random() < 0.3:
                seed, v = self._pick(SEEDS, 0.3)
                args += ["--seed", seed]
                verdicts.append(v)
                names += ["seed"] if v == INVALID else []
            if rng.random() < 0.15 and count is not None:
                population = str(count + rng.choice([0, 1]))
                args += ["--population", population]
                verdicts.append(VALID if population == str(count) else INVALID)
                names.append("population")
        else:
            strata, v, kind, total = self._strata()
            if strata:
                args += ["--strata", *strata]
            kinds.append(kind)
            verdicts.append(v)
            names.append("strat")
            if rng.random() < 0.4 or not strata:
                population, v = self._population(total)
                args += ["--population", population]
                verdicts.append(v)
                names.append("population")
        if rng.random() < 0.3:
            args.append("--json")
        self.add("sample-size", args + self.lang(), _worst(*verdicts), " ".join(kinds), names)

    def _population(self, total: int | None) -> tuple[str, str]:
        rng = self.rng
        if total is not None and rng.random() < 0.6:
            return rng.choice([(str(total), VALID), (str(total + 1), INVALID)])
        text, verdict = rng.choice([("235", VALID), ("1", VALID), ("100000", VALID), ("100 000", VALID),
                                    ("1.500", VALID), ("0", INVALID), ("-5", INVALID), ("235,5", INVALID),
                                    ("abc", INVALID), ("9" * 300, INVALID), ("100000001", INVALID),
                                    ("1e5", INVALID)])
        if total is not None and verdict == VALID and text.replace(" ", "").replace(".", "") != str(total):
            verdict = INVALID  # not the sum of the strata
        return text, verdict

    def _strata(self) -> tuple[list[str], str, str, int | None]:
        rng = self.rng
        names = ["Imaza", "La Peca", "Nieva", "Copallín", "A\x1b]52;c;aGk=\x07", "Ñ\u009b1m", "Distrito " + "x" * 80]
        strata, verdict, total = [], VALID, 0
        for name in rng.sample(names, rng.randint(0, 4)):
            count = rng.randint(1, 500)
            strata.append(f"{name}={count}")
            total += count
        if rng.random() < 0.35:
            bad = rng.choice(["Imaza", "=5", "B=0", "C=-1", "D=x", "E=" + "9" * 300, "F=1.5", "G=" + "1" + "0" * 9])
            strata.insert(rng.randrange(len(strata) + 1), bad)
            verdict, total = INVALID, None
        elif len(strata) >= 2 and rng.random() < 0.1:
            strata.append(strata[0].rpartition("=")[0] + "=3")  # the same stratum twice (a name may hold "=")
            verdict, total = INVALID, None
        if not strata:
            total = None  # then --population alone
        return strata, verdict, f"strata={len(strata)}:{verdict}", total

    def _producers(self) -> tuple[str, str, str, int | None]:
        rng = self.rng
        base = PRODUCERS.read_bytes()
        lines = base.decode("utf-8-sig").splitlines()
        count = len([line for line in lines[1:] if line.strip()])
        choice = rng.random()
        if choice < 0.25:
            ends = rng.choice(["\r", "\r\n", "\n"])
            data, verdict, kind = ends.join(lines).encode(rng.choice(["utf-8", "cp1252", "utf-8-sig"])), VALID, \
                f"csv:ends={ends!r}"
        elif choice < 0.4:
            at = rng.randrange(1, len(lines))
            head, _, rest = lines[at].partition(";")
            lines[at] = head + rng.choice(["\x1b[2J", "\x07", "\u009b31m", "\x7f", "\u0085"]) + ";" + rest
            data, verdict, kind = "\n".join(lines).encode(), MAYBE, "csv:control"  # U+0085 may cut a line
            count = None
        elif choice < 0.6:
            raw, label = rng.choice([
                (b"", "empty"), (lines[0].encode() + b"\n", "header_only"), (b"nombre;edad\nAna;3\n", "no_stratum"),
                (b";;;\n;;\n", "separators"), (base[:40] + b"\x00" + base[40:], "nul"),
                (b"nombre;distrito\n" + b"A" * 200_000 + b";Imaza\n", "huge_field"),
                (b"codigo;nombre;distrito\n1;Ana;Imaza\n1;Beto;Imaza\n", "duplicate_code"),
                (b"nombre;distrito\nAna;Imaza\n;Nieva\n", "blank_name"),
                (b"PK\x03\x04" + bytes(rng.randrange(256) for _ in range(200)), "zip")])
            data, verdict, kind, count = raw, INVALID, f"csv:{label}", None
        elif choice < 0.85:
            mutant = rng.choice(BYTE_MUTATORS)(rng, base)
            data, verdict, kind, count = mutant.data, MAYBE, f"csv:{mutant.kind}", None
        else:
            path, kind = self.odd_input()
            return path, INVALID, f"csv:{kind}", None
        return self.file("socios.csv", data), verdict, kind, count

    # ---- scenario and recommend: the campaign read ----
    def campaign_file(self, mutate_share: float) -> tuple[str, str, str, bytes]:
        rng = self.rng
        base_name, base = rng.choice([("coops", self.coops), ("region", self.region), ("farms", self.farms)])
        if rng.random() < mutate_share:
            if rng.random() < 0.1:
                path, kind = self.odd_input()
                return path, INVALID, f"input:{kind}", b""
            mutant = mutate_json(rng, base)
            return self.file(f"{base_name}.json", mutant.data), mutant.verdict, f"{base_name}:{mutant.kind}", b""
        return self.file(f"{base_name}.json", base), VALID, base_name, base

    def scenario(self) -> None:
        rng = self.rng
        path, verdict, kind, data = self.campaign_file(0.25)
        changes, verdicts, names = [], [verdict], [path]
        for _ in range(rng.choice([1, 1, 2, 3])):
            change, v = self._change(data)
            changes += ["--set", change]
            verdicts.append(v)
            names.append(change.partition("=")[0] or "cambio")
        if rng.random() < 0.03:
            changes += [a for _ in range(51) for a in ("--set", "husk.composted=50%")]
            verdicts.append(INVALID)
            names.append("50")
        args = ["scenario", path, *changes, *self.lang()]
        if rng.random() < 0.15:
            args += ["--cooperative", rng.choice(["No existe", "Coop\x1b[2J"])]
            verdicts.append(INVALID)
            names.append("scenario.cooperative")
        if rng.random() < 0.2:
            args += ["--name", rng.choice(["Plan\x1b]0;título\x07", "Compost 2025", "x" * 500])]
        if rng.random() < 0.4:
            args.append("--json")
        self.add("scenario", args, _worst(*verdicts), f"{kind} {' '.join(changes[1::2])[:80]}", names)


    def _change(self, data: bytes) -> tuple[str, str]:
        rng = self.rng
        choice = rng.random()
        if choice < 0.3:
            return rng.choice(LEVERS), MAYBE  # a lever may not apply to a survey without bags or urea
        if choice < 0.55:
            return rng.choice(BAD_CHANGES), INVALID
        leaves = self._leaves(data)
        if not leaves:
            return "husk.composted=80%", MAYBE
        return f"{rng.choice(leaves)}={rng.choice(VALUES)}", MAYBE

    def _leaves(self, data: bytes) -> list[str]:
        try:
            doc = json.loads(data)
        except ValueError:
            return []
        survey = doc.get("survey") or (doc.get("campaign") or {}).get("surveys", [None])[0]
        found: list[str] = []

        def walk(node: Any, prefix: str) -> None:
            if isinstance(node, dict):
                for key, value in node.items():
                    walk(value, f"{prefix}.{key}" if prefix else key)
            elif isinstance(node, list):
                for index, value in enumerate(node):
                    walk(value, f"{prefix}.{index}")
            elif prefix and prefix not in ("id", "general.organisation"):
                found.append(prefix)

        walk(survey, "")
        return found

    # ---- recommend ----

    def recommend(self) -> None:
        rng = self.rng
        path, verdict, kind, data = self.campaign_file(0.3)
        hectares, v = self._pick(REGION_HA, 0.35)
        names = [path]
        if rng.random() < 0.1:
            hectares = "10"  # smaller than the ten cooperatives' area; the region file has one row, never compared
            v = INVALID if data is self.coops else VALID if data is self.region else MAYBE
        if v != VALID:
            names.append("region-ha")
        args = ["recommend", path, "--region-ha", hectares, *self.lang()]
        if rng.random() < 0.2:
            extra, v2 = rng.choice([(["--factor-set", "ipcc2006-ar5"], VALID), (["--gwp", "AR6"], VALID),
                                    (["--gwp", "AR9"], INVALID), (["--factor-set", "nada"], INVALID)])
            args += extra
            names.append(extra[0].strip("-").replace("-", "_"))
            v = _worst(v, v2)
        if rng.random() < 0.4:
            args.append("--json")
        self.add("recommend", args, _worst(verdict, v), f"{kind} region-ha={hectares[:12]!r}", names)

    # ---- report ----
    def report(self) -> None:
        rng = self.rng
        choice = rng.random()
        if choice < 0.5:
            base = rng.choice([self.region, self.farms, self.region, self.coops])
            path, verdict, kind = self.file("entrada.json", base), VALID, "good"
        elif choice < 0.85:
            mutant = mutate_json(rng, rng.choice([self.region, self.farms]))
            path, verdict, kind = self.file("entrada.json", mutant.data), mutant.verdict, f"json:{mutant.kind}"
        else:
            (path, kind), verdict = self.odd_input(), INVALID
        names = [path]
        if rng.random() < 0.4:
            target, odd = self.odd_output(".pdf")
            names.append(target or ".")
            verdict, kind = INVALID, f"{kind}+out:{odd}"
        else:
            target = self.good_output(".pdf")
        self.add("report", ["report", path, "-o", target, *self.lang()], verdict, kind, names, [target])

    # ---- output paths of every command that writes ----
    def output(self) -> None:
        rng = self.rng
        command = rng.choice(["export-xlsx", "import-xlsx", "economics", "report", "package"])
        suffix = {"export-xlsx": ".xlsx", "import-xlsx": ".json", "economics": ".xlsx", "report": ".pdf",
                  "package": ".cacao.zip"}[command]
        odd = rng.random() < 0.75
        target, kind = self.odd_output(suffix) if odd else (self.good_output(suffix), "good")
        args = {"export-xlsx": ["export-xlsx", str(REGION), "-o", target],
                "import-xlsx": ["import-xlsx", str(self.xlsx), "-o", target],
                "economics": ["economics", str(PROJECT), "--xlsx", target],
                "report": ["report", str(REGION), "-o", target],
                "package": ["package", "export", "-o", target]}[command]
        verdict = INVALID if odd else (MAYBE if command == "package" else VALID)
        self.add("output", args + self.lang(), verdict, f"{command}:{kind}", [target or "."], [target])


def make_cases(folder: Path) -> list[Case]:
    rng = random.Random(SEED)
    factory = Factory(folder, rng)
    makers = {"economics": factory.economics, "sample-size": factory.sample_size, "scenario": factory.scenario,
              "recommend": factory.recommend, "report": factory.report, "output": factory.output}
    order = [name for name, count in COUNTS.items() for _ in range(count * SCALE)]
    rng.shuffle(order)
    for name in order:
        makers[name]()
    return factory.cases


# ---- running ----

def _env(folder: Path) -> dict[str, str]:
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen", "COCOA_DESKTOP_DATA_DIR": str(folder / "datos"),
            "PYTHONPATH": str(ROOT), "PYTHONDONTWRITEBYTECODE": "1"}


class Worker:
    def __init__(self, env: dict[str, str], log: Path) -> None:
        self.env, self.log = env, log
        self.start()

    def start(self) -> None:
        self.stderr = self.log.open("ab")
        self.proc = subprocess.Popen([sys.executable, str(Path(__file__).with_name("cli_worker.py"))],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self.stderr,
                                     env=self.env, text=True, encoding="utf-8", bufsize=1)

    def run(self, case: Case) -> dict[str, Any]:
        started = time.perf_counter()
        try:
            self.proc.stdin.write(json.dumps({"id": case.id, "args": case.args, "json": case.json}) + "\n")
            self.proc.stdin.flush()
            ready, _, _ = select.select([self.proc.stdout], [], [], REPLY_SECONDS)
            line = self.proc.stdout.readline() if ready else ""
        except (OSError, ValueError):
            line = ""
        if line:
            return json.loads(line)
        code = "hang" if self.proc.poll() is None else f"crash {self.proc.returncode}"
        self.stop()
        self.start()
        return {"id": case.id, "code": code, "seconds": time.perf_counter() - started, "maxrss_kb": 0,
                "err": "(no reply from the worker)", "out_head": "", "unprintable": [], "json_ok": None}

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait()
        self.stderr.close()

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.stdin.close()
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.stderr.close()


def run_all(cases: list[Case], folder: Path) -> dict[int, dict[str, Any]]:
    env = _env(folder)
    results: dict[int, dict[str, Any]] = {}
    shares = [cases[i::WORKERS] for i in range(WORKERS)]

    def drive(share: list[Case], number: int) -> None:
        # each worker its own data folder, holding the region's survey, so that `package export` has one to write
        worker = Worker({**env, "COCOA_DESKTOP_DATA_DIR": str(folder / f"datos-{number}")},
                        folder / f"worker-{number}.log")
        try:
            setup = worker.run(Case(-1, "setup", ["package", "import", str(REGION)], VALID, "setup"))
            assert setup["code"] == 0, setup
            for case in share:
                results[case.id] = worker.run(case)
        finally:
            worker.close()

    threads = [threading.Thread(target=drive, args=(share, n)) for n, share in enumerate(shares)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


# ---- judging ----

def _whole_output(path: str) -> str | None:
    """None when ``path`` is a whole file of its kind, else what is wrong."""
    target = Path(path)
    if not target.is_file() or target.stat().st_size == 0:
        return "no file written"
    data = target.read_bytes()
    if path.endswith(".pdf"):
        return None if data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF") else "not a whole PDF"
    if path.endswith(".xlsx"):
        try:
            with zipfile.ZipFile(target) as zf:
                sheet = zf.read("xl/worksheets/sheet1.xml").decode()
        except (zipfile.BadZipFile, KeyError):
            return "not a workbook"
        first = sheet[sheet.find('<c r="A1"'):]
        if "<f>" in first[:first.find("</c>")]:
            return "the title cell A1 is a formula"
    return None


def judge(case: Case, result: dict[str, Any]) -> list[str]:
    problems = []
    code, err = result["code"], result["err"]
    if code not in (0, 2):
        problems.append(f"exit {code}")
    if "Traceback" in err:
        problems.append("traceback")
    if result["seconds"] > 30:
        problems.append(f"{result['seconds']:.0f} s")
    if result["unprintable"]:
        problems.append(f"control characters printed: {result['unprintable']}")
    if result["json_ok"] is False:
        problems.append("--json output does not parse")
    if case.verdict == INVALID and code == 0:
        problems.append("known-invalid input accepted")
    if case.verdict == VALID and code == 2:
        problems.append("valid input refused")
    if code == 2:
        if len(err.strip()) < 20:
            problems.append(f"weak message {err!r}")
        elif case.names and not any(name in err for name in case.names if name):
            problems.append(f"the message names none of {[n[:60] for n in case.names]}")
        for output in case.outputs:
            if _state(output) != case.before[output]:
                problems.append(f"{output!r} changed although refused")
    if code in (0, 2):
        for output in case.outputs:
            if output and _state(output + ".tmp") not in ("absent", case.before.get(output + ".tmp", "absent")):
                problems.append(f"{output}.tmp left behind")
    if code == 0:
        for output in case.outputs:
            if case.command != "output" or "package" not in case.kind:
                wrong = _whole_output(output) if output.endswith((".pdf", ".xlsx")) and output in _written(case) \
                    else None
                if wrong:
                    problems.append(f"{output}: {wrong}")
    return problems


def _written(case: Case) -> list[str]:
    """The outputs a successful run must have written (economics writes its workbook only with --xlsx)."""
    return [o for o in case.outputs if o and not o.startswith(("/proc", "/sys", "/dev"))]


def _report(cases: list[Case], results: dict[int, dict[str, Any]], seconds: float) -> dict[str, Any]:
    per_command: dict[str, Counter] = defaultdict(Counter)
    for case in cases:
        result = results[case.id]
        per_command[case.command]["cases"] += 1
        per_command[case.command][f"exit {result['code']}"] += 1
        per_command[case.command][case.verdict] += 1
    slowest = max(cases, key=lambda c: results[c.id]["seconds"])
    return {"cases": len(cases), "per_command": {k: dict(v) for k, v in per_command.items()},
            "max_seconds": round(results[slowest.id]["seconds"], 2), "slowest": " ".join(slowest.args)[:120],
            "peak_memory_mb": round(max(r["maxrss_kb"] for r in results.values()) / 1024, 1),
            "wall_seconds": round(seconds, 1), "workers": WORKERS}


@pytest.fixture(scope="module")
def fuzzed(tmp_path_factory):
    folder = tmp_path_factory.mktemp("fuzz-commands")
    cases = make_cases(folder)
    started = time.perf_counter()
    results = run_all(cases, folder)
    counts = _report(cases, results, time.perf_counter() - started)
    sys.stdout.write("\nfuzz commands: " + json.dumps(counts, ensure_ascii=False) + "\n")
    if os.environ.get("COCOA_FUZZ_REPORT"):
        Path(os.environ["COCOA_FUZZ_REPORT"]).write_text(json.dumps(counts, indent=2, ensure_ascii=False))
    yield cases, results, counts
    shutil.rmtree(folder, ignore_errors=True)


def test_hostile_command_lines_exit_0_or_2_with_nothing_written(fuzzed):
    cases, results, _counts = fuzzed
    assert len(results) == len(cases) >= 800 * SCALE
    failures = []
    for case in cases:
        problems = judge(case, results[case.id])
        if problems:
            failures.append(f"#{case.id} {case.command} [{case.kind}] {case.verdict}: {'; '.join(problems)}\n"
                            f"    args: {case.args!r}\n    exit {results[case.id]['code']}: "
                            f"{results[case.id]['err'][:400]!r}")
    assert not failures, f"{len(failures)} of {len(cases)} cases failed:\n" + "\n".join(failures[:25])


def test_every_command_is_fuzzed_with_refusals_and_acceptances(fuzzed):
    """The cases reach both sides: a suite that refused everything (or nothing) would prove little."""
    _cases, _results, counts = fuzzed
    for command in COUNTS:
        seen = counts["per_command"][command]
        assert seen["cases"] >= COUNTS[command] * SCALE
        assert seen.get("exit 2", 0) > 0, command
        assert seen.get("exit 0", 0) > 0 or command == "output", command
        assert seen.get(INVALID, 0) > 0, command


def test_peak_memory_and_time(fuzzed):
    _cases, _results, counts = fuzzed
    assert counts["peak_memory_mb"] * 1024 < PEAK_MEMORY_KB, counts
    assert counts["max_seconds"] < 30, counts


def test_a_sample_through_the_real_console_script(fuzzed, tmp_path):
    """The same judgement on separate `cocoa-desktop` processes: the interpreter's own traceback, an encoding
    error on a real stdout (a stratum named with bytes that are not UTF-8) or a hang would show here."""
    cases, _results, _counts = fuzzed
    script = Path(sys.executable).with_name("cocoa-desktop")
    if not script.exists():
        pytest.skip("the console script is not installed beside this interpreter")
    env = _env(tmp_path)
    imported = subprocess.run([str(script), "package", "import", str(REGION)], env=env, capture_output=True,
                              timeout=REPLY_SECONDS)  # a survey in the data folder, for `package export`
    assert imported.returncode == 0, imported.stderr
    step = max(1, len(cases) // CONSOLE_SAMPLE)
    sample = [c for c in cases[::step] if not any("\x00" in a for a in c.args)][:CONSOLE_SAMPLE]
    sample.append(Case(-1, "sample-size", [], VALID, "bytes_argv"))
    failures = []
    peaks = tmp_path / "peaks.txt"  # each console script's own peak memory (kB), written by its small parent
    peaks.write_text("")
    for case in sample:
        args: list[Any] = case.args or [b"sample-size", b"--confidence", b"0.9", b"--error", b"0.1", b"--strata",
                                        b"Im\xffaza=10", b"\x1b[2J=5"]
        for output in case.outputs:  # the worker may have written it: judge this run alone
            if Path(output).is_file() and not output.startswith(("/proc", "/sys")):
                Path(output).unlink()
            case.before[output] = _state(output)
        started = time.perf_counter()
        try:
            done = subprocess.run([sys.executable, "-c", MEASURED, str(peaks), str(script), *args],
                                  capture_output=True, env=env, timeout=REPLY_SECONDS)
            code, out, err = done.returncode, done.stdout, done.stderr
        except subprocess.TimeoutExpired:
            code, out, err = "hang", b"", b""
        try:
            text = out.decode("utf-8") + err.decode("utf-8")
        except UnicodeDecodeError:
            text = "\x00(not UTF-8)"
        found = sorted({f"U+{ord(c):04X}" for c in text if (ord(c) < 32 and c not in "\n\t")
                        or 0x7f <= ord(c) <= 0x9f or 0xd800 <= ord(c) <= 0xdfff})
        json_ok = None
        if case.json and code == 0:
            try:
                json.loads(out)
                json_ok = True
            except ValueError:
                json_ok = False
        result = {"code": code, "err": err.decode("utf-8", "replace"), "seconds": time.perf_counter() - started,
                  "unprintable": found, "json_ok": json_ok}
        problems = judge(case, result)
        if problems:
            failures.append(f"#{case.id} {case.args!r}: {problems} {result['err'][:300]!r}")
    assert not failures, "\n".join(failures)
    peak_kb = max((int(n) for n in peaks.read_text().split()), default=0)
    assert peak_kb > 0 and peak_kb < PEAK_MEMORY_KB, f"a child process peaked at {peak_kb // 1024} MB"


def test_the_verdicts_hold_on_the_unchanged_examples(tmp_path):
    """What the factory calls VALID is valid: the examples it starts from are accepted by each command."""
    from cocoa_desktop.cli import main

    assert main(["economics", str(PROJECT)]) == 0
    assert main(["recommend", str(COOPS), "--region-ha", "20000000"]) == 0
    assert main(["scenario", str(COOPS), "--set", "husk.composted=80%"]) == 0
    assert main(["sample-size", "--confidence", "0,9999", "--error", "0.99", "--producers", str(PRODUCERS)]) == 0


@pytest.mark.parametrize("byte_mutator", [byte_flips])
def test_mutators_change_the_bytes(byte_mutator):
    data = PROJECT.read_bytes()
    assert byte_mutator(random.Random(1), data).data != data
    assert WRONG_VALUES  # the pools the factory draws from are the shared ones
