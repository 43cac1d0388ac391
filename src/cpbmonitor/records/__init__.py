"""Stored BCH, Compliance Committee, usage and capacity-building records.

One generic table (``Record``) holds every type of ``cpbmonitor.core.records``: the
type's own fields in ``data``, the validity dates and governments in columns for
filtering. ``convert`` turns rows into core models and back; ``services`` imports,
saves and reads them (``stored_record_set`` feeds the indicator engine).
"""
