"""Evaluation runs: named, frozen evaluations (mid-term, final), the Secretariat's text
written on them and the Liaison Group's review comments."""
