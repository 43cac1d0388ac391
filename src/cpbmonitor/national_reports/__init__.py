"""The registry: Parties, reporting cycles and formats, national reports and their answers."""
