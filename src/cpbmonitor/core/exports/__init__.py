"""Exports of core objects to files: one module per format, registered by name."""
