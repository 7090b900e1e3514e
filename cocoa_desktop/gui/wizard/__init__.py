"""The survey wizard: one page per section of the user guide, each saved when it is left."""
