"""The wizard chapters of the user guide show screenshots that exist, in both languages."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

GUIDE = Path(__file__).resolve().parents[2] / "user_guide"


@pytest.mark.parametrize("chapter", ["es/asistente.md", "en/wizard.md"])
def test_every_screenshot_named_in_the_chapter_exists(chapter):
    text = (GUIDE / chapter).read_text(encoding="utf-8")
    lang = chapter[:2]
    images = re.findall(r"\]\((\.\./screenshots/[^)]+\.png)\)", text)
    named = re.findall(r"`(\d\d-[\w-]+\.png)`", text)
    assert len(images) >= 6  # main window, results, explanations, presentation, conflict, history
    assert len(named) >= (11 if lang == "es" else 1)  # the Spanish chapter's table names every page's shot
    for image in images:
        assert (GUIDE / lang / image).resolve().exists(), image
    for name in named:
        assert (GUIDE / "screenshots" / "es" / name).exists() and (GUIDE / "screenshots" / "en" / name).exists()
