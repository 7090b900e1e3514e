"""The survey model: its fields, their words, sections, paths, bounds and versions."""
