"""Compensation and carbon-credit economics: the project, its cash flows, the carbon market, the report."""
