"""Small builders shared by the tests."""

from __future__ import annotations

from cocoa_desktop.engine.survey import Survey


def farm(**sections: object) -> Survey:
    """A small valid farm survey; keyword arguments replace whole sections (as dicts)."""
    doc: dict[str, object] = {
        "unit": "farm",
        "general": {"organisation": "Cooperativa de prueba", "farm_name": "Finca 1", "campaign_year": 2024,
                    "producers": 1, "productive_area_ha": 2.0, "dry_cocoa_kg": 1000.0},
    }
    doc.update(sections)
    return Survey.model_validate(doc)
