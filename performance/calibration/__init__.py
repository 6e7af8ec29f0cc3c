"""How a generated council compares with published councils' figures, through the dashboard's own
computations."""
