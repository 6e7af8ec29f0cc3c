"""The DfE's validation rules for each return, as a registry of rule functions."""
