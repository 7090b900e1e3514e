"""Where the shipped data (factor sets, examples) lives: inside the installed package, or the source tree."""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parents[2]


@cache
def resource_dir() -> Path:
    """``cocoa_desktop/_resources`` in an installed wheel, ``resources/`` beside the package in a checkout."""
    for candidate in (_PACKAGE / "_resources", _PACKAGE.parent / "resources"):
        if (candidate / "factors").is_dir():
            return candidate
    raise FileNotFoundError("resources/factors not found beside the cocoa_desktop package")


def example_path(name: str) -> Path:
    return resource_dir() / "examples" / name


@cache
def guide_dir() -> Path:
    """The user guide (Markdown, es/ and en/, screenshots): ``cocoa_desktop/_user_guide`` in a wheel or bundle,
    ``user_guide/`` beside the package in a checkout."""
    for candidate in (_PACKAGE / "_user_guide", _PACKAGE.parent / "user_guide"):
        if (candidate / "es").is_dir():
            return candidate
    raise FileNotFoundError("user_guide/es not found beside the cocoa_desktop package")
