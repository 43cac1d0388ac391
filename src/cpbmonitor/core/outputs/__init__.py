"""Outputs of indicator results in exchange formats (SDMX-CSV)."""
