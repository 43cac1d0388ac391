"""Harvesting from the BCH: sync state, runs, quarantine and record counts (Django app)."""
