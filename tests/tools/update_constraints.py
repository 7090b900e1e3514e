"""Write constraints.txt: the exact version installed in this venv of every runtime and test dependency of the app
(pyproject.toml's dependencies and its ``test`` extra, and what they require in turn), one ``name==version`` a line.

CI (.ci/run), the README's commands, the offline wheelhouse (.ci/bundle/wheelhouse.py) and the bundle
(.ci/bundle/check_bundle.py checks the venv against it) install those versions and no others: a new release of a
library reaches the app only when this file is written again, and the tests pass with it. To move to newer
versions, from the project root:

    .venv/bin/pip install -U -e ".[test]"          # or the one package to raise
    .venv/bin/python tests/tools/update_constraints.py
    .venv/bin/python -m pytest                      # then commit constraints.txt with what the upgrade needed

``--check`` writes nothing: exit 1 (with the differences) when constraints.txt is not what it would write
(tests/test_dependencies.py).
"""

from __future__ import annotations

import argparse
import sys
import tomllib
from importlib import metadata
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[2]
CONSTRAINTS = ROOT / "constraints.txt"
EXTRAS = ("test",)
HEADER = """\
# The exact versions the app is tested with: every runtime and test dependency, as installed by
#     python3 -m venv .venv && .venv/bin/pip install -q -c constraints.txt -e ".[test]"
# Written by tests/tools/update_constraints.py (its docstring says how to upgrade); do not edit by hand.
"""


def _requirements() -> list[Requirement]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    found = [Requirement(r) for r in project["dependencies"]]
    for extra in EXTRAS:
        found += [Requirement(r) for r in project["optional-dependencies"][extra]]
    return found


def pins() -> dict[str, str]:
    """{canonical name: installed version} for the requirements that apply here and all that they require."""
    found: dict[str, str] = {}
    todo = [(r, "") for r in _requirements()]
    while todo:
        requirement, extra = todo.pop()
        if requirement.marker is not None and not requirement.marker.evaluate({"extra": extra}):
            continue
        name = canonicalize_name(requirement.name)
        try:
            dist = metadata.distribution(requirement.name)
        except metadata.PackageNotFoundError:
            raise SystemExit(f"{requirement.name} is required but not installed: pip install -e '.[test]'") from None
        if not requirement.specifier.contains(dist.version, prereleases=True):
            raise SystemExit(f"{requirement.name} {dist.version} is installed but {requirement} is required")
        wanted = set(requirement.extras)
        if name in found and not wanted:
            continue
        found[name] = dist.version
        todo += [(Requirement(r), e) for r in dist.requires or () for e in ("", *wanted)]
    return dict(sorted(found.items()))


def text() -> str:
    return HEADER + "".join(f"{name}=={version}\n" for name, version in pins().items())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="write nothing; exit 1 if constraints.txt differs")
    args = parser.parse_args()
    wanted = text()
    if not args.check:
        CONSTRAINTS.write_text(wanted, encoding="utf-8")
        print(f"{len(wanted.splitlines()) - HEADER.count(chr(10))} pins written to {CONSTRAINTS}")
        return 0
    current = CONSTRAINTS.read_text(encoding="utf-8") if CONSTRAINTS.exists() else ""
    if current == wanted:
        return 0
    old, new = set(current.splitlines()), set(wanted.splitlines())
    print("constraints.txt is not what this venv has (python tests/tools/update_constraints.py writes it):")
    print("".join(f"  - {line}\n" for line in sorted(old - new))
          + "".join(f"  + {line}\n" for line in sorted(new - old)))
    return 1


if __name__ == "__main__":
    sys.exit(main())
