"""Decisions: recommendations and mitigation scenarios, and their words."""
