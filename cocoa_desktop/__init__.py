"""Cocoa carbon footprint desktop app for San Martín cooperatives."""

__version__ = "0.1.0"
