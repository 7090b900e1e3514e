"""Prepare an offline wheelhouse: this app and every dependency as wheels, for laptops that have Python but no
internet. Run on a computer with internet, copy the folder (USB stick), install there with
``python -m pip install --no-index --find-links wheelhouse cocoa-desktop``. The dependencies are the versions the
tests pass with (constraints.txt), for whichever platform is asked for.

    python .ci/bundle/wheelhouse.py -o wheelhouse                                   # for this computer
    python .ci/bundle/wheelhouse.py -o wheelhouse --platform win_amd64 --python 3.11  # for a Windows laptop
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CONSTRAINTS = ROOT / "constraints.txt"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-o", "--output", default="wheelhouse")
    parser.add_argument("--platform", help="pip platform tag of the target laptop, e.g. win_amd64")
    parser.add_argument("--python", help="Python version of the target laptop, e.g. 3.11")
    args = parser.parse_args()
    out = Path(args.output)
    out.mkdir(parents=True, exist_ok=True)
    # the app itself is pure Python: one wheel fits every platform
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(ROOT)], check=True)
    dependencies = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    command = [sys.executable, "-m", "pip", "download", "-q", "--only-binary=:all:", "-c", str(CONSTRAINTS), "-d",
               str(out)]
    if args.platform:
        command += ["--platform", args.platform]
    if args.python:
        command += ["--python-version", args.python]
    subprocess.run([*command, *dependencies], check=True)
    wheels = sorted(p.name for p in out.glob("*.whl"))
    size = sum(p.stat().st_size for p in out.glob("*.whl")) / 2**20
    print(f"{len(wheels)} wheels, {size:.0f} MB in {out}:\n  " + "\n  ".join(wheels))
    return 0


if __name__ == "__main__":
    sys.exit(main())
