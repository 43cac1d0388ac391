"""Milestones that the meeting of the Parties sets for indicators: stored, imported and
exported, and assessed against the stored reports (``cpbmonitor.core.milestones``)."""
