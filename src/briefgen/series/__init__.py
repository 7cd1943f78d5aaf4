"""A series of briefs: one project built once per set of parameter values (``series:``)."""
