"""A generated council beside published figures: the calibration tables (issue 13)."""
