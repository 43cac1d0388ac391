"""Harvesting from the BCH: listing and fetching (``fetching``), national reports
(``reports``) and records (``records``) handed to the import services, the records only
counted (``counts``), and the sync's bookkeeping (``state``). ``services.bch`` runs them."""
