"""The campaign view: its table, charts, a cooperative's detail, the year-over-year comparison."""
