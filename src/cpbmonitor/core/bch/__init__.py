"""Harvesting from the Biosafety Clearing-House (BCH), the pure part (no Django).

``settings``: the sync's settings, declared once (environment variables, defaults, help);
``index``: the Solr index query and its pages; ``client``: an HTTP client with bounded
retries and a limit on concurrent requests; ``planning``: what to fetch given what is
stored; ``documents``: a fetched national report as the import's input;
``mapping``: BCH records to the project's record types, driven by a data file.
"""
