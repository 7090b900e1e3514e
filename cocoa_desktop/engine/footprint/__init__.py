"""The footprint: factor sets, stage equations, a survey's result, the roll-ups, the published figures."""
