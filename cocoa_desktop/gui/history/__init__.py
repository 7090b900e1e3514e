"""A survey's change history, restoring from it, and conflicts between laptops."""
