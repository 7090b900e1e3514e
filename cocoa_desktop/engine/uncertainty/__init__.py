"""Uncertainty: the Monte Carlo, its inputs and steps, sensitivity and the spreads of a campaign."""
