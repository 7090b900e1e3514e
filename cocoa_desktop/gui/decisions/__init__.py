"""Decisions: the decisions window, scenarios, economics and the sampling plan."""
