"""CPB Monitor: the Implementation Plan of the Cartagena Protocol and its
Capacity-Building Action Plan (2021-2030), measured from national reports."""

__version__ = "0.1.0"
