"""Every function of engine/stages says where its equation comes from (issue 21 point 3): a docstring line
``Source: …`` naming the document and its volume, chapter and equation, table or section (IPCC 2006 Guidelines,
PAS 2050:2011, the PROMPERÚ 2020 report, the project's methodology note, the GHG Protocol tool …)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import cocoa_desktop.engine.footprint.stages as stages

# a named source with a place in it: "Vol. 4 Ch. 11 Eq. 11.1", "§5.6", "Table 4.1", "stage 2", "v2.2" …
CITATION = re.compile(r"^Source: .*(IPCC 2006|PAS 2050|PROMPERÚ 2020|methodology §|GHG Protocol|as :func:)", re.M)
PLACE = re.compile(r"(Vol\. \d+ Ch\. \d+|§\s?\d|Table \d|[Ss]tage \d|v\d\.\d|Eq\. \d|as :func:)")


def test_every_stage_function_cites_its_source() -> None:
    uncited = []
    for path in sorted(Path(stages.__file__).parent.glob("*.py")):
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.FunctionDef):
                doc = ast.get_docstring(node) or ""
                source = CITATION.search(doc)
                if source is None or not PLACE.search(doc[source.start():]):
                    uncited.append(f"{path.name}:{node.name}")
    assert uncited == []
